import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { auditEveryPage, PageAudit } from './support/axe';
import { BrowserSession, DESK, openBrowser, PHONE, SCREENSHOTS } from './support/browser';
import { DataSource } from 'typeorm';
import { createUnit, TestActor } from './support/actors';
import { ensureYear } from './support/budget';
import { startTestApp, TestApp } from './support/test-app';
import { PASSWORD, webUser } from './web-support';


/**
 * The web application in a real browser: a producer registers and applies from a phone, the office
 * takes the file to approval, finance funds and pays, the producer settles, and the leader approves
 * the settlement — every step through the pages, with screenshots of the main ones.
 */
describe('web application in Chromium', () => {
  let t: TestApp;
  let base: string;
  let context: BrowserContext;
  let page: Page;
  let browser: BrowserSession;
  /** axe-core on every page the walk opens: no serious or critical violation may remain. */
  let accessibility: PageAudit;
  /** Script errors and refused resources (the CSP) on any page: there must be none. */
  const scriptErrors = () => browser.scriptErrors;

  beforeAll(async () => {
    t = await startTestApp();
    browser = await openBrowser(t);
    base = browser.base;
    page = await browser.newPage();
    context = page.context();
    accessibility = auditEveryPage(page);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

  /** Clicks a submit button and waits for the page the server answers with. */
  async function submit(selector: string): Promise<void> {
    const navigated = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() });
    await page.click(selector);
    await navigated.catch(async (error: Error) => {
      await shot('failure');
      throw new Error(`${error.message}\nscript errors: ${scriptErrors().join(' | ')}`);
    });
    await page.waitForLoadState('load');
  }

  async function signInAs(email: string): Promise<void> {
    await context.clearCookies();
    await page.goto(`${base}/dang-nhap`);
    await page.fill('input[name=email]', email);
    await page.fill('input[name=password]', PASSWORD);
    await submit('form[action="/dang-nhap"] button[type=submit]');
    expect(new URL(page.url()).pathname).toBe('/');
  }

  /** The one-time message of the page; the page's text in the failure when there is none. */
  async function flash(): Promise<string> {
    if ((await page.locator('.flash').count()) === 0) {
      throw new Error(`no message on ${page.url()}:\n${(await page.textContent('main'))?.replace(/\s+/g, ' ').slice(0, 1500)}`);
    }
    return (await page.textContent('.flash')) ?? '';
  }

  it('walks a file from the producer\'s application to approval, payment and settlement', async () => {
    const year = Number.parseInt(t.clock.today().slice(0, 4), 10);
    const today = t.clock.today();
    const centre = await createUnit(t, 'centre', 'Trung tâm Khuyến công (thử trình duyệt)');
    const [officer, head, leader, finance] = await Promise.all([
      webUser(t, ['officer'], centre.id, 'Trần Thị Bích Ngọc'),
      webUser(t, ['head'], centre.id, 'Lê Văn Cường'),
      webUser(t, ['leader'], null, 'Phạm Minh Đức'),
      webUser(t, ['finance'], null, 'Hoàng Thị Thu Hà'),
    ]);
    await ensureYear(t, finance as TestActor, year);
    const fundCode = `KCDP${Date.now().toString(36)}`.toUpperCase().slice(0, 16);
    // Other suites share the database: this file's title is its own.
    const title = `Máy sấy lúa tiên tiến HTX Phú Thành ${fundCode.slice(-4)}`;

    // ---- finance sets up the fund and gives the centre its budget ------------------------------
    await signInAs(finance.email);
    await page.goto(`${base}/ngan-sach/nguon-kinh-phi`);
    await page.fill('input[name=code]', fundCode);
    await page.fill('input[name=name]', 'Kinh phí khuyến công địa phương');
    await page.selectOption('select[name=source]', 'local');
    await submit('main form[method=post] button[type=submit]');
    expect(await flash()).toContain(`Đã tạo nguồn kinh phí ${fundCode}`);

    await page.goto(`${base}/ngan-sach/du-toan`);
    await page.selectOption('select[name=fundCode]', fundCode);
    await page.selectOption('select[name=fiscalYear]', String(year));
    await page.fill('input[name=amount]', '5.000.000.000');
    expect(await page.textContent('.preview[data-for=amount]')).toBe('= 5.000.000.000 ₫');
    await page.fill('input[name=decisionNo]', '15/QĐ-UBND');
    await submit('main form[method=post] button[type=submit]');
    expect(await flash()).toContain('Đã giao dự toán 5.000.000.000 ₫');

    await page.goto(`${base}/ngan-sach/phan-bo`);
    await page.selectOption('select[name=fundCode]', fundCode);
    await page.selectOption('select[name=fiscalYear]', String(year));
    await page.selectOption('select[name=unitId]', centre.id);
    await page.fill('input[name=amount]', '2000000000');
    await page.fill('input[name=decisionNo]', '45/QĐ-SCT');
    await submit('main form[method=post] button[type=submit]');
    expect(await flash()).toContain('Đã phân bổ 2.000.000.000 ₫');

    // ---- the producer registers on a phone, declares the establishment, applies -----------------
    await context.clearCookies();
    await page.setViewportSize(PHONE);
    await page.goto(`${base}/dang-nhap`);
    await shot('01-dang-nhap');
    await page.click('a[href="/dang-ky"]');
    const email = `coso.${Date.now().toString(36)}@example.vn`;
    await page.fill('input[name=fullName]', 'Nguyễn Văn An');
    await page.fill('input[name=email]', email);
    await page.fill('input[name=phone]', '0912345678');
    await page.fill('input[name=password]', PASSWORD);
    await submit('form[action="/dang-ky"] button[type=submit]');
    expect(new URL(page.url()).pathname).toBe('/co-so/moi');

    await page.fill('input[name=name]', 'Hợp tác xã cơ khí Phú Thành');
    await page.selectOption('select[name=kind]', 'cooperative');
    await page.fill('input[name=taxCode]', `${Date.now()}`.slice(-10));
    await page.fill('input[name=communeCode]', '29263');
    await page.fill('input[name=address]', 'Ấp Phú Thành, xã Lai Vung');
    await page.fill('input[name=representative]', 'Nguyễn Văn An');
    await page.fill('input[name=phone]', '0912345678');
    await page.fill('input[name=employees]', '25');
    await submit('main form[method=post] button[type=submit]');
    expect(await flash()).toContain('Đã đăng ký cơ sở “Hợp tác xã cơ khí Phú Thành”');

    await page.goto(`${base}/ho-so/moi`);
    await page.selectOption('select[name=activityTypeCode]', 'machinery');
    await page.selectOption('select[name=fundCode]', fundCode);
    await page.fill('input[name=title]', title);
    await page.fill('input[name=startDate]', `${year}-04-01`);
    await page.fill('input[name=endDate]', `${year}-10-31`);
    await page.fill('input[name="costLines[0].description"]', 'Máy sấy lúa 10 tấn/mẻ');
    await page.fill('input[name="costLines[0].quantity"]', '1');
    await page.fill('input[name="costLines[0].unitPrice"]', '500.000.000');
    await page.fill('input[name="costLines[1].description"]', 'Lắp đặt, chạy thử');
    await page.fill('input[name="costLines[1].quantity"]', '2');
    await page.fill('input[name="costLines[1].unitPrice"]', '20000000');
    await page.fill('input[name="costLines[2].description"]', 'Cải tạo nhà xưởng');
    await page.fill('input[name="costLines[2].quantity"]', '1');
    await page.fill('input[name="costLines[2].unitPrice"]', '100000000');
    await page.uncheck('input[name="costLines[2].eligible"]');
    // A fourth line added by the script, then used.
    await page.click('button[data-add-row=costLines]');
    await page.fill('input[name="costLines[3].description"]', 'Vận chuyển máy');
    await page.fill('input[name="costLines[3].quantity"]', '1,5');
    await page.fill('input[name="costLines[3].unitPrice"]', '3000000');
    // Live totals before anything is sent: 500 + 40 + 4,5 eligible; 50 % of 544.500.000 is under the cap.
    expect(await page.textContent('[data-total=total]')).toBe('644.500.000 ₫');
    expect(await page.textContent('[data-total=eligible]')).toBe('544.500.000 ₫');
    expect(await page.textContent('[data-total=max]')).toBe('272.250.000 ₫');
    expect(await page.textContent('[data-total=rule]')).toBe('50 %, tối đa 300.000.000 ₫');
    await page.fill('input[name=requestedSupport]', '280000000');
    expect(await page.textContent('[data-total=requested-note]')).toBe('Kinh phí đề nghị vượt mức hỗ trợ tối đa 272.250.000 ₫.');
    await page.fill('input[name=requestedSupport]', '270.000.000');
    expect(await page.textContent('[data-total=requested-note]')).toBe('');
    await shot('02-lap-de-an-dien-thoai');
    await submit('form[action="/ho-so/moi"] button[type=submit]');
    expect(await flash()).toContain('Mức hỗ trợ tối đa theo quy định: 272.250.000 ₫');
    const fileUrl = page.url();
    const fileId = new URL(fileUrl).pathname.split('/')[2];

    // Machinery asks for the project plan and a quotation before submission: the page lists them,
    // and a submission without them is refused with a message naming both.
    const required = (await page.textContent('.required-documents'))!.replace(/\s+/g, ' ');
    expect(required).toContain('Thuyết minh đề án, dự toán kinh phí: còn thiếu');
    expect(required).toContain('Báo giá thiết bị, dịch vụ: còn thiếu');
    await page.click('summary:has-text("Nộp hồ sơ")');
    await submit('form[action$="/nop"] button[type=submit]');
    expect((await page.textContent('main'))!.replace(/\s+/g, ' ')).toContain('còn thiếu tài liệu bắt buộc: Thuyết minh đề án, dự toán kinh phí; Báo giá thiết bị, dịch vụ');
    await page.goto(fileUrl);
    await page.selectOption('form[action$="/tai-lieu"] select[name=kind]', 'project_plan');
    await page.setInputFiles('input[name=file]', { name: 'thuyet-minh-de-an.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% thuyết minh\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') });
    await submit('form[action$="/tai-lieu"] button[type=submit]');
    expect(await flash()).toContain('Đã đính kèm “thuyet-minh-de-an.pdf”');

    await page.selectOption('form[action$="/tai-lieu"] select[name=kind]', 'quotation');
    await page.setInputFiles('input[name=file]', { name: 'bao-gia-may-say.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% báo giá\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') });
    await submit('form[action$="/tai-lieu"] button[type=submit]');
    expect(await flash()).toContain('Đã đính kèm “bao-gia-may-say.pdf”');
    const download = await context.request.get(`${base}${await page.getAttribute('a:has-text("bao-gia-may-say.pdf")', 'href')}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect((await page.textContent('.required-documents'))!.replace(/\s+/g, ' ')).not.toContain('còn thiếu');
    await page.click('summary:has-text("Nộp hồ sơ")');
    expect(await page.textContent('form[action$="/nop"]')).toBeDefined();
    await submit('form[action$="/nop"] button[type=submit]');
    expect(await flash()).toContain('Đã nộp hồ sơ');
    expect(await page.textContent('.badge')).toContain('đã nộp');
    await page.goto(`${base}/`);
    await shot('03-trang-chu-co-so');

    // ---- the head assigns the file --------------------------------------------------------------
    await page.setViewportSize(DESK);
    await signInAs(head.email);
    expect(await page.textContent('#assign')).toContain(title);
    await shot('04-viec-can-lam-truong-phong');
    await page.click(`#assign a[href="/ho-so/${fileId}"]`);
    await page.selectOption('form[action$="/giao"] select[name=leadUnitId]', centre.id);
    await page.selectOption('form[action$="/giao"] select[name=officerId]', officer.id);
    await page.fill('form[action$="/giao"] input[name=dueDate]', `${year}-12-31`);
    await submit('form[action$="/giao"] button[type=submit]');
    expect(await flash()).toContain('Đã giao xử lý hồ sơ');

    // ---- the officer recommends; a support above the maximum is refused with the API's message ---
    await signInAs(officer.email);
    expect(await page.textContent('#review')).toContain(title);
    await page.goto(fileUrl);
    // Appraisal first: the recommendation is folded behind it until the file has one.
    expect(await page.getAttribute('details#de-xuat', 'open')).toBeNull();
    await page.fill('form[action$="/tham-dinh"] input[name=score]', '85');
    await page.check('form[action$="/tham-dinh"] input[name=recommendation][value=approve]');
    await submit('form[action$="/tham-dinh"] button[type=submit]');
    expect(await flash()).toContain('Đã ghi nhận ý kiến thẩm định');
    await page.fill('form[action$="/de-xuat"] input[name=approvedSupport]', '280000000');
    await page.selectOption('form[action$="/de-xuat"] select[name=allocationUnitId]', centre.id);
    await submit('form[action$="/de-xuat"] button[type=submit]');
    expect(await page.textContent('.problem')).toContain('vượt quá mức hỗ trợ tối đa 272.250.000 ₫');
    expect(await page.inputValue('form[action$="/de-xuat"] input[name=approvedSupport]')).toBe('280000000');
    await page.fill('form[action$="/de-xuat"] input[name=approvedSupport]', '270000000');
    await page.fill('form[action$="/de-xuat"] input[name=note]', 'Đủ điều kiện hỗ trợ');
    await submit('form[action$="/de-xuat"] button[type=submit]');
    expect(await flash()).toContain('Đã đề xuất mức hỗ trợ');

    // ---- the head initials, the leader decides --------------------------------------------------
    await signInAs(head.email);
    await page.goto(fileUrl);
    await submit('form[action$="/ky-tat"] button[type=submit]');
    expect(await flash()).toContain('Đã ký tắt');

    await signInAs(leader.email);
    expect(await page.textContent('#decide')).toContain(title);
    await page.goto(fileUrl);
    await shot('05-ho-so-lanh-dao-quyet-dinh');
    await page.fill('form[action$="/quyet-dinh"] input[name=decisionNo]', '325/QĐ-SCT');
    await submit('form[action$="/quyet-dinh"] button[type=submit]');
    expect(await flash()).toContain('Đã phê duyệt hỗ trợ 270.000.000 ₫ (Quyết định số 325/QĐ-SCT)');
    // Nothing more is offered to the leader but cancelling.
    expect(await page.locator('form[action$="/quyet-dinh"]').count()).toBe(0);

    // ---- the officer records the contract and asks for an advance ------------------------------
    await signInAs(officer.email);
    await page.goto(fileUrl);
    await page.fill('form[action$="/hop-dong"] input[name=contractNo]', `${fileId.slice(-6)}/HĐ-KC`);
    await submit('form[action$="/hop-dong"] button[type=submit]');
    expect(await flash()).toContain('Đã ghi nhận hợp đồng');
    await page.click('summary:has-text("Đề nghị tạm ứng")');
    expect(await page.textContent('form[action$="/de-nghi-chi"]')).toContain('Tổng tạm ứng tối đa 189.000.000 ₫');
    await page.fill('form[action$="/de-nghi-chi"] input[name=amount]', '150.000.000');
    await submit('form[action$="/de-nghi-chi"] button[type=submit]');
    expect(await flash()).toContain('Đã đề nghị tạm ứng 150.000.000 ₫');

    // ---- finance approves and pays it: the pay form sent twice pays once -----------------------
    await signInAs(finance.email);
    await page.goto(`${base}/giai-ngan`);
    const card = page.locator('.card', { hasText: title }).first();
    await card.locator('form[action$="/duyet"] button').click();
    await page.waitForLoadState('load');
    expect(await flash()).toContain('Đã duyệt khoản chi 150.000.000 ₫');
    await page.locator('.card', { hasText: title }).first().scrollIntoViewIfNeeded();
    await shot('06-giai-ngan');
    const payForm = page.locator('.card', { hasText: title }).locator('form[action$="/chi"]').first();
    const action = (await payForm.getAttribute('action'))!;
    const fields = {
      _csrf: (await payForm.locator('input[name=_csrf]').inputValue()),
      idempotencyKey: await payForm.locator('input[name=idempotencyKey]').inputValue(),
      treasuryRef: `KB-${fileId.slice(-8)}`,
      valueDate: today,
    };
    const origin = { headers: { Origin: base } };
    const first = await context.request.post(`${base}${action}`, { form: fields, maxRedirects: 0, ...origin });
    const second = await context.request.post(`${base}${action}`, { form: fields, maxRedirects: 0, ...origin });
    expect([first.status(), second.status()]).toEqual([303, 303]);
    await page.goto(`${base}/giai-ngan`);
    expect(await flash()).toContain('Biểu mẫu này đã được gửi trước đó; hệ thống không ghi nhận lần nữa.');
    const paid = await t.app.get(DataSource).query("SELECT COUNT(*) AS n FROM ledger_transfers WHERE kind = 'disbursement' AND reference = ?", [fields.treasuryRef]);
    expect(Number(paid[0].n)).toBe(1);

    await page.goto(`${base}/ngan-sach?nam=${year}&nguon=${fundCode}`);
    expect(await page.locator('svg.chart rect.disbursed').count()).toBeGreaterThan(0);
    expect(await page.textContent('main')).toContain('1.730.000.000 ₫'); // 2.000 − 270 committed
    await shot('07-ngan-sach');

    // ---- acceptance, then the producer files the settlement --------------------------------------
    await signInAs(officer.email);
    await page.goto(fileUrl);
    await page.click('summary:has-text("Ghi nhận nghiệm thu")');
    await page.fill('form[action$="/nghiem-thu"] input[name=minutesNo]', '08/BB-NT');
    await submit('form[action$="/nghiem-thu"] button[type=submit]');
    expect(await flash()).toContain('Đã ghi nhận nghiệm thu đạt');

    await page.setViewportSize(PHONE);
    await signInAs(email);
    expect(await page.textContent('.asked')).toContain('lập và nộp hồ sơ quyết toán');
    await page.goto(`${fileUrl}/quyet-toan`);
    await page.fill('input[name="actualCostLines[0].amount"]', '480.000.000');
    await page.fill('input[name="actualCostLines[0].documentRef"]', 'HĐ GTGT 0001234');
    // Every supported cost names its voucher; the producer's own cost (the workshop) needs none.
    await page.fill('input[name="actualCostLines[1].documentRef"]', 'HĐ GTGT 0001235');
    await page.fill('input[name="actualCostLines[3].documentRef"]', 'PC 0042');
    expect(await page.textContent('[data-total=eligible]')).toBe('524.500.000 ₫');
    await submit('main form[method=post] button[type=submit]');
    expect(await flash()).toContain('Đã nộp quyết toán: chi phí thực tế hợp lệ 524.500.000 ₫');

    // ---- finance checks, the leader approves: 50 % of 524.500.000, less 150.000.000 paid ---------
    await page.setViewportSize(DESK);
    await signInAs(finance.email);
    await page.click(`#settlements a:has-text("${title}")`);
    await submit('form[action$="/duyet"] button[type=submit]');
    expect(await flash()).toContain('Đã kiểm tra quyết toán');

    await signInAs(leader.email);
    await page.click(`#settlements a:has-text("${title}")`);
    await submit('form[action$="/duyet"] button[type=submit]');
    expect(await flash()).toContain('kinh phí hỗ trợ cuối cùng 262.250.000 ₫, chênh lệch 112.250.000 ₫');
    await shot('08-quyet-toan');
    // The statement the page links to opens with the browser's session (the API reads with it).
    const statement = await page.getAttribute('a:has-text("Tải biên bản quyết toán")', 'href');
    expect(statement).toMatch(/^\/api\/v1\/settlements\/[0-9A-Z]{26}\/statement\.pdf$/);
    const pdf = await context.request.get(`${base}${statement}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');

    // ---- finance pays the balance: the file is settled -------------------------------------------
    await signInAs(finance.email);
    await page.goto(`${base}/giai-ngan`);
    const finalCard = page.locator('.card').filter({ hasText: title }).filter({ hasText: 'Thanh toán theo quyết toán' }).first();
    await finalCard.locator('form[action$="/duyet"] button').click();
    await page.waitForLoadState('load');
    const finalPay = page.locator('.card').filter({ hasText: title }).filter({ hasText: 'Thanh toán theo quyết toán' }).first();
    await finalPay.locator('input[name=treasuryRef]').fill(`KB-QT-${fileId.slice(-8)}`);
    page.once('dialog', (dialog) => void dialog.accept());
    const navigated = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() });
    await finalPay.locator('form[action$="/chi"] button').click();
    await navigated;
    await page.waitForLoadState('load');
    expect(await flash()).toContain('Đã chi 112.250.000 ₫');

    await page.goto(fileUrl);
    expect(await page.textContent('h1 + p')).toContain('đã quyết toán');
    expect(await page.textContent('#tien-trinh')).toContain('Quyết toán');

    // ---- the reports finance may read, each format a link that opens with the session -----------
    await page.goto(`${base}/bao-cao`);
    const annual = await page.getAttribute(`a[href="/api/v1/reports/annual/${year}?format=json"]`, 'href');
    const report = await context.request.get(`${base}${annual}`);
    expect(report.status()).toBe(200);
    expect((await report.json()).fiscalYear).toBe(year);
    expect(await page.locator('a[href^="/api/v1/reports/overdue"]').count()).toBe(0); // head, leader, auditor only

    // ---- the treasury statement, as Excel on a Vietnamese Windows saves it, matches both payments --
    await page.goto(`${base}/doi-chieu`);
    const vnToday = today.split('-').reverse().join('/');
    const csv = [
      'Số tham chiếu;Ngày giá trị;Số tiền;Chiều;Mã số thuế người nhận;Nội dung',
      `KB-${fileId.slice(-8)};${vnToday};150.000.000;Chi;;Tạm ứng`,
      `KB-QT-${fileId.slice(-8)};${vnToday};112.250.000;Chi;;Thanh toán theo quyết toán`,
      `KB-LA-${fileId.slice(-8)};${vnToday};5.000.000;Chi;;Không có trong KCFund`,
    ].join('\r\n');
    await page.setInputFiles('input[name=file]', { name: `sao-ke-${fileId.slice(-6)}.csv`, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}\r\n`) });
    await submit('form[action="/doi-chieu/xem-truoc"] button[type=submit]');
    expect(await page.textContent('h1')).toBe('Xem trước sao kê');
    expect(await page.locator('#dong-sao-ke tbody tr').count()).toBe(3);
    expect(await page.textContent('.totals')).toContain('267.250.000 ₫');
    await shot('09-doi-chieu-xem-truoc');
    await submit('form[action="/doi-chieu/nhap"] button[type=submit]');
    expect(await flash()).toContain('Đã đối chiếu 3 dòng sao kê');
    const result = (await page.textContent('main')) ?? '';
    expect(result).toContain(`KB-QT-${fileId.slice(-8)}`);
    expect(await page.locator('tr', { hasText: `KB-LA-${fileId.slice(-8)}` }).textContent()).toContain('Không có trong hệ thống');
    expect(await page.locator('tr', { hasText: `KB-QT-${fileId.slice(-8)}` }).textContent()).toContain('Khớp');
    await shot('09-doi-chieu');
    expect(scriptErrors()).toEqual([]);
    await accessibility.settle();
    expect(accessibility.violations()).toEqual([]);
    expect(accessibility.checked.length).toBeGreaterThan(30);
  }, 240_000);
  /** Presses Tab until the element `selector` has the focus, at most `limit` times. */
  async function tabTo(selector: string, limit = 40): Promise<void> {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      if (await page.locator(`${selector}:focus`).count()) return;
    }
    throw new Error(`${selector} is not reached with Tab on ${page.url()}`);
  }

  /** The focused element: a field by its name, a button or link by its text. */
  const focused = () =>
    page.locator(':focus').evaluate((el: { getAttribute(name: string): string | null; tagName: string; textContent: string | null }) => el.getAttribute('name') ?? `${el.tagName.toLowerCase()}:${(el.textContent ?? '').trim()}`);

  /** Presses a key that sends a form and waits for the page that answers. */
  async function pressAndWait(key: string): Promise<void> {
    const navigated = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() });
    await page.keyboard.press(key);
    await navigated;
    await page.waitForLoadState('load');
  }

  it('lets a person register, sign out and sign in with the keyboard alone: Tab reaches each field in order, Enter sends', async () => {
    const violationsBefore = accessibility.violations().length;
    await context.clearCookies();
    await page.setViewportSize(PHONE);
    await page.goto(`${base}/dang-ky`);
    await tabTo('input[name=fullName]');
    const email = `ban.phim.${Date.now().toString(36)}@example.vn`;
    const order: string[] = [];
    for (const [, text] of [['fullName', 'Trần Văn Phím'], ['email', email], ['phone', '0912345679'], ['password', PASSWORD]]) {
      order.push(await focused());
      await page.keyboard.type(text);
      await page.keyboard.press('Tab');
    }
    expect(order).toEqual(['fullName', 'email', 'phone', 'password']);
    expect(await focused()).toBe('button:Đăng ký');
    await page.keyboard.press('Shift+Tab');
    await pressAndWait('Enter'); // Enter in the last field sends the form
    expect(new URL(page.url()).pathname).toBe('/co-so/moi');

    await page.goto(`${base}/`);
    await tabTo('form[action="/dang-xuat"] button');
    await pressAndWait('Enter');
    await page.goto(`${base}/dang-nhap`);
    await tabTo('input[name=email]');
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('password');
    await page.keyboard.type(PASSWORD);
    await pressAndWait('Enter');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.textContent('header')).toContain('Trần Văn Phím');

    await accessibility.settle();
    expect(accessibility.violations().slice(violationsBefore)).toEqual([]);
    expect(scriptErrors()).toEqual([]);
  }, 60_000);
});
