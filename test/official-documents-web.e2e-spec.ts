import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../src/modules/identity/password-hasher';
import { postMoney } from './support/budget';
import { binary, docxText, flat, pdfText } from './support/documents';
import { startTestApp, TestApp } from './support/test-app';
import { cast, Cast, initialedFile } from './support/workflow';
import { csrfOf, PageClient, PASSWORD, webUser } from './web-support';

/**
 * The papers on the web: the file page shows each one behind its buttons at the step that
 * issued it, and the browser's session opens them; the office's page lists the register of
 * outgoing documents with its export.
 */
describe('official documents on the web pages', () => {
  const YEAR = 2056;
  const api = (path: string) => `/api/v1${path}`;
  let t: TestApp;
  let c: Cast;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(`${YEAR}-04-07T03:00:00Z`);
    c = await cast(t, YEAR, '50000000000');
  });
  afterAll(() => t.close());

  /** The href of the link whose text is `text` on a page. */
  function hrefOf(html: string, text: string): string {
    const match = new RegExp(`<a[^>]*href="([^"]+)"[^>]*>${text.replace(/[()]/g, '\\$&')}</a>`).exec(html);
    if (!match) throw new Error(`no link "${text}" on the page`);
    return match[1].replace(/&amp;/g, '&');
  }

  it('a decision taken on the page without a number gets the register\'s, and its buttons open the PDF and the DOCX', async () => {
    const id = await initialedFile(t, c);
    const leader = await webUser(t, ['leader'], null, 'Lê Văn Giám Đốc');
    const browser = new PageClient(t);
    await browser.login(leader.email);
    const before = await browser.get(`/ho-so/${id}`);
    expect(before.text).not.toContain('Tải quyết định (PDF)');
    expect(before.text).toContain('Để trống: sổ văn bản đi cấp số tiếp theo.');
    const decided = await browser.post(`/ho-so/${id}/quyet-dinh`, { decision: 'approve', decisionNo: '', reason: 'Đồng ý' }, { csrf: csrfOf(before.text) });
    expect(decided.status).toBe(303);
    const file = (await t.http.get(api(`/applications/${id}`)).set(c.finance.auth).expect(200)).body;
    expect(file.decisionNo).toBe('01/QĐ-SCT');

    const page = await browser.get(`/ho-so/${id}`);
    expect(page.text).toContain('Quyết định số 01/QĐ-SCT');
    expect(page.text).toContain('Số 01/QĐ-SCT ngày 07/04/2056 · GIÁM ĐỐC');
    const pdfUrl = hrefOf(page.text, 'Tải quyết định (PDF)');
    const docxUrl = hrefOf(page.text, 'Tải quyết định (DOCX)');
    expect(pdfUrl).toBe(`/api/v1/applications/${id}/official-documents/decision?format=pdf`);
    const pdf = await t.http.get(pdfUrl).set('Cookie', browser.cookieHeader).buffer(true).parse(binary).expect(200);
    const text = flat(pdfText(pdf.body));
    for (const s of ['Số: 01/QĐ-SCT', 'Bằng chữ: Ba trăm triệu đồng.', 'Lê Văn Giám Đốc']) expect(text).toContain(s);
    const docx = await t.http.get(docxUrl).set('Cookie', browser.cookieHeader).buffer(true).parse(binary).expect(200);
    expect(flat(await docxText(docx.body))).toContain('Bằng chữ: Ba trăm triệu đồng.');

    // the owner sees the same buttons on their file; the next steps' papers appear at their steps
    await t.http.post(api(`/applications/${id}/contract`)).set(c.officer.auth).send({ signedDate: `${YEAR}-04-07` }).expect(200);
    const advance = await postMoney(t, c.officer, '/disbursements', { applicationId: id, kind: 'advance', amount: '100000000' }).expect(201);
    await t.http.post(api(`/applications/${id}/acceptance`)).set(c.officer.auth).send({ result: 'passed', date: `${YEAR}-04-07` }).expect(200);
    // the owner signs in with a password
    await t.app.get(DataSource).query('UPDATE users SET password_hash = ? WHERE id = ?', [await t.app.get(PasswordHasher).hash(PASSWORD), c.applicant.id]);
    const mine = new PageClient(t);
    await mine.login(c.applicant.email);
    const ownerPage = await mine.get(`/ho-so/${id}`);
    for (const button of ['Tải quyết định (PDF)', 'Tải hợp đồng (PDF)', 'Tải hợp đồng (DOCX)', 'Tải biên bản nghiệm thu (PDF)', 'Tải giấy đề nghị thanh toán (PDF)']) {
      expect({ button, shown: ownerPage.text.includes(button) }).toEqual({ button, shown: true });
    }
    expect(hrefOf(ownerPage.text, 'Tải giấy đề nghị thanh toán (PDF)')).toBe(`/api/v1/applications/${id}/official-documents/payment-request?disbursementId=${advance.body.id}&format=pdf`);
    const contractPdf = await t.http.get(hrefOf(ownerPage.text, 'Tải hợp đồng (PDF)')).set('Cookie', mine.cookieHeader).buffer(true).parse(binary).expect(200);
    expect(flat(pdfText(contractPdf.body))).toContain(`Số: 01/${YEAR}/HĐ-TTKC`);
  }, 90_000);

  it("the office's register page lists the papers of a year and type, and exports them to XLSX", async () => {
    const clerk = await webUser(t, ['head'], c.centre.id);
    const browser = new PageClient(t);
    await browser.login(clerk.email);
    const home = await browser.get('/');
    expect(home.text).toContain('href="/so-van-ban-di"');
    const page = await browser.get(`/so-van-ban-di?year=${YEAR}&type=decision`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Sổ đăng ký văn bản đi');
    expect(page.text).toContain('01/QĐ-SCT');
    expect(page.text).toContain('Quyết định hỗ trợ kinh phí khuyến công: Ứng dụng máy sấy lúa tiên tiến');
    expect(page.text).not.toContain(`01/${YEAR}/HĐ-TTKC`);
    const all = await browser.get(`/so-van-ban-di?year=${YEAR}`);
    expect(all.text).toContain(`01/${YEAR}/HĐ-TTKC`);
    const xlsxUrl = hrefOf(page.text, 'Excel (XLSX)');
    expect(xlsxUrl).toBe(`/api/v1/document-register?year=${YEAR}&type=decision&format=xlsx`);
    const xlsx = await t.http.get(xlsxUrl).set('Cookie', browser.cookieHeader).buffer(true).parse(binary).expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body);
    expect(book.worksheets[0].getRow(2).getCell(1).value).toBe('01/QĐ-SCT');
    expect((await browser.get(`/so-van-ban-di?year=abc`)).status).toBe(400);

    const outsider = await webUser(t, ['applicant']);
    const them = new PageClient(t);
    await them.login(outsider.email);
    expect((await them.get('/so-van-ban-di')).status).toBe(403);
  });

  it('the settlement paper and the recovery notice appear behind their buttons once the settlement is approved, and open', async () => {
    const id = await initialedFile(t, c);
    await t.http.post(api(`/applications/${id}/decide`)).set(c.leader.auth).send({ decision: 'approve' }).expect(200);
    await t.http.post(api(`/applications/${id}/contract`)).set(c.officer.auth).send({ signedDate: `${YEAR}-04-07` }).expect(200);
    const advance = await postMoney(t, c.officer, '/disbursements', { applicationId: id, kind: 'advance', amount: '210000000' }).expect(201);
    await t.http.post(api(`/disbursements/${advance.body.id}/approve`)).set(c.finance.auth).send({}).expect(200);
    await postMoney(t, c.finance, `/disbursements/${advance.body.id}/pay`, { treasuryRef: `KB-PAPERS18B-${Date.now().toString(36)}`, valueDate: `${YEAR}-04-07` }).expect(200);
    await t.http.post(api(`/applications/${id}/acceptance`)).set(c.officer.auth).send({ result: 'passed', date: `${YEAR}-04-07` }).expect(200);
    const submitted = await t.http
      .post(api(`/applications/${id}/settlement`))
      .set(c.applicant.auth)
      .send({ actualCostLines: [{ description: 'Máy sấy lúa', amount: '300000000', eligible: true, documentRef: 'HĐ GTGT 0001' }] })
      .expect(201);
    await t.app.get(DataSource).query('UPDATE users SET password_hash = ? WHERE id = ?', [await t.app.get(PasswordHasher).hash(PASSWORD), c.applicant.id]);
    const mine = new PageClient(t);
    await mine.login(c.applicant.email);
    const pending = await mine.get(`/ho-so/${id}`);
    for (const button of ['Tải biên bản quyết toán (DOCX)', 'Tải thông báo thu hồi (PDF)', 'Tải thông báo thu hồi (DOCX)']) expect(pending.text).not.toContain(button);

    await t.http.post(api(`/settlements/${submitted.body.id}/approve`)).set(c.finance.auth).send({}).expect(200);
    const approved = await t.http.post(api(`/settlements/${submitted.body.id}/approve`)).set(c.leader.auth).send({}).expect(200);
    expect(approved.body).toMatchObject({ finalSupport: '150000000', balance: '-60000000' });
    const papers = (await t.http.get(api(`/applications/${id}/official-documents`)).set(c.applicant.auth).expect(200)).body as Array<{ type: string; number: string }>;
    const numberOf = (type: string) => papers.find((p) => p.type === type)!.number;

    const page = await mine.get(`/ho-so/${id}`);
    const paperUrl = (type: string, format: string) => `/api/v1/applications/${id}/official-documents/${type}?format=${format}`;
    expect(hrefOf(page.text, 'Tải biên bản quyết toán (PDF)')).toBe(paperUrl('settlement', 'pdf'));
    expect(hrefOf(page.text, 'Tải biên bản quyết toán (DOCX)')).toBe(paperUrl('settlement', 'docx'));
    expect(hrefOf(page.text, 'Tải thông báo thu hồi (PDF)')).toBe(paperUrl('recovery-notice', 'pdf'));
    expect(hrefOf(page.text, 'Tải thông báo thu hồi (DOCX)')).toBe(paperUrl('recovery-notice', 'docx'));
    expect(page.text).toContain(`Số ${numberOf('settlement')} ngày 07/04/${YEAR} · GIÁM ĐỐC`);
    expect(page.text).toContain(`Số ${numberOf('recovery-notice')} ngày 07/04/${YEAR} · GIÁM ĐỐC`);

    const open = (url: string) => t.http.get(url).set('Cookie', mine.cookieHeader).buffer(true).parse(binary).expect(200);
    const settlement = flat(pdfText((await open(hrefOf(page.text, 'Tải biên bản quyết toán (PDF)'))).body));
    for (const s of [`Số: ${numberOf('settlement')}`, 'BIÊN BẢN QUYẾT TOÁN KINH PHÍ KHUYẾN CÔNG', 'Bằng chữ: Một trăm năm mươi triệu đồng.']) expect(settlement).toContain(s);
    const notice = flat(pdfText((await open(hrefOf(page.text, 'Tải thông báo thu hồi (PDF)'))).body));
    for (const s of [`Số: ${numberOf('recovery-notice')}`, 'THÔNG BÁO', 'Bằng chữ: Sáu mươi triệu đồng.']) expect(notice).toContain(s);
    const noticeDocx = flat(await docxText((await open(hrefOf(page.text, 'Tải thông báo thu hồi (DOCX)'))).body));
    expect(noticeDocx).toContain('Bằng chữ: Sáu mươi triệu đồng.');
  }, 90_000);
});
