import { DataSource } from 'typeorm';
import { dropDatabase } from '../src/database/ensure-database';
import { parseDatabaseUrl, withDatabase } from '../src/database/database-url';
import type { TestActor } from './support/actors';
import { startTestAppOnFreshDatabase, TestApp } from './support/test-app';
import { csrfOf, PageClient, webUser } from './web-support';

/**
 * Setting up an installation from the administrator's pages alone: a unit added on the units
 * page, a person given an account (with a temporary password shown once) on the users page, and
 * the national list of administrative units uploaded on its own page. The forms call the API's
 * use cases, so they refuse what the API refuses, beside the field, and only administrators may
 * use them. A database of its own: the list of administrative units must start empty here, and
 * a loaded one would refuse the commune codes of the files sharing the run's database.
 */
describe('administrator set-up pages', () => {
  const base = process.env.DATABASE_URL!;
  const url = withDatabase(base, `${parseDatabaseUrl(base).database}_adminsetup`);
  let t: TestApp;
  let admin: TestActor;
  let staff: TestActor;
  let asAdmin: PageClient;
  let asStaff: PageClient;

  beforeAll(async () => {
    t = await startTestAppOnFreshDatabase(url);
    admin = await webUser(t, ['admin'], null, 'Đặng Thị Lan');
    staff = await webUser(t, ['officer', 'head', 'leader', 'finance', 'auditor']);
    asAdmin = new PageClient(t);
    await asAdmin.login(admin.email);
    asStaff = new PageClient(t);
    await asStaff.login(staff.email);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await dropDatabase(url);
  });

  const db = () => t.app.get(DataSource);
  const unitCount = async () => Number((await db().query('SELECT COUNT(*) AS n FROM units'))[0].n);
  /** The page's text without tags, one space between words. */
  const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/\s+/g, ' ');
  /** The message shown beside a field of the form (the macros' `f-<name>-error`). */
  const errorAt = (html: string, field: string) => {
    const match = new RegExp(`id="f-${field}-error">([^<]*)<`).exec(html);
    return match ? match[1] : null;
  };

  describe('Thêm đơn vị', () => {
    it("the administrator's set-up steps link to these forms", async () => {
      const home = await asAdmin.get('/');
      const install = home.text.slice(home.text.indexOf('id="install"'));
      expect(install).toContain('<a href="/quan-tri/don-vi?loai=centre#them-don-vi">Tạo đơn vị Trung tâm Khuyến công</a>');
      expect(install).toContain('<a href="/quan-tri/dia-ban#nap-danh-muc">Nạp danh mục đơn vị hành chính</a>');
      // The centre's link opens the form with the kind chosen.
      expect((await asAdmin.get('/quan-tri/don-vi?loai=centre')).text).toContain('<option value="centre" selected>');
    });

    it('adds a unit and one below it through the form; the tree names them', async () => {
      const page = await asAdmin.get('/quan-tri/don-vi');
      expect(page.status).toBe(200);
      expect(page.text).toContain('id="them-don-vi"');

      const centre = await asAdmin.post('/quan-tri/don-vi', { name: 'Trung tâm Khuyến công Đồng Tháp', code: 'admin17-TTKC', kind: 'centre', parentId: '' });
      expect(centre.status).toBe(303);
      const [row] = await db().query('SELECT id, name, kind, parent_id FROM units WHERE code = ?', ['admin17-TTKC']);
      expect(row).toMatchObject({ name: 'Trung tâm Khuyến công Đồng Tháp', kind: 'centre', parent_id: null });
      expect(centre.headers.location).toBe(`/quan-tri/don-vi#don-vi-${row.id}`);

      // The parent is chosen by its name in the tree.
      const form = await asAdmin.get('/quan-tri/don-vi');
      expect(form.text).toContain('Đã thêm đơn vị Trung tâm Khuyến công Đồng Tháp.');
      expect(form.text).toMatch(new RegExp(`<option value="${row.id}">Trung tâm Khuyến công Đồng Tháp \\(admin17-TTKC\\)</option>`));
      const division = await asAdmin.post('/quan-tri/don-vi', { name: 'Phòng Tư vấn', code: 'admin17-PTV', kind: 'division', parentId: row.id });
      expect(division.status).toBe(303);
      const [child] = await db().query('SELECT parent_id, kind FROM units WHERE code = ?', ['admin17-PTV']);
      expect(child).toEqual({ parent_id: row.id, kind: 'division' });
      expect(textOf((await asAdmin.get('/quan-tri/don-vi')).text)).toContain('— Phòng Tư vấn admin17-PTV');
    });

    it('shows each refusal at its field, with what was typed, and adds nothing', async () => {
      const before = await unitCount();
      const refused = await asAdmin.post('/quan-tri/don-vi', { name: '', code: 'mã có dấu', kind: 'quan', parentId: '' });
      expect(refused.status).toBe(400);
      expect(errorAt(refused.text, 'name')).toBeTruthy();
      expect(errorAt(refused.text, 'code')).toContain('chữ cái không dấu');
      expect(errorAt(refused.text, 'kind')).toBeTruthy();
      expect(refused.text).toContain('value="mã có dấu"');
      // The rows' own forms show none of it.
      expect(refused.text.match(/class="error"/g)?.length).toBe(3);

      const unknownParent = await asAdmin.post('/quan-tri/don-vi', { name: 'Xã Thử', code: 'admin17-XT', kind: 'commune', parentId: '01JZZZZZZZZZZZZZZZZZZZZZZZ' });
      expect(unknownParent.status).toBe(400);
      expect(errorAt(unknownParent.text, 'parentId')).toContain('không tồn tại');

      const duplicate = await asAdmin.post('/quan-tri/don-vi', { name: 'Trung tâm khác', code: 'admin17-TTKC', kind: 'centre', parentId: '' });
      expect(duplicate.status).toBe(409);
      expect(textOf(duplicate.text)).toContain('Mã đơn vị "admin17-TTKC" đã được dùng.');
      expect(await unitCount()).toBe(before);
    });

    it('is refused to anyone but an administrator', async () => {
      const before = await unitCount();
      const refused = await asStaff.post('/quan-tri/don-vi', { name: 'Trung tâm lạ', code: 'admin17-LA', kind: 'centre', parentId: '' }, { from: '/' });
      expect(refused.status).toBe(403);
      expect(await unitCount()).toBe(before);
    });
  });

  describe('Thêm người dùng', () => {
    let unitId: string;
    beforeAll(async () => {
      [{ id: unitId }] = await db().query('SELECT id FROM units WHERE code = ?', ['admin17-TTKC']);
    });

    it('opens an account with a temporary password shown once, which signs in only to change it', async () => {
      const form = await asAdmin.get('/quan-tri/nguoi-dung?vai-tro=officer');
      expect(form.status).toBe(200);
      expect(form.text).toContain('id="them-nguoi-dung"');
      expect(form.text).toContain('name="roles" value="officer" checked');
      expect(form.text).toContain(`<option value="${unitId}">Trung tâm Khuyến công Đồng Tháp (admin17-TTKC)</option>`);

      const email = 'admin17.chuyenvien@sct.dongthap.gov.vn';
      const opened = await asAdmin.post('/quan-tri/nguoi-dung', { email, fullName: 'Trần Thị Bích', phone: '0912345678', unitId, roles: ['officer'] });
      expect(opened.status).toBe(201);
      const temporary = /<output id="mat-khau-tam" class="secret">([^<]+)<\/output>/.exec(opened.text)?.[1] ?? '';
      expect(temporary.length).toBeGreaterThanOrEqual(10);
      expect(textOf(opened.text)).toContain(`Đã tạo tài khoản cho Trần Thị Bích (${email})`);
      const [row] = await db().query('SELECT id, full_name, phone, unit_id, roles, must_change_password, password_hash FROM users WHERE email = ?', [email]);
      expect(row).toMatchObject({ full_name: 'Trần Thị Bích', phone: '0912345678', unit_id: unitId, roles: 'officer', must_change_password: 1 });
      expect(row.password_hash).not.toContain(temporary);
      // Shown once: not on the list, not on the user's page, not in the audit log.
      expect((await asAdmin.get('/quan-tri/nguoi-dung')).text).not.toContain(temporary);
      expect((await asAdmin.get(`/quan-tri/nguoi-dung/${row.id}`)).text).not.toContain(temporary);
      const audit = await db().query("SELECT after_json FROM audit_log WHERE action = 'user.create' AND entity_id = ?", [row.id]);
      expect(audit).toHaveLength(1);
      expect(JSON.stringify(audit[0])).not.toContain(temporary);

      // The temporary password signs in, to the change-password page and nothing else.
      const user = new PageClient(t);
      const signedIn = await user.login(email, temporary);
      expect(signedIn.status).toBe(303);
      expect((await user.get('/')).headers.location).toBe('/doi-mat-khau');
      const chosen = 'Mat-khau-rieng-admin17';
      const changed = await user.post('/doi-mat-khau', { currentPassword: temporary, newPassword: chosen, confirmPassword: chosen });
      expect(changed.status).toBe(303);
      expect((await user.get('/')).status).toBe(200);
      await t.http.post('/api/v1/auth/login').send({ email, password: temporary }).expect(401);
      const login = await t.http.post('/api/v1/auth/login').send({ email, password: chosen }).expect(200);
      expect(login.body.user.mustChangePassword).toBe(false);
    });

    it("gives a deputy director's field of work at once", async () => {
      const email = 'admin17.phogiamdoc@sct.dongthap.gov.vn';
      const opened = await asAdmin.post('/quan-tri/nguoi-dung', { email, fullName: 'Lê Văn Phó', unitId, roles: ['leader'], scopeUnitIds: [unitId] });
      expect(opened.status).toBe(201);
      const [row] = await db().query('SELECT leader_scope FROM users WHERE email = ?', [email]);
      const scope = typeof row.leader_scope === 'string' ? JSON.parse(row.leader_scope) : row.leader_scope;
      expect(scope).toEqual({ unitIds: [unitId] });
    });

    it('shows each refusal at its field, with what was typed, and opens no account', async () => {
      const count = async () => Number((await db().query('SELECT COUNT(*) AS n FROM users'))[0].n);
      const before = await count();
      const refused = await asAdmin.post('/quan-tri/nguoi-dung', { email: 'khong-phai-email', fullName: '', phone: '12ab', unitId: '' });
      expect(refused.status).toBe(400);
      for (const field of ['email', 'fullName', 'phone', 'unitId', 'roles']) expect(errorAt(refused.text, field)).toBeTruthy();
      expect(refused.text).toContain('value="khong-phai-email"');
      expect(refused.text).not.toContain('mat-khau-tam');

      const unknownScope = await asAdmin.post('/quan-tri/nguoi-dung', { email: 'admin17.x@sct.dongthap.gov.vn', fullName: 'Người Thử', unitId, roles: ['leader'], scopeUnitIds: ['01JZZZZZZZZZZZZZZZZZZZZZZZ'] });
      expect(unknownScope.status).toBe(400);
      expect(errorAt(unknownScope.text, 'scopeUnitIds')).toContain('không có đơn vị này');

      const taken = await asAdmin.post('/quan-tri/nguoi-dung', { email: 'admin17.chuyenvien@sct.dongthap.gov.vn', fullName: 'Người Trùng', unitId, roles: ['officer'] });
      expect(taken.status).toBe(409);
      expect(textOf(taken.text)).toContain('Email này đã được dùng cho một tài khoản khác.');
      expect(await count()).toBe(before);
    });

    it('is refused to anyone but an administrator', async () => {
      const refused = await asStaff.post('/quan-tri/nguoi-dung', { email: 'admin17.la@sct.dongthap.gov.vn', fullName: 'Người Lạ', unitId, roles: ['admin'] }, { from: '/' });
      expect(refused.status).toBe(403);
      expect(await db().query('SELECT id FROM users WHERE email = ?', ['admin17.la@sct.dongthap.gov.vn'])).toEqual([]);
    });
  });

  describe('Danh mục đơn vị hành chính', () => {
    const LIST = [
      '# source: https://danhmuchanhchinh.nso.gov.vn/ (trích cho phép thử)',
      '# date: 2025-07-01',
      '82\tprovince\tTỉnh Đồng Tháp\t',
      '01\tcity\tThành phố Hà Nội\t',
      '30112\tcommune\tXã Mỹ Hiệp\t82',
      '30226\tcommune\tXã Lai Vung\t82',
      '00004\tward\tPhường Ba Đình\t01',
    ].join('\n');
    const BAD = ['82\tprovince\tTỉnh Đồng Tháp\t', '30112\ttown\tXã Mỹ Hiệp\t82', '301\tcommune\tXã Lai Vung\t82', '30226\tcommune\t\t82'].join('\n');
    const loadedCount = async () => Number((await db().query('SELECT COUNT(*) AS n FROM admin_units'))[0].n);

    /** The page's form as a browser sends it: the token first, then the file. */
    async function upload(client: PageClient, content: string, fileName = 'danh-muc.tsv') {
      const csrf = csrfOf((await client.get(client === asAdmin ? '/quan-tri/dia-ban' : '/')).text);
      const res = await t.http
        .post('/quan-tri/dia-ban')
        .set('Cookie', client.cookieHeader)
        .field('_csrf', csrf)
        .attach('file', Buffer.from(content, 'utf8'), { filename: fileName, contentType: 'text/tab-separated-values' })
        .redirects(0);
      client.keep(res.headers['set-cookie'] as unknown as string[]);
      return res;
    }

    it('starts empty, refuses a bad file naming each line, loads a sound one and shows its counts and source', async () => {
      expect(await loadedCount()).toBe(0);
      const empty = await asAdmin.get('/quan-tri/dia-ban');
      expect(empty.status).toBe(200);
      expect(textOf(empty.text)).toContain('Chưa nạp danh mục');
      expect(empty.text).toContain('enctype="multipart/form-data"');

      const refused = await upload(asAdmin, BAD, 'sai.tsv');
      expect(refused.status).toBe(400);
      const problems = textOf(refused.text);
      expect(problems).toContain('không dòng nào được nạp, danh mục đang dùng giữ nguyên');
      expect(problems).toContain('dòng 2: loại "town" không hợp lệ');
      expect(problems).toContain('dòng 3: mã xã, phường, đặc khu "301" phải gồm 5 chữ số');
      expect(problems).toContain('dòng 4: đơn vị 30226 thiếu tên');
      expect(await loadedCount()).toBe(0);

      const loaded = await upload(asAdmin, LIST);
      expect(loaded.status).toBe(303);
      expect(loaded.headers.location).toBe('/quan-tri/dia-ban');
      expect(await loadedCount()).toBe(5);
      const page = textOf((await asAdmin.get('/quan-tri/dia-ban')).text);
      expect(page).toContain('Đã nạp danh mục đơn vị hành chính: 2 tỉnh, thành phố; 3 xã, phường, đặc khu.');
      expect(page).toContain('2 tỉnh, thành phố; 3 xã, phường, đặc khu.');
      expect(page).toContain('Xã 2');
      expect(page).toContain('từ tệp danh-muc.tsv');
      expect(page).toContain('Nguồn: https://danhmuchanhchinh.nso.gov.vn/ (trích cho phép thử)');
      expect(page).toContain('ngày của danh mục: 2025-07-01');

      // A bad file later leaves the list in force as it was.
      expect((await upload(asAdmin, BAD)).status).toBe(400);
      expect(await loadedCount()).toBe(5);
      expect(await db().query("SELECT name FROM admin_units WHERE code = '30112'")).toEqual([{ name: 'Xã Mỹ Hiệp' }]);
    });

    it('refuses anyone but an administrator, the page and the upload alike', async () => {
      expect((await asStaff.get('/quan-tri/dia-ban')).status).toBe(403);
      const before = await loadedCount();
      const refused = await upload(asStaff, '83\tprovince\tTỉnh Lạ\t');
      expect(refused.status).toBe(403);
      expect(await loadedCount()).toBe(before);
      expect(await db().query("SELECT code FROM admin_units WHERE code = '83'")).toEqual([]);
    });
  });
});
