/** The session cookie: `__Host-` keeps it to this host, over HTTPS (browsers allow localhost), path `/`. */
export const SESSION_COOKIE = '__Host-kc_sid';
/** The CSRF token of a visitor who has not signed in yet (login and registration forms): double submit. */
export const ANONYMOUS_CSRF_COOKIE = '__Host-kc_csrf';

/** The cookies of a request header, first value wins; malformed pairs are skipped. */
export function parseCookies(header: string | string[] | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  const text = Array.isArray(header) ? header.join('; ') : (header ?? '');
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name || name in result) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    try {
      result[name] = decodeURIComponent(value);
    } catch {
      continue;
    }
  }
  return result;
}

/**
 * A Set-Cookie value with the flags every cookie of the pages carries: HttpOnly (no script reads
 * it), Secure, SameSite=Lax (not sent with another site's forms or subrequests), Path=/.
 * `maxAgeSeconds` 0 deletes the cookie; undefined makes a browser-session cookie.
 */
export function serializeCookie(name: string, value: string, maxAgeSeconds?: number): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', 'Secure', 'SameSite=Lax'];
  if (maxAgeSeconds !== undefined) parts.push(`Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`);
  return parts.join('; ');
}
