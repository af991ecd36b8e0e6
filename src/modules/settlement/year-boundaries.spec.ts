import fc from 'fast-check';
import { Decimal, Money } from '../../common/money/decimal';
import { InMemoryLedger } from '../../../test/support/in-memory-ledger';
import { CLOSING_ORDER, movementYear, YearStatus, yearCloseMoves } from '../budget/year-close.rules';
import { disbursementRefusal, releasedByClose } from '../disbursements/disbursements.rules';
import type { AccountKind, AccountSpec } from '../ledger/ledger.types';
import { takeRecoveryReceipt } from './recovery.rules';
import { settle, settlementStanding } from './settlement.rules';

/**
 * Closing a year never leaves a file that cannot settle: a file's life played over any history of
 * advances, year closes (carrying commitments over or not, allocations over or not), calendar
 * years turning, settlement, final payment, recovery receipts, allocations topping a unit up,
 * interim payments requested and left waiting across a close, treasury returns, and cancellation,
 * with the rules the services ask (movementYear, yearCloseMoves, disbursementRefusal, settle,
 * takeRecoveryReceipt) and the postings the services make on an in-memory ledger. Whatever the
 * history, every movement is booked in an open year, the books balance, nothing goes negative,
 * and the file ends settled (or cancelled with its recovery received) with its beneficiary holding
 * exactly the final support; the only refusals on the way are a unit short of money (an
 * allocation lifts it; a waiting payment whose commitment a close released, and the settlement's
 * final payment, are committed anew from it) and a treasury return of a closed year's payment.
 */

const FUND = 'F';
const UNIT = 'U';
const FILE = 'A';
const FIRST_YEAR = 2040;
const RULE = { supportRate: new Money('0.5'), supportCap: null, advanceRate: new Money('0.7'), currency: 'VND' };
const NEVER_NEGATIVE: readonly AccountKind[] = ['fund', 'allocation', 'commitment', 'payee', 'carry_out'];

const allocation: AccountSpec = { kind: 'allocation', unitId: UNIT };
const commitment: AccountSpec = { kind: 'commitment', unitId: UNIT, applicationId: FILE };
const payee: AccountSpec = { kind: 'payee', unitId: UNIT, applicationId: FILE };
const recoveryAccount: AccountSpec = { kind: 'recovery', unitId: UNIT, applicationId: FILE };

const event = fc.oneof(
  fc.record({ do: fc.constant('advance' as const), permille: fc.integer({ min: 1, max: 800 }) }),
  fc.record({ do: fc.constant('close' as const), carryOverCommitments: fc.boolean(), carryOverAllocations: fc.boolean() }),
  fc.record({ do: fc.constant('newCalendarYear' as const) }),
  fc.record({ do: fc.constant('topUp' as const), permille: fc.integer({ min: 1, max: 1500 }) }),
  fc.record({ do: fc.constant('accept' as const) }),
  fc.record({ do: fc.constant('settle' as const), costPermille: fc.integer({ min: 0, max: 3000 }) }),
  fc.record({ do: fc.constant('payFinal' as const) }),
  fc.record({ do: fc.constant('receive' as const), permille: fc.integer({ min: 1, max: 1000 }) }),
  fc.record({ do: fc.constant('requestPayment' as const), permille: fc.integer({ min: 1, max: 1000 }) }),
  fc.record({ do: fc.constant('payPending' as const) }),
  fc.record({ do: fc.constant('treasuryReturn' as const) }),
  fc.record({ do: fc.constant('cancel' as const) }),
);

type Status = 'approved' | 'accepted' | 'settlement_submitted' | 'settled' | 'cancelled';

