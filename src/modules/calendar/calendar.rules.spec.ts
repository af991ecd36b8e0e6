import fc from 'fast-check';
import { addCalendarDays, addWorkingDays, holidayDateProblem, isWeekend, isWorkingDay, workingDaysBetween } from './calendar.rules';

/** Tết Bính Ngọ as the office took it: Monday 16 to Friday 20 February 2026. */
const TET_2026 = new Set(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
const NONE = new Set<string>();

/** A date between 2020 and about 2080, and holidays scattered over the year and a half after it. */
const date = fc.integer({ min: 0, max: 22_000 }).map((d) => addCalendarDays('2020-01-01', d));
const holidaysNear = (from: string) => fc.uniqueArray(fc.integer({ min: -30, max: 500 }), { maxLength: 120 }).map((ds) => new Set(ds.map((d) => addCalendarDays(from, d))));
const scenario = date.chain((from) => fc.record({ from: fc.constant(from), holidays: holidaysNear(from) }));

/** Working days in (a, b], counted one day at a time: the definition the fast count must match. */
function naiveBetween(a: string, b: string, holidays: ReadonlySet<string>): number {
  if (b < a) return -naiveBetween(b, a, holidays);
  let count = 0;
  for (let d = addCalendarDays(a, 1); d <= b; d = addCalendarDays(d, 1)) if (isWorkingDay(d, holidays)) count++;
  return count;
}

describe('isWorkingDay', () => {
  it('knows Saturdays, Sundays and holidays', () => {
    expect(isWeekend('2026-02-14')).toBe(true); // Saturday
    expect(isWeekend('2026-02-15')).toBe(true); // Sunday
    expect(isWorkingDay('2026-02-13', TET_2026)).toBe(true); // Friday
    expect(isWorkingDay('2026-02-17', TET_2026)).toBe(false); // mùng 1 Tết
    expect(isWorkingDay('2026-02-17', NONE)).toBe(true);
  });

  it('refuses what is not a date', () => {
    expect(() => isWorkingDay('2026-02-30', NONE)).toThrow(RangeError);
    expect(() => isWorkingDay('17/02/2026', NONE)).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it('skips the weekend and Tết', () => {
    // Friday 13 February 2026: the next working day is Monday 23, after nine days off.
    expect(addWorkingDays('2026-02-13', 1, TET_2026)).toBe('2026-02-23');
    expect(addWorkingDays('2026-02-13', 3, TET_2026)).toBe('2026-02-25');
    expect(addWorkingDays('2026-02-13', 3, NONE)).toBe('2026-02-18');
    // Given on a Saturday, the first working day is the Monday.
    expect(addWorkingDays('2026-03-07', 1, NONE)).toBe('2026-03-09');
    expect(addWorkingDays('2026-03-02', 5, NONE)).toBe('2026-03-09');
    // Across a year end.
    expect(addWorkingDays('2026-12-31', 1, new Set(['2027-01-01']))).toBe('2027-01-04');
  });

  it('with n = 0 gives the day itself when it is a working day, else the next one', () => {
    expect(addWorkingDays('2026-03-04', 0, NONE)).toBe('2026-03-04');
    expect(addWorkingDays('2026-02-14', 0, TET_2026)).toBe('2026-02-23');
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays('2026-03-04', -1, NONE)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-04', 1.5, NONE)).toThrow(RangeError);
  });

  it('never lands on a weekend or a holiday, and always after the day it counts from', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 120 }), ({ from, holidays }, n) => {
        const due = addWorkingDays(from, n, holidays);
        expect(isWeekend(due)).toBe(false);
        expect(holidays.has(due)).toBe(false);
        if (n >= 1) expect(due > from).toBe(true);
        else expect(due >= from).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('is strictly increasing in n from 1 on', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 90 }), fc.integer({ min: 1, max: 90 }), ({ from, holidays }, a, b) => {
        fc.pre(a !== b);
        const [n, m] = a < b ? [a, b] : [b, a];
        expect(addWorkingDays(from, n, holidays) < addWorkingDays(from, m, holidays)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('with n = 0 is before n = 1, or the same day when counted from a day off', () => {
    fc.assert(
      fc.property(scenario, ({ from, holidays }) => {
        const [zero, one] = [addWorkingDays(from, 0, holidays), addWorkingDays(from, 1, holidays)];
        if (isWorkingDay(from, holidays)) expect(zero < one).toBe(true);
        else expect(zero).toBe(one);
      }),
      { numRuns: 300 },
    );
  });

  it('skips nothing: every day between two consecutive results is a day off', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 60 }), ({ from, holidays }, n) => {
        const [here, next] = [addWorkingDays(from, n, holidays), addWorkingDays(from, n + 1, holidays)];
        for (let d = addCalendarDays(here, 1); d < next; d = addCalendarDays(d, 1)) expect(isWorkingDay(d, holidays)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same dates whatever time zone the server runs in', () => {
    const zone = process.env.TZ;
    const cases = [
      ['2026-02-13', 3],
      ['2026-03-28', 10],
      ['2026-10-25', 2],
    ] as const;
    try {
      const results = ['Asia/Ho_Chi_Minh', 'Pacific/Kiritimati', 'America/Los_Angeles', 'UTC'].map((tz) => {
        process.env.TZ = tz;
        return cases.map(([from, n]) => addWorkingDays(from, n, TET_2026));
      });
      for (const r of results) expect(r).toEqual(['2026-02-25', '2026-04-10', '2026-10-27']);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

describe('workingDaysBetween', () => {
  it('counts the working days after the first date up to the second', () => {
    expect(workingDaysBetween('2026-02-13', '2026-02-23', TET_2026)).toBe(1);
    expect(workingDaysBetween('2026-02-13', '2026-02-23', NONE)).toBe(6);
    expect(workingDaysBetween('2026-03-02', '2026-03-02', NONE)).toBe(0);
    expect(workingDaysBetween('2026-03-09', '2026-03-02', NONE)).toBe(-5);
    // A holiday on a weekend takes nothing off twice.
    expect(workingDaysBetween('2026-03-02', '2026-03-09', new Set(['2026-03-07']))).toBe(5);
  });

  it('matches a day-by-day count', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: -400, max: 400 }), ({ from, holidays }, span) => {
        const to = addCalendarDays(from, span);
        expect(workingDaysBetween(from, to, holidays)).toBe(naiveBetween(from, to, holidays));
      }),
      { numRuns: 500 },
    );
  });

  it('counts back the n working days addWorkingDays added', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 120 }), ({ from, holidays }, n) => {
        expect(workingDaysBetween(from, addWorkingDays(from, n, holidays), holidays)).toBe(n);
      }),
      { numRuns: 500 },
    );
  });
});

describe('holidayDateProblem', () => {
  it('takes a weekday of the years the service knows, and refuses weekends and far years', () => {
    expect(holidayDateProblem('2076-04-30')).toBeNull(); // Thursday
    expect(holidayDateProblem('2026-04-26')).toMatch(/thứ Bảy hoặc Chủ nhật/); // Sunday
    expect(holidayDateProblem('1999-12-31')).toMatch(/năm phải từ 2000 đến 2100/);
    expect(holidayDateProblem('2101-01-03')).toMatch(/năm phải từ 2000 đến 2100/);
  });
});
