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
  payments: Array<{ disbursementId: string; applicationId: string; title: string; kind: string; kindLabel: string; currency: string; amount: Money; treasuryRef: string | null; valueDate: string }>;
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
  recovered: Money;
  approvals: number;
  approvedSupport: Money;
  payments: number;
  paid: Money;
  receipts: number;
  received: Money;
}
