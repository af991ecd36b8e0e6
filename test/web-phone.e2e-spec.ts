import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../src/modules/identity/password-hasher';
import { BrowserSession, DESK, openBrowser, PHONE, SCREENSHOTS } from './support/browser';
import { ensureYear, postMoney } from './support/budget';
import { ISO_DATE, pageProblems as problemsOf, ULID } from './support/page-checks';
import { createActor, TestActor } from './support/actors';
import { attachRequiredDocuments, registerEstablishment } from './support/files';
import { startTestApp, TestApp } from './support/test-app';
import { cast, Cast } from './support/workflow';
import { csrfOf, PageClient, PASSWORD } from './web-support';

/**
 * The pages as a person reads them, on a 390-px phone and a desktop, as each role: nothing wider
 * than the screen, names rather than ids, dates and amounts in Vietnamese form, lists as cards on
 * a phone and wide tables that say they scroll.
 */

// The browser's own globals, inside page.evaluate (the tests compile without the DOM library).
declare const document: any;

const api = (path: string) => `/api/v1${path}`;

const CENTRE_NAME = 'Trung tâm Khuyến công và Tư vấn phát triển công nghiệp tỉnh Đồng Tháp';
const NAMES: Record<string, string> = {
  applicant: 'Nguyễn Văn An',
  officer: 'Trần Thị Bích Ngọc',
  head: 'Lê Văn Cường',
  leader: 'Phạm Minh Đức',
  finance: 'Hoàng Thị Thu Hà',
  finance2: 'Đỗ Thị Kim Oanh',
};
/** A voucher reference typed without a space, as accountants do: it must wrap, not widen the page. */
const LONG_REF = 'HĐGTGT-0001234/2026/KCDP-PHUTHANH-LAIVUNG-DONGTHAP-MAYSAYLUA';

