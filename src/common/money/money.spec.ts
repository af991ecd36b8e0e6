import fc from 'fast-check';
import { Decimal, Money } from './decimal';
import { floorRateOf, formatMoneyForApi, minMoney, MoneyFormatError, moneyStringProblem, parseMoney, parseRate } from './money';
import { splitByWeights } from './split';
import { formatDateVi, formatMoneyVi, formatPercentVi, toHoChiMinhDate } from './format-vi';
import { decimalTransformer } from './decimal.transformer';

const RUNS = { numRuns: 3000 };

describe('parseMoney', () => {
  it.each([
    ['1500000', 'VND', '1500000'],
    ['2500.50', 'USD', '2500.5'],
    ['999999999999999999', 'VND', '999999999999999999'],
    ['0.01', 'EUR', '0.01'],
  ])('accepts %s %s', (input, currency, expected) => {
    expect(parseMoney(input, { field: 'amount', currency }).toString()).toBe(expected);
  });

  it.each([
    [1500000, 'VND'],
    ['1e6', 'VND'],
    ['-5', 'VND'],
    ['+5', 'VND'],
    ['12.345', 'USD'],
    ['1.000.000', 'VND'],
    ['1,000,000', 'VND'],
    ['', 'VND'],
    [' 5', 'VND'],
    ['05', 'VND'],
    ['2500.50', 'VND'],
    ['1.', 'USD'],
    ['.5', 'USD'],
    ['0', 'VND'],
    ['1234567890123456789', 'VND'],
    [null, 'VND'],
    ['NaN', 'VND'],
    ['Infinity', 'VND'],
  ])('rejects %p (%s) naming the field', (input, currency) => {
    expect(() => parseMoney(input, { field: 'costLines[0].unitPrice', currency })).toThrow(MoneyFormatError);
    try {
      parseMoney(input, { field: 'costLines[0].unitPrice', currency });
    } catch (e) {
      expect((e as MoneyFormatError).field).toBe('costLines[0].unitPrice');
    }
  });

  it('says a negative amount is negative, whatever its separators', () => {
    for (const value of ['-500.000.000', '-500000000', '-5', ' -1', '\u2212500']) expect(moneyStringProblem(value, 0)).toBe('không được âm');
    expect(moneyStringProblem('1.000,5', 0)).toMatch(/dấu phân cách/);
  });

  it('accepts zero only where the field allows it', () => {
    expect(parseMoney('0', { field: 'a', currency: 'VND', allowZero: true }).isZero()).toBe(true);
  });

  it('round-trips every valid VND amount through the API form exactly', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 18n - 1n }), (n) => {
        const text = n.toString();
        expect(formatMoneyForApi(parseMoney(text, { field: 'a', currency: 'VND' }), 'VND')).toBe(text);
      }),
      RUNS,
    );
  });

  it('round-trips two-place amounts and prints exactly two places', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 20n - 1n }), (cents) => {
        const text = `${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}`;
        expect(formatMoneyForApi(parseMoney(text, { field: 'a', currency: 'USD' }), 'USD')).toBe(text);
      }),
      RUNS,
    );
  });
});

describe('parseRate', () => {
  it('accepts fractions between 0 and 1', () => {
    expect(parseRate('0.5', 'r').toString()).toBe('0.5');
    expect(parseRate('1', 'r').toString()).toBe('1');
    expect(parseRate('0', 'r').toString()).toBe('0');
  });
  it.each(['1.5', '-0.1', 0.5, '50%', '2'])('rejects %p', (value) => {
    expect(() => parseRate(value, 'supportRate')).toThrow(MoneyFormatError);
  });
});

