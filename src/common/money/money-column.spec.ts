import fc from 'fast-check';
import { Money } from './decimal';
import { fitsMoneyColumn, MONEY_COLUMN_MAX, moneyColumnProblem } from './money-column';
import { sumMoney } from './money';

describe('fitsMoneyColumn (DECIMAL(20,2))', () => {
  it('holds 18 integer digits and 2 places, either sign, and nothing beyond', () => {
    expect(MONEY_COLUMN_MAX.toFixed()).toBe('999999999999999999.99');
    expect(fitsMoneyColumn(new Money('999999999999999999.99'))).toBe(true);
    expect(fitsMoneyColumn(new Money('-999999999999999999.99'))).toBe(true);
    expect(fitsMoneyColumn(new Money('1000000000000000000'))).toBe(false);
    expect(fitsMoneyColumn(new Money('-1000000000000000000'))).toBe(false);
    expect(fitsMoneyColumn(new Money(0))).toBe(true);
    expect(fitsMoneyColumn(new Money(Infinity))).toBe(false);
    expect(fitsMoneyColumn(new Money(NaN))).toBe(false);
  });

  it('names the problem only for a value that does not fit', () => {
    expect(moneyColumnProblem(new Money('5'))).toBeNull();
    expect(moneyColumnProblem(new Money('1e18'))).toContain('18 chữ số');
  });

  it('a sum of amounts fits exactly when it is below 10^18 (property)', () => {
    const amount = fc.bigInt({ min: 0n, max: 10n ** 18n - 1n }).map((n) => new Money(n.toString()));
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 20 }), (amounts) => {
        const total = sumMoney(amounts);
        expect(fitsMoneyColumn(total)).toBe(total.lt(new Money(10).pow(18)));
      }),
      { numRuns: 500 },
    );
  });
});
