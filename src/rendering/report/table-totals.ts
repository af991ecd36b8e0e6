import { Decimal, Money } from '../../common/money/decimal';
import type { ReportColumn, ReportRow } from './report-document';

/**
 * The totals rows of a table, one per currency (VND first): money columns summed with Decimal,
 * count columns summed, the label in the first text column ("Tổng cộng", with the currency when the
 * table mixes several). `rowCountKey` names a count column that counts the rows themselves.
 */
export function totalsRows(columns: ReportColumn[], rows: ReportRow[], options: { label?: string; rowCountKey?: string } = {}): ReportRow[] {
  const currencies = [...new Set(rows.map((r) => r.currency ?? 'VND'))].sort((a, b) => (a === 'VND' ? -1 : b === 'VND' ? 1 : a.localeCompare(b)));
  if (currencies.length === 0) currencies.push('VND');
  const labelColumn = columns.find((c) => c.kind === 'text' && !c.machineOnly) ?? columns[0];
  return currencies.map((currency) => {
    const mine = rows.filter((r) => (r.currency ?? 'VND') === currency);
    const cells: ReportRow['cells'] = {};
    for (const column of columns) {
      if (column.kind === 'money') {
        cells[column.key] = mine.reduce<Decimal>((sum, r) => {
          const v = r.cells[column.key];
          return Decimal.isDecimal(v) ? sum.plus(v) : sum;
        }, new Money(0));
      } else if (column.kind === 'count') {
        cells[column.key] = column.key === options.rowCountKey ? mine.length : mine.reduce((sum, r) => sum + (typeof r.cells[column.key] === 'number' ? (r.cells[column.key] as number) : 0), 0);
      } else {
        cells[column.key] = null;
      }
    }
    const label = options.label ?? 'Tổng cộng';
    cells[labelColumn.key] = currencies.length > 1 ? `${label} (${currency})` : label;
    return { cells, currency };
  });
}
