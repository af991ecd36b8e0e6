import { BudgetService } from '../../src/modules/budget/budget.service';
import { YearCloseService } from '../../src/modules/budget/year-close.service';
import { ContractsService } from '../../src/modules/disbursements/contracts.service';
import { DisbursementsService } from '../../src/modules/disbursements/disbursements.service';
import { createUnit } from '../support/actors';
import { approvedFile, books, cast, commitmentOf, expectBalanced, refusal, startUseCases, treasuryRef, unitFigures, UseCases } from '../support/use-cases';

/**
 * Khóa sổ through the service: unpaid commitments move into the next year, unspent allocations go
 * back to the fund, the closed year refuses money, and a carried file is paid from the new year.
 * The only suite that closes a year: 2043 (and opens 2044), used by no other.
 */
describe('year close', () => {
  const YEAR = 2043;
  let u: UseCases;

  beforeAll(async () => {
    u = await startUseCases();
    u.clock.set(`${YEAR}-03-02T02:00:00Z`);
  });
  afterAll(() => u.close());

  it('carries 290.000.000 of commitments into 2044, returns 550.000.000 unspent to the fund, then refuses money in 2043', async () => {
    const c = await cast(u, YEAR, '1000000000', '2000000000');
    const budget = u.get(BudgetService);
    const disbursements = u.get(DisbursementsService);
    const other = await createUnit(u);
    await budget.allocate(c.finance, { fundCode: c.fundCode, fiscalYear: YEAR, unitId: other.id, amount: '50000000', decisionNo: 'PB-2' });
    // A: 300.000.000 with 210.000.000 advanced and paid (90.000.000 left); B: 200.000.000 untouched.
    const a = await approvedFile(u, c);
    await u.get(ContractsService).contract(c.officer, a, { contractNo: `HĐ-${a}`, signedDate: `${YEAR}-03-02` });
    const advance = await disbursements.request(c.officer, { applicationId: a, kind: 'advance', amount: '210000000' });
    await disbursements.approve(c.finance, advance.id);
    await disbursements.pay(c.finance, advance.id, { treasuryRef: treasuryRef(), valueDate: `${YEAR}-03-02` });
    const b = await approvedFile(u, c, { approvedSupport: '200000000', eligibleCost: '400000000' });

    u.clock.set(`${YEAR}-12-31T09:00:00Z`);
    const closed = await u.get(YearCloseService).close(c.finance, YEAR, { carryOverCommitments: true, carryOverAllocations: false });
    expect(closed).toMatchObject({ year: YEAR, status: 'closed', nextYear: YEAR + 1, carryOverCommitments: true, carryOverAllocations: false });
    expect(closed.funds).toEqual([{ fundCode: c.fundCode, commitmentsCarried: '290000000', commitmentsReleased: '0', allocationsCarried: '0', returnedToFund: '550000000' }]);

    const old = await unitFigures(u, c.fundCode, YEAR, c.centre.id);
    // Appropriated 2.000.000.000; 950.000.000 never allocated plus 550.000.000 returned.
    expect(old.fund).toMatchObject({ appropriated: '2000000000', unallocated: '1500000000', carriedOut: '290000000' });
    expect(old.unit).toMatchObject({ available: '0', committed: '0', disbursed: '210000000' });
    const next = await unitFigures(u, c.fundCode, YEAR + 1, c.centre.id);
    expect(next.fund).toMatchObject({ appropriated: '0', carriedIn: '290000000', unallocated: '0' });
    expect(next.unit).toMatchObject({ committed: '290000000', available: '0', disbursed: '0' });
    expect(await commitmentOf(u, c.fundCode, YEAR + 1, a)).toBe('90000000');
    expect(await commitmentOf(u, c.fundCode, YEAR + 1, b)).toBe('200000000');

    // The closed year takes no money and closes once.
    const before = await books(u, c.fundCode);
    await refusal(budget.allocate(c.finance, { fundCode: c.fundCode, fiscalYear: YEAR, unitId: other.id, amount: '1', decisionNo: 'PB-3' }), 'INVALID_STATE');
    await refusal(budget.appropriate(c.finance, { fundCode: c.fundCode, fiscalYear: YEAR, amount: '1', decisionNo: 'QĐ-3', decisionDate: `${YEAR}-12-31` }), 'INVALID_STATE');
    await refusal(u.get(YearCloseService).close(c.finance, YEAR, { carryOverCommitments: true, carryOverAllocations: true }), 'INVALID_STATE');
    expect(await books(u, c.fundCode)).toEqual(before);

    // B's advance is paid from the books it now lives in: 2044.
    u.clock.set(`${YEAR + 1}-01-15T02:00:00Z`);
    await u.get(ContractsService).contract(c.officer, b, { contractNo: `HĐ-${b}`, signedDate: `${YEAR + 1}-01-15` });
    const late = await disbursements.request(c.officer, { applicationId: b, kind: 'advance', amount: '140000000' });
    await disbursements.approve(c.finance2, late.id);
    await disbursements.pay(c.finance, late.id, { treasuryRef: treasuryRef(), valueDate: `${YEAR + 1}-01-15` });
    expect(await commitmentOf(u, c.fundCode, YEAR + 1, b)).toBe('60000000');
    expect((await unitFigures(u, c.fundCode, YEAR + 1, c.centre.id)).unit).toMatchObject({ committed: '150000000', disbursed: '140000000' });
    await expectBalanced(u, c.fundCode, YEAR);
    await expectBalanced(u, c.fundCode, YEAR + 1);
  });
});
