import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { dropDatabase } from '../src/database/ensure-database';
import { parseDatabaseUrl, withDatabase } from '../src/database/database-url';
import { createUnit, TestActor } from './support/actors';
import { postMoney } from './support/budget';
import { BrowserSession, DESK, openBrowser, PHONE } from './support/browser';
import { attachRequiredDocuments, registerEstablishment, sampleFileBody } from './support/files';
import { pageProblems } from './support/page-checks';
import { startTestAppOnFreshDatabase, TestApp } from './support/test-app';
import { PASSWORD, webUser } from './web-support';

/**
 * The guidance of the pages, walked in Chromium as new users meet it, on a 390-px phone and on a
 * desktop: finance sets up an empty province by following its home page's steps, the
 * administrator sees the installation's, a form outlives an ended session, the head and the
 * leader send a file back, dates in the future and badly typed values are refused at their
 * fields, and "Quên mật khẩu?" says whom to ask. Every page reached is measured (nothing wider
 * than the screen) and checked with axe-core.
 *
 * Each width has a province of its own (a fresh database): the set-up steps show only while the
 * books are empty. The tests of a width run in order; the first sets up the books the others use.
 */

/** Whom people ask for a new password, as the province configures it. */
const SUPPORT_CONTACT = 'Văn phòng Sở Công Thương Đồng Tháp, điện thoại 0277 3851 234';
const NOT_AFTER_TODAY = 'không được sau ngày hôm nay';
const api = (path: string) => `/api/v1${path}`;

