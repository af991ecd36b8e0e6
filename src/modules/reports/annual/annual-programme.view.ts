import { formatMoneyForApi } from '../../../common/money/money';
import type { ProgrammeFigures } from './annual-report.types';

/** The programme's part of the annual review as JSON (API.md "The programme"): money as plain decimal strings. */
export function annualProgrammeView(p: ProgrammeFigures) {
  return {
    plan: p.plan.map((r) => ({
      activityTypeCode: r.activityTypeCode,
      activityTypeName: r.activityTypeName,
      unitId: r.unitId,
      unitCode: r.unitCode,
      unitName: r.unitName,
      fundCode: r.fundCode,
      currency: r.currency,
      inPlan: r.inPlan,
      plannedCount: r.plannedCount,
      plannedBudget: formatMoneyForApi(r.plannedBudget, r.currency),
      actualCount: r.actualCount,
      approvedSupport: formatMoneyForApi(r.approvedSupport, r.currency),
      disbursed: formatMoneyForApi(r.disbursed, r.currency),
    })),
    planTotals: p.planTotals.map((t) => ({
      currency: t.currency,
      plannedCount: t.plannedCount,
      plannedBudget: formatMoneyForApi(t.plannedBudget, t.currency),
      actualCount: t.actualCount,
      approvedSupport: formatMoneyForApi(t.approvedSupport, t.currency),
      disbursed: formatMoneyForApi(t.disbursed, t.currency),
    })),
    outcomes: { ...p.outcomes, byActivityType: p.outcomes.byActivityType.map((g) => ({ ...g })) },
    narrative: p.narrative,
    commendations: p.commendations.map((c) => ({
      id: c.id,
      recipient: c.recipient,
      establishmentId: c.establishmentId,
      establishmentName: c.establishmentName,
      personName: c.personName,
      unitId: c.unitId,
      unitName: c.unitName,
      form: c.form,
      decisionNo: c.decisionNo,
      decisionDate: c.decisionDate,
      reason: c.reason,
    })),
  };
}
