import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { BrowserSession, openBrowser, SCREENSHOTS } from './support/browser';
import { createUnit } from './support/actors';
import { fundWithBudget, postMoney } from './support/budget';
import { startTestApp, TestApp } from './support/test-app';
import { PageClient, PASSWORD, webUser } from './web-support';

const YEAR = 2075;

/**
 * The administration pages: only for administrators (the API's policy), a password reset that
 * forces the user to change it before anything else, a unit whose deactivation is refused while it
 * holds money — in Chromium, each person in their own browser.
 */
describe('administration pages', () => {
  let t: TestApp;
  let base: string;
  let browser: BrowserSession;

  beforeAll(async () => {
    t = await startTestApp();
    browser = await openBrowser(t);
    base = browser.base;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A browser of its own (its own cookies), confirming every dialog. */
  async function newPage(): Promise<Page> {
    const page = await browser.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    return page;
  }

  async function submit(page: Page, selector: string): Promise<void> {
    const navigated = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() });
    await page.click(selector);
    await navigated;
    await page.waitForLoadState('load');
  }

  async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
    await page.goto(`${base}/dang-nhap`);
    await page.fill('input[name=email]', email);
    await page.fill('input[name=password]', password);
    await submit(page, 'form[action="/dang-nhap"] button[type=submit]');
  }

  const path = (page: Page) => new URL(page.url()).pathname;
  const mainText = async (page: Page) => ((await page.textContent('main')) ?? '').replace(/\s+/g, ' ');

  it('only administrators see the pages and the menu link', async () => {
    const unit = await createUnit(t);
    const admin = await webUser(t, ['admin'], unit.id);
    const staff = await webUser(t, ['officer', 'head', 'leader', 'finance', 'auditor'], unit.id);
    const asStaff = new PageClient(t);
    await asStaff.login(staff.email);
    expect((await asStaff.get('/')).text).not.toContain('href="/quan-tri"');
    for (const page of ['/quan-tri/nguoi-dung', '/quan-tri/don-vi', '/quan-tri/hoat-dong', `/quan-tri/nguoi-dung/${admin.id}`]) {
      expect((await asStaff.get(page)).status).toBe(403);
    }
    const refused = await asStaff.post(`/quan-tri/nguoi-dung/${staff.id}/dat-lai-mat-khau`, {}, { from: '/' });
    expect(refused.status).toBe(403);
    const asAdmin = new PageClient(t);
    await asAdmin.login(admin.email);
    expect((await asAdmin.get('/')).text).toContain('href="/quan-tri"');
    for (const page of ['/quan-tri/nguoi-dung', '/quan-tri/don-vi', '/quan-tri/hoat-dong']) expect((await asAdmin.get(page)).status).toBe(200);
  });

  it('an administrator resets a password; the user must change it before reaching any other page', async () => {
    const unit = await createUnit(t, 'centre', 'Trung tâm thử quản trị');
    const admin = await webUser(t, ['admin'], unit.id, 'Đặng Thị Lan');
    const officer = await webUser(t, ['officer'], unit.id, `Trần Văn Thử ${Date.now().toString(36)}`);

    const userPage = await newPage();
    await signIn(userPage, officer.email);
    expect(path(userPage)).toBe('/');

    const adminPage = await newPage();
    await signIn(adminPage, admin.email);
    await adminPage.goto(`${base}/quan-tri/nguoi-dung?q=${encodeURIComponent(officer.email)}`);
    expect(await mainText(adminPage)).toContain(officer.email);
    await submit(adminPage, `a[href="/quan-tri/nguoi-dung/${officer.id}"]`);
    await submit(adminPage, `form[action="/quan-tri/nguoi-dung/${officer.id}/dat-lai-mat-khau"] button[type=submit]`);
    const temporary = ((await adminPage.textContent('#mat-khau-tam')) ?? '').trim();
    expect(temporary.length).toBeGreaterThanOrEqual(10);
    await adminPage.screenshot({ path: join(SCREENSHOTS, 'quan-tri-dat-lai-mat-khau.png'), fullPage: true });
    // Shown once: the user's page again does not hold it.
    await adminPage.goto(`${base}/quan-tri/nguoi-dung/${officer.id}`);
    expect(await mainText(adminPage)).not.toContain(temporary);
    expect(await mainText(adminPage)).toContain('chờ người dùng đổi mật khẩu');

    // The user's open session ended with the reset.
    await userPage.goto(`${base}/ho-so`);
    expect(path(userPage)).toBe('/dang-nhap');
    await signIn(userPage, officer.email, PASSWORD);
    expect(path(userPage)).toBe('/dang-nhap');

    // With the temporary password: the change-password page, and nothing else.
    await signIn(userPage, officer.email, temporary);
    expect(path(userPage)).toBe('/doi-mat-khau');
    await userPage.goto(`${base}/ho-so`);
    expect(path(userPage)).toBe('/doi-mat-khau');
    expect(await mainText(userPage)).toContain('đặt lại');
    expect(await userPage.locator('nav.menu a[href="/ho-so"]').count()).toBe(0);

    await userPage.fill('input[name=currentPassword]', temporary);
    await userPage.fill('input[name=newPassword]', 'ngan');
    await userPage.fill('input[name=confirmPassword]', 'ngan');
    await submit(userPage, 'form[action="/doi-mat-khau"] button[type=submit]');
    expect(await mainText(userPage)).toContain('ít nhất 10 ký tự');

    const chosen = 'Mat-khau-moi-cua-toi-2026';
    await userPage.fill('input[name=currentPassword]', temporary);
    await userPage.fill('input[name=newPassword]', chosen);
    await userPage.fill('input[name=confirmPassword]', chosen);
    await submit(userPage, 'form[action="/doi-mat-khau"] button[type=submit]');
    expect(path(userPage)).toBe('/');
    await userPage.goto(`${base}/ho-so`);
    expect(path(userPage)).toBe('/ho-so');

    const login = await t.http.post('/api/v1/auth/login').send({ email: officer.email, password: chosen }).expect(200);
    expect(login.body.user.mustChangePassword).toBe(false);
    await t.http.post('/api/v1/auth/login').send({ email: officer.email, password: temporary }).expect(401);
    expect(browser.scriptErrors).toEqual([]);
  });

  it('an administrator deactivating a unit that holds money sees why it is refused; once emptied it closes', async () => {
    const [admin, finance] = [await webUser(t, ['admin']), await webUser(t, ['finance'])];
    const name = `Xã Thử Đóng ${Date.now().toString(36)}`;
    const unit = await createUnit(t, 'commune', name);
    const spare = await createUnit(t, 'commune');
    const { fundCode } = await fundWithBudget(t, finance, { year: YEAR, appropriated: '500000000' });
    await postMoney(t, finance, '/allocations', { fundCode, fiscalYear: YEAR, unitId: unit.id, amount: '1250000', decisionNo: 'PB-WEB' }).expect(201);

    const page = await newPage();
    await signIn(page, admin.email);
    await page.goto(`${base}/quan-tri/don-vi`);
    const deactivate = `form[action="/quan-tri/don-vi/${unit.id}/ngung-hoat-dong"] button[type=submit]`;
    await submit(page, deactivate);
    const refusal = ((await page.textContent('.problem')) ?? '').replace(/\s+/g, ' ');
    expect(refusal).toContain(name);
    expect(refusal).toContain('1.250.000 ₫');
    expect(refusal).toContain(fundCode);
    expect(refusal).toContain(String(YEAR));
    await page.screenshot({ path: join(SCREENSHOTS, 'quan-tri-don-vi-tu-choi.png'), fullPage: true });
    expect((await t.http.get(`/api/v1/units/${unit.id}`).set(admin.auth).expect(200)).body.active).toBe(true);

    await postMoney(t, finance, '/allocations/transfer', { fundCode, fiscalYear: YEAR, fromUnitId: unit.id, toUnitId: spare.id, amount: '1250000', reason: 'thu về' }).expect(201);
    await page.goto(`${base}/quan-tri/don-vi`);
    await submit(page, deactivate);
    expect(path(page)).toBe('/quan-tri/don-vi');
    expect((await page.textContent('.flash')) ?? '').toContain('ngừng hoạt động');
    expect(await page.locator(`form[action="/quan-tri/don-vi/${unit.id}/hoat-dong-lai"]`).count()).toBe(1);
    expect((await t.http.get(`/api/v1/units/${unit.id}`).set(admin.auth).expect(200)).body.active).toBe(false);
    expect(browser.scriptErrors).toEqual([]);
  });

  it('renames and moves a unit, shows a loop as refused; edits a user’s roles and scope; publishes a rule version', async () => {
    const admin = await webUser(t, ['admin']);
    const client = new PageClient(t);
    await client.login(admin.email);
    const top = await createUnit(t, 'department', 'Sở thử');
    const child = await createUnit(t, 'division', 'Phòng thử');
    await client.post(`/quan-tri/don-vi/${child.id}`, { name: 'Phòng Quản lý thử', parentId: top.id }, { from: '/quan-tri/don-vi' }).then((r) => expect(r.status).toBe(303));
    const loop = await client.post(`/quan-tri/don-vi/${top.id}`, { name: 'Sở thử', parentId: child.id }, { from: '/quan-tri/don-vi' });
    expect(loop.status).toBe(409);
    expect(loop.text).toContain('cấp dưới');
    const units = (await t.http.get(`/api/v1/units/${child.id}`).set(admin.auth).expect(200)).body;
    expect(units).toMatchObject({ name: 'Phòng Quản lý thử', parentId: top.id });

    const leader = await webUser(t, ['leader'], top.id);
    const saved = await client.post(
      `/quan-tri/nguoi-dung/${leader.id}`,
      { fullName: 'Phó Giám đốc thử', phone: '', unitId: top.id, roles: ['leader', 'head'], scopeActivityTypeCodes: ['machinery'], scopeUnitIds: [child.id] },
      { from: `/quan-tri/nguoi-dung/${leader.id}` },
    );
    expect(saved.status).toBe(303);
    const user = (await t.http.get(`/api/v1/users/${leader.id}`).set(admin.auth).expect(200)).body;
    expect(user).toMatchObject({ fullName: 'Phó Giám đốc thử', roles: ['head', 'leader'], leaderScope: { activityTypeCodes: ['machinery'], unitIds: [child.id] } });
    const noRoles = await client.post(`/quan-tri/nguoi-dung/${leader.id}`, { fullName: 'Phó Giám đốc thử', unitId: top.id }, { from: `/quan-tri/nguoi-dung/${leader.id}` });
    expect(noRoles.status).toBe(400);
    expect(noRoles.text).toContain('Vai trò');

    const code = `web_rule_${Date.now().toString(36)}`;
    const published = await client.post(
      '/quan-tri/hoat-dong',
      { code, name: 'Hoạt động thử trên trang', supportRate: '0,5', supportCap: '300.000.000', advanceRate: '0.7', settlementDueDays: '15', effectiveFrom: t.clock.today() },
      { from: '/quan-tri/hoat-dong' },
    );
    expect(published.status).toBe(303);
    const list = await client.get('/quan-tri/hoat-dong');
    expect(list.text).toContain(code);
    expect(list.text).toContain('300.000.000');
    const bad = await client.post('/quan-tri/hoat-dong', { code, name: 'X', supportRate: '2', supportCap: '1', advanceRate: '0.7', effectiveFrom: t.clock.today() }, { from: '/quan-tri/hoat-dong' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Tỷ lệ hỗ trợ');
  });

  it('publishes a rule with its eligibility from the page: the kinds supported, a yearly cap per establishment, a commune required', async () => {
    const admin = await webUser(t, ['admin']);
    const client = new PageClient(t);
    await client.login(admin.email);
    const code = `web_elig_${Date.now().toString(36)}`;
    const form = (await client.get('/quan-tri/hoat-dong')).text;
    expect(form).toContain('name="establishmentKinds" value="cooperative"');
    expect(form).toContain('name="maxSupportPerEstablishmentPerYear"');
    expect(form).toContain('name="requiresCommuneCode"');
    const published = await client.post(
      '/quan-tri/hoat-dong',
      {
        code,
        name: 'Đào tạo nghề cho hợp tác xã',
        supportRate: '0,5',
        supportCap: '200.000.000',
        advanceRate: '0.7',
        effectiveFrom: t.clock.today(),
        establishmentKinds: ['cooperative', 'cooperative_group'],
        maxSupportPerEstablishmentPerYear: '300.000.000',
        requiresCommuneCode: 'true',
      },
      { from: '/quan-tri/hoat-dong' },
    );
    expect(published.status).toBe(303);
    const rule = (await t.http.get(`/api/v1/activity-types/${code}/versions`).set(admin.auth).expect(200)).body[0];
    expect(rule).toMatchObject({
      capCurrency: 'VND',
      eligibility: { establishmentKinds: ['cooperative', 'cooperative_group'], maxSupportPerEstablishmentPerYear: '300000000', requiresCommuneCode: true },
    });
    const list = (await client.get('/quan-tri/hoat-dong')).text;
    expect(list).toContain('Hợp tác xã; Tổ hợp tác; tối đa 300.000.000 ₫ một cơ sở một năm; phải ghi xã, phường');

    // A wrong yearly cap is told at its own field, and nothing is published.
    const other = `web_elig_bad_${Date.now().toString(36)}`;
    const refused = await client.post(
      '/quan-tri/hoat-dong',
      { code: other, name: 'Sai mức', supportRate: '0.5', supportCap: '1000', advanceRate: '0.7', effectiveFrom: t.clock.today(), maxSupportPerEstablishmentPerYear: '-5' },
      { from: '/quan-tri/hoat-dong' },
    );
    expect(refused.status).toBe(400);
    expect(refused.text).toMatch(/<input type="text" id="f-maxSupportPerEstablishmentPerYear" name="maxSupportPerEstablishmentPerYear"[^>]*aria-invalid="true"/);
    expect((await t.http.get(`/api/v1/activity-types/${other}/versions`).set(admin.auth).expect(200)).body).toEqual([]);
  });
});
