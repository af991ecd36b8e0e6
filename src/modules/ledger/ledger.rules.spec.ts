import fc from 'fast-check';
import { Decimal, Money } from '../../common/money/decimal';
import { Forbidden } from '../../common/http/domain-error';
import {
  mayGoNegative,
  naturalKey,
  REVERSIBLE_KINDS,
  reversalDecision,
  reversalOf,
  reversalRefusal,
  reversalRequestRefusal,
  ReversalRequestStatus,
  sourceMustCover,
  specProblem,
  transferProblem,
} from './ledger.rules';
import { ACCOUNT_KINDS, AccountKind, AccountSpec, Books, TransferKind } from './ledger.types';

const BOOKS: Books = { fundId: 'F1', fundCode: 'KC-DP', currency: 'VND', fiscalYear: 2040 };
const m = (v: string | number | bigint) => new Money(v.toString());

/** What the domain says, apart from the rule: money enters a year's books only through these. */
const ENTRY_KINDS: readonly AccountKind[] = ['source', 'recovery', 'carry_in'];

/** A year's accounts, one or two of each kind. */
const ACCOUNTS: AccountSpec[] = [
  { kind: 'source' },
  { kind: 'fund' },
  { kind: 'allocation', unitId: 'U1' },
  { kind: 'allocation', unitId: 'U2' },
  { kind: 'commitment', unitId: 'U1', applicationId: 'A1' },
  { kind: 'commitment', unitId: 'U2', applicationId: 'A2' },
  { kind: 'payee', unitId: 'U1', applicationId: 'A1' },
  { kind: 'recovery', unitId: 'U1', applicationId: 'A1' },
  { kind: 'carry_out', unitId: 'U1' },
  { kind: 'carry_in', unitId: 'U1' },
];

