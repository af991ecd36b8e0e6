import type { FieldError } from '../../common/http/domain-error';
import { currencyScale } from '../../common/money/currency';
import { Money } from '../../common/money/decimal';
import { moneyStringProblem } from '../../common/money/money';
import { moneyColumnProblem } from '../../common/money/money-column';
import type { PlanLine } from './programme.types';

/**
 * The programme's rules: what an annual plan, a review's narrative and a commendation may hold.
 * Pure: the service reads what exists (activity types, units, funds) and asks here.
 */

/** The most lines one year's plan holds (activity types × units × funds of a province). */
export const MAX_PLAN_ITEMS = 2000;
/** The most files one plan line targets. */
export const MAX_PLANNED_COUNT = 100_000;
/** The longest section of a review's narrative, in characters (a few pages). */
export const MAX_NARRATIVE_CHARS = 20_000;

export interface PlanItemInput {
  activityTypeCode: string;
  unitId: string;
  fundCode: string;
  plannedCount: number;
  plannedBudget: string;
}

export interface PlanCatalogue {
  activityTypeCodes: ReadonlySet<string>;
  unitIds: ReadonlySet<string>;
  /** Fund code → its currency. */
  fundCurrencies: ReadonlyMap<string, string>;
}

/** The key that makes a plan line one of a kind: one line per activity type, unit and fund. */
export function planLineKey(item: Pick<PlanItemInput, 'activityTypeCode' | 'unitId' | 'fundCode'>): string {
  return `${item.activityTypeCode}\u0000${item.unitId}\u0000${item.fundCode}`;
}

/**
 * A year's plan checked against what exists: every line names a known activity type, unit and
 * fund; no two lines share an activity type, unit and fund; each budget is a money string in
 * its fund's currency (whole đồng for VND); the budget of each currency adds up to what a
 * DECIMAL(20,2) column holds. Every problem is reported at once, each naming its field
 * (`items[2].unitId`); with none, the lines with their amounts as Decimal.
 */
export function checkPlan(items: PlanItemInput[], known: PlanCatalogue): { errors: FieldError[]; lines: PlanLine[] } {
  const errors: FieldError[] = [];
  const lines: PlanLine[] = [];
  const firstLine = new Map<string, number>();
  const totals = new Map<string, Money>();
  items.forEach((item, i) => {
    const at = `items[${i}]`;
    if (!known.activityTypeCodes.has(item.activityTypeCode)) errors.push({ field: `${at}.activityTypeCode`, message: 'loại hoạt động không có trong danh mục' });
    if (!known.unitIds.has(item.unitId)) errors.push({ field: `${at}.unitId`, message: 'đơn vị không tồn tại' });
    const currency = known.fundCurrencies.get(item.fundCode);
    if (!currency) errors.push({ field: `${at}.fundCode`, message: 'nguồn kinh phí không tồn tại' });
    const key = planLineKey(item);
    const earlier = firstLine.get(key);
    if (earlier !== undefined) {
      errors.push({ field: at, message: `trùng loại hoạt động, đơn vị và nguồn kinh phí với dòng ${earlier + 1}` });
    } else {
      firstLine.set(key, i);
    }
    const problem = moneyStringProblem(item.plannedBudget, currencyScale(currency ?? 'VND'));
    if (problem) {
      errors.push({ field: `${at}.plannedBudget`, message: problem });
      return;
    }
    const plannedBudget = new Money(item.plannedBudget);
    if (currency) {
      totals.set(currency, (totals.get(currency) ?? new Money(0)).plus(plannedBudget));
      lines.push({ activityTypeCode: item.activityTypeCode, unitId: item.unitId, fundCode: item.fundCode, currency, plannedCount: item.plannedCount, plannedBudget });
    }
  });
  for (const [currency, total] of totals) {
    const problem = moneyColumnProblem(total);
    if (problem) errors.push({ field: 'items', message: `dự toán (${currency}): ${problem}` });
  }
  return errors.length ? { errors, lines: [] } : { errors, lines };
}

