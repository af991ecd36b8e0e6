import { RequestMethod } from '@nestjs/common';
import type { RouteInfo } from '@nestjs/common/interfaces';

/**
 * The first path segment of every page. Pages are served outside the API's `/api/v1` prefix, so
 * bootstrap excludes these from it; a page controller's path must start with one of them.
 */
export const PAGE_ROOTS = [
  '',
  'dang-nhap',
  'dang-ky',
  'dang-xuat',
  'co-so',
  'ho-so',
  'y-kien',
  'uy-quyen',
  'ngan-sach',
  'giai-ngan',
  'quyet-toan',
  'thu-hoi',
  'doi-chieu',
  'bao-cao',
  'so-van-ban-di',
  'quan-tri',
  'doi-mat-khau',
  'quen-mat-khau',
  'thong-bao',
  'du-lieu-mo',
] as const;

/** The global prefix's exclusions for the pages (see bootstrap). */
export const WEB_PAGE_ROUTES: RouteInfo[] = PAGE_ROOTS.flatMap((root): RouteInfo[] =>
  root === ''
    ? [{ path: '/', method: RequestMethod.ALL }]
    : [
        { path: root, method: RequestMethod.ALL },
        { path: `${root}/{*rest}`, method: RequestMethod.ALL },
      ],
);
