import { formatMoneyForApi } from '../../../common/money/money';
import type { PeriodFigures } from './period-report.types';

/** A period report as JSON: money as plain decimal strings in each row's currency. */
export function periodReportView(f: PeriodFigures) {
  return {
    from: f.from,
    to: f.to,
    periodName: f.periodName,
    generatedAt: f.generatedAt.toISOString(),
    unitId: f.unitId,
    movements: f.movements.map((x) => ({ ...x, amount: formatMoneyForApi(x.amount, x.currency) })),
    units: f.units.map((x) => ({ ...x, amount: formatMoneyForApi(x.amount, x.currency) })),
    approvals: f.approvals.map((x) => ({ ...x, approvedSupport: formatMoneyForApi(x.approvedSupport, x.currency) })),
    payments: f.payments.map((x) => ({ ...x, amount: formatMoneyForApi(x.amount, x.currency) })),
    returns: f.returns.map((x) => ({ ...x, amount: formatMoneyForApi(x.amount, x.currency) })),
    receipts: f.receipts.map((x) => ({ ...x, amount: formatMoneyForApi(x.amount, x.currency) })),
    totals: f.totals.map((t) => ({
      currency: t.currency,
      appropriated: formatMoneyForApi(t.appropriated, t.currency),
      allocated: formatMoneyForApi(t.allocated, t.currency),
      committed: formatMoneyForApi(t.committed, t.currency),
      released: formatMoneyForApi(t.released, t.currency),
      disbursed: formatMoneyForApi(t.disbursed, t.currency),
      returned: formatMoneyForApi(t.returned, t.currency),
      recovered: formatMoneyForApi(t.recovered, t.currency),
      approvals: t.approvals,
      approvedSupport: formatMoneyForApi(t.approvedSupport, t.currency),
      payments: t.payments,
      paid: formatMoneyForApi(t.paid, t.currency),
      returns: t.returns,
      paidBack: formatMoneyForApi(t.paidBack, t.currency),
      netPaid: formatMoneyForApi(t.netPaid, t.currency),
      receipts: t.receipts,
      received: formatMoneyForApi(t.received, t.currency),
    })),
  };
}
