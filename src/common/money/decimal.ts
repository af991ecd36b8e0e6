import Decimal from 'decimal.js';

/**
 * One Decimal constructor for the whole service: 40 significant digits covers DECIMAL(20,2)
 * products with rates, and rounding is never implicit (every rounding names its mode).
 */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_DOWN, toExpNeg: -30, toExpPos: 40 });
export type Money = Decimal;
export { Decimal };

/**
 * A decimal as a plain string with exactly `places` places (no exponent). This is decimal.js's
 * own toFixed on a Decimal, the only place the service calls it; a JS number never gets here.
 */
export function plainString(value: Decimal, places?: number, rounding: Decimal.Rounding = Decimal.ROUND_DOWN): string {
  return places === undefined ? value.toFixed() : value.toFixed(places, rounding);
}
