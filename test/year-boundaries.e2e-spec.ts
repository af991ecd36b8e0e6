import { expectBalanced, postMoney } from './support/budget';
import { onDay } from './support/calendar';
import { startTestApp, TestApp } from './support/test-app';
import { approvedFile, cast, Cast } from './support/workflow';

/**
 * Year boundaries (API.md "Corrections and year boundaries"): closing a year never leaves a file
 * that cannot settle. Files at every stage cross a close, carrying commitments over or not: the
 * settlement is approved (a commitment the close released is made up anew from the open year's
 * allocation, never a 500), the final payment is paid, recovery receipts are booked in the open
 * year they arrive in (that year's recovery account of the file), and each file reaches
 * `settled`; the books of both years balance. Cancelling a file on which advances were paid opens
 * a recovery for what was paid. Years 2036–2039 and 2061–2064 are this suite's own (each close
 * opens the next; 2037 is opened by the close of 2036 and shared with the ledger reversals' file).
 */
describe('year boundaries', () => {
  let t: TestApp;
  const api = (path: string) => `/api/v1${path}`;
  let seq = 0;
  const ref = (label: string) => `KB-YB-${label}-${Date.now().toString(36)}${(seq++).toString(36)}`.toUpperCase();

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** The steps of a file's money, as the people who take them. */
  function steps(c: Cast) {
    const y = c.year;
    return {
      // Each step on the day it happens, or later: the clock moves to that day first (onDay).
      contract: (id: string) => onDay(t.clock, `${y}-03-10`) || t.http.post(api(`/applications/${id}/contract`)).set(c.officer.auth).send({ contractNo: `HĐ-YB-${id}`, signedDate: `${y}-03-10` }).expect(200),
      advance: async (id: string, amount: string) => {
        const requested = (await postMoney(t, c.officer, '/disbursements', { applicationId: id, kind: 'advance', amount, note: 'Tạm ứng' }).expect(201)).body;
        await t.http.post(api(`/disbursements/${requested.id}/approve`)).set(c.finance.auth).send({}).expect(200);
        onDay(t.clock, `${y}-03-20`);
        await postMoney(t, c.finance2, `/disbursements/${requested.id}/pay`, { treasuryRef: ref('ADV'), valueDate: `${y}-03-20` }).expect(200);
      },
      accept: (id: string, date: string) =>
        onDay(t.clock, date) ||
        t.http.post(api(`/applications/${id}/acceptance`)).set(c.officer.auth).send({ result: 'passed', date, minutesNo: `BB-YB-${id.slice(-5)}`, note: 'Đạt' }).expect(200),
      fileSettlement: async (id: string, eligible: string) => {
        const filed = await t.http
          .post(api(`/applications/${id}/settlement`))
          .set(c.applicant.auth)
          .send({ actualCostLines: [{ description: 'Máy sấy', amount: eligible, eligible: true, documentRef: 'HĐ GTGT 01' }] })
          .expect(201);
        await t.http.post(api(`/settlements/${filed.body.id}/approve`)).set(c.finance.auth).send({}).expect(200);
        return filed.body.id as string;
      },
      approveSettlement: (settlementId: string) => t.http.post(api(`/settlements/${settlementId}/approve`)).set(c.leader.auth).send({}),
      payFinal: async (disbursementId: string, valueDate: string) => {
        await t.http.post(api(`/disbursements/${disbursementId}/approve`)).set(c.finance2.auth).send({});
        onDay(t.clock, valueDate);
        return postMoney(t, c.finance, `/disbursements/${disbursementId}/pay`, { treasuryRef: ref('FIN'), valueDate });
      },
      receive: (recoveryId: string, amount: string, valueDate: string) => onDay(t.clock, valueDate) || postMoney(t, c.finance, `/recoveries/${recoveryId}/receive`, { amount, treasuryRef: ref('THU'), valueDate }),
      status: async (id: string) => (await t.http.get(api(`/applications/${id}`)).set(c.applicant.auth).expect(200)).body.status,
      settlement: async (id: string) => (await t.http.get(api(`/settlements/${id}`)).set(c.finance.auth).expect(200)).body,
      transfers: async (id: string, fiscalYear: number) =>
        (await t.http.get(api('/ledger/transfers')).query({ applicationId: id, fiscalYear, pageSize: 100 }).set(c.finance.auth).expect(200)).body.items as Array<{ kind: string; amount: string; fiscalYear: number }>,
      close: (body: { carryOverCommitments: boolean; carryOverAllocations: boolean }) => t.http.post(api(`/fiscal-years/${y}/close`)).set(c.finance.auth).send(body).expect(200),
    };
  }

  /**
   * Three files before the close: A advanced and not yet accepted; B settled below what was paid,
   * its recovery partly received; C settled above it, its final payment waiting. Approved
   * 100.000.000 each (50 % of 200.000.000), 70.000.000 advanced.
   */
  async function beforeTheClose(c: Cast) {
    const s = steps(c);
    t.clock.set(`${c.year}-03-02T02:00:00Z`);
    const [a, b, cc] = [await approvedFile(t, c, { eligibleCost: '200000000', approvedSupport: '100000000' }), await approvedFile(t, c, { eligibleCost: '200000000', approvedSupport: '100000000' }), await approvedFile(t, c, { eligibleCost: '200000000', approvedSupport: '100000000' })];
    for (const id of [a, b, cc]) {
      await s.contract(id);
      await s.advance(id, '70000000');
    }
    t.clock.set(`${c.year}-10-20T02:00:00Z`);
    await s.accept(b, `${c.year}-10-15`);
    await s.accept(cc, `${c.year}-10-15`);
    // B: eligible 80.000.000 → final support 40.000.000, 30.000.000 to recover; 10.000.000 received before the close.
    const settlementB = await s.fileSettlement(b, '80000000');
    const approvedB = (await s.approveSettlement(settlementB).expect(200)).body;
    expect(approvedB).toMatchObject({ finalSupport: '40000000', paid: '70000000', balance: '-30000000' });
    expect((await s.receive(approvedB.recoveryId, '10000000', `${c.year}-11-05`).expect(200)).body).toMatchObject({ received: '10000000', outstanding: '20000000' });
    // C: eligible 180.000.000 → final support 90.000.000, a final payment of 20.000.000 waits.
    const settlementC = await s.fileSettlement(cc, '180000000');
    const approvedC = (await s.approveSettlement(settlementC).expect(200)).body;
    expect(approvedC).toMatchObject({ finalSupport: '90000000', paid: '70000000', balance: '20000000' });
    return { a, b, c: cc, settlementB, recoveryB: approvedB.recoveryId as string, settlementC, finalC: approvedC.finalPaymentId as string };
  }

  /**
   * Three files at stages a close cuts through, besides those above: E approved and not yet
   * contracted; F advanced 70.000.000, accepted, its settlement (eligible 180.000.000) filed by the
   * producer and neither checked nor approved; G contracted, an advance of 70.000.000 approved and
   * not yet paid. Approved 100.000.000 each.
   */
  async function atTheClose(c: Cast) {
    const s = steps(c);
    t.clock.set(`${c.year}-03-02T02:00:00Z`);
    const file = () => approvedFile(t, c, { eligibleCost: '200000000', approvedSupport: '100000000' });
    const [e, f, g] = [await file(), await file(), await file()];
    await s.contract(f);
    await s.advance(f, '70000000');
    await s.contract(g);
    const advanceG = (await postMoney(t, c.officer, '/disbursements', { applicationId: g, kind: 'advance', amount: '70000000', note: 'Tạm ứng' }).expect(201)).body.id as string;
    await t.http.post(api(`/disbursements/${advanceG}/approve`)).set(c.finance.auth).send({}).expect(200);
    t.clock.set(`${c.year}-10-20T02:00:00Z`);
    await s.accept(f, `${c.year}-10-15`);
    const settlementF = (
      await t.http
        .post(api(`/applications/${f}/settlement`))
        .set(c.applicant.auth)
        .send({ actualCostLines: [{ description: 'Máy sấy', amount: '180000000', eligible: true, documentRef: 'HĐ GTGT 02' }] })
        .expect(201)
    ).body.id as string;
    expect([await s.status(e), await s.status(f), await s.status(g)]).toEqual(['approved', 'settlement_submitted', 'contracted']);
    return { e, f, g, advanceG, settlementF };
  }

  /** The steps of E, F and G after the close, on days of the open year `y`. */
  function afterTheClose(c: Cast, y: number) {
    const s = steps(c);
    return {
      contract: (id: string, date: string) => onDay(t.clock, date) || t.http.post(api(`/applications/${id}/contract`)).set(c.officer.auth).send({ contractNo: `HĐ-YB-${id}`, signedDate: date }).expect(200),
      payAdvance: (disbursementId: string, valueDate: string) => onDay(t.clock, valueDate) || postMoney(t, c.finance2, `/disbursements/${disbursementId}/pay`, { treasuryRef: ref('ADV'), valueDate }),
      advance: async (id: string, amount: string, valueDate: string) => {
        const requested = (await postMoney(t, c.officer, '/disbursements', { applicationId: id, kind: 'advance', amount, note: 'Tạm ứng' }).expect(201)).body;
        await t.http.post(api(`/disbursements/${requested.id}/approve`)).set(c.finance.auth).send({}).expect(200);
        onDay(t.clock, valueDate);
        await postMoney(t, c.finance2, `/disbursements/${requested.id}/pay`, { treasuryRef: ref('ADV'), valueDate }).expect(200);
      },
      disbursementStatus: async (id: string) => (await t.http.get(api(`/disbursements/${id}`)).set(c.finance.auth).expect(200)).body.status,
      checkSettlement: (settlementId: string) => t.http.post(api(`/settlements/${settlementId}/approve`)).set(c.finance.auth).send({}).expect(200),
      /** Approves the settlement and pays its final payment; the file is settled with all of its final support paid. */
      settle: async (id: string, settlementId: string, expected: { finalSupport: string; paid: string; balance: string }, payDay: string) => {
        const approved = (await s.approveSettlement(settlementId).expect(200)).body;
        expect(approved).toMatchObject(expected);
        expect((await s.payFinal(approved.finalPaymentId, payDay)).status).toBe(200);
        expect(await s.status(id)).toBe('settled');
        expect(await s.settlement(settlementId)).toMatchObject({ paid: expected.finalSupport, balance: '0' });
      },
      budget: async () => {
        await postMoney(t, c.finance, '/appropriations', { fundCode: c.fundCode, fiscalYear: y, amount: '1000000000', decisionNo: `${c.fundCode}/${y}`, decisionDate: `${y}-01-05` }).expect(201);
        await postMoney(t, c.finance, '/allocations', { fundCode: c.fundCode, fiscalYear: y, unitId: c.centre.id, amount: '500000000', decisionNo: `PB-${y}` }).expect(201);
      },
    };
  }

  it('carrying commitments over (2036): a file approved, one whose settlement awaits approval and one with an advance approved and unpaid at the close all settle from the carried commitments, nothing committed twice', async () => {
    t.clock.set('2036-01-05T02:00:00Z');
    const c = await cast(t, 2036);
    const s = steps(c);
    const next = afterTheClose(c, 2037);
    const files = await atTheClose(c);
    t.clock.set('2036-12-31T09:00:00Z');
    const closed = (await s.close({ carryOverCommitments: true, carryOverAllocations: false })).body;
    // E 100.000.000, F 30.000.000 (100 less 70 advanced), G 100.000.000.
    expect(closed.funds).toEqual([expect.objectContaining({ fundCode: c.fundCode, commitmentsCarried: '230000000', commitmentsReleased: '0' })]);

    // G's advance is paid from the carried commitment: no commitment made anew.
    expect((await next.payAdvance(files.advanceG, '2037-01-12')).status).toBe(200);
    expect((await s.transfers(files.g, 2037)).map((x) => [x.kind, x.amount])).toEqual([
      ['carry_over', '100000000'],
      ['disbursement', '70000000'],
    ]);
    await s.accept(files.g, '2037-02-01');
    await next.settle(files.g, await s.fileSettlement(files.g, '200000000'), { finalSupport: '100000000', paid: '70000000', balance: '30000000' }, '2037-02-05');

    // F's settlement is checked and approved in 2037: 10.000.000 of the carried 30.000.000 released, 20.000.000 paid.
    await next.checkSettlement(files.settlementF);
    await next.settle(files.f, files.settlementF, { finalSupport: '90000000', paid: '70000000', balance: '20000000' }, '2037-02-10');

    // E is contracted, advanced, accepted and settled in 2037.
    await next.contract(files.e, '2037-02-15');
    await next.advance(files.e, '70000000', '2037-02-20');
    await s.accept(files.e, '2037-03-01');
    await next.settle(files.e, await s.fileSettlement(files.e, '200000000'), { finalSupport: '100000000', paid: '70000000', balance: '30000000' }, '2037-03-05');

    await expectBalanced(t, c.finance, { fundCode: c.fundCode, fiscalYear: 2036 });
    await expectBalanced(t, c.finance, { fundCode: c.fundCode, fiscalYear: 2037 });
  });

  it('not carrying commitments over (2038): an advance approved and unpaid at the close is committed anew from the open year when paid (409 naming the year until the unit holds it); files approved or with a settlement awaiting approval settle too', async () => {
    t.clock.set('2038-01-05T02:00:00Z');
    const c = await cast(t, 2038);
    const s = steps(c);
    const next = afterTheClose(c, 2039);
    const files = await atTheClose(c);
    t.clock.set('2038-12-31T09:00:00Z');
    const closed = (await s.close({ carryOverCommitments: false, carryOverAllocations: false })).body;
    expect(closed.funds).toEqual([expect.objectContaining({ fundCode: c.fundCode, commitmentsCarried: '0', commitmentsReleased: '230000000' })]);

    // G's advance, approved in 2038: the close released its commitment and the unit holds nothing in 2039 yet.
    const short = await next.payAdvance(files.advanceG, '2039-01-10');
    expect([short.status, short.body.code]).toEqual([409, 'INSUFFICIENT_FUNDS']);
    expect(short.body.detail).toContain('năm 2039');
    expect(await s.transfers(files.g, 2039)).toEqual([]);
    expect(await next.disbursementStatus(files.advanceG)).toBe('approved');

    // Finance gives the unit its 2039 budget: the advance is committed anew and paid.
    await next.budget();
    expect((await next.payAdvance(files.advanceG, '2039-01-12')).status).toBe(200);
    expect(await next.disbursementStatus(files.advanceG)).toBe('paid');
    expect((await s.transfers(files.g, 2039)).map((x) => [x.kind, x.amount])).toEqual([
      ['commitment', '70000000'],
      ['disbursement', '70000000'],
    ]);
    await s.accept(files.g, '2039-02-01');
    await next.settle(files.g, await s.fileSettlement(files.g, '200000000'), { finalSupport: '100000000', paid: '70000000', balance: '30000000' }, '2039-02-05');

    // F's settlement, filed before the close, is checked and approved in 2039: its 20.000.000 committed anew.
    await next.checkSettlement(files.settlementF);
    await next.settle(files.f, files.settlementF, { finalSupport: '90000000', paid: '70000000', balance: '20000000' }, '2039-02-10');

    // E, approved in 2038, is contracted and accepted in 2039 and settled: its whole support committed anew.
    await next.contract(files.e, '2039-02-15');
    await s.accept(files.e, '2039-03-01');
    await next.settle(files.e, await s.fileSettlement(files.e, '200000000'), { finalSupport: '100000000', paid: '0', balance: '100000000' }, '2039-03-05');

    await expectBalanced(t, c.finance, { fundCode: c.fundCode, fiscalYear: 2038 });
    await expectBalanced(t, c.finance, { fundCode: c.fundCode, fiscalYear: 2039 });
  });

  it('carrying commitments over: every file settles in the next year, receipts booked there', async () => {
    const c = await cast(t, 2061);
    const s = steps(c);
    const files = await beforeTheClose(c);
    t.clock.set('2061-12-31T09:00:00Z');
    const closed = (await s.close({ carryOverCommitments: true, carryOverAllocations: false })).body;
    expect(closed.funds).toEqual([expect.objectContaining({ fundCode: c.fundCode, commitmentsCarried: '50000000', commitmentsReleased: '0' })]);

    t.clock.set('2062-01-15T02:00:00Z');
    // B's last 20.000.000 arrive in 2062: booked in 2062, and B is settled.
    expect((await s.receive(files.recoveryB, '20000000', '2062-01-15').expect(200)).body).toMatchObject({ received: '30000000', outstanding: '0', status: 'closed' });
    expect(await s.status(files.b)).toBe('settled');
    expect((await s.transfers(files.b, 2062)).filter((x) => x.kind === 'recovery_receipt').map((x) => x.amount)).toEqual(['20000000']);
    expect((await s.settlement(files.settlementB)).balance).toBe('0');

    // C's final payment is paid from the carried commitment.
    await s.payFinal(files.finalC, '2062-01-16').then((r) => expect(r.status).toBe(200));
    expect(await s.status(files.c)).toBe('settled');
    expect(await s.settlement(files.settlementC)).toMatchObject({ paid: '90000000', balance: '0' });

    // A: accepted, settled and paid in 2062.
    await s.accept(files.a, '2062-01-20');
    const settlementA = await s.fileSettlement(files.a, '200000000');
    const approvedA = (await s.approveSettlement(settlementA).expect(200)).body;
    expect(approvedA).toMatchObject({ finalSupport: '100000000', balance: '30000000', released: '0' });
    await s.payFinal(approvedA.finalPaymentId, '2062-01-25').then((r) => expect(r.status).toBe(200));
    expect(await s.status(files.a)).toBe('settled');
    expect(await s.settlement(settlementA)).toMatchObject({ paid: '100000000', balance: '0' });
    await expectBalanced(t, c.finance, { fundCode: c.fundCode, fiscalYear: 2061 });
    await expectBalanced(t, c.finance, { fundCode: c.fundCode, fiscalYear: 2062 });
  });

  it('not carrying commitments over: approval and final payment commit anew from the open year (409 until the unit holds it, never a 500), receipts booked there', async () => {
    const c = await cast(t, 2063);
    const s = steps(c);
    const files = await beforeTheClose(c);
    // D: advanced like A, settled after the close below what was paid.
    const d = await approvedFile(t, c, { eligibleCost: '200000000', approvedSupport: '100000000' });
    await s.contract(d);
    await s.advance(d, '70000000');
    t.clock.set('2063-12-31T09:00:00Z');
    const closed = (await s.close({ carryOverCommitments: false, carryOverAllocations: false })).body;
    expect(closed.funds).toEqual([expect.objectContaining({ fundCode: c.fundCode, commitmentsCarried: '0', commitmentsReleased: '80000000' })]);

    t.clock.set('2064-01-15T02:00:00Z');
    // A: its settlement's final payment needs 30.000.000 committed anew; the unit holds nothing in 2064 yet.
    await s.accept(files.a, '2064-01-20');
    const settlementA = await s.fileSettlement(files.a, '200000000');
    const short = await s.approveSettlement(settlementA).expect(409);
    expect(short.body.code).toBe('INSUFFICIENT_FUNDS');
    expect(short.body.detail).toContain('năm 2064');
    expect((await s.settlement(settlementA)).status).toBe('checked');
    // C's final payment, whose commitment the close released, is refused the same way, and nothing moves.
    const unpaid = await s.payFinal(files.finalC, '2064-01-16');
    expect([unpaid.status, unpaid.body.code]).toEqual([409, 'INSUFFICIENT_FUNDS']);
    expect(await s.transfers(files.c, 2064)).toEqual([]);

    // B's receipt goes to 2064, the open year it arrives in, back to the unit's 2064 allocation; B is settled.
    expect((await s.receive(files.recoveryB, '20000000', '2064-01-15').expect(200)).body).toMatchObject({ status: 'closed' });
    expect(await s.status(files.b)).toBe('settled');
    expect((await s.transfers(files.b, 2064)).map((x) => [x.kind, x.amount])).toEqual([['recovery_receipt', '20000000']]);

    // Those 20.000.000 now in the unit's 2064 allocation make up C's final payment.
    await s.payFinal(files.finalC, '2064-01-26').then((r) => expect(r.status).toBe(200));
    expect(await s.status(files.c)).toBe('settled');
    expect(await s.settlement(files.settlementC)).toMatchObject({ paid: '90000000', balance: '0' });
    expect((await s.transfers(files.c, 2064)).map((x) => [x.kind, x.amount])).toEqual([
      ['commitment', '20000000'],
      ['disbursement', '20000000'],
    ]);

    // Finance gives the unit its 2064 budget: A's settlement goes through and its final payment is paid.
    await postMoney(t, c.finance, '/appropriations', { fundCode: c.fundCode, fiscalYear: 2064, amount: '1000000000', decisionNo: `${c.fundCode}/2064`, decisionDate: '2064-01-10' }).expect(201);
    await postMoney(t, c.finance, '/allocations', { fundCode: c.fundCode, fiscalYear: 2064, unitId: c.centre.id, amount: '500000000', decisionNo: 'PB-2064' }).expect(201);
    const approvedA = (await s.approveSettlement(settlementA).expect(200)).body;
    expect(approvedA).toMatchObject({ finalSupport: '100000000', paid: '70000000', balance: '30000000', released: '0' });
    await s.payFinal(approvedA.finalPaymentId, '2064-01-28').then((r) => expect(r.status).toBe(200));
    expect(await s.status(files.a)).toBe('settled');
    expect(await s.settlement(settlementA)).toMatchObject({ paid: '100000000', balance: '0' });

    // D's settlement opens its recovery in 2064's books: the 2063 review lists it with D's settlement.
    await s.accept(d, '2064-02-01');
    const settlementD = await s.fileSettlement(d, '80000000');
    const approvedD = (await s.approveSettlement(settlementD).expect(200)).body;
    expect(approvedD).toMatchObject({ finalSupport: '40000000', paid: '70000000', balance: '-30000000', released: '0' });
    const review = (await t.http.get(api('/reports/annual/2063')).set(c.finance.auth).expect(200)).body;
    expect(review.settlements.find((x: { applicationId: string }) => x.applicationId === d)).toMatchObject({ balance: '-30000000' });
    expect(review.recoveriesOutstanding.filter((x: { applicationId: string }) => x.applicationId === d).map((x: { outstanding: string }) => x.outstanding)).toEqual(['30000000']);
    await s.receive(approvedD.recoveryId, '30000000', '2064-02-10').expect(200);
    expect(await s.status(d)).toBe('settled');
    expect((await s.transfers(d, 2064)).map((x) => [x.kind, x.amount])).toEqual([['recovery_receipt', '30000000']]);

    await expectBalanced(t, c.finance, { fundCode: c.fundCode, fiscalYear: 2063 });
    await expectBalanced(t, c.finance, { fundCode: c.fundCode, fiscalYear: 2064 });
  });

  it("a treasury return of a payment made in a year since closed is refused naming that year; nothing moves (2094)", async () => {
    t.clock.set('2094-02-02T02:00:00Z');
    const c = await cast(t, 2094);
    const s = steps(c);
    const id = await approvedFile(t, c, { eligibleCost: '200000000', approvedSupport: '100000000' });
    await s.contract(id);
    const requested = (await postMoney(t, c.officer, '/disbursements', { applicationId: id, kind: 'advance', amount: '30000000' }).expect(201)).body;
    await t.http.post(api(`/disbursements/${requested.id}/approve`)).set(c.finance.auth).send({}).expect(200);
    onDay(t.clock, '2094-03-20');
    await postMoney(t, c.finance2, `/disbursements/${requested.id}/pay`, { treasuryRef: ref('ADV'), valueDate: '2094-03-20' }).expect(200);
    t.clock.set('2095-01-05T02:00:00Z');
    await s.close({ carryOverCommitments: true, carryOverAllocations: false });

    const refused = await postMoney(t, c.finance, `/disbursements/${requested.id}/return`, { treasuryRef: ref('BACK'), valueDate: '2095-01-05', reason: 'Sai tài khoản' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('INVALID_STATE');
    expect(refused.body.detail).toContain('năm 2094 đã khóa sổ');
    expect((await t.http.get(api(`/disbursements/${requested.id}`)).set(c.finance.auth).expect(200)).body.status).toBe('paid');
    expect((await s.transfers(id, 2095)).filter((x) => x.kind === 'disbursement_return')).toEqual([]);
    await expectBalanced(t, c.finance, { fundCode: c.fundCode, fiscalYear: 2095 });
  });

  it('cancelling a file on which advances were paid opens a recovery for what was paid; the file stays cancelled once it is received', async () => {
    t.clock.set('2062-02-02T02:00:00Z');
    const c = await cast(t, 2062);
    const s = steps(c);
    const id = await approvedFile(t, c, { eligibleCost: '200000000', approvedSupport: '100000000' });
    await s.contract(id);
    // Paid 70.000.000, then 20.000.000 of it sent back by the treasury: 50.000.000 is owed back.
    const requested = (await postMoney(t, c.officer, '/disbursements', { applicationId: id, kind: 'advance', amount: '20000000' }).expect(201)).body;
    await t.http.post(api(`/disbursements/${requested.id}/approve`)).set(c.finance.auth).send({}).expect(200);
    await postMoney(t, c.finance2, `/disbursements/${requested.id}/pay`, { treasuryRef: ref('ADV'), valueDate: '2062-02-05' }).expect(200);
    await postMoney(t, c.finance, `/disbursements/${requested.id}/return`, { treasuryRef: ref('BACK'), valueDate: '2062-02-06', reason: 'Sai tài khoản' }).expect(200);
    await s.advance(id, '50000000');

    // A request still waiting: the cancellation waits for finance to pay or refuse it.
    const waiting = (await postMoney(t, c.officer, '/disbursements', { applicationId: id, kind: 'advance', amount: '1000000' }).expect(201)).body;
    const refused = await t.http.post(api(`/applications/${id}/cancel`)).set(c.leader.auth).send({ reason: 'Cơ sở dừng dự án' }).expect(409);
    expect(refused.body.code).toBe('INVALID_STATE');
    expect(await s.status(id)).toBe('contracted');
    await t.http.post(api(`/disbursements/${waiting.id}/reject`)).set(c.finance.auth).send({ reason: 'Hồ sơ sắp hủy' }).expect(200);

    const cancelled = (await t.http.post(api(`/applications/${id}/cancel`)).set(c.leader.auth).send({ reason: 'Cơ sở dừng dự án' }).expect(200)).body;
    expect(cancelled).toMatchObject({ id, status: 'cancelled', recoveryId: expect.any(String) });
    const recovery = (await t.http.get(api(`/recoveries/${cancelled.recoveryId}`)).set(c.applicant.auth).expect(200)).body;
    expect(recovery).toMatchObject({ applicationId: id, settlementId: null, origin: 'cancellation', amount: '50000000', received: '0', outstanding: '50000000', status: 'open' });
    expect((await s.receive(cancelled.recoveryId, '50000000', '2062-03-01').expect(200)).body).toMatchObject({ status: 'closed', outstanding: '0' });
    expect(await s.status(id)).toBe('cancelled');
    await expectBalanced(t, c.finance, { fundCode: c.fundCode, fiscalYear: 2062 });

    // Nothing paid, nothing to recover.
    const untouched = await approvedFile(t, c, { eligibleCost: '200000000', approvedSupport: '100000000' });
    expect((await t.http.post(api(`/applications/${untouched}/cancel`)).set(c.leader.auth).send({ reason: 'Cơ sở dừng dự án' }).expect(200)).body).toMatchObject({ status: 'cancelled', recoveryId: null });
  });
});
