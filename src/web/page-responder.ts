import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor } from '../common/auth/actor';
import { Clock } from '../common/clock';
import { ROLE_LABELS } from '../modules/identity/identity.labels';
import { navigationFor } from './navigation';
import { WebSessionService } from './session/web-session.service';
import type { KeptForm } from './forms/kept-form';
import type { WebRequest } from './web-context';
import { WebViews } from './web-views';

/** Pages may run this site's own script and style only; nothing is framed or sent elsewhere. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

/** Sends pages: renders a template with what every page shows, or redirects with a one-time message. */
@Injectable()
export class PageResponder {
  constructor(
    private readonly views: WebViews,
    private readonly sessions: WebSessionService,
    private readonly clock: Clock,
  ) {}

  render(request: WebRequest, response: Response, template: string, data: Record<string, unknown> = {}, status = 200): void {
    const web = request.web;
    // A page answers an API download too (its error page): the person is then the API guard's.
    const actor = web?.actor ?? (request as WebRequest & { actor?: Actor }).actor ?? null;
    const html = this.views.render(template, {
      me: actor,
      myRoles: actor ? actor.roles.map((role) => ROLE_LABELS[role]).join(', ') : '',
      nav: navigationFor(actor),
      path: request.path,
      csrfToken: web?.csrfToken ?? '',
      flash: web?.flash ?? null,
      unreadNotifications: web?.unreadNotifications ?? null,
      today: this.clock.today(),
      ...data,
      ...(web?.keptForm && status === 200 ? withKeptForm(data, web.keptForm, web.flash) : {}),
    });
    this.secure(response);
    response.status(status).type('html').send(html);
  }

  async redirect(request: WebRequest, response: Response, url: string, flash?: string): Promise<void> {
    const session = request.web?.session;
    if (flash && session) await this.sessions.setFlash(session, flash);
    this.secure(response);
    response.redirect(303, url);
  }

  private secure(response: Response): void {
    response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'same-origin');
    response.setHeader('X-Frame-Options', 'DENY');
    // Pages hold personal and financial data: no copy kept by the browser or a proxy.
    response.setHeader('Cache-Control', 'no-store');
  }
}

/**
 * A form typed before the session ended, filled in as it was typed (the page's own values, such
 * as a file's saved fields, give way to it), its rows all shown, its form open, and a word on why.
 */
function withKeptForm(data: Record<string, unknown>, kept: KeptForm, flash: string | null): Record<string, unknown> {
  const rowIndexes = Object.keys(kept.values).map((name) => /^\w+\[(\d{1,3})\]/.exec(name)?.[1]).filter((i): i is string => i !== undefined).map(Number);
  return {
    values: kept.values,
    ...(kept.form ? { activeForm: kept.form } : {}),
    ...(typeof data.rowCount === 'number' && rowIndexes.length ? { rowCount: Math.max(data.rowCount, Math.max(...rowIndexes) + 1) } : {}),
    flash: flash ?? 'Phiên đăng nhập trước đã kết thúc. Nội dung bạn đã nhập được điền lại vào biểu mẫu: hãy kiểm tra rồi gửi lại.',
  };
}

/** A path on this site to return to after login (never another site: `//x`, `/\x`, schemes). */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (/[\r\n]/.test(value) || value.startsWith('/dang-nhap') || value.startsWith('/api/')) return '/';
  return value;
}