describe('pages a person reads (names, formats, phone width)', () => {
  let t: TestApp;
  let c: Cast;
  let browser: BrowserSession;
  const files: Record<string, string> = {};
  let settlementId: string;
  let importId: string;
  let establishmentId: string;
  let admin: TestActor;
  let callId: string;
  let listDecisionId: string;
  let fundName: string;
  /** A fund code as finance writes them, with hyphens: it must never be broken across lines. */
  let longFundCode: string;
  /** A day `n` days from today, as the API takes it and as a person reads it. */
  const later = (n: number) => new Date(Date.parse(`${t.clock.today()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const vi = (iso: string) => iso.split('-').reverse().join('/');
  /** A treasury statement: the advance paid, and a line KCFund does not know. */
  const STATEMENT = () =>
    ['treasuryRef,valueDate,amount,direction,payeeTaxCode,description', `KB-2026-0301,${t.clock.today()},100000000,out,,Tạm ứng`, `KB-2026-0999,${t.clock.today()},5000000,out,,Không có trong KCFund`].join('\n');

  /** A user of the cast with a password for the login page and a person's name. */
  async function signable(actor: TestActor, name: string): Promise<void> {
    const hash = await t.app.get(PasswordHasher).hash(PASSWORD);
    await t.app.get(DataSource).query('UPDATE users SET password_hash = ?, full_name = ? WHERE id = ?', [hash, name, actor.id]);
  }

  async function newFile(title: string, establishmentId: string): Promise<string> {
    const res = await t.http
      .post(api('/applications'))
      .set(c.applicant.auth)
      .send({
        establishmentId,
        activityTypeCode: 'machinery',
        fiscalYear: c.year,
        fundCode: c.fundCode,
        title,
        communeCode: '29263',
        startDate: `${c.year}-04-01`,
        endDate: `${c.year}-10-31`,
        costLines: [
          { description: 'Máy sấy lúa 10 tấn/mẻ', quantity: '1', unitPrice: '500000000', eligible: true },
          { description: 'Lắp đặt, chạy thử', quantity: '1.5', unitPrice: '20000000', eligible: true },
          { description: 'Cải tạo nhà xưởng (vốn đối ứng)', quantity: '1', unitPrice: '180000000', eligible: false },
        ],
        requestedSupport: '180000000',
      })
      .expect(201);
    return res.body.id;
  }

  const step = async (id: string, path: string, actor: TestActor, body: object = {}) => {
    // A submission carries the documents its activity type requires.
    if (path === 'submit') await attachRequiredDocuments(t, actor, id);
    return t.http.post(api(`/applications/${id}/${path}`)).set(actor.auth).send(body).expect(200);
  };

  beforeAll(async () => {
    t = await startTestApp();
    const year = Number.parseInt(t.clock.today().slice(0, 4), 10);
    const today = t.clock.today();
    c = await cast(t, year);
    const db = t.app.get(DataSource);
    await db.query('UPDATE units SET name = ? WHERE id = ?', [CENTRE_NAME, c.centre.id]);
    for (const role of Object.keys(NAMES)) await signable(c[role as keyof Cast] as TestActor, NAMES[role]);
    fundName = (await db.query('SELECT name FROM funds WHERE code = ?', [c.fundCode]))[0].name;
    const establishment = await registerEstablishment(t, c.applicant, 'Hợp tác xã Dịch vụ Nông nghiệp và Cơ khí Phú Thành');
    establishmentId = establishment.id;

    files.draft = await newFile('Ứng dụng máy đóng gói chân không tự động cho nông sản sấy', establishment.id);
    await t.http
      .post(api(`/applications/${files.draft}/documents`))
      .set(c.applicant.auth)
      .field('kind', 'quotation')
      .attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), { filename: 'bao-gia-may-dong-goi-chan-khong-tu-dong-hop-tac-xa-phu-thanh-2026.pdf', contentType: 'application/pdf' })
      .expect(201);

    files.submitted = await newFile('Mô hình trình diễn dây chuyền sản xuất bánh tráng tự động', establishment.id);
    await step(files.submitted, 'submit', c.applicant);

    files.review = await newFile('Mô hình trình diễn lò sấy nông sản dùng năng lượng mặt trời kết hợp sinh khối', establishment.id);
    await step(files.review, 'submit', c.applicant);
    await step(files.review, 'assign', c.head, { officerId: c.officer.id, leadUnitId: c.centre.id, dueDate: later(30) });
    await t.http.post(api(`/applications/${files.review}/appraisals`)).set(c.officer.auth).send({ score: 86, recommendation: 'approve', comment: 'Công nghệ phù hợp' }).expect(201);
    await step(files.review, 'return', c.officer, { reason: 'Bổ sung báo giá', dueDate: later(14) });

    files.initialed = await newFile('Ứng dụng máy ép viên nén mùn cưa làm chất đốt sinh học', establishment.id);
    await step(files.initialed, 'submit', c.applicant);
    await step(files.initialed, 'assign', c.head, { officerId: c.officer.id, leadUnitId: c.centre.id, dueDate: later(30) });
    await step(files.initialed, 'recommend', c.officer, { approvedSupport: '180000000', allocationUnitId: c.centre.id, note: 'Đủ điều kiện', skipAppraisalReason: 'Hồ sơ mẫu cho kiểm tra trang' });
    await step(files.initialed, 'initial', c.head);

    // A file taken all the way to an approved settlement, its balance waiting for finance.
    const id = await newFile('Ứng dụng máy sấy lúa tiên tiến tại Hợp tác xã Phú Thành', establishment.id);
    files.settled = id;
    await step(id, 'submit', c.applicant);
    await step(id, 'assign', c.head, { officerId: c.officer.id, leadUnitId: c.centre.id, dueDate: later(30) });
    await step(id, 'recommend', c.officer, { approvedSupport: '180000000', allocationUnitId: c.centre.id, skipAppraisalReason: 'Hồ sơ mẫu cho kiểm tra trang' });
    await step(id, 'initial', c.head);
    await step(id, 'decide', c.leader, { decision: 'approve', decisionNo: '425/QĐ-SCT' });
    await step(id, 'contract', c.officer, { contractNo: '15/2026/HĐ-KC', signedDate: today });
    const advance = await postMoney(t, c.officer, '/disbursements', { applicationId: id, kind: 'advance', amount: '100000000' }).expect(201);
    await t.http.post(api(`/disbursements/${advance.body.id}/approve`)).set(c.finance.auth).expect(200);
    await postMoney(t, c.finance2, `/disbursements/${advance.body.id}/pay`, { treasuryRef: 'KB-2026-0301', valueDate: today }).expect(200);
    await step(id, 'acceptance', c.officer, { result: 'passed', date: today, minutesNo: '98/BB-NT' });
    const filed = await t.http
      .post(api(`/applications/${id}/settlement`))
      .set(c.applicant.auth)
      .send({ actualCostLines: [{ description: 'Máy sấy lúa 10 tấn/mẻ', amount: '480000000', eligible: true, documentRef: LONG_REF }] })
      .expect(201);
    settlementId = filed.body.id;
    await t.http.post(api(`/settlements/${settlementId}/approve`)).set(c.finance.auth).send({}).expect(200);
    await t.http.post(api(`/settlements/${settlementId}/approve`)).set(c.leader.auth).send({}).expect(200);

    // A second fund, its code written with hyphens, with money for the centre.
    longFundCode = `KCDP-${year}-DONGTHAP`;
    await t.http.post(api('/funds')).set(c.finance.auth).send({ code: longFundCode, name: 'Kinh phí khuyến công địa phương tỉnh Đồng Tháp', source: 'local', currency: 'VND' }).expect(201);
    await ensureYear(t, c.finance, year);
    await postMoney(t, c.finance, '/appropriations', { fundCode: longFundCode, fiscalYear: year, amount: '1000000000', decisionNo: '15/QĐ-UBND', decisionDate: today }).expect(201);
    await postMoney(t, c.finance, '/allocations', { fundCode: longFundCode, fiscalYear: year, unitId: c.centre.id, amount: '600000000', decisionNo: '45/QĐ-SCT' }).expect(201);

    const imported = await t.http.post(api('/reconciliation/imports')).set(c.finance.auth).attach('file', Buffer.from(STATEMENT()), { filename: 'sao-ke-kho-bac-thang-12.csv', contentType: 'text/csv' }).expect(201);
    importId = imported.body.id;

    // A delegation to list: the leader's decisions to a deputy in one field of work.
    const deputy = await createActor(t, ['head'], c.centre.id);
    await signable(deputy, 'Võ Thị Phó Phòng');
    await t.http.post(api('/delegations')).set(c.leader.auth).send({ toUserId: deputy.id, validFrom: today, validTo: today, reason: 'Giám đốc đi công tác', activityTypeCodes: ['machinery'] }).expect(201);

    admin = await createActor(t, ['admin']);
    await signable(admin, 'Đặng Thị Lan');

    // A call open today (the producer's home page and its form), and a list decision of two files.
    callId = (
      await t.http
        .post(api('/calls'))
        .set(c.leader.auth)
        .send({ title: 'Đợt 2 năm nay: hỗ trợ ứng dụng máy móc thiết bị tiên tiến cho cơ sở công nghiệp nông thôn', fiscalYear: year, fundCode: c.fundCode, activityTypeCodes: ['machinery', 'demo_model'], opensOn: today, closesOn: later(30) })
        .expect(201)
    ).body.id;
    const listed: string[] = [];
    for (const title of ['Ứng dụng máy xay xát gạo liên hoàn', 'Ứng dụng lò hơi tiết kiệm năng lượng cho làng nghề bánh phồng']) {
      const fileId = await newFile(title, establishment.id);
      await step(fileId, 'submit', c.applicant);
      await step(fileId, 'assign', c.head, { officerId: c.officer.id, leadUnitId: c.centre.id, dueDate: later(30) });
      await step(fileId, 'recommend', c.officer, { approvedSupport: '150000000', allocationUnitId: c.centre.id, skipAppraisalReason: 'Hồ sơ mẫu cho kiểm tra trang' });
      await step(fileId, 'initial', c.head);
      listed.push(fileId);
    }
    listDecisionId = (await t.http.post(api('/decisions')).set(c.leader.auth).send({ applicationIds: listed, comment: 'Đồng ý hỗ trợ theo danh sách đề xuất của Trung tâm' }).expect(201)).body.id;

    browser = await openBrowser(t);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function pageOf(actor: TestActor): Promise<PageClient> {
    const client = new PageClient(t);
    await client.login(actor.email);
    return client;
  }

  /** The text a person reads on a page: tags, attributes and scripts left out. */
  function visibleText(html: string): string {
    return html
      .replace(/<script[\s\S]*?<\/script>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&nbsp;/g, ' ')
      .replace(/\s+/g, ' ');
  }

  /** The value beside a label of a page's facts (`<dt>label</dt><dd>value</dd>`). */
  function fact(html: string, label: string): string {
    const match = new RegExp(`<dt>${label}</dt><dd[^>]*>([\\s\\S]*?)</dd>`).exec(html);
    if (!match) throw new Error(`no fact "${label}" on the page`);
    return visibleText(match[1]).replace(/\(\s+/g, '(').replace(/\s+\)/g, ')').trim();
  }

  it('shows the producer names, not ids, on their own file and its settlement', async () => {
    const producer = await pageOf(c.applicant);
    const file = await producer.get(`/ho-so/${files.settled}`);
    expect(file.status).toBe(200);
    expect(fact(file.text, 'Đơn vị chủ trì')).toBe(CENTRE_NAME);
    expect(fact(file.text, 'Chuyên viên xử lý')).toBe(NAMES.officer);
    expect(fact(file.text, 'Đơn vị cấp kinh phí')).toBe(CENTRE_NAME);
    expect(fact(file.text, 'Nguồn kinh phí')).toBe(`${fundName} (${c.fundCode})`);
    expect(visibleText(file.text)).not.toMatch(ULID);

    const review = await producer.get(`/ho-so/${files.review}`);
    expect(visibleText(review.text)).toContain(`${NAMES.officer} (`); // the appraiser, by name
    expect(visibleText(review.text)).not.toMatch(ULID);

    const settlement = await producer.get(`/quyet-toan/${settlementId}`);
    expect(settlement.status).toBe(200);
    expect(fact(settlement.text, 'Tài chính kiểm tra')).toMatch(new RegExp(`^${NAMES.finance} · `));
    expect(fact(settlement.text, 'Phê duyệt')).toMatch(new RegExp(`^${NAMES.leader} · `));
    expect(visibleText(settlement.text)).not.toMatch(ULID);
  });

  it('writes dates in the timeline as dd/mm/yyyy', async () => {
    const officer = await pageOf(c.officer);
    const page = await officer.get(`/ho-so/${files.review}`);
    const timeline = visibleText(page.text.slice(page.text.indexOf('id="tien-trinh"')));
    expect(timeline).toContain(`hạn xử lý ${vi(later(30))}`);
    expect(timeline).toContain(`(hạn bổ sung ${vi(later(14))})`);
    expect(timeline).not.toMatch(ISO_DATE);
  });

  it('puts amounts and quantities in the edit form as people type them', async () => {
    const producer = await pageOf(c.applicant);
    const form = await producer.get(`/ho-so/${files.draft}/sua`);
    expect(form.text).toContain('name="costLines[0].unitPrice" value="500.000.000"');
    expect(form.text).toContain('name="costLines[1].quantity" value="1,5"');
    expect(form.text).toContain('name="costLines[2].unitPrice" value="180.000.000"');
    expect(form.text).toContain('name="requestedSupport" value="180.000.000"');
    // Sent back as shown, the figures are the same.
    const shown = (name: string) => new RegExp(`name="${name.replace(/[[\].]/g, '\\$&')}" value="([^"]*)"`).exec(form.text)![1];
    const fields: Record<string, string> = {
      establishmentId: (await t.http.get(api(`/applications/${files.draft}`)).set(c.applicant.auth).expect(200)).body.establishmentId,
      activityTypeCode: 'machinery',
      fundCode: c.fundCode,
      fiscalYear: String(c.year),
      title: 'Ứng dụng máy đóng gói chân không tự động cho nông sản sấy',
      requestedSupport: shown('requestedSupport'),
    };
    for (const i of [0, 1, 2]) {
      for (const field of ['description', 'quantity', 'unitPrice']) fields[`costLines[${i}].${field}`] = shown(`costLines[${i}].${field}`);
      if (i < 2) fields[`costLines[${i}].eligible`] = 'on';
    }
    const saved = await producer.post(`/ho-so/${files.draft}/sua`, fields, { csrf: csrfOf(form.text) });
    expect(saved.status).toBe(303);
    const file = (await t.http.get(api(`/applications/${files.draft}`)).set(c.applicant.auth).expect(200)).body;
    expect(file.costLines.map((l: { quantity: string; unitPrice: string }) => [l.quantity, l.unitPrice])).toEqual([['1', '500000000'], ['1.5', '20000000'], ['1', '180000000']]);
    expect(file.requestedSupport).toBe('180000000');
  });

  /** Every page of the walk, by who opens it. */
  /**
   * A page the walk opens that answers a refusal on purpose (a report period that ends before it
   * starts): the status it must answer with. Every other page answers 200.
   */
  const refusedPeriod = () => `/bao-cao/theo-ky?from=${c.year}-05-01&to=${c.year}-04-01&format=pdf`;
  const EXPECTED_STATUS: Record<string, number> = {};

  function walk(): Array<{ role: string; actor: TestActor | null; paths: string[] }> {
    EXPECTED_STATUS[refusedPeriod()] = 400;
    return [
      { role: 'khách', actor: null, paths: ['/dang-nhap', '/dang-ky', '/quen-mat-khau', '/du-lieu-mo'] },
      {
        role: 'cơ sở',
        actor: c.applicant,
        paths: ['/', '/co-so', '/co-so/moi', `/co-so/${establishmentId}/phan-loai`, '/ho-so', '/ho-so/moi', `/ho-so/moi?dot=${callId}`, `/ho-so/${files.draft}`, `/ho-so/${files.draft}/sua`, `/ho-so/${files.review}`, `/ho-so/${files.settled}`, `/ho-so/${files.settled}/quyet-toan`, `/quyet-toan/${settlementId}`, '/doi-mat-khau'],
      },
      { role: 'chuyên viên', actor: c.officer, paths: ['/', '/ho-so', `/ho-so/${files.review}`, `/ho-so/${files.initialed}`, `/ho-so/${files.settled}`, '/giai-ngan', '/quyet-toan', '/thu-hoi', '/uy-quyen'] },
      { role: 'trưởng phòng', actor: c.head, paths: ['/', '/ho-so', `/ho-so/${files.submitted}`, `/ho-so/${files.review}`, `/ho-so/${files.initialed}`, '/bao-cao', '/uy-quyen'] },
      { role: 'lãnh đạo', actor: c.leader, paths: ['/', '/ho-so', `/ho-so/${files.initialed}`, '/dot-tiep-nhan', '/quyet-dinh/moi', `/quyet-dinh/${listDecisionId}`, '/ngan-sach', `/quyet-toan/${settlementId}`, '/bao-cao', `/bao-cao/ke-hoach/${c.year}`, '/so-van-ban-di', '/uy-quyen'] },
      {
        role: 'tài chính',
        actor: c.finance,
        paths: [
          '/',
          '/ngan-sach',
          '/ngan-sach/nam',
          '/ngan-sach/nguon-kinh-phi',
          '/ngan-sach/du-toan',
          '/ngan-sach/phan-bo',
          '/ngan-sach/chia',
          '/ngan-sach/dao-but-toan',
          '/giai-ngan',
          '/quyet-toan',
          `/quyet-toan/${settlementId}`,
          '/thu-hoi',
          '/doi-chieu',
          `/doi-chieu/${importId}`,
          '/bao-cao',
          refusedPeriod(),
          `/bao-cao/ke-hoach/${c.year}`,
          `/ho-so/${files.settled}`,
          '/so-van-ban-di',
        ],
      },
      { role: 'quản trị', actor: admin, paths: ['/quan-tri', '/quan-tri/nguoi-dung', `/quan-tri/nguoi-dung/${c.officer.id}`, '/quan-tri/don-vi', '/quan-tri/hoat-dong', '/quan-tri/ngay-le', '/quan-tri/dia-ban'] },
    ];
  }

  async function signIn(page: Page, actor: TestActor | null): Promise<void> {
    await page.context().clearCookies();
    if (!actor) return;
    await page.goto(`${browser.base}/dang-nhap`);
    await page.fill('input[name=email]', actor.email);
    await page.fill('input[name=password]', PASSWORD);
    await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.click('form[action="/dang-nhap"] button[type=submit]')]);
  }

  it.each([
    ['a 390-px phone', PHONE],
    ['a desktop', DESK],
  ])('fits every page of the walk on %s, as every role', async (_name, viewport) => {
    const page = await browser.newPage({ viewport });
    const problems: string[] = [];
    let swipeHints = 0;
    for (const { role, actor, paths } of walk()) {
      await signIn(page, actor);
      for (const path of paths) {
        const response = await page.goto(`${browser.base}${path}`);
        if (response?.status() !== (EXPECTED_STATUS[path] ?? 200)) {
          problems.push(`${role} ${path}: HTTP ${response?.status()}`);
          continue;
        }
        for (const problem of await problemsOf(page, viewport.width)) problems.push(`${role} ${path}: ${problem}`);
        swipeHints += await page.locator('.swipe-hint.shown').count();
      }
    }
    // The statement's preview, a page that answers a form.
    await signIn(page, c.finance);
    await page.goto(`${browser.base}/doi-chieu`);
    await page.setInputFiles('input[name=file]', { name: 'sao-ke-kho-bac-thang-12-tinh-dong-thap.csv', mimeType: 'text/csv', buffer: Buffer.from(STATEMENT()) });
    await Promise.all([page.waitForURL(/\/doi-chieu\/xem-truoc$/), page.click('form[action="/doi-chieu/xem-truoc"] button[type=submit]')]);
    for (const problem of await problemsOf(page, viewport.width)) problems.push(`tài chính /doi-chieu/xem-truoc: ${problem}`);
    expect(problems).toEqual([]);
    // On a phone the wide money tables (the budget, the file's costs) say that they scroll.
    if (viewport.width === PHONE.width) expect(swipeHints).toBeGreaterThan(0);
    expect(browser.scriptErrors).toEqual([]);
  }, 300_000);

  it('shows lists on a phone as cards: the title on its own line, support and due date on screen', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await signIn(page, c.officer);
    await page.goto(`${browser.base}/ho-so`);
    const row = page.locator('table.cards tbody tr', { hasText: 'Mô hình trình diễn lò sấy nông sản' });
    const title = (await row.locator('td[data-label="Đề án"]').boundingBox())!;
    const support = (await row.locator('td[data-label="Hỗ trợ"]').boundingBox())!;
    const due = (await row.locator('td[data-label="Hạn xử lý"]').boundingBox())!;
    // The title spans the card, so it is not wrapped a word per line…
    expect(title.width).toBeGreaterThan(PHONE.width * 0.7);
    // …and the amounts and dates are read inside the screen, each with its label.
    for (const box of [support, due]) expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    expect(await row.locator('td[data-label="Hỗ trợ"]').innerText()).toContain('180.000.000 ₫');
    await page.screenshot({ path: join(SCREENSHOTS, 'danh-sach-ho-so-dien-thoai.png'), fullPage: true });

    // The producer's file on a phone: names, and the cost table scrolls with a hint.
    await signIn(page, c.applicant);
    await page.goto(`${browser.base}/ho-so/${files.settled}`);
    expect(await page.locator('dl.facts').first().innerText()).toContain(CENTRE_NAME);
    await page.screenshot({ path: join(SCREENSHOTS, 'ho-so-co-so-dien-thoai.png'), fullPage: true });
  }, 60_000);

  it('keeps codes whole on a narrow screen: a fund code is never broken across lines', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await signIn(page, c.leader);
    await page.goto(`${browser.base}/ngan-sach`);
    // The lines the code's letters stand on: one.
    const linesOf = (code: string) =>
      page.evaluate((text) => {
        for (const el of document.querySelectorAll('main h2')) {
          const walker = document.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
          let node = walker.nextNode();
          while (node && !node.textContent.includes(text)) node = walker.nextNode();
          if (!node) continue;
          const at = node.textContent.indexOf(text);
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + text.length);
          return new Set([...range.getClientRects()].filter((r: any) => r.width > 0).map((r: any) => Math.round(r.top))).size;
        }
        return 0;
      }, code);
    expect(await linesOf(longFundCode)).toBe(1);
    expect(await linesOf(c.fundCode)).toBe(1);
  });

  /** Presses Tab until the focused element matches `test` (at most `limit` times); whether it did. */
  async function tabTo(page: Page, test: (focused: { text: string; tag: string; name: string | null }) => boolean, limit = 120): Promise<boolean> {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as any;
        return { text: (el?.textContent ?? '').trim(), tag: (el?.tagName ?? '').toLowerCase(), name: el?.getAttribute?.('name') ?? null };
      });
      if (test(focused)) return true;
    }
    return false;
  }

  it('takes a new application from the keyboard alone: Tab to "+ Thêm dòng chi phí", Enter, type the line, submit', async () => {
    const page = await browser.newPage({ viewport: DESK });
    await signIn(page, c.applicant);
    await page.goto(`${browser.base}/ho-so/moi`);
    const title = 'Ứng dụng máy thái lát chuối (gõ bằng bàn phím)';
    // What the form needs besides the new line, typed into each field.
    if (await page.locator('select[name=establishmentId] option[value]:not([value=""])').count()) {
      await page.selectOption('select[name=establishmentId]', establishmentId);
    }
    await page.selectOption('select[name=activityTypeCode]', 'machinery');
    await page.selectOption('select[name=fundCode]', c.fundCode);
    await page.fill('input[name=title]', title);
    const year = t.clock.today().slice(0, 4);
    await page.fill('input[name=startDate]', `${year}-04-01`);
    await page.fill('input[name=endDate]', `${year}-10-31`);
    const before = await page.locator('input[name$=".description"]').count();

    await page.focus('input[name=title]');
    expect(await tabTo(page, (f) => f.tag === 'button' && f.text === '+ Thêm dòng chi phí')).toBe(true);
    await page.keyboard.press('Enter');
    // The new line is there and has the focus: its description, then quantity and unit price.
    expect(await page.locator('input[name$=".description"]').count()).toBe(before + 1);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe(`costLines[${before}].description`);
    await page.keyboard.type('Máy thái lát chuối 200 kg/giờ');
    expect(await tabTo(page, (f) => f.name === `costLines[${before}].quantity`, 3)).toBe(true);
    await page.keyboard.type('1');
    expect(await tabTo(page, (f) => f.name === `costLines[${before}].unitPrice`, 3)).toBe(true);
    await page.keyboard.type('120.000.000');
    expect(await page.textContent('[data-total=eligible]')).toBe('120.000.000 ₫');
    // Enter in a field sends the form.
    await Promise.all([page.waitForURL(/\/ho-so\/[0-9A-Z]{26}$/), page.keyboard.press('Enter')]);
    expect(await page.textContent('.flash')).toContain('Mức hỗ trợ tối đa theo quy định: 60.000.000 ₫');
    expect(await page.textContent('main')).toContain('Máy thái lát chuối 200 kg/giờ');
  });

  it('opens a step of the file page with the keyboard: Tab to its heading, Enter, and on into its form', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await signIn(page, c.applicant);
    await page.goto(`${browser.base}/ho-so/${files.draft}`);
    const step = page.locator('details.step', { has: page.locator('summary', { hasText: 'Rút hồ sơ' }) });
    expect(await step.getAttribute('open')).toBeNull();
    expect(await tabTo(page, (f) => f.tag === 'summary' && f.text.includes('Rút hồ sơ'))).toBe(true);
    await page.keyboard.press('Enter');
    expect(await step.getAttribute('open')).not.toBeNull();
    // The next Tab goes into the step's form.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('details.step[open]')))).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toMatch(/^(textarea|input|button|select)$/);
  });
});
