import fc from 'fast-check';
import { Money } from '../../common/money/decimal';
import type { AccountKind, AccountSpec } from '../ledger/ledger.types';
import { InMemoryLedger } from '../../../test/support/in-memory-ledger';
import { CLOSING_ORDER, ClosingKind, movementYear, YearCloseMove, YearEndAccount, yearCloseFigures, yearCloseMoves, YearStatus } from './year-close.rules';

const YEAR = 2040;
const FUNDS = [
  { id: 'F-VND', code: 'KC-DP', currency: 'VND', scale: 0 },
  { id: 'F-USD', code: 'TT-USD', currency: 'USD', scale: 2 },
];
const UNITS = ['U1', 'U2', 'U3'];

/** Money in a currency's smallest unit, built from an integer (never a JS float). */
const minor = (units: bigint, scale: number): Money => new Money(units.toString()).div(new Money(10).pow(scale));

/** The in-memory ledger, answering for the year's open accounts as the SQL does. */
class Books extends InMemoryLedger {
  /** What `openAccountsForUpdate` answers: the year's accounts of a kind holding money. */
  openAccounts(year: number, kind: ClosingKind): YearEndAccount[] {
    return this.holding(year, kind).map((a) => {
      const fund = FUNDS.find((f) => f.id === a.fundId)!;
      return { fund_id: fund.id, fund_code: fund.code, currency: fund.currency, kind, unit_id: a.spec.unitId!, application_id: a.spec.applicationId ?? null, balance: a.balance.toFixed() };
    });
  }
}

const books = fc.record({
  allocations: fc.array(fc.record({ fund: fc.nat(1), unit: fc.nat(2), amount: fc.bigInt({ min: 0n, max: 10n ** 15n }) }), { maxLength: 8 }),
  commitments: fc.array(fc.record({ fund: fc.nat(1), unit: fc.nat(2), amount: fc.bigInt({ min: 1n, max: 10n ** 15n }), released: fc.boolean() }), { maxLength: 8 }),
  carryOverCommitments: fc.boolean(),
  carryOverAllocations: fc.boolean(),
});

type BooksInput = typeof books extends fc.Arbitrary<infer T> ? T : never;

/** Opens the books the way the budget does: appropriation, allocation, commitment (some released since). */
function openBooks(input: BooksInput): Books {
  const b = new Books();
  const appropriate = (fundId: string, unitId: string, amount: Money) => {
    b.post(fundId, YEAR, { kind: 'source' }, { kind: 'fund' }, amount);
    b.post(fundId, YEAR, { kind: 'fund' }, { kind: 'allocation', unitId }, amount);
  };
  for (const a of input.allocations) {
    const fund = FUNDS[a.fund];
    if (a.amount > 0n) appropriate(fund.id, UNITS[a.unit], minor(a.amount, fund.scale));
  }
  input.commitments.forEach((c, i) => {
    const fund = FUNDS[c.fund];
    const amount = minor(c.amount, fund.scale);
    const unitId = UNITS[c.unit];
    const commitment: AccountSpec = { kind: 'commitment', unitId, applicationId: `A${i}` };
    appropriate(fund.id, unitId, amount);
    b.post(fund.id, YEAR, { kind: 'allocation', unitId }, commitment, amount);
    // A commitment paid or released in full stays on the books with nothing in it.
    if (c.released) b.post(fund.id, YEAR, commitment, { kind: 'allocation', unitId }, amount);
  });
  return b;
}

/** The close as the service runs it: plan a kind's open accounts, post the plan, then the next kind. */
function close(b: Books, flags: { carryOverCommitments: boolean; carryOverAllocations: boolean }): YearCloseMove[] {
  const moves: YearCloseMove[] = [];
  for (const kind of CLOSING_ORDER) {
    const accounts = b.openAccounts(YEAR, kind);
    const planned = yearCloseMoves({ year: YEAR, accounts, ...flags });
    // Every open account is handled exactly once, in the order read.
    expect(planned).toHaveLength(accounts.length);
    planned.forEach((move, i) => {
      expect(move.account).toBe(accounts[i]);
      expect(move.amount.eq(accounts[i].balance)).toBe(true);
      expect(move.amount.gt(0)).toBe(true);
      for (const leg of move.legs) b.post(move.account.fund_id, leg.fiscalYear, leg.from, leg.to, move.amount);
    });
    moves.push(...planned);
  }
  return moves;
}

const MAY_BE_NEGATIVE: ReadonlySet<AccountKind> = new Set(['source', 'carry_in']);