describe.each([
  ['a 390-px phone', PHONE],
  ['a desktop', DESK],
])('the guidance of the pages in Chromium on %s', (_name, viewport) => {
  const base = process.env.DATABASE_URL!;
  const url = withDatabase(base, `${parseDatabaseUrl(base).database}_walk_${viewport.width}`);
  const FUND = 'KCDP-WALK';
  let t: TestApp;
  let browser: BrowserSession;
  let page: Page;
  let year: number;
  let today: string;
  let tomorrow: string;
  let centre: { id: string };
  let admin: TestActor;
  let finance: TestActor;
  let finance2: TestActor;
  let producer: TestActor;
  let officer: TestActor;
  let head: TestActor;
  let leader: TestActor;
  let establishmentId: string;
  /** What is wrong with the pages reached so far in the test: a test ends with none. */
  let problems: string[];

  beforeAll(async () => {
    t = await startTestAppOnFreshDatabase(url, { SUPPORT_CONTACT });
    year = Number.parseInt(t.clock.today().slice(0, 4), 10);
    today = t.clock.today();
    tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    centre = await createUnit(t, 'centre', 'Trung tâm Khuyến công và Tư vấn phát triển công nghiệp');
    [admin, finance, finance2, producer, officer, head, leader] = [
      await webUser(t, ['admin'], null, 'Đặng Thị Lan'),
      await webUser(t, ['finance'], null, 'Hoàng Thị Thu Hà'),
      await webUser(t, ['finance'], null, 'Đỗ Thị Kim Oanh'),
      await webUser(t, ['applicant'], null, 'Nguyễn Văn An'),
      await webUser(t, ['officer'], centre.id, 'Trần Thị Bích Ngọc'),
      await webUser(t, ['head'], centre.id, 'Lê Văn Cường'),
      await webUser(t, ['leader'], null, 'Phạm Minh Đức'),
    ];
    establishmentId = (await registerEstablishment(t, producer, 'Hợp tác xã cơ khí Phú Thành')).id;
    browser = await openBrowser(t);
    page = await browser.newPage({ viewport });
    // A form that moves money asks first (data-confirm): the person says yes.
    page.on('dialog', (dialog) => void dialog.accept());
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await dropDatabase(url);
  });

  beforeEach(() => {
    problems = [];
  });
  afterEach(() => {
    expect(browser.scriptErrors).toEqual([]);
  });

  /** Measures and checks the page now open; what is wrong is kept for the end of the test. */
  async function check(): Promise<void> {
    await page.waitForLoadState('load');
    const where = new URL(page.url());
    for (const problem of await pageProblems(page, viewport.width)) problems.push(`${where.pathname}${where.search}: ${problem}`);
  }

  async function open(path: string): Promise<void> {
    const response = await page.goto(`${browser.base}${path}`);
    expect([path, response?.status()]).toEqual([path, 200]);
    await check();
  }

  /** Clicks what leads to another page (a link, a submit button) and checks the page that comes. */
  async function go(selector: string): Promise<void> {
    await Promise.all([page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() }), page.click(selector)]);
    await check();
  }

  async function signIn(actor: TestActor): Promise<void> {
    await page.context().clearCookies();
    await open('/dang-nhap');
    await page.fill('input[name=email]', actor.email);
    await page.fill('input[name=password]', PASSWORD);
    await go('form[action="/dang-nhap"] button[type=submit]');
    expect(new URL(page.url()).pathname).toBe('/');
  }

  const text = async (selector: string) => ((await page.textContent(selector)) ?? '').replace(/\s+/g, ' ').trim();
  const flash = () => text('.flash');
  /** The message shown at a field of a refused form: inside the field's box, and named by the input. */
  async function messageAt(name: string): Promise<string> {
    const input = page.locator(`[name="${name}"]:visible`);
    const errorId = `f-${name.replace(/[^A-Za-z0-9]+/g, '-')}-error`;
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect((await input.getAttribute('aria-describedby'))?.split(' ')).toContain(errorId);
    const message = page.locator(`.field.has-error:has([name="${name}"]) > #${errorId}`);
    expect(await message.isVisible()).toBe(true);
    // Read where it stands, on the screen's width.
    const box = (await message.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    return ((await message.textContent()) ?? '').trim();
  }

  /** The set-up step links of the home page now open (the section `key`), by their text. */
  const stepLinks = (key: string) => page.locator(`section#${key} li a`).allTextContents();

  it("leads finance through the set-up from its home page, link by link, until no step is left; the administrator's home lists the installation's", async () => {
    await signIn(admin);
    expect(await text('section#install h2')).toContain('Thiết lập hệ thống');
    expect(await stepLinks('install')).toContain('Nạp danh mục đơn vị hành chính');
    await go('section#install a:has-text("Nạp danh mục đơn vị hành chính")');
    expect(new URL(page.url()).pathname).toBe('/quan-tri/dia-ban');
    // The link lands on the upload form itself.
    expect(new URL(page.url()).hash).toBe('#nap-danh-muc');
    expect(await page.locator('form#nap-danh-muc input[type=file][name=file]').count()).toBe(1);

    await signIn(finance);
    // 1. No fund: the first step, and its link opens the fund form.
    expect(await stepLinks('setup')).toEqual(['Tạo nguồn kinh phí']);
    await go('section#setup a:has-text("Tạo nguồn kinh phí")');
    expect(new URL(page.url()).pathname).toBe('/ngan-sach/nguon-kinh-phi');
    await page.fill('input[name=code]', FUND);
    await page.fill('input[name=name]', 'Kinh phí khuyến công địa phương');
    await page.selectOption('select[name=source]', 'local');
    await go('main form[method=post] button[type=submit]');
    expect(await flash()).toContain(`Đã tạo nguồn kinh phí ${FUND}`);

    // 2. Open the year: the form proposes it, nobody types it.
    await open('/');
    expect(await stepLinks('setup')).toEqual([`Mở năm ngân sách ${year}`]);
    await go(`section#setup a:has-text("Mở năm ngân sách ${year}")`);
    expect(await page.inputValue('input[name=year]')).toBe(String(year));
    await go('main form[method=post] button[type=submit]');

    // 3. Appropriate: the form opens on this fund and year.
    await open('/');
    expect(await stepLinks('setup')).toEqual([`Giao dự toán năm ${year}`]);
    await go(`section#setup a:has-text("Giao dự toán năm ${year}")`);
    expect(await page.inputValue('select[name=fundCode]')).toBe(FUND);
    expect(await page.inputValue('select[name=fiscalYear]')).toBe(String(year));
    await page.fill('input[name=amount]', '5.000.000.000');
    await page.fill('input[name=decisionNo]', '01/QĐ-UBND');
    await page.fill('input[name=decisionDate]', today);
    await go('main form[method=post] button[type=submit]');
    expect(await flash()).toContain('Đã giao dự toán 5.000.000.000 ₫');

    // 4. Allocate to the centre.
    await open('/');
    expect(await stepLinks('setup')).toEqual([`Phân bổ cho đơn vị: nguồn ${FUND}, năm ${year}`]);
    await go('section#setup a:has-text("Phân bổ cho đơn vị")');
    expect(await page.inputValue('select[name=fundCode]')).toBe(FUND);
    expect(await page.inputValue('select[name=fiscalYear]')).toBe(String(year));
    await page.selectOption('select[name=unitId]', centre.id);
    await page.fill('input[name=amount]', '3.000.000.000');
    await page.fill('input[name=decisionNo]', '02/QĐ-SCT');
    await go('main form[method=post] button[type=submit]');
    expect(await flash()).toContain('Đã phân bổ 3.000.000.000 ₫');

    // 5. Nothing left to set up.
    await open('/');
    expect(await page.locator('section#setup').count()).toBe(0);
    expect(problems).toEqual([]);
  }, 60_000);

  // ---- files made through the API, to the step the page under test takes ----------------------

  /** A file of the producer, submitted and assigned to the officer. */
  async function fileInReview(title: string): Promise<string> {
    const created = await t.http
      .post(api('/applications'))
      .set(producer.auth)
      .send({ ...sampleFileBody({ establishmentId, year, fundCode: FUND, requestedSupport: '300000000' }), title })
      .expect(201);
    const id = created.body.id as string;
    await attachRequiredDocuments(t, producer, id);
    await t.http.post(api(`/applications/${id}/submit`)).set(producer.auth).expect(200);
    await t.http.post(api(`/applications/${id}/assign`)).set(head.auth).send({ officerId: officer.id, leadUnitId: centre.id, dueDate: `${year + 1}-12-31` }).expect(200);
    return id;
  }
  const appraise = (id: string) => t.http.post(api(`/applications/${id}/appraisals`)).set(officer.auth).send({ score: 85, recommendation: 'approve' }).expect(201);
  const recommend = (id: string) => t.http.post(api(`/applications/${id}/recommend`)).set(officer.auth).send({ approvedSupport: '300000000', allocationUnitId: centre.id }).expect(200);
  const initial = (id: string) => t.http.post(api(`/applications/${id}/initial`)).set(head.auth).send({}).expect(200);
  const statusOf = async (id: string) => (await t.http.get(api(`/applications/${id}`)).set(officer.auth).expect(200)).body.status as string;

  it('keeps the new-application form across an ended session: the login page, then the form again with what was typed, never the password', async () => {
    await signIn(producer);
    await open('/ho-so/moi');
    const title = 'Ứng dụng máy sấy lúa (biểu mẫu giữ qua phiên đăng nhập)';
    await page.selectOption('select[name=activityTypeCode]', 'machinery');
    await page.fill('input[name=title]', title);
    await page.fill('input[name="costLines[0].description"]', 'Máy sấy lúa 10 tấn/mẻ');
    await page.fill('input[name="costLines[0].quantity"]', '1');
    await page.fill('input[name="costLines[0].unitPrice"]', '500.000.000');
    await page.fill('input[name=requestedSupport]', '200.000.000');
    // The session ends while the person types (the idle timeout, a sign-out elsewhere).
    await t.app.get(DataSource).query('UPDATE web_sessions SET expires_at = NOW(3) - INTERVAL 1 MINUTE WHERE user_id = ?', [producer.id]);
    await go('form[action="/ho-so/moi"] button[type=submit]');
    expect(await text('main h1')).toBe('Đăng nhập');
    expect(await flash()).toContain('Phiên đăng nhập đã kết thúc');
    expect(await flash()).toContain('bạn sẽ trở về biểu mẫu với nội dung đã nhập được điền sẵn');
    // A wrong password first: the form is still kept, the password typed is kept nowhere.
    await page.fill('input[name=email]', producer.email);
    await page.fill('input[name=password]', 'sai-mat-khau-123');
    await go('form[action="/dang-nhap"] button[type=submit]');
    expect(await text('.problem strong')).toBe('Sai email hoặc mật khẩu');
    expect(await page.locator('input[name=giu]').count()).toBe(1);
    expect(await page.inputValue('input[name=password]')).toBe('');
    expect(await page.content()).not.toContain('sai-mat-khau-123');
    await page.fill('input[name=password]', PASSWORD);
    await go('form[action="/dang-nhap"] button[type=submit]');
    // Back on the form, what was typed filled in again.
    expect(new URL(page.url()).pathname).toBe('/ho-so/moi');
    expect(await text('main')).toContain('Nội dung bạn đã nhập được điền lại vào biểu mẫu');
    expect(await page.inputValue('select[name=activityTypeCode]')).toBe('machinery');
    expect(await page.inputValue('input[name=title]')).toBe(title);
    expect(await page.inputValue('input[name="costLines[0].description"]')).toBe('Máy sấy lúa 10 tấn/mẻ');
    expect(await page.inputValue('input[name="costLines[0].unitPrice"]')).toBe('500.000.000');
    expect(await page.inputValue('input[name=requestedSupport]')).toBe('200.000.000');
    expect(await page.content()).not.toContain(PASSWORD);
    // And it is sent now.
    await go('form[action="/ho-so/moi"] button[type=submit]');
    expect(await flash()).toContain('Mức hỗ trợ tối đa theo quy định');
    expect(await text('main h1')).toBe(title);
    expect(problems).toEqual([]);
  }, 60_000);

  it('lets the head send a recommended file back to the officer ("Trả lại chuyên viên"), and the leader an initialed one', async () => {
    const id = await fileInReview('Ứng dụng máy dệt chiếu cói tự động');
    await appraise(id);
    await recommend(id);
    const sendBack = async (reason: string) => {
      await open(`/ho-so/${id}`);
      await page.click('summary:has-text("Trả lại chuyên viên")');
      await page.fill('form[action$="/tra-lai-chuyen-vien"] textarea[name=reason]', reason);
      await go('form[action$="/tra-lai-chuyen-vien"] button[type=submit]');
      expect(await flash()).toContain('Đã trả hồ sơ về chuyên viên xử lý');
      expect(await text('#tien-trinh')).toContain(reason);
      expect(await statusOf(id)).toBe('under_review');
    };
    await signIn(head);
    await sendBack('Bổ sung so sánh ba báo giá');

    await recommend(id);
    await initial(id);
    await signIn(leader);
    await sendBack('Xem lại mức hỗ trợ đề xuất');
    expect(problems).toEqual([]);
  }, 60_000);

  it('refuses a contract, an acceptance and a payment dated tomorrow, the message at the date; today is taken', async () => {
    const id = await fileInReview('Ứng dụng máy ép viên nén mùn cưa');
    await appraise(id);
    await recommend(id);
    await initial(id);
    await t.http.post(api(`/applications/${id}/decide`)).set(leader.auth).send({ decision: 'approve', decisionNo: '425/QĐ-SCT' }).expect(200);

    await signIn(officer);
    await open(`/ho-so/${id}`);
    await page.fill('form[action$="/hop-dong"] input[name=signedDate]', tomorrow);
    await go('form[action$="/hop-dong"] button[type=submit]');
    expect(await messageAt('signedDate')).toBe(NOT_AFTER_TODAY);
    expect(await statusOf(id)).toBe('approved');
    await page.fill('form[action$="/hop-dong"] input[name=signedDate]', today);
    await go('form[action$="/hop-dong"] button[type=submit]');
    expect(await flash()).toContain('Đã ghi nhận hợp đồng');

    await page.click('summary:has-text("Ghi nhận nghiệm thu")');
    await page.fill('form[action$="/nghiem-thu"] input[name=date]', tomorrow);
    await go('form[action$="/nghiem-thu"] button[type=submit]');
    expect(await messageAt('date')).toBe(NOT_AFTER_TODAY);
    expect(await statusOf(id)).toBe('contracted');

    // An advance asked for and approved; the second accountant pays it with tomorrow's value date.
    const advance = (await postMoney(t, officer, '/disbursements', { applicationId: id, kind: 'advance', amount: '100000000' }).expect(201)).body.id as string;
    await t.http.post(api(`/disbursements/${advance}/approve`)).set(finance.auth).send({}).expect(200);
    await signIn(finance2);
    await open('/giai-ngan');
    await page.fill(`#chi-${advance} input[name=treasuryRef]`, 'KB-WALK-0001');
    await page.fill(`#chi-${advance} input[name=valueDate]`, tomorrow);
    await go(`form[action="/giai-ngan/${advance}/chi"] button[type=submit]`);
    expect(await messageAt('valueDate')).toBe(NOT_AFTER_TODAY);
    expect((await t.http.get(api(`/disbursements/${advance}`)).set(finance.auth).expect(200)).body.status).toBe('approved');
    expect(problems).toEqual([]);
  }, 60_000);

  it('shows why a form was refused at each field: a negative amount, "12 người", a title too long with its limit', async () => {
    await signIn(producer);
    await open('/ho-so/moi');
    const longTitle = 'Đ'.repeat(501);
    await page.selectOption('select[name=activityTypeCode]', 'machinery');
    await page.fill('input[name=title]', longTitle);
    await page.fill('input[name=requestedSupport]', '-500.000.000');
    await go('form[action="/ho-so/moi"] button[type=submit]');
    expect(await messageAt('title')).toBe('dài tối đa 500 ký tự (đang có 501 ký tự)');
    expect(await messageAt('requestedSupport')).toBe('không được âm');
    expect(await page.inputValue('input[name=title]')).toBe(longTitle);
    expect(await page.inputValue('input[name=requestedSupport]')).toBe('-500.000.000');

    await open('/co-so/moi');
    await page.fill('input[name=name]', 'Cơ sở dệt thổ cẩm Phú Thành');
    await page.selectOption('select[name=kind]', 'household_business');
    await page.fill('input[name=taxCode]', '0312345670');
    await page.fill('input[name=communeCode]', '29263');
    await page.fill('input[name=address]', 'Ấp Phú Thành, xã Lai Vung');
    await page.fill('input[name=representative]', 'Nguyễn Văn An');
    await page.fill('input[name=phone]', '0912345678');
    await page.fill('input[name=employees]', '12 người');
    await go('main form[method=post] button[type=submit]');
    expect(await messageAt('employees')).toBe('chỉ nhập số nguyên từ 0 đến 1.000.000');
    expect(await page.inputValue('input[name=employees]')).toBe('12 người');
    expect(problems).toEqual([]);
  }, 60_000);

  it('opens "Quên mật khẩu?" from the login page: how a new password is given, and whom to ask', async () => {
    await page.context().clearCookies();
    await open('/dang-nhap');
    await go('main a:has-text("Quên mật khẩu?")');
    expect(new URL(page.url()).pathname).toBe('/quen-mat-khau');
    expect(await text('main h1')).toBe('Quên mật khẩu');
    expect(await text('main .support-contact')).toBe(SUPPORT_CONTACT);
    expect(await text('main')).toContain('quản trị viên hệ thống');
    expect(await text('main')).toContain('mật khẩu tạm thời');
    await go('main a:has-text("Quay lại đăng nhập")');
    expect(new URL(page.url()).pathname).toBe('/dang-nhap');
    expect(problems).toEqual([]);
  });
});
