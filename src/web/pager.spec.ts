import { pageOfList, pagerOf, requestedPage } from './pager';

describe('pager', () => {
  it('reads the page asked for, taking anything that is not a whole number from 1 as the first page', () => {
    expect(requestedPage('3')).toBe(3);
    for (const bad of [undefined, '', 'abc', '-1', '0', '2.5', '1e3', ['2', '3'], '99999999999999999999']) expect(requestedPage(bad)).toBe(1);
  });

  it('shows the total and the position in vi-VN form, with links that keep the filters', () => {
    const pager = pagerOf({ total: 1234, page: 3, pageSize: 50 }, '/ho-so', { 'trang-thai': 'submitted', 'tu-khoa': 'bánh & mứt', 'qua-han': '', trang: '3' });
    expect(pager.totalText).toBe('1.234');
    expect(pager.label).toBe('Trang 3 / 25');
    expect(pager.previousHref).toBe('/ho-so?trang-thai=submitted&tu-khoa=b%C3%A1nh+%26+m%E1%BB%A9t&trang=2');
    expect(pager.nextHref).toBe('/ho-so?trang-thai=submitted&tu-khoa=b%C3%A1nh+%26+m%E1%BB%A9t&trang=4');
  });

  it('links the first page without a page number, and offers no link past either end', () => {
    const second = pagerOf({ total: 120, page: 2, pageSize: 50 }, '/co-so');
    expect(second.previousHref).toBe('/co-so');
    expect(second.nextHref).toBe('/co-so?trang=3');
    const last = pagerOf({ total: 120, page: 3, pageSize: 50 }, '/co-so');
    expect(last.nextHref).toBeNull();
    const empty = pagerOf({ total: 0, page: 1, pageSize: 50 }, '/co-so');
    expect([empty.label, empty.previousHref, empty.nextHref]).toEqual(['Trang 1 / 1', null, null]);
  });

  it('keeps another list\'s page on a page with two pagers', () => {
    expect(pagerOf({ total: 500, page: 1, pageSize: 50 }, '/giai-ngan', { trang: '4' }, 'cho').nextHref).toBe('/giai-ngan?trang=4&cho=2');
  });

  it('shows the last page when the one asked for is past the end', async () => {
    const asked: number[] = [];
    const fetch = async ({ page, pageSize }: { page: number; pageSize: number }) => {
      asked.push(page);
      return { items: page <= 3 ? [page] : [], total: 120, page, pageSize };
    };
    expect((await pageOfList('9', fetch)).page).toBe(3);
    expect(asked).toEqual([9, 3]);
    expect((await pageOfList('abc', fetch)).page).toBe(1);
  });
});
