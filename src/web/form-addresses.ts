import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { PAGE_ROOTS } from './web-routes';

interface RouteLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  match(path: string): unknown;
}

/** Where the page roots start (`/ho-so/…`, `/ngan-sach/…`, `/`): the API and static files are not pages. */
function isPagePath(path: string): boolean {
  const root = path.split('/')[1] ?? '';
  return (PAGE_ROOTS as readonly string[]).includes(root);
}

/**
 * The page a form's address belongs to. A form is sent to an address that only takes POST
 * (`/ho-so/:id/tham-dinh`); a refusal is shown at that address, and a person may reload it, keep
 * it or be sent back to it after signing in. Opened with GET, such an address leads to the page
 * that holds the form: the nearest address above it that a page serves (`/ho-so/:id`).
 * Read from the router, so a new form needs nothing here.
 */
@Injectable()
export class FormAddresses {
  private layers: RouteLayer[] | null = null;

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /** For a GET of an address only a form posts to: the page to show instead; null otherwise. */
  pageForGet(path: string): string | null {
    if (!isPagePath(path) || this.serves('get', path) || !this.serves('post', path)) return null;
    return this.nearestPage(path);
  }

  /** The page that holds the form posted to `path` (the same address when a page serves it). */
  pageForPost(path: string): string {
    if (!isPagePath(path)) return '/';
    return this.serves('get', path) ? path : this.nearestPage(path);
  }

  private nearestPage(path: string): string {
    const segments = path.split('/').filter(Boolean);
    while (segments.length > 1) {
      segments.pop();
      const candidate = `/${segments.join('/')}`;
      if (this.serves('get', candidate)) return candidate;
    }
    return '/';
  }

  private serves(method: 'get' | 'post', path: string): boolean {
    return this.routeLayers().some((layer) => layer.route!.methods[method] && layer.match(path) !== false);
  }

  private routeLayers(): RouteLayer[] {
    if (this.layers) return this.layers;
    const express = this.adapterHost.httpAdapter?.getInstance() as { router?: { stack?: RouteLayer[] }; _router?: { stack?: RouteLayer[] } } | undefined;
    const stack = express?.router?.stack ?? express?._router?.stack ?? [];
    const pages = stack.filter((layer) => {
      if (!layer.route) return false;
      // Middleware mounted for every method (`all`) on a page root is not a page.
      if (Object.keys(layer.route.methods).length > 3) return false;
      const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
      return paths.some((p) => typeof p === 'string' && isPagePath(p));
    });
    // Nothing is kept before the routes are registered (no request is served before that).
    if (pages.length > 0) this.layers = pages;
    return pages;
  }
}
