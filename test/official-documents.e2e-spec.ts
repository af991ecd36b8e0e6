import { OfficialPapersService } from '../src/modules/official-documents/official-papers.service';
import { paperLines } from '../src/rendering/paper/official-paper';
import { createActor, TestActor } from './support/actors';
import { fundWithBudget, postMoney } from './support/budget';
import { binary, docxText, flat, pdfText } from './support/documents';
import { startTestApp, TestApp } from './support/test-app';
import { cast, Cast, initialedFile } from './support/workflow';

/**
 * The papers a file's steps issue, from the file's own recorded facts: each one's text against
 * the file's figures (in figures and in words), its signing form against the capacity on the
 * timeline, its number against the register; the PDF and the DOCX carrying the same text.
 * The worked example of ../shared/DOMAIN.md: machinery, 50 %, approved 300.000.000, an advance of
 * 210.000.000 (70 %), actual eligible cost 300.000.000 → final support 150.000.000, 60.000.000
 * recovered.
 */
describe('official documents of a file', () => {
  const YEAR = 2054;
  const api = (path: string) => `/api/v1${path}`;
  let t: TestApp;
  let c: Cast;
  let deputy: TestActor;
  let id: string;
  let advanceId: string;
  let seq = 0;

  const get = (who: TestActor, path: string) => t.http.get(api(path)).set(who.auth);
  const file = async () => (await get(c.finance, `/applications/${id}`).expect(200)).body;
  const registerOf = async (type: string) => (await get(c.finance, '/document-register').query({ year: YEAR, type }).expect(200)).body.items.filter((i: { applicationId: string }) => i.applicationId === id);
  const pdfOf = async (type: string, query: Record<string, string> = {}, who: TestActor = c.applicant) => {
    const res = await get(who, `/applications/${id}/official-documents/${type}`).query(query).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    // the page footers ("Trang 1/2") fall inside a paragraph that runs over a page
    return flat(pdfText(res.body).replace(/^Trang \d+\/\d+$/gm, ''));
  };
  const docxOf = async (type: string, query: Record<string, string> = {}) => {
    const res = await get(c.officer, `/applications/${id}/official-documents/${type}`).query({ ...query, format: 'docx' }).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename=".+\.docx"/);
    return flat(await docxText(res.body));
  };

  /** Both renderings carry every line of the paper, and each of `expected`. */
  async function paperSays(type: string, expected: string[], query: Record<string, string> = {}) {
    const [pdf, docx] = await Promise.all([pdfOf(type, query), docxOf(type, query)]);
    const { paper } = await t.app.get(OfficialPapersService).paper(c.finance, id, type, { disbursementId: query.disbursementId, number: query.number });
    const lines = paperLines(paper).map(flat);
    const missing = (text: string) => [...lines, ...expected].filter((line) => !text.includes(flat(line)));
    expect({ pdf: missing(pdf), docx: missing(docx) }).toEqual({ pdf: [], docx: [] });
    for (const fixed of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'SỞ CÔNG THƯƠNG TỈNH ĐỒNG THÁP', 'Nơi nhận:'].filter((s) => type !== 'contract' && type !== 'acceptance' || s !== 'Nơi nhận:')) {
      expect(pdf).toContain(fixed);
    }
    return pdf;
  }

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(`${YEAR}-03-02T03:00:00Z`);
    c = await cast(t, YEAR, '50000000000');
    const admin = await createActor(t, ['admin']);
    deputy = await createActor(t, ['leader']);
    await t.http.patch(api(`/users/${deputy.id}`)).set(admin.auth).send({ leaderScope: { activityTypeCodes: ['machinery'] } }).expect(200);
    id = await initialedFile(t, c);
  });
  afterAll(() => t.close());

  it('has no paper before its step: the list is empty and each paper is 404', async () => {
    expect((await get(c.applicant, `/applications/${id}/official-documents`).expect(200)).body).toEqual([]);
    for (const type of ['decision', 'contract', 'acceptance', 'settlement', 'recovery-notice', 'payment-request']) {
      await get(c.applicant, `/applications/${id}/official-documents/${type}`).expect(404);
    }
  });

  it('the decision: numbered by the register, the approved support and advance limit in figures and words, signed KT. by the deputy who decided', async () => {
    const decided = await t.http.post(api(`/applications/${id}/decide`)).set(deputy.auth).send({ decision: 'approve', reason: 'Phù hợp kế hoạch' }).expect(200);
    const f = await file();
    const [entry] = await registerOf('decision');
    expect(entry.number).toBe(decided.body.decisionNo);
    expect(f.timeline.find((e: { action: string }) => e.action === 'approve')).toMatchObject({ actorId: deputy.id, capacity: 'leader' });
    expect(entry).toMatchObject({ signingForm: 'KT.', signerName: deputy.fullName });
    const list = (await get(c.applicant, `/applications/${id}/official-documents`).expect(200)).body;
    expect(list).toEqual([expect.objectContaining({ type: 'decision', number: entry.number, issuedAt: `${YEAR}-03-02`, signerName: deputy.fullName, signingForm: 'KT.' })]);
    expect(f.approvedSupport).toBe('300000000');
    const text = await paperSays('decision', [
      `Số: ${entry.number}`,
      'Đồng Tháp, ngày 02 tháng 3 năm 2054',
      'QUYẾT ĐỊNH',
      'GIÁM ĐỐC SỞ CÔNG THƯƠNG TỈNH ĐỒNG THÁP',
      'Căn cứ Nghị định số 45/2012/NĐ-CP',
      'Điều 1.',
      'Hợp tác xã cơ khí Phú Thành',
      '3. Kinh phí khuyến công hỗ trợ: 300.000.000 đồng',
      'Bằng chữ: Ba trăm triệu đồng.',
      '4. Mức tạm ứng tối đa: 210.000.000 đồng',
      'Bằng chữ: Hai trăm mười triệu đồng.',
      'Tổng chi phí thực hiện đề án: 800.000.000 đồng',
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      deputy.fullName,
    ]);
    expect(text).not.toMatch(/KT\. GIÁM ĐỐC GIÁM ĐỐC/);
  }, 60_000);

  it('the contract: its register number with the year, the officer who recorded it signs for party A, the representative for party B', async () => {
    const contracted = await t.http.post(api(`/applications/${id}/contract`)).set(c.officer.auth).send({ signedDate: `${YEAR}-03-02` }).expect(200);
    const [entry] = await registerOf('contract');
    expect(entry.number).toBe(`01/${YEAR}/HĐ-TTKC`);
    expect(contracted.body.timeline.at(-1)).toMatchObject({ action: 'contract', capacity: 'officer', actorId: c.officer.id });
    expect(entry).toMatchObject({ signerCapacity: 'officer', signingForm: 'direct', signingTitle: ['CHUYÊN VIÊN'] });
    await paperSays('contract', [`Số: 01/${YEAR}/HĐ-TTKC`, 'HỢP ĐỒNG', 'Căn cứ Bộ luật Dân sự', `Căn cứ Quyết định số ${(await file()).decisionNo}`, 'ĐẠI DIỆN BÊN A', 'CHUYÊN VIÊN', c.officer.fullName, 'ĐẠI DIỆN BÊN B', 'Nguyễn Văn An', '1. Kinh phí hỗ trợ: 300.000.000 đồng', 'Bằng chữ: Ba trăm triệu đồng.', '2. Tạm ứng tối đa: 210.000.000 đồng']);
  }, 60_000);

  it('the payment request of an advance: per disbursement, the amount in figures and words', async () => {
    const advance = await postMoney(t, c.officer, '/disbursements', { applicationId: id, kind: 'advance', amount: '210000000', note: 'Tạm ứng đợt 1' }).expect(201);
    advanceId = advance.body.id;
    const [entry] = await registerOf('payment-request');
    expect(entry).toMatchObject({ number: '01/GĐN-TT', disbursementId: advanceId, signerId: c.officer.id, signingForm: 'direct' });
    await paperSays('payment-request', ['GIẤY ĐỀ NGHỊ', 'Tạm ứng kinh phí khuyến công', 'Số tiền đề nghị tạm ứng lần này: 210.000.000 đồng', 'Bằng chữ: Hai trăm mười triệu đồng.', 'NGƯỜI ĐỀ NGHỊ'], { disbursementId: advanceId });
    await get(c.applicant, `/applications/${id}/official-documents/payment-request`).query({ disbursementId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }).expect(404);
    await get(c.applicant, `/applications/${id}/official-documents/payment-request`).query({ disbursementId: 'not-an-id' }).expect(400);
    await t.http.post(api(`/disbursements/${advanceId}/approve`)).set(c.finance.auth).send({}).expect(200);
    await postMoney(t, c.finance, `/disbursements/${advanceId}/pay`, { treasuryRef: `KB-DOC-${Date.now().toString(36)}-${seq++}`, valueDate: `${YEAR}-03-02` }).expect(200);
  }, 60_000);

  it('the acceptance record: its result, the settlement due date, signed by the officer', async () => {
    const accepted = await t.http.post(api(`/applications/${id}/acceptance`)).set(c.officer.auth).send({ result: 'passed', date: `${YEAR}-03-02`, note: 'Máy vận hành đạt công suất' }).expect(200);
    const [entry] = await registerOf('acceptance');
    expect(entry.number).toBe('01/BB-NT');
    expect(accepted.body.timeline.at(-1)).toMatchObject({ action: 'accept', capacity: 'officer' });
    await paperSays('acceptance', ['BIÊN BẢN NGHIỆM THU', 'Số: 01/BB-NT', 'ĐẠT', 'Máy vận hành đạt công suất', 'Bằng chữ: Ba trăm triệu đồng.', `Căn cứ Hợp đồng số 01/${YEAR}/HĐ-TTKC`, 'ĐẠI DIỆN BÊN B']);
  }, 60_000);

  it('the settlement record and the recovery notice: final support, paid and owed in figures and words, signed directly by the director', async () => {
    const submitted = await t.http
      .post(api(`/applications/${id}/settlement`))
      .set(c.applicant.auth)
      .send({ actualCostLines: [{ description: 'Máy sấy lúa', amount: '300000000', eligible: true, documentRef: 'HĐ GTGT 0001' }, { description: 'Nhà xưởng', amount: '100000000', eligible: false, documentRef: 'HĐ 2' }] })
      .expect(201);
    await get(c.applicant, `/applications/${id}/official-documents/settlement`).expect(404);
    await t.http.post(api(`/settlements/${submitted.body.id}/approve`)).set(c.finance.auth).send({}).expect(200);
    await get(c.applicant, `/applications/${id}/official-documents/settlement`).expect(404);
    const approved = await t.http.post(api(`/settlements/${submitted.body.id}/approve`)).set(c.leader.auth).send({}).expect(200);
    expect(approved.body).toMatchObject({ finalSupport: '150000000', paid: '210000000', balance: '-60000000', approvedCapacity: 'leader' });
    const [settlement] = await registerOf('settlement');
    const [notice] = await registerOf('recovery-notice');
    expect(settlement).toMatchObject({ number: '01/BB-QT', signerId: c.leader.id, signingForm: 'direct', signingTitle: ['GIÁM ĐỐC'] });
    expect(notice).toMatchObject({ number: '01/TB-TH', signerId: c.leader.id, signingForm: 'direct' });
    const settle = await paperSays('settlement', [
      'BIÊN BẢN QUYẾT TOÁN KINH PHÍ KHUYẾN CÔNG',
      'Số: 01/BB-QT',
      'Kinh phí hỗ trợ quyết toán: 150.000.000 đồng',
      'Bằng chữ: Một trăm năm mươi triệu đồng.',
      'Đã tạm ứng, thanh toán: 210.000.000 đồng',
      'Bằng chữ: Hai trăm mười triệu đồng.',
      'Số cơ sở phải nộp trả ngân sách: 60.000.000 đồng',
      'Bằng chữ: Sáu mươi triệu đồng.',
      'Căn cứ Biên bản nghiệm thu số 01/BB-NT',
      c.leader.fullName,
    ]);
    expect(settle).not.toContain('KT. GIÁM ĐỐC');
    await paperSays('recovery-notice', ['THÔNG BÁO', 'Số: 01/TB-TH', 'Kính gửi: Hợp tác xã cơ khí Phú Thành', 'Căn cứ Biên bản quyết toán số 01/BB-QT', '3. Số phải nộp trả ngân sách nhà nước: 60.000.000 đồng', 'Bằng chữ: Sáu mươi triệu đồng.', 'GIÁM ĐỐC', c.leader.fullName]);
    // the settlement statement carries the same number and signing form
    const statement = flat(pdfText((await get(c.applicant, `/settlements/${submitted.body.id}/statement.pdf`).buffer(true).parse(binary).expect(200)).body));
    expect(statement).toContain('Số: 01/BB-QT');
    // and the amounts its approver vouches for in words, as the paper has them
    for (const words of ['Bằng chữ: Một trăm năm mươi triệu đồng.', 'Bằng chữ: Hai trăm mười triệu đồng.', 'Bằng chữ: Sáu mươi triệu đồng.']) expect(statement).toContain(words);
  }, 90_000);

  it('a cancelled file on which an advance was paid: a recovery notice for all that was paid, in figures and words', async () => {
    const other = await initialedFile(t, c);
    await t.http.post(api(`/applications/${other}/decide`)).set(c.leader.auth).send({ decision: 'approve' }).expect(200);
    await t.http.post(api(`/applications/${other}/contract`)).set(c.officer.auth).send({ signedDate: `${YEAR}-03-02` }).expect(200);
    const advance = await postMoney(t, c.officer, '/disbursements', { applicationId: other, kind: 'advance', amount: '45000000' }).expect(201);
    await t.http.post(api(`/disbursements/${advance.body.id}/approve`)).set(c.finance.auth).send({}).expect(200);
    await postMoney(t, c.finance, `/disbursements/${advance.body.id}/pay`, { treasuryRef: `KB-DOC-${Date.now().toString(36)}-${seq++}`, valueDate: `${YEAR}-03-02` }).expect(200);
    await get(c.applicant, `/applications/${other}/official-documents/recovery-notice`).expect(404);
    const cancelled = await t.http.post(api(`/applications/${other}/cancel`)).set(c.leader.auth).send({ reason: 'Cơ sở ngừng sản xuất' }).expect(200);
    expect(cancelled.body.recoveryId).toBeTruthy();
    const entry = (await get(c.finance, '/document-register').query({ year: YEAR, type: 'recovery-notice' }).expect(200)).body.items.find((i: { applicationId: string }) => i.applicationId === other);
    expect(entry).toMatchObject({ number: '02/TB-TH', signerId: c.leader.id, signingForm: 'direct' });
    const saved = id;
    id = other;
    try {
      await paperSays('recovery-notice', ['THÔNG BÁO', 'Số: 02/TB-TH', 'đã bị hủy với lý do: Cơ sở ngừng sản xuất', '2. Số phải nộp trả ngân sách nhà nước: 45.000.000 đồng', 'Bằng chữ: Bốn mươi lăm triệu đồng.']);
    } finally {
      id = saved;
    }
  }, 60_000);

  it('an earlier paper of a type stays downloadable by its number: a failed acceptance, then a passed one', async () => {
    const other = await initialedFile(t, c);
    await t.http.post(api(`/applications/${other}/decide`)).set(c.leader.auth).send({ decision: 'approve' }).expect(200);
    await t.http.post(api(`/applications/${other}/contract`)).set(c.officer.auth).send({ signedDate: `${YEAR}-03-02` }).expect(200);
    await t.http.post(api(`/applications/${other}/acceptance`)).set(c.officer.auth).send({ result: 'failed', date: `${YEAR}-03-02`, note: 'Máy chưa lắp đặt xong' }).expect(200);
    await t.http.post(api(`/applications/${other}/acceptance`)).set(c.officer.auth).send({ result: 'passed', date: `${YEAR}-03-02`, note: 'Đã khắc phục, vận hành tốt' }).expect(200);
    const [failed, passed] = (await get(c.applicant, `/applications/${other}/official-documents`).expect(200)).body.filter((e: { type: string }) => e.type === 'acceptance');
    expect(failed.number).not.toBe(passed.number);
    // each entry of the list carries its own downloads, by its number
    const query = (n: string) => `number=${encodeURIComponent(n)}`;
    expect(failed).toMatchObject({
      pdfUrl: `/api/v1/applications/${other}/official-documents/acceptance?${query(failed.number)}&format=pdf`,
      docxUrl: `/api/v1/applications/${other}/official-documents/acceptance?${query(failed.number)}&format=docx`,
    });
    expect(passed.pdfUrl).toBe(`/api/v1/applications/${other}/official-documents/acceptance?${query(passed.number)}&format=pdf`);
    const textOf = async (url: string) => flat(pdfText((await t.http.get(url).set(c.applicant.auth).buffer(true).parse(binary).expect(200)).body));
    const first = await textOf(failed.pdfUrl);
    expect(first).toContain(`Số: ${failed.number}`);
    expect(first).toContain('KHÔNG ĐẠT.');
    expect(first).toContain('Ý kiến: Máy chưa lắp đặt xong');
    expect(first).not.toContain('Đã khắc phục');
    const firstDocx = flat(await docxText((await t.http.get(failed.docxUrl).set(c.applicant.auth).buffer(true).parse(binary).expect(200)).body));
    expect(firstDocx).toContain(`Số: ${failed.number}`);
    expect(firstDocx).toContain('KHÔNG ĐẠT.');
    const second = await textOf(passed.pdfUrl);
    expect(second).toContain(`Số: ${passed.number}`);
    expect(second).toContain('Ý kiến: Đã khắc phục, vận hành tốt');
    // without a number: the latest, as before
    expect(await textOf(`/api/v1/applications/${other}/official-documents/acceptance`)).toContain(`Số: ${passed.number}`);
    // a number that is not one of this file's papers of the type: 404 (another file's, another type's, unknown)
    const path = `/applications/${other}/official-documents/acceptance`;
    const [theFirstFilesAcceptance] = await registerOf('acceptance');
    await get(c.applicant, path).query({ number: theFirstFilesAcceptance.number }).expect(404);
    await get(c.applicant, path).query({ number: '99/BB-NT' }).expect(404);
    await get(c.applicant, path).query({ number: (await file()).decisionNo }).expect(404);
    await get(c.applicant, `/applications/${other}/official-documents/decision`).query({ number: failed.number }).expect(404);
    const tooLong = await get(c.applicant, path).query({ number: 'x'.repeat(65) }).expect(400);
    expect(tooLong.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'number' })] });
  }, 90_000);

  it('every paper in the list is the one in the register, and only those who see the file read them', async () => {
    const list = (await get(c.applicant, `/applications/${id}/official-documents`).expect(200)).body as Array<{ type: string; number: string }>;
    expect(list.map((e) => e.type)).toEqual(['decision', 'contract', 'payment-request', 'acceptance', 'settlement', 'recovery-notice']);
    const register = (await get(c.finance, '/document-register').query({ year: YEAR }).expect(200)).body.items.filter((i: { applicationId: string }) => i.applicationId === id);
    expect(new Set(register.map((e: { number: string }) => e.number))).toEqual(new Set(list.map((e) => e.number)));
    const stranger = await createActor(t, ['applicant']);
    await get(stranger, `/applications/${id}/official-documents`).expect(404);
    await get(stranger, `/applications/${id}/official-documents/decision`).expect(404);
    await get(c.applicant, `/applications/${id}/official-documents/memo`).expect(404);
    await get(c.applicant, `/applications/${id}/official-documents/decision`).query({ format: 'xls' }).expect(400);
    await get(c.auditor, `/applications/${id}/official-documents/decision`).expect(200);
  });

  it('a rejection is a decision too: "Không hỗ trợ" with the reason, numbered by the register, no amount', async () => {
    const other = await initialedFile(t, c);
    await t.http.post(api(`/applications/${other}/decide`)).set(c.leader.auth).send({ decision: 'reject', reason: 'Trùng nội dung đã được hỗ trợ năm trước' }).expect(200);
    const [entry] = (await get(c.applicant, `/applications/${other}/official-documents`).expect(200)).body;
    expect(entry).toMatchObject({ type: 'decision', signerName: c.leader.fullName, signingForm: 'direct' });
    const register = (await get(c.finance, '/document-register').query({ year: YEAR, type: 'decision' }).expect(200)).body.items.find((i: { applicationId: string }) => i.applicationId === other);
    expect(register.number).toBe(entry.number);
    const saved = id;
    id = other;
    try {
      const text = await paperSays('decision', [
        `Số: ${entry.number}`,
        'QUYẾT ĐỊNH',
        'Về việc không hỗ trợ kinh phí khuyến công đề án "Ứng dụng máy sấy lúa tiên tiến"',
        'Điều 1. Không hỗ trợ kinh phí khuyến công cho Hợp tác xã cơ khí Phú Thành',
        'Lý do: Trùng nội dung đã được hỗ trợ năm trước',
        'Như Điều 2;',
        'GIÁM ĐỐC',
        c.leader.fullName,
      ]);
      expect(text).not.toContain('Bằng chữ');
      expect(text).not.toContain('Kinh phí khuyến công hỗ trợ');
    } finally {
      id = saved;
    }
  }, 60_000);

  it('a file in USD: amounts in figures with cents ("12,30 USD") and in words in đô la Mỹ and xu, in the PDF and the DOCX', async () => {
    // a year of its own for the fund in USD (budget data of this test only)
    const USD_YEAR = 2074;
    t.clock.set(`${USD_YEAR}-02-05T03:00:00Z`);
    const admin = await createActor(t, ['admin']);
    const { fundCode } = await fundWithBudget(t, c.finance, { year: USD_YEAR, appropriated: '500000.00', currency: 'USD', source: 'sponsor' });
    await postMoney(t, c.finance, '/allocations', { fundCode, fiscalYear: USD_YEAR, unitId: c.centre.id, amount: '200000.00', decisionNo: `PB-PAPERS18B-${USD_YEAR}` }).expect(201);
    const activityTypeCode = `papers18b_usd_${Date.now().toString(36)}`;
    await t.http
      .post(api('/activity-types'))
      .set(admin.auth)
      .send({ code: activityTypeCode, name: 'Máy móc thiết bị (tài trợ)', fundSource: 'sponsor', supportRate: '0.5', advanceRate: '0.7', supportCap: '20000.00', capCurrency: 'USD', effectiveFrom: `${USD_YEAR}-01-01` })
      .expect(201);
    const other = await initialedFile(t, { ...c, fundCode, year: USD_YEAR }, { activityTypeCode, approvedSupport: '12345.60', eligibleCost: '24691.20' });
    await t.http.post(api(`/applications/${other}/decide`)).set(c.leader.auth).send({ decision: 'approve' }).expect(200);
    expect((await get(c.finance, `/applications/${other}`).expect(200)).body).toMatchObject({ currency: 'USD', approvedSupport: '12345.60' });
    await t.http.post(api(`/applications/${other}/contract`)).set(c.officer.auth).send({ signedDate: `${USD_YEAR}-02-05` }).expect(200);
    const advance = await postMoney(t, c.officer, '/disbursements', { applicationId: other, kind: 'advance', amount: '12.30' }).expect(201);
    const saved = id;
    id = other;
    try {
      const decision = await paperSays('decision', [
        '3. Kinh phí khuyến công hỗ trợ: 12.345,60 USD',
        'Bằng chữ: Mười hai nghìn ba trăm bốn mươi lăm đô la Mỹ và sáu mươi xu.',
        '4. Mức tạm ứng tối đa: 8.641,92 USD',
        'Bằng chữ: Tám nghìn sáu trăm bốn mươi mốt đô la Mỹ và chín mươi hai xu.',
        'Tổng chi phí thực hiện đề án: 24.691,20 USD',
      ]);
      expect(decision).not.toMatch(/\d đồng|đồng\./);
      await paperSays('contract', ['1. Kinh phí hỗ trợ: 12.345,60 USD', 'Bằng chữ: Mười hai nghìn ba trăm bốn mươi lăm đô la Mỹ và sáu mươi xu.']);
      await paperSays('payment-request', ['Số tiền đề nghị tạm ứng lần này: 12,30 USD', 'Bằng chữ: Mười hai đô la Mỹ và ba mươi xu.'], { disbursementId: advance.body.id });
    } finally {
      id = saved;
    }
  }, 90_000);
});
