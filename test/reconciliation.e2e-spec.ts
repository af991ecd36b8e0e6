import { DataSource } from 'typeorm';
import { newId } from '../src/common/ids';
import { createActor, createUnit, TestActor } from './support/actors';
import { startTestApp, TestApp } from './support/test-app';

const api = (path: string) => `/api/v1${path}`;
const HEADER = 'treasuryRef,valueDate,amount,direction,payeeTaxCode,description';
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
    ['a bad amount ("1.000.000")', () => `${HEADER}\n${good('G1')}\n${ref('BAD')},2012-02-02,1.000.000,out,,\n`, ['line 3: amount']],
    ['an amount with an exponent', () => `${HEADER}\n${ref('BAD')},2012-02-02,1e6,out,,\n`, ['line 2: amount']],
    ['a negative amount', () => `${HEADER}\n${good('G1')}\n${good('G2')}\n${ref('BAD')},2012-02-02,-5,out,,\n`, ['line 4: amount']],
    ['a date that does not exist', () => `${HEADER}\n${ref('BAD')},2012-02-30,1000,out,,\n${good('G1')}\n`, ['line 2: valueDate']],
    ['a date in dd/mm/yyyy', () => `${HEADER}\n${good('G1')}\n${ref('BAD')},15/02/2012,1000,out,,\n`, ['line 3: valueDate']],
    ['a bad direction', () => `${HEADER}\n${good('G1')}\n${good('G2')}\n${ref('BAD')},2012-02-02,1000,chi,,\n`, ['line 4: direction']],
    ['a wrong header', () => `treasuryRef,valueDate,amount,direction,description\n${good('G1')}\n`, ['line 1: header']],
    ['an empty file', () => Buffer.alloc(0), ['line 1: header']],
    ['a header and no line', () => `${HEADER}\n`, ['line 2']],
    ['a line with a column missing', () => `${HEADER}\n${good('G1')}\n${ref('BAD')},2012-02-02,1000,out\n`, ['line 3']],
    ['a quote never closed', () => `${HEADER}\n${good('G1')}\n${ref('BAD')},2012-02-02,1000,out,,"Chi trả\n${good('G2')}\n`, ['line 3']],
    ['a reference twice in one statement', () => {
      const twice = ref('TWICE');
      return `${HEADER}\n${twice},2012-02-02,1000,out,,\n${good('G1')}\n${twice},2012-02-03,1000,out,,\n`;
    }, ['line 4: treasuryRef']],
    ['text not in UTF-8', () => Buffer.concat([Buffer.from(`${HEADER}\n${ref('BAD')},2012-02-02,1000,out,,Chi tr`), Buffer.from([0xe0, 0x20]), Buffer.from('\n')]), ['line 2: description']],
    ['a quoted description over two lines, then a bad amount', () => `${HEADER}\r\n${ref('ML')},2012-02-02,1000,out,,"dòng một\r\ndòng hai"\r\n${ref('BAD')},2012-02-03,12.5,out,,\r\n`, ['line 4: amount']],
    ['two bad lines', () => `${HEADER}\n${ref('BAD')},2012-02-02,abc,out,,\n${good('G1')}\n${ref('BAD')},2012-02-02,1000,sideways,,\n`, ['line 2: amount', 'line 4: direction']],
  ])('refuses %s with a 400 naming the line, and imports nothing', async (_name, content, fields) => {
    const [importsBefore, auditsBefore] = [await importCount(), await auditCount()];
    const res = await upload(finance, content()).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(fields);
    for (const error of res.body.errors) expect(error.message).toEqual(expect.any(String));
    expect(res.body.detail).toContain(`dòng ${/^line (\d+)/.exec(fields[0])![1]}`);
    expect([await importCount(), await auditCount()]).toEqual([importsBefore, auditsBefore]);
  });

  it('refuses an upload without the file part, or one that is not multipart', async () => {
    const noFile = await t.http.post(api('/reconciliation/imports')).set(finance.auth).field('note', 'x').expect(400);
    expect(noFile.body.errors).toEqual([{ field: 'file', message: expect.any(String) }]);
    const json = await t.http.post(api('/reconciliation/imports')).set(finance.auth).send({ file: 'x' }).expect(400);
    expect(json.body.errors).toEqual([{ field: 'file', message: expect.any(String) }]);
  });

  it('refuses the same file twice (409 DUPLICATE), also when both arrive at once', async () => {
    const csv = `${HEADER}\n${ref('DUP')},2012-03-01,1000000,out,,Chi trả\n`;
    const first = await upload(finance, csv).expect(201);
    const before = await importCount();
    const second = await upload(finance, csv, 'ten-khac.csv').expect(409);
    expect(second.body).toMatchObject({ status: 409, code: 'DUPLICATE' });
    expect(second.body.detail).toContain(first.body.id);
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
});
