import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError } from '../common/http/domain-error';
import { clientProblem } from '../common/http/problem.filter';
import { FormAddresses } from './form-addresses';
import { encodeKept } from './forms/kept-form';
import { PageResponder, safeReturnPath } from './page-responder';
import { parseCookies, SESSION_COOKIE } from './session/cookies';
import { CsrfRefused, LoginRequired, WebRequest } from './web-context';

/**
 * Errors of the pages become pages: the login page for a visitor not signed in, a Vietnamese
 * explanation with the right status otherwise. Never a JSON problem and never a stack trace.
 */
@Catch()
export class WebExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('WebPages');

  constructor(
    private readonly pages: PageResponder,
    private readonly addresses: FormAddresses,
  ) {}

  async catch(error: unknown, host: ArgumentsHost): Promise<void> {
    const request = host.switchToHttp().getRequest<WebRequest>();
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    try {
      if (error instanceof LoginRequired && request.method === 'POST' && request.path !== '/dang-xuat') {
        return this.signInAgain(request, response);
      }
      if (error instanceof LoginRequired || (error instanceof DomainError && error.code === 'UNAUTHENTICATED')) {
        const returnTo = error instanceof LoginRequired && error.returnTo && error.returnTo !== '/' ? `?tiep=${encodeURIComponent(error.returnTo)}` : '';
        return await this.pages.redirect(request, response, `/dang-nhap${returnTo}`);
      }
      if (error instanceof DomainError && error.code === 'PASSWORD_CHANGE_REQUIRED') {
        return await this.pages.redirect(request, response, '/doi-mat-khau');
      }
      if (error instanceof CsrfRefused) {
        return this.pages.render(
          request,
          response,
          'error',
          {
            title: 'Biểu mẫu không hợp lệ',
            detail: 'Biểu mẫu đã hết hạn hoặc không được gửi từ trang của KCFund. Vui lòng tải lại trang và thử lại.',
          },
          403,
        );
      }
      const problem = clientProblem(error, request);
      if (problem) {
        const detail = problem.status === 404 ? 'Trang hoặc hồ sơ này không tồn tại, hoặc bạn không có quyền xem.' : problem.detail;
        return this.pages.render(request, response, 'error', { title: problem.title, detail, problem }, problem.status);
      }
      this.logger.error({ err: error, path: request.url }, 'page failed');
      const unavailable = (error as { status?: number })?.status === 503;
      return this.pages.render(
        request,
        response,
        'error',
        { title: 'Lỗi hệ thống', detail: unavailable ? 'Cơ sở dữ liệu tạm thời không truy cập được, vui lòng thử lại sau.' : 'Đã xảy ra lỗi không mong muốn; sự cố đã được ghi lại.' },
        500,
      );
    } catch (renderError) {
      this.logger.error({ err: renderError }, 'error page failed');
      if (!response.headersSent) response.status(500).type('text/plain; charset=utf-8').send('Đã xảy ra lỗi không mong muốn.');
    }
  }

  /**
   * A form sent after the session ended: the login page at once, which returns to the form's page
   * after signing in, with what was typed. The fields are kept only for a browser that still
   * holds the ended session's cookie (a form of another site never carries it: SameSite) and
   * only from an ordinary form (files are not kept).
   */
  private signInAgain(request: WebRequest, response: Response): void {
    const next = safeReturnPath(this.addresses.pageForPost(request.path));
    const endedSession = Boolean(parseCookies(request.headers.cookie)[SESSION_COOKIE]);
    const ordinaryForm = /^application\/x-www-form-urlencoded/i.test(String(request.headers['content-type'] ?? ''));
    const sameSite = request.headers['sec-fetch-site'] !== 'cross-site';
    const kept = endedSession && ordinaryForm && sameSite ? encodeKept(request.body) : null;
    this.pages.render(request, response, 'login', { title: 'Phiên đăng nhập đã kết thúc', next, kept, sessionEnded: true }, 401);
  }
}
