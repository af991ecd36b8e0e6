import { BudgetService } from '../../src/modules/budget/budget.service';
import { createActor, createUnit, TestActor } from '../support/actors';
import { books, expectBalanced, fundWithBudget, refusal, startUseCases, unitFigures, UseCases } from '../support/use-cases';

/** Appropriation, allocation, split, transfer between units and return, as use cases on MariaDB. */
describe('budget use cases', () => {
  const YEAR = 2041;
  let u: UseCases;
  let budget: BudgetService;
  let finance: TestActor;

  beforeAll(async () => {
    u = await startUseCases();
    u.clock.set(`${YEAR}-03-02T02:00:00Z`);
    budget = u.get(BudgetService);
    finance = await createActor(u, ['finance']);
  });
  afterAll(() => u.close());

  it('appropriates, allocates, splits by weight, moves between units and returns: exact figures, balanced books', async () => {
    const { fundCode } = await fundWithBudget(u, finance, { year: YEAR, appropriated: '1000000000' });
    const [a, b, c] = await Promise.all([createUnit(u), createUnit(u), createUnit(u)]);
    const books = { fundCode, fiscalYear: YEAR };

    expect(await budget.allocate(finance, { ...books, unitId: a.id, amount: '400000000', decisionNo: 'PB-01' })).toMatchObject({
      fundCode,
      fiscalYear: YEAR,
      unitId: a.id,
      amount: '400000000',
      decisionNo: 'PB-01',
    });
    // 100.000.001 by 2:1:1 — floors 50.000.000, 25.000.000, 25.000.000; the odd đồng to the largest remainder.
    const split = await budget.split(finance, {
      ...books,
      amount: '100000001',
      shares: [
        { unitId: a.id, weight: 2 },
        { unitId: b.id, weight: 1 },
        { unitId: c.id, weight: 1 },
      ],
      decisionNo: 'PB-02',
    });
    expect(split).toEqual({
      fundCode,
      fiscalYear: YEAR,
      amount: '100000001',
      allocations: [
        { unitId: a.id, amount: '50000001' },
        { unitId: b.id, amount: '25000000' },
        { unitId: c.id, amount: '25000000' },
      ],
    });
    expect(await budget.transferBetweenUnits(finance, { ...books, fromUnitId: a.id, toUnitId: b.id, amount: '50000000', reason: 'Điều chuyển' })).toMatchObject({
      fromUnitId: a.id,
      toUnitId: b.id,
      amount: '50000000',
    });
    expect(await budget.returnAllocation(finance, { ...books, unitId: c.id, amount: '10000000', reason: 'Không dùng hết' })).toMatchObject({ unitId: c.id, amount: '10000000' });

    const { fund } = await unitFigures(u, fundCode, YEAR, a.id);
    expect(fund).toMatchObject({ appropriated: '1000000000', unallocated: '509999999', carriedIn: '0', carriedOut: '0' });
    const held = (unitId: string) => fund.units.find((x) => x.unitId === unitId);
    expect(held(a.id)).toEqual({ unitId: a.id, allocated: '400000001', available: '400000001', committed: '0', disbursed: '0', recovered: '0' });
    expect(held(b.id)).toMatchObject({ allocated: '75000000', available: '75000000' });
    expect(held(c.id)).toMatchObject({ allocated: '15000000', available: '15000000' });
    const trial = await expectBalanced(u, fundCode, YEAR);
    // Seven transfers: appropriation, allocation, three split shares, the move between units, the return.
    expect(trial.totalDebits).toBe('1560000001.00');
  });

  it('refuses more than there is with INSUFFICIENT_FUNDS and changes nothing, a split as a whole', async () => {
    const { fundCode } = await fundWithBudget(u, finance, { year: YEAR, appropriated: '100' });
    const [a, b] = await Promise.all([createUnit(u), createUnit(u)]);
    const at = { fundCode, fiscalYear: YEAR };
    await budget.allocate(finance, { ...at, unitId: a.id, amount: '60', decisionNo: 'PB-1' });
    const before = await books(u, fundCode);

    await refusal(budget.allocate(finance, { ...at, unitId: b.id, amount: '41', decisionNo: 'PB-2' }), 'INSUFFICIENT_FUNDS');
    // The first share (30) fits, the second (31) does not: neither is booked.
    await refusal(
      budget.split(finance, { ...at, amount: '61', shares: [{ unitId: b.id, weight: 1 }, { unitId: a.id, weight: 1 }] }),
      'INSUFFICIENT_FUNDS',
    );
    await refusal(budget.transferBetweenUnits(finance, { ...at, fromUnitId: a.id, toUnitId: b.id, amount: '61', reason: 'quá số dư' }), 'INSUFFICIENT_FUNDS');
    await refusal(budget.returnAllocation(finance, { ...at, unitId: b.id, amount: '1', reason: 'chưa có gì' }), 'INSUFFICIENT_FUNDS');
    await refusal(budget.allocate(finance, { ...at, fiscalYear: YEAR + 30, unitId: a.id, amount: '1', decisionNo: 'PB-3' }), 'INVALID_STATE');

    expect(await books(u, fundCode)).toEqual(before);
    const { fund } = await unitFigures(u, fundCode, YEAR, a.id);
    expect(fund.unallocated).toBe('40');
    expect(fund.units).toEqual([expect.objectContaining({ unitId: a.id, available: '60' })]);
    // Exactly what is left still goes.
    await budget.allocate(finance, { ...at, unitId: b.id, amount: '40', decisionNo: 'PB-4' });
    expect((await unitFigures(u, fundCode, YEAR, b.id)).fund.unallocated).toBe('0');
    await expectBalanced(u, fundCode, YEAR);
  });
});
