/**
 * Working days (ngày làm việc): the days that are neither a Saturday, a Sunday nor a holiday of the
 * calendar. Time limits the regulation counts in working days (xin ý kiến, bổ sung hồ sơ, xử lý)
 * are computed here. Dates are `YYYY-MM-DD` calendar dates with no time of day: every step is done
 * on the UTC calendar, so the result never depends on the server's time zone.
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The holidays of the calendar, as `YYYY-MM-DD` dates. */
export type Holidays = ReadonlySet<string>;

/** Whether `value` is an existing `YYYY-MM-DD` date. */
export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  return m !== null && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === value;
}

/** Milliseconds of the date's midnight in UTC; throws on anything but an existing `YYYY-MM-DD`. */
function epochOf(date: string): number {
  if (typeof date !== 'string' || !isCalendarDate(date)) throw new RangeError(`not an existing YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function dateOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The date `days` calendar days after `date` (before it when negative). */
export function addCalendarDays(date: string, days: number): string {
  return dateOf(epochOf(date) + days * DAY_MS);
}

/** Saturday or Sunday: the weekly rest days, never stored as holidays. */
export function isWeekend(date: string): boolean {
  const weekday = new Date(epochOf(date)).getUTCDay();
  return weekday === 0 || weekday === 6;
}

export function isWorkingDay(date: string, holidays: Holidays): boolean {
  return !isWeekend(date) && !holidays.has(date);
}

/**
 * The date `n` working days after `from`: for n ≥ 1 the n-th working day strictly after `from`
 * (so a time limit of n working days given on `from` ends on it, whatever day `from` is). For
 * n = 0, `from` itself when it is a working day, else the next working day (a limit of "today"
 * given on a holiday is the first day the office is open). Never a weekend or holiday.
 *
 * Strictly increasing in n from n = 1 on. Counted from a day off, n = 0 and n = 1 give the same
 * day (both are the first working day after it); from a working day, n = 0 is that day itself.
 */
export function addWorkingDays(from: string, n: number, holidays: Holidays): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  let ms = epochOf(from);
  if (n === 0) {
    while (!isWorkingDay(dateOf(ms), holidays)) ms += DAY_MS;
    return dateOf(ms);
  }
  for (let counted = 0; counted < n; ) {
    ms += DAY_MS;
    if (isWorkingDay(dateOf(ms), holidays)) counted++;
  }
  return dateOf(ms);
}

/**
 * The working days d with a < d ≤ b: how many working days a limit from `a` to `b` gives (so
 * `workingDaysBetween(from, addWorkingDays(from, n)) === n` for n ≥ 1). When b is before a,
 * the count is negative: −workingDaysBetween(b, a), the working days a due date is past.
 */
export function workingDaysBetween(a: string, b: string, holidays: Holidays): number {
  const [start, end] = [epochOf(a), epochOf(b)];
  if (end < start) return -workingDaysBetween(b, a, holidays);
  // Whole weeks hold five weekdays each; only the rest is walked day by day.
  const days = Math.round((end - start) / DAY_MS);
  const weeks = Math.floor(days / 7);
  let count = weeks * 5;
  for (let ms = start + weeks * 7 * DAY_MS + DAY_MS; ms <= end; ms += DAY_MS) {
    if (!isWeekend(dateOf(ms))) count++;
  }
  for (const holiday of holidays) {
    if (holiday > a && holiday <= b && !isWeekend(holiday)) count--;
  }
  return count;
}

/** What is wrong with a date offered as a holiday (null when it can be one), for the `date` field. */
export function holidayDateProblem(date: string): string | null {
  const year = Number(date.slice(0, 4));
  if (year < 2000 || year > 2100) return 'năm phải từ 2000 đến 2100';
  if (isWeekend(date)) return 'là thứ Bảy hoặc Chủ nhật, vốn đã là ngày nghỉ; chỉ ghi ngày lễ (hoặc ngày nghỉ bù) rơi vào ngày làm việc';
  return null;
}
