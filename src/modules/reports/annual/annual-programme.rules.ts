import type { Decimal } from '../../../common/money/decimal';
import { OUTCOME_FIELDS } from '../../disbursements/disbursements.labels';
import { zero } from '../reports.rules';
import type { OutcomeGroup, OutcomeTotals, PlanRow, PlanTotals } from './annual-report.types';

/** A plan line as the review reads it (the programme's PlanLine). */
export interface PlannedLine {
  activityTypeCode: string;
  unitId: string;
  fundCode: string;
  currency: string;
  plannedCount: number;
  plannedBudget: Decimal;
}

/** Funded files of one (activity type, allocation unit, fund): how many, and their approved support. */
export interface FundedFiles {
  activityTypeCode: string;
  unitId: string;
  fundCode: string;
  currency: string;
  count: number;
  approvedSupport: Decimal;
}

/** What the payee accounts of one (activity type or none, unit, fund) hold: the money disbursed. */
export interface PaidOut {
  activityTypeCode: string | null;
  unitId: string;
  fundCode: string;
  currency: string;
  disbursed: Decimal;
}

type Bare = Omit<PlanRow, 'activityTypeName' | 'unitCode' | 'unitName'>;

/**
 * The plan set against what was done, one row per (activity type, unit, fund): every plan line,
 * and every group of funded files or payments the plan did not foresee (inPlan false). Each
 * funded file and each payee balance lands in exactly one row, so the rows' actual figures add up
 * to the review's own totals, and the planned ones to the plan's. Rows in a stable order:
 * activity type (none last), unit, fund.
 */
export function planAgainstActual({ plan, files, paid }: { plan: PlannedLine[]; files: FundedFiles[]; paid: PaidOut[] }): Bare[] {
  const rows = new Map<string, Bare>();
  const row = (activityTypeCode: string | null, unitId: string, fundCode: string, currency: string): Bare => {
    const key = `${activityTypeCode ?? ''}\u0000${unitId}\u0000${fundCode}\u0000${currency}`;
    let r = rows.get(key);
    if (!r) {
      r = { activityTypeCode, unitId, fundCode, currency, inPlan: false, plannedCount: 0, plannedBudget: zero(), actualCount: 0, approvedSupport: zero(), disbursed: zero() };
      rows.set(key, r);
    }
    return r;
  };
  for (const p of plan) {
    const r = row(p.activityTypeCode, p.unitId, p.fundCode, p.currency);
    r.inPlan = true;
    r.plannedCount += p.plannedCount;
    r.plannedBudget = r.plannedBudget.plus(p.plannedBudget);
  }
  for (const f of files) {
    const r = row(f.activityTypeCode, f.unitId, f.fundCode, f.currency);
    r.actualCount += f.count;
    r.approvedSupport = r.approvedSupport.plus(f.approvedSupport);
  }
  for (const p of paid) {
    const r = row(p.activityTypeCode, p.unitId, p.fundCode, p.currency);
    r.disbursed = r.disbursed.plus(p.disbursed);
  }
  const last = '\uffff';
  return [...rows.values()].sort(
    (a, b) =>
      (a.activityTypeCode ?? last).localeCompare(b.activityTypeCode ?? last) || a.unitId.localeCompare(b.unitId) || a.fundCode.localeCompare(b.fundCode) || a.currency.localeCompare(b.currency),
  );
}

/** The plan-against-actual totals per currency (VND first). */
export function planTotalsByCurrency(rows: Array<Pick<PlanRow, 'currency' | 'plannedCount' | 'plannedBudget' | 'actualCount' | 'approvedSupport' | 'disbursed'>>): PlanTotals[] {
  const totals = new Map<string, PlanTotals>();
  for (const r of rows) {
    const t = totals.get(r.currency) ?? { currency: r.currency, plannedCount: 0, plannedBudget: zero(), actualCount: 0, approvedSupport: zero(), disbursed: zero() };
    t.plannedCount += r.plannedCount;
    t.plannedBudget = t.plannedBudget.plus(r.plannedBudget);
    t.actualCount += r.actualCount;
    t.approvedSupport = t.approvedSupport.plus(r.approvedSupport);
    t.disbursed = t.disbursed.plus(r.disbursed);
    totals.set(r.currency, t);
  }
  return [...totals.values()].sort((a, b) => (a.currency === 'VND' ? -1 : b.currency === 'VND' ? 1 : a.currency.localeCompare(b.currency)));
}

export function noOutcomes(): OutcomeTotals {
  return { acceptedFiles: 0, reportedFiles: 0, jobsCreated: 0, jobsKept: 0, womenWorkers: 0, disabledWorkers: 0, trainees: 0, modelsBuilt: 0 };
}

/** The outcomes of the year's accepted files added up over the activity types. */
export function outcomeTotals(groups: OutcomeGroup[]): OutcomeTotals {
  const total = noOutcomes();
  for (const g of groups) {
    total.acceptedFiles += g.acceptedFiles;
    total.reportedFiles += g.reportedFiles;
    for (const f of OUTCOME_FIELDS) total[f] += g[f];
  }
  return total;
}
