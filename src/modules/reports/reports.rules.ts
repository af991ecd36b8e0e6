import { Decimal, Money } from '../../common/money/decimal';
import type { FieldError } from '../../common/http/domain-error';
import { TRANSFER_KIND_LABELS } from '../ledger/ledger.labels';
import { PERIOD_INVERTED } from './period/dto/period-report-query.dto';

/** Files holding an approval in force: they count as funded files in every report. */
export const FUNDED_STATUSES = ['approved', 'contracted', 'accepted', 'settlement_submitted', 'settled'] as const;

export function transferKindLabel(kind: string): string {
  return TRANSFER_KIND_LABELS[kind] ?? kind;
}

/** Adds `b` into `a` field by field (money fields only), returning `a`. */
export function addInto<T extends object>(a: T, b: Partial<T>, fields: Array<keyof T>): T {
  for (const f of fields) {
    const value = b[f];
    if (Decimal.isDecimal(value)) (a[f] as unknown) = (a[f] as unknown as Decimal).plus(value);
  }
  return a;
}

export const zero = () => new Money(0);

/** The longest range a period report covers (a fiscal year's reports span at most a few years). */
export const MAX_PERIOD_DAYS = 3 * 366;

/**
 * The instants a period of calendar days in Asia/Ho_Chi_Minh covers, as UTC: `[from 00:00 +07,
 * the day after to 00:00 +07)`. Both ends are `YYYY-MM-DD`, already checked to exist.
 */
export function periodInstants(from: string, to: string): { start: Date; end: Date } {
  const start = new Date(`${from}T00:00:00+07:00`);
  const end = new Date(new Date(`${to}T00:00:00+07:00`).getTime() + 86_400_000);
  return { start, end };
}

/** Why a period is refused (field errors), or null: `to` before `from`, or longer than MAX_PERIOD_DAYS. */
export function periodProblem(from: string, to: string): FieldError | null {
  if (to < from) return { field: 'to', message: PERIOD_INVERTED };
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > MAX_PERIOD_DAYS) return { field: 'to', message: `kỳ báo cáo dài tối đa ${MAX_PERIOD_DAYS} ngày` };
  return null;
}

/** How a period is named in Vietnamese: "tháng 11 năm 2026", "6 tháng đầu năm 2026", or "từ ngày … đến ngày …". */
export function periodName(from: string, to: string): string {
  const [fy, fm, fd] = from.split('-').map((p) => Number.parseInt(p, 10));
  const [ty, tm] = to.split('-').map((p) => Number.parseInt(p, 10));
  const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  const toDay = Number.parseInt(to.slice(8, 10), 10);
  const wholeMonths = fd === 1 && toDay === lastDay(ty, tm);
  if (wholeMonths && fy === ty) {
    if (fm === tm) return `tháng ${fm} năm ${fy}`;
    if (fm === 1 && tm === 6) return `6 tháng đầu năm ${fy}`;
    if (fm === 7 && tm === 12) return `6 tháng cuối năm ${fy}`;
    if (fm === 1 && tm === 12) return `năm ${fy}`;
    if (tm - fm === 2 && fm % 3 === 1) return `quý ${(fm + 2) / 3} năm ${fy}`;
  }
  const vi = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  return `từ ngày ${vi(from)} đến ngày ${vi(to)}`;
}
