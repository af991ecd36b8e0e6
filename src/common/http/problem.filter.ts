import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger, NotFoundException, Optional } from '@nestjs/common';
import type { Request, Response } from 'express';
import { BrowserErrorPage, followsPageLink } from './browser-error-page';
import { DomainError } from './domain-error';
import { multipartLimitPassed } from './multipart-limits';
import { MoneyFormatError } from '../money/money';
import { problem, ProblemDetails, statusForCode } from './problem';

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'POOL_CLOSED',
  'ER_SERVER_SHUTDOWN',
]);

function chain(error: unknown): Array<Record<string, unknown>> {
  const seen: Array<Record<string, unknown>> = [];
  let current = error as Record<string, unknown> | undefined;
  while (current && typeof current === 'object' && seen.length < 5 && !seen.includes(current)) {
    seen.push(current);
    current = (current.driverError ?? current.cause) as Record<string, unknown> | undefined;
  }
  return seen;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return chain(error).some(
    (e) => UNAVAILABLE_CODES.has(String(e.code)) || /connect(ion)? (timed out|refused|lost)|Pool is closed/i.test(String(e.message)),
  );
}

function isDuplicateKey(error: unknown): boolean {
  return chain(error).some((e) => e.code === 'ER_DUP_ENTRY' || e.errno === 1062);
}

/** A stored problem answered again for a replayed Idempotency-Key. */
export class ReplayedResponse extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super('replayed');
  }
}

/** A browser asking for a page (outside the API), which reads HTML rather than problem+json. */
function wantsPage(request: Request): boolean {
  return !request.originalUrl.startsWith('/api/') && /text\/html/.test(request.headers.accept ?? '');
}

/**
 * The answer for an address nothing serves: a Vietnamese page for a browser outside the API (a
 * person who typed or followed a wrong address), a 404 problem otherwise.
 */
export function answerNotFound(request: Request, response: Response): void {
  const browser = (request.method === 'GET' || request.method === 'HEAD') && wantsPage(request);
  if (browser) {
    response.status(404).type('text/html; charset=utf-8').send(plainPage('Không tìm thấy trang', 'Địa chỉ này không có trong KCFund. Có thể đường dẫn đã cũ hoặc gõ nhầm.'));
    return;
  }
  response.status(404).type('application/problem+json').send(JSON.stringify(toProblem(new NotFoundException(), request)));
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A page of its own for what happens before a page's controller runs (a form too large for the
 * body limit, an unknown character set): the pages' templates are a floor above this one.
 */
