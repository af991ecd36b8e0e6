import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { BrowserErrorPage } from '../common/http/browser-error-page';
import type { ProblemDetails } from '../common/http/problem';
import { PageResponder } from './page-responder';

/**
 * The error page for a download a page links to under the API (see `followsPageLink`): the same
 * page the pages show for their own errors (with the signed-in person's menu: the responder takes
 * them from the API guard), and a way back to the page the link was on.
 */
@Injectable()
export class ApiErrorPage extends BrowserErrorPage {
  constructor(private readonly pages: PageResponder) {
    super();
  }

  send(request: Request, response: Response, problem: ProblemDetails): void {
    const detail =
      problem.status === 404
        ? 'Tài liệu hoặc báo cáo này không tồn tại, hoặc bạn không có quyền xem.'
        : problem.status === 401
          ? 'Phiên đăng nhập đã kết thúc. Vui lòng đăng nhập lại rồi mở lại liên kết.'
          : problem.detail;
    const back = sameSiteReferrer(request);
    this.pages.render(
      request,
      response,
      'error',
      { title: problem.title, detail, problem, back },
      problem.status,
    );
  }
}

/** The path of the page the link was on, when the browser says it and it is one of ours. */
function sameSiteReferrer(request: Request): string | null {
  const referrer = request.headers.referer;
  if (!referrer) return null;
  try {
    const url = new URL(referrer);
    const host = request.headers.host;
    if (!host || url.host !== host || url.pathname.startsWith('/api/')) return null;
    return `${url.pathname}${url.search}`;
  } catch {
    return null;
  }
}
