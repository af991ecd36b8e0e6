import { Money } from '../../common/money/decimal';
import { formatMoneyForApi, sumMoney } from '../../common/money/money';
import type { ApplicationStatus } from './application-statuses';
import type { Application } from './application.entity';
import type { ListDecision } from './list-decision.entity';

/** A file of a list decision, as the decision lists it. */
export interface DecidedFileView {
  id: string;
  title: string;
  status: ApplicationStatus;
  establishmentId: string;
  activityTypeCode: string;
  fiscalYear: number;
  fundCode: string;
  currency: string;
  approvedSupport: string | null;
  allocationUnitId: string | null;
  decisionNo: string | null;
}

/** A list decision: its number, who took it, and the files it approved with their total per currency. */
export interface ListDecisionView {
  id: string;
  number: string;
  decisionDate: string;
  comment: string | null;
  decidedBy: string;
  decisionCapacity: string;
  decidedOnBehalfOf: string | null;
  delegationId: string | null;
  createdAt: string;
  applications: DecidedFileView[];
  /** What the decision approved, per currency. */
  totals: Array<{ currency: string; approvedSupport: string }>;
}

export function toListDecisionView(decision: ListDecision, files: Application[]): ListDecisionView {
  const currencies = [...new Set(files.map((f) => f.currency))].sort();
  return {
    id: decision.id,
    number: decision.number,
    decisionDate: decision.decisionDate,
    comment: decision.comment,
    decidedBy: decision.decidedBy,
    decisionCapacity: decision.decisionCapacity,
    decidedOnBehalfOf: decision.decidedOnBehalfOf,
    delegationId: decision.delegationId,
    createdAt: decision.createdAt.toISOString(),
    applications: files.map((f) => ({
      id: f.id,
      title: f.title,
      status: f.status,
      establishmentId: f.establishmentId,
      activityTypeCode: f.activityTypeCode,
      fiscalYear: f.fiscalYear,
      fundCode: f.fundCode,
      currency: f.currency,
      approvedSupport: f.approvedSupport === null ? null : formatMoneyForApi(f.approvedSupport, f.currency),
      allocationUnitId: f.allocationUnitId,
      decisionNo: f.decisionNo,
    })),
    totals: currencies.map((currency) => ({
      currency,
      approvedSupport: formatMoneyForApi(sumMoney(files.filter((f) => f.currency === currency).map((f) => f.approvedSupport ?? new Money(0))), currency),
    })),
  };
}
