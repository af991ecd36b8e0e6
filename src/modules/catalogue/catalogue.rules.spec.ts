import { effectiveToOf, refuseNewVersion } from './catalogue.rules';

describe('refuseNewVersion', () => {
  const today = '2026-03-10';

  it('accepts the first version of a code on any date', () => {
    expect(refuseNewVersion({ effectiveFrom: '2018-05-12', today, existingFrom: [] })).toBeNull();
  });

  it('accepts a version from today or later, and one after the version in force', () => {
    const existingFrom = ['2018-05-12', '2025-01-01'];
    expect(refuseNewVersion({ effectiveFrom: today, today, existingFrom })).toBeNull();
    expect(refuseNewVersion({ effectiveFrom: '2027-01-01', today, existingFrom })).toBeNull();
    expect(refuseNewVersion({ effectiveFrom: '2025-06-01', today, existingFrom })).toBeNull();
  });

  it('refuses a start before the version in force, or before an older one', () => {
    const existingFrom = ['2018-05-12', '2025-01-01'];
    expect(refuseNewVersion({ effectiveFrom: '2024-12-31', today, existingFrom })?.code).toBe('INVALID_STATE');
    expect(refuseNewVersion({ effectiveFrom: '2017-01-01', today, existingFrom })?.code).toBe('INVALID_STATE');
  });

  it('refuses a second version starting the same day (never edits one)', () => {
    expect(refuseNewVersion({ effectiveFrom: '2025-01-01', today, existingFrom: ['2025-01-01'] })?.code).toBe('DUPLICATE');
    expect(refuseNewVersion({ effectiveFrom: '2027-01-01', today, existingFrom: ['2027-01-01'] })?.code).toBe('DUPLICATE');
  });

  it('lets a version go between today and a version scheduled for later', () => {
    expect(refuseNewVersion({ effectiveFrom: '2026-06-01', today, existingFrom: ['2018-05-12', '2027-01-01'] })).toBeNull();
  });
});

describe('effectiveToOf', () => {
  it('is the day before the next version starts', () => {
    expect(effectiveToOf('2027-01-01')).toBe('2026-12-31');
    expect(effectiveToOf('2024-03-01')).toBe('2024-02-29');
    expect(effectiveToOf(null)).toBeNull();
  });
});
