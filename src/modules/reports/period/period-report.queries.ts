import { Injectable } from '@nestjs/common';
import { Clock } from '../../../common/clock';
import { Money } from '../../../common/money/decimal';
import { TransactionRunner } from '../../../database/transaction';
import { type ApplicationStatus } from '../../applications/application-statuses';
import { DISBURSEMENT_KIND_LABELS, DISBURSEMENT_STATUS_LABELS } from '../../disbursements/disbursements.labels';
import { statusLabel } from '../../applications/applications.labels';
import { FUNDED_STATUSES, periodInstants, periodName, transferKindLabel, zero } from '../reports.rules';
import type { PeriodFigures, PeriodTotals } from './period-report.types';

type Row = Record<string, unknown>;
const money = (v: unknown) => new Money((v as string | null) ?? 0);
const int = (v: unknown) => Number.parseInt(String(v ?? 0), 10);
const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
const APPROVED = [...FUNDED_STATUSES, 'cancelled'];

/**
 * The SQL of a period report: ledger movements summed by fund, kind and unit over the period's
 * instants (index ix_transfers_created), approvals by decision date, payments and receipts by value
 * date. Aggregates are the database's; lists are the period's own events.
 */
@Injectable()
export class PeriodReportQueries {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async figures(from: string, to: string, unitId: string | null): Promise<PeriodFigures> {
    const db = this.tx.manager;
    const { start, end } = periodInstants(from, to);
    const unitName = unitId ? text(((await db.query('SELECT name FROM units WHERE id = ?', [unitId])) as Row[])[0]?.name) : null;
    const touchesUnit = unitId ? 'AND (d.unit_id = ? OR c.unit_id = ?)' : '';
    const unitParams = unitId ? [unitId, unitId] : [];