/** The plan's totals per currency (VND first): planned files and budget. */
export function planTotals(lines: Array<Pick<PlanLine, 'currency' | 'plannedCount' | 'plannedBudget'>>): Array<{ currency: string; plannedCount: number; plannedBudget: Money }> {
  const byCurrency = new Map<string, { currency: string; plannedCount: number; plannedBudget: Money }>();
  for (const line of lines) {
    const total = byCurrency.get(line.currency) ?? { currency: line.currency, plannedCount: 0, plannedBudget: new Money(0) };
    total.plannedCount += line.plannedCount;
    total.plannedBudget = total.plannedBudget.plus(line.plannedBudget);
    byCurrency.set(line.currency, total);
  }
  return [...byCurrency.values()].sort((a, b) => (a.currency === 'VND' ? -1 : b.currency === 'VND' ? 1 : a.currency.localeCompare(b.currency)));
}

export interface NarrativeInput {
  results: string;
  difficulties: string;
  causes: string;
  proposals: string;
}

export const NARRATIVE_FIELDS = ['results', 'difficulties', 'causes', 'proposals'] as const;

/**
 * A review's narrative as it is kept: line breaks as `\n`, trailing spaces and blank lines at
 * either end dropped (what a text box adds), the paragraphs as typed.
 */
export function normaliseNarrative(input: NarrativeInput): NarrativeInput {
  const tidy = (text: string) =>
    text
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((line) => line.replace(/\s+$/, ''))
      .join('\n')
      .replace(/^\n+|\n+$/g, '');
  return { results: tidy(input.results), difficulties: tidy(input.difficulties), causes: tidy(input.causes), proposals: tidy(input.proposals) };
}

export interface CommendationRecipient {
  establishmentId?: string | null;
  personName?: string | null;
  unitId?: string | null;
}

/**
 * Who a commendation goes to: an establishment, a person (with the unit they work in, when they
 * are the province's staff) or a unit of the organisation alone. An establishment and a person
 * together, or an establishment with a unit, say two things at once; nobody at all says nothing.
 */
export function recipientProblems(r: CommendationRecipient): FieldError[] {
  const [establishment, person, unit] = [Boolean(r.establishmentId), Boolean(r.personName?.trim()), Boolean(r.unitId)];
  if (!establishment && !person && !unit) return [{ field: 'establishmentId', message: 'cần chọn cơ sở, ghi tên cá nhân hoặc chọn đơn vị được khen thưởng' }];
  const errors: FieldError[] = [];
  if (establishment && person) errors.push({ field: 'personName', message: 'khen thưởng một cơ sở hoặc một cá nhân, không gửi cả hai' });
  if (establishment && unit) errors.push({ field: 'unitId', message: 'khen thưởng một cơ sở không kèm đơn vị' });
  return errors;
}

/** Who was commended, in one comparable value: `e:<id>`, `p:<name, case and spaces folded>|<unit>`, or `u:<unit>`. */
export function recipientKey(r: CommendationRecipient): string {
  if (r.establishmentId) return `e:${r.establishmentId}`;
  const name = r.personName?.trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi-VN');
  if (name) return `p:${name}|${r.unitId ?? ''}`;
  return `u:${r.unitId}`;
}

/**
 * When a commendation's decision may be dated: a year's review commends in that year or early in
 * the next, never in the future. Null when `decisionDate` (YYYY-MM-DD) fits.
 */
export function decisionDateProblem({ decisionDate, fiscalYear, today }: { decisionDate: string; fiscalYear: number; today: string }): FieldError | null {
  if (decisionDate > today) return { field: 'decisionDate', message: 'không được sau ngày hôm nay' };
  const year = Number.parseInt(decisionDate.slice(0, 4), 10);
  if (year !== fiscalYear && year !== fiscalYear + 1) return { field: 'decisionDate', message: `quyết định khen thưởng của năm ${fiscalYear} phải ban hành trong năm ${fiscalYear} hoặc ${fiscalYear + 1}` };
  return null;
}

/** A year in a path (`/plans/2026`): 2000 to 2100, or null. */
export function yearOfPath(value: string): number | null {
  const year = /^\d{4}$/.test(value) ? Number.parseInt(value, 10) : NaN;
  return year >= 2000 && year <= 2100 ? year : null;
}
