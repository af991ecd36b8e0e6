import { periodInstants, periodName, periodProblem } from './reports.rules';

describe('period rules', () => {
  it('covers whole days in Asia/Ho_Chi_Minh', () => {
    const { start, end } = periodInstants('2026-11-01', '2026-11-30');
    expect(start.toISOString()).toBe('2026-10-31T17:00:00.000Z');
    expect(end.toISOString()).toBe('2026-11-30T17:00:00.000Z');
  });

  it('names months, halves, quarters and free ranges in Vietnamese', () => {
    expect(periodName('2026-11-01', '2026-11-30')).toBe('tháng 11 năm 2026');
    expect(periodName('2028-02-01', '2028-02-29')).toBe('tháng 2 năm 2028');
    expect(periodName('2026-01-01', '2026-06-30')).toBe('6 tháng đầu năm 2026');
    expect(periodName('2026-07-01', '2026-12-31')).toBe('6 tháng cuối năm 2026');
    expect(periodName('2026-04-01', '2026-06-30')).toBe('quý 2 năm 2026');
    expect(periodName('2026-01-01', '2026-12-31')).toBe('năm 2026');
    expect(periodName('2026-11-02', '2026-11-30')).toBe('từ ngày 02/11/2026 đến ngày 30/11/2026');
  });

  it('refuses an inverted or too long period, naming "to"', () => {
    expect(periodProblem('2026-01-01', '2026-01-01')).toBeNull();
    expect(periodProblem('2026-02-01', '2026-01-31')).toMatchObject({ field: 'to' });
    expect(periodProblem('2020-01-01', '2026-01-01')).toMatchObject({ field: 'to' });
  });
});
