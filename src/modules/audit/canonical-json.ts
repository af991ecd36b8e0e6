/**
 * Canonical JSON: object keys sorted, no white space, undefined dropped. The audit hash covers
 * this form, so the same entry always hashes the same.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value));
}

/**
 * The canonical form as a value (a deep copy): object keys in order, Dates and Decimals as
 * strings. JSON.stringify of it is canonicalJson of the original.
 */
export function canonicalValue(value: unknown): unknown {
  return normalise(value);
}

function normalise(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(normalise);
  if (typeof value === 'object') {
    const maybeDecimal = value as { toFixed?: unknown; constructor?: { name?: string } };
    if (typeof maybeDecimal.toFixed === 'function' && maybeDecimal.constructor?.name === 'Decimal') return String(value);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value as object).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = normalise(v);
    }
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}
