import type { NestExpressApplication } from '@nestjs/platform-express';

/** What the matrix needs of a layer of Express 5's router (the `router` package, 2.x). */
interface RouterLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/**
 * The routes the HTTP server answers, read from Express 5's router (`app.router.stack`, which Nest
 * fills when it registers each controller's handlers): one `METHOD /path` per handler, in Express's
 * parameter syntax (`GET /api/v1/applications/:id`), sorted.
 *
 * - A layer without a `route` is middleware: the body parsers, the static files, Nest's routers.
 * - A route naming more than one method is middleware Nest binds to a path for every HTTP method
 *   (the global prefix's and the pages' middleware): a controller's handler names exactly one.
 * - Nest registers some handlers twice, with and without a trailing slash: one route.
 */
export function registeredRoutes(app: NestExpressApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: RouterLayer[] } };
  const routes = new Set<string>();
  for (const layer of express.router.stack) {
    const methods = Object.entries(layer.route?.methods ?? {}).filter(([, handled]) => handled);
    if (!layer.route || methods.length !== 1 || methods[0][0] === '_all') continue;
    const path = layer.route.path.length > 1 ? layer.route.path.replace(/\/+$/, '') : layer.route.path;
    routes.add(`${methods[0][0].toUpperCase()} ${path}`);
  }
  return [...routes].sort();
}
