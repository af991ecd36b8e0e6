import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { expectBalanced, postMoney, unitFigures } from './support/budget';
import { binary, pdfText } from './support/documents';
import { startTestApp, TestApp } from './support/test-app';
import { approvedFile, cast, Cast } from './support/workflow';
import { onDay } from './support/calendar';

/**
 * Contracts, advances and payments, acceptance, settlement and recovery through the worked
 * examples of the issue, with exact figures and a balanced ledger after each.
 */
describe('payments, settlement and recovery', () => {
  let t: TestApp;
  let c: Cast;
  const YEAR = 2027;
  const api = (path: string) => `/api/v1${path}`;
  let treasurySeq = 0;
  const treasuryRef = () => `KB-${Date.now().toString(36)}-${treasurySeq++}`;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set('2027-03-02T02:00:00Z');
    c = await cast(t, YEAR);
  });
  afterAll(() => t.close());

  // Each step is recorded on the day it happens (or later): the clock moves to that day first.
  const contract = (id: string) => {
    onDay(t.clock, '2027-03-10');
    return t.http.post(api(`/applications/${id}/contract`)).set(c.officer.auth).send({ contractNo: `HĐ-${id}`, signedDate: '2027-03-10' });
  };
  const request = (id: string, kind: 'advance' | 'payment', amount: string, by = c.officer) => postMoney(t, by, '/disbursements', { applicationId: id, kind, amount, note: 'Đề nghị' });
  const approve = (disbursementId: string, by = c.finance) => t.http.post(api(`/disbursements/${disbursementId}/approve`)).set(by.auth).send({});
  const pay = (disbursementId: string, by = c.finance) => {
    onDay(t.clock, '2027-03-20');
    return postMoney(t, by, `/disbursements/${disbursementId}/pay`, { treasuryRef: treasuryRef(), valueDate: '2027-03-20' });
  };
  const accept = (id: string, result: 'passed' | 'failed' = 'passed') => {
    onDay(t.clock, '2027-10-15');
    return t.http.post(api(`/applications/${id}/acceptance`)).set(c.officer.auth).send({ result, date: '2027-10-15', minutesNo: `BB-${id.slice(-4)}`, note: 'Đạt yêu cầu' });
  };
  const settle = (id: string, eligible: string) =>
    t.http
      .post(api(`/applications/${id}/settlement`))
      .set(c.applicant.auth)
      .send({ actualCostLines: [{ description: 'Máy sấy lúa', amount: eligible, eligible: true, documentRef: 'HĐ GTGT 0001' }, { description: 'Nhà xưởng', amount: '100000000', eligible: false, documentRef: 'HĐ 2' }] });
  const commitment = async (id: string) => (await t.http.get(api('/ledger/trial-balance')).query({ fundCode: c.fundCode, fiscalYear: YEAR }).set(c.finance.auth).expect(200)).body.accounts.find((a: { kind: string; applicationId: string }) => a.kind === 'commitment' && a.applicationId === id)?.balance;

  /** Approved 300.000.000 with an advance of 210.000.000 paid (the limit, 70 %). */
  async function advancedFile(): Promise<string> {
    const id = await approvedFile(t, c);
    await contract(id).expect(200);
    const advance = await request(id, 'advance', '210000000').expect(201);
    expect(advance.body).toMatchObject({ kind: 'advance', amount: '210000000', status: 'requested', requestedBy: c.officer.id });
    await approve(advance.body.id).expect(200);
    const paid = await pay(advance.body.id).expect(200);
    expect(paid.body).toMatchObject({ status: 'paid', approvedBy: c.finance.id });
    return id;
  }

  it('advances up to the limit and refuses one đồng over it; payments wait for acceptance', async () => {
    const id = await approvedFile(t, c);
    await contract(id).expect(200);
    const over = await request(id, 'advance', '210000001').expect(409);
    expect(over.body.code).toBe('LIMIT_EXCEEDED');
    expect(over.body.detail).toContain('210.000.000 ₫');
    const first = await request(id, 'advance', '200000000').expect(201);
    await request(id, 'advance', '10000001').expect(409);
    await request(id, 'advance', '10000000').expect(201);
    const early = await request(id, 'payment', '1').expect(409);
    expect(early.body.code).toBe('INVALID_STATE');
    await approve(first.body.id).expect(200);
    await pay(first.body.id).expect(200);
    expect(await commitment(id)).toBe('100000000');
    await expectBalanced(t, c.finance, { fundCode: c.fundCode, fiscalYear: YEAR });
  });

  it('keeps maker and checker apart, refuses wrong roles and states, and never pays twice', async () => {
    const id = await approvedFile(t, c);
    await contract(id).expect(200);
    const mine = await request(id, 'advance', '1000000', c.finance).expect(201);
    await approve(mine.body.id, c.finance).expect(403);
    await pay(mine.body.id, c.finance2).expect(409);
    await approve(mine.body.id, c.finance2).expect(200);
    await approve(mine.body.id, c.finance2).expect(409);
    await approve(mine.body.id, c.officer).expect(403);
    const key = randomUUID();
    const ref = treasuryRef();
    const body = { treasuryRef: ref, valueDate: '2027-03-20' };
    onDay(t.clock, '2027-03-20');
    const [a, b] = await Promise.all([postMoney(t, c.finance, `/disbursements/${mine.body.id}/pay`, body, key), postMoney(t, c.finance, `/disbursements/${mine.body.id}/pay`, body, key)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const other = await request(id, 'advance', '1000000').expect(201);
    await approve(other.body.id).expect(200);
    const dupRef = await postMoney(t, c.finance, `/disbursements/${other.body.id}/pay`, body).expect(409);
    expect(dupRef.body.code).toBe('DUPLICATE');
    const rows = await t.app.get(DataSource).query("SELECT COUNT(*) AS n FROM ledger_transfers WHERE application_id = ? AND kind = 'disbursement'", [id]);
    expect(Number(rows[0].n)).toBe(1);
    await t.http.get(api(`/disbursements/${mine.body.id}`)).set(c.applicant.auth).expect(200);
    const stranger = await (await import('./support/actors')).createActor(t, ['applicant']);
    await t.http.get(api(`/disbursements/${mine.body.id}`)).set(stranger.auth).expect(404);
    await postMoney(t, c.applicant, '/disbursements', { applicationId: id, kind: 'advance', amount: '1' }).expect(403);
  });

  it('two finance officers paying one disbursement at once: exactly one payment moves money', async () => {
    const id = await approvedFile(t, c);
    await contract(id).expect(200);
    const advance = await request(id, 'advance', '100000000').expect(201);
    await approve(advance.body.id).expect(200);
    const results = await Promise.all([pay(advance.body.id, c.finance), pay(advance.body.id, c.finance2), pay(advance.body.id, c.finance)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'INVALID_STATE')).toBe(true);
    expect(await commitment(id)).toBe('200000000');
    await expectBalanced(t, c.finance, { fundCode: c.fundCode, fiscalYear: YEAR });
  });

  it('final payment path: actual eligible 500.000.000 → final support 250.000.000, final payment 40.000.000, 50.000.000 back to the unit', async () => {
    const id = await advancedFile();
    const before = (await unitFigures(t, c.finance, c.fundCode, YEAR, c.centre.id)).unit;
    await accept(id).expect(200);
    const filed = await settle(id, '500000000').expect(201);
    expect(filed.body).toMatchObject({ status: 'submitted', actualTotalCost: '600000000', actualEligibleCost: '500000000' });
    const settlementId = filed.body.id;
    await t.http.post(api(`/settlements/${settlementId}/approve`)).set(c.leader.auth).send({}).expect(403);
    const checked = await t.http.post(api(`/settlements/${settlementId}/approve`)).set(c.finance.auth).send({}).expect(200);
    expect(checked.body.status).toBe('checked');
    const approved = await t.http.post(api(`/settlements/${settlementId}/approve`)).set(c.leader.auth).send({}).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', finalSupport: '250000000', paid: '210000000', balance: '40000000', released: '50000000', recoveryId: null, approvedCapacity: 'leader' });
    const after = (await unitFigures(t, c.finance, c.fundCode, YEAR, c.centre.id)).unit;
    expect(BigInt(after.available) - BigInt(before.available)).toBe(50000000n);
    expect(await commitment(id)).toBe('40000000');
    expect((await t.http.get(api(`/applications/${id}`)).set(c.applicant.auth).expect(200)).body.status).toBe('settlement_submitted');

    const final = await t.http.get(api(`/disbursements/${approved.body.finalPaymentId}`)).set(c.finance.auth).expect(200);
    expect(final.body).toMatchObject({ kind: 'final', amount: '40000000', status: 'requested' });
    await approve(final.body.id, c.finance2).expect(200);
    await pay(final.body.id).expect(200);
    expect((await t.http.get(api(`/applications/${id}`)).set(c.applicant.auth).expect(200)).body.status).toBe('settled');
    expect(await commitment(id)).toBe('0');
    const read = await t.http.get(api(`/settlements/${settlementId}`)).set(c.applicant.auth).expect(200);
    expect(read.body.finalSupport).toBe('250000000');

    const pdf = await t.http.get(api(`/settlements/${settlementId}/statement.pdf`)).set(c.applicant.auth).buffer(true).parse(binary).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.body).replace(/\s+/g, ' ');
    for (const expected of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'BIÊN BẢN QUYẾT TOÁN KINH PHÍ KHUYẾN CÔNG', 'Kinh phí hỗ trợ quyết toán 250.000.000 ₫', 'Đã tạm ứng, thanh toán 210.000.000 ₫', '40.000.000 ₫ (chi trả thêm cho cơ sở)', 'Kinh phí hoàn trả đơn vị phân bổ 50.000.000 ₫', 'Tổng cộng 600.000.000 ₫', 'NGƯỜI LẬP BIỂU', 'GIÁM ĐỐC', 'Trang 1/']) {
      expect(text).toContain(expected);
    }
    const stranger = await (await import('./support/actors')).createActor(t, ['applicant']);
    await t.http.get(api(`/settlements/${settlementId}/statement.pdf`)).set(stranger.auth).expect(404);
    await expectBalanced(t, c.finance, { fundCode: c.fundCode, fiscalYear: YEAR });
  });

  it('recovery path: actual 300.000.000 → final support 150.000.000, recovery 60.000.000 received in two parts, a third refused', async () => {
    const id = await advancedFile();
    await accept(id).expect(200);
    const settlementId = (await settle(id, '300000000').expect(201)).body.id;
    await t.http.post(api(`/settlements/${settlementId}/approve`)).set(c.finance.auth).send({}).expect(200);
    const before = (await unitFigures(t, c.finance, c.fundCode, YEAR, c.centre.id)).unit;
    const approved = await t.http.post(api(`/settlements/${settlementId}/approve`)).set(c.leader.auth).send({}).expect(200);
    expect(approved.body).toMatchObject({ finalSupport: '150000000', paid: '210000000', balance: '-60000000', released: '90000000', finalPaymentId: null });
    const recoveryId = approved.body.recoveryId;
    expect((await t.http.get(api(`/recoveries/${recoveryId}`)).set(c.applicant.auth).expect(200)).body).toMatchObject({ amount: '60000000', received: '0', outstanding: '60000000', status: 'open' });
    const receive = (amount: string) => {
      onDay(t.clock, '2027-11-20');
      return postMoney(t, c.finance, `/recoveries/${recoveryId}/receive`, { amount, treasuryRef: treasuryRef(), valueDate: '2027-11-20' });
    };
    expect((await receive('25000000').expect(200)).body).toMatchObject({ received: '25000000', outstanding: '35000000', status: 'open' });
    const over = await receive('35000001').expect(409);
    expect(over.body.code).toBe('LIMIT_EXCEEDED');
    expect((await receive('35000000').expect(200)).body).toMatchObject({ received: '60000000', outstanding: '0', status: 'closed' });
    const third = await receive('1').expect(409);
    expect(third.body.code).toMatch(/INVALID_STATE|LIMIT_EXCEEDED/);
    const after = (await unitFigures(t, c.finance, c.fundCode, YEAR, c.centre.id)).unit;
    expect(BigInt(after.available) - BigInt(before.available)).toBe(150000000n);
    expect(BigInt(after.recovered) - BigInt(before.recovered)).toBe(60000000n);
    expect((await t.http.get(api(`/applications/${id}`)).set(c.applicant.auth).expect(200)).body.status).toBe('settled');
    const list = await t.http.get(api('/recoveries')).query({ applicationId: id }).set(c.auditor.auth).expect(200);
    expect(list.body.total).toBe(1);
    const stranger = await (await import('./support/actors')).createActor(t, ['applicant']);
    await t.http.get(api(`/recoveries/${recoveryId}`)).set(stranger.auth).expect(404);
    expect((await t.http.get(api('/recoveries')).query({ applicationId: id }).set(stranger.auth).expect(200)).body.total).toBe(0);
    expect((await t.http.get(api('/recoveries')).query({ applicationId: id }).set(c.applicant.auth).expect(200)).body.total).toBe(1);
    await expectBalanced(t, c.finance, { fundCode: c.fundCode, fiscalYear: YEAR });
  });

  it('cancellation releases what is committed and not paid', async () => {
    const id = await advancedFile();
    const before = (await unitFigures(t, c.finance, c.fundCode, YEAR, c.centre.id)).unit;
    // The longest reason allowed, to which the step adds the released amount: still no 500.
    await t.http.post(api(`/applications/${id}/cancel`)).set(c.leader.auth).send({ reason: 'Cơ sở dừng dự án. '.repeat(200).slice(0, 2000) }).expect(200);
    const after = (await unitFigures(t, c.finance, c.fundCode, YEAR, c.centre.id)).unit;
    expect(BigInt(after.available) - BigInt(before.available)).toBe(90000000n);
    expect(await commitment(id)).toBe('0');
    await request(id, 'advance', '1').expect(409);
    await expectBalanced(t, c.finance, { fundCode: c.fundCode, fiscalYear: YEAR });
  });

  it('an accepted file whose settlement is late appears in the overdue report', async () => {
    const id = await approvedFile(t, c);
    await contract(id).expect(200);
    await accept(id).expect(200);
    const head = c.head;
    const on = async (instant: string) => {
      t.clock.set(instant);
      return (await t.http.get(api('/reports/overdue')).set(head.auth).expect(200)).body;
    };
    expect((await on('2027-10-30T09:00:00Z')).settlements.map((s: { applicationId: string }) => s.applicationId)).not.toContain(id);
    const late = await on('2027-11-01T09:00:00Z');
    expect(late.settlements).toEqual(expect.arrayContaining([expect.objectContaining({ applicationId: id, dueDate: '2027-10-30', daysOverdue: 2, officerId: c.officer.id })]));
    await settle(id, '400000000').expect(201);
    expect((await on('2027-11-01T09:00:00Z')).settlements.map((s: { applicationId: string }) => s.applicationId)).not.toContain(id);
    t.clock.set('2027-03-02T02:00:00Z');
  });

  it('records a failed acceptance without moving the file, and refuses bad input naming the field', async () => {
    const id = await approvedFile(t, c);
    await contract(id).expect(200);
    await contract(id).expect(409);
    const failed = await accept(id, 'failed').expect(200);
    expect(failed.body.status).toBe('contracted');
    const bad = await request(id, 'advance', '1.000').expect(400);
    expect(bad.body.errors[0].field).toBe('amount');
    const badKind = await postMoney(t, c.officer, '/disbursements', { applicationId: id, kind: 'gift', amount: '1' }).expect(400);
    expect(badKind.body.errors[0].field).toBe('kind');
    await postMoney(t, c.officer, '/disbursements', { applicationId: 'nope', kind: 'advance', amount: '1' }).expect(404);
    const badDate = await t.http.post(api(`/applications/${id}/acceptance`)).set(c.officer.auth).send({ result: 'passed', date: '2027-02-30', minutesNo: 'x' }).expect(400);
    expect(badDate.body.errors[0].field).toBe('date');
  });
});