describe('ledger rules', () => {
  it('lets only the accounts where money enters the books go negative', () => {
    expect(ACCOUNT_KINDS.filter(mayGoNegative)).toEqual(ENTRY_KINDS);
    expect(sourceMustCover({ kind: 'allocation', unitId: 'U1' })).toBe(true);
    expect(sourceMustCover({ kind: 'source' })).toBe(false);
  });

  it('refuses a transfer that is not positive, names a malformed account, or stays on one account', () => {
    const from: AccountSpec = { kind: 'allocation', unitId: 'U1' };
    const to: AccountSpec = { kind: 'allocation', unitId: 'U2' };
    expect(transferProblem({ books: BOOKS, from, to, amount: m(1) })).toBeNull();
    expect(transferProblem({ books: BOOKS, from, to, amount: m(0) })).toBe('a transfer amount is positive');
    expect(transferProblem({ books: BOOKS, from, to, amount: m(-5) })).toBe('a transfer amount is positive');
    expect(transferProblem({ books: BOOKS, from, to, amount: new Money(NaN) })).toBe('a transfer amount is positive');
    expect(transferProblem({ books: BOOKS, from, to, amount: new Money(Infinity) })).toBe('a transfer amount is positive');
    expect(transferProblem({ books: BOOKS, from, to: from, amount: m(1) })).toBe('a transfer moves money between two different accounts');
    expect(transferProblem({ books: BOOKS, from: { kind: 'allocation' }, to, amount: m(1) })).toBe('allocation account needs a unit');
    expect(transferProblem({ books: BOOKS, from, to: { kind: 'commitment', unitId: 'U1' }, amount: m(1) })).toBe('commitment account needs an application');
    // A file's accounts are the file's, whichever unit is recorded on them.
    expect(naturalKey('F1', 2040, { kind: 'commitment', unitId: 'U1', applicationId: 'A1' })).toBe('F1:2040:commitment:A1');
    expect(specProblem({ kind: 'fund' })).toBeNull();
  });

  it('reverses a transfer once, never a reversal, and moves the money back', () => {
    expect(reversalRefusal({ kind: 'reversal', alreadyReversed: false })?.code).toBe('INVALID_STATE');
    expect(reversalRefusal({ kind: 'allocation', alreadyReversed: true })?.code).toBe('DUPLICATE');
    expect(reversalRefusal({ kind: 'allocation', alreadyReversed: false })).toBeNull();
    expect(reversalOf({ debit: 'payee', credit: 'commitment' })).toEqual({ from: 'payee', to: 'commitment' });
  });

  it("reverses only the budget's own entries; every other kind names the use case that corrects it", () => {
    const ALL: TransferKind[] = ['appropriation', 'allocation', 'allocation_transfer', 'allocation_return', 'commitment', 'commitment_release', 'disbursement', 'recovery_receipt', 'carry_over', 'reversal'];
    expect(ALL.filter((kind) => reversalRefusal({ kind, alreadyReversed: false }) === null)).toEqual([...REVERSIBLE_KINDS]);
    const detail = (kind: string) => reversalRefusal({ kind, alreadyReversed: false })?.detail;
    expect(reversalRefusal({ kind: 'disbursement', alreadyReversed: false })?.code).toBe('INVALID_STATE');
    expect(detail('disbursement')).toContain('trả lại khoản chi');
    expect(detail('disbursement')).toContain('/disbursements/:id/return');
    expect(detail('commitment')).toContain('hủy hồ sơ');
    expect(detail('recovery_receipt')).toContain('/recoveries/:id/receive');
    expect(detail('carry_over')).toContain('khóa sổ');
    expect(detail('reversal')).toContain('bút toán đảo');
    expect(reversalRequestRefusal({ kind: 'allocation', alreadyReversed: false, openRequest: true })?.code).toBe('DUPLICATE');
    expect(reversalRequestRefusal({ kind: 'disbursement', alreadyReversed: false, openRequest: false })?.code).toBe('INVALID_STATE');
    expect(reversalRequestRefusal({ kind: 'allocation', alreadyReversed: false, openRequest: false })).toBeNull();
  });

  it('decides a reversal request only by someone else, and only while it waits', () => {
    expect(() => reversalDecision({ status: 'requested', requestedBy: 'A', actorId: 'A', decision: 'approve' })).toThrow(Forbidden);
    expect(() => reversalDecision({ status: 'requested', requestedBy: 'A', actorId: 'A', decision: 'reject' })).toThrow(Forbidden);
    expect(reversalDecision({ status: 'requested', requestedBy: 'A', actorId: 'B', decision: 'approve' })).toEqual({ status: 'approved' });
    expect(reversalDecision({ status: 'requested', requestedBy: 'A', actorId: 'B', decision: 'reject' })).toEqual({ status: 'rejected' });
    expect(reversalDecision({ status: 'approved', requestedBy: 'A', actorId: 'B', decision: 'approve' })).toMatchObject({ code: 'INVALID_STATE' });
    expect(reversalDecision({ status: 'rejected', requestedBy: 'A', actorId: 'B', decision: 'approve' })).toMatchObject({ code: 'INVALID_STATE' });
  });

  it('for any sequence of requests, approvals and rejections by random users: the requester never approves, a transfer is reversed at most once, one request waits at a time', () => {
    const USERS = ['U1', 'U2', 'U3'];
    const KINDS: TransferKind[] = ['allocation', 'appropriation', 'disbursement', 'commitment', 'reversal'];
    const op = fc.record({
      do: fc.constantFrom('request' as const, 'approve' as const, 'reject' as const),
      user: fc.constantFrom(...USERS),
      which: fc.nat(20),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const transfers = KINDS.map((kind) => ({ kind, reversals: 0 }));
        const requests: Array<{ transfer: number; requestedBy: string; status: ReversalRequestStatus; decidedBy?: string }> = [];
        for (const o of ops) {
          if (o.do === 'request') {
            const index = o.which % transfers.length;
            const t = transfers[index];
            const openRequest = requests.some((r) => r.transfer === index && r.status === 'requested');
            const refusal = reversalRequestRefusal({ kind: t.kind, alreadyReversed: t.reversals > 0, openRequest });
            if (!refusal) requests.push({ transfer: index, requestedBy: o.user, status: 'requested' });
            continue;
          }
          const request = requests[o.which % Math.max(requests.length, 1)];
          if (!request) continue;
          let next: ReturnType<typeof reversalDecision>;
          try {
            next = reversalDecision({ status: request.status, requestedBy: request.requestedBy, actorId: o.user, decision: o.do });
          } catch (error) {
            expect(error).toBeInstanceOf(Forbidden);
            expect(o.user).toBe(request.requestedBy);
            continue;
          }
          if ('code' in next) {
            expect(request.status).not.toBe('requested');
            continue;
          }
          const t = transfers[request.transfer];
          if (next.status === 'approved' && reversalRefusal({ kind: t.kind, alreadyReversed: t.reversals > 0 })) continue;
          if (next.status === 'approved') t.reversals += 1;
          request.status = next.status;
          request.decidedBy = o.user;
        }
        for (const r of requests) if (r.status !== 'requested') expect(r.decidedBy).not.toBe(r.requestedBy);
        for (const [index, t] of transfers.entries()) {
          expect(t.reversals).toBeLessThanOrEqual(1);
          if (!(REVERSIBLE_KINDS as readonly string[]).includes(t.kind)) expect(requests.some((r) => r.transfer === index)).toBe(false);
          expect(requests.filter((r) => r.transfer === index && r.status === 'requested').length).toBeLessThanOrEqual(1);
          expect(requests.filter((r) => r.transfer === index && r.status === 'approved').length).toBe(t.reversals);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('for any sequence of transfers and reversals posted with the rules: debits = credits, balances equal their transfers, none that may not go negative does', () => {
    const op = fc.oneof(
      { weight: 4, arbitrary: fc.record({ do: fc.constant('post' as const), from: fc.nat(ACCOUNTS.length - 1), to: fc.nat(ACCOUNTS.length - 1), amount: fc.oneof(fc.bigInt({ min: -2n, max: 1000n }), fc.bigInt({ min: 1n, max: 10n ** 18n })) }) },
      { weight: 1, arbitrary: fc.record({ do: fc.constant('reverse' as const), which: fc.nat(50) }) },
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const balances = new Map<string, Decimal>(ACCOUNTS.map((a) => [naturalKey(BOOKS.fundId, BOOKS.fiscalYear, a), m(0)]));
        const transfers: Array<{ kind: string; from: AccountSpec; to: AccountSpec; amount: Decimal; reversed: boolean; reverses?: number }> = [];
        const key = (a: AccountSpec) => naturalKey(BOOKS.fundId, BOOKS.fiscalYear, a);
        // The ledger_post procedure: the guarded update moves the money only while a guarded source covers it.
        const post = (kind: string, from: AccountSpec, to: AccountSpec, amount: Decimal, reverses?: number): boolean => {
          const problem = transferProblem({ books: BOOKS, from, to, amount });
          if (problem) {
            expect(!amount.gt(0) || key(from) === key(to)).toBe(true);
            return false;
          }
          if (sourceMustCover(from) && balances.get(key(from))!.lt(amount)) return false;
          balances.set(key(from), balances.get(key(from))!.minus(amount));
          balances.set(key(to), balances.get(key(to))!.plus(amount));
          transfers.push({ kind, from, to, amount, reversed: false, reverses });
          return true;
        };
        for (const o of ops) {
          if (o.do === 'post') {
            post('allocation', ACCOUNTS[o.from], ACCOUNTS[o.to], m(o.amount));
            continue;
          }
          const index = o.which % Math.max(transfers.length, 1);
          const original = transfers[index];
          if (!original) continue;
          const refusal = reversalRefusal({ kind: original.kind, alreadyReversed: original.reversed });
          if (refusal) {
            expect(original.kind === 'reversal' || original.reversed).toBe(true);
            continue;
          }
          const { from, to } = reversalOf({ debit: original.to, credit: original.from });
          if (post('reversal', from, to, original.amount, index)) original.reversed = true;
        }
        const effect = (t: (typeof transfers)[number], account: AccountSpec) =>
          m(0).plus(key(t.to) === key(account) ? t.amount : 0).minus(key(t.from) === key(account) ? t.amount : 0);
        for (const account of ACCOUNTS) {
          // A transfer and its reversal together change nothing.
          for (const r of transfers) if (r.reverses !== undefined) expect(effect(r, account).plus(effect(transfers[r.reverses], account)).isZero()).toBe(true);
          const balance = balances.get(key(account))!;
          // Each balance equals what its transfers debited minus what they credited.
          const moved = transfers.reduce((sum, t) => sum.plus(effect(t, account)), m(0));
          expect(balance.eq(moved)).toBe(true);
          if (!ENTRY_KINDS.includes(account.kind)) expect(balance.isNegative()).toBe(false);
        }
        // Debits = credits: the balances sum to zero, and no transfer moved nothing.
        expect([...balances.values()].reduce((sum, b) => sum.plus(b), m(0)).isZero()).toBe(true);
        expect(transfers.every((t) => t.amount.gt(0) && key(t.from) !== key(t.to))).toBe(true);
        // A transfer is reversed at most once, and a reversal never.
        const reversals = transfers.filter((t) => t.kind === 'reversal').length;
        expect(reversals).toBe(transfers.filter((t) => t.reversed).length);
        expect(transfers.some((t) => t.kind === 'reversal' && t.reversed)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
