import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import type { Actor } from '../src/common/auth/actor';
import { Forbidden } from '../src/common/http/domain-error';
import { newId } from '../src/common/ids';
import { ReconciliationService } from '../src/modules/reconciliation/reconciliation.service';
import { createActor, createUnit, TestActor } from './support/actors';
import { startTestApp, TestApp } from './support/test-app';
import { csrfOf, hiddenValue, PageClient, webUser } from './web-support';

const api = (path: string) => `/api/v1${path}`;
const HEADER = 'treasuryRef,valueDate,amount,direction,payeeTaxCode,description';
/** The template's header, as Excel on a Windows set to Vietnamese saves it (semicolons). */
const VI_HEADER = 'Số tham chiếu;Ngày giá trị;Số tiền;Chiều;Mã số thuế người nhận;Nội dung';
let counter = 0;
/** A reference no other test (of this file or another) uses. */
const ref = (label: string) => `KB-${label}-${Date.now().toString(36)}${(counter++).toString(36)}`.toUpperCase();

/**
 * What KCFund recorded is put straight into the tables the disbursement and settlement modules
 * fill, so these tests depend only on the reconciliation. Value dates are in 2011 and 2012, which
 * no other test uses, so "missing" sees only what these tests recorded.
 */
describe('treasury reconciliation: import a statement, match it, list what is missing', () => {
  let t: TestApp;
  let db: DataSource;
  let finance: TestActor;
  let auditor: TestActor;
  let officer: TestActor;
  let unitId: string;
  let fundId: string;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    unitId = (await createUnit(t, 'centre')).id;
    finance = await createActor(t, ['finance'], unitId);
    auditor = await createActor(t, ['auditor'], unitId);
    officer = await createActor(t, ['officer'], unitId);
    fundId = newId();
    await db.query(`INSERT INTO funds (id, code, name, source, currency, created_at) VALUES (?,?,?,'local','VND',NOW(3))`, [
      fundId,
      `REC${Date.now().toString(36)}`.toUpperCase(),
      'Quỹ khuyến công địa phương (thử đối chiếu)',
    ]);
  });
  afterAll(() => t.close());

  async function paid(treasuryRef: string, amount: string, valueDate: string): Promise<void> {
    await db.query(
      `INSERT INTO disbursements (id, application_id, fund_id, fiscal_year, unit_id, kind, amount, status, requested_by, requested_at,
         approved_by, approved_at, paid_by, paid_at, treasury_ref, value_date)
       VALUES (?,?,?,?,?,'payment',?,'paid',?,NOW(3),?,NOW(3),?,NOW(3),?,?)`,
      [newId(), newId(), fundId, Number(valueDate.slice(0, 4)), unitId, amount, officer.id, finance.id, finance.id, treasuryRef, valueDate],
    );
  }

  async function requested(amount: string): Promise<void> {
    await db.query(
      `INSERT INTO disbursements (id, application_id, fund_id, fiscal_year, unit_id, kind, amount, status, requested_by, requested_at)
       VALUES (?,?,?,2011,?,'advance',?,'requested',?,NOW(3))`,
      [newId(), newId(), fundId, unitId, amount, officer.id],
    );
  }

  async function received(treasuryRef: string, amount: string, valueDate: string): Promise<void> {
    const recoveryId = newId();
    await db.query(
      `INSERT INTO recoveries (id, application_id, settlement_id, fund_id, fiscal_year, unit_id, amount, received, status, created_at)
       VALUES (?,?,?,?,?,?,?,?,'closed',NOW(3))`,
      [recoveryId, newId(), newId(), fundId, Number(valueDate.slice(0, 4)), unitId, amount, amount],
    );
    await db.query(
      `INSERT INTO recovery_receipts (id, recovery_id, amount, treasury_ref, value_date, transfer_id, received_by, created_at)
       VALUES (?,?,?,?,?,?,?,NOW(3))`,
      [newId(), recoveryId, amount, treasuryRef, valueDate, newId(), finance.id],
    );
  }

  function upload(actor: TestActor | null, content: string | Buffer, filename = 'sao-ke.csv') {
    const request = t.http.post(api('/reconciliation/imports'));
    if (actor) request.set(actor.auth);
    return request.attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), { filename, contentType: 'text/csv' });
  }

  async function importCount(): Promise<number> {
    const [{ n }] = await db.query('SELECT COUNT(*) AS n FROM reconciliation_imports');
    return Number(n);
  }

  async function auditCount(): Promise<number> {
    const [{ n }] = await db.query(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'reconciliation.import'`);
    return Number(n);
  }

  it('counts a match, a mismatch, an unknown line and a missing payment exactly, and keeps the result as answered', async () => {
    const [a, b, r, x, m, later] = ['A', 'B', 'R', 'X', 'M', 'LATER'].map(ref);
    await paid(a, '1500000', '2011-03-02');
    await paid(b, '2000000', '2011-03-10');
    await received(r, '500000', '2011-03-15');
    await paid(m, '700000', '2011-03-20'); // inside the statement's dates, absent from it
    await paid(later, '900000', '2011-04-15'); // after the statement's last date: not missing
    await requested('300000'); // not paid: no treasury movement to expect
    // A BOM, CRLF line ends and a quoted description with a comma, as a treasury export has them.
    const csv =
      `\uFEFF${HEADER}\r\n` +
      `${a},2011-03-02,1500000,out,0312345678,"Tạm ứng đề án, đợt 1"\r\n` +
      `${b},2011-03-10,2100000,out,,Thanh toán đợt 2\r\n` +
      `${r},2011-03-15,500000,in,0312345678-001,Thu hồi kinh phí\r\n` +
      `${x},2011-03-25,300000,out,,Khoản chi không rõ\r\n`;

    const res = await upload(finance, csv, 'sao-kê tháng 3.csv').expect(201);
    expect(res.body).toMatchObject({
      id: expect.any(String),
      matched: 2,
      amountMismatch: 1,
      unknownInStatement: 1,
      missingFromStatement: 1,
      lineCount: 4,
      firstValueDate: '2011-03-02',
      lastValueDate: '2011-03-25',
      fileName: 'sao-kê tháng 3.csv',
      importedBy: finance.id,
    });
    for (const count of ['matched', 'amountMismatch', 'unknownInStatement', 'missingFromStatement']) {
      expect(Number.isInteger(res.body[count])).toBe(true);
    }
    expect(res.body.lines).toEqual([
      { line: 2, treasuryRef: a, direction: 'out', status: 'matched', statementAmount: '1500000', systemAmount: '1500000' },
      { line: 3, treasuryRef: b, direction: 'out', status: 'amount_mismatch', statementAmount: '2100000', systemAmount: '2000000' },
      { line: 4, treasuryRef: r, direction: 'in', status: 'matched', statementAmount: '500000', systemAmount: '500000' },
      { line: 5, treasuryRef: x, direction: 'out', status: 'unknown', statementAmount: '300000', systemAmount: null },
    ]);
    expect(res.body.missing).toEqual([{ treasuryRef: m, direction: 'out', amount: '700000', valueDate: '2011-03-20' }]);

    const again = await t.http.get(api(`/reconciliation/imports/${res.body.id}`)).set(auditor.auth).expect(200);
    expect(again.body).toEqual(res.body);
    const list = await t.http.get(api('/reconciliation/imports?pageSize=200')).set(finance.auth).expect(200);
    const item = list.body.items.find((i: { id: string }) => i.id === res.body.id);
    const { lines: _lines, missing: _missing, ...summary } = res.body;
    expect(item).toEqual(summary);
    expect(list.body).toMatchObject({ page: 1, pageSize: 200, total: expect.any(Number) });

    const [audit] = await db.query(`SELECT actor_id, capacity, after_json FROM audit_log WHERE action = 'reconciliation.import' AND entity_id = ?`, [res.body.id]);
    expect(audit).toMatchObject({ actor_id: finance.id, capacity: 'finance' });
    expect(JSON.parse(audit.after_json)).toMatchObject({ matched: 2, amountMismatch: 1, unknownInStatement: 1, missingFromStatement: 1 });
  });

  it('matches references without regard to case, and only in their own direction', async () => {
    const [out, inbound] = [ref('CASE'), ref('DIR')];
    await paid(out, '1000000', '2012-01-10');
    await paid(inbound, '250000', '2012-01-11'); // paid out, but the statement says it came in
    const csv = `${HEADER}\n${out.toLowerCase()},2012-01-10,1000000,out,,\n${inbound},2012-01-11,250000,in,,\n`;
    const res = await upload(finance, csv).expect(201);
    expect(res.body.lines.map((l: { status: string }) => l.status)).toEqual(['matched', 'unknown']);
    expect(res.body.missing).toEqual([{ treasuryRef: inbound, direction: 'out', amount: '250000', valueDate: '2012-01-11' }]);
    expect(res.body).toMatchObject({ matched: 1, amountMismatch: 0, unknownInStatement: 1, missingFromStatement: 1 });
  });

  const good = (label: string, line = 0) => `${ref(label)},2012-02-0${1 + (line % 9)},1000000,out,,Chi trả`;
  it.each<[string, () => string | Buffer, string[]]>([
    ['a bad amount ("12.5")', () => `${HEADER}\n${good('G1')}\n${ref('BAD')},2012-02-02,12.5,out,,\n`, ['dòng 3, cột Số tiền']],
    ['an amount with an exponent', () => `${HEADER}\n${ref('BAD')},2012-02-02,1e6,out,,\n`, ['dòng 2, cột Số tiền']],
    ['a negative amount', () => `${HEADER}\n${good('G1')}\n${good('G2')}\n${ref('BAD')},2012-02-02,-5,out,,\n`, ['dòng 4, cột Số tiền']],
    ['an amount with commas for thousands', () => `${HEADER}\n${good('G1')}\n${ref('BAD')},2012-02-02,"1,000,000",out,,\n`, ['dòng 3, cột Số tiền']],
    ['a date that does not exist', () => `${HEADER}\n${ref('BAD')},2012-02-30,1000,out,,\n${good('G1')}\n`, ['dòng 2, cột Ngày giá trị']],
    ['a dd/mm/yyyy date that does not exist', () => `${HEADER}\n${good('G1')}\n${ref('BAD')},30/02/2012,1000,out,,\n`, ['dòng 3, cột Ngày giá trị']],
    ['a bad direction', () => `${HEADER}\n${good('G1')}\n${good('G2')}\n${ref('BAD')},2012-02-02,1000,sideways,,\n`, ['dòng 4, cột Chiều']],
    ['a header without a column', () => `treasuryRef,valueDate,amount,direction,description\n${good('G1')}\n`, ['dòng 1 (tiêu đề)']],
    ['a header with an unknown column', () => `Số tham chiếu;Ngày giá trị;Số tiền;Chiều;Mã số thuế người nhận;Nội dung;Ghi chú\n${ref('G1')};01/02/2012;1.000;Chi;;;\n`, ['dòng 1 (tiêu đề)']],
    ['an empty file', () => Buffer.alloc(0), ['dòng 1 (tiêu đề)']],
    ['a header and no line', () => `${HEADER}\n`, ['dòng 2']],
    ['a line with a column missing', () => `${HEADER}\n${good('G1')}\n${ref('BAD')},2012-02-02,1000,out\n`, ['dòng 3']],
    ['a quote never closed', () => `${HEADER}\n${good('G1')}\n${ref('BAD')},2012-02-02,1000,out,,"Chi trả\n${good('G2')}\n`, ['dòng 3']],
    ['a reference twice in one statement', () => {
      const twice = ref('TWICE');
      return `${HEADER}\n${twice},2012-02-02,1000,out,,\n${good('G1')}\n${twice},2012-02-03,1000,Chi,,\n`;
    }, ['dòng 4, cột Số tham chiếu']],
    ['text not in UTF-8', () => Buffer.concat([Buffer.from(`${HEADER}\n${ref('BAD')},2012-02-02,1000,out,,Chi tr`), Buffer.from([0xe0, 0x20]), Buffer.from('\n')]), ['dòng 2, cột Nội dung']],
    ['a quoted description over two lines, then a bad amount', () => `${HEADER}\r\n${ref('ML')},2012-02-02,1000,out,,"dòng một\r\ndòng hai"\r\n${ref('BAD')},2012-02-03,12.5,out,,\r\n`, ['dòng 4, cột Số tiền']],
    ['two bad lines', () => `${HEADER}\n${ref('BAD')},2012-02-02,abc,out,,\n${good('G1')}\n${ref('BAD')},2012-02-02,1000,sideways,,\n`, ['dòng 2, cột Số tiền', 'dòng 4, cột Chiều']],
    ['a bad line in a semicolon file', () => `${VI_HEADER}\n${ref('G1')};01/02/2012;1.000;Chi;;Chi trả, đợt 1\n${ref('BAD')};02/02/2012;1.000;Chi;12345;\n`, ['dòng 3, cột Mã số thuế người nhận']],
  ])('refuses %s with a 400 naming the line, and imports nothing', async (_name, content, fields) => {
    const [importsBefore, auditsBefore] = [await importCount(), await auditCount()];
    const res = await upload(finance, content()).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(fields);
    for (const error of res.body.errors) expect(error.message).toEqual(expect.any(String));
    expect(res.body.detail).toContain(fields[0]);
    expect([await importCount(), await auditCount()]).toEqual([importsBefore, auditsBefore]);
  });

  it('refuses an upload without the file part, or one that is not multipart', async () => {
    const noFile = await t.http.post(api('/reconciliation/imports')).set(finance.auth).field('note', 'x').expect(400);
    expect(noFile.body.errors).toEqual([{ field: 'file', message: expect.any(String) }]);
    const json = await t.http.post(api('/reconciliation/imports')).set(finance.auth).send({ file: 'x' }).expect(400);
    expect(json.body.errors).toEqual([{ field: 'file', message: expect.any(String) }]);
  });

  it('refuses a form past its multipart limits (too many fields, a second file, a field too long, a file too large), naming the limit; nothing imported', async () => {
    // A statement that would import: without the limits checked, the extra parts were dropped and it was.
    const csv = () => Buffer.from(`${HEADER}\n${ref('LIM')},2012-04-01,1000000,out,,Chi trả\n`, 'utf8');
    const [imports, audits] = [await importCount(), await auditCount()];
    let crowded = t.http.post(api('/reconciliation/imports')).set(finance.auth);
    for (let i = 0; i < 11; i++) crowded = crowded.field(`note${i}`, 'x');
    const tooMany = await crowded.attach('file', csv(), { filename: 'sao-ke.csv', contentType: 'text/csv' }).expect(400);
    expect(tooMany.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(tooMany.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'body', message: 'biểu mẫu tải lên có quá nhiều trường' }] });
    const twoFiles = await t.http
      .post(api('/reconciliation/imports'))
      .set(finance.auth)
      .attach('file', csv(), { filename: 'sao-ke.csv', contentType: 'text/csv' })
      .attach('file2', csv(), { filename: 'sao-ke-2.csv', contentType: 'text/csv' })
      .expect(400);
    expect(twoFiles.body.errors).toEqual([{ field: 'file', message: 'gửi đúng một tệp trong trường "file" (multipart/form-data)' }]);
    const long = await t.http
      .post(api('/reconciliation/imports'))
      .set(finance.auth)
      .field('note', 'x'.repeat(2000))
      .attach('file', csv(), { filename: 'sao-ke.csv', contentType: 'text/csv' })
      .expect(400);
    expect(long.body.errors).toEqual([{ field: 'note', message: 'giá trị quá dài' }]);
    // Past 64 MB (bytes of an old .xls, only counted) the file is refused by its size.
    const huge = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(64 * 1024 * 1024)]);
    const tooLarge = await upload(finance, huge, 'lon.xls').expect(400);
    expect(tooLarge.body.errors).toEqual([{ field: 'file', message: 'tệp sao kê tối đa 64 MB' }]);
    expect([await importCount(), await auditCount()]).toEqual([imports, audits]);
    // Within the limits the same kind of form imports.
    await t.http.post(api('/reconciliation/imports')).set(finance.auth).field('note', 'x'.repeat(1000)).attach('file', csv(), { filename: 'sao-ke.csv', contentType: 'text/csv' }).expect(201);
  });

  it('refuses the same file twice (409 DUPLICATE), also when both arrive at once', async () => {
    const csv = `${HEADER}\n${ref('DUP')},2012-03-01,1000000,out,,Chi trả\n`;
    const first = await upload(finance, csv).expect(201);
    const before = await importCount();
    const second = await upload(finance, csv, 'ten-khac.csv').expect(409);
    expect(second.body).toMatchObject({ status: 409, code: 'DUPLICATE' });
    // The earlier import named as finance finds it in the list: its day and file, never its id.
    expect(second.body.detail).toContain(`tệp “${first.body.fileName}”`);
    expect(second.body.detail).not.toContain(first.body.id);
    expect(await importCount()).toBe(before);

    const racing = `${HEADER}\n${ref('RACE')},2012-03-02,1000000,out,,Chi trả\n`;
    const statuses = (await Promise.all([upload(finance, racing), upload(finance, racing)])).map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409]);
  });

  it('lets finance import, finance and auditors read; an officer gets 403, no token 401, an unknown id 404', async () => {
    const csv = `${HEADER}\n${ref('ROLE')},2012-04-01,1000000,out,,Chi trả\n`;
    const before = await importCount();
    await upload(officer, csv).expect(403);
    await upload(auditor, csv).expect(403);
    await upload(null, csv).expect(401);
    expect(await importCount()).toBe(before);
    const created = await upload(finance, csv).expect(201);

    await t.http.get(api('/reconciliation/imports')).set(auditor.auth).expect(200);
    await t.http.get(api(`/reconciliation/imports/${created.body.id}`)).set(auditor.auth).expect(200);
    await t.http.get(api(`/reconciliation/imports/${created.body.id}`)).set(finance.auth).expect(200);
    await t.http.get(api('/reconciliation/imports')).set(officer.auth).expect(403);
    await t.http.get(api(`/reconciliation/imports/${created.body.id}`)).set(officer.auth).expect(403);
    await t.http.get(api('/reconciliation/imports')).expect(401);
    await t.http.get(api(`/reconciliation/imports/${newId()}`)).set(auditor.auth).expect(404);
    await t.http.get(api('/reconciliation/imports/not-an-id')).set(auditor.auth).expect(404);
  });
  // ---- statements as Vietnamese offices make them (issue 17, point 6) ---------------------------

  /** Four lines: a match, a mismatch, a receipt matched, an unknown; and a payment the statement lacks. */
  async function recordFor(month: string) {
    const [a, b, r, x, m] = ['A', 'B', 'R', 'X', 'M'].map((label) => ref(`${label}${month}`));
    await paid(a, '70000000', `2011-${month}-02`);
    await paid(b, '2000000', `2011-${month}-10`);
    await received(r, '500000', `2011-${month}-15`);
    await paid(m, '700000', `2011-${month}-20`);
    return { a, b, r, x, m };
  }

  function expectFourLines(body: Record<string, unknown>, refs: { a: string; b: string; r: string; x: string; m: string }, month: string, lines = [2, 3, 4, 5]) {
    expect(body).toMatchObject({ matched: 2, amountMismatch: 1, unknownInStatement: 1, missingFromStatement: 1, firstValueDate: `2011-${month}-02`, lastValueDate: `2011-${month}-25` });
    expect(body.lines).toEqual([
      { line: lines[0], treasuryRef: refs.a, direction: 'out', status: 'matched', statementAmount: '70000000', systemAmount: '70000000' },
      { line: lines[1], treasuryRef: refs.b, direction: 'out', status: 'amount_mismatch', statementAmount: '2100000', systemAmount: '2000000' },
      { line: lines[2], treasuryRef: refs.r, direction: 'in', status: 'matched', statementAmount: '500000', systemAmount: '500000' },
      { line: lines[3], treasuryRef: refs.x, direction: 'out', status: 'unknown', statementAmount: '300000', systemAmount: null },
    ]);
    expect(body.missing).toEqual([{ treasuryRef: refs.m, direction: 'out', amount: '700000', valueDate: `2011-${month}-20` }]);
  }

  it('reads the CSV Excel saves on a Vietnamese Windows: BOM, semicolons, Vietnamese headers, 03/05/2011, 70.000.000, Chi/Thu', async () => {
    const refs = await recordFor('05');
    const csv =
      `\uFEFF${VI_HEADER}\r\n` +
      `${refs.a};02/05/2011;70.000.000;Chi;0312345678;Tạm ứng đề án, đợt 1\r\n` +
      `${refs.b};10/05/2011;2.100.000,00;Chi;;"Thanh toán; đợt 2"\r\n` +
      `${refs.r};15/05/2011;500.000;Thu;0312345678-001;Thu hồi kinh phí\r\n` +
      `${refs.x};25/05/2011;300000;chi;;Khoản chi không rõ\r\n` +
      ';;;;;\r\n';
    const res = await upload(finance, csv, 'sao-ke-thang-5.csv').expect(201);
    expectFourLines(res.body, refs, '05');
  });

  it('reads a comma-separated CSV without a BOM, with Vietnamese headers in another order and a numbering column', async () => {
    const refs = await recordFor('06');
    const csv =
      'STT,Ngày giá trị,Số tham chiếu,Số tiền,Chiều,Nội dung,Mã số thuế người nhận\n' +
      `1,2011-06-02,${refs.a},70000000,out,"Tạm ứng, đợt 1",\n` +
      `2,10/06/2011,${refs.b},"2.100.000",Chi,,\n` +
      `3,15/6/2011,${refs.r},500.000 ₫,Thu hồi,,\n` +
      `4,25/06/2011,${refs.x},300.000,Chi,,\n`;
    const res = await upload(finance, csv).expect(201);
    expectFourLines(res.body, refs, '06');
  });

  async function workbook(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Sao kê');
    for (const row of rows) sheet.addRow(row);
    sheet.getColumn(2).numFmt = 'dd/mm/yyyy';
    return Buffer.from(await book.xlsx.writeBuffer());
  }
  const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const VI_COLUMNS = VI_HEADER.split(';');

  it('reads an XLSX statement: date and number cells, text typed the Vietnamese way, rows numbered as Excel numbers them', async () => {
    const refs = await recordFor('07');
    const file = await workbook([
      VI_COLUMNS,
      [refs.a, new Date('2011-07-02T00:00:00Z'), 70000000, 'Chi', '0312345678', 'Tạm ứng'],
      [refs.b, '10/07/2011', '2.100.000', 'Chi'], // the empty cells at the end are not in the file
      [refs.r, new Date('2011-07-15T00:00:00Z'), 500000, 'Thu', '0312345678-001', { richText: [{ text: 'Thu ' }, { text: 'hồi' }] }],
      [],
      [refs.x, new Date('2011-07-25T00:00:00Z'), { formula: '100000*3', result: 300000 }, 'Chi', null, null],
    ]);
    const res = await upload(finance, file, 'sao-ke-thang-7.xlsx').expect(201);
    expectFourLines(res.body, refs, '07', [2, 3, 4, 6]);
  });

  it('refuses an XLSX line as a CSV line, naming the Excel row and the Vietnamese column; and files it cannot read', async () => {
    const bad = await workbook([VI_COLUMNS, [ref('XG'), new Date('2011-08-01T00:00:00Z'), 1000, 'Chi'], [ref('XB'), new Date('2011-08-02T00:00:00Z'), 1500.5, 'Ra']]);
    const res = await t.http.post(api('/reconciliation/imports')).set(finance.auth).attach('file', bad, { filename: 'loi.xlsx', contentType: XLSX_TYPE }).expect(400);
    expect(res.body.errors).toEqual([
      { field: 'dòng 3, cột Số tiền', message: 'số tiền đồng Việt Nam không có phần lẻ (chỉ chấp nhận ,00)' },
      { field: 'dòng 3, cột Chiều', message: expect.stringContaining('ghi “Chi” (khoản chi) hoặc “Thu” (khoản thu hồi)') },
    ]);
    expect(res.body.detail).toContain('dòng 3, cột Số tiền');

    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]);
    const old = await upload(finance, xls, 'sao-ke.xls').expect(400);
    expect(old.body.errors).toEqual([{ field: 'file', message: expect.stringContaining('.xlsx') }]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADER}\n`, 'utf16le')]);
    const wide = await upload(finance, utf16, 'sao-ke.txt').expect(400);
    expect(wide.body.errors).toEqual([{ field: 'file', message: expect.stringContaining('CSV UTF-8') }]);
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('không phải zip')]);
    const unreadable = await upload(finance, broken, 'hong.xlsx').expect(400);
    expect(unreadable.body.errors).toEqual([{ field: 'file', message: expect.stringContaining('không mở được') }]);
    const huge = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(10 * 1024 * 1024)]);
    const tooLarge = await upload(finance, huge, 'lon.xlsx').expect(400);
    expect(tooLarge.body.errors).toEqual([{ field: 'file', message: expect.stringContaining('tệp Excel tối đa 10 MB') }]);
  });

  it('offers the template as CSV and XLSX to finance and auditors; each imports as it is (its two example lines)', async () => {
    const csv = await t.http.get(api('/reconciliation/template.csv')).set(finance.auth).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="mau-sao-ke-kho-bac.csv"');
    const text = (csv.body as Buffer).toString('utf8');
    expect(text.startsWith(`\uFEFF${VI_HEADER}\r\n`)).toBe(true);
    expect(text).toContain(`VI-DU-0001;${t.clock.today().split('-').reverse().join('/')};70.000.000;Chi;0312345678;`);

    const xlsx = await t.http.get(api('/reconciliation/template.xlsx')).set(auditor.auth).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(xlsx.headers['content-type']).toBe(XLSX_TYPE);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as never);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Sao kê', 'Hướng dẫn']);
    expect((book.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(VI_COLUMNS);

    for (const [file, name] of [[csv.body, 'mau.csv'], [xlsx.body, 'mau.xlsx']] as const) {
      const imported = await upload(finance, file as Buffer, name).expect(201);
      expect(imported.body.lines).toEqual([
        { line: 2, treasuryRef: 'VI-DU-0001', direction: 'out', status: 'unknown', statementAmount: '70000000', systemAmount: null },
        { line: 3, treasuryRef: 'VI-DU-0002', direction: 'in', status: 'unknown', statementAmount: '5000000', systemAmount: null },
      ]);
    }
    await t.http.get(api('/reconciliation/template.csv')).set(officer.auth).expect(403);
    await t.http.get(api('/reconciliation/template.xlsx')).expect(401);
  });

  it('checks the caller first in every use case, the page ones included', async () => {
    const service = t.app.get(ReconciliationService);
    const as = (a: TestActor): Actor => ({ id: a.id, email: a.email, fullName: 'Người thử', roles: a.roles, unitId: a.unitId });
    for (const someone of [officer, auditor]) {
      await expect(service.previewStatement(as(someone), {} as never)).rejects.toBeInstanceOf(Forbidden);
      await expect(service.importPreviewed(as(someone), newId())).rejects.toBeInstanceOf(Forbidden);
    }
    await expect(service.template(as(officer), 'csv')).rejects.toBeInstanceOf(Forbidden);
  });

  // ---- the page: preview, then confirm ----------------------------------------------------------

  describe('the page shows the statement before importing it', () => {
    let pages: PageClient;
    let other: PageClient;

    beforeAll(async () => {
      const [financeUser, otherFinance] = [await webUser(t, ['finance'], unitId), await webUser(t, ['finance'], unitId)];
      pages = new PageClient(t);
      await pages.login(financeUser.email);
      other = new PageClient(t);
      await other.login(otherFinance.email);
    });

    function previewUpload(client: PageClient, csrf: string, content: string | Buffer, filename = 'sao-ke.csv') {
      return t.http
        .post('/doi-chieu/xem-truoc')
        .set('Cookie', client.cookieHeader)
        .field('_csrf', csrf)
        .attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), { filename, contentType: 'text/csv' })
        .redirects(0);
    }
    const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

    it('offers the templates and the upload; the preview lists the lines and totals and imports nothing; confirming imports once', async () => {
      const list = await pages.get('/doi-chieu');
      expect(list.status).toBe(200);
      expect(list.text).toContain('action="/doi-chieu/xem-truoc"');
      expect(list.text).toContain('href="/api/v1/reconciliation/template.xlsx"');
      expect(list.text).toContain('href="/api/v1/reconciliation/template.csv"');
      const refs = await recordFor('09');
      const csv =
        `\uFEFF${VI_HEADER}\r\n${refs.a};02/09/2011;70.000.000;Chi;;\r\n${refs.b};10/09/2011;2.100.000;Chi;;\r\n` +
        `${refs.r};15/09/2011;500.000;Thu;;\r\n${refs.x};25/09/2011;300.000;Chi;;\r\n`;
      const before = await importCount();
      const preview = await previewUpload(pages, csrfOf(list.text), csv, 'sao-ke-thang-9.csv');
      expect(preview.status).toBe(200);
      const shown = text(preview.text);
      expect(shown).toContain('Xem trước sao kê');
      expect(shown).toContain('sao-ke-thang-9.csv · ngày giá trị 02/09/2011 – 25/09/2011');
      expect(shown).toContain('Chi · 3 dòng 72.400.000 ₫');
      expect(shown).toContain('Thu · 1 dòng 500.000 ₫');
      expect(shown).toContain(`2 ${refs.a} 02/09/2011 Chi 70.000.000 ₫`);
      expect(shown).toContain('Nhập và đối chiếu 4 dòng');
      expect(await importCount()).toBe(before);

      const previewId = hiddenValue(preview.text, 'previewId');
      // Only the uploader may confirm it.
      const stranger = await other.post('/doi-chieu/nhap', { previewId }, { from: '/doi-chieu' });
      expect(stranger.status).toBe(409);
      expect(text(stranger.text)).toContain('Bản xem trước của sao kê này không còn');
      const confirmed = await pages.post('/doi-chieu/nhap', { previewId }, { csrf: csrfOf(preview.text) });
      expect(confirmed.status).toBe(303);
      expect(confirmed.headers.location).toMatch(/^\/doi-chieu\/[0-9A-Z]{26}$/);
      expect(await importCount()).toBe(before + 1);
      const result = await pages.get(confirmed.headers.location);
      expect(text(result.text)).toContain('Đã đối chiếu 4 dòng sao kê.');
      const [stored] = await db.query('SELECT file_name, line_count, matched, amount_mismatch FROM reconciliation_imports WHERE id = ?', [confirmed.headers.location.split('/')[2]]);
      expect(stored).toEqual({ file_name: 'sao-ke-thang-9.csv', line_count: 4, matched: 2, amount_mismatch: 1 });

      // The same confirmation again imports nothing; the same file again is refused at the preview.
      const again = await pages.post('/doi-chieu/nhap', { previewId }, { from: '/doi-chieu' });
      expect(again.status).toBe(409);
      expect(await importCount()).toBe(before + 1);
      const duplicate = await previewUpload(pages, csrfOf((await pages.get('/doi-chieu')).text), csv);
      expect(duplicate.status).toBe(409);
      expect(text(duplicate.text)).toContain('Tệp sao kê này đã được nhập ngày');
      expect(Number((await db.query('SELECT COUNT(*) AS n FROM reconciliation_previews'))[0].n)).toBe(0);
    });

    it('lists every problem by line and Vietnamese column, keeps nothing and offers no import', async () => {
      const csrf = csrfOf((await pages.get('/doi-chieu')).text);
      const csv = `${VI_HEADER}\n${ref('P1')};02/10/2011;70.000.000;Chi;;\n${ref('P2')};31/09/2011;70,000,000;Ra;;\n`;
      const res = await previewUpload(pages, csrf, csv);
      expect(res.status).toBe(400);
      const shown = text(res.text);
      expect(shown).toContain('Tệp có 3 lỗi; chưa nhập dòng nào.');
      expect(shown).toContain('dòng 3, cột Ngày giá trị ngày 31/09/2011 không có trên lịch');
      expect(shown).toContain('dòng 3, cột Số tiền không đúng dạng số tiền: ví dụ 70.000.000');
      expect(shown).toContain('dòng 3, cột Chiều “Ra” không phải chiều giao dịch');
      expect(res.text).not.toContain('name="previewId"');
      expect(res.text).toContain('action="/doi-chieu/xem-truoc"');
      expect(Number((await db.query('SELECT COUNT(*) AS n FROM reconciliation_previews'))[0].n)).toBe(0);
    });

    it('does not import a preview kept past two hours, and a refused address opens the page', async () => {
      const csrf = csrfOf((await pages.get('/doi-chieu')).text);
      const preview = await previewUpload(pages, csrf, `${HEADER}\n${ref('OLD')},2011-11-02,1000,out,,\n`);
      expect(preview.status).toBe(200);
      const previewId = hiddenValue(preview.text, 'previewId');
      await db.query('UPDATE reconciliation_previews SET created_at = ? WHERE id = ?', [new Date(t.clock.now().getTime() - 2 * 3600_000 - 1000), previewId]);
      const before = await importCount();
      const late = await pages.post('/doi-chieu/nhap', { previewId }, { from: '/doi-chieu' });
      expect(late.status).toBe(409);
      expect(await importCount()).toBe(before);
      for (const path of ['/doi-chieu/xem-truoc', '/doi-chieu/nhap']) {
        const res = await pages.get(path);
        expect([res.status, res.headers.location]).toEqual([303, '/doi-chieu']);
      }
    });
  });
});