/** One file and its unit, as the services move them. */
class FileLife {
  readonly ledger = new InMemoryLedger();
  readonly years = new Map<number, 'open' | 'closed'>([[FIRST_YEAR, 'open']]);
  thisYear = FIRST_YEAR;
  status: Status = 'approved';
  advances = new Money(0);
  finalSupport: Decimal | null = null;
  finalPayment: Decimal | null = null;
  recovery: { amount: Decimal; received: Decimal; status: 'open' | 'closed' } | null = null;
  /** An interim payment requested (and approved), not yet paid: it may wait across a close. */
  pending: Decimal | null = null;
  /** Advances and interim payments paid and not returned, each with the year whose books paid it. */
  payments: Array<{ kind: 'advance' | 'payment'; amount: Decimal; year: number }> = [];
  /**
   * Refusals met: a unit short of money to commit anew (a waiting payment whose commitment a
   * close released, or a final payment), a treasury return of a closed year's payment.
   */
  refusals: string[] = [];

  constructor(readonly approvedSupport: Money, unitBudget: Money) {
    this.appropriate(FIRST_YEAR, approvedSupport.plus(unitBudget));
    this.post(FIRST_YEAR, allocation, commitment, approvedSupport);
  }

  post(year: number, from: AccountSpec, to: AccountSpec, amount: Decimal) {
    // The ledger refuses a closed year: no movement of the file's life may need one.
    expect(this.years.get(year)).toBe('open');
    if (NEVER_NEGATIVE.includes(from.kind)) expect(this.ledger.balance(FUND, year, from).gte(amount)).toBe(true);
    this.ledger.post(FUND, year, from, to, amount);
  }

  appropriate(year: number, amount: Decimal) {
    this.post(year, { kind: 'source' }, { kind: 'fund' }, amount);
    this.post(year, { kind: 'fund' }, allocation, amount);
  }

  yearList(): YearStatus[] {
    return [...this.years].map(([year, status]) => ({ year, status }));
  }

  /** BudgetService.applicationBooks: the latest year holding the file's commitment, or the open year after it. */
  movesIn(): number {
    const booksYear = Math.max(...[...this.years.keys()].filter((y) => this.ledger.has(FUND, y, commitment)));
    const year = movementYear({ booksYear, years: this.yearList(), thisYear: this.thisYear });
    // A close always opens the year after it: the file's money always has an open year.
    expect(year).not.toBeNull();
    return year!;
  }

  /** BudgetService.recommitShortfall: false when the unit does not hold it (409 INSUFFICIENT_FUNDS, nothing moves). */
  recommit(year: number, needed: Decimal): boolean {
    const shortfall = new Money(needed).minus(this.ledger.balance(FUND, year, commitment));
    if (!shortfall.gt(0)) return true;
    if (this.ledger.balance(FUND, year, allocation).lt(shortfall)) {
      this.refusals.push('INSUFFICIENT_FUNDS');
      return false;
    }
    this.post(year, allocation, commitment, shortfall);
    return true;
  }

  /** What DisbursementsService.request checks of a new request, on the file's books of `year`. */
  private refusal(kind: 'advance' | 'payment', applicationStatus: 'contracted' | 'accepted', amount: Money, year: number) {
    return disbursementRefusal({
      kind,
      amount,
      applicationStatus,
      approvedSupport: this.approvedSupport,
      advanceRate: RULE.advanceRate,
      currency: RULE.currency,
      advancesSoFar: this.advances,
      pending: new Money(0),
      committed: this.ledger.balance(FUND, year, commitment),
    });
  }

  advance(permille: number) {
    if (this.status !== 'approved') return;
    const year = this.movesIn();
    const amount = Money.max(1, this.approvedSupport.times(permille).div(1000).floor());
    if (this.refusal('advance', 'contracted', amount, year)) return;
    this.post(year, commitment, payee, amount);
    this.advances = this.advances.plus(amount);
    this.payments.push({ kind: 'advance', amount, year });
  }

  /** DisbursementsService.request (and approve) of an interim payment after acceptance: it then waits to be paid. */
  requestPayment(permille: number) {
    if (this.status !== 'accepted' || this.pending) return;
    const year = this.movesIn();
    const amount = Money.max(1, this.approvedSupport.times(permille).div(1000).floor());
    if (!this.refusal('payment', 'accepted', amount, year)) this.pending = amount;
  }

