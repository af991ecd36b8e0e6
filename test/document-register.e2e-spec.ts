import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { createActor } from './support/actors';
import { binary } from './support/documents';
import { startTestApp, TestApp } from './support/test-app';
import { approvedFile, cast, Cast, initialedFile } from './support/workflow';

/**
 * The register of outgoing documents (sổ đăng ký văn bản đi): numbers per type and year, in order,
 * no gaps, no repeats under concurrency, given in the step's own transaction; a typed number kept.
 * The clock stands in a year of its own (2052), so this file's register of that year starts empty
 * whatever else the run has registered.
 */
describe('the register of outgoing documents', () => {
  const YEAR = 2052;
  let t: TestApp;
  let c: Cast;
  const api = (path: string) => `/api/v1${path}`;

  /** Runs `work` for 0..count-1, `width` at a time. */
  async function inBatches<T>(count: number, width: number, work: (i: number) => Promise<T>): Promise<T[]> {
    const out: T[] = new Array(count);
    let next = 0;
    await Promise.all(Array.from({ length: width }, async () => {
      while (next < count) {
        const i = next++;
        out[i] = await work(i);
      }
    }));
    return out;
  }

  const register = (query: Record<string, string | number>) => t.http.get(api('/document-register')).query(query).set(c.finance.auth);

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(`${YEAR}-03-10T03:00:00Z`);
    c = await cast(t, YEAR, '50000000000');
  });
  afterAll(() => t.close());

  it('gives 50 decisions taken at once 50 distinct numbers, 01 to 50, each kept on its file and in the register', async () => {
    expect((await register({ year: YEAR, type: 'decision' }).expect(200)).body.items).toEqual([]);
    const ids = await inBatches(50, 6, () => initialedFile(t, c, { approvedSupport: '10000000', eligibleCost: '20000000' }));
    const decided = await Promise.all(ids.map((id) => t.http.post(api(`/applications/${id}/decide`)).set(c.leader.auth).send({ decision: 'approve', reason: 'Đồng ý' })));
    expect(decided.filter((r) => r.status !== 200).map((r) => r.body)).toEqual([]);
    const numbers = decided.map((r) => r.body.decisionNo as string);
    expect(numbers.every((n) => /^\d{2,}\/QĐ-SCT$/.test(n))).toBe(true);
    const seqs = numbers.map((n) => Number.parseInt(n, 10)).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(numbers).toContain('01/QĐ-SCT');
    expect(numbers).toContain('50/QĐ-SCT');

    const items = (await register({ year: YEAR, type: 'decision' }).expect(200)).body.items as Array<Record<string, unknown>>;
    expect(items).toHaveLength(50);
    expect(new Map(items.map((i) => [i.applicationId, i.number]))).toEqual(new Map(decided.map((r) => [r.body.id, r.body.decisionNo])));
    expect(items[0]).toMatchObject({ type: 'decision', year: YEAR, issuedAt: `${YEAR}-03-10`, signerId: c.leader.id, signerName: c.leader.fullName, signingForm: 'direct', signingTitle: ['GIÁM ĐỐC'] });
  }, 240_000);

  it('keeps a number typed at the decision, refuses it twice, and the next given number passes over it', async () => {
    const [a, b, d] = await Promise.all([initialedFile(t, c), initialedFile(t, c), initialedFile(t, c)]);
    const typed = await t.http.post(api(`/applications/${a}/decide`)).set(c.leader.auth).send({ decision: 'approve', decisionNo: '52/QĐ-SCT' }).expect(200);
    expect(typed.body.decisionNo).toBe('52/QĐ-SCT');
    const again = await t.http.post(api(`/applications/${b}/decide`)).set(c.leader.auth).send({ decision: 'approve', decisionNo: '52/QĐ-SCT' }).expect(409);
    expect(again.body).toMatchObject({ code: 'DUPLICATE', errors: [{ field: 'decisionNo' }] });
    // "7/QĐ-SCT" is the "07/QĐ-SCT" the register issued above, leading zero or not
    const unpadded = await t.http.post(api(`/applications/${b}/decide`)).set(c.leader.auth).send({ decision: 'approve', decisionNo: '7/QĐ-SCT' }).expect(409);
    expect(unpadded.body).toMatchObject({ code: 'DUPLICATE', errors: [{ field: 'decisionNo' }] });
    expect((await t.http.get(api(`/applications/${b}`)).set(c.leader.auth).expect(200)).body).toMatchObject({ status: 'initialed', decisionNo: null });
    const next = await t.http.post(api(`/applications/${b}/decide`)).set(c.leader.auth).send({ decision: 'approve' }).expect(200);
    expect(next.body.decisionNo).toBe('51/QĐ-SCT');
    const after = await t.http.post(api(`/applications/${d}/decide`)).set(c.leader.auth).send({ decision: 'reject', reason: 'Trùng nội dung' }).expect(200);
    expect(after.body.decisionNo).toBe('53/QĐ-SCT');
    const item = (await register({ year: YEAR, type: 'decision' }).expect(200)).body.items.find((i: { applicationId: string }) => i.applicationId === a);
    expect(item).toMatchObject({ number: '52/QĐ-SCT', seq: null });
  }, 60_000);

  it('takes no number for a step that fails: a decision refused for want of money leaves no gap', async () => {
    const poor = await cast(t, YEAR, '1000');
    const id = await initialedFile(t, poor, { approvedSupport: '10000000', eligibleCost: '20000000' });
    const before = (await register({ year: YEAR, type: 'decision' }).expect(200)).body.items.length;
    const refused = await t.http.post(api(`/applications/${id}/decide`)).set(poor.leader.auth).send({ decision: 'approve' }).expect(409);
    expect(refused.body.code).toBe('INSUFFICIENT_FUNDS');
    expect((await register({ year: YEAR, type: 'decision' }).expect(200)).body.items).toHaveLength(before);
    // every number printed so far, the typed 52 among them: 1 to n without a gap
    const printed = (await register({ year: YEAR, type: 'decision' })).body.items.map((i: { number: string }) => Number.parseInt(i.number, 10)).sort((x: number, y: number) => x - y);
    expect(printed).toEqual(Array.from({ length: printed.length }, (_, i) => i + 1));
  }, 60_000);

  it('numbers contracts with their year, acceptances and payment requests in their own series, and keeps a typed contract number', async () => {
    const first = await approvedFile(t, c);
    const second = await approvedFile(t, c);
    const contract = await t.http.post(api(`/applications/${first}/contract`)).set(c.officer.auth).send({ signedDate: `${YEAR}-03-10` }).expect(200);
    expect(contract.body.timeline.at(-1).note).toContain(`01/${YEAR}/HĐ-TTKC`);
    await t.http.post(api(`/applications/${second}/contract`)).set(c.officer.auth).send({ contractNo: `77/${YEAR}/HĐ-KC`, signedDate: `${YEAR}-03-10` }).expect(200);
    const advance = await t.http.post(api('/disbursements')).set(c.officer.auth).set('Idempotency-Key', `adv-${first}`).send({ applicationId: first, kind: 'advance', amount: '1000000' }).expect(201);
    await t.http.post(api(`/applications/${first}/acceptance`)).set(c.officer.auth).send({ result: 'failed', date: `${YEAR}-03-10` }).expect(200);
    await t.http.post(api(`/applications/${first}/acceptance`)).set(c.officer.auth).send({ result: 'passed', date: `${YEAR}-03-10`, note: 'Đạt' }).expect(200);

    const all = (await register({ year: YEAR }).expect(200)).body.items as Array<{ type: string; number: string; applicationId: string; disbursementId: string | null; signingForm: string; signingTitle: string[] }>;
    const mine = all.filter((i) => i.applicationId === first || i.applicationId === second);
    expect(mine.filter((i) => i.type === 'contract').map((i) => i.number).sort()).toEqual([`01/${YEAR}/HĐ-TTKC`, `77/${YEAR}/HĐ-KC`]);
    expect(mine.filter((i) => i.type === 'acceptance').map((i) => i.number)).toEqual(['01/BB-NT', '02/BB-NT']);
    expect(mine.filter((i) => i.type === 'payment-request')).toEqual([expect.objectContaining({ number: '01/GĐN-TT', disbursementId: advance.body.id, signingForm: 'direct', signingTitle: ['CHUYÊN VIÊN'] })]);
    expect((await register({ year: YEAR, type: 'acceptance' }).expect(200)).body.items.map((i: { type: string }) => i.type)).toEqual(['acceptance', 'acceptance']);
    const rows = await t.app.get(DataSource).query('SELECT contract_no FROM contracts WHERE application_id = ?', [first]);
    expect(rows[0].contract_no).toBe(`01/${YEAR}/HĐ-TTKC`);
  }, 90_000);

  it('lists the register in number order, and numbers each year from 01 (across 31 December)', async () => {
    // years no other file registers in (2072, 2073); the files approved while the clock stands in 2052
    const [f1, f2, f3] = await Promise.all([approvedFile(t, c), approvedFile(t, c), approvedFile(t, c)]);
    t.clock.set('2073-01-01T03:00:00Z');
    try {
      const contract = (id: string, signedDate: string) => t.http.post(api(`/applications/${id}/contract`)).set(c.officer.auth).send({ signedDate }).expect(200);
      await contract(f1, '2072-12-31');
      // signed a day earlier, registered later: number 02, listed after 01 (not by its date)
      await contract(f2, '2072-12-30');
      await contract(f3, '2073-01-01');
      const numbers = async (year: number) => (await register({ year, type: 'contract' }).expect(200)).body.items.map((i: { number: string }) => i.number);
      expect(await numbers(2072)).toEqual(['01/2072/HĐ-TTKC', '02/2072/HĐ-TTKC']);
      expect(await numbers(2073)).toEqual(['01/2073/HĐ-TTKC']);
    } finally {
      t.clock.set(`${YEAR}-03-10T03:00:00Z`);
    }
    // the decisions of the year: the register's numbers 01, 02, … then the typed 52
    const decisions = (await register({ year: YEAR, type: 'decision' }).expect(200)).body.items as Array<{ seq: number | null; number: string }>;
    const seqs = decisions.filter((d) => d.seq !== null).map((d) => d.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a! - b!));
    expect(decisions.findIndex((d) => d.seq === null)).toBeGreaterThan(decisions.findLastIndex((d) => d.seq !== null));
  }, 90_000);

  it('exports the register to XLSX for the office, and shows it to staff only', async () => {
    const res = await register({ year: YEAR, type: 'decision', format: 'xlsx' }).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('Số, ký hiệu');
    const numbers: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) numbers.push(String(row.getCell(1).value));
    });
    expect(numbers).toContain('01/QĐ-SCT');
    expect(numbers).toContain('52/QĐ-SCT');
    expect(numbers.length).toBe((await register({ year: YEAR, type: 'decision' })).body.items.length);

    const applicant = await createActor(t, ['applicant']);
    await t.http.get(api('/document-register')).set(applicant.auth).expect(403);
    await t.http.get(api('/document-register')).query({ type: 'memo' }).set(c.finance.auth).expect(400);
    await t.http.get(api('/document-register')).query({ year: '20x1' }).set(c.finance.auth).expect(400);
  });
});
