import { createActor, createUnit, TestActor } from './support/actors';
import { expectBalanced, fundWithBudget, postMoney, unitFigures } from './support/budget';
import { startTestApp, TestApp } from './support/test-app';

describe('budget: funds, appropriation, allocation', () => {
  let t: TestApp;
  let finance: TestActor;
  let officer: TestActor;
  const year = 2031;

  beforeAll(async () => {
    t = await startTestApp();
    finance = await createActor(t, ['finance']);
    officer = await createActor(t, ['officer']);
  });
  afterAll(() => t.close());

  it('appropriates, allocates, splits and transfers with exact figures and a balanced ledger', async () => {
    const { fundCode } = await fundWithBudget(t, finance, { year, appropriated: '1000000000' });
    const [a, b, c] = [await createUnit(t), await createUnit(t, 'commune'), await createUnit(t, 'commune')];

    const allocation = await postMoney(t, finance, '/allocations', { fundCode, fiscalYear: year, unitId: a.id, amount: '400000000', decisionNo: '12/QĐ-SCT' }).expect(201);
    expect(allocation.body).toMatchObject({ fundCode, fiscalYear: year, unitId: a.id, amount: '400000000', decisionNo: '12/QĐ-SCT' });
    expect(allocation.body.id).toEqual(expect.any(String));

    const split = await postMoney(t, finance, '/allocations/split', {
      fundCode,
      fiscalYear: year,
      amount: '100',
      shares: [
        { unitId: b.id, weight: 1 },
        { unitId: c.id, weight: 2 },
      ],
    }).expect(201);
    expect(split.body.allocations).toEqual([
      { unitId: b.id, amount: '33' },
      { unitId: c.id, amount: '67' },
    ]);

    // A share too small for one whole đồng gets nothing and moves nothing (decimal.js counts 0 as positive).
    const tiny = await postMoney(t, finance, '/allocations/split', { fundCode, fiscalYear: year, amount: '1', shares: [{ unitId: b.id, weight: 1 }, { unitId: c.id, weight: 3 }] }).expect(201);
    expect(tiny.body.allocations).toEqual([
      { unitId: b.id, amount: '0' },
      { unitId: c.id, amount: '1' },
    ]);

    const transfer = await postMoney(t, finance, '/allocations/transfer', { fundCode, fiscalYear: year, fromUnitId: a.id, toUnitId: b.id, amount: '150000000', reason: 'Điều chỉnh kế hoạch' }).expect(201);
    expect(transfer.body).toMatchObject({ fundCode, fiscalYear: year, fromUnitId: a.id, toUnitId: b.id, amount: '150000000', reason: 'Điều chỉnh kế hoạch' });

    const { fund, unit } = await unitFigures(t, finance, fundCode, year, a.id);
    expect(fund).toMatchObject({ appropriated: '1000000000', unallocated: '599999899' });
    expect(unit).toEqual({ unitId: a.id, allocated: '250000000', committed: '0', disbursed: '0', recovered: '0', available: '250000000' });
    expect((await unitFigures(t, finance, fundCode, year, b.id)).unit).toMatchObject({ allocated: '150000033', available: '150000033' });

    const ledger = await t.http.get('/api/v1/ledger/transfers').query({ fundCode, unitId: a.id }).set(finance.auth).expect(200);
    expect(ledger.body.items.map((i: { kind: string; amount: string }) => [i.kind, i.amount])).toEqual([
      ['allocation', '400000000'],
      ['allocation_transfer', '150000000'],
    ]);
    const balance = await expectBalanced(t, finance, { fundCode, fiscalYear: year });
    expect(balance.totalDebits).toBe('1550000101.00');
  });

  it('refuses to allocate more than is unallocated (409 INSUFFICIENT_FUNDS) and changes nothing', async () => {
    const { fundCode } = await fundWithBudget(t, finance, { year, appropriated: '100' });
    const unit = await createUnit(t);
    const res = await postMoney(t, finance, '/allocations', { fundCode, fiscalYear: year, unitId: unit.id, amount: '101', decisionNo: 'x' }).expect(409);
    expect(res.body).toMatchObject({ code: 'INSUFFICIENT_FUNDS', status: 409, title: 'Không đủ kinh phí' });
    const { fund } = await unitFigures(t, finance, fundCode, year, unit.id);
    expect(fund.unallocated).toBe('100');
    const split = await postMoney(t, finance, '/allocations/split', { fundCode, fiscalYear: year, amount: '101', shares: [{ unitId: unit.id, weight: 1 }] }).expect(409);
    expect(split.body.code).toBe('INSUFFICIENT_FUNDS');
    await expectBalanced(t, finance, { fundCode });
  });

  it.each([
    [{ amount: 1000 }, 'amount'],
    [{ amount: '1e6' }, 'amount'],
    [{ amount: '-5' }, 'amount'],
    [{ amount: '12.345' }, 'amount'],
    [{ amount: '1.000.000' }, 'amount'],
    [{ amount: '' }, 'amount'],
    [{ amount: '2500.50' }, 'amount'],
    [{ amount: '0' }, 'amount'],
    [{ unitId: 'nope' }, 'unitId'],
    [{ fundCode: 'NOPE' }, 'fundCode'],
    [{ fiscalYear: '2031' }, 'fiscalYear'],
    [{ extra: 1 }, 'extra'],
  ])('bad input %p is a 400 naming %s and moves nothing', async (patch, field) => {
    const { fundCode } = await fundWithBudget(t, finance, { year, appropriated: '1000' });
    const unit = await createUnit(t);
    const body = { fundCode, fiscalYear: year, unitId: unit.id, amount: '10', decisionNo: 'd', ...patch };
    const res = await postMoney(t, finance, '/allocations', body).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect((await unitFigures(t, finance, fundCode, year, unit.id)).fund.unallocated).toBe('1000');
  });

  it('needs an Idempotency-Key for money, and the finance role', async () => {
    const { fundCode } = await fundWithBudget(t, finance, { year, appropriated: '1000' });
    const unit = await createUnit(t);
    const body = { fundCode, fiscalYear: year, unitId: unit.id, amount: '10', decisionNo: 'd' };
    const missing = await t.http.post('/api/v1/allocations').set(finance.auth).send(body).expect(400);
    expect(missing.body.errors).toEqual([{ field: 'Idempotency-Key', message: expect.any(String) }]);
    await postMoney(t, officer, '/allocations', body).expect(403);
    await t.http.post('/api/v1/allocations').set('Idempotency-Key', 'k').send(body).expect(401);
    expect((await unitFigures(t, finance, fundCode, year, unit.id)).fund.unallocated).toBe('1000');
  });

  it('keeps cents for a foreign sponsor fund and refuses a third decimal', async () => {
    const { fundCode } = await fundWithBudget(t, finance, { year, appropriated: '2500.50', currency: 'USD', source: 'sponsor' });
    const unit = await createUnit(t);
    const res = await postMoney(t, finance, '/allocations', { fundCode, fiscalYear: year, unitId: unit.id, amount: '12.30', decisionNo: 'd' }).expect(201);
    expect(res.body.amount).toBe('12.30');
    const third = await postMoney(t, finance, '/allocations', { fundCode, fiscalYear: year, unitId: unit.id, amount: '1.234', decisionNo: 'd' }).expect(400);
    expect(third.body.errors[0].field).toBe('amount');
    const { fund } = await unitFigures(t, finance, fundCode, year, unit.id);
    expect(fund).toMatchObject({ appropriated: '2500.50', unallocated: '2488.20', currency: 'USD' });
  });

  it('reverses a transfer once, pointing at the original, when a second finance user approves', async () => {
    const { fundCode } = await fundWithBudget(t, finance, { year, appropriated: '1000' });
    const unit = await createUnit(t);
    const checker = await createActor(t, ['finance']);
    const allocation = await postMoney(t, finance, '/allocations', { fundCode, fiscalYear: year, unitId: unit.id, amount: '300', decisionNo: 'd' }).expect(201);
    const asked = await t.http.post(`/api/v1/ledger/transfers/${allocation.body.id}/reverse`).set(finance.auth).send({ reason: 'Nhập nhầm số tiền' }).expect(201);
    expect(asked.body).toMatchObject({ transferId: allocation.body.id, status: 'requested', requestedBy: finance.id });
    expect((await unitFigures(t, finance, fundCode, year, unit.id)).fund.unallocated).toBe('700');
    const approved = await postMoney(t, checker, `/ledger/reversal-requests/${asked.body.id}/approve`, {}).expect(200);
    const transfers = await t.http.get('/api/v1/ledger/transfers').query({ fundCode }).set(finance.auth).expect(200);
    expect(transfers.body.items.find((i: { id: string }) => i.id === approved.body.reversalTransferId)).toMatchObject({ kind: 'reversal', reversesId: allocation.body.id, amount: '300' });
    const again = await t.http.post(`/api/v1/ledger/transfers/${allocation.body.id}/reverse`).set(finance.auth).send({ reason: 'lần hai' }).expect(409);
    expect(again.body.code).toBe('DUPLICATE');
    expect((await unitFigures(t, finance, fundCode, year, unit.id)).fund.unallocated).toBe('1000');
    await t.http.post('/api/v1/ledger/transfers/01ABCDEFGHJKMNPQRSTVWXYZ00/reverse').set(finance.auth).send({ reason: 'x' }).expect(404);
    await expectBalanced(t, finance, { fundCode });
  });

  it('refuses money movements in a year that is not open', async () => {
    const { fundCode } = await fundWithBudget(t, finance, { year });
    const res = await postMoney(t, finance, '/appropriations', { fundCode, fiscalYear: 2099, amount: '10', decisionNo: 'd', decisionDate: '2099-01-01' }).expect(409);
    expect(res.body.code).toBe('INVALID_STATE');
  });
});
