import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { newId } from '../src/common/ids';
import { NotificationWorker } from '../src/modules/notifications/notification-worker.service';
import { PasswordHasher } from '../src/modules/identity/password-hasher';
import { createActor, TestActor } from './support/actors';
import { BrowserSession, openBrowser, PHONE, SCREENSHOTS } from './support/browser';
import { attachRequiredDocuments, registerEstablishment, sampleFileBody } from './support/files';
import { startTestApp, TestApp } from './support/test-app';
import { cast, Cast } from './support/workflow';
import { csrfOf, PageClient, PASSWORD } from './web-support';

// The browser's own globals, inside page.evaluate (the tests compile without the DOM library).
declare const document: any;
declare const window: any;

/**
 * The notification pages: the bell with the unread count on every page, the list (newest first,
 * unread marked, a filter, pages), following a notification (read on the way, then the file),
 * nobody else's, the settings, and a producer's home page that shows a supplement request first.
 * The run's database is shared: the outbox other files left is set aside first, so the worker
 * runs here deliver only what this file's steps caused.
 */
describe('notification pages', () => {
  const YEAR = 2081;
  const api = (path: string) => `/api/v1${path}`;
  /** A title as long as producers write them, with a reference typed without a space. */
  const LONG_TITLE =
    'Ứng dụng máy móc thiết bị tiên tiến vào dây chuyền sấy, đóng gói và bảo quản nông sản sau thu hoạch tại Hợp tác xã Dịch vụ Nông nghiệp Phú Thành, huyện Lai Vung, tỉnh Đồng Tháp theo hợp đồng HĐ-0001234/2081/KCDP-PHUTHANH-LAIVUNG-DONGTHAP';
  let t: TestApp;
  let c: Cast;
  let db: DataSource;
  let worker: NotificationWorker;
  let browser: BrowserSession | null = null;
  /** Two files of the producer: A returned for supplements last, B returned before it. */
  const files = { a: '', b: '' };

  async function signable(actor: TestActor): Promise<void> {
    const hash = await t.app.get(PasswordHasher).hash(PASSWORD);
    await db.query('UPDATE users SET password_hash = ? WHERE id = ?', [hash, actor.id]);
  }

  async function signedIn(actor: TestActor): Promise<PageClient> {
    const client = new PageClient(t);
    await client.login(actor.email);
    return client;
  }

  const step = async (id: string, path: string, actor: TestActor, body: object = {}) => {
    // A submission carries the documents its activity type requires.
    if (path === 'submit') await attachRequiredDocuments(t, actor, id);
    return t.http.post(api(`/applications/${id}/${path}`)).set(actor.auth).send(body).expect(200);
  };

  async function submittedFile(title: string): Promise<string> {
    const establishment = await registerEstablishment(t, c.applicant, 'Hợp tác xã Phú Thành');
    const created = await t.http
      .post(api('/applications'))
      .set(c.applicant.auth)
      .send({ ...sampleFileBody({ establishmentId: establishment.id, year: YEAR, fundCode: c.fundCode, requestedSupport: '200000000' }), title })
      .expect(201);
    await step(created.body.id, 'submit', c.applicant);
    await step(created.body.id, 'assign', c.head, { officerId: c.officer.id, leadUnitId: c.centre.id, dueDate: `${YEAR}-04-27` });
    return created.body.id as string;
  }

  const unreadOf = async (actor: TestActor) => (await t.http.get(api('/notifications?unread=true&pageSize=200')).set(actor.auth).expect(200)).body;

  /** The bell in a page's header: its text and its accessible label. */
  function bellOf(html: string): { text: string; label: string | null } {
    const match = /<a class="bell[^"]*" href="\/thong-bao"([^>]*)>([\s\S]*?)<\/a>/.exec(html);
    if (!match) throw new Error('no bell on the page');
    const label = /aria-label="([^"]*)"/.exec(match[1]);
    return { text: match[2].replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim(), label: label ? label[1] : null };
  }

  /** The text a person reads: tags left out. */
  const visible = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(`${YEAR}-03-02T02:00:00Z`);
    db = t.app.get(DataSource);
    worker = t.app.get(NotificationWorker);
    c = await cast(t, YEAR);
    // What the run's other files left in the outbox is theirs: this file's runs deliver only its own.
    await db.query('UPDATE notification_outbox SET processed_at = NOW(3) WHERE processed_at IS NULL');
    for (const actor of [c.applicant, c.officer, c.head]) await signable(actor);

    files.a = await submittedFile(LONG_TITLE);
    files.b = await submittedFile('Mô hình trình diễn máy ép viên nén mùn cưa');
    await step(files.b, 'return', c.officer, { reason: 'Bổ sung giấy phép kinh doanh', dueDate: `${YEAR}-03-23` });
    await worker.runOnce();
    // A's supplement request comes last: the producer's newest notification.
    await step(files.a, 'return', c.officer, { reason: 'Thiếu báo giá thiết bị', dueDate: `${YEAR}-03-20` });
    await worker.runOnce();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows a producer the newest unread notifications first on the home page: the supplement request, with its file', async () => {
    const producer = await signedIn(c.applicant);
    const unread = await unreadOf(c.applicant);
    // Each file's assignment and return: four, of which the home page shows three.
    expect(unread.items.map((n: { kind: string }) => n.kind)).toEqual(['file.return', 'file.return', 'file.assign', 'file.assign']);
    const home = await producer.get('/');
    expect(home.status).toBe(200);
    const section = home.text.slice(home.text.indexOf('id="thong-bao-moi"'), home.text.indexOf('Hồ sơ của tôi'));
    expect(home.text.indexOf('id="thong-bao-moi"')).toBeGreaterThan(0);
    expect(home.text.indexOf('id="thong-bao-moi"')).toBeLessThan(home.text.indexOf('Hồ sơ của tôi'));
    const cards = section.split('<article').slice(1);
    expect(cards).toHaveLength(3);
    expect(visible(cards[0])).toContain(`Yêu cầu bổ sung Mới`);
    expect(visible(cards[0])).toContain(`Hồ sơ cần bổ sung: ${LONG_TITLE}`);
    expect(visible(cards[0])).toContain('Thiếu báo giá thiết bị');
    expect(visible(cards[0])).toContain(`Hạn: 20/03/${YEAR}`);
    expect(cards[0]).toContain(`action="/thong-bao/${unread.items[0].id}/doc"`);
    expect(visible(cards[1])).toContain('Bổ sung giấy phép kinh doanh');
    expect(visible(section)).toContain('Xem tất cả 4 thông báo chưa đọc');
  });

  it('follows a notification: marks it read and lands on the file page', async () => {
    const producer = await signedIn(c.applicant);
    const [newest] = (await unreadOf(c.applicant)).items;
    expect(newest.link).toBe(`/ho-so/${files.a}`);
    const before = (await unreadOf(c.applicant)).total;
    const home = await producer.get('/');
    const followed = await producer.post(`/thong-bao/${newest.id}/doc`, {}, { csrf: csrfOf(home.text) });
    expect(followed.status).toBe(303);
    expect(followed.headers.location).toBe(`/ho-so/${files.a}`);
    const file = await producer.get(followed.headers.location);
    expect(file.status).toBe(200);
    expect(visible(file.text)).toContain(LONG_TITLE);
    expect(bellOf(file.text).text).toBe(`Thông báo (${before - 1})`);
    expect((await unreadOf(c.applicant)).items.map((n: { id: string }) => n.id)).not.toContain(newest.id);

    // Read now: the list shows it without "Mới", its page a plain link; a form without the token is refused.
    const list = await producer.get('/thong-bao');
    const card = list.text.split('<article').find((a) => a.includes(`Hồ sơ cần bổ sung: ${LONG_TITLE}`))!;
    expect(card).toMatch(/^ class="card notice">/);
    expect(visible(card)).not.toContain('Mới');
    expect(card).toContain(`href="/ho-so/${files.a}"`);
    const [next] = (await unreadOf(c.applicant)).items;
    expect((await producer.post(`/thong-bao/${next.id}/doc`, {}, { csrf: null })).status).toBe(403);
    expect((await unreadOf(c.applicant)).total).toBe(before - 1);
  });

  it('gives the 404 page for another person’s notification, and leaves it unread', async () => {
    const [theirs] = (await unreadOf(c.applicant)).items;
    const officer = await signedIn(c.officer);
    const home = await officer.get('/');
    const refused = await officer.post(`/thong-bao/${theirs.id}/doc`, {}, { csrf: csrfOf(home.text) });
    expect(refused.status).toBe(404);
    expect(refused.headers['content-type']).toMatch(/text\/html/);
    expect(refused.text).toContain('không tồn tại');
    expect(refused.text).not.toContain(theirs.title);
    expect((await unreadOf(c.applicant)).items.map((n: { id: string }) => n.id)).toContain(theirs.id);
    expect((await officer.post('/thong-bao/khong-phai-ma/doc', {}, { csrf: csrfOf(home.text) })).status).toBe(404);
  });

  it('lists a person’s notifications newest first: kind, title, text, due date, time in vi-VN; unread marked; a filter', async () => {
    const officer = await signedIn(c.officer);
    const page = await officer.get('/thong-bao');
    expect(page.status).toBe(200);
    const cards = page.text.split('<article').slice(1);
    // The two assignments, B's (newer) first; nothing said to the producer.
    const mine = (await t.http.get(api('/notifications?pageSize=200')).set(c.officer.auth).expect(200)).body;
    expect(cards).toHaveLength(2);
    expect(mine.total).toBe(2);
    expect(visible(cards[0])).toContain('Bạn được giao xử lý hồ sơ: Mô hình trình diễn máy ép viên nén mùn cưa');
    expect(visible(cards[1])).toContain(`Phân công Mới 02/03/${YEAR} 09:00`);
    expect(cards[1]).toMatch(/^ class="card notice unread">/);
    expect(visible(cards[1])).toContain(`Bạn được giao xử lý hồ sơ: ${LONG_TITLE}`);
    expect(visible(cards[1])).toContain(`Hạn xử lý: 27/04/${YEAR}`);
    expect(visible(cards[1])).toContain(`Hạn: 27/04/${YEAR}`);
    expect(cards[1]).toContain(`action="/thong-bao/${mine.items[1].id}/doc"`);
    expect(visible(page.text)).not.toContain('Hồ sơ cần bổ sung');
    expect(visible(page.text)).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);

    // One read: the filter "Chưa đọc" leaves it out.
    const read = mine.items[0];
    await officer.post(`/thong-bao/${read.id}/doc`, {}, { csrf: csrfOf(page.text) });
    const unread = await officer.get('/thong-bao?chua-doc=1');
    expect(unread.text).toContain('href="/thong-bao?chua-doc=1" aria-current="page"');
    const unreadCards = unread.text.split('<article').slice(1);
    expect(unreadCards).toHaveLength(mine.total - 1);
    expect(unreadCards.every((card) => card.startsWith(' class="card notice unread">'))).toBe(true);
    expect(unread.text).not.toContain(`/thong-bao/${read.id}/doc`);
  });

  it('pages through a long list, keeping the filter', async () => {
    // A person with 25 notifications (made as the worker makes them), the oldest read.
    const busy = await createActor(t, ['officer'], c.centre.id);
    await signable(busy);
    for (let i = 1; i <= 25; i++) {
      await db.query(
        'INSERT INTO notifications (id, user_id, event_id, kind, title, body, application_id, due_date, link, created_at, read_at) VALUES (?,?,?,?,?,?,NULL,NULL,NULL,NOW(3),?)',
        [newId(), busy.id, newId(), 'reminder.overdue', `Việc số ${i}`, `Nội dung ${i}`, i <= 2 ? new Date() : null],
      );
    }
    const client = await signedIn(busy);
    const first = await client.get('/thong-bao');
    expect(first.text.split('<article').length - 1).toBe(20);
    expect(visible(first.text)).toContain('Việc số 25 ');
    expect(visible(first.text)).toContain('Quá hạn');
    expect(visible(first.text)).toContain('25 thông báo');
    expect(visible(first.text)).toContain('Trang 1 / 2');
    expect(first.text).toContain('href="/thong-bao?trang=2"');
    const second = await client.get('/thong-bao?trang=2');
    expect(second.text.split('<article').length - 1).toBe(5);
    expect(visible(second.text)).toContain('Việc số 1 ');

    const unread = await client.get('/thong-bao?chua-doc=1');
    expect(visible(unread.text)).toContain('23 thông báo');
    expect(unread.text).toContain('href="/thong-bao?chua-doc=1&amp;trang=2"');
    const unreadSecond = await client.get('/thong-bao?chua-doc=1&trang=2');
    expect(unreadSecond.text.split('<article').length - 1).toBe(3);
    expect(visible(unreadSecond.text)).not.toContain('Việc số 1 ');
  });

  it('counts the unread on the bell of every page, and "Đánh dấu tất cả đã đọc" brings it to none', async () => {
    const head = await signedIn(c.head);
    const unread = (await unreadOf(c.head)).total;
    expect(unread).toBeGreaterThan(0);
    const other = await head.get('/ho-so');
    expect(bellOf(other.text)).toEqual({ text: `Thông báo (${unread})`, label: `Thông báo: ${unread} thông báo chưa đọc` });

    const marked = await head.post('/thong-bao/doc-tat-ca', {}, { from: '/thong-bao' });
    expect(marked.status).toBe(303);
    expect(marked.headers.location).toBe('/thong-bao');
    const list = await head.get('/thong-bao');
    expect(list.text).toContain('Đã đánh dấu tất cả thông báo là đã đọc.');
    expect(list.text).not.toContain('class="card notice unread"');
    expect(list.text).not.toContain('Đánh dấu tất cả đã đọc</button>');

    const after = await head.get('/ho-so');
    expect(bellOf(after.text)).toEqual({ text: 'Thông báo', label: null });
    expect((await unreadOf(c.head)).total).toBe(0);
    const empty = await head.get('/thong-bao?chua-doc=1');
    expect(visible(empty.text)).toContain('Không có thông báo chưa đọc.');

    // Someone with no notification at all reads why the list is empty.
    const newcomer = await createActor(t, ['applicant']);
    await signable(newcomer);
    const none = await (await signedIn(newcomer)).get('/thong-bao');
    expect(visible(none.text)).toContain('Bạn chưa có thông báo nào.');
    expect(bellOf(none.text).text).toBe('Thông báo');
  });

  it('saves how a person wants to hear, and says when the service sends no e-mail', async () => {
    const officer = await signedIn(c.officer);
    const form = await officer.get('/thong-bao/cai-dat');
    expect(form.status).toBe(200);
    // The test app has no SMTP_URL.
    expect(visible(form.text)).toContain('Hệ thống chưa cấu hình thư điện tử; thông báo chỉ hiển thị trong ứng dụng');
    expect(form.text).toContain('name="email" value="true" checked');
    expect(form.text).toContain('name="digest" value="off" checked');

    const refused = await officer.post('/thong-bao/cai-dat', { email: 'true', digest: 'weekly' }, { csrf: csrfOf(form.text) });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('class="problem"');
    expect((await t.http.get(api('/me/notification-settings')).set(c.officer.auth).expect(200)).body).toMatchObject({ email: true, digest: 'off' });

    const saved = await officer.post('/thong-bao/cai-dat', { email: 'false', digest: 'daily' }, { csrf: csrfOf(form.text) });
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe('/thong-bao/cai-dat');
    const shown = await officer.get('/thong-bao/cai-dat');
    expect(shown.text).toContain('Đã lưu cách nhận thông báo.');
    expect(shown.text).toContain('name="email" value="false" checked');
    expect(shown.text).toContain('name="digest" value="daily" checked');
    expect((await t.http.get(api('/me/notification-settings')).set(c.officer.auth).expect(200)).body).toEqual({ email: false, digest: 'daily', emailAvailable: false });
  });

  it('fits /thong-bao and the producer’s home on a 390-px phone, with a long title and the text’s line breaks', async () => {
    // The producer's A, unread again: the long title on both pages, as "Mới".
    await db.query('UPDATE notifications SET read_at = NULL WHERE user_id = ?', [c.applicant.id]);
    browser = await openBrowser(t);
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${browser.base}/dang-nhap`);
    await page.fill('input[name=email]', c.applicant.email);
    await page.fill('input[name=password]', PASSWORD);
    await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.click('form[action="/dang-nhap"] button[type=submit]')]);

    const widthOf = () => page.evaluate(() => document.documentElement.scrollWidth as number);
    for (const path of ['/', '/thong-bao', '/thong-bao/cai-dat']) {
      await page.goto(`${browser.base}${path}`);
      expect({ path, width: await widthOf() }).toEqual({ path, width: PHONE.width });
      const bell = (await page.locator('header a.bell').boundingBox())!;
      expect(bell.x + bell.width).toBeLessThanOrEqual(PHONE.width);
    }
    await page.goto(`${browser.base}/thong-bao`);
    expect(await page.locator('header a.bell').innerText()).toBe('Thông báo (4)');
    const card = page.locator('article.notice', { hasText: 'Thiếu báo giá thiết bị' });
    // The text as written, on two lines (not run together into one).
    expect(await card.locator('.text').innerText()).toMatch(new RegExp(`^Nội dung cần bổ sung: Thiếu báo giá thiết bị[^\n]*\nVui lòng bổ sung và nộp lại hồ sơ trước ngày 20/03/${YEAR}\\.$`));
    const title = (await card.locator('h2').boundingBox())!;
    expect(title.x + title.width).toBeLessThanOrEqual(PHONE.width);
    expect(await card.locator('h2').evaluate((el: any) => Number(window.getComputedStyle(el).fontWeight))).toBeGreaterThanOrEqual(700);
    await page.screenshot({ path: join(SCREENSHOTS, 'thong-bao-dien-thoai.png'), fullPage: true });

    // Followed from the phone: read, and on the file's page.
    await Promise.all([page.waitForURL((url) => url.pathname === `/ho-so/${files.a}`), card.locator('button', { hasText: 'Xem chi tiết' }).click()]);
    expect(await page.locator('header a.bell').innerText()).toBe('Thông báo (3)');
    expect(browser.scriptErrors).toEqual([]);
  }, 120_000);
});
