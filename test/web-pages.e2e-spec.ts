import { DataSource } from 'typeorm';
import { createUnit } from './support/actors';
import { approvedFile, cast, Cast } from './support/workflow';
import { addDays } from '../src/modules/disbursements/contracts.service';
import { startTestApp, TestApp } from './support/test-app';
import { postMoney } from './support/budget';
import { csrfOf, hiddenValue, PageClient, PASSWORD, webUser } from './web-support';
import { attachRequiredDocuments } from './support/files';

describe('web pages (server-rendered, through supertest)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('sends a visitor without a session to the login page, and back after signing in', async () => {
    const res = await t.http.get('/ho-so?trang-thai=draft').redirects(0);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/dang-nhap?tiep=%2Fho-so%3Ftrang-thai%3Ddraft');

    const producer = await webUser(t, ['applicant']);
    const browser = new PageClient(t);
    const page = await browser.get('/dang-nhap?tiep=%2Fho-so%3Ftrang-thai%3Ddraft');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Đăng nhập');
    const login = await browser.post('/dang-nhap', { email: producer.email, password: PASSWORD, tiep: '/ho-so?trang-thai=draft' }, { csrf: csrfOf(page.text) });
    expect(login.status).toBe(303);
    expect(login.headers.location).toBe('/ho-so?trang-thai=draft');
    expect((await browser.get('/ho-so?trang-thai=draft')).status).toBe(200);
  });

  it('never redirects off the site after login', async () => {
    const producer = await webUser(t, ['applicant']);
    for (const next of ['//evil.example/x', 'https://evil.example', '/\\evil.example', '/api/v1/me']) {
      const browser = new PageClient(t);
      const res = await browser.post('/dang-nhap', { email: producer.email, password: PASSWORD, tiep: next }, { from: '/dang-nhap' });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/');
    }
  });

  it('sets the session cookie HttpOnly, Secure, SameSite=Lax, host-only, and clears it at logout', async () => {
    const producer = await webUser(t, ['applicant']);
    const browser = new PageClient(t);
    const login = await browser.login(producer.email);
    const cookie = (login.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('__Host-kc_sid='))!;
    expect(cookie).toMatch(/^__Host-kc_sid=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; Secure; SameSite=Lax; Max-Age=43200$/);
    const token = cookie.split(';')[0].split('=')[1];
    // Only a hash of the token is stored.
    const rows = await t.app.get(DataSource).query('SELECT id FROM web_sessions WHERE user_id = ?', [producer.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].id).not.toContain(token);

    const home = await browser.get('/');
    const logout = await browser.post('/dang-xuat', {}, { csrf: csrfOf(home.text) });
    expect(logout.status).toBe(303);
    expect((logout.headers['set-cookie'] as unknown as string[]).some((c) => /^__Host-kc_sid=; .*Max-Age=0/.test(c))).toBe(true);
    expect(await t.app.get(DataSource).query('SELECT id FROM web_sessions WHERE user_id = ?', [producer.id])).toHaveLength(0);
    // The old cookie is worth nothing now.
    const again = await t.http.get('/').set('Cookie', `__Host-kc_sid=${token}`).redirects(0);
    expect(again.status).toBe(303);
  });

  it('says a wrong password is wrong, with 401 and no session', async () => {
    const producer = await webUser(t, ['applicant']);
    const browser = new PageClient(t);
    const res = await browser.post('/dang-nhap', { email: producer.email, password: 'sai-mat-khau-123' }, { from: '/dang-nhap' });
    expect(res.status).toBe(401);
    expect(res.text).toContain('Sai email hoặc mật khẩu');
    expect(browser.cookies.has('__Host-kc_sid')).toBe(false);
  });

  it('refuses a form without the CSRF token, or with another session\'s token, and changes nothing', async () => {
    const producer = await webUser(t, ['applicant']);
    const browser = new PageClient(t);
    await browser.login(producer.email);
    const fields = {
      name: 'Cơ sở thử CSRF',
      kind: 'household_business',
      taxCode: `${Date.now()}`.slice(-10),
      communeCode: '29263',
      address: 'Ấp 1',
      representative: 'Nguyễn Văn A',
      phone: '0912345678',
      employees: '3',
    };
    const missing = await browser.post('/co-so/moi', fields, { csrf: null });
    expect(missing.status).toBe(403);
    expect(missing.text).toContain('Biểu mẫu không hợp lệ');

    const other = new PageClient(t);
    await other.login((await webUser(t, ['applicant'])).email);
    const foreign = csrfOf((await other.get('/co-so/moi')).text);
    expect((await browser.post('/co-so/moi', fields, { csrf: foreign })).status).toBe(403);

    // Another site's form, even with a token.
    const crossSite = await t.http
      .post('/co-so/moi')
      .set('Cookie', browser.cookieHeader)
      .set('Sec-Fetch-Site', 'cross-site')
      .type('form')
      .send({ ...fields, _csrf: csrfOf((await browser.get('/co-so/moi')).text) })
      .redirects(0);
    expect(crossSite.status).toBe(403);
    expect(await t.app.get(DataSource).query('SELECT id FROM establishments WHERE tax_code = ?', [fields.taxCode])).toHaveLength(0);

    // The login form is protected too (the anonymous visitor's token).
    const anonymous = await t.http.post('/dang-nhap').type('form').send({ email: producer.email, password: PASSWORD }).redirects(0);
    expect(anonymous.status).toBe(403);

    const ok = await browser.post('/co-so/moi', fields, { from: '/co-so/moi' });
    expect(ok.status).toBe(303);
    expect(await t.app.get(DataSource).query('SELECT id FROM establishments WHERE tax_code = ?', [fields.taxCode])).toHaveLength(1);
  });

  it('shows the API validation messages beside the fields, the values kept, with 400', async () => {
    const producer = await webUser(t, ['applicant']);
    const browser = new PageClient(t);
    await browser.login(producer.email);
    const res = await browser.post(
      '/co-so/moi',
      { name: 'Cơ sở <b>thử</b>', kind: 'enterprise', taxCode: '12345', communeCode: '29263', address: 'Ấp 2', representative: 'B', phone: '0912345678', employees: 'mười' },
      { from: '/co-so/moi' },
    );
    expect(res.status).toBe(400);
    expect(res.text).toContain('mã số thuế phải gồm 10 chữ số, hoặc 10 chữ số-3 chữ số (chi nhánh)');
    // The API answers the same input with the same messages, naming the same fields.
    const api = await t.http
      .post('/api/v1/establishments')
      .set(producer.auth)
      .send({ name: 'x', kind: 'enterprise', taxCode: '12345', communeCode: '29263', address: 'Ấp 2', representative: 'B', phone: '0912345678', employees: 'mười' })
      .expect(400);
    expect(api.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['employees', 'taxCode']);
    for (const error of api.body.errors) expect(res.text).toContain(`<p class="error" id="f-${error.field}-error">${error.message}</p>`);
    // What was typed comes back, escaped.
    expect(res.text).toContain('value="Cơ sở &lt;b&gt;thử&lt;/b&gt;"');
    expect(res.text).not.toContain('<b>thử</b>');
  });

  it('hides another producer\'s file: 404 for its page, its documents and its steps', async () => {
    const c: Cast = await cast(t, 2041);
    const fileId = await approvedFile(t, c);
    const stranger = await webUser(t, ['applicant']);
    const browser = new PageClient(t);
    await browser.login(stranger.email);
    const page = await browser.get(`/ho-so/${fileId}`);
    expect(page.status).toBe(404);
    expect(page.text).toContain('không tồn tại, hoặc bạn không có quyền xem');
    expect((await browser.get(`/ho-so/${fileId}/quyet-toan`)).status).toBe(404);
    expect((await browser.get('/ho-so/khong-phai-ma')).status).toBe(404);
    const csrf = csrfOf((await browser.get('/')).text);
    expect((await browser.post(`/ho-so/${fileId}/rut`, {}, { csrf })).status).toBe(404);
    // The owner sees it (signing in with a real password).
    await t.app.get(DataSource).query('UPDATE users SET password_hash = (SELECT password_hash FROM (SELECT password_hash FROM users WHERE id = ?) p) WHERE id = ?', [stranger.id, c.applicant.id]);
    const owner = new PageClient(t);
    await owner.login(c.applicant.email);
    const own = await owner.get(`/ho-so/${fileId}`);
    expect(own.status).toBe(200);
    expect(own.text).toContain('Ứng dụng máy sấy lúa tiên tiến');
    expect(own.text).toContain('300.000.000 ₫');
  });

  it('does not show a producer the staff pages, nor staff links they may not use', async () => {
    const producer = await webUser(t, ['applicant']);
    const browser = new PageClient(t);
    await browser.login(producer.email);
    for (const path of ['/ngan-sach', '/giai-ngan', '/quyet-toan', '/thu-hoi', '/doi-chieu', '/bao-cao', '/uy-quyen', '/ngan-sach/du-toan']) {
      expect({ path, status: (await browser.get(path)).status }).toEqual({ path, status: 403 });
    }
    const home = await browser.get('/');
    expect(home.text).not.toContain('href="/ngan-sach"');
    expect(home.text).toContain('href="/co-so"');

    const officer = await webUser(t, ['officer'], (await createUnit(t)).id);
    const staff = new PageClient(t);
    await staff.login(officer.email);
    const queue = await staff.get('/');
    expect(queue.status).toBe(200);
    expect(queue.text).toContain('Hồ sơ được giao cho tôi thẩm định');
    expect(queue.text).not.toContain('href="/ngan-sach"');
    expect((await staff.get('/ngan-sach/du-toan')).status).toBe(403);
  });

  it('moves money once for a form sent twice (appropriation), and shows the refusal of a bad amount', async () => {
    const finance = await webUser(t, ['finance']);
    const browser = new PageClient(t);
    await browser.login(finance.email);
    const fundCode = `WEB${Date.now().toString(36)}`.toUpperCase().slice(0, 16);
    expect((await browser.post('/ngan-sach/nguon-kinh-phi', { code: fundCode, name: 'Quỹ thử trang web', source: 'local', currency: 'VND' })).status).toBe(303);
    await browser.post('/ngan-sach/nam', { year: '2042' }, { from: '/ngan-sach' });

    const form = await browser.get('/ngan-sach/du-toan');
    const key = hiddenValue(form.text, 'idempotencyKey');
    const fields = { idempotencyKey: key, fundCode, fiscalYear: '2042', amount: '1.250.000.000', decisionNo: '12/QĐ-UBND', decisionDate: '2042-01-15' };
    const first = await browser.post('/ngan-sach/du-toan', fields, { csrf: csrfOf(form.text) });
    expect(first.status).toBe(303);
    const second = await browser.post('/ngan-sach/du-toan', fields, { csrf: csrfOf(form.text) });
    expect(second.status).toBe(303);
    const after = await browser.get(second.headers.location);
    expect(after.text).toContain('Biểu mẫu này đã được gửi trước đó; hệ thống không ghi nhận lần nữa.');
    expect(after.text).toContain('1.250.000.000 ₫');
    const rows = await t.app.get(DataSource).query(
      'SELECT COUNT(*) AS n, SUM(a.amount) AS total FROM appropriations a JOIN funds f ON f.id = a.fund_id WHERE f.code = ?',
      [fundCode],
    );
    expect(Number(rows[0].n)).toBe(1);
    expect(rows[0].total).toBe('1250000000.00');

    const bad = await browser.post('/ngan-sach/du-toan', { ...fields, idempotencyKey: `${key}-2`, amount: '1.000,5' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('phải là số thập phân không dấu, không có dấu phân cách hàng nghìn và không dùng số mũ');
    const missingKey = await browser.post('/ngan-sach/du-toan', { ...fields, idempotencyKey: '' });
    expect(missingKey.status).toBe(400);
    expect(missingKey.text).toContain('biểu mẫu thiếu mã chống gửi trùng');
  });

  /** A file of the cast walked to `under_review`, assigned to `officerId` with a due date. */
  async function fileInReview(c: Cast, officerId: string, dueDate: string): Promise<string> {
    const api = (path: string) => `/api/v1${path}`;
    const establishment = await t.http
      .post(api('/establishments'))
      .set(c.applicant.auth)
      .send({ name: 'Cơ sở dệt Tân Phú', kind: 'household_business', taxCode: `${Date.now()}`.slice(-10), communeCode: '29263', address: 'Ấp Tân Phú', representative: 'Lê Thị Hoa', phone: '0912345678', employees: 6 })
      .expect(201);
    const created = await t.http
      .post(api('/applications'))
      .set(c.applicant.auth)
      .send({
        establishmentId: establishment.body.id,
        activityTypeCode: 'machinery',
        fiscalYear: c.year,
        fundCode: c.fundCode,
        title: `Máy dệt chiếu ${Date.now().toString(36)}`,
        communeCode: '29263',
        startDate: `${c.year}-03-01`,
        endDate: `${c.year}-09-30`,
        costLines: [{ description: 'Máy dệt', quantity: '2', unitPrice: '150000000', eligible: true }],
        requestedSupport: '150000000',
      })
      .expect(201);
    await attachRequiredDocuments(t, c.applicant.auth, created.body.id);
    await t.http.post(api(`/applications/${created.body.id}/submit`)).set(c.applicant.auth).expect(200);
    await t.http.post(api(`/applications/${created.body.id}/assign`)).set(c.head.auth).send({ officerId, leadUnitId: c.centre.id, dueDate }).expect(200);
    return created.body.id;
  }

  it('answers a consultation from the consulted unit\'s queue, and marks files past their due date', async () => {
    const c = await cast(t, 2043);
    const today = t.clock.today();
    const officer = await webUser(t, ['officer'], c.centre.id);
    const fileId = await fileInReview(c, officer.id, addDays(today, 1));
    const consulted = await createUnit(t, 'division', 'Phòng Quản lý Công nghiệp (thử)');
    const answering = await webUser(t, ['officer'], consulted.id);

    const staff = new PageClient(t);
    await staff.login(officer.email);
    const file = await staff.get(`/ho-so/${fileId}`);
    expect(file.text).toContain('action="/ho-so/' + fileId + '/xin-y-kien"');
    const asked = await staff.post(`/ho-so/${fileId}/xin-y-kien`, { unitId: consulted.id, question: 'Đề nghị cho ý kiến về công suất máy dệt', dueDate: addDays(today, 5) }, { csrf: csrfOf(file.text) });
    expect(asked.status).toBe(303);

    const other = new PageClient(t);
    await other.login(answering.email);
    const queue = await other.get('/');
    expect(queue.text).toContain('Đề nghị cho ý kiến về công suất máy dệt');
    const page = await other.get(`/ho-so/${fileId}`);
    const consultationId = /action="\/y-kien\/([0-9A-Z]{26})\/tra-loi"/.exec(page.text)![1];
    const answered = await other.post(`/y-kien/${consultationId}/tra-loi`, { opinion: 'disagree', comment: 'Công suất chưa phù hợp' }, { csrf: csrfOf(page.text) });
    expect(answered.status).toBe(303);
    expect(answered.headers.location).toBe(`/ho-so/${fileId}#y-kien`);
    const after = await other.get(`/ho-so/${fileId}`);
    expect(after.text).toContain('Đã gửi ý kiến của đơn vị.');
    expect(after.text).toContain('Không đồng ý');
    expect(after.text).not.toContain(`action="/y-kien/${consultationId}/tra-loi"`);
    // Answering twice is the API's refusal, on the page.
    const again = await other.post(`/y-kien/${consultationId}/tra-loi`, { opinion: 'agree' }, { csrf: csrfOf(after.text) });
    expect(again.status).toBe(409);
    expect(again.text).toContain('Đơn vị đã trả lời yêu cầu xin ý kiến này.');

    // Three days on, the file is past its due date: first in the officer's queue, in red.
    const start = t.clock.now();
    t.clock.advanceDays(3);
    try {
      const late = new PageClient(t);
      await late.login(officer.email);
      const overdue = await late.get('/');
      expect(overdue.text).toMatch(new RegExp(`<li class="overdue">\\s*<a href="/ho-so/${fileId}">`));
      const list = await late.get('/ho-so?qua-han=1');
      expect(list.text).toContain(`href="/ho-so/${fileId}"`);
      expect(list.text).toContain('quá hạn');
    } finally {
      t.clock.set(start);
    }
  });

  it('lets a leader delegate through the page; the delegate decides on the leader\'s behalf', async () => {
    const c = await cast(t, 2044);
    const today = t.clock.today();
    const leader = await webUser(t, ['leader'], null, 'Phạm Minh Đức');
    const delegate = await webUser(t, ['head'], c.centre.id, 'Phó phòng Được Ủy Quyền');
    const fileId = await fileInReview(c, c.officer.id, addDays(today, 10));
    await t.http.post(`/api/v1/applications/${fileId}/appraisals`).set(c.officer.auth).send({ score: 80, recommendation: 'approve' }).expect(201);
    await t.http.post(`/api/v1/applications/${fileId}/recommend`).set(c.officer.auth).send({ approvedSupport: '150000000', allocationUnitId: c.centre.id }).expect(200);
    await t.http.post(`/api/v1/applications/${fileId}/initial`).set(c.head.auth).send({}).expect(200);

    const boss = new PageClient(t);
    await boss.login(leader.email);
    const form = await boss.get('/uy-quyen');
    expect(form.text).toContain(`<option value="${delegate.id}">Phó phòng Được Ủy Quyền</option>`);
    const bad = await boss.post('/uy-quyen', { toUserId: delegate.id, validFrom: today, validTo: addDays(today, -1), reason: 'Công tác' }, { csrf: csrfOf(form.text) });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('không được trước ngày bắt đầu ủy quyền');
    const created = await boss.post('/uy-quyen', { toUserId: delegate.id, validFrom: today, validTo: addDays(today, 7), maxAmount: '200.000.000', reason: 'Giám đốc đi công tác' }, { csrf: csrfOf(form.text) });
    expect(created.status).toBe(303);

    const deputy = new PageClient(t);
    await deputy.login(delegate.email);
    const queue = await deputy.get('/');
    expect(queue.text).toContain('Hồ sơ chờ quyết định (theo ủy quyền)');
    const file = await deputy.get(`/ho-so/${fileId}`);
    expect(file.text).toContain(`action="/ho-so/${fileId}/quyet-dinh"`);
    const decided = await deputy.post(`/ho-so/${fileId}/quyet-dinh`, { decision: 'approve', decisionNo: '77/QĐ-SCT', reason: 'Đồng ý' }, { csrf: csrfOf(file.text) });
    expect(decided.status).toBe(303);
    const done = await deputy.get(`/ho-so/${fileId}`);
    expect(done.text).toContain('Đã phê duyệt hỗ trợ 150.000.000 ₫ (Quyết định số 77/QĐ-SCT).');
    expect(done.text).toContain('thay mặt Phạm Minh Đức');

    // The file records the decision as taken under the delegation.
    expect((await t.http.get(`/api/v1/applications/${fileId}`).set(c.applicant.auth)).body.decisionCapacity).toBe('delegated');
  });

  it('splits an allocation by weights through the form, errors beside the right unit', async () => {
    const c = await cast(t, 2045);
    const finance = await webUser(t, ['finance']);
    const [east, west] = [await createUnit(t, 'commune', 'Xã Đông (thử)'), await createUnit(t, 'commune', 'Xã Tây (thử)')];
    const browser = new PageClient(t);
    await browser.login(finance.email);
    const form = await browser.get('/ngan-sach/chia');
    // Every active unit is a row; the two communes get weights, the rest stay blank.
    const rows = [...form.text.matchAll(/name="shares\[(\d+)\]\.unitId" value="([0-9A-Z]{26})"/g)].map((m) => ({ index: m[1], unitId: m[2] }));
    const row = (unitId: string) => rows.find((r) => r.unitId === unitId)!.index;
    const fields = {
      idempotencyKey: hiddenValue(form.text, 'idempotencyKey'),
      fundCode: c.fundCode,
      fiscalYear: String(c.year),
      amount: '100',
      [`shares[${row(east.id)}].unitId`]: east.id,
      [`shares[${row(east.id)}].weight`]: '1',
      [`shares[${row(west.id)}].unitId`]: west.id,
      [`shares[${row(west.id)}].weight`]: 'hai',
    };
    const refused = await browser.post('/ngan-sach/chia', fields, { csrf: csrfOf(form.text) });
    expect(refused.status).toBe(400);
    // The API names shares[1] with its message; the page puts it on the west commune's own row.
    const api = await postMoney(t, c.finance, '/allocations/split', { fundCode: c.fundCode, fiscalYear: c.year, amount: '100', shares: [{ unitId: east.id, weight: 1 }, { unitId: west.id, weight: 'hai' }] }).expect(400);
    expect(api.body.errors).toEqual([{ field: 'shares[1].weight', message: expect.any(String) }]);
    expect(refused.text).toContain(`<p class="error" id="f-shares-${row(west.id)}-weight-error">${api.body.errors[0].message}</p>`);
    const done = await browser.post('/ngan-sach/chia', { ...fields, [`shares[${row(west.id)}].weight`]: '2' }, { csrf: csrfOf(form.text) });
    expect(done.status).toBe(303);
    const summary = await browser.get(done.headers.location);
    expect(summary.text).toContain('Đã phân bổ 100 ₫ cho 2 đơn vị theo trọng số.');
    const figures = await t.http.get('/api/v1/budget/summary').query({ fiscalYear: c.year, fundCode: c.fundCode }).set(c.finance.auth).expect(200);
    const allocated = (id: string) => figures.body.funds[0].units.find((u: { unitId: string }) => u.unitId === id).allocated;
    expect([allocated(east.id), allocated(west.id)]).toEqual(['33', '67']); // 33,33 and 66,67: the larger remainder gets the đồng
  });

  it('records a recovery through the form once for a form sent twice', async () => {
    // Late in 2048: the contract, payment and acceptance below have happened by then.
    const start = t.clock.now();
    t.clock.set('2048-11-02T02:00:00Z');
    try {
      await recoveryThroughTheForm();
    } finally {
      t.clock.set(start);
    }
  });

  async function recoveryThroughTheForm() {
    const c = await cast(t, 2048);
    const api = (path: string) => `/api/v1${path}`;
    const id = await approvedFile(t, c);
    await t.http.post(api(`/applications/${id}/contract`)).set(c.officer.auth).send({ contractNo: `HĐ-${id}`, signedDate: '2048-03-10' }).expect(200);
    const advance = await postMoney(t, c.officer, '/disbursements', { applicationId: id, kind: 'advance', amount: '210000000' }).expect(201);
    await t.http.post(api(`/disbursements/${advance.body.id}/approve`)).set(c.finance.auth).expect(200);
    await postMoney(t, c.finance2, `/disbursements/${advance.body.id}/pay`, { treasuryRef: `KB-${id.slice(-10)}`, valueDate: '2048-04-01' }).expect(200);
    await t.http.post(api(`/applications/${id}/acceptance`)).set(c.officer.auth).send({ result: 'passed', date: '2048-10-15', minutesNo: 'BB-01' }).expect(200);
    const filed = await t.http
      .post(api(`/applications/${id}/settlement`))
      .set(c.applicant.auth)
      .send({ actualCostLines: [{ description: 'Máy sấy', amount: '300000000', eligible: true, documentRef: 'HĐ GTGT 0002' }] })
      .expect(201);
    await t.http.post(api(`/settlements/${filed.body.id}/approve`)).set(c.finance.auth).send({}).expect(200);
    const approved = await t.http.post(api(`/settlements/${filed.body.id}/approve`)).set(c.leader.auth).send({}).expect(200);
    const recoveryId = approved.body.recoveryId;

    const finance = await webUser(t, ['finance']);
    const browser = new PageClient(t);
    await browser.login(finance.email);
    const page = await browser.get('/thu-hoi');
    expect(page.text).toContain(`id="thu-${recoveryId}"`);
    const card = page.text.slice(page.text.indexOf(`id="thu-${recoveryId}"`));
    expect(card).toContain('60.000.000 ₫');
    const fields = { idempotencyKey: hiddenValue(card, 'idempotencyKey'), amount: '20.000.000', treasuryRef: `KB-THU-${id.slice(-8)}`, valueDate: t.clock.today() };
    const first = await browser.post(`/thu-hoi/${recoveryId}/nhan`, fields, { csrf: csrfOf(page.text) });
    const second = await browser.post(`/thu-hoi/${recoveryId}/nhan`, fields, { csrf: csrfOf(page.text) });
    expect([first.status, second.status]).toEqual([303, 303]);
    const recovery = await t.http.get(api(`/recoveries/${recoveryId}`)).set(c.finance.auth).expect(200);
    expect(recovery.body).toMatchObject({ received: '20000000', outstanding: '40000000', status: 'open' });
    const over = await browser.get('/thu-hoi');
    const overCard = over.text.slice(over.text.indexOf(`id="thu-${recoveryId}"`));
    const tooMuch = await browser.post(`/thu-hoi/${recoveryId}/nhan`, { ...fields, idempotencyKey: hiddenValue(overCard, 'idempotencyKey'), amount: '40000001', treasuryRef: `KB-THU2-${id.slice(-8)}` }, { csrf: csrfOf(over.text) });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.text).toContain('Số tiền thu vượt quá số còn phải thu hồi 40.000.000 ₫.');
  }

  it('lets the API read with the session cookie (GET only), never change anything', async () => {
    const producer = await webUser(t, ['applicant']);
    const browser = new PageClient(t);
    await browser.login(producer.email);
    const me = await t.http.get('/api/v1/me').set('Cookie', browser.cookieHeader);
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(producer.id);
    const write = await t.http.post('/api/v1/establishments').set('Cookie', browser.cookieHeader).send({});
    expect(write.status).toBe(401);
    expect((await t.http.get('/api/v1/me')).status).toBe(401);
  });
});
