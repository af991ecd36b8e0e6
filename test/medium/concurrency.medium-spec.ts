import { randomUUID } from 'node:crypto';
import { DomainError } from '../../src/common/http/domain-error';
import { IdempotencyService, requestHash } from '../../src/common/http/idempotency.service';
import { TransactionRunner } from '../../src/database/transaction';
import { ApplicationDecisionService } from '../../src/modules/applications/application-decision.service';
import { BudgetService } from '../../src/modules/budget/budget.service';
import { ContractsService } from '../../src/modules/disbursements/contracts.service';
import { DisbursementsService } from '../../src/modules/disbursements/disbursements.service';
import { LedgerReadService } from '../../src/modules/ledger/ledger-read.service';
import { createActor, createUnit, TestActor } from '../support/actors';
import { approvedFile, books, BOOKS_READER, cast, expectBalanced, fundWithBudget, initialedFile, startUseCases, unitFigures, UseCases } from '../support/use-cases';

/** What a batch of parallel use cases came to: how many answered, and the codes of the refusals. */
async function outcomes(calls: Array<Promise<unknown>>): Promise<{ done: number; refused: string[] }> {
  const settled = await Promise.allSettled(calls);
  const refused: string[] = [];
  for (const s of settled) {
    if (s.status === 'rejected') {
      // Anything but a domain refusal (a deadlock given up on, a constraint) fails the test.
      if (!(s.reason instanceof DomainError)) throw s.reason;
      refused.push(s.reason.code);
    }
  }
  return { done: settled.length - refused.length, refused };
}

/**
 * Many use cases at once on the same money, through the services: exactly as many succeed as the
 * money allows, the rest are refused with the use case's error, no balance goes negative. And the
 * Idempotency-Key row committing with the money: one key, one movement.
 */
