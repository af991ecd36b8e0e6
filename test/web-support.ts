import { DataSource } from 'typeorm';
import type { Role } from '../src/common/auth/actor';
import { PasswordHasher } from '../src/modules/identity/password-hasher';
import { createActor, TestActor } from './support/actors';
import type { TestApp } from './support/test-app';

/** Helpers of the web pages' tests: users who can sign in with a password, and a cookie jar. */

export const PASSWORD = 'Mat-khau-thu-01';

/** A user (as createActor makes them) whose password works on the login page. */
export async function webUser(t: TestApp, roles: Role[], unitId: string | null = null, fullName?: string): Promise<TestActor> {
  const actor = await createActor(t, roles, unitId);
  const hash = await t.app.get(PasswordHasher).hash(PASSWORD);
  await t.app.get(DataSource).query('UPDATE users SET password_hash = ?, full_name = COALESCE(?, full_name) WHERE id = ?', [hash, fullName ?? null, actor.id]);
  return actor;
}

/** The `_csrf` token of the first form of a page. */
export function csrfOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF token on the page');
  return match[1];
}

/** A hidden field's value on a page (the first with that name). */
export function hiddenValue(html: string, name: string): string {
  const match = new RegExp(`name="${name.replace(/[[\].]/g, '\\$&')}" value="([^"]*)"`).exec(html);
  if (!match) throw new Error(`no field ${name} on the page`);
  return match[1];
}

/**
 * A browser for supertest: keeps cookies (the pages' cookies are Secure, which supertest's own
 * agent would not send over plain HTTP) and signs in through the login page.
 */
export class PageClient {
  readonly cookies = new Map<string, string>();

  constructor(private readonly t: TestApp) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  keep(setCookie: string[] | string | undefined): void {
    for (const line of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(path: string) {
    const res = await this.t.http.get(path).set('Cookie', this.cookieHeader).redirects(0);
    this.keep(res.headers['set-cookie'] as unknown as string[]);
    return res;
  }

  /** A form POST: urlencoded fields, the CSRF token given or taken from `from` (a page's path). */
  async post(path: string, fields: Record<string, string | string[]>, options: { from?: string; csrf?: string | null } = {}) {
    let csrf = options.csrf;
    if (csrf === undefined) csrf = csrfOf((await this.get(options.from ?? path)).text);
    const body = new URLSearchParams();
    if (csrf !== null) body.append('_csrf', csrf);
    for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    const res = await this.t.http
      .post(path)
      .set('Cookie', this.cookieHeader)
      .type('form')
      .send(body.toString())
      .redirects(0);
    this.keep(res.headers['set-cookie'] as unknown as string[]);
    return res;
  }

  async login(email: string, password = PASSWORD) {
    const res = await this.post('/dang-nhap', { email, password }, { from: '/dang-nhap' });
    if (res.status !== 303) throw new Error(`login failed: ${res.status} ${res.text.slice(0, 500)}`);
    return res;
  }
}