function plainPage(title: string, detail: string): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — KCFund</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1f2937}a{color:#1d4ed8}</style>
</head><body><main><h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(detail)}</p>
<p><a href="/">Về trang chủ</a></p></main></body></html>`;
}

/** Turns every error into RFC 9457 problem+json; the HTTP status is chosen here and only here. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  constructor(@Optional() private readonly errorPage?: BrowserErrorPage) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    if (response.headersSent) return;
    if (error instanceof ReplayedResponse) {
      response.status(error.status).setHeader('Idempotent-Replayed', 'true');
      response.type(error.status >= 400 ? 'application/problem+json' : 'application/json').send(JSON.stringify(error.body));
      return;
    }
    if (error instanceof NotFoundException && !followsPageLink(request)) return answerNotFound(request, response);
    const body = toProblem(error, request);
    if (body.status >= 500) this.logger.error({ err: error, path: request.url }, body.detail);
    // A download linked from a page (a report for a wrong period, a paper not yet issued): a page.
    if (this.errorPage && followsPageLink(request)) {
      this.errorPage.send(request, response, body);
      return;
    }
    // The pages show their own errors (WebExceptionFilter); what fails before them (the body
    // parser) still answers a browser with a page, never JSON.
    if (wantsPage(request)) {
      response.status(body.status).type('text/html; charset=utf-8').send(plainPage(body.title, body.detail));
      return;
    }
    response.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  }
}

/**
 * The problem a client gets for an error it caused (4xx), or null for the service's own failures
 * (5xx), which an Idempotency-Key must not keep.
 */
export function clientProblem(error: unknown, request: Request): ProblemDetails | null {
  if (error instanceof ReplayedResponse) return null;
  const body = toProblem(error, request);
  return body.status < 500 ? body : null;
}

/** What a multipart upload that passed one of multer's limits (its `code`) gets, naming the field. */
export function multipartProblem(code: string, field?: string): ProblemDetails {
  const passed = multipartLimitPassed(code, field);
  return problem(passed.status, `${passed.field}: ${passed.message}`, { code: 'VALIDATION_FAILED', errors: [{ field: passed.field, message: passed.message }] });
}

export function toProblem(error: unknown, request: Request): ProblemDetails {
  return new ProblemMapper().map(error, request);
}

/** Maps each kind of error to its problem; one instance per error, no state. */
class ProblemMapper {
  map(error: unknown, request: Request): ProblemDetails {
    if (error instanceof DomainError) {
      return problem(statusForCode(error.code), error.detail, { code: error.code, errors: error.errors });
    }
    if (error instanceof MoneyFormatError) {
      return problem(400, `${error.field}: ${error.message}`, {
        code: 'VALIDATION_FAILED',
        errors: [{ field: error.field, message: error.message }],
      });
    }
    if (error instanceof HttpException) return this.fromHttpException(error, request);
    const bodyParserError = error as { type?: string; status?: number; expose?: boolean };
    if (typeof bodyParserError?.type === 'string' && bodyParserError.status && bodyParserError.status < 500) {
      return this.fromBodyParser(bodyParserError.type, bodyParserError.status);
    }
    if (isDatabaseUnavailable(error)) {
      return problem(503, 'Cơ sở dữ liệu tạm thời không truy cập được, vui lòng thử lại sau.');
    }
    if (isDuplicateKey(error)) {
      return problem(409, 'Bản ghi trùng với dữ liệu đã có.', { code: 'DUPLICATE' });
    }
    return problem(500, 'Đã xảy ra lỗi không mong muốn; sự cố đã được ghi lại.');
  }

  private fromBodyParser(type: string, status: number): ProblemDetails {
    if (type === 'entity.too.large') return problem(413, 'Dữ liệu gửi lên vượt quá dung lượng cho phép.');
    if (type === 'entity.parse.failed') {
      return problem(400, 'Nội dung JSON không đúng cú pháp.', {
        code: 'VALIDATION_FAILED',
        errors: [{ field: 'body', message: 'JSON không hợp lệ' }],
      });
    }
    if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
      return problem(415, 'Bảng mã của nội dung không được hỗ trợ.');
    }
    return problem(status, 'Yêu cầu không đọc được.');
  }

  private fromHttpException(error: HttpException, request: Request): ProblemDetails {
    const status = error.getStatus();
    const cause = (error as { cause?: { type?: string; status?: number; name?: string; code?: string; field?: string } }).cause;
    if (cause?.type && cause.status) return this.fromBodyParser(cause.type, cause.status);
    if (cause?.name === 'MulterError' && cause.code) return multipartProblem(cause.code, cause.field);
    switch (status) {
      case 404:
        return problem(404, `Không có đường dẫn ${request.method} ${request.originalUrl.split("?")[0]}.`);
      case 413:
        return problem(413, 'Dữ liệu gửi lên vượt quá dung lượng cho phép.');
      case 429:
        return problem(429, 'Bạn gửi quá nhiều yêu cầu; vui lòng thử lại sau ít phút.', { code: 'RATE_LIMITED' });
      case 400: {
        const message = (error.getResponse() as { message?: unknown }).message;
        if (/Unexpected field|Unexpected file field|Multipart/i.test(String(message))) {
          return problem(400, 'Tệp tải lên không đúng định dạng yêu cầu.', {
            code: 'VALIDATION_FAILED',
            errors: [{ field: 'file', message: 'gửi đúng một tệp trong trường "file" (multipart/form-data)' }],
          });
        }
        const detail = /JSON/i.test(String(message)) ? 'Nội dung JSON không đúng cú pháp.' : 'Yêu cầu không hợp lệ.';
        return problem(400, detail, {
          code: 'VALIDATION_FAILED',
          errors: [{ field: 'body', message: /JSON/i.test(String(message)) ? 'JSON không hợp lệ' : String(message) }],
        });
      }
      default:
        return problem(status, status >= 500 ? 'Đã xảy ra lỗi không mong muốn.' : 'Yêu cầu không được chấp nhận.');
    }
  }
}
