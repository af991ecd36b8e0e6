import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createActor, createUnit, TestActor } from './support/actors';
import { expectBalanced, fundWithBudget, postMoney, unitFigures } from './support/budget';
import { startTestApp, TestApp } from './support/test-app';
import { approvedFile, cast } from './support/workflow';
import { csrfOf, hiddenValue, PageClient, webUser } from './web-support';

/**
 * Reversing a ledger transfer takes two finance users: one asks, another approves (the reversing
 * transfer is posted then) or rejects. Only the budget's own entries are reversed this way.
 */
describe('ledger reversals: maker-checker', () => {
  let t: TestApp;
  let finance: TestActor;
  let finance2: TestActor;
  let auditor: TestActor;
  const YEAR = 2037;
  const api = (path: string) => `/api/v1${path}`;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set('2037-03-02T02:00:00Z');
    [finance, finance2, auditor] = [await createActor(t, ['finance']), await createActor(t, ['finance']), await createActor(t, ['auditor'])];
  });
  afterAll(() => t.close());

  const ask = (transferId: string, by = finance, reason = 'Nhập nhầm số tiền') => t.http.post(api(`/ledger/transfers/${transferId}/reverse`)).set(by.auth).send({ reason });
  const approve = (requestId: string, by = finance2, key = randomUUID()) => postMoney(t, by, `/ledger/reversal-requests/${requestId}/approve`, {}, key);
  const reject = (requestId: string, by = finance2, reason = 'Bút toán đúng, không đảo') =>
    t.http.post(api(`/ledger/reversal-requests/${requestId}/reject`)).set(by.auth).send({ reason });
  const getRequest = (requestId: string, by = finance) => t.http.get(api(`/ledger/reversal-requests/${requestId}`)).set(by.auth);
  const transfersOf = async (fundCode: string) =>
    (await t.http.get(api('/ledger/transfers')).query({ fundCode, pageSize: 200 }).set(finance.auth).expect(200)).body.items as Array<{ id: string; kind: string; amount: string; reversesId: string | null; applicationId: string | null }>;
  const auditActions = async (entityId: string) =>
    ((await t.app.get(DataSource).query('SELECT action, actor_id FROM audit_log WHERE entity_id = ? ORDER BY seq', [entityId])) as Array<{ action: string; actor_id: string }>).map((r) => [r.action, r.actor_id]);

  /** A fund with 1.000 appropriated and 300 allocated to a fresh unit. */
  async function allocated() {
    const { fundCode } = await fundWithBudget(t, finance, { year: YEAR, appropriated: '1000' });
    const unit = await createUnit(t);
    const allocation = await postMoney(t, finance, '/allocations', { fundCode, fiscalYear: YEAR, unitId: unit.id, amount: '300', decisionNo: 'PB-01' }).expect(201);
    return { fundCode, unit, allocationId: allocation.body.id as string };
  }

  it('asks, then another finance user approves: the allocation is reversed exactly, each step audited', async () => {
    const { fundCode, unit, allocationId } = await allocated();
    const asked = await ask(allocationId).expect(201);
    expect(asked.body).toMatchObject({ id: expect.any(String), transferId: allocationId, status: 'requested', requestedBy: finance.id, reason: 'Nhập nhầm số tiền', reversalTransferId: null });
    expect(asked.body.transfer).toMatchObject({ kind: 'allocation', fundCode, fiscalYear: YEAR, amount: '300' });
    // Asking moves nothing.
    expect((await unitFigures(t, finance, fundCode, YEAR, unit.id)).unit).toMatchObject({ allocated: '300', available: '300' });

    for (const reader of [finance, finance2, auditor]) {
      const waiting = await t.http.get(api('/ledger/reversal-requests')).query({ status: 'requested', pageSize: 200 }).set(reader.auth).expect(200);
      expect(waiting.body.items.map((r: { id: string }) => r.id)).toContain(asked.body.id);
    }

    const approved = await approve(asked.body.id).expect(200);
    expect(approved.body).toMatchObject({ id: asked.body.id, transferId: allocationId, status: 'approved', requestedBy: finance.id, decidedBy: finance2.id, reversalTransferId: expect.any(String) });

    const transfers = await transfersOf(fundCode);
    const reversal = transfers.find((x) => x.id === approved.body.reversalTransferId);
    expect(reversal).toMatchObject({ kind: 'reversal', reversesId: allocationId, amount: '300' });
    const { fund, unit: figures } = await unitFigures(t, finance, fundCode, YEAR, unit.id);
    expect(fund).toMatchObject({ appropriated: '1000', unallocated: '1000' });
    expect(figures).toMatchObject({ allocated: '0', available: '0' });
    const balance = await expectBalanced(t, finance, { fundCode, fiscalYear: YEAR });
    expect(balance.totalDebits).toBe('1600.00');

    expect((await getRequest(asked.body.id, auditor).expect(200)).body).toMatchObject({ status: 'approved', reversalTransferId: reversal!.id });
    const waiting = await t.http.get(api('/ledger/reversal-requests')).query({ status: 'requested', pageSize: 200 }).set(finance.auth).expect(200);
    expect(waiting.body.items.map((r: { id: string }) => r.id)).not.toContain(asked.body.id);
    expect(await auditActions(asked.body.id)).toEqual([
      ['ledger.reversal_request', finance.id],
      ['ledger.reversal_request.approve', finance2.id],
    ]);
    expect(await auditActions(reversal!.id)).toEqual([['ledger.reversal', finance2.id]]);

    // Reversed once: no new request, and a reversal is never reversed.
    expect((await ask(allocationId, finance2).expect(409)).body.code).toBe('DUPLICATE');
    const ofReversal = await ask(reversal!.id).expect(409);
    expect(ofReversal.body).toMatchObject({ code: 'INVALID_STATE', detail: expect.stringContaining('bút toán đảo') });
  });

  it('refuses the requester approving or rejecting their own request (403) and moves nothing', async () => {
    const { fundCode, unit, allocationId } = await allocated();
    const asked = await ask(allocationId).expect(201);
    const own = await approve(asked.body.id, finance).expect(403);
    expect(own.body).toMatchObject({ code: 'FORBIDDEN', detail: expect.stringContaining('Người đề nghị') });
    expect((await reject(asked.body.id, finance).expect(403)).body.code).toBe('FORBIDDEN');
    expect((await getRequest(asked.body.id).expect(200)).body).toMatchObject({ status: 'requested', decidedBy: null, reversalTransferId: null });
    expect((await unitFigures(t, finance, fundCode, YEAR, unit.id)).unit).toMatchObject({ allocated: '300', available: '300' });
    expect((await transfersOf(fundCode)).filter((x) => x.kind === 'reversal')).toEqual([]);
    await expectBalanced(t, finance, { fundCode });
  });

  it("refuses a file's movements, naming the use case that corrects them: a payment, a commitment", async () => {
    const c = await cast(t, YEAR);
    const id = await approvedFile(t, c);
    await t.http.post(api(`/applications/${id}/contract`)).set(c.officer.auth).send({ contractNo: `HĐ-${id}`, signedDate: '2037-03-02' }).expect(200);
    const advance = await postMoney(t, c.officer, '/disbursements', { applicationId: id, kind: 'advance', amount: '100000000', note: 'Tạm ứng' }).expect(201);
    await t.http.post(api(`/disbursements/${advance.body.id}/approve`)).set(c.finance.auth).send({}).expect(200);
    await postMoney(t, c.finance, `/disbursements/${advance.body.id}/pay`, { treasuryRef: `KB-${id}`, valueDate: '2037-03-02' }).expect(200);

    const fileTransfers = (await transfersOf(c.fundCode)).filter((x) => x.applicationId === id);
    const payment = fileTransfers.find((x) => x.kind === 'disbursement')!;
    const commitment = fileTransfers.find((x) => x.kind === 'commitment')!;
    const refusedPayment = await ask(payment.id, c.finance).expect(409);
    expect(refusedPayment.body).toMatchObject({ code: 'INVALID_STATE', detail: expect.stringContaining('trả lại khoản chi') });
    expect(refusedPayment.body.detail).toContain('/disbursements/:id/return');
    const refusedCommitment = await ask(commitment.id, c.finance).expect(409);
    expect(refusedCommitment.body).toMatchObject({ code: 'INVALID_STATE', detail: expect.stringContaining('hủy hồ sơ') });
    const requests = await t.http.get(api('/ledger/reversal-requests')).query({ pageSize: 200 }).set(c.finance.auth).expect(200);
    expect(requests.body.items.filter((r: { transferId: string }) => [payment.id, commitment.id].includes(r.transferId))).toEqual([]);
    await expectBalanced(t, c.finance, { fundCode: c.fundCode });
  });

  it('refuses a recovery receipt and a year\'s carry-over, naming the use case that posted each (409), and records no request', async () => {
    // Reserved years of this test: a file of 2051 whose settlement asks money back; a close of 2059 into 2060.
    t.clock.set('2051-03-02T02:00:00Z');
    try {
      const c = await cast(t, 2051);
      const id = await approvedFile(t, c);
      await t.http.post(api(`/applications/${id}/contract`)).set(c.officer.auth).send({ contractNo: `HĐ-${id}`, signedDate: '2051-03-02' }).expect(200);
      const advance = await postMoney(t, c.officer, '/disbursements', { applicationId: id, kind: 'advance', amount: '100000000', note: 'Tạm ứng' }).expect(201);
      await t.http.post(api(`/disbursements/${advance.body.id}/approve`)).set(c.finance.auth).send({}).expect(200);
      await postMoney(t, c.finance, `/disbursements/${advance.body.id}/pay`, { treasuryRef: `KB-${id}`, valueDate: '2051-03-02' }).expect(200);
      await t.http.post(api(`/applications/${id}/acceptance`)).set(c.officer.auth).send({ result: 'passed', date: '2051-03-02', minutesNo: `BB-${id}` }).expect(200);
      // Eligible costs of 100.000.000 at 50 %: 50.000.000 of the 100.000.000 advanced comes back.
      const costs = { actualCostLines: [{ description: 'Máy sấy lúa 10 tấn/mẻ', amount: '100000000', eligible: true, documentRef: 'HĐ GTGT 0001' }] };
      const settlement = await t.http.post(api(`/applications/${id}/settlement`)).set(c.applicant.auth).send(costs).expect(201);
      await t.http.post(api(`/settlements/${settlement.body.id}/approve`)).set(c.finance.auth).send({}).expect(200);
      const { recoveryId } = (await t.http.post(api(`/settlements/${settlement.body.id}/approve`)).set(c.leader.auth).send({}).expect(200)).body;
      expect(recoveryId).toEqual(expect.any(String));
      await postMoney(t, c.finance, `/recoveries/${recoveryId}/receive`, { amount: '1000000', treasuryRef: `KB-THU-${id}`, valueDate: '2051-03-02' }).expect(200);
      const receipt = (await transfersOf(c.fundCode)).find((x) => x.applicationId === id && x.kind === 'recovery_receipt')!;
      expect(receipt).toMatchObject({ amount: '1000000' });
      const refusedReceipt = await ask(receipt.id, c.finance).expect(409);
      expect(refusedReceipt.body).toMatchObject({ code: 'INVALID_STATE', detail: expect.stringContaining('POST /recoveries/:id/receive') });

      const { fundCode } = await fundWithBudget(t, finance, { year: 2059, appropriated: '1000' });
      await postMoney(t, finance, '/allocations', { fundCode, fiscalYear: 2059, unitId: (await createUnit(t)).id, amount: '400', decisionNo: 'PB-2059' }).expect(201);
      await t.http.post(api('/fiscal-years/2059/close')).set(finance.auth).send({ carryOverCommitments: true, carryOverAllocations: true }).expect(200);
      const carried = (await transfersOf(fundCode)).filter((x) => x.kind === 'carry_over');
      expect(carried.map((x) => x.amount)).toEqual(['400', '400']);
      for (const leg of carried) {
        const refused = await ask(leg.id).expect(409);
        expect(refused.body).toMatchObject({ code: 'INVALID_STATE', detail: expect.stringContaining('POST /fiscal-years/:year/close') });
      }

      const requests = await t.http.get(api('/ledger/reversal-requests')).query({ pageSize: 200 }).set(finance.auth).expect(200);
      const refusedIds = [receipt.id, ...carried.map((x) => x.id)];
      expect(requests.body.items.filter((r: { transferId: string }) => refusedIds.includes(r.transferId))).toEqual([]);
      await expectBalanced(t, c.finance, { fundCode: c.fundCode });
      await expectBalanced(t, finance, { fundCode });
    } finally {
      t.clock.set('2037-03-02T02:00:00Z');
    }
  });

  it('lets a transfer have one open request at a time', async () => {
    const { allocationId } = await allocated();
    await ask(allocationId).expect(201);
    const second = await ask(allocationId, finance2, 'Lần hai').expect(409);
    expect(second.body).toMatchObject({ code: 'DUPLICATE', detail: expect.stringContaining('đang chờ duyệt') });
  });

  it('lets only one of two simultaneous requests, and one of two simultaneous approvals, through', async () => {
    const { fundCode, allocationId } = await allocated();
    const asks = await Promise.all([ask(allocationId, finance), ask(allocationId, finance2)]);
    expect(asks.map((r) => r.status).sort()).toEqual([201, 409]);
    const asked = asks.find((r) => r.status === 201)!;
    const checker = asked.body.requestedBy === finance.id ? finance2 : finance;
    const approvals = await Promise.all([approve(asked.body.id, checker), approve(asked.body.id, checker)]);
    expect(approvals.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await transfersOf(fundCode)).filter((x) => x.kind === 'reversal')).toHaveLength(1);
    await expectBalanced(t, finance, { fundCode });
  });

  it('approves once: the same Idempotency-Key replays the answer, a new key is 409', async () => {
    const { fundCode, allocationId } = await allocated();
    const asked = await ask(allocationId).expect(201);
    const key = randomUUID();
    const first = await approve(asked.body.id, finance2, key).expect(200);
    const replay = await approve(asked.body.id, finance2, key).expect(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(first.body);
    const again = await approve(asked.body.id, finance2).expect(409);
    expect(again.body).toMatchObject({ code: 'INVALID_STATE', detail: expect.stringContaining('đã được duyệt') });
    expect((await reject(asked.body.id).expect(409)).body.code).toBe('INVALID_STATE');
    expect((await transfersOf(fundCode)).filter((x) => x.kind === 'reversal')).toHaveLength(1);
    // Approval moves money: it needs a key.
    await t.http.post(api(`/ledger/reversal-requests/${asked.body.id}/approve`)).set(finance2.auth).send({}).expect(400);
    await expectBalanced(t, finance, { fundCode });
  });

  it('rejects with a reason: nothing moves, the request is closed, and a new one may be asked', async () => {
    const { fundCode, unit, allocationId } = await allocated();
    const asked = await ask(allocationId).expect(201);
    await t.http.post(api(`/ledger/reversal-requests/${asked.body.id}/reject`)).set(finance2.auth).send({}).expect(400);
    const rejected = await reject(asked.body.id).expect(200);
    expect(rejected.body).toMatchObject({ id: asked.body.id, status: 'rejected', decidedBy: finance2.id, decisionReason: 'Bút toán đúng, không đảo', reversalTransferId: null });
    expect((await approve(asked.body.id).expect(409)).body.code).toBe('INVALID_STATE');
    expect((await reject(asked.body.id).expect(409)).body.code).toBe('INVALID_STATE');
    expect((await unitFigures(t, finance, fundCode, YEAR, unit.id)).unit).toMatchObject({ allocated: '300', available: '300' });
    expect((await transfersOf(fundCode)).filter((x) => x.kind === 'reversal')).toEqual([]);
    expect(await auditActions(asked.body.id)).toEqual([
      ['ledger.reversal_request', finance.id],
      ['ledger.reversal_request.reject', finance2.id],
    ]);
    await ask(allocationId, finance2, 'Xem lại').expect(201);
  });

  it('lets an auditor read the requests but not ask, approve or reject; other roles get 403; unknown ids 404', async () => {
    const { allocationId } = await allocated();
    const asked = await ask(allocationId).expect(201);
    await getRequest(asked.body.id, auditor).expect(200);
    expect((await ask(allocationId, auditor).expect(403)).body.code).toBe('FORBIDDEN');
    await approve(asked.body.id, auditor).expect(403);
    await reject(asked.body.id, auditor).expect(403);
    const officer = await createActor(t, ['officer']);
    await t.http.get(api('/ledger/reversal-requests')).set(officer.auth).expect(403);
    await getRequest(asked.body.id, officer).expect(403);
    await approve(asked.body.id, officer).expect(403);
    expect((await getRequest(asked.body.id).expect(200)).body.status).toBe('requested');
    await ask('01ABCDEFGHJKMNPQRSTVWXYZ00').expect(404);
    await approve('01ABCDEFGHJKMNPQRSTVWXYZ00').expect(404);
    await getRequest('01ABCDEFGHJKMNPQRSTVWXYZ00').expect(404);
    await t.http.get(api('/ledger/reversal-requests')).query({ status: 'gone' }).set(finance.auth).expect(400);
  });

  it('refuses the approval when the money has since been used (409 INSUFFICIENT_FUNDS) and changes nothing', async () => {
    const { fundCode, unit, allocationId } = await allocated();
    const other = await createUnit(t);
    const asked = await ask(allocationId).expect(201);
    await postMoney(t, finance, '/allocations/transfer', { fundCode, fiscalYear: YEAR, fromUnitId: unit.id, toUnitId: other.id, amount: '201', reason: 'Điều chuyển' }).expect(201);
    const refused = await approve(asked.body.id).expect(409);
    expect(refused.body).toMatchObject({ code: 'INSUFFICIENT_FUNDS', detail: expect.stringContaining('đã được sử dụng') });
    expect((await getRequest(asked.body.id).expect(200)).body).toMatchObject({ status: 'requested', decidedBy: null, reversalTransferId: null });
    expect((await unitFigures(t, finance, fundCode, YEAR, unit.id)).unit).toMatchObject({ allocated: '99', available: '99' });
    expect((await transfersOf(fundCode)).filter((x) => x.kind === 'reversal')).toEqual([]);
    expect(await auditActions(asked.body.id)).toEqual([['ledger.reversal_request', finance.id]]);
    await expectBalanced(t, finance, { fundCode });
  });

  it("puts a reversal request on another finance user's home queue, linked to /ngan-sach/dao-but-toan, never on the requester's", async () => {
    // Reserved year of this test: 2070.
    const [maker, checker] = [await webUser(t, ['finance']), await webUser(t, ['finance'])];
    const { fundCode } = await fundWithBudget(t, maker, { year: 2070, appropriated: '1000' });
    const allocation = await postMoney(t, maker, '/allocations', { fundCode, fiscalYear: 2070, unitId: (await createUnit(t)).id, amount: '250', decisionNo: 'PB-2070-HANG' }).expect(201);
    const asked = await ask(allocation.body.id, maker, 'Phân bổ nhầm năm ngân sách').expect(201);
    const queueOf = async (who: TestActor) => {
      const client = new PageClient(t);
      await client.login(who.email);
      const page = await client.get('/');
      expect(page.status).toBe(200);
      const start = page.text.indexOf('<section class="card" id="reversals">');
      return start < 0 ? '' : page.text.slice(start, page.text.indexOf('</section>', start));
    };

    const waiting = await queueOf(checker);
    expect(waiting).toContain(`href="/ngan-sach/dao-but-toan#dao-${asked.body.id}"`);
    expect(waiting).toContain('Phân bổ nhầm năm ngân sách');
    expect(await queueOf(maker)).not.toContain(asked.body.id);
    await approve(asked.body.id, checker).expect(200);
    expect(await queueOf(checker)).not.toContain(asked.body.id);
    await expectBalanced(t, maker, { fundCode });
  });

  it('shows finance the requests waiting for a second person at /ngan-sach/dao-but-toan, where another approves or rejects', async () => {
    const [maker, checker, reader] = [await webUser(t, ['finance']), await webUser(t, ['finance']), await webUser(t, ['auditor'])];
    const { fundCode } = await fundWithBudget(t, maker, { year: YEAR, appropriated: '1000' });
    const unit = await createUnit(t);
    const allocation = await postMoney(t, maker, '/allocations', { fundCode, fiscalYear: YEAR, unitId: unit.id, amount: '300', decisionNo: 'PB-WEB' }).expect(201);
    const transfer = await postMoney(t, maker, '/allocations', { fundCode, fiscalYear: YEAR, unitId: (await createUnit(t)).id, amount: '50', decisionNo: 'PB-WEB-2' }).expect(201);
    const toApprove = await ask(allocation.body.id, maker, 'Phân bổ nhầm đơn vị').expect(201);
    const toReject = await ask(transfer.body.id, maker, 'Điều chuyển nhầm').expect(201);

    const own = new PageClient(t);
    await own.login(maker.email);
    const ownPage = await own.get('/ngan-sach/dao-but-toan');
    expect(ownPage.status).toBe(200);
    expect(ownPage.text).toContain('Phân bổ nhầm đơn vị');
    expect(ownPage.text).not.toContain(`/ngan-sach/dao-but-toan/${toApprove.body.id}/duyet`);

    const audit = new PageClient(t);
    await audit.login(reader.email);
    const auditPage = await audit.get('/ngan-sach/dao-but-toan');
    expect(auditPage.status).toBe(200);
    expect(auditPage.text).toContain('Điều chuyển nhầm');
    expect(auditPage.text).not.toContain('/duyet');

    const second = new PageClient(t);
    await second.login(checker.email);
    const page = await second.get('/ngan-sach/dao-but-toan');
    const card = page.text.slice(page.text.indexOf(`id="dao-${toApprove.body.id}"`));
    const fields = { idempotencyKey: hiddenValue(card, 'idempotencyKey') };
    const first = await second.post(`/ngan-sach/dao-but-toan/${toApprove.body.id}/duyet`, fields, { csrf: csrfOf(page.text) });
    expect(first.status).toBe(303);
    const again = await second.post(`/ngan-sach/dao-but-toan/${toApprove.body.id}/duyet`, fields, { csrf: csrfOf(page.text) });
    expect(again.status).toBe(303);
    expect((await second.get(again.headers.location)).text).toContain('Biểu mẫu này đã được gửi trước đó');
    expect((await transfersOf(fundCode)).filter((x) => x.kind === 'reversal')).toHaveLength(1);
    expect((await getRequest(toApprove.body.id).expect(200)).body).toMatchObject({ status: 'approved', decidedBy: checker.id });

    const noReason = await second.post(`/ngan-sach/dao-but-toan/${toReject.body.id}/tu-choi`, { reason: '' }, { from: '/ngan-sach/dao-but-toan' });
    expect(noReason.status).toBe(400);
    const rejected = await second.post(`/ngan-sach/dao-but-toan/${toReject.body.id}/tu-choi`, { reason: 'Điều chuyển đúng' }, { from: '/ngan-sach/dao-but-toan' });
    expect(rejected.status).toBe(303);
    expect((await getRequest(toReject.body.id).expect(200)).body).toMatchObject({ status: 'rejected', decisionReason: 'Điều chuyển đúng' });
    const empty = await second.get('/ngan-sach/dao-but-toan');
    expect(empty.text).not.toContain(`dao-${toApprove.body.id}`);
    expect(empty.text).not.toContain(`dao-${toReject.body.id}`);
    await expectBalanced(t, maker, { fundCode });
  });
});
