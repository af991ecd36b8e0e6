import { MAX_PAGE, Page } from '../common/http/page';
import { Decimal } from '../common/money/decimal';
import { formatNumberVi } from '../common/money/format-vi';

/** Rows a list page shows at a time. */
export const WEB_PAGE_SIZE = 50;

/** The query parameter of the page number in the pages' links (`?trang=3`). */
export const PAGE_PARAM = 'trang';

/** The page a link asks for: a whole number from 1; anything else ("abc", "-1", "2.5") is the first page. */
export function requestedPage(value: unknown): number {
  if (typeof value !== 'string' || !/^\d{1,7}$/.test(value)) return 1;
  return Math.min(MAX_PAGE, Math.max(1, Number.parseInt(value, 10)));
}

/**
 * One page of a list for a page of the site: the page asked for, or the last one when the list has
 * become shorter than that (a link kept from yesterday still shows rows, not an empty table).
 */
export async function pageOfList<T>(
  asked: unknown,
  fetch: (query: { page: number; pageSize: number }) => Promise<Page<T>>,
  pageSize = WEB_PAGE_SIZE,
): Promise<Page<T>> {
  const page = requestedPage(asked);
  const found = await fetch({ page, pageSize });
  const last = lastPage(found.total, pageSize);
  return page > last ? fetch({ page: last, pageSize }) : found;
}

export interface Pager {
  total: number;
  /** The total in vi-VN form: `1.234`. */
  totalText: string;
  page: number;
  pages: number;
  /** `Trang 3 / 12` */
  label: string;
  previousHref: string | null;
  nextHref: string | null;
}

/**
 * The pager under a list: the total, "Trang 3 / 12" and links to the pages before and after that
 * keep every filter of the list (`filters`, empty ones left out) and change only `param`.
 */
export function pagerOf(page: Pick<Page<unknown>, 'total' | 'page' | 'pageSize'>, path: string, filters: Record<string, unknown> = {}, param = PAGE_PARAM): Pager {
  const pages = lastPage(page.total, page.pageSize);
  const current = Math.min(page.page, pages);
  const href = (n: number) => {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(filters)) {
      if (name !== param && typeof value === 'string' && value !== '') query.set(name, value);
    }
    if (n > 1) query.set(param, String(n));
    const text = query.toString();
    return text ? `${path}?${text}` : path;
  };
  return {
    total: page.total,
    totalText: formatNumberVi(new Decimal(page.total)),
    page: current,
    pages,
    label: `Trang ${formatNumberVi(new Decimal(current))} / ${formatNumberVi(new Decimal(pages))}`,
    previousHref: current > 1 ? href(current - 1) : null,
    nextHref: current < pages ? href(current + 1) : null,
  };
}

function lastPage(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
