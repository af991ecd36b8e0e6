import type { Request, Response } from 'express';
import type { ProblemDetails } from './problem';

/**
 * A person who followed a page's link to something the API serves (a PDF, a report, a paper)
 * and met an error: a GET from a browser that reads HTML and carries its cookies (the web
 * session), not a token. Such a person gets a page, never raw problem+json.
 */
export function followsPageLink(request: Pick<Request, 'method' | 'originalUrl' | 'headers'>): boolean {
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    request.originalUrl.startsWith('/api/') &&
    !request.headers.authorization &&
    Boolean(request.headers.cookie) &&
    /text\/html/.test(request.headers.accept ?? '')
  );
}

/**
 * The page that says what went wrong, in the pages' own layout. The web module provides it (the
 * pages' templates are a floor above this one); without it the answer stays problem+json.
 */
export abstract class BrowserErrorPage {
  abstract send(request: Request, response: Response, problem: ProblemDetails): void;
}
