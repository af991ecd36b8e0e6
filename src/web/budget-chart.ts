import { Decimal, Money, plainString } from '../common/money/decimal';
import { formatMoneyVi } from '../common/money/format-vi';

export interface ChartUnit {
  label: string;
  disbursed: string;
  committed: string;
  available: string;
}

export interface ChartSegment {
  kind: 'disbursed' | 'committed' | 'available';
  x: string;
  width: string;
  title: string;
}

export interface ChartRow {
  label: string;
  total: string;
  labelY: number;
  barY: number;
  segments: ChartSegment[];
}

export interface BudgetChart {
  width: number;
  height: number;
  barHeight: number;
  rows: ChartRow[];
}

const WIDTH = 640;
const BAR_HEIGHT = 18;
const ROW_HEIGHT = 48;

const SEGMENT_LABELS: Record<ChartSegment['kind'], string> = {
  disbursed: 'Đã giải ngân',
  committed: 'Đã cam kết',
  available: 'Còn khả dụng',
};

/**
 * A horizontal bar per unit, drawn as inline SVG: what it has paid, what it has committed and what
 * it can still commit, to one scale (the largest unit fills the width). Widths are computed with
 * decimals, in SVG units with two places; the figures themselves are shown as text, never rounded.
 */
export function budgetChart(units: ChartUnit[], currency: string): BudgetChart {
  const amounts = units.map((u) => ({ disbursed: new Money(u.disbursed), committed: new Money(u.committed), available: new Money(u.available) }));
  const totals = amounts.map((a) => a.disbursed.plus(a.committed).plus(a.available));
  const max = totals.reduce<Decimal>((m, t) => (t.gt(m) ? t : m), new Money(0));
  const scale = (value: Decimal) => (max.isZero() ? new Money(0) : value.times(WIDTH).div(max).toDecimalPlaces(2, Decimal.ROUND_HALF_UP));
  const rows = units.map((unit, i): ChartRow => {
    let x = new Money(0);
    const segments: ChartSegment[] = [];
    for (const kind of ['disbursed', 'committed', 'available'] as const) {
      const value = amounts[i][kind];
      if (value.isZero()) continue;
      const width = scale(value);
      segments.push({ kind, x: plainString(x, 2), width: plainString(width, 2), title: `${SEGMENT_LABELS[kind]}: ${formatMoneyVi(value, currency)}` });
      x = x.plus(width);
    }
    return { label: unit.label, total: formatMoneyVi(totals[i], currency), labelY: i * ROW_HEIGHT + 14, barY: i * ROW_HEIGHT + 20, segments };
  });
  return { width: WIDTH, height: Math.max(ROW_HEIGHT, units.length * ROW_HEIGHT), barHeight: BAR_HEIGHT, rows };
}