describe('use cases under concurrency, and idempotency in the transaction', () => {
  const YEAR = 2045;
  let u: UseCases;
  let finance: TestActor;
  let budget: BudgetService;

  beforeAll(async () => {
    u = await startUseCases();
    u.clock.set(`${YEAR}-03-02T02:00:00Z`);
    budget = u.get(BudgetService);
    finance = await createActor(u, ['finance']);
  });
  afterAll(() => u.close());

  /** No account that must stay positive is below zero (source, recovery and carry-in may be). */
  async function noNegativeBalances(fundCode: string) {
    const trial = await u.get(LedgerReadService).trialBalance(BOOKS_READER, { fundCode });
    const negative = trial.accounts.filter((a) => !['source', 'recovery', 'carry_in'].includes(a.kind) && a.balance.startsWith('-'));
    expect(negative).toEqual([]);
  }

  it('32 transfers at once out of a unit holding 1.000: 20 of 50 go, 12 are refused, the unit ends at 0', async () => {
    const { fundCode } = await fundWithBudget(u, finance, { year: YEAR, appropriated: '1000' });
    const hot = await createUnit(u);
    const others = await Promise.all(Array.from({ length: 4 }, () => createUnit(u)));
    await budget.allocate(finance, { fundCode, fiscalYear: YEAR, unitId: hot.id, amount: '1000', decisionNo: 'PB' });
    const result = await outcomes(
      Array.from({ length: 32 }, (_, i) =>
        budget.transferBetweenUnits(finance, { fundCode, fiscalYear: YEAR, fromUnitId: hot.id, toUnitId: others[i % 4].id, amount: '50', reason: `r${i}` }),
      ),
    );
    expect(result.done).toBe(20);
    expect(result.refused).toEqual(Array(12).fill('INSUFFICIENT_FUNDS'));
    const { fund, unit } = await unitFigures(u, fundCode, YEAR, hot.id);
    expect(unit!.available).toBe('0');
    expect(fund.units.reduce((sum, x) => sum + BigInt(x.available), 0n)).toBe(1000n);
    await noNegativeBalances(fundCode);
    await expectBalanced(u, fundCode, YEAR);
  });

  it('32 leaders’ decisions at once on files asking 100.000.000 each of a unit holding 1.000.000.000: 10 approved, 22 refused', async () => {
    const c = await cast(u, YEAR, '1000000000');
    const ids: string[] = [];
    for (let i = 0; i < 32; i += 4) ids.push(...(await Promise.all(Array.from({ length: 4 }, () => initialedFile(u, c, { approvedSupport: '100000000' })))));
    const decisions = u.get(ApplicationDecisionService);
    const result = await outcomes(ids.map((id, i) => decisions.decide(c.leader, id, { decision: 'approve', decisionNo: `${i}/QĐ-SCT` })));
    expect(result.done).toBe(10);
    expect(result.refused).toEqual(Array(22).fill('INSUFFICIENT_FUNDS'));
    expect((await unitFigures(u, c.fundCode, YEAR, c.centre.id)).unit).toMatchObject({ allocated: '1000000000', committed: '1000000000', available: '0' });
    await noNegativeBalances(c.fundCode);
    await expectBalanced(u, c.fundCode, YEAR);
  });

  it('32 advance requests at once on one file: the 70 % limit lets exactly 7 of 10.000.000 through', async () => {
    const c = await cast(u, YEAR, '1000000000');
    const id = await approvedFile(u, c, { approvedSupport: '100000000' });
    await u.get(ContractsService).contract(c.officer, id, { contractNo: `HĐ-${id}`, signedDate: `${YEAR}-03-02` });
    const disbursements = u.get(DisbursementsService);
    const result = await outcomes(Array.from({ length: 32 }, () => disbursements.request(c.officer, { applicationId: id, kind: 'advance', amount: '10000000' })));
    expect(result.done).toBe(7);
    expect(result.refused).toEqual(Array(25).fill('LIMIT_EXCEEDED'));
    const requested = await disbursements.list(c.finance, { applicationId: id, page: 1, pageSize: 50 });
    expect(requested.total).toBe(7);
  });

  describe('the Idempotency-Key row commits with the money (as the interceptor uses it)', () => {
    let fundCode: string;
    let unitId: string;
    const body = () => ({ fundCode, fiscalYear: YEAR, unitId, amount: '100', decisionNo: 'PB-K' });
    const hash = () => requestHash('POST', '/api/v1/allocations', body());

    /** The allocation and its key row in one transaction. */
    const allocateWithKey = (key: string) =>
      u.get(TransactionRunner).run(async () => {
        const answer = await budget.allocate(finance, body());
        u.get(IdempotencyService).recordAtCommit(finance.id, key, hash(), { status: 201, body: answer });
        return answer;
      });
    const allocations = async () => (await u.get(LedgerReadService).transfers(BOOKS_READER, { fundCode, unitId, page: 1, pageSize: 50 })).items.filter((t) => t.kind === 'allocation');
    const duplicateKey = (e: unknown) => (e as { driverError?: { errno?: number } }).driverError?.errno === 1062;

    beforeAll(async () => {
      ({ fundCode } = await fundWithBudget(u, finance, { year: YEAR, appropriated: '10000' }));
      unitId = (await createUnit(u)).id;
    });

    it('a second transaction with the same key rolls back its money; the key answers with the first', async () => {
      const key = randomUUID();
      const first = await allocateWithKey(key);
      const before = await books(u, fundCode);
      await expect(allocateWithKey(key)).rejects.toMatchObject({ driverError: { errno: 1062 } });
      expect(await books(u, fundCode)).toEqual(before);
      expect(await allocations()).toEqual([expect.objectContaining({ id: first.id, amount: '100' })]);
      const keys = u.get(IdempotencyService);
      expect(await keys.find(finance.id, key, hash())).toEqual({ status: 201, body: first });
      await expect(keys.find(finance.id, key, requestHash('POST', '/api/v1/allocations', { ...body(), amount: '101' }))).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    });

    it('8 transactions at once with one key: one movement commits, the others roll back', async () => {
      const key = randomUUID();
      const before = (await allocations()).length;
      const settled = await Promise.allSettled(Array.from({ length: 8 }, () => allocateWithKey(key)));
      const done = settled.filter((s) => s.status === 'fulfilled');
      expect(done).toHaveLength(1);
      expect(settled.filter((s) => s.status === 'rejected' && duplicateKey(s.reason))).toHaveLength(7);
      expect((await allocations()).length - before).toBe(1);
      expect((await u.get(IdempotencyService).find(finance.id, key, hash()))?.body).toEqual((done[0] as PromiseFulfilledResult<unknown>).value);
      expect((await unitFigures(u, fundCode, YEAR, unitId)).unit!.available).toBe(String(100 * (before + 1)));
      await expectBalanced(u, fundCode, YEAR);
    });
  });
});
