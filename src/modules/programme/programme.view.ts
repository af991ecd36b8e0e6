import { formatMoneyForApi } from '../../common/money/money';
import { planTotals } from './programme.rules';
import type { PlanLine, PlanView } from './programme.types';

/** A plan's lines in the order people read them: by activity type, unit, fund. */
export function sortPlanLines<T extends Pick<PlanLine, 'activityTypeCode' | 'unitId' | 'fundCode'>>(lines: T[]): T[] {
  return [...lines].sort((a, b) => a.activityTypeCode.localeCompare(b.activityTypeCode) || a.unitId.localeCompare(b.unitId) || a.fundCode.localeCompare(b.fundCode));
}

export function planView(fiscalYear: number, lines: PlanLine[], updatedAt: Date | null): PlanView {
  return {
    fiscalYear,
    items: sortPlanLines(lines).map((l) => ({
      activityTypeCode: l.activityTypeCode,
      unitId: l.unitId,
      fundCode: l.fundCode,
      currency: l.currency,
      plannedCount: l.plannedCount,
      plannedBudget: formatMoneyForApi(l.plannedBudget, l.currency),
    })),
    totals: planTotals(lines).map((t) => ({ currency: t.currency, plannedCount: t.plannedCount, plannedBudget: formatMoneyForApi(t.plannedBudget, t.currency) })),
    updatedAt: updatedAt ? updatedAt.toISOString() : null,
  };
}
