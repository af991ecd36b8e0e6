import { ApplicationDecisionService } from '../../src/modules/applications/application-decision.service';
import { ApplicationsService } from '../../src/modules/applications/applications.service';
import { BudgetService } from '../../src/modules/budget/budget.service';
import { ContractsService } from '../../src/modules/disbursements/contracts.service';
import { DisbursementsService } from '../../src/modules/disbursements/disbursements.service';
import { FileCancellationService } from '../../src/modules/settlement/file-cancellation.service';
import { RecoveryService } from '../../src/modules/settlement/recovery.service';
import { SettlementService } from '../../src/modules/settlement/settlement.service';
import { createActor, createUnit } from '../support/actors';
import {
  approvedFile,
  books,
  Cast,
  cast,
  commitmentOf,
  expectBalanced,
  initialedFile,
  refusal,
  startUseCases,
  treasuryRef,
  unitFigures,
  UseCases,
} from '../support/use-cases';

/**
 * A file's money from decision to settlement, as use cases on MariaDB: the decision commits,
 * advances are requested, approved and paid, acceptance opens payments, settlement is checked and
 * approved into a final payment or a recovery, and receipts close the recovery. Exact figures
 * from the services' answers, the budget summary and the trial balance; refusals change nothing.
 */
describe('money path of a file', () => {
  const YEAR = 2042;
  let u: UseCases;
  let c: Cast;
  let files: ApplicationsService;
  let decisions: ApplicationDecisionService;
  let contracts: ContractsService;
  let disbursements: DisbursementsService;
  let settlements: SettlementService;
  let recoveries: RecoveryService;

  beforeAll(async () => {
    u = await startUseCases();
    // Late in the year: the contracts, payments, acceptances and receipts below have happened by then.
    u.clock.set(`${YEAR}-11-25T02:00:00Z`);
    [files, decisions, contracts, disbursements, settlements, recoveries] = [
      u.get(ApplicationsService),
      u.get(ApplicationDecisionService),
      u.get(ContractsService),
      u.get(DisbursementsService),
      u.get(SettlementService),
      u.get(RecoveryService),
    ];
    c = await cast(u, YEAR);
  });
  afterAll(() => u.close());

  const statusOf = async (id: string) => (await files.get(c.applicant, id)).status;
  const centre = async () => (await unitFigures(u, c.fundCode, YEAR, c.centre.id)).unit!;
  const payDate = { valueDate: `${YEAR}-03-20` };
  const disbursementsOf = async (applicationId: string) => (await disbursements.list(c.finance, { applicationId, page: 1, pageSize: 50 })).items;

  /** Approved 300.000.000, contracted, with the advance limit (70 %: 210.000.000) paid. */
  async function advancedFile(): Promise<string> {
    const id = await approvedFile(u, c);
    await contracts.contract(c.officer, id, { contractNo: `HĐ-${id}`, signedDate: `${YEAR}-03-10` });
    const advance = await disbursements.request(c.officer, { applicationId: id, kind: 'advance', amount: '210000000' });
    await disbursements.approve(c.finance, advance.id);
    await disbursements.pay(c.finance, advance.id, { treasuryRef: treasuryRef(), ...payDate });
    return id;
  }

  const accept = (id: string) => contracts.accept(c.officer, id, { result: 'passed', date: `${YEAR}-10-15`, minutesNo: `BB-${id.slice(-6)}` });
  const fileSettlement = (id: string, eligible: string) =>
    settlements.submit(c.applicant, id, {
      actualCostLines: [
        { description: 'Máy sấy lúa', amount: eligible, eligible: true, documentRef: 'HĐ GTGT 0001' },
        { description: 'Nhà xưởng', amount: '100000000', eligible: false },
      ],
    });

  it('the decision commits the support from the unit, refuses it when the unit does not hold it, and goes through once it does', async () => {
    const small = await cast(u, YEAR, '500000000');
    const first = await approvedFile(u, small);
    expect(await commitmentOf(u, small.fundCode, YEAR, first)).toBe('300000000');
    expect((await unitFigures(u, small.fundCode, YEAR, small.centre.id)).unit).toMatchObject({ allocated: '500000000', committed: '300000000', available: '200000000' });

    const second = await initialedFile(u, small);
    const before = await books(u, small.fundCode);
    await refusal(decisions.decide(small.leader, second, { decision: 'approve', decisionNo: 'QĐ-2' }), 'INSUFFICIENT_FUNDS');
    expect(await books(u, small.fundCode)).toEqual(before);
    expect((await files.get(small.applicant, second)).status).toBe('initialed');

    // 100.000.000 moved from another unit is what the centre lacked.
    const other = await createUnit(u);
    const budget = u.get(BudgetService);
    await budget.allocate(small.finance, { fundCode: small.fundCode, fiscalYear: YEAR, unitId: other.id, amount: '100000000', decisionNo: 'PB-B' });
    await budget.transferBetweenUnits(small.finance, { fundCode: small.fundCode, fiscalYear: YEAR, fromUnitId: other.id, toUnitId: small.centre.id, amount: '100000000', reason: 'Bổ sung' });
    const decided = await decisions.decide(small.leader, second, { decision: 'approve', decisionNo: 'QĐ-2' });
    expect(decided).toMatchObject({ status: 'approved', approvedSupport: '300000000', decisionNo: 'QĐ-2' });
    expect((await unitFigures(u, small.fundCode, YEAR, small.centre.id)).unit).toMatchObject({ committed: '600000000', available: '0' });
    await expectBalanced(u, small.fundCode, YEAR);
  });

  it('advances: up to 70 % of the support, payments only after acceptance, maker and checker apart, paid once', async () => {
    const id = await approvedFile(u, c);
    await contracts.contract(c.officer, id, { contractNo: `HĐ-${id}`, signedDate: `${YEAR}-03-10` });
    const before = await books(u, c.fundCode);

    const over = await refusal(disbursements.request(c.officer, { applicationId: id, kind: 'advance', amount: '210000001' }), 'LIMIT_EXCEEDED');
    expect(over.detail).toContain('210.000.000 ₫');
    await refusal(disbursements.request(c.officer, { applicationId: id, kind: 'payment', amount: '1' }), 'INVALID_STATE');
    await refusal(disbursements.request(c.applicant, { applicationId: id, kind: 'advance', amount: '1' }), 'FORBIDDEN');
    expect(await disbursementsOf(id)).toEqual([]);

    const advance = await disbursements.request(c.finance, { applicationId: id, kind: 'advance', amount: '200000000', note: 'Tạm ứng đợt 1' });
    expect(advance).toMatchObject({ kind: 'advance', amount: '200000000', status: 'requested', requestedBy: c.finance.id });
    await refusal(disbursements.request(c.officer, { applicationId: id, kind: 'advance', amount: '10000001' }), 'LIMIT_EXCEEDED');
    await refusal(disbursements.approve(c.finance, advance.id), 'FORBIDDEN');
    await refusal(disbursements.pay(c.finance2, advance.id, { treasuryRef: treasuryRef(), ...payDate }), 'INVALID_STATE');
    expect(await books(u, c.fundCode)).toEqual(before);

    expect(await disbursements.approve(c.finance2, advance.id)).toMatchObject({ status: 'approved', approvedBy: c.finance2.id });
    await refusal(disbursements.approve(c.finance2, advance.id), 'INVALID_STATE');
    const ref = treasuryRef();
    const paid = await disbursements.pay(c.finance, advance.id, { treasuryRef: ref, ...payDate });
    expect(paid).toMatchObject({ status: 'paid', paidBy: c.finance.id, treasuryRef: ref, amount: '200000000' });
    await refusal(disbursements.pay(c.finance, advance.id, { treasuryRef: treasuryRef(), ...payDate }), 'INVALID_STATE');
    expect(await commitmentOf(u, c.fundCode, YEAR, id)).toBe('100000000');

    // The rest of the limit, and a treasury reference used once only.
    const rest = await disbursements.request(c.officer, { applicationId: id, kind: 'advance', amount: '10000000' });
    await disbursements.approve(c.finance, rest.id);
    await refusal(disbursements.pay(c.finance, rest.id, { treasuryRef: ref, ...payDate }), 'DUPLICATE');
    await disbursements.pay(c.finance, rest.id, { treasuryRef: treasuryRef(), ...payDate });
    expect(await commitmentOf(u, c.fundCode, YEAR, id)).toBe('90000000');

    // After acceptance, payments (not advances) up to what is committed.
    expect((await accept(id)).status).toBe('accepted');
    await refusal(disbursements.request(c.officer, { applicationId: id, kind: 'advance', amount: '1' }), 'INVALID_STATE');
    await refusal(disbursements.request(c.officer, { applicationId: id, kind: 'payment', amount: '90000001' }), 'LIMIT_EXCEEDED');
    const payment = await disbursements.request(c.officer, { applicationId: id, kind: 'payment', amount: '90000000' });
    await disbursements.approve(c.finance, payment.id);
    await disbursements.pay(c.finance, payment.id, { treasuryRef: treasuryRef(), ...payDate });
    expect(await commitmentOf(u, c.fundCode, YEAR, id)).toBe('0');
    expect((await disbursementsOf(id)).map((d) => [d.kind, d.amount, d.status])).toEqual([
      ['advance', '200000000', 'paid'],
      ['advance', '10000000', 'paid'],
      ['payment', '90000000', 'paid'],
    ]);
    await expectBalanced(u, c.fundCode, YEAR);
  });

  it('settlement with a final payment: eligible 500.000.000 → support 250.000.000, 40.000.000 to pay, 50.000.000 back to the unit', async () => {
    const id = await advancedFile();
    const before = await centre();
    await accept(id);
    const filed = await fileSettlement(id, '500000000');
    expect(filed).toMatchObject({ status: 'submitted', actualTotalCost: '600000000', actualEligibleCost: '500000000' });

    // Finance checks first; nobody approves what they checked.
    await refusal(settlements.approve(c.leader, filed.id), 'FORBIDDEN');
    const both = await createActor(u, ['finance', 'leader']);
    expect(await settlements.approve(both, filed.id)).toMatchObject({ status: 'checked' });
    await refusal(settlements.approve(both, filed.id), 'FORBIDDEN');
    expect(await centre()).toEqual(before);

    const approved = await settlements.approve(c.leader, filed.id);
    expect(approved).toMatchObject({ status: 'approved', finalSupport: '250000000', paid: '210000000', balance: '40000000', released: '50000000', recoveryId: null, approvedCapacity: 'leader' });
    await refusal(settlements.approve(c.leader, filed.id), 'INVALID_STATE');
    expect(await commitmentOf(u, c.fundCode, YEAR, id)).toBe('40000000');
    expect(await statusOf(id)).toBe('settlement_submitted');
    const after = await centre();
    expect(BigInt(after.available) - BigInt(before.available)).toBe(50000000n);
    expect(BigInt(after.committed) - BigInt(before.committed)).toBe(-50000000n); // 90.000.000 committed, 40.000.000 left to pay

    const final = await disbursements.get(c.finance, approved.finalPaymentId!);
    expect(final).toMatchObject({ kind: 'final', amount: '40000000', status: 'requested', requestedBy: c.leader.id });
    await refusal(disbursements.reject(c.finance, final.id, { reason: 'không' }), 'INVALID_STATE');
    await disbursements.approve(c.finance2, final.id);
    await disbursements.pay(c.finance, final.id, { treasuryRef: treasuryRef(), ...payDate });
    expect(await statusOf(id)).toBe('settled');
    expect(await commitmentOf(u, c.fundCode, YEAR, id)).toBe('0');
    const settled = await centre();
    expect(BigInt(settled.disbursed) - BigInt(before.disbursed)).toBe(40000000n);
    await expectBalanced(u, c.fundCode, YEAR);
  });

  it('settlement with a recovery: eligible 300.000.000 → support 150.000.000, 60.000.000 to recover in two receipts, never more', async () => {
    const id = await advancedFile();
    await accept(id);
    const filed = await fileSettlement(id, '300000000');
    await settlements.approve(c.finance, filed.id);
    const before = await centre();
    const approved = await settlements.approve(c.leader, filed.id);
    expect(approved).toMatchObject({ finalSupport: '150000000', paid: '210000000', balance: '-60000000', released: '90000000', finalPaymentId: null });
    const recoveryId = approved.recoveryId!;
    expect(await recoveries.get(c.applicant, recoveryId)).toMatchObject({ amount: '60000000', received: '0', outstanding: '60000000', status: 'open' });

    const receive = (amount: string, by = c.finance) => recoveries.receive(by, recoveryId, { amount, treasuryRef: treasuryRef(), valueDate: `${YEAR}-11-20` });
    expect(await receive('25000000')).toMatchObject({ received: '25000000', outstanding: '35000000', status: 'open' });
    const held = await books(u, c.fundCode);
    await refusal(receive('35000001'), 'LIMIT_EXCEEDED');
    await refusal(receive('1', c.officer), 'FORBIDDEN');
    expect(await books(u, c.fundCode)).toEqual(held);
    expect(await statusOf(id)).toBe('settlement_submitted');
    expect(await receive('35000000')).toMatchObject({ received: '60000000', outstanding: '0', status: 'closed' });
    await refusal(receive('1'), 'INVALID_STATE');
    expect(await statusOf(id)).toBe('settled');

    const after = await centre();
    expect(BigInt(after.available) - BigInt(before.available)).toBe(150000000n); // 90.000.000 released + 60.000.000 received
    expect(BigInt(after.recovered) - BigInt(before.recovered)).toBe(60000000n);
    await expectBalanced(u, c.fundCode, YEAR);
  });

  it('cancelling an approved file releases what is committed and not paid, and opens a recovery for what was paid', async () => {
    const id = await advancedFile();
    const before = await centre();
    const cancelled = await u.get(FileCancellationService).cancel(c.leader, id, { reason: 'Cơ sở dừng dự án' });
    expect(cancelled).toMatchObject({ status: 'cancelled', recoveryId: expect.any(String) });
    expect(BigInt((await centre()).available) - BigInt(before.available)).toBe(90000000n);
    expect(await commitmentOf(u, c.fundCode, YEAR, id)).toBe('0');
    await refusal(disbursements.request(c.officer, { applicationId: id, kind: 'advance', amount: '1' }), 'INVALID_STATE');
    expect(await recoveries.get(c.applicant, cancelled.recoveryId!)).toMatchObject({ origin: 'cancellation', settlementId: null, amount: '210000000', outstanding: '210000000', status: 'open' });
    expect(await recoveries.receive(c.finance, cancelled.recoveryId!, { amount: '210000000', treasuryRef: treasuryRef(), valueDate: `${YEAR}-05-02` })).toMatchObject({ status: 'closed' });
    expect(await statusOf(id)).toBe('cancelled');
    expect(BigInt((await centre()).available) - BigInt(before.available)).toBe(300000000n);
    await expectBalanced(u, c.fundCode, YEAR);
  });
});
