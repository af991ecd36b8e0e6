import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { FormAddresses } from './form-addresses';
import { webDirectory } from './web-directories';

/**
 * Static assets of the pages (one CSS, one small script), served from this application: nothing is
 * fetched from another site. URLs carry a content hash (see WebViews.asset), so they are cached for good.
 * A GET of an address only a form posts to (left in the address bar by a refused form) leads to
 * the page that holds the form rather than to "not found".
 */
export function configureWebPages(app: NestExpressApplication): void {
  app.useStaticAssets(webDirectory('public'), { prefix: '/static/', index: false, maxAge: '365d', immutable: true, fallthrough: false });
  let addresses: FormAddresses | null = null;
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    addresses ??= app.get(FormAddresses, { strict: false });
    const page = addresses?.pageForGet(request.path);
    if (!page) return next();
    response.setHeader('Cache-Control', 'no-store');
    response.redirect(303, page);
  });
}