    const movements: Row[] = await db.query(
      `SELECT f.code AS fund_code, f.currency, t.kind, COUNT(*) AS n, SUM(t.amount) AS total
         FROM ledger_transfers t
         JOIN funds f ON f.id = t.fund_id
         ${unitId ? 'JOIN ledger_accounts d ON d.id = t.debit_account_id JOIN ledger_accounts c ON c.id = t.credit_account_id' : ''}
        WHERE t.created_at >= ? AND t.created_at < ? ${touchesUnit}
        GROUP BY f.code, f.currency, t.kind
        ORDER BY f.code, t.kind`,
      [start, end, ...unitParams],
    );
    const byUnit: Row[] = await db.query(
      `SELECT x.unit_id, u.code AS unit_code, u.name AS unit_name, f.currency, x.kind, COUNT(*) AS n, SUM(x.amount) AS total
         FROM (
           SELECT t.fund_id, t.kind, t.amount, d.unit_id
             FROM ledger_transfers t JOIN ledger_accounts d ON d.id = t.debit_account_id
            WHERE t.created_at >= ? AND t.created_at < ? AND d.unit_id IS NOT NULL
           UNION ALL
           SELECT t.fund_id, t.kind, t.amount, c.unit_id
             FROM ledger_transfers t
             JOIN ledger_accounts c ON c.id = t.credit_account_id
             JOIN ledger_accounts d ON d.id = t.debit_account_id
            WHERE t.created_at >= ? AND t.created_at < ? AND c.unit_id IS NOT NULL AND NOT (d.unit_id <=> c.unit_id)
         ) x
         JOIN funds f ON f.id = x.fund_id
         LEFT JOIN units u ON u.id = x.unit_id
        ${unitId ? 'WHERE x.unit_id = ?' : ''}
        GROUP BY x.unit_id, u.code, u.name, f.currency, x.kind
        ORDER BY u.code, x.unit_id, f.currency, x.kind`,
      [start, end, start, end, ...(unitId ? [unitId] : [])],
    );
    const approvals: Row[] = await db.query(
      `SELECT a.id, a.title, e.name AS establishment_name, u.code AS unit_code, u.name AS unit_name, a.status, a.decision_no,
              DATE_FORMAT(a.decision_date, '%Y-%m-%d') AS decision_date, a.currency, a.approved_support
         FROM applications a
         LEFT JOIN establishments e ON e.id = a.establishment_id
         LEFT JOIN units u ON u.id = a.allocation_unit_id
        WHERE a.decision_date BETWEEN ? AND ? AND a.status IN (${APPROVED.map(() => '?').join(',')}) AND a.approved_support IS NOT NULL
              ${unitId ? 'AND a.allocation_unit_id = ?' : ''}
        ORDER BY a.decision_date, a.id`,
      [from, to, ...APPROVED, ...(unitId ? [unitId] : [])],
    );
    // A payment the treasury later sent back was still paid out on its value date: it is listed
    // with the period it was paid in, and its return with the period the money came back in.
    const payments: Row[] = await db.query(
      `SELECT d.id, d.application_id, a.title, d.kind, d.status, a.currency, d.amount, d.treasury_ref, DATE_FORMAT(d.value_date, '%Y-%m-%d') AS value_date
         FROM disbursements d JOIN applications a ON a.id = d.application_id
        WHERE d.status IN ('paid','returned') AND d.value_date BETWEEN ? AND ? ${unitId ? 'AND d.unit_id = ?' : ''}
        ORDER BY d.value_date, d.id`,
      [from, to, ...(unitId ? [unitId] : [])],
    );
    const returns: Row[] = await db.query(
      `SELECT d.id, d.application_id, a.title, d.kind, a.currency, d.amount, d.treasury_ref, DATE_FORMAT(d.value_date, '%Y-%m-%d') AS value_date,
              d.return_treasury_ref, DATE_FORMAT(d.return_value_date, '%Y-%m-%d') AS return_value_date, d.return_reason
         FROM disbursements d JOIN applications a ON a.id = d.application_id
        WHERE d.status = 'returned' AND d.return_value_date BETWEEN ? AND ? ${unitId ? 'AND d.unit_id = ?' : ''}
        ORDER BY d.return_value_date, d.id`,
      [from, to, ...(unitId ? [unitId] : [])],
    );
    const receipts: Row[] = await db.query(
      `SELECT rr.id, rr.recovery_id, r.application_id, a.title, a.currency, rr.amount, rr.treasury_ref, DATE_FORMAT(rr.value_date, '%Y-%m-%d') AS value_date
         FROM recovery_receipts rr
         JOIN recoveries r ON r.id = rr.recovery_id
         JOIN applications a ON a.id = r.application_id
        WHERE rr.value_date BETWEEN ? AND ? ${unitId ? 'AND r.unit_id = ?' : ''}
        ORDER BY rr.value_date, rr.id`,
      [from, to, ...(unitId ? [unitId] : [])],
    );

