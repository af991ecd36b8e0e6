/**
 * Reading HTML forms into the API's input shapes. A form sends strings only: these helpers turn
 * them into what the API's DTOs take (numbers, booleans, arrays of rows), and then the same
 * validation as the API runs on the result, so the messages are the API's own.
 */
export type FormBody = Record<string, unknown>;

/** Fields every form carries that are not part of the input. */
const FORM_FIELDS = new Set(['_csrf', 'idempotencyKey', '_form']);

function raw(body: FormBody, name: string): string | undefined {
  const value = body[name];
  if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** A required text field: the string as typed (an empty one is left for validation to name). */
export function text(body: FormBody, name: string): string {
  return raw(body, name) ?? '';
}

/** An optional text field: absent when left blank. */
export function optionalText(body: FormBody, name: string): string | undefined {
  const value = raw(body, name)?.trim();
  return value ? value : undefined;
}

/** Several values of one name (checkboxes); absent when none is ticked. */
export function list(body: FormBody, name: string): string[] | undefined {
  const value = body[name];
  const values = (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === 'string' && v !== '');
  return values.length ? values : undefined;
}

/** A checkbox: ticked or not. */
export function checkbox(body: FormBody, name: string): boolean {
  const value = raw(body, name);
  return value !== undefined && value !== '' && value !== 'false';
}

/**
 * A whole number typed in a form (a year, a score, a weight, a head count) as a number; anything
 * else stays a string so that validation names the field. Never used for money.
 */
export function wholeNumber(body: FormBody, name: string): number | string | undefined {
  const value = raw(body, name)?.trim();
  if (value === undefined || value === '') return undefined;
  return /^\d{1,9}$/.test(value) ? Number.parseInt(value, 10) : value;
}

/**
 * An amount typed in a form, as the API's money string. People write thousands with dots or
 * spaces in Vietnam (`1.250.000`, `1 250 000`): those separators are dropped when the grouping is
 * regular. Anything else is passed on unchanged, for the API's validation to refuse with its message.
 */
export function amount(body: FormBody, name: string): string | undefined {
  const value = raw(body, name)?.trim();
  if (value === undefined || value === '') return undefined;
  return normaliseAmount(value);
}

export function normaliseAmount(value: string): string {
  const compact = value.trim();
  if (/^\d{1,3}([. \u00a0]\d{3})+$/.test(compact) && new Set(compact.replace(/\d/g, '')).size === 1) {
    return compact.replace(/[. \u00a0]/g, '');
  }
  return compact;
}

/**
 * An API amount as a form shows it to be edited: whole đồng grouped with dots (`180000000` →
 * `180.000.000`), which `normaliseAmount` reads back. Amounts with decimals (foreign currencies)
 * and anything not a plain amount stay as they are.
 */
export function amountForInput(value: unknown): string {
  if (value === null || value === undefined) return '';
  const plain = String(value).trim();
  return /^\d+$/.test(plain) ? plain.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, '.') : plain;
}

/** A quantity as a form shows it to be edited: vi-VN decimal comma (`1.5` → `1,5`), as `normaliseQuantity` reads it. */
export function quantityForInput(value: unknown): string {
  if (value === null || value === undefined) return '';
  const plain = String(value).trim();
  return /^\d+\.\d+$/.test(plain) ? plain.replace('.', ',') : plain;
}

/**
 * Rows of a repeated group (`costLines[0].description`, `costLines[0].quantity`, …) in index
 * order; a row whose fields are all blank is skipped (an unused row of the form).
 */
export function rows(body: FormBody, group: string): Array<{ index: number; fields: Record<string, string> }> {
  const pattern = new RegExp(`^${group}\\[(\\d{1,3})\\]\\.(\\w+)$`);
  const byIndex = new Map<number, Record<string, string>>();
  for (const [key, value] of Object.entries(body)) {
    const match = pattern.exec(key);
    if (!match) continue;
    const index = Number.parseInt(match[1], 10);
    const fields = byIndex.get(index) ?? {};
    fields[match[2]] = Array.isArray(value) ? String(value[0] ?? '') : typeof value === 'string' ? value : '';
    byIndex.set(index, fields);
  }
  return [...byIndex.entries()]
    .sort(([a], [b]) => a - b)
    .filter(([, fields]) => Object.entries(fields).some(([name, v]) => name !== 'eligible' && name !== 'unitId' && v.trim() !== ''))
    .map(([index, fields]) => ({ index, fields }));
}

/** The values to show again in a form that was refused (everything typed, minus the tokens). */
export function formValues(body: FormBody | undefined): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body ?? {})) if (!FORM_FIELDS.has(key)) values[key] = value;
  return values;
}
