import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';

interface RouterLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

/**
 * Which API routes this application serves, read once from the router: pages link to a document
 * or a report route only when it is there (some are added by modules that came later).
 */
@Injectable()
export class ApiLinks {
  private routes: Set<string> | null = null;

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  has(method: 'GET', path: string): boolean {
    return this.registered().has(`${method} ${path}`);
  }

  private registered(): Set<string> {
    if (this.routes) return this.routes;
    const routes = new Set<string>();
    const express = this.adapterHost.httpAdapter?.getInstance() as { router?: { stack?: RouterLayer[] }; _router?: { stack?: RouterLayer[] } } | undefined;
    const stack = express?.router?.stack ?? express?._router?.stack ?? [];
    for (const layer of stack) {
      if (!layer.route) continue;
      for (const path of Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path]) {
        for (const [method, on] of Object.entries(layer.route.methods)) if (on) routes.add(`${method.toUpperCase()} ${path}`);
      }
    }
    // Nothing is cached before the routes are registered (a page is never served before that).
    if (routes.size > 0) this.routes = routes;
    return routes;
  }
}
