import type { Money } from '../../../common/money/decimal';

/** A period report's figures (money as Decimal), computed once; every format is a view of it. */
export interface PeriodFigures {
  from: string;
  to: string;
  periodName: string;
  generatedAt: Date;
  unitId: string | null;
  unitName: string | null;
  /** Ledger transfers of the period by fund and kind. */
  movements: Array<{ fundCode: string; currency: string; kind: string; kindLabel: string; transfers: number; amount: Money }>;
  /** Ledger transfers of the period by unit and kind: a transfer counts once for each unit it touches. */
  units: Array<{ unitId: string; unitCode: string | null; unitName: string | null; currency: string; kind: string; kindLabel: string; transfers: number; amount: Money }>;
  approvals: Array<{ applicationId: string; title: string; establishmentName: string | null; unitCode: string | null; unitName: string | null; status: string; statusLabel: string; decisionNo: string | null; decisionDate: string; currency: string; approvedSupport: Money }>;
  /** Payments made in the period (by value date), including those the treasury sent back since (`status: returned`). */
  payments: Array<{ disbursementId: string; applicationId: string; title: string; kind: string; kindLabel: string; status: string; statusLabel: string; currency: string; amount: Money; treasuryRef: string | null; valueDate: string }>;
  /** Paid amounts the treasury sent back in the period (by the return's value date): money that came back. */
  returns: Array<{
    disbursementId: string;
    applicationId: string;
    title: string;
    kind: string;
    kindLabel: string;
    currency: string;
    amount: Money;
    paidTreasuryRef: string | null;
    paidOn: string;
    treasuryRef: string;
    valueDate: string;
    reason: string | null;
  }>;
  receipts: Array<{ receiptId: string; recoveryId: string; applicationId: string; title: string; currency: string; amount: Money; treasuryRef: string; valueDate: string }>;
  totals: PeriodTotals[];
}

export interface PeriodTotals {
  currency: string;
  appropriated: Money;
  allocated: Money;
  committed: Money;
  released: Money;
  disbursed: Money;
  /** Ledger movements of returned payments (disbursement_return). */
  returned: Money;
  recovered: Money;
  approvals: number;
  approvedSupport: Money;
  payments: number;
  paid: Money;
  returns: number;
  /** What the treasury sent back in the period. */
  paidBack: Money;
  /** paid − paidBack: what left the budget for beneficiaries in the period. */
  netPaid: Money;
  receipts: number;
  received: Money;
}
