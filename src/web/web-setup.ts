import type { NestExpressApplication } from '@nestjs/platform-express';
import { webDirectory } from './web-directories';

/**
 * Static assets of the pages (one CSS, one small script), served from this application: nothing is
 * fetched from another site. URLs carry a content hash (see WebViews.asset), so they are cached for good.
 */
export function configureWebPages(app: NestExpressApplication): void {
  app.useStaticAssets(webDirectory('public'), { prefix: '/static/', index: false, maxAge: '365d', immutable: true, fallthrough: false });
}
