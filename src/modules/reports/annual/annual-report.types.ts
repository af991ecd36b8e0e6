import type { Money } from '../../../common/money/decimal';
import type { AcceptanceOutcomes } from '../../disbursements/disbursements.labels';
import type { CommendationView, NarrativeView } from '../../programme/programme.types';

/** The annual review's figures, computed once (money as Decimal); JSON, CSV, XLSX and PDF are views of it. */
export interface AnnualFigures {
  fiscalYear: number;
  generatedAt: Date;
  today: string;
  unitId: string | null;
  unitName: string | null;
  funds: FundFigures[];
  units: UnitFigures[];
  activityTypes: ActivityFigures[];
  communes: CommuneFigures[];
  applications: ApplicationLine[];
  settlements: SettlementLine[];
  recoveriesOutstanding: RecoveryLine[];
  overdue: OverdueLine[];
  totals: CurrencyTotals[];
}

/** What a unit (or a fund, or a currency) holds in every form, from the ledger's stored balances. */
export interface Execution {
  allocated: Money;
  committed: Money;
  disbursed: Money;
  recovered: Money;
  available: Money;
}

export interface FundFigures extends Execution {
  fundCode: string;
  fundName: string;
  source: string;
  currency: string;
  appropriated: Money;
  carriedIn: Money;
  unallocated: Money;
}

export interface UnitFigures extends Execution {
  unitId: string;
  unitCode: string | null;
  unitName: string | null;
  currency: string;
  applications: number;
}

/** What the approved files of one group received: their support, and the ledger's balances on their accounts. */
export interface FileGroupFigures {
  currency: string;
  applications: number;
  approvedSupport: Money;
  committed: Money;
  disbursed: Money;
  recovered: Money;
}

export interface ActivityFigures extends FileGroupFigures {
  code: string | null;
  name: string | null;
}

export interface CommuneFigures extends FileGroupFigures {
  communeCode: string | null;
  /** From the national list of administrative units; the code itself for a code not in it (or while no list is loaded). */
  communeName: string | null;
  /** Null for a code not in the list. */
  provinceName: string | null;
}

export interface ApplicationLine {
  applicationId: string;
  title: string;
  establishmentName: string | null;
  activityTypeCode: string;
  communeCode: string | null;
  /** As in CommuneFigures: the list's name, or the code. */
  communeName: string | null;
  fundCode: string;
  currency: string;
  unitId: string | null;
  unitCode: string | null;
  status: string;
  statusLabel: string;
  decisionNo: string | null;
  decisionDate: string | null;
  approvedSupport: Money | null;
  committed: Money;
  disbursed: Money;
  recovered: Money;
}

export interface SettlementLine {
  settlementId: string;
  applicationId: string;
  title: string;
  currency: string;
  status: string;
  statusLabel: string;
  actualEligibleCost: Money;
  approvedSupport: Money | null;
  finalSupport: Money | null;
  /** Paid to the beneficiary so far (net of returned payments), as the records say now. */
  paid: Money;
  /** Received back on the settlement's recovery order so far. */
  recovered: Money;
  /** Still to pay (+) or to recover (−) now, once approved; null before. */
  balance: Money | null;
  approvedAt: string | null;
}

export interface RecoveryLine {
  recoveryId: string;
  applicationId: string;
  title: string;
  establishmentName: string | null;
  currency: string;
  amount: Money;
  received: Money;
  outstanding: Money;
  openedOn: string;
}

export type OverdueKind = 'file' | 'consultation' | 'settlement';

export interface OverdueLine {
  kind: OverdueKind;
  kindLabel: string;
  applicationId: string;
  title: string;
  unitName: string | null;
  responsible: string | null;
  dueDate: string;
  daysOverdue: number;
}

export interface CurrencyTotals extends Execution {
  currency: string;
  appropriated: Money;
  unallocated: Money;
  approvedSupport: Money;
  applications: number;
}

/**
 * The programme's part of the annual review (issue 20): the plan set against what was done, what
 * the accepted files achieved, the assessment and the commendations.
 */
export interface ProgrammeFigures {
  plan: PlanRow[];
  planTotals: PlanTotals[];
  outcomes: OutcomeTotals & { byActivityType: OutcomeGroup[] };
  /** Null before anyone wrote it, and in a unit's review (the assessment is the province's). */
  narrative: NarrativeView | null;
  commendations: CommendationView[];
}

/** One (activity type, unit, fund): planned files and budget, and what was approved and paid. */
export interface PlanRow {
  /** Null for money paid on file accounts without a file (none in practice; kept so the rows add up to the ledger). */
  activityTypeCode: string | null;
  activityTypeName: string | null;
  unitId: string;
  unitCode: string | null;
  unitName: string | null;
  fundCode: string;
  currency: string;
  /** Whether the plan has this line (false: done outside the plan). */
  inPlan: boolean;
  plannedCount: number;
  plannedBudget: Money;
  /** Files holding an approval in force. */
  actualCount: number;
  approvedSupport: Money;
  disbursed: Money;
}

export interface PlanTotals {
  currency: string;
  plannedCount: number;
  plannedBudget: Money;
  actualCount: number;
  approvedSupport: Money;
  disbursed: Money;
}

/** What the files accepted as passed recorded: their number, how many recorded outcomes, and the outcomes added up. */
export interface OutcomeTotals extends AcceptanceOutcomes {
  acceptedFiles: number;
  reportedFiles: number;
}

export interface OutcomeGroup extends OutcomeTotals {
  code: string;
  name: string | null;
}
