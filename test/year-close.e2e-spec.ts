import { Money } from '../src/common/money/decimal';
import { newId } from '../src/common/ids';
import { TransactionRunner } from '../src/database/transaction';
import { BudgetService } from '../src/modules/budget/budget.service';
import { createActor, createUnit, TestActor } from './support/actors';
import { ensureYear, expectBalanced, fundWithBudget, postMoney, unitFigures } from './support/budget';
import { startTestApp, TestApp } from './support/test-app';

describe('commitments and year close', () => {
  let t: TestApp;
  let finance: TestActor;

  beforeAll(async () => {
    t = await startTestApp();
    finance = await createActor(t, ['finance']);
  });
  afterAll(() => t.close());

  async function commit(fundCode: string, fiscalYear: number, unitId: string, amount: string) {
    const applicationId = newId();
    await t.app.get(TransactionRunner).run(() =>
      t.app.get(BudgetService).commitToApplication({
        fundCode,
        fiscalYear,
        unitId,
        applicationId,
        amount: new Money(amount),
        actor: { id: finance.id, email: finance.email, fullName: 'x', roles: ['leader'], unitId: null },
        capacity: 'leader',
        reference: 'QĐ-thử',
      }),
    );
    return applicationId;
  }

  it('commits from a unit and refuses a commitment beyond what it holds', async () => {
    const year = 2035;
    const { fundCode } = await fundWithBudget(t, finance, { year, appropriated: '1000' });
    const unit = await createUnit(t);
    await postMoney(t, finance, '/allocations', { fundCode, fiscalYear: year, unitId: unit.id, amount: '600', decisionNo: 'd' }).expect(201);
    const applicationId = await commit(fundCode, year, unit.id, '450');
    await expect(commit(fundCode, year, unit.id, '151')).rejects.toMatchObject({
      code: 'INSUFFICIENT_FUNDS',
      detail: 'Đơn vị phân bổ không còn đủ kinh phí khả dụng để cam kết cho đề án này.',
    });
    expect((await unitFigures(t, finance, fundCode, year, unit.id)).unit).toMatchObject({ allocated: '600', committed: '450', available: '150' });
    const released = await t.app.get(TransactionRunner).run(() =>
      t.app.get(BudgetService).releaseCommitment({
        fundCode,
        fiscalYear: year,
        unitId: unit.id,
        applicationId,
        amount: new Money(100),
        actor: { id: finance.id, email: '', fullName: '', roles: ['leader'], unitId: null },
        capacity: 'leader',
        reference: 'huy',
      }),
    );
    expect(released.toString()).toBe('100');
    expect((await unitFigures(t, finance, fundCode, year, unit.id)).unit).toMatchObject({ committed: '350', available: '250' });
    await expectBalanced(t, finance, { fundCode, fiscalYear: year });
  });

  it('carries unpaid commitments into the next year, returns unspent allocations, then refuses money in the closed year', async () => {
    const year = 2040;
    const { fundCode } = await fundWithBudget(t, finance, { year, appropriated: '1000' });
    const [a, b] = [await createUnit(t), await createUnit(t)];
    await postMoney(t, finance, '/allocations', { fundCode, fiscalYear: year, unitId: a.id, amount: '600', decisionNo: 'd' }).expect(201);
    await postMoney(t, finance, '/allocations', { fundCode, fiscalYear: year, unitId: b.id, amount: '300', decisionNo: 'd' }).expect(201);
    await commit(fundCode, year, a.id, '200');

    const closed = await t.http
      .post(`/api/v1/fiscal-years/${year}/close`)
      .set(finance.auth)
      .send({ carryOverCommitments: true, carryOverAllocations: false })
      .expect(200);
    expect(closed.body).toMatchObject({ year, status: 'closed', nextYear: year + 1 });
    expect(closed.body.funds).toEqual([{ fundCode, commitmentsCarried: '200', commitmentsReleased: '0', allocationsCarried: '0', returnedToFund: '700' }]);

    const old = await unitFigures(t, finance, fundCode, year, a.id);
    expect(old.fund).toMatchObject({ appropriated: '1000', unallocated: '800', carriedOut: '200' });
    expect(old.unit).toMatchObject({ available: '0', committed: '0' });
    const next = await unitFigures(t, finance, fundCode, year + 1, a.id);
    expect(next.fund).toMatchObject({ appropriated: '0', carriedIn: '200', unallocated: '0' });
    expect(next.unit).toMatchObject({ allocated: '200', committed: '200', available: '0' });

    const refused = await postMoney(t, finance, '/allocations', { fundCode, fiscalYear: year, unitId: b.id, amount: '1', decisionNo: 'late' }).expect(409);
    expect(refused.body.code).toBe('INVALID_STATE');
    await t.http.post(`/api/v1/fiscal-years/${year}/close`).set(finance.auth).send({ carryOverCommitments: true, carryOverAllocations: true }).expect(409);
    await expectBalanced(t, finance, { fundCode, fiscalYear: year });
    await expectBalanced(t, finance, { fundCode, fiscalYear: year + 1 });
  });

  it('carries unspent allocations too when asked, and releases commitments when not', async () => {
    const year = 2050;
    await ensureYear(t, finance, year);
    const { fundCode } = await fundWithBudget(t, finance, { year, appropriated: '1000' });
    const a = await createUnit(t);
    await postMoney(t, finance, '/allocations', { fundCode, fiscalYear: year, unitId: a.id, amount: '600', decisionNo: 'd' }).expect(201);
    await commit(fundCode, year, a.id, '250');
    const closed = await t.http
      .post(`/api/v1/fiscal-years/${year}/close`)
      .set(finance.auth)
      .send({ carryOverCommitments: false, carryOverAllocations: true })
      .expect(200);
    expect(closed.body.funds).toEqual([{ fundCode, commitmentsCarried: '0', commitmentsReleased: '250', allocationsCarried: '600', returnedToFund: '0' }]);
    const next = await unitFigures(t, finance, fundCode, year + 1, a.id);
    expect(next.unit).toMatchObject({ allocated: '600', committed: '0', available: '600' });
    expect(next.fund).toMatchObject({ carriedIn: '600' });
    expect((await unitFigures(t, finance, fundCode, year, a.id)).fund.unallocated).toBe('400');
    await expectBalanced(t, finance, { fundCode });
  });
});
