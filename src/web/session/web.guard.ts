import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { timingSafeEqual } from 'node:crypto';
import type { Response } from 'express';
import type { AuthenticatedRequest, Role } from '../../common/auth/actor';
import { OPEN_DURING_PASSWORD_CHANGE_KEY } from '../../common/auth/decorators';
import { Forbidden, PasswordChangeRequired } from '../../common/http/domain-error';
import { NotificationsService } from '../../modules/notifications/notifications.service';
import { CsrfRefused, LoginRequired, PAGE_ROLES_KEY, WEB_PUBLIC_KEY, WebRequest } from '../web-context';
import { ANONYMOUS_CSRF_COOKIE, parseCookies, serializeCookie } from './cookies';
import { readLeadingMultipartField } from './multipart-field';
import { newToken, WebSessionService } from './web-session.service';

function sameToken(sent: unknown, expected: string | undefined): boolean {
  if (typeof sent !== 'string' || !expected) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The guard of every page: finds the session, sends a visitor who is not signed in to the login
 * page (pages marked @WebPublic excepted), checks the CSRF token of every form POST (the
 * synchronizer token bound to the session, or the anonymous visitor's double-submit cookie), a
 * password change an administrator's reset requires, and the roles a page is limited to.
 */
@Injectable()
export class WebGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: WebSessionService,
    private readonly notifications: NotificationsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<WebRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(WEB_PUBLIC_KEY, targets) ?? false;
    const session = await this.sessions.resolve(request);
    let csrfToken: string;
    if (session) {
      csrfToken = session.csrfToken;
    } else {
      // A visitor's token, also for one sent to sign in: the login page may be shown at once.
      csrfToken = parseCookies(request.headers.cookie)[ANONYMOUS_CSRF_COOKIE] ?? '';
      if (!/^[A-Za-z0-9_-]{43}$/.test(csrfToken)) {
        csrfToken = newToken();
        response.append('Set-Cookie', serializeCookie(ANONYMOUS_CSRF_COOKIE, csrfToken));
      }
    }
    request.web = { actor: session?.actor ?? null, session, csrfToken, flash: null };
    // The same place the API's guard puts it, for what both doors share (the upload guard).
    if (session) (request as WebRequest & Partial<AuthenticatedRequest>).actor = session.actor;
    if (!session && !isPublic) throw new LoginRequired(request.method === 'GET' ? request.originalUrl : null);
    if (request.method === 'POST') await this.checkCsrf(request, csrfToken);
    // A password an administrator reset: the change-password page first (the filter sends them there).
    if (session?.actor.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(OPEN_DURING_PASSWORD_CHANGE_KEY, targets)) {
      throw new PasswordChangeRequired();
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(PAGE_ROLES_KEY, targets);
    if (roles && session && !session.actor.roles.some((role) => roles.includes(role))) throw new Forbidden();
    if (session && request.method === 'GET') {
      // The bell's count, beside the one-time message: once per page, never for a form's POST (nor
      // while a reset password waits to be changed: the bell is not shown then).
      const [unread, flash, keptForm] = await Promise.all([
        session.actor.mustChangePassword ? null : this.notifications.unreadCount(session.actor),
        this.sessions.takeFlash(session),
        this.sessions.takeKeptForm(session, request.path),
      ]);
      request.web.unreadNotifications = unread;
      request.web.flash = flash;
      request.web.keptForm = keptForm;
    }
    return true;
  }

  private async checkCsrf(request: WebRequest, expected: string): Promise<void> {
    // Browsers say where a request comes from; another site's form is refused before anything else.
    if (request.headers['sec-fetch-site'] === 'cross-site') throw new CsrfRefused();
    const multipart = /^multipart\/form-data/i.test(String(request.headers['content-type'] ?? ''));
    const sent = multipart ? await readLeadingMultipartField(request, '_csrf') : (request.body as Record<string, unknown> | undefined)?._csrf;
    if (!sameToken(sent, expected)) throw new CsrfRefused();
  }
}
