/**
 * Dates for the demo province, relative to the day it is seeded: the current fiscal year (the
 * calendar year in Asia/Ho_Chi_Minh), days in the past that never fall before that year began
 * (so every movement belongs to the open year), and days ahead for due dates.
 */
export interface DemoCalendar {
  today: string;
  year: number;
  /** `days` before today, but not before 1 January of the year. */
  daysAgo(days: number): string;
  /** `days` after today (due dates may fall in the next year). */
  daysAhead(days: number): string;
}

const DAY_MS = 86_400_000;

function shift(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** `today` is `YYYY-MM-DD` in Asia/Ho_Chi_Minh (the Clock's today()). */
export function demoCalendar(today: string): DemoCalendar {
  const year = Number.parseInt(today.slice(0, 4), 10);
  const yearStart = `${year}-01-01`;
  return {
    today,
    year,
    daysAgo: (days) => {
      const date = shift(today, -days);
      return date < yearStart ? yearStart : date;
    },
    daysAhead: (days) => shift(today, days),
  };
}
