import type { ValueTransformer } from 'typeorm';
import { Decimal, Money, plainString } from './decimal';

/**
 * The one bridge between DECIMAL columns and decimal.js. mysql2 returns DECIMAL as a string
 * (never a JS number, with `decimalNumbers` off), and we write the string back.
 */
export const decimalTransformer: ValueTransformer = {
  to: (value: Decimal | string | null | undefined) => {
    if (value === null || value === undefined) return value;
    if (typeof value === 'string') return plainString(new Money(value));
    if (Decimal.isDecimal(value)) return plainString(value);
    // Accepting anything else (a JS number) would let a float into the books.
    throw new TypeError('money columns take Decimal values only');
  },
  from: (value: string | null) => (value === null || value === undefined ? value : new Money(value)),
};
