import { currencyScale } from '../../common/money/currency';
import { Decimal, Money } from '../../common/money/decimal';
import { MAX_INTEGER_DIGITS } from '../../common/money/money';

/** A rate as finance writes it: a positive plain decimal, at most 12 integer digits and 10 places (DECIMAL(22,10)). */
export const RATE_PATTERN = /^\d{1,12}(\.\d{1,10})?$/;

/** Why a rate string is not acceptable, or null. */
export function rateProblem(value: unknown): string | null {
  if (typeof value !== 'string' || !RATE_PATTERN.test(value)) return 'phải là số thập phân dương dạng chuỗi, tối đa 12 chữ số phần nguyên và 10 chữ số thập phân, ví dụ "25400"';
  return new Money(value).gt(0) ? null : 'phải lớn hơn 0';
}

/** A recorded rate: from `validFrom` on, 1 `fromCurrency` = `rate` `toCurrency`. */
export interface RateTerms {
  fromCurrency: string;
  toCurrency: string;
  rate: Decimal;
  validFrom: string;
}

/**
 * The rate in force on `on` between two currencies: of the rates recorded for the pair, either way
 * round, the one with the latest `validFrom` not after `on` (on the same day, the one written
 * `from → to`). Null when there is none.
 */
export function rateInForce(rates: readonly RateTerms[], { from, to, on }: { from: string; to: string; on: string }): RateTerms | null {
  let best: RateTerms | null = null;
  for (const r of rates) {
    const direct = r.fromCurrency === from && r.toCurrency === to;
    if (!direct && !(r.fromCurrency === to && r.toCurrency === from)) continue;
    if (r.validFrom > on) continue;
    if (!best || r.validFrom > best.validFrom || (r.validFrom === best.validFrom && direct && best.fromCurrency !== from)) best = r;
  }
  return best;
}

/** The largest amount a money column (at most 18 integer digits) holds in `currency`. */
function columnMax(currency: string): Money {
  return new Money(10).pow(MAX_INTEGER_DIGITS).minus(new Money(10).pow(-currencyScale(currency)));
}

/**
 * `amount` in `from` converted into `to` at `rate` (written either way round), rounded down to the
 * smallest unit of `to`, so a cap converted is never passed; a result past what a money column
 * holds is that column's largest amount (a cap that large caps nothing).
 */
export function convertAmount({ amount, from, to, rate }: { amount: Decimal; from: string; to: string; rate: RateTerms }): Money {
  if (from === to) return new Money(amount);
  const value = rate.fromCurrency === from ? new Money(amount).times(rate.rate) : new Money(amount).div(rate.rate);
  const converted = value.toDecimalPlaces(currencyScale(to), Decimal.ROUND_FLOOR);
  const max = columnMax(to);
  return converted.gt(max) ? max : converted;
}
