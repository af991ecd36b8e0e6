import { demoCalendar } from './demo-calendar';

describe('demoCalendar', () => {
  it('takes the fiscal year from today and counts days either way', () => {
    const c = demoCalendar('2026-07-15');
    expect(c.year).toBe(2026);
    expect(c.daysAgo(14)).toBe('2026-07-01');
    expect(c.daysAhead(20)).toBe('2026-08-04');
  });

  it('never goes back before 1 January of the year, so every past step is in the open year', () => {
    const c = demoCalendar('2027-01-03');
    expect(c.year).toBe(2027);
    expect(c.daysAgo(1)).toBe('2027-01-02');
    expect(c.daysAgo(2)).toBe('2027-01-01');
    expect(c.daysAgo(100)).toBe('2027-01-01');
  });

  it('lets due dates run into the next year', () => {
    expect(demoCalendar('2026-12-20').daysAhead(20)).toBe('2027-01-09');
  });

  it('keeps the past in order: more days ago is never later', () => {
    const c = demoCalendar('2026-02-10');
    const dates = [100, 60, 41, 40, 30, 10, 0].map((d) => c.daysAgo(d));
    expect([...dates].sort()).toEqual(dates);
  });
});