  /**
   * DisbursementsService.pay of the waiting payment, in the year the file's money moves in now:
   * checked against the commitment with what a close released from it counted in (releasedByClose),
   * and what it lacks committed anew from the unit's allocation of that year (refused 409
   * INSUFFICIENT_FUNDS, nothing moving, while the unit does not hold it).
   */
  payPending() {
    if (!this.pending || this.status !== 'accepted') return;
    const year = this.movesIn();
    const committed = this.ledger.balance(FUND, year, commitment);
    const released = releasedByClose({ approvedSupport: this.approvedSupport, paid: this.paidSoFar(), committed });
    const refusal = disbursementRefusal({
      kind: 'payment',
      amount: this.pending,
      applicationStatus: 'accepted',
      approvedSupport: this.approvedSupport,
      advanceRate: RULE.advanceRate,
      currency: RULE.currency,
      advancesSoFar: this.advances,
      pending: new Money(0),
      committed: committed.plus(released),
    });
    if (refusal) {
      this.refusals.push(refusal.code);
      return;
    }
    if (released.gt(0) && !this.recommit(year, this.pending)) return;
    this.post(year, commitment, payee, this.pending);
    this.payments.push({ kind: 'payment', amount: this.pending, year });
    this.pending = null;
  }

  /** DisbursementsService.reject of the waiting payment. */
  rejectPending() {
    this.pending = null;
  }

  /**
   * DisbursementsService.returnPayment of the latest payment (the treasury sent it back), before
   * the settlement: booked back to the commitment in the year that paid it while that year is open
   * (it is then the year the file's money moves in); refused naming the year once it is closed.
   */
  treasuryReturn() {
    const last = this.payments.at(-1);
    if (!last || (this.status !== 'approved' && this.status !== 'accepted')) return;
    if (this.years.get(last.year) === 'closed') {
      this.refusals.push('YEAR_CLOSED');
      return;
    }
    expect(this.movesIn()).toBe(last.year);
    this.post(last.year, payee, commitment, last.amount);
    this.payments.pop();
    if (last.kind === 'advance') this.advances = this.advances.minus(last.amount);
  }

  /**
   * FileCancellationService.cancel before the settlement (refused while a payment waits): the
   * commitment goes back to the unit, and what was paid is to be recovered.
   */
  cancel() {
    if ((this.status !== 'approved' && this.status !== 'accepted') || this.pending) return;
    const year = this.movesIn();
    const left = this.ledger.balance(FUND, year, commitment);
    if (left.gt(0)) this.post(year, commitment, allocation, left);
    const paid = this.paidSoFar();
    this.finalSupport = new Money(0);
    if (paid.gt(0)) this.recovery = { amount: paid, received: new Money(0), status: 'open' };
    this.status = 'cancelled';
  }

  /** YearCloseService.close of the earliest open year: plan each kind's open accounts, post, then the next kind. */
  close(flags: { carryOverCommitments: boolean; carryOverAllocations: boolean }) {
    const year = Math.min(...[...this.years].filter(([, s]) => s === 'open').map(([y]) => y));
    if (!this.years.has(year + 1)) this.years.set(year + 1, 'open');
    if (this.years.get(year + 1) !== 'open') return;
    for (const kind of CLOSING_ORDER) {
      const accounts = this.ledger.holding(year, kind).map((a) => ({
        fund_id: FUND,
        fund_code: 'KC',
        currency: RULE.currency,
        kind,
        unit_id: a.spec.unitId!,
        application_id: a.spec.applicationId ?? null,
        balance: a.balance.toFixed(),
      }));
      for (const move of yearCloseMoves({ year, accounts, ...flags })) for (const leg of move.legs) this.post(leg.fiscalYear, leg.from, leg.to, move.amount);
    }
    this.years.set(year, 'closed');
    this.thisYear = Math.max(this.thisYear, year + 1);
  }

