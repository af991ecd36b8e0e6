import fc from 'fast-check';
import { Money } from '../../common/money/decimal';
import { convertAmount, rateInForce, rateProblem, RateTerms } from './exchange-rates.rules';

const usdVnd = (rate: string, validFrom: string): RateTerms => ({ fromCurrency: 'USD', toCurrency: 'VND', rate: new Money(rate), validFrom });
const vndUsd = (rate: string, validFrom: string): RateTerms => ({ fromCurrency: 'VND', toCurrency: 'USD', rate: new Money(rate), validFrom });

describe('exchange rates', () => {
  it('takes a positive plain decimal rate, bounded by its column', () => {
    expect(rateProblem('25400')).toBeNull();
    expect(rateProblem('0.0000393701')).toBeNull();
    for (const bad of ['0', '0.000', '-1', '1e3', '25.400,5', '', '1234567890123', '1.12345678901', 25400, null]) expect(rateProblem(bad)).not.toBeNull();
  });

  it('picks the latest rate of the pair, either way round, in force on the day', () => {
    const rates = [usdVnd('25000', '2093-01-01'), vndUsd('0.00004', '2093-03-01'), usdVnd('26000', '2093-06-01')];
    expect(rateInForce(rates, { from: 'VND', to: 'USD', on: '2092-12-31' })).toBeNull();
    expect(rateInForce(rates, { from: 'VND', to: 'USD', on: '2093-02-01' })).toBe(rates[0]);
    expect(rateInForce(rates, { from: 'VND', to: 'USD', on: '2093-03-01' })).toBe(rates[1]);
    expect(rateInForce(rates, { from: 'USD', to: 'VND', on: '2093-07-01' })).toBe(rates[2]);
    expect(rateInForce(rates, { from: 'EUR', to: 'USD', on: '2093-07-01' })).toBeNull();
  });

  it('converts a cap, rounding down in the currency it is converted into', () => {
    // 1.000.000.000 đ at 25.400 đ a dollar: 39.370,078… → 39.370,07 USD.
    expect(convertAmount({ amount: new Money('1000000000'), from: 'VND', to: 'USD', rate: usdVnd('25400', '2093-01-01') }).toFixed()).toBe('39370.07');
    expect(convertAmount({ amount: new Money('1000000000'), from: 'VND', to: 'USD', rate: vndUsd('0.0000393701', '2093-01-01') }).toFixed()).toBe('39370.1');
    // 20.000,50 USD at 25.400,5: 508.022.700,25 → 508.022.700 đ.
    expect(convertAmount({ amount: new Money('20000.50'), from: 'USD', to: 'VND', rate: usdVnd('25400.5', '2093-01-01') }).toFixed()).toBe('508022700');
    expect(convertAmount({ amount: new Money('999999999999999999'), from: 'USD', to: 'VND', rate: usdVnd('25400', '2093-01-01') }).toFixed()).toBe('999999999999999999');
  });

  it('never gives more than the cap is worth at the rate', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 15n }), fc.integer({ min: 1, max: 10 ** 9 }), (cap, rateUnits) => {
        const rate = usdVnd(new Money(rateUnits).div(100).toFixed(), '2093-01-01');
        const usd = convertAmount({ amount: new Money(cap.toString()), from: 'VND', to: 'USD', rate });
        const back = usd.times(rate.rate);
        return back.lte(cap.toString()) && back.plus(new Money('0.01').times(rate.rate)).gt(cap.toString());
      }),
    );
  });
});
