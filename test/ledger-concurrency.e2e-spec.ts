import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { createActor, createUnit, TestActor } from './support/actors';
import { expectBalanced, fundWithBudget, postMoney, unitFigures } from './support/budget';
import { startTestApp, TestApp } from './support/test-app';

describe('ledger under concurrency, retries and random sequences', () => {
  let t: TestApp;
  let finance: TestActor;
  const year = 2032;

  beforeAll(async () => {
    t = await startTestApp();
    finance = await createActor(t, ['finance']);
  });
  afterAll(() => t.close());

  async function noNegativeBalances(fundCode: string) {
    const rows = await t.app.get(DataSource).query(
      `SELECT COUNT(*) AS n FROM ledger_accounts a JOIN funds f ON f.id = a.fund_id
        WHERE f.code = ? AND a.kind NOT IN ('source','recovery','carry_in') AND a.balance < 0`,
      [fundCode],
    );
    expect(Number(rows[0].n)).toBe(0);
  }

  it('64 concurrent allocations asking for more than there is: exactly as many succeed as the money allows', async () => {
    const { fundCode } = await fundWithBudget(t, finance, { year, appropriated: '1000' });
    const units = await Promise.all(Array.from({ length: 8 }, () => createUnit(t)));
    const responses = await Promise.all(
      Array.from({ length: 64 }, (_, i) =>
        postMoney(t, finance, '/allocations', { fundCode, fiscalYear: year, unitId: units[i % 8].id, amount: '50', decisionNo: `c${i}` }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    const unexpected = responses.filter((r) => r.status !== 201 && r.status !== 409).map((r) => r.body);
    expect(unexpected).toEqual([]);
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(statuses.filter((s) => s === 409)).toHaveLength(44);
    expect(responses.filter((r) => r.status === 409).every((r) => r.body.code === 'INSUFFICIENT_FUNDS')).toBe(true);
    const { fund } = await unitFigures(t, finance, fundCode, year, units[0].id);
    expect(fund.unallocated).toBe('0');
    const allocated = fund.units.reduce((sum: bigint, u: { allocated: string }) => sum + BigInt(u.allocated), 0n);
    expect(allocated).toBe(1000n);
    await noNegativeBalances(fundCode);
    await expectBalanced(t, finance, { fundCode, fiscalYear: year });
  });

  it('64 concurrent transfers out of one hot unit never overdraw it', async () => {
    const { fundCode } = await fundWithBudget(t, finance, { year, appropriated: '1000' });
    const hot = await createUnit(t);
    const others = await Promise.all(Array.from({ length: 4 }, () => createUnit(t)));
    await postMoney(t, finance, '/allocations', { fundCode, fiscalYear: year, unitId: hot.id, amount: '1000', decisionNo: 'd' }).expect(201);
    const responses = await Promise.all(
      Array.from({ length: 64 }, (_, i) =>
        postMoney(t, finance, '/allocations/transfer', { fundCode, fiscalYear: year, fromUnitId: hot.id, toUnitId: others[i % 4].id, amount: '30', reason: `r${i}` }),
      ),
    );
    expect(responses.filter((r) => r.status !== 201 && r.status !== 409).map((r) => r.body)).toEqual([]);
    expect(responses.filter((r) => r.status === 201)).toHaveLength(33);
    expect(responses.filter((r) => r.status === 409 && r.body.code === 'INSUFFICIENT_FUNDS')).toHaveLength(31);
    expect((await unitFigures(t, finance, fundCode, year, hot.id)).unit.available).toBe('10');
    await noNegativeBalances(fundCode);
    await expectBalanced(t, finance, { fundCode, fiscalYear: year });
  });

  it('20 concurrent requests with one Idempotency-Key make one movement and replay its answer', async () => {
    const { fundCode } = await fundWithBudget(t, finance, { year, appropriated: '1000' });
    const unit = await createUnit(t);
    const body = { fundCode, fiscalYear: year, unitId: unit.id, amount: '70', decisionNo: 'idem' };
    const responses = await Promise.all(Array.from({ length: 20 }, () => postMoney(t, finance, '/allocations', body, 'same-key-1')));
    expect(responses.every((r) => r.status === 201)).toBe(true);
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(19);
    const transfers = await t.http.get('/api/v1/ledger/transfers').query({ fundCode, unitId: unit.id }).set(finance.auth).expect(200);
    expect(transfers.body.total).toBe(1);
    expect((await unitFigures(t, finance, fundCode, year, unit.id)).unit.available).toBe('70');
  });

  it('replays a refusal, refuses a key reused with another body (422), and keys are per user', async () => {
    const { fundCode } = await fundWithBudget(t, finance, { year, appropriated: '100' });
    const unit = await createUnit(t);
    const body = { fundCode, fiscalYear: year, unitId: unit.id, amount: '150', decisionNo: 'too-much' };
    const first = await postMoney(t, finance, '/allocations', body, 'refusal-key').expect(409);
    await postMoney(t, finance, '/appropriations', { fundCode, fiscalYear: year, amount: '100', decisionNo: 'more', decisionDate: `${year}-02-01` }).expect(201);
    const replay = await postMoney(t, finance, '/allocations', body, 'refusal-key').expect(409);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(first.body);
    const reused = await postMoney(t, finance, '/allocations', { ...body, amount: '10' }, 'refusal-key').expect(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const other = await createActor(t, ['finance']);
    await postMoney(t, other, '/allocations', body, 'refusal-key').expect(201);
    expect((await unitFigures(t, finance, fundCode, year, unit.id)).unit.available).toBe('150');
  });

  it('a random sequence of a few hundred operations matches an in-memory model of the books', async () => {
    type Op =
      | { type: 'allocate'; unit: number; amount: number }
      | { type: 'transfer'; from: number; to: number; amount: number }
      | { type: 'return'; unit: number; amount: number }
      | { type: 'appropriate'; amount: number };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ type: fc.constant('allocate' as const), unit: fc.nat(4), amount: fc.integer({ min: 1, max: 400 }) }),
      fc.record({ type: fc.constant('transfer' as const), from: fc.nat(4), to: fc.nat(4), amount: fc.integer({ min: 1, max: 300 }) }),
      fc.record({ type: fc.constant('return' as const), unit: fc.nat(4), amount: fc.integer({ min: 1, max: 200 }) }),
      fc.record({ type: fc.constant('appropriate' as const), amount: fc.integer({ min: 1, max: 500 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 150, maxLength: 150 }), async (ops) => {
        const { fundCode } = await fundWithBudget(t, finance, { year, appropriated: '1000' });
        const units = await Promise.all(Array.from({ length: 5 }, () => createUnit(t)));
        const model = { appropriated: 1000, fund: 1000, units: [0, 0, 0, 0, 0] };
        for (const o of ops) {
          let res;
          let ok: boolean;
          if (o.type === 'allocate') {
            ok = model.fund >= o.amount;
            res = await postMoney(t, finance, '/allocations', { fundCode, fiscalYear: year, unitId: units[o.unit].id, amount: String(o.amount), decisionNo: 'm' });
            if (ok) (model.fund -= o.amount), (model.units[o.unit] += o.amount);
          } else if (o.type === 'transfer') {
            ok = o.from !== o.to && model.units[o.from] >= o.amount;
            res = await postMoney(t, finance, '/allocations/transfer', { fundCode, fiscalYear: year, fromUnitId: units[o.from].id, toUnitId: units[o.to].id, amount: String(o.amount), reason: 'm' });
            if (ok) (model.units[o.from] -= o.amount), (model.units[o.to] += o.amount);
          } else if (o.type === 'return') {
            ok = model.units[o.unit] >= o.amount;
            res = await postMoney(t, finance, '/allocations/return', { fundCode, fiscalYear: year, unitId: units[o.unit].id, amount: String(o.amount), reason: 'm' });
            if (ok) (model.units[o.unit] -= o.amount), (model.fund += o.amount);
          } else {
            ok = true;
            res = await postMoney(t, finance, '/appropriations', { fundCode, fiscalYear: year, amount: String(o.amount), decisionNo: 'm', decisionDate: `${year}-03-01` });
            (model.appropriated += o.amount), (model.fund += o.amount);
          }
          const expected = ok ? 201 : o.type === 'transfer' && o.from === o.to ? 400 : 409;
          if (res.status !== expected) throw new Error(`${JSON.stringify(o)} → ${res.status} ${JSON.stringify(res.body)}, model expected ${expected}`);
        }
        const summary = await t.http.get('/api/v1/budget/summary').query({ fiscalYear: year, fundCode }).set(finance.auth).expect(200);
        const fund = summary.body.funds[0];
        expect(fund.appropriated).toBe(String(model.appropriated));
        expect(fund.unallocated).toBe(String(model.fund));
        units.forEach((u, i) => {
          const figures = fund.units.find((x: { unitId: string }) => x.unitId === u.id);
          expect(figures?.available ?? '0').toBe(String(model.units[i]));
        });
        await expectBalanced(t, finance, { fundCode, fiscalYear: year });
      }),
      { numRuns: 2 },
    );
  });
});
