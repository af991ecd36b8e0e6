import { formatMoneyForApi } from '../../common/money/money';
import { Decimal, plainString } from '../../common/money/decimal';
import type { Recovery } from './recovery.entity';
import type { Settlement, SettlementLine } from './settlement.entity';
import type { SettlementStanding } from './settlement.rules';

const money = (value: Decimal | null | undefined, currency: string) => (value == null ? null : formatMoneyForApi(value, currency));
/** Balances may be negative (a recovery): sign, then the API's money form. */
const signedMoney = (value: Decimal | null | undefined, currency: string) =>
  value == null ? null : value.isNegative() ? `-${formatMoneyForApi(value.abs(), currency)}` : formatMoneyForApi(value, currency);

/**
 * A settlement as it reads now: its decision's figures (final support, what went back to the
 * unit) with what has been paid, received back and is still owed read from the records.
 */
export function toSettlementView(s: Settlement, lines: SettlementLine[], currency: string, standing: SettlementStanding) {
  return {
    id: s.id,
    applicationId: s.applicationId,
    status: s.status,
    dueDate: s.dueDate,
    actualCostLines: lines.map((l) => ({ description: l.description, amount: formatMoneyForApi(l.amount, currency), eligible: l.eligible, documentRef: l.documentRef })),
    actualTotalCost: formatMoneyForApi(s.actualTotalCost, currency),
    actualEligibleCost: formatMoneyForApi(s.actualEligibleCost, currency),
    supportRate: s.supportRate == null ? null : plainString(s.supportRate),
    supportCap: money(s.supportCap, currency),
    approvedSupport: money(s.approvedSupport, currency),
    finalSupport: money(s.finalSupport, currency),
    paid: formatMoneyForApi(standing.paid, currency),
    recovered: formatMoneyForApi(standing.recovered, currency),
    balance: signedMoney(standing.balance, currency),
    released: money(s.released, currency),
    finalPaymentId: s.finalPaymentId ?? null,
    recoveryId: s.recoveryId ?? null,
    submittedBy: s.submittedBy,
    submittedAt: s.submittedAt.toISOString(),
    checkedBy: s.checkedBy ?? null,
    checkedAt: s.checkedAt?.toISOString() ?? null,
    approvedBy: s.approvedBy ?? null,
    approvedAt: s.approvedAt?.toISOString() ?? null,
    approvedCapacity: s.approvedCapacity ?? null,
    approvedOnBehalfOf: s.approvedOnBehalfOf ?? null,
  };
}

export type SettlementView = ReturnType<typeof toSettlementView>;

export function toRecoveryView(r: Recovery, currency: string) {
  return {
    id: r.id,
    applicationId: r.applicationId,
    settlementId: r.settlementId,
    origin: r.origin,
    amount: formatMoneyForApi(r.amount, currency),
    received: formatMoneyForApi(r.received, currency),
    outstanding: formatMoneyForApi(r.amount.minus(r.received), currency),
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    closedAt: r.closedAt?.toISOString() ?? null,
  };
}

export type RecoveryView = ReturnType<typeof toRecoveryView>;

/** The people who signed a settlement off, by name (null where no one has yet). */
export interface SettlementSignatories {
  checkedBy: string | null;
  approvedBy: string | null;
  approvedOnBehalfOf: string | null;
}
