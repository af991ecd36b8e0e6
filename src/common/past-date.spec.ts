import fc from 'fast-check';
import { assertHappened, futureDateRefusal, NOT_AFTER_TODAY } from './past-date';

describe('dates of what has already happened', () => {
  it('takes today and any earlier day', () => {
    expect(futureDateRefusal({ field: 'date', date: '2026-12-03', today: '2026-12-03' })).toBeNull();
    expect(futureDateRefusal({ field: 'date', date: '2025-12-31', today: '2026-01-01' })).toBeNull();
  });

  it('refuses a later day, naming the field (400 VALIDATION_FAILED)', () => {
    const refusal = futureDateRefusal({ field: 'valueDate', date: '2026-12-04', today: '2026-12-03' });
    expect(refusal).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'valueDate', message: NOT_AFTER_TODAY }] });
    expect(() => assertHappened({ field: 'signedDate', date: '2027-01-01', today: '2026-12-31' })).toThrow(NOT_AFTER_TODAY);
  });

  it('agrees with the calendar for any pair of days', () => {
    const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (date, today) => {
        expect(futureDateRefusal({ field: 'date', date, today }) === null).toBe(Date.parse(date) <= Date.parse(today));
      }),
    );
  });
});
