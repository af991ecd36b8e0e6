/** Mã số thuế: 10 digits for the establishment, 10 digits `-` 3 digits for a branch. */
export const TAX_CODE_PATTERN = /^\d{10}(-\d{3})?$/;

export function isTaxCode(value: unknown): value is string {
  return typeof value === 'string' && TAX_CODE_PATTERN.test(value);
}