  /** Finance allocates more to the unit in the year the file's money moves in. */
  topUp(permille: number) {
    const amount = Money.max(1, this.approvedSupport.times(permille).div(1000).floor());
    this.appropriate(this.movesIn(), amount);
  }

  /** SettlementService.decide. */
  settle(actualEligibleCost: Decimal) {
    // Refused while a payment waits (finance pays or rejects it first).
    if (this.status !== 'accepted' || this.pending) return;
    const year = this.movesIn();
    const paid = this.paidSoFar();
    const figures = settle({
      approvedSupport: this.approvedSupport,
      supportRate: RULE.supportRate,
      supportCap: RULE.supportCap,
      actualEligibleCost,
      paid,
      committed: this.ledger.balance(FUND, year, commitment),
      currency: RULE.currency,
    });
    expect(figures.paid.eq(paid)).toBe(true);
    if (figures.recommitted.gt(0) && !this.recommit(year, figures.finalPayment)) return;
    if (figures.released.gt(0)) this.post(year, commitment, allocation, figures.released);
    this.finalSupport = figures.finalSupport;
    if (figures.finalPayment.gt(0)) this.finalPayment = figures.finalPayment;
    if (figures.recovery.gt(0)) this.recovery = { amount: figures.recovery, received: new Money(0), status: 'open' };
    this.status = figures.balance.isZero() ? 'settled' : 'settlement_submitted';
  }

  /** DisbursementsService.pay of the settlement's final payment. */
  payFinal() {
    if (!this.finalPayment || this.status !== 'settlement_submitted') return;
    const year = this.movesIn();
    if (!this.recommit(year, this.finalPayment)) return;
    this.post(year, commitment, payee, this.finalPayment);
    this.status = 'settled';
  }

  /** RecoveryService.receive. */
  receive(permille: number) {
    if (!this.recovery || this.recovery.status !== 'open') return;
    const outstanding = this.recovery.amount.minus(this.recovery.received);
    const amount = Money.max(1, outstanding.times(permille).div(1000).floor());
    const taken = takeRecoveryReceipt({ recovery: this.recovery, receipt: amount, currency: RULE.currency });
    if ('refusal' in taken) throw new Error(taken.refusal.detail);
    this.post(this.movesIn(), recoveryAccount, allocation, amount);
    this.recovery = { ...this.recovery, received: taken.received, status: taken.status };
    if (taken.status === 'closed' && this.status !== 'cancelled') this.status = 'settled';
  }

  paidSoFar(): Money {
    return this.ledger.sumOf((a) => a.spec.kind === 'payee' && a.spec.applicationId === FILE);
  }

  receivedSoFar(): Money {
    return this.ledger.sumOf((a) => a.spec.kind === 'recovery' && a.spec.applicationId === FILE).neg();
  }

  /** After every step: double entry in every year, nothing below zero that may not be. */
  expectBooksHold() {
    for (const year of this.years.keys()) expect(this.ledger.sumOf((a) => a.year === year).isZero()).toBe(true);
    for (const a of this.ledger.all()) if (NEVER_NEGATIVE.includes(a.spec.kind)) expect(a.balance.isNegative()).toBe(false);
    // A closed year holds no commitment and no allocation: the close moved them all.
    for (const [year, status] of this.years) {
      if (status === 'closed') expect(this.ledger.sumOf((a) => a.year === year && (a.spec.kind === 'commitment' || a.spec.kind === 'allocation')).isZero()).toBe(true);
    }
  }
}

