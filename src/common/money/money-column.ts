import { Decimal, Money } from './decimal';
import { MAX_INTEGER_DIGITS } from './money';

/**
 * The money columns are DECIMAL(20,2): 18 integer digits and 2 places. A single amount the API
 * takes already fits (at most 18 integer digits); a sum of them, or a balance that grows with
 * each transfer, may not, and a value past the column makes MariaDB refuse the statement (a 500
 * unless it is checked first).
 */
export const MONEY_COLUMN = { precision: 20, scale: 2 } as const;

/** The largest magnitude a DECIMAL(20,2) column holds: 999.999.999.999.999.999,99. */
export const MONEY_COLUMN_MAX: Money = new Money(10).pow(MAX_INTEGER_DIGITS).minus(new Money(10).pow(-MONEY_COLUMN.scale));

/** Whether `value` (already at most 2 places) fits a DECIMAL(20,2) column, sign included. */
export function fitsMoneyColumn(value: Decimal): boolean {
  return value.isFinite() && value.abs().lte(MONEY_COLUMN_MAX);
}

/** Why a sum does not fit its column (Vietnamese, for the client), or null when it does. */
export function moneyColumnProblem(value: Decimal): string | null {
  return fitsMoneyColumn(value) ? null : `tổng vượt quá giới hạn lưu trữ (tối đa ${MAX_INTEGER_DIGITS} chữ số phần nguyên)`;
}
