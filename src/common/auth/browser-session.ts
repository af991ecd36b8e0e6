import type { Actor } from './actor';

/**
 * The person behind a browser's session cookie (the server-rendered pages), for the API's read-only
 * routes: a page links to a PDF or a report the API serves, and the browser sends the cookie, not a
 * Bearer token. The web module provides it; without it only tokens are accepted.
 */
export abstract class BrowserSessionSource {
  /** The active user of a valid session named by the request's cookie, or null. */
  abstract actorForRequest(request: { headers: Record<string, string | string[] | undefined> }): Promise<Actor | null>;
}