    const figures: PeriodFigures = {
      from,
      to,
      periodName: periodName(from, to),
      generatedAt: this.clock.now(),
      unitId,
      unitName,
      movements: movements.map((r) => ({ fundCode: String(r.fund_code), currency: String(r.currency), kind: String(r.kind), kindLabel: transferKindLabel(String(r.kind)), transfers: int(r.n), amount: money(r.total) })),
      units: byUnit.map((r) => ({
        unitId: String(r.unit_id),
        unitCode: text(r.unit_code),
        unitName: text(r.unit_name),
        currency: String(r.currency),
        kind: String(r.kind),
        kindLabel: transferKindLabel(String(r.kind)),
        transfers: int(r.n),
        amount: money(r.total),
      })),
      approvals: approvals.map((r) => ({
        applicationId: String(r.id),
        title: String(r.title),
        establishmentName: text(r.establishment_name),
        unitCode: text(r.unit_code),
        unitName: text(r.unit_name),
        status: String(r.status),
        statusLabel: statusLabel(r.status as ApplicationStatus) ?? String(r.status),
        decisionNo: text(r.decision_no),
        decisionDate: String(r.decision_date),
        currency: String(r.currency),
        approvedSupport: money(r.approved_support),
      })),
      payments: payments.map((r) => ({
        disbursementId: String(r.id),
        applicationId: String(r.application_id),
        title: String(r.title),
        kind: String(r.kind),
        kindLabel: DISBURSEMENT_KIND_LABELS[String(r.kind)] ?? String(r.kind),
        status: String(r.status),
        statusLabel: DISBURSEMENT_STATUS_LABELS[String(r.status)] ?? String(r.status),
        currency: String(r.currency),
        amount: money(r.amount),
        treasuryRef: text(r.treasury_ref),
        valueDate: String(r.value_date),
      })),
      returns: returns.map((r) => ({
        disbursementId: String(r.id),
        applicationId: String(r.application_id),
        title: String(r.title),
        kind: String(r.kind),
        kindLabel: DISBURSEMENT_KIND_LABELS[String(r.kind)] ?? String(r.kind),
        currency: String(r.currency),
        amount: money(r.amount),
        paidTreasuryRef: text(r.treasury_ref),
        paidOn: String(r.value_date),
        treasuryRef: String(r.return_treasury_ref),
        valueDate: String(r.return_value_date),
        reason: text(r.return_reason),
      })),
      receipts: receipts.map((r) => ({
        receiptId: String(r.id),
        recoveryId: String(r.recovery_id),
        applicationId: String(r.application_id),
        title: String(r.title),
        currency: String(r.currency),
        amount: money(r.amount),
        treasuryRef: String(r.treasury_ref),
        valueDate: String(r.value_date),
      })),
      totals: [],
    };
    figures.totals = periodTotals(figures);
    return figures;
  }
}

/**
 * Per currency: the ledger movements by kind, and the approvals, payments, returns and receipts
 * of the period. A payment the treasury sent back counts where it was paid (`paid`) and again
 * where it came back (`paidBack`): `netPaid` is what left the budget in the period.
 */
export function periodTotals(f: Omit<PeriodFigures, 'totals'>): PeriodTotals[] {
  const totals = new Map<string, PeriodTotals>();
  const get = (currency: string) => {
    let t = totals.get(currency);
    if (!t) {
      t = {
        currency,
        appropriated: zero(),
        allocated: zero(),
        committed: zero(),
        released: zero(),
        disbursed: zero(),
        returned: zero(),
        recovered: zero(),
        approvals: 0,
        approvedSupport: zero(),
        payments: 0,
        paid: zero(),
        returns: 0,
        paidBack: zero(),
        netPaid: zero(),
        receipts: 0,
        received: zero(),
      };
      totals.set(currency, t);
    }
    return t;
  };
  const byKind: Record<string, keyof PeriodTotals> = {
    appropriation: 'appropriated',
    allocation: 'allocated',
    commitment: 'committed',
    commitment_release: 'released',
    disbursement: 'disbursed',
    disbursement_return: 'returned',
    recovery_receipt: 'recovered',
  };
  for (const m of f.movements) {
    const field = byKind[m.kind];
    const t = get(m.currency);
    if (field) (t[field] as Money) = (t[field] as Money).plus(m.amount);
  }
  for (const a of f.approvals) {
    const t = get(a.currency);
    t.approvals += 1;
    t.approvedSupport = t.approvedSupport.plus(a.approvedSupport);
  }
  for (const p of f.payments) {
    const t = get(p.currency);
    t.payments += 1;
    t.paid = t.paid.plus(p.amount);
  }
  for (const r of f.returns) {
    const t = get(r.currency);
    t.returns += 1;
    t.paidBack = t.paidBack.plus(r.amount);
  }
  for (const t of totals.values()) t.netPaid = t.paid.minus(t.paidBack);
  for (const r of f.receipts) {
    const t = get(r.currency);
    t.receipts += 1;
    t.received = t.received.plus(r.amount);
  }
  return [...totals.values()].sort((a, b) => (a.currency === 'VND' ? -1 : b.currency === 'VND' ? 1 : a.currency.localeCompare(b.currency)));
}
