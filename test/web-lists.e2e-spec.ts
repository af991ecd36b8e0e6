import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { BrowserSession, openBrowser, SCREENSHOTS } from './support/browser';
import { createActor, createUnit } from './support/actors';
import { fundWithBudget } from './support/budget';
import { attachRequiredDocuments, draftFiles, registerEstablishment } from './support/files';
import { startTestApp, TestApp } from './support/test-app';
import { PASSWORD, webUser } from './web-support';


/** A member of staff searches the file list and pages through the result in a real browser. */
describe('file list in Chromium: search and pages', () => {
  let t: TestApp;
  let base: string;
  let page: Page;
  let browser: BrowserSession;

  beforeAll(async () => {
    t = await startTestApp();
    browser = await openBrowser(t);
    base = browser.base;
    page = await browser.newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function clickAndWait(selector: string): Promise<void> {
    await Promise.all([page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() }), page.click(selector)]);
    await page.waitForLoadState('load');
  }

  const rows = () => page.locator('main table tbody tr a[href^="/ho-so/"]').count();
  const pagerText = async () => ((await page.textContent('nav.pager')) ?? '').replace(/\s+/g, ' ').trim();

  it('searches by establishment and status, then pages forward and back keeping the search', async () => {
    const year = Number.parseInt(t.clock.today().slice(0, 4), 10);
    const token = `trd${Date.now().toString(36)}`;
    const centre = await createUnit(t, 'centre');
    const [officer, producer, finance] = await Promise.all([webUser(t, ['leader'], centre.id), createActor(t, ['applicant']), createActor(t, ['finance'])]);
    const { fundCode } = await fundWithBudget(t, finance, { year });
    const shop = await registerEstablishment(t, producer, `Hợp tác xã Dệt chiếu Định Yên ${token}`);
    const elsewhere = await registerEstablishment(t, producer, `Cơ sở Gốm Lái Thiêu ${token}`);
    const ids = await draftFiles(t, producer, {
      count: 64,
      fundCode,
      year,
      title: (i) => `Máy dệt chiếu tự động ${token} số ${i + 1}`,
      establishmentOf: (i) => (i < 62 ? shop.id : elsewhere.id),
    });
    for (const id of ids.slice(0, 3)) {
      await attachRequiredDocuments(t, producer, id);
      await t.http.post(`/api/v1/applications/${id}/submit`).set(producer.auth).expect(200);
    }

    await page.goto(`${base}/dang-nhap`);
    await page.fill('input[name=email]', officer.email);
    await page.fill('input[name=password]', PASSWORD);
    await clickAndWait('form[action="/dang-nhap"] button[type=submit]');

    // Drafts of one establishment, its name typed in capitals and mostly without accents (đ is a letter of its own to the collation, not a d with a mark): 59 files, two pages.
    await page.goto(`${base}/ho-so`);
    await page.fill('#f-tu-khoa', `DET CHIEU Định yen ${token}`);
    await page.selectOption('#f-trang-thai', 'draft');
    await clickAndWait('form[role=search] button[type=submit]');
    expect(await pagerText()).toBe('59 hồ sơ Trang 1 / 2 Trang sau');
    expect(await rows()).toBe(50);
    await page.screenshot({ path: join(SCREENSHOTS, 'danh-sach-ho-so-tim-kiem.png'), fullPage: true });

    await clickAndWait('nav.pager a[rel=next]');
    expect(await pagerText()).toBe('59 hồ sơ Trang trước Trang 2 / 2');
    expect(await rows()).toBe(9);
    // The search is still in the form and in the address.
    expect(await page.inputValue('#f-tu-khoa')).toBe(`DET CHIEU Định yen ${token}`);
    expect(await page.inputValue('#f-trang-thai')).toBe('draft');
    expect(new URL(page.url()).searchParams.get('trang')).toBe('2');

    await clickAndWait('nav.pager a[rel=prev]');
    expect(await pagerText()).toBe('59 hồ sơ Trang 1 / 2 Trang sau');

    // By tax code, submitted only: the three sent in, on one page without links.
    await page.fill('#f-tu-khoa', shop.taxCode);
    await page.selectOption('#f-trang-thai', 'submitted');
    await clickAndWait('form[role=search] button[type=submit]');
    expect(await pagerText()).toBe('3 hồ sơ');
    expect(await rows()).toBe(3);
    expect(await page.textContent('main table tbody')).toContain(`MST ${shop.taxCode}`);
    expect(browser.scriptErrors).toEqual([]);
  }, 120_000);
});
