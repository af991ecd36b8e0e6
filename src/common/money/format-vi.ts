import { Decimal, plainString } from './decimal';
import { currencyScale } from './currency';

const CURRENCY_SYMBOL: Record<string, string> = { VND: '₫' };

function groupThousands(integerDigits: string): string {
  return integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** A plain number in vi-VN form: `1.250.000`, `12,5`. Never through a JS number. */
export function formatNumberVi(value: Decimal, places = 0): string {
  const fixed = plainString(value, places, Decimal.ROUND_HALF_UP);
  const negative = fixed.startsWith('-');
  const [intPart, fracPart] = (negative ? fixed.slice(1) : fixed).split('.');
  return `${negative ? '-' : ''}${groupThousands(intPart)}${fracPart ? `,${fracPart}` : ''}`;
}

/** Money in vi-VN form: `1.250.000 ₫`; other currencies with 2 places and their code. */
export function formatMoneyVi(amount: Decimal, currency = 'VND'): string {
  return `${formatNumberVi(amount, currencyScale(currency))} ${CURRENCY_SYMBOL[currency] ?? currency}`;
}

/** A fraction as a vi-VN percentage: 0.991 → `99,1 %` (trailing zeros dropped). */
export function formatPercentVi(rate: Decimal, maxPlaces = 1): string {
  const percent = new Decimal(rate).times(100).toDecimalPlaces(maxPlaces, Decimal.ROUND_HALF_UP);
  return `${formatNumberVi(percent, Math.max(0, percent.decimalPlaces()))} %`;
}

/** A date as dd/mm/yyyy. Accepts `YYYY-MM-DD` or a Date (shown in Asia/Ho_Chi_Minh). */
export function formatDateVi(value: string | Date): string {
  const iso = typeof value === 'string' ? value : toHoChiMinhDate(value);
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** The calendar date in Asia/Ho_Chi_Minh (UTC+7, no daylight saving) as `YYYY-MM-DD`. */
export function toHoChiMinhDate(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);
}
