/**
 * What a person had typed into a form when their session ended, kept so that signing in again
 * returns them to the form with it filled in. It travels in the login page (a hidden field of the
 * person's own browser) and then in their new session until the form's page is shown once.
 *
 * Never kept: passwords, the form tokens (CSRF, Idempotency-Key: a kept form is sent again as a
 * new one), files. Bounded: at most MAX_FIELDS fields and MAX_BYTES of JSON; what does not fit is
 * left out rather than refused.
 */
export interface KeptForm {
  /** The page the form is on (a path on this site). */
  path: string;
  /** The form's name on a page of several (the `_form` field), as the page's `activeForm`. */
  form?: string;
  values: Record<string, string | string[]>;
}

export const MAX_FIELDS = 400;
export const MAX_BYTES = 32 * 1024;
const MAX_NAME = 100;

/** Fields never kept: tokens of the form, where to go after login, and anything that is a password. */
function isKept(name: string): boolean {
  if (name.length === 0 || name.length > MAX_NAME) return false;
  if (['_csrf', 'idempotencyKey', '_form', 'tiep', 'giu'].includes(name)) return false;
  return !/pass(word)?|mat-?khau|secret|token/i.test(name);
}

/** The fields worth keeping from a form body (or a kept form sent back), bounded. */
export function keptValues(body: unknown): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  if (!body || typeof body !== 'object' || Array.isArray(body)) return values;
  let bytes = 2;
  let count = 0;
  for (const [name, raw] of Object.entries(body as Record<string, unknown>)) {
    if (!isKept(name)) continue;
    const value = typeof raw === 'string' ? raw : Array.isArray(raw) && raw.every((v) => typeof v === 'string') ? (raw as string[]) : null;
    if (value === null) continue;
    const size = Buffer.byteLength(JSON.stringify({ [name]: value }), 'utf8');
    if (count >= MAX_FIELDS || bytes + size > MAX_BYTES) break;
    values[name] = value;
    bytes += size;
    count += 1;
  }
  return values;
}

/** The form name a page of several forms gave its form (`_form`), when it looks like one. */
export function formName(body: unknown): string | undefined {
  const name = body && typeof body === 'object' ? (body as Record<string, unknown>)._form : undefined;
  return typeof name === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(name) ? name : undefined;
}

/** The hidden field of the login page: the kept fields as JSON (null when nothing is worth keeping). */
export function encodeKept(body: unknown): string | null {
  const values = keptValues(body);
  if (Object.keys(values).length === 0) return null;
  const form = formName(body);
  return JSON.stringify(form ? { ...values, _form: form } : values);
}

/** The hidden field sent back with the login: checked again (it came from the browser), bounded. */
export function decodeKept(text: unknown, path: string): KeptForm | null {
  if (typeof text !== 'string' || text === '' || text.length > MAX_BYTES * 2) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const values = keptValues(parsed);
  if (Object.keys(values).length === 0) return null;
  const form = formName(parsed);
  return { path, ...(form ? { form } : {}), values };
}