describe('floorRateOf and minMoney: the support formula', () => {
  const support = (rate: string, eligible: string, cap: string) =>
    minMoney(floorRateOf({ rate: new Money(rate), amount: new Money(eligible), currency: 'VND' }), new Money(cap)).toString();

  it('matches the worked examples of DOMAIN.md', () => {
    expect(support('0.3', '2500000000', '1000000000')).toBe('750000000');
    expect(support('0.3', '4000000000', '1000000000')).toBe('1000000000');
    expect(support('0.5', '800000000', '300000000')).toBe('300000000');
  });

  it('rounds down to whole đồng, never past rate × cost', () => {
    expect(floorRateOf({ rate: new Money('0.3'), amount: new Money('333'), currency: 'VND' }).toString()).toBe('99');
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 1_000_000 }), (amount, ppm) => {
        const rate = new Money(ppm).div(1_000_000);
        const result = floorRateOf({ rate, amount: new Money(amount.toString()), currency: 'VND' });
        const exact = rate.times(amount.toString());
        expect(result.isInteger()).toBe(true);
        expect(result.lte(exact)).toBe(true);
        expect(exact.minus(result).lt(1)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('splitByWeights', () => {
  it('gives leftover units to the largest remainders, ties to the earlier share', () => {
    const parts = splitByWeights({ total: new Money(100), weights: [1, 1, 1], scale: 0 }).map(String);
    expect(parts).toEqual(['34', '33', '33']);
    expect(splitByWeights({ total: new Money(10), weights: [1, 2, 2], scale: 0 }).map(String)).toEqual(['2', '4', '4']);
    expect(splitByWeights({ total: new Money(7), weights: [3, 1, 3], scale: 0 }).map(String)).toEqual(['3', '1', '3']);
    expect(splitByWeights({ total: new Money('0.05'), weights: [1, 1], scale: 2 }).map(String)).toEqual(['0.03', '0.02']);
  });

  it('parts sum exactly to the whole and each is within one unit of its exact share', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 18n - 1n }),
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 40 }),
        (total, weights) => {
          const whole = new Money(total.toString());
          const parts = splitByWeights({ total: whole, weights, scale: 0 });
          const sum = parts.reduce((a, b) => a.plus(b), new Money(0));
          expect(sum.eq(whole)).toBe(true);
          const weightSum = weights.reduce((a, b) => a + b, 0);
          parts.forEach((part, i) => {
            const exact = whole.times(weights[i]).div(weightSum);
            expect(part.isInteger()).toBe(true);
            expect(part.minus(exact).abs().lt(1)).toBe(true);
          });
        },
      ),
      RUNS,
    );
  });

  it('refuses weights that are not positive integers', () => {
    expect(() => splitByWeights({ total: new Money(1), weights: [0], scale: 0 })).toThrow(RangeError);
    expect(() => splitByWeights({ total: new Money(1), weights: [1.5], scale: 0 })).toThrow(RangeError);
    expect(() => splitByWeights({ total: new Money(1), weights: [], scale: 0 })).toThrow(RangeError);
  });
});

describe('vi-VN formatting', () => {
  it('formats money, percentages and dates', () => {
    expect(formatMoneyVi(new Money('1250000'))).toBe('1.250.000 ₫');
    expect(formatMoneyVi(new Money('0'))).toBe('0 ₫');
    expect(formatMoneyVi(new Money('1234.5'), 'USD')).toBe('1.234,50 USD');
    expect(formatPercentVi(new Money('0.991'))).toBe('99,1 %');
    expect(formatPercentVi(new Money('0.3'))).toBe('30 %');
    expect(formatDateVi('2026-11-23')).toBe('23/11/2026');
    expect(formatDateVi(new Date('2026-11-22T18:30:00Z'))).toBe('23/11/2026');
    expect(toHoChiMinhDate(new Date('2026-11-22T16:59:59Z'))).toBe('2026-11-22');
  });
});

describe('decimalTransformer', () => {
  it('carries strings both ways and refuses JS numbers', () => {
    expect(decimalTransformer.to(new Money('12.30'))).toBe('12.3');
    expect((decimalTransformer.from('300000000.00') as Decimal).eq(new Money('300000000'))).toBe(true);
    expect(() => decimalTransformer.to(12.3)).toThrow(TypeError);
  });
});
