import { DataSource } from 'typeorm';
import { createActor, createUnit } from './support/actors';
import { fundWithBudget, postMoney } from './support/budget';
import { registerEstablishment } from './support/files';
import { startTestApp, TestApp } from './support/test-app';
import { csrfOf, hiddenValue, PageClient, PASSWORD, webUser } from './web-support';

/** Unescapes what nunjucks escaped in an attribute. */
const unescape = (html: string) => html.replace(/&#92;/g, '\\').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The message shown beside a field of a refused form. */
function fieldMessage(html: string, field: string): string | null {
  const id = `f-${field.replace(/[^A-Za-z0-9]+/g, '-')}-error`;
  const match = new RegExp(`<p class="error" id="${id}">([^<]*)</p>`).exec(html);
  return match ? unescape(match[1]) : null;
}

/** Whom people ask for a new password, as the province configures it. */
const SUPPORT_CONTACT = 'Văn phòng Sở Công Thương Đồng Tháp, điện thoại 0277 3851 234, email vanphong.sct@dongthap.gov.vn';

describe('pages: messages that say what to do, and work kept across a sign-in', () => {
  let t: TestApp;
  const year = new Date().getUTCFullYear();

  beforeAll(async () => {
    t = await startTestApp({ SUPPORT_CONTACT: SUPPORT_CONTACT });
    // A fund open and allocated this year: the producer's form offers only such funds.
    const finance = await createActor(t, ['finance']);
    const { fundCode } = await fundWithBudget(t, finance, { year, appropriated: '1000000000' });
    await postMoney(t, finance, '/allocations', { fundCode, fiscalYear: year, unitId: (await createUnit(t)).id, amount: '500000000', decisionNo: `PB-${fundCode}` }).expect(201);
  });
  afterAll(async () => {
    await t.close();
  });

  /** Ends every page session of a user, as the idle timeout or a password change elsewhere does. */
  const endSessions = (userId: string) => t.app.get(DataSource).query('UPDATE web_sessions SET expires_at = NOW(3) - INTERVAL 1 MINUTE WHERE user_id = ?', [userId]);

  it('shows a report period that ends before it starts as the report page with the message, never JSON', async () => {
    const finance = await webUser(t, ['finance']);
    const browser = new PageClient(t);
    await browser.login(finance.email);
    const page = await browser.get('/bao-cao');
    expect(page.text).toContain('action="/bao-cao/theo-ky"');
    expect(page.text).not.toContain('action="/api/v1/reports/period"');

    const refused = await browser.get(`/bao-cao/theo-ky?from=${year}-05-01&to=${year}-04-01&format=pdf`);
    expect(refused.status).toBe(400);
    expect(refused.headers['content-type']).toMatch(/text\/html/);
    expect(fieldMessage(refused.text, 'to')).toBe('phải từ ngày đầu kỳ trở về sau');
    // What was asked stays in the form.
    expect(refused.text).toContain(`value="${year}-05-01"`);
    expect(refused.text).toMatch(/<option value="pdf" selected>/);

    const csv = await browser.get(`/bao-cao/theo-ky?from=${year}-01-01&to=${year}-01-31&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename=".+\.csv"/);

    // A role the period report does not serve is refused as a page too.
    const head = await webUser(t, ['head']);
    const other = new PageClient(t);
    await other.login(head.email);
    const forbidden = await other.get(`/bao-cao/theo-ky?from=${year}-01-01&to=${year}-01-31`);
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers['content-type']).toMatch(/text\/html/);
  });

  it('answers a download linked from a page (under /api/v1, opened with the session cookie) with an error page, never raw JSON', async () => {
    const finance = await webUser(t, ['finance'], null, 'Hoàng Thị Thu Hà');
    const browser = new PageClient(t);
    await browser.login(finance.email);
    const open = (path: string, headers: Record<string, string> = {}) =>
      t.http.get(path).set({ Cookie: browser.cookieHeader, Accept: 'text/html,application/xhtml+xml,*/*;q=0.8', ...headers }).redirects(0);
    const asPage = (res: { status: number; headers: Record<string, string>; text: string }) => {
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.text).not.toMatch(/"type"\s*:|problem\+json/);
      expect(res.text).toContain('href="/"');
      return res.text;
    };

    // The period report for a period that ends before it starts: 400, told in Vietnamese on a page with the menu.
    const period = await open(`/api/v1/reports/period?from=${year}-05-01&to=${year}-04-01&format=pdf`);
    expect(period.status).toBe(400);
    const periodPage = asPage(period);
    expect(periodPage).toContain('<h1>');
    expect(periodPage).toContain('Hoàng Thị Thu Hà');
    // A statement PDF of a settlement that does not exist: 404 as a page.
    const statement = await open('/api/v1/settlements/01JZZZZZZZZZZZZZZZZZZZZZZZ/statement.pdf');
    expect(statement.status).toBe(404);
    expect(asPage(statement)).toContain('không tồn tại, hoặc bạn không có quyền xem');
    // A report the role does not read (a producer on the annual review): 403 as a page.
    const producer = await webUser(t, ['applicant']);
    const theirs = new PageClient(t);
    await theirs.login(producer.email);
    const annual = await t.http.get(`/api/v1/reports/annual/${year}?format=pdf`).set({ Cookie: theirs.cookieHeader, Accept: 'text/html' }).redirects(0);
    expect(annual.status).toBe(403);
    asPage(annual);

    // A program's call (a Bearer token) and a script's fetch (no HTML asked) keep problem+json.
    const token = await t.http.get(`/api/v1/reports/period?from=${year}-05-01&to=${year}-04-01`).set({ Authorization: `Bearer ${finance.token}`, Accept: 'text/html' });
    expect(token.status).toBe(400);
    expect(token.headers['content-type']).toMatch(/application\/problem\+json/);
    const fetched = await open(`/api/v1/reports/period?from=${year}-05-01&to=${year}-04-01`, { Accept: 'application/json' });
    expect(fetched.status).toBe(400);
    expect(fetched.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('answers what fails before a page runs (a form over the size limit) with a page too; the API keeps its JSON', async () => {
    const huge = `name=${'x'.repeat(1_100_000)}`;
    const page = await t.http.post('/co-so/moi').type('form').set('Accept', 'text/html,application/xhtml+xml').send(huge).redirects(0);
    expect(page.status).toBe(413);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('<h1>Dữ liệu gửi lên quá lớn</h1>');
    const api = await t.http.post('/api/v1/establishments').type('form').set('Accept', 'text/html').send(huge);
    expect(api.status).toBe(413);
    expect(api.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('names every problem of a form on the first submit, with the limit or the expected form', async () => {
    const producer = await webUser(t, ['applicant']);
    const browser = new PageClient(t);
    await browser.login(producer.email);
    const title = 'Đ'.repeat(501);
    const res = await browser.post(
      '/ho-so/moi',
      {
        establishmentId: '01ARZ3NDEKTSV4RRFFQ69G5FAV',
        activityTypeCode: 'machinery',
        fiscalYear: String(year),
        fundCode: 'KCDP',
        title,
        startDate: `${year}-09-01`,
        endDate: `${year}-08-01`,
        requestedSupport: '-500.000.000',
      },
      { from: '/ho-so' },
    );
    expect(res.status).toBe(400);
    expect(fieldMessage(res.text, 'title')).toBe('dài tối đa 500 ký tự (đang có 501 ký tự)');
    expect(fieldMessage(res.text, 'endDate')).toBe('không được trước ngày bắt đầu');
    expect(fieldMessage(res.text, 'requestedSupport')).toBe('không được âm');

    for (const [typed, message] of [
      ['12 người', 'chỉ nhập số nguyên từ 0 đến 1.000.000'],
      ['85,5', 'chỉ nhập số nguyên từ 0 đến 1.000.000'],
      ['2000000', 'không được lớn hơn 1.000.000'],
    ]) {
      const refused = await browser.post(
        '/co-so/moi',
        { name: 'HTX Thử', kind: 'cooperative', taxCode: '0312345678', communeCode: '29263', address: 'Ấp 1', representative: 'Nguyễn Văn An', phone: '0912345678', employees: typed },
        { from: '/co-so/moi' },
      );
      expect(refused.status).toBe(400);
      expect(fieldMessage(refused.text, 'employees')).toBe(message);
    }
  });

  it('heads a wrong password as such, not as "not signed in"', async () => {
    const producer = await webUser(t, ['applicant']);
    const browser = new PageClient(t);
    const res = await browser.post('/dang-nhap', { email: producer.email, password: 'sai-mat-khau-123' }, { from: '/dang-nhap' });
    expect(res.status).toBe(401);
    expect(res.text).toContain('<title>Sai email hoặc mật khẩu — KCFund</title>');
    expect(res.text).toContain('<strong>Sai email hoặc mật khẩu</strong>');
    expect(res.text).not.toContain('Chưa đăng nhập');
    expect(res.text).toContain(`value="${producer.email}"`);
  });

  it('leads a GET of an address only a form posts to to the page that holds the form', async () => {
    const finance = await webUser(t, ['finance']);
    const browser = new PageClient(t);
    await browser.login(finance.email);
    // A refused form leaves its address in the address bar…
    const refused = await browser.post('/ngan-sach/nam', { fiscalYear: 'abc' }, { from: '/ngan-sach' });
    expect(refused.status).toBe(400);
    // …and opening that address again shows the form's page (the year form has a page of its own).
    const again = await browser.get('/ngan-sach/nam');
    expect(again.status).toBe(200);
    expect(again.text).toContain('action="/ngan-sach/nam"');

    for (const [address, page] of [
      ['/ho-so/01ARZ3NDEKTSV4RRFFQ69G5FAV/tham-dinh', '/ho-so/01ARZ3NDEKTSV4RRFFQ69G5FAV'],
      ['/ngan-sach/dao-but-toan/01ARZ3NDEKTSV4RRFFQ69G5FAV/duyet', '/ngan-sach/dao-but-toan'],
      ['/giai-ngan/01ARZ3NDEKTSV4RRFFQ69G5FAV/chi', '/giai-ngan'],
      ['/quyet-toan/01ARZ3NDEKTSV4RRFFQ69G5FAV/duyet', '/quyet-toan/01ARZ3NDEKTSV4RRFFQ69G5FAV'],
      ['/dang-xuat', '/'],
    ]) {
      const res = await t.http.get(address).set('Accept', 'text/html').redirects(0);
      expect([address, res.status, res.headers.location]).toEqual([address, 303, page]);
    }
    // An address nothing serves is still "not found".
    const unknown = await t.http.get('/ho-so/01ARZ3NDEKTSV4RRFFQ69G5FAV/khong-co').set('Accept', 'text/html').redirects(0);
    expect(unknown.status).toBe(404);
  });

  it('keeps a form sent after the session ended: the login page, then the form again with what was typed', async () => {
    const producer = await webUser(t, ['applicant']);
    const browser = new PageClient(t);
    await browser.login(producer.email);
    const form = await browser.get('/co-so/moi');
    expect(form.status).toBe(200);
    await endSessions(producer.id);

    const typed = { name: 'HTX Mây tre đan "Phú Thành" & Cộng sự', kind: 'cooperative', taxCode: '0312345679', communeCode: '29263', address: 'Ấp Phú Thành', representative: 'Lê Thị Hoa', phone: '0912345678', employees: '25' };
    const lost = await browser.post('/co-so/moi', { ...typed, password: 'khong-giu-cai-nay' }, { csrf: csrfOf(form.text) });
    expect(lost.status).toBe(401);
    expect(lost.text).toContain('Phiên đăng nhập đã kết thúc');
    expect(hiddenValue(lost.text, 'tiep')).toBe('/co-so/moi');
    const kept = JSON.parse(unescape(hiddenValue(lost.text, 'giu')));
    expect(kept).toEqual(typed);
    expect(lost.text).not.toContain('khong-giu-cai-nay');
    expect(lost.text).not.toContain(csrfOf(form.text));

    // A wrong password keeps it too.
    const wrong = await browser.post('/dang-nhap', { email: producer.email, password: 'sai-mat-khau-123', tiep: '/co-so/moi', giu: JSON.stringify(kept) }, { csrf: csrfOf(lost.text) });
    expect(wrong.status).toBe(401);
    expect(JSON.parse(unescape(hiddenValue(wrong.text, 'giu')))).toEqual(typed);

    const login = await browser.post('/dang-nhap', { email: producer.email, password: PASSWORD, tiep: '/co-so/moi', giu: unescape(hiddenValue(wrong.text, 'giu')) }, { csrf: csrfOf(wrong.text) });
    expect(login.status).toBe(303);
    expect(login.headers.location).toBe('/co-so/moi');
    const back = await browser.get('/co-so/moi');
    expect(back.status).toBe(200);
    expect(back.text).toContain('Nội dung bạn đã nhập được điền lại vào biểu mẫu');
    expect(back.text).toContain('value="HTX Mây tre đan &quot;Phú Thành&quot; &amp; Cộng sự"');
    expect(back.text).toContain('value="Lê Thị Hoa"');
    expect(back.text).toMatch(/<option value="cooperative" selected>/);
    // Filled in once: the next visit is a fresh form.
    const later = await browser.get('/co-so/moi');
    expect(later.text).not.toContain('Lê Thị Hoa');
    // And the form can be sent now.
    const sent = await browser.post('/co-so/moi', typed, { csrf: csrfOf(back.text) });
    expect(sent.status).toBe(303);
  });

  it('returns a step of the file page to its form, open, with what was typed; rows of a long table all shown', async () => {
    const finance = await createActor(t, ['finance']);
    const { fundCode } = await fundWithBudget(t, finance, { year, appropriated: '1000000000' });
    await postMoney(t, finance, '/allocations', { fundCode, fiscalYear: year, unitId: (await createUnit(t)).id, amount: '500000000', decisionNo: `PB-${fundCode}` }).expect(201);
    const producer = await webUser(t, ['applicant']);
    const establishment = await registerEstablishment(t, producer, 'HTX Giữ Biểu Mẫu');
    const created = await t.http
      .post('/api/v1/applications')
      .set(producer.auth)
      .send({ establishmentId: establishment.id, activityTypeCode: 'machinery', fiscalYear: year, fundCode, title: 'Đề án giữ biểu mẫu' })
      .expect(201);
    const fileId = created.body.id as string;

    const browser = new PageClient(t);
    await browser.login(producer.email);
    const page = await browser.get(`/ho-so/${fileId}`);
    expect(page.text).toContain('name="_form" value="withdraw"');
    await endSessions(producer.id);
    const lost = await browser.post(`/ho-so/${fileId}/rut`, { _form: 'withdraw', reason: 'Cơ sở đổi kế hoạch sản xuất' }, { csrf: csrfOf(page.text) });
    expect(lost.status).toBe(401);
    expect(hiddenValue(lost.text, 'tiep')).toBe(`/ho-so/${fileId}`);
    const login = await browser.post('/dang-nhap', { email: producer.email, password: PASSWORD, tiep: `/ho-so/${fileId}`, giu: unescape(hiddenValue(lost.text, 'giu')) }, { csrf: csrfOf(lost.text) });
    expect(login.headers.location).toBe(`/ho-so/${fileId}`);
    const back = await browser.get(`/ho-so/${fileId}`);
    expect(back.text).toContain('value="Cơ sở đổi kế hoạch sản xuất"');
    expect(back.text).toMatch(/<details class="step" open>\s*<summary>[^<]*Rút hồ sơ/);
    // Nothing was done while signed out.
    expect((await t.http.get(`/api/v1/applications/${fileId}`).set(producer.auth)).body.status).toBe('draft');

    // The application form: five cost lines typed, five shown again.
    const form = await browser.get('/ho-so/moi');
    await endSessions(producer.id);
    const lines = Object.fromEntries(
      [0, 1, 2, 3, 4].flatMap((i) => [
        [`costLines[${i}].description`, `Khoản chi số ${i + 1}`],
        [`costLines[${i}].quantity`, '1'],
        [`costLines[${i}].unitPrice`, '1.000.000'],
      ]),
    );
    const lostForm = await browser.post('/ho-so/moi', { establishmentId: establishment.id, title: 'Đề án năm dòng', ...lines }, { csrf: csrfOf(form.text) });
    expect(lostForm.status).toBe(401);
    await browser.post('/dang-nhap', { email: producer.email, password: PASSWORD, tiep: '/ho-so/moi', giu: unescape(hiddenValue(lostForm.text, 'giu')) }, { csrf: csrfOf(lostForm.text) });
    const refilled = await browser.get('/ho-so/moi');
    expect(refilled.text).toContain('value="Đề án năm dòng"');
    expect(refilled.text).toContain('value="Khoản chi số 5"');
  });

  it('keeps nothing for a form that carries no ended session (another site\'s form), and returns a signed-out page after login', async () => {
    const producer = await webUser(t, ['applicant']);
    const stranger = new PageClient(t);
    const res = await stranger.post('/co-so/moi', { name: 'Không giữ' }, { csrf: 'x'.repeat(43) });
    expect(res.status).toBe(401);
    expect(res.text).not.toContain('name="giu"');
    expect(hiddenValue(res.text, 'tiep')).toBe('/co-so/moi');

    // A page opened after the session ended: the login page, then that page.
    const browser = new PageClient(t);
    await browser.login(producer.email);
    await endSessions(producer.id);
    const gone = await browser.get('/co-so?trang=1');
    expect(gone.status).toBe(303);
    expect(gone.headers.location).toBe('/dang-nhap?tiep=%2Fco-so%3Ftrang%3D1');
    const login = await browser.post('/dang-nhap', { email: producer.email, password: PASSWORD, tiep: '/co-so?trang=1' }, { from: gone.headers.location });
    expect(login.headers.location).toBe('/co-so?trang=1');
  });

  it('says on "Quên mật khẩu?" how to get a new password, without naming the administrators', async () => {
    const admin = await webUser(t, ['admin'], null, 'Quản Trị Viên Bí Mật');
    const login = await new PageClient(t).get('/dang-nhap');
    expect(login.text).toContain('<a href="/quen-mat-khau">Quên mật khẩu?</a>');
    const page = await t.http.get('/quen-mat-khau').redirects(0);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>Quên mật khẩu</h1>');
    expect(page.text).toContain('quản trị viên hệ thống');
    expect(page.text).toContain('Văn phòng Sở Công Thương');
    // Whom to ask, with the telephone and e-mail the province configured (SUPPORT_CONTACT).
    expect(page.text).toContain(`<strong class="support-contact">${SUPPORT_CONTACT}</strong>`);
    expect(page.text).toContain('mật khẩu tạm thời');
    expect(page.text).not.toContain(admin.email);
    expect(page.text).not.toContain('Quản Trị Viên Bí Mật');
  });
});
