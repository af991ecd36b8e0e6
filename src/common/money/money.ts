import { Decimal, Money, plainString } from './decimal';
import { currencyScale } from './currency';

export const MAX_INTEGER_DIGITS = 18;

/** A money or rate value the client sent that is not acceptable; `field` names where it was. */
export class MoneyFormatError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const PLAIN_DECIMAL = /^(0|[1-9]\d*)(\.(\d+))?$/;

export interface ParseMoneyOptions {
  field: string;
  currency: string;
  /** Amounts are positive unless a field says otherwise. */
  allowZero?: boolean;
}

/**
 * Strict parsing of the API's money strings: a plain decimal, no sign, no exponent, no
 * separators, no more places than the currency has, at most 18 integer digits.
 */
export function parseMoney(value: unknown, { field, currency, allowZero = false }: ParseMoneyOptions): Money {
  const problem = moneyStringProblem(value, currencyScale(currency));
  if (problem) throw new MoneyFormatError(field, problem);
  const amount = new Money(value as string);
  if (!allowZero && amount.isZero()) throw new MoneyFormatError(field, 'phải lớn hơn 0');
  return amount;
}

/**
 * Why a value is not a money string with at most `scale` places (Vietnamese, for the client),
 * or null when it is one.
 */
export function moneyStringProblem(value: unknown, scale: number): string | null {
  if (typeof value !== 'string') return 'phải là chuỗi số thập phân, ví dụ "1500000"';
  if (value === '') return 'không được để trống';
  // A minus sign is the problem, whatever the rest looks like ("-500.000.000" is not about dots).
  if (/^\s*[-\u2212]/.test(value)) return 'không được âm';
  const match = PLAIN_DECIMAL.exec(value);
  if (!match) return 'phải là số thập phân không dấu, không có dấu phân cách hàng nghìn và không dùng số mũ';
  if (match[1].length > MAX_INTEGER_DIGITS) return `tối đa ${MAX_INTEGER_DIGITS} chữ số phần nguyên`;
  const places = match[3]?.length ?? 0;
  if (places > scale) {
    return scale === 0 ? 'số tiền VND phải là số nguyên đồng' : `tối đa ${scale} chữ số thập phân`;
  }
  return null;
}

/** A rate: a plain decimal fraction between 0 and 1 inclusive, at most 6 places. */
export function parseRate(value: unknown, field: string): Decimal {
  if (typeof value !== 'string' || !/^(0|1)(\.\d{1,6})?$/.test(value)) {
    throw new MoneyFormatError(field, 'phải là tỷ lệ dạng chuỗi từ "0" đến "1", ví dụ "0.5"');
  }
  const rate = new Money(value);
  if (rate.gt(1)) throw new MoneyFormatError(field, 'không được lớn hơn 1');
  return rate;
}

/** The API's output form: VND without a fractional part, other currencies with exactly 2 places. */
export function formatMoneyForApi(amount: Decimal, currency: string): string {
  return plainString(amount, currencyScale(currency));
}

/** floor(rate × amount) in whole units of the currency: a cap or a limit is never passed. */
export function floorRateOf({ rate, amount, currency }: { rate: Decimal; amount: Decimal; currency: string }): Money {
  return new Money(rate).times(amount).toDecimalPlaces(currencyScale(currency), Decimal.ROUND_FLOOR);
}

export function minMoney(first: Decimal, ...rest: Decimal[]): Money {
  return rest.reduce<Decimal>((min, next) => (next.lt(min) ? next : min), first) as Money;
}

export function sumMoney(values: Iterable<Decimal>): Money {
  let total = new Money(0);
  for (const v of values) total = total.plus(v);
  return total;
}
