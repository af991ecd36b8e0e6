/** Minor-unit places per currency: VND has none; foreign sponsors' currencies use two. */
export function currencyScale(currency: string): number {
  return currency === 'VND' ? 0 : 2;
}

export const CURRENCY_PATTERN = /^[A-Z]{3}$/;
