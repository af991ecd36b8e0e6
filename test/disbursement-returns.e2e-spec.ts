import { createActor } from './support/actors';
import { csrfOf, PageClient, webUser } from './web-support';
import { expectBalanced, postMoney, unitFigures } from './support/budget';
import { startTestApp, TestApp } from './support/test-app';
import { onDay } from './support/calendar';
import { approvedFile, cast, Cast } from './support/workflow';

/**
 * A payment the treasury sent back (hoàn trả), and maker-checker on settlement approval under a
 * delegation. The ledger, the disbursement records, the budget summary, the settlement and the
 * reconciliation must tell the same story.
 */
describe('treasury returns of paid disbursements; settlement maker-checker with delegation', () => {
  let t: TestApp;
  let c: Cast;
  const YEAR = 2027;
  const api = (path: string) => `/api/v1${path}`;
  let seq = 0;
  const ref = (label: string) => `KB-RT-${label}-${Date.now().toString(36)}${(seq++).toString(36)}`.toUpperCase();

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set('2027-03-02T02:00:00Z');
    c = await cast(t, YEAR);
  });
  afterAll(() => t.close());

  // Each step is recorded on the day it happens (or later): the clock moves to that day first.
  const contract = (id: string) => onDay(t.clock, '2027-03-10') || t.http.post(api(`/applications/${id}/contract`)).set(c.officer.auth).send({ contractNo: `HĐ-RT-${id}`, signedDate: '2027-03-10' }).expect(200);
  const request = (id: string, kind: 'advance' | 'payment', amount: string) => postMoney(t, c.officer, '/disbursements', { applicationId: id, kind, amount, note: 'Đề nghị' });
  const approve = (disbursementId: string) => t.http.post(api(`/disbursements/${disbursementId}/approve`)).set(c.finance.auth).send({}).expect(200);
  const pay = (disbursementId: string, treasuryRef: string, valueDate: string) => onDay(t.clock, valueDate) || postMoney(t, c.finance2, `/disbursements/${disbursementId}/pay`, { treasuryRef, valueDate });
  const giveBack = (disbursementId: string, treasuryRef: string, valueDate: string) =>
    onDay(t.clock, valueDate) ||
    postMoney(t, c.finance, `/disbursements/${disbursementId}/return`, { treasuryRef, valueDate, reason: 'Sai số tài khoản của người thụ hưởng' });
  const accept = (id: string) =>
    onDay(t.clock, '2027-10-15') ||
    t.http.post(api(`/applications/${id}/acceptance`)).set(c.officer.auth).send({ result: 'passed', date: '2027-10-15', minutesNo: `BB-RT-${id.slice(-4)}`, note: 'Đạt yêu cầu' }).expect(200);
  const fileSettlement = (id: string, eligible: string) =>
    t.http
      .post(api(`/applications/${id}/settlement`))
      .set(c.applicant.auth)
      .send({ actualCostLines: [{ description: 'Máy sấy lúa', amount: eligible, eligible: true, documentRef: 'HĐ GTGT 0001' }] })
      .expect(201);
  const fileAccounts = async (id: string) => {
    const { accounts } = await expectBalanced(t, c.finance, { fundCode: c.fundCode, fiscalYear: YEAR });
    const of = (kind: string) => accounts.find((a: { kind: string; applicationId: string }) => a.kind === kind && a.applicationId === id)?.balance;
    return { commitment: of('commitment'), payee: of('payee') };
  };
  const unit = async () => {
    const { committed, disbursed } = (await unitFigures(t, c.finance, c.fundCode, YEAR, c.centre.id)).unit;
    return { committed, disbursed };
  };
  const statement = (rows: string[]) =>
    t.http
      .post(api('/reconciliation/imports'))
      .set(c.finance.auth)
      .attach('file', Buffer.from(`treasuryRef,valueDate,amount,direction,payeeTaxCode,description\n${rows.join('\n')}\n`, 'utf8'), { filename: 'sao-ke.csv', contentType: 'text/csv' })
      .expect(201);

  it('an advance of 70.000.000 on a support of 100.000.000, sent back by the treasury, then paid again after acceptance: every book agrees', async () => {
    const id = await approvedFile(t, c, { eligibleCost: '200000000', approvedSupport: '100000000' });
    await contract(id);
    expect(await unit()).toEqual({ committed: '100000000', disbursed: '0' });

    const advance = (await request(id, 'advance', '70000000').expect(201)).body;
    await approve(advance.id);
    const outFirst = ref('OUT1');
    await pay(advance.id, outFirst, '2027-03-20').expect(200);
    expect(await fileAccounts(id)).toEqual({ commitment: '30000000', payee: '70000000' });
    expect(await unit()).toEqual({ committed: '30000000', disbursed: '70000000' });

    // Only finance records a return, with an Idempotency-Key, and only of a paid disbursement.
    await t.http.post(api(`/disbursements/${advance.id}/return`)).set(c.finance.auth).send({ treasuryRef: ref('NOKEY'), valueDate: '2027-04-02', reason: 'x' }).expect(400);
    await postMoney(t, c.officer, `/disbursements/${advance.id}/return`, { treasuryRef: ref('ROLE'), valueDate: '2027-04-02', reason: 'x' }).expect(403);

    const inbound = ref('IN1');
    const returned = await giveBack(advance.id, inbound, '2027-04-02').expect(200);
    expect(returned.body).toMatchObject({
      id: advance.id,
      kind: 'advance',
      amount: '70000000',
      status: 'returned',
      treasuryRef: outFirst,
      valueDate: '2027-03-20',
      returnedBy: c.finance.id,
      returnTreasuryRef: inbound,
      returnValueDate: '2027-04-02',
      returnReason: 'Sai số tài khoản của người thụ hưởng',
    });
    expect(returned.body.returnTransferId).toEqual(expect.any(String));
    expect(await fileAccounts(id)).toEqual({ commitment: '100000000', payee: '0' });
    expect(await unit()).toEqual({ committed: '100000000', disbursed: '0' });

    // A second return moves nothing; nor does a return of what was never paid.
    expect((await giveBack(advance.id, ref('AGAIN'), '2027-04-03').expect(409)).body.code).toBe('INVALID_STATE');
    const unpaid = (await request(id, 'advance', '1000000').expect(201)).body;
    expect((await giveBack(unpaid.id, ref('UNPAID'), '2027-04-02').expect(409)).body.code).toBe('INVALID_STATE');
    await t.http.post(api(`/disbursements/${unpaid.id}/reject`)).set(c.finance.auth).send({ reason: 'Không cần' }).expect(200);

    // The returned advance no longer counts against the 70 % advance limit.
    const again = (await request(id, 'advance', '70000000').expect(201)).body;
    await t.http.post(api(`/disbursements/${again.id}/reject`)).set(c.finance.auth).send({ reason: 'Chờ nghiệm thu rồi thanh toán' }).expect(200);

    await accept(id);
    const payment = (await request(id, 'payment', '70000000').expect(201)).body;
    await approve(payment.id);
    const outSecond = ref('OUT2');
    await pay(payment.id, outSecond, '2027-10-20').expect(200);
    expect((await giveBack(payment.id, inbound, '2027-10-25').expect(409)).body.code).toBe('DUPLICATE');
    expect((await giveBack(payment.id, outFirst, '2027-10-25').expect(409)).body.code).toBe('DUPLICATE');

    expect(await fileAccounts(id)).toEqual({ commitment: '30000000', payee: '70000000' });
    expect(await unit()).toEqual({ committed: '30000000', disbursed: '70000000' });
    const records = (await t.http.get(api('/disbursements')).query({ applicationId: id }).set(c.finance.auth).expect(200)).body.items;
    expect(records.map((d: { kind: string; amount: string; status: string }) => [d.kind, d.amount, d.status])).toEqual([
      ['advance', '70000000', 'returned'],
      ['advance', '1000000', 'rejected'],
      ['advance', '70000000', 'rejected'],
      ['payment', '70000000', 'paid'],
    ]);
    const returnedOnly = (await t.http.get(api('/disbursements')).query({ applicationId: id, status: 'returned' }).set(c.auditor.auth).expect(200)).body;
    expect(returnedOnly.items.map((d: { id: string }) => d.id)).toEqual([advance.id]);
    const audit = (await t.http.get(api('/audit')).query({ entity: 'disbursement', entityId: advance.id }).set(c.auditor.auth).expect(200)).body.items;
    expect(audit.map((e: { action: string }) => e.action)).toContain('disbursement.return');

    // Settlement counts 70.000.000 paid, not 140.000.000: final support 100.000.000, 30.000.000 left to pay.
    const settlement = (await fileSettlement(id, '200000000')).body;
    await t.http.post(api(`/settlements/${settlement.id}/approve`)).set(c.finance.auth).send({}).expect(200);
    const approved = await t.http.post(api(`/settlements/${settlement.id}/approve`)).set(c.leader.auth).send({}).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', finalSupport: '100000000', paid: '70000000', balance: '30000000', released: '0', recoveryId: null });
    // Once the settlement is filed, a return belongs to the settlement: refused.
    expect((await giveBack(payment.id, ref('LATE'), '2027-11-02').expect(409)).body.code).toBe('INVALID_STATE');

    // The treasury's statement: the first payment out, its return in, the second payment out.
    const full = (await statement([`${outFirst},2027-03-20,70000000,out,,`, `${inbound},2027-04-02,70000000,in,,Hoàn trả`, `${outSecond},2027-10-20,70000000,out,,`])).body;
    expect(full.lines.map((l: { treasuryRef: string; status: string }) => [l.treasuryRef, l.status])).toEqual([
      [outFirst, 'matched'],
      [inbound, 'matched'],
      [outSecond, 'matched'],
    ]);
    expect(full.missing.filter((m: { treasuryRef: string }) => [outFirst, inbound, outSecond].includes(m.treasuryRef))).toEqual([]);
    // A statement without the return: KCFund expects it as money in, with its value date.
    const partial = (await statement([`${outFirst},2027-03-20,70000000,out,,lần 2`, `${outSecond},2027-10-20,70000000,out,,lần 2`])).body;
    expect(partial.missing.filter((m: { treasuryRef: string }) => m.treasuryRef === inbound)).toEqual([{ treasuryRef: inbound, direction: 'in', amount: '70000000', valueDate: '2027-04-02' }]);
    await expectBalanced(t, c.finance, { fundCode: c.fundCode, fiscalYear: YEAR });
  });

  it("the issue's case: an advance of 70 on 100 paid, sent back, then 100 paid after acceptance: 100 has left, every book says 100, nothing to recover", async () => {
    const id = await approvedFile(t, c, { eligibleCost: '200000000', approvedSupport: '100000000' });
    await contract(id);
    // The unit's figures hold the other files of the cast too: this file's part is the change.
    const before = await unit();
    const advance = (await request(id, 'advance', '70000000').expect(201)).body;
    await approve(advance.id);
    const out1 = ref('OUT70');
    await pay(advance.id, out1, '2027-03-20').expect(200);
    const back = ref('IN70');
    await giveBack(advance.id, back, '2027-04-02').expect(200);

    await accept(id);
    const payment = (await request(id, 'payment', '100000000').expect(201)).body;
    await approve(payment.id);
    const out2 = ref('OUT100');
    await pay(payment.id, out2, '2027-10-20').expect(200);

    // The ledger: the whole support left the commitment for the beneficiary, once.
    expect(await fileAccounts(id)).toEqual({ commitment: '0', payee: '100000000' });
    const after = await unit();
    expect(BigInt(before.committed) - BigInt(after.committed)).toBe(100_000_000n);
    expect(BigInt(after.disbursed) - BigInt(before.disbursed)).toBe(100_000_000n);
    // The records: 100 paid, the advance returned.
    const records = (await t.http.get(api('/disbursements')).query({ applicationId: id }).set(c.finance.auth).expect(200)).body.items;
    expect(records.map((d: { kind: string; amount: string; status: string }) => [d.kind, d.amount, d.status])).toEqual([
      ['advance', '70000000', 'returned'],
      ['payment', '100000000', 'paid'],
    ]);
    // Settlement: 100 paid of a final support of 100, nothing to pay and nothing to recover.
    const settlement = (await fileSettlement(id, '200000000')).body;
    await t.http.post(api(`/settlements/${settlement.id}/approve`)).set(c.finance.auth).send({}).expect(200);
    const approved = (await t.http.post(api(`/settlements/${settlement.id}/approve`)).set(c.leader.auth).send({}).expect(200)).body;
    expect(approved).toMatchObject({ status: 'approved', finalSupport: '100000000', paid: '100000000', balance: '0', recoveryId: null, finalPaymentId: null });
    const recoveries = (await t.http.get(api('/recoveries')).query({ applicationId: id }).set(c.finance.auth).expect(200)).body.items;
    expect(recoveries).toEqual([]);
    // Reconciliation: 70 out, 70 back, 100 out, each matched; nothing KCFund expects is missing.
    const matched = (await statement([`${out1},2027-03-20,70000000,out,,`, `${back},2027-04-02,70000000,in,,Hoàn trả`, `${out2},2027-10-20,100000000,out,,`])).body;
    expect(matched.lines.map((l: { treasuryRef: string; status: string }) => [l.treasuryRef, l.status])).toEqual([
      [out1, 'matched'],
      [back, 'matched'],
      [out2, 'matched'],
    ]);
    expect(matched.missing.filter((m: { treasuryRef: string }) => [out1, back, out2].includes(m.treasuryRef))).toEqual([]);
    await expectBalanced(t, c.finance, { fundCode: c.fundCode, fiscalYear: YEAR });
  });

  it('a settlement is not approved by whoever checked it, nor by a delegate of the leader who checked it', async () => {
    const financeLeader = await createActor(t, ['finance', 'leader']);
    const deputy = await webUser(t, ['head'], c.centre.id, 'Trưởng phòng Được Ủy Quyền');
    const id = await approvedFile(t, c, { eligibleCost: '200000000', approvedSupport: '100000000' });
    await contract(id);
    await accept(id);
    const settlement = (await fileSettlement(id, '200000000')).body;
    const approveAs = (actor: { auth: { Authorization: string } }) => t.http.post(api(`/settlements/${settlement.id}/approve`)).set(actor.auth).send({});

    expect((await approveAs(financeLeader).expect(200)).body).toMatchObject({ status: 'checked', checkedBy: financeLeader.id });
    await t.http
      .post(api('/delegations'))
      .set(financeLeader.auth)
      .send({ toUserId: deputy.id, validFrom: t.clock.today(), validTo: '2027-12-31', reason: 'Đi công tác' })
      .expect(201);

    const byDelegate = await approveAs(deputy).expect(403);
    expect(byDelegate.body.code).toBe('FORBIDDEN');
    expect(byDelegate.body.detail).toContain('kiểm tra');
    // Its page offers the delegate no approval, and a hand-made one is refused the same way.
    const browser = new PageClient(t);
    await browser.login(deputy.email);
    const page = await browser.get(`/quyet-toan/${settlement.id}`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain(`action="/quyet-toan/${settlement.id}/duyet"`);
    const posted = await browser.post(`/quyet-toan/${settlement.id}/duyet`, {}, { csrf: csrfOf(page.text) });
    expect(posted.status).toBe(403);
    expect(posted.text).toContain('Người đã kiểm tra không được tự phê duyệt');
    expect((await approveAs(financeLeader).expect(403)).body.code).toBe('FORBIDDEN');
    expect((await t.http.get(api(`/settlements/${settlement.id}`)).set(c.finance.auth).expect(200)).body.status).toBe('checked');

    const approved = await approveAs(c.leader).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', approvedBy: c.leader.id, approvedCapacity: 'leader', paid: '0', finalSupport: '100000000' });
  });

  it('the final payment a delegate opened by approving a settlement is not approved by the leader behind the delegation', async () => {
    const financeLeader = await webUser(t, ['finance', 'leader'], null, 'Phó Giám đốc Kiêm Tài Chính');
    const deputy = await createActor(t, ['head'], c.centre.id);
    await t.http
      .post(api('/delegations'))
      .set(financeLeader.auth)
      .send({ toUserId: deputy.id, validFrom: t.clock.today(), validTo: '2027-12-31', reason: 'Đi công tác' })
      .expect(201);
    const id = await approvedFile(t, c, { eligibleCost: '200000000', approvedSupport: '100000000' });
    await contract(id);
    await accept(id);
    const settlement = (await fileSettlement(id, '200000000')).body;
    await t.http.post(api(`/settlements/${settlement.id}/approve`)).set(c.finance.auth).send({}).expect(200);
    const approved = await t.http.post(api(`/settlements/${settlement.id}/approve`)).set(deputy.auth).send({}).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', approvedCapacity: 'delegated', approvedOnBehalfOf: financeLeader.id, balance: '100000000' });
    const finalId = approved.body.finalPaymentId;
    const final = (await t.http.get(api(`/disbursements/${finalId}`)).set(c.finance.auth).expect(200)).body;
    expect(final).toMatchObject({ kind: 'final', amount: '100000000', status: 'requested', requestedBy: deputy.id, requestedOnBehalfOf: financeLeader.id });

    const byDelegator = await t.http.post(api(`/disbursements/${finalId}/approve`)).set(financeLeader.auth).send({}).expect(403);
    expect(byDelegator.body.code).toBe('FORBIDDEN');
    // The payments page offers that leader no approval of it; a hand-made one is refused the same way.
    const approveForm = `action="/giai-ngan/${finalId}/duyet"`;
    const browser = new PageClient(t);
    await browser.login(financeLeader.email);
    const page = await browser.get('/giai-ngan');
    expect(page.text).toContain(`id="chi-${finalId}"`);
    expect(page.text).not.toContain(approveForm);
    const posted = await browser.post(`/giai-ngan/${finalId}/duyet`, {}, { csrf: csrfOf(page.text) });
    expect(posted.status).toBe(403);
    expect(posted.text).toContain('Người đề nghị không được tự phê duyệt');
    // Another finance user is offered it.
    const clerk = await webUser(t, ['finance']);
    const other = new PageClient(t);
    await other.login(clerk.email);
    expect((await other.get('/giai-ngan')).text).toContain(approveForm);
    expect((await t.http.post(api(`/disbursements/${finalId}/approve`)).set(c.finance2.auth).send({}).expect(200)).body).toMatchObject({ status: 'approved', approvedBy: c.finance2.id });
  });

  it('finance records a treasury return from the payments page: the payment is marked returned and the money is back in the commitment', async () => {
    const id = await approvedFile(t, c, { eligibleCost: '200000000', approvedSupport: '100000000' });
    await contract(id);
    const advance = (await request(id, 'advance', '50000000').expect(201)).body;
    await approve(advance.id);
    await pay(advance.id, ref('PAGE'), '2027-03-05').expect(200);
    const clerk = await webUser(t, ['finance'], null, 'Kế toán Trả Lại');
    const browser = new PageClient(t);
    await browser.login(clerk.email);
    const page = await browser.get('/giai-ngan');
    expect(page.text).toContain(`action="/giai-ngan/${advance.id}/tra-lai"`);
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(page.text.slice(page.text.indexOf(`/giai-ngan/${advance.id}/tra-lai`)))![1];
    const sent = await browser.post(
      `/giai-ngan/${advance.id}/tra-lai`,
      { idempotencyKey: key, treasuryRef: ref('BACK'), valueDate: '2027-03-09', reason: 'Sai số tài khoản' },
      { from: '/giai-ngan' },
    );
    expect(sent.status).toBe(303);
    const after = (await t.http.get(api(`/disbursements/${advance.id}`)).set(c.finance.auth).expect(200)).body;
    expect(after.status).toBe('returned');
    expect((await browser.get('/giai-ngan')).text).toContain('Đã ghi nhận Kho bạc trả lại');
    // An officer is not offered the form.
    const officer = await webUser(t, ['officer'], c.centre.id);
    const other = new PageClient(t);
    await other.login(officer.email);
    expect((await other.get('/giai-ngan')).text).not.toContain('/tra-lai"');
  });
});
