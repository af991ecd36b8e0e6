import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor, Role } from '../common/auth/actor';
import type { KeptForm } from './forms/kept-form';

/** A signed-in browser session, as the page guard found it. */
export interface WebSession {
  /** SHA-256 of the cookie's token: the row's key. */
  id: string;
  csrfToken: string;
  flash: string | null;
  /** A form typed before the previous session ended, to fill in once its page is shown. */
  keptForm: KeptForm | null;
  actor: Actor;
}

/** What every page knows about the request: who is there, the form token, a one-time message. */
export interface WebContext {
  actor: Actor | null;
  session: WebSession | null;
  /** The token every form posts back (`_csrf`): the session's, or the anonymous visitor's cookie. */
  csrfToken: string;
  flash: string | null;
  /** The form kept across a sign-in, when this page is the one it belongs to. */
  keptForm?: KeptForm | null;
  /**
   * How many of the person's notifications are unread (the bell in the header): counted once for
   * a page opened with GET; absent for a form's answer (a POST counts nothing).
   */
  unreadNotifications?: number | null;
}

export type WebRequest = Request & { web?: WebContext; webSession?: Promise<WebSession | null> };

export const WEB_PUBLIC_KEY = 'kcfund:web-public';
export const PAGE_ROLES_KEY = 'kcfund:page-roles';

/** A page anyone may open (login, registration). */
export const WebPublic = () => SetMetadata(WEB_PUBLIC_KEY, true);

/** Only these roles see the page (the same lists as the API routes it mirrors); others get 403. */
export const PageRoles = (...roles: Role[]) => SetMetadata(PAGE_ROLES_KEY, roles);

/** The web context of the request (set by the page guard). */
export const Web = createParamDecorator((_: unknown, ctx: ExecutionContext): WebContext => {
  return ctx.switchToHttp().getRequest<WebRequest>().web!;
});

/** The signed-in actor; the page guard has already sent anyone else to the login page. */
export const PageActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<WebRequest>().web!.actor!;
});

/** Not signed in: the page sends the browser to the login page, then back. */
export class LoginRequired extends Error {
  constructor(readonly returnTo: string | null) {
    super('login required');
  }
}

/** A form whose CSRF token is missing or wrong, or a cross-site submission. */
export class CsrfRefused extends Error {
  constructor() {
    super('csrf');
  }
}