describe('year close (khóa sổ)', () => {
  it('carries commitments and returns allocations: the worked example', () => {
    const b = new Books();
    b.post('F-VND', YEAR, { kind: 'source' }, { kind: 'fund' }, new Money(1000));
    b.post('F-VND', YEAR, { kind: 'fund' }, { kind: 'allocation', unitId: 'U1' }, new Money(600));
    b.post('F-VND', YEAR, { kind: 'fund' }, { kind: 'allocation', unitId: 'U2' }, new Money(300));
    b.post('F-VND', YEAR, { kind: 'allocation', unitId: 'U1' }, { kind: 'commitment', unitId: 'U1', applicationId: 'A1' }, new Money(200));
    const moves = close(b, { carryOverCommitments: true, carryOverAllocations: false });
    expect(moves.map((m) => [m.account.kind, m.outcome, m.amount.toFixed(), m.legs.map((l) => `${l.fiscalYear}:${l.from.kind}>${l.to.kind}`).join(' ')])).toEqual([
      ['commitment', 'commitmentsCarried', '200', '2040:commitment>carry_out 2041:carry_in>commitment'],
      ['allocation', 'returnedToFund', '400', '2040:allocation>fund'],
      ['allocation', 'returnedToFund', '300', '2040:allocation>fund'],
    ]);
    const [figures] = yearCloseFigures({ moves });
    expect([figures.commitmentsCarried, figures.commitmentsReleased, figures.allocationsCarried, figures.returnedToFund].map(String)).toEqual(['200', '0', '0', '700']);
  });

  it('releases commitments into the allocation they came from, which then closes with it', () => {
    const b = new Books();
    b.post('F-VND', YEAR, { kind: 'source' }, { kind: 'fund' }, new Money(500));
    b.post('F-VND', YEAR, { kind: 'fund' }, { kind: 'allocation', unitId: 'U1' }, new Money(500));
    b.post('F-VND', YEAR, { kind: 'allocation', unitId: 'U1' }, { kind: 'commitment', unitId: 'U1', applicationId: 'A1' }, new Money(500));
    const moves = close(b, { carryOverCommitments: false, carryOverAllocations: true });
    expect(moves.map((m) => `${m.outcome} ${m.amount.toFixed()}`)).toEqual(['commitmentsReleased 500', 'allocationsCarried 500']);
    expect(b.balance('F-VND', YEAR + 1, { kind: 'allocation', unitId: 'U1' }).toFixed()).toBe('500');
  });

  it('refuses to plan an account that holds nothing', () => {
    const account: YearEndAccount = { fund_id: 'F', fund_code: 'KC', currency: 'VND', kind: 'allocation', unit_id: 'U1', application_id: null, balance: '0' };
    expect(() => yearCloseMoves({ year: YEAR, accounts: [account], carryOverCommitments: true, carryOverAllocations: true })).toThrow(RangeError);
  });

  it('for any open accounts and flags: every account handled once, nothing created or lost, nothing negative', () => {
    fc.assert(
      fc.property(books, (input) => {
        const b = openBooks(input);
        const before = (fundId: string, kind: AccountKind) => b.sumOf((a) => a.fundId === fundId && a.year === YEAR && a.spec.kind === kind);
        const initial = FUNDS.map((f) => ({ fund: f, commitments: before(f.id, 'commitment'), allocations: before(f.id, 'allocation'), fund_: before(f.id, 'fund') }));
        const flags = { carryOverCommitments: input.carryOverCommitments, carryOverAllocations: input.carryOverAllocations };

        const moves = close(b, flags);
        const figures = yearCloseFigures({ moves });

        // carried + released + returned = the sum of the balances moved.
        const moved = moves.reduce((sum, m) => sum.plus(m.amount), new Money(0));
        const reported = figures.reduce((sum, f) => sum.plus(f.commitmentsCarried).plus(f.commitmentsReleased).plus(f.allocationsCarried).plus(f.returnedToFund), new Money(0));
        expect(reported.eq(moved)).toBe(true);
        // Funds appear once each, in the order of their first move.
        expect(figures.map((f) => f.fundCode)).toEqual([...new Set(moves.map((m) => m.account.fund_code))]);

        for (const { fund, commitments, allocations, fund_ } of initial) {
          const f = figures.find((x) => x.fundCode === fund.code);
          if (!f) {
            expect(commitments.isZero() && allocations.isZero()).toBe(true);
            continue;
          }
          const { commitmentsCarried, commitmentsReleased, allocationsCarried, returnedToFund } = f;
          expect(f.currency).toBe(fund.currency);
          for (const x of [commitmentsCarried, commitmentsReleased, allocationsCarried, returnedToFund]) expect(x.isNegative()).toBe(false);
          // Each commitment is carried or released; what reached the allocations is carried or returned.
          expect(commitmentsCarried.plus(commitmentsReleased).eq(commitments)).toBe(true);
          expect(allocationsCarried.plus(returnedToFund).eq(allocations.plus(commitmentsReleased))).toBe(true);
          expect(commitmentsCarried.plus(allocationsCarried).plus(returnedToFund).eq(commitments.plus(allocations))).toBe(true);
          // The flags decide.
          expect((flags.carryOverCommitments ? commitmentsReleased : commitmentsCarried).isZero()).toBe(true);
          expect((flags.carryOverAllocations ? returnedToFund : allocationsCarried).isZero()).toBe(true);
          // The closing year's commitments and allocations are empty; the money is where the figures say.
          expect(b.sumOf((a) => a.fundId === fund.id && a.year === YEAR && (a.spec.kind === 'commitment' || a.spec.kind === 'allocation')).isZero()).toBe(true);
          expect(b.sumOf((a) => a.fundId === fund.id && a.year === YEAR && a.spec.kind === 'fund').eq(fund_.plus(returnedToFund))).toBe(true);
          expect(b.sumOf((a) => a.fundId === fund.id && a.year === YEAR + 1 && a.spec.kind === 'commitment').eq(commitmentsCarried)).toBe(true);
          expect(b.sumOf((a) => a.fundId === fund.id && a.year === YEAR + 1 && a.spec.kind === 'allocation').eq(allocationsCarried)).toBe(true);
          const bridged = commitmentsCarried.plus(allocationsCarried);
          expect(b.sumOf((a) => a.fundId === fund.id && a.year === YEAR && a.spec.kind === 'carry_out').eq(bridged)).toBe(true);
          expect(b.sumOf((a) => a.fundId === fund.id && a.year === YEAR + 1 && a.spec.kind === 'carry_in').eq(bridged.neg())).toBe(true);
        }
        // Double entry: every year's books still sum to zero; only source and carry_in are below zero.
        for (const year of [YEAR, YEAR + 1]) expect(b.sumOf((a) => a.year === year).isZero()).toBe(true);
        for (const a of b.all()) if (!MAY_BE_NEGATIVE.has(a.spec.kind)) expect(a.balance.isNegative()).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the year a file\'s money moves in (movementYear)', () => {
  const years = (open: number[], closed: number[]): YearStatus[] => [...closed.map((year) => ({ year, status: 'closed' as const })), ...open.map((year) => ({ year, status: 'open' as const }))];

  it('is the commitment\'s year while open; after its close, the open year the money arrives in', () => {
    expect(movementYear({ booksYear: 2040, years: years([2040, 2041], []), thisYear: 2041 })).toBe(2040);
    expect(movementYear({ booksYear: 2040, years: years([2041, 2042], [2040]), thisYear: 2042 })).toBe(2042);
    // Recorded on the last day of the closed year: the first open year after it.
    expect(movementYear({ booksYear: 2040, years: years([2041, 2042], [2040]), thisYear: 2040 })).toBe(2041);
    expect(movementYear({ booksYear: 2040, years: years([2039], [2040]), thisYear: 2040 })).toBeNull();
    // A year never opened is left to the ledger to refuse.
    expect(movementYear({ booksYear: 2050, years: years([2041], [2040]), thisYear: 2041 })).toBe(2050);
  });

  it('for any years: never an earlier year, never a closed one, the books year whenever it is open', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.record({ year: fc.integer({ min: 2030, max: 2040 }), status: fc.constantFrom<'open' | 'closed'>('open', 'closed') }), { selector: (y) => y.year }), fc.integer({ min: 2030, max: 2040 }), fc.integer({ min: 2030, max: 2040 }), (ys, booksYear, thisYear) => {
        const year = movementYear({ booksYear, years: ys, thisYear });
        const books = ys.find((y) => y.year === booksYear);
        if (!books || books.status === 'open') return expect(year).toBe(booksYear);
        const later = ys.filter((y) => y.status === 'open' && y.year > booksYear).map((y) => y.year);
        if (later.length === 0) return expect(year).toBeNull();
        expect(later).toContain(year);
        expect(year).toBe(later.includes(thisYear) ? thisYear : Math.min(...later));
      }),
      { numRuns: 1000 },
    );
  });
});