describe('a file across year closes (rules together)', () => {
  it('the worked example: settled in the year after a close that did not carry its commitment', () => {
    const life = new FileLife(new Money(300_000_000), new Money(0));
    life.advance(700);
    life.close({ carryOverCommitments: false, carryOverAllocations: true });
    life.status = 'accepted';
    life.settle(new Money(500_000_000)); // final support 250.000.000, final payment 40.000.000
    expect(life.status).toBe('settlement_submitted');
    expect(life.ledger.balance(FUND, FIRST_YEAR + 1, commitment).toString()).toBe('40000000');
    life.payFinal();
    expect(life.status).toBe('settled');
    expect(life.paidSoFar().toString()).toBe('250000000');
    life.expectBooksHold();
  });

  it('for any history: every movement in an open year, the books hold, and the file settles with exactly its final support', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.integer({ min: 0, max: 2000 }), fc.array(event, { maxLength: 30 }), (approvedMinor, budgetPermille, events) => {
        const approvedSupport = new Money(approvedMinor.toString());
        const life = new FileLife(approvedSupport, approvedSupport.times(budgetPermille).div(1000).floor());
        for (const e of events) {
          if (e.do === 'advance') life.advance(e.permille);
          else if (e.do === 'close') life.close(e);
          else if (e.do === 'newCalendarYear') life.thisYear = Math.min(life.thisYear + 1, Math.max(...life.years.keys()) + 1);
          else if (e.do === 'topUp') life.topUp(e.permille);
          else if (e.do === 'accept') life.status = life.status === 'approved' ? 'accepted' : life.status;
          else if (e.do === 'settle') life.settle(approvedSupport.times(e.costPermille).div(1000).floor());
          else if (e.do === 'payFinal') life.payFinal();
          else if (e.do === 'requestPayment') life.requestPayment(e.permille);
          else if (e.do === 'payPending') life.payPending();
          else if (e.do === 'treasuryReturn') life.treasuryReturn();
          else if (e.do === 'cancel') life.cancel();
          else life.receive(e.permille);
          life.expectBooksHold();
          // What a settlement says it still owes is what is still to pay or receive.
          if (life.finalSupport && life.status !== 'settled' && life.status !== 'cancelled') {
            const owed = settlementStanding({ finalSupport: life.finalSupport, paid: life.paidSoFar(), recovered: life.receivedSoFar() }).balance!;
            expect(owed.eq(life.finalPayment ?? new Money(0)) || owed.neg().eq(life.recovery!.amount.minus(life.recovery!.received))).toBe(true);
          }
        }

        // Then the file is taken to its end: a waiting payment is paid (committed anew when a
        // close released its commitment, the unit topped up when short); a unit short of money is topped up.
        if (life.status === 'approved') life.status = 'accepted';
        if (life.pending) life.payPending();
        if (life.pending) {
          life.topUp(1000);
          life.payPending();
        }
        expect(life.pending).toBeNull();
        const ended = () => life.status === 'settled' || (life.status === 'cancelled' && (!life.recovery || life.recovery.status === 'closed'));
        for (let attempt = 0; !ended() && attempt < 4; attempt++) {
          if (life.status === 'accepted') life.settle(approvedSupport);
          else if (life.finalPayment) life.payFinal();
          else life.receive(1000);
          if (!ended()) life.topUp(1000);
          life.expectBooksHold();
        }
        expect(ended()).toBe(true);
        // A payment approved within the file's commitment is never refused over a limit later, whatever closed since.
        expect(life.refusals.every((r) => ['INSUFFICIENT_FUNDS', 'YEAR_CLOSED'].includes(r))).toBe(true);
        // The beneficiary holds exactly the final support; the file's commitment is empty in every year.
        expect(life.paidSoFar().minus(life.receivedSoFar()).eq(life.finalSupport!)).toBe(true);
        expect(life.ledger.sumOf((a) => a.spec.kind === 'commitment' && a.spec.applicationId === FILE).isZero()).toBe(true);
        expect(settlementStanding({ finalSupport: life.finalSupport, paid: life.paidSoFar(), recovered: life.receivedSoFar() }).balance!.isZero()).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
