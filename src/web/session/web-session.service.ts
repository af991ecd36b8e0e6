import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type { Response } from 'express';
import { Actor, ActorSource } from '../../common/auth/actor';
import { BrowserSessionSource } from '../../common/auth/browser-session';
import { Clock } from '../../common/clock';
import { TransactionRunner } from '../../database/transaction';
import { AuditService } from '../../modules/audit/audit.service';
import { KeptForm, keptValues } from '../forms/kept-form';
import type { WebSession } from '../web-context';
import { parseCookies, serializeCookie, SESSION_COOKIE } from './cookies';

/** A session ends after this long without a request… */
export const SESSION_IDLE_MS = 2 * 3600_000;
/** …and at the latest this long after sign-in. */
export const SESSION_MAX_MS = 12 * 3600_000;
/** last_seen_at is written at most this often. */
const TOUCH_EVERY_MS = 60_000;

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

interface SessionRow {
  id: string;
  user_id: string;
  csrf_token: string;
  flash: string | null;
  kept_form: string | null;
  last_seen_at: Date;
  credentials_version: number;
}

/**
 * Sessions of the pages. The browser holds a random 256-bit token in an HTTP-only, Secure,
 * SameSite cookie; the database holds its SHA-256, the CSRF token bound to it and a one-time
 * message. The user is read again on every request (through identity's ActorSource), so a
 * deactivated account is out at once, as with tokens. A session remembers the user's credentials
 * version at sign-in: a password change or reset elsewhere ends it.
 */
@Injectable()
export class WebSessionService extends BrowserSessionSource {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly actors: ActorSource,
    private readonly audit: AuditService,
  ) {
    super();
  }

  /**
   * Starts a session for a user who has just proved their password (a new token: no fixation),
   * holding the form they were typing when their previous session ended, if any.
   */
  async open(user: Pick<Actor, 'id'>, response: Response, keptForm: KeptForm | null = null): Promise<void> {
    const token = newToken();
    const now = this.clock.now();
    const credentialsVersion = (await this.actors.findActiveActor(user.id))?.credentialsVersion ?? 0;
    await this.tx.run(async (em) => {
      // Expired sessions of this user go as a new one starts.
      await em.query('DELETE FROM web_sessions WHERE user_id = ? AND (expires_at <= ? OR last_seen_at <= ?)', [
        user.id,
        now,
        new Date(now.getTime() - SESSION_IDLE_MS),
      ]);
      await em.query(
        'INSERT INTO web_sessions (id, user_id, csrf_token, flash, kept_form, created_at, last_seen_at, expires_at, credentials_version) VALUES (?,?,?,NULL,?,?,?,?,?)',
        [digest(token), user.id, newToken(), keptForm ? JSON.stringify(keptForm) : null, now, now, new Date(now.getTime() + SESSION_MAX_MS), credentialsVersion],
      );
      this.audit.record({ actor: user, capacity: 'self', action: 'auth.web_login', entity: 'user', entityId: user.id, after: { channel: 'web' } });
    });
    response.append('Set-Cookie', serializeCookie(SESSION_COOKIE, token, SESSION_MAX_MS / 1000));
  }

  /**
   * After the user changed their password here: the old session (opened under the old credentials
   * version) goes, a new one under the new version takes its place, so this browser stays signed in.
   */
  async renew(session: WebSession, response: Response): Promise<void> {
    await this.tx.manager.query('DELETE FROM web_sessions WHERE id = ?', [session.id]);
    await this.open(session.actor, response);
  }

  /** The valid session named by the request's cookie, once per request. */
  resolve(request: { headers: Record<string, string | string[] | undefined>; webSession?: Promise<WebSession | null> }): Promise<WebSession | null> {
    request.webSession ??= this.lookUp(parseCookies(request.headers.cookie)[SESSION_COOKIE]);
    return request.webSession;
  }

  override async actorForRequest(request: { headers: Record<string, string | string[] | undefined> }): Promise<Actor | null> {
    return (await this.resolve(request))?.actor ?? null;
  }

  /** Ends the session (sign-out) and clears the cookie. */
  async close(session: WebSession | null, response: Response): Promise<void> {
    if (session) {
      await this.tx.run(async (em) => {
        await em.query('DELETE FROM web_sessions WHERE id = ?', [session.id]);
        this.audit.record({ actor: session.actor, capacity: 'self', action: 'auth.web_logout', entity: 'user', entityId: session.actor.id, after: { channel: 'web' } });
      });
    }
    response.append('Set-Cookie', serializeCookie(SESSION_COOKIE, '', 0));
  }

  /** Housekeeping: deletes every session that has ended (past its absolute expiry or idle too long); returns how many. */
  async purgeExpired(): Promise<number> {
    const now = this.clock.now();
    const result = await this.tx.manager.query('DELETE FROM web_sessions WHERE expires_at <= ? OR last_seen_at <= ?', [
      now,
      new Date(now.getTime() - SESSION_IDLE_MS),
    ]);
    return (result as { affectedRows?: number }).affectedRows ?? 0;
  }

  /** A message for the next page the session opens (after a redirect). */
  async setFlash(session: WebSession, message: string): Promise<void> {
    await this.tx.manager.query('UPDATE web_sessions SET flash = ? WHERE id = ?', [message.slice(0, 1000), session.id]);
  }

  /** The waiting message, removed as it is read. */
  async takeFlash(session: WebSession): Promise<string | null> {
    if (!session.flash) return null;
    await this.tx.manager.query('UPDATE web_sessions SET flash = NULL WHERE id = ?', [session.id]);
    const message = session.flash;
    session.flash = null;
    return message;
  }

  /**
   * The kept form, removed as the first page after sign-in is shown: returned when that page is
   * the form's own (a form is filled in once, and only where it was typed).
   */
  async takeKeptForm(session: WebSession, path: string): Promise<KeptForm | null> {
    const kept = session.keptForm;
    if (!kept) return null;
    await this.tx.manager.query('UPDATE web_sessions SET kept_form = NULL WHERE id = ?', [session.id]);
    session.keptForm = null;
    return kept.path.split('?')[0] === path ? kept : null;
  }

  private async lookUp(token: string | undefined): Promise<WebSession | null> {
    if (!token || !TOKEN_PATTERN.test(token)) return null;
    const now = this.clock.now();
    const rows: SessionRow[] = await this.tx.manager.query(
      'SELECT id, user_id, csrf_token, flash, kept_form, last_seen_at, credentials_version FROM web_sessions WHERE id = ? AND expires_at > ? AND last_seen_at > ?',
      [digest(token), now, new Date(now.getTime() - SESSION_IDLE_MS)],
    );
    const row = rows[0];
    if (!row) return null;
    const actor = await this.actors.findActiveActor(row.user_id);
    // The password was changed or reset since this session began: it has ended.
    if (!actor || (actor.credentialsVersion ?? 0) !== Number(row.credentials_version)) return null;
    if (now.getTime() - new Date(row.last_seen_at).getTime() > TOUCH_EVERY_MS) {
      await this.tx.manager.query('UPDATE web_sessions SET last_seen_at = ? WHERE id = ?', [now, row.id]);
    }
    return { id: row.id, csrfToken: row.csrf_token, flash: row.flash, keptForm: parseKept(row.kept_form), actor };
  }
}

function parseKept(text: string | null): KeptForm | null {
  if (!text) return null;
  try {
    const kept = JSON.parse(text) as KeptForm;
    return typeof kept.path === 'string' ? { path: kept.path, ...(kept.form ? { form: String(kept.form) } : {}), values: keptValues(kept.values) } : null;
  } catch {
    return null;
  }
}
