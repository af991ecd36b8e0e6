import fc from 'fast-check';
import { Decimal, Money } from '../../common/money/decimal';
import type { ApplicationStatus } from '../applications/application-files';
import { advanceLimit, approverRefusal, DisbursementKind, disbursementRefusal, disbursementReturnRefusal, DisbursementStatus, nextDisbursementStatus, releasedByClose, requestRoom } from './disbursements.rules';

const m = (v: string | number) => new Money(v);
const base = {
  approvedSupport: m('300000000'),
  advanceRate: m('0.7'),
  currency: 'VND',
  advancesSoFar: m(0),
  pending: m(0),
  committed: m('300000000'),
};

describe('disbursement rules', () => {
  it('a request is approved neither by its requester nor by the leader in whose name a delegate requested it', () => {
    expect(approverRefusal('finance-2', { requestedBy: 'officer', requestedOnBehalfOf: null })).toBeNull();
    expect(approverRefusal('officer', { requestedBy: 'officer', requestedOnBehalfOf: null })).toMatchObject({ code: 'FORBIDDEN' });
    expect(approverRefusal('leader', { requestedBy: 'delegate', requestedOnBehalfOf: 'leader' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(approverRefusal('delegate', { requestedBy: 'delegate', requestedOnBehalfOf: 'leader' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(approverRefusal('finance-2', { requestedBy: 'delegate', requestedOnBehalfOf: 'leader' })).toBeNull();
  });

  it('advance limit is floor(advanceRate × approvedSupport)', () => {
    expect(advanceLimit({ approvedSupport: m('300000000'), advanceRate: m('0.7'), currency: 'VND' }).toString()).toBe('210000000');
    expect(advanceLimit({ approvedSupport: m('333'), advanceRate: m('0.3'), currency: 'VND' }).toString()).toBe('99');
  });

  it('allows an advance at the limit and refuses one đồng over it', () => {
    expect(disbursementRefusal({ ...base, kind: 'advance', amount: m('210000000'), applicationStatus: 'contracted' })).toBeNull();
    expect(disbursementRefusal({ ...base, kind: 'advance', amount: m('210000001'), applicationStatus: 'contracted' })?.code).toBe('LIMIT_EXCEEDED');
    expect(disbursementRefusal({ ...base, kind: 'advance', amount: m('1'), advancesSoFar: m('210000000'), applicationStatus: 'contracted' })?.code).toBe('LIMIT_EXCEEDED');
  });

  it('counts what a close that did not carry commitments over released as still committed for an interim payment approved before it', () => {
    // 100.000.000 approved, nothing paid, the commitment released whole: the approved 70.000.000 advance stays payable.
    const released = releasedByClose({ approvedSupport: m('100000000'), paid: m(0), committed: m(0) });
    expect(released.toString()).toBe('100000000');
    expect(disbursementRefusal({ ...base, approvedSupport: m('100000000'), kind: 'advance', amount: m('70000000'), applicationStatus: 'contracted', committed: m(0) })?.code).toBe('LIMIT_EXCEEDED');
    expect(disbursementRefusal({ ...base, approvedSupport: m('100000000'), kind: 'advance', amount: m('70000000'), applicationStatus: 'contracted', committed: released })).toBeNull();
    // Once one payment was committed anew and paid, the next is owed what is left.
    expect(releasedByClose({ approvedSupport: m('100000000'), paid: m('20000000'), committed: m(0) }).toString()).toBe('80000000');
    // In the year of the decision, or after a close that carried the commitment: nothing released.
    expect(releasedByClose({ approvedSupport: m('100000000'), paid: m('30000000'), committed: m('70000000') }).toString()).toBe('0');
    expect(releasedByClose({ approvedSupport: m('100000000'), paid: m('30000000'), committed: m('80000000') }).toString()).toBe('0');
  });

  it('pays other than advances only after acceptance', () => {
    expect(disbursementRefusal({ ...base, kind: 'payment', amount: m('1'), applicationStatus: 'contracted' })?.code).toBe('INVALID_STATE');
    expect(disbursementRefusal({ ...base, kind: 'payment', amount: m('1'), applicationStatus: 'accepted' })).toBeNull();
    expect(disbursementRefusal({ ...base, kind: 'advance', amount: m('1'), applicationStatus: 'accepted' })?.code).toBe('INVALID_STATE');
  });

  it('never lets requested plus pending pass what is committed', () => {
    expect(disbursementRefusal({ ...base, kind: 'payment', amount: m('100'), pending: m('50'), committed: m('150'), applicationStatus: 'accepted' })).toBeNull();
    expect(disbursementRefusal({ ...base, kind: 'payment', amount: m('101'), pending: m('50'), committed: m('150'), applicationStatus: 'accepted' })?.code).toBe('LIMIT_EXCEEDED');
  });

  it('moves a request through its states', () => {
    expect(nextDisbursementStatus('requested', 'approve')).toBe('approved');
    expect(nextDisbursementStatus('approved', 'pay')).toBe('paid');
    expect(nextDisbursementStatus('requested', 'pay')).toBeNull();
    expect(nextDisbursementStatus('paid', 'reject')).toBeNull();
    expect(nextDisbursementStatus('approved', 'reject')).toBe('rejected');
    expect(nextDisbursementStatus('paid', 'return')).toBe('returned');
    expect(nextDisbursementStatus('approved', 'return')).toBeNull();
    expect(nextDisbursementStatus('returned', 'return')).toBeNull();
    expect(nextDisbursementStatus('returned', 'pay')).toBeNull();
  });

  it('records a treasury return only of a paid disbursement, once, before the settlement is filed', () => {
    expect(disbursementReturnRefusal({ status: 'paid', applicationStatus: 'contracted' })).toBeNull();
    expect(disbursementReturnRefusal({ status: 'paid', applicationStatus: 'approved' })).toBeNull();
    expect(disbursementReturnRefusal({ status: 'paid', applicationStatus: 'accepted' })).toBeNull();
    for (const status of ['requested', 'approved', 'rejected'] as const) {
      expect(disbursementReturnRefusal({ status, applicationStatus: 'accepted' })?.detail).toContain('đã chi');
    }
    expect(disbursementReturnRefusal({ status: 'returned', applicationStatus: 'accepted' })).toEqual({ code: 'INVALID_STATE', detail: 'Khoản chi này đã được ghi nhận hoàn trả.' });
    expect(disbursementReturnRefusal({ status: 'paid', applicationStatus: 'settlement_submitted' })?.code).toBe('INVALID_STATE');
    expect(disbursementReturnRefusal({ status: 'paid', applicationStatus: 'settled' })?.code).toBe('INVALID_STATE');
    // Paid on the books of a year since closed: refused, naming that year; of an open year: taken.
    expect(disbursementReturnRefusal({ status: 'paid', applicationStatus: 'accepted', paidIn: { year: 2094, status: 'open' } })).toBeNull();
    const closed = disbursementReturnRefusal({ status: 'paid', applicationStatus: 'accepted', paidIn: { year: 2094, status: 'closed' } });
    expect(closed?.code).toBe('INVALID_STATE');
    expect(closed?.detail).toContain('năm 2094 đã khóa sổ');
  });
});

/** A file's life from approval to settlement, as far as its disbursements care. */
const LIFE: ApplicationStatus[] = ['approved', 'contracted', 'accepted', 'settlement_submitted'];

type Step =
  /** An amount as thousandths of the approved support, or a few minor units. */
  | { do: 'request'; kind: 'advance' | 'payment'; amount: { permille: bigint } | { minor: bigint } }
  | { do: 'approve' | 'pay' | 'reject'; which: number }
  | { do: 'next_status' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ do: fc.constant('request' as const), kind: fc.constantFrom('advance' as const, 'payment' as const), amount: fc.oneof(fc.record({ permille: fc.bigInt({ min: 0n, max: 1200n }) }), fc.record({ minor: fc.bigInt({ min: 1n, max: 1000n }) })) }),
  fc.record({ do: fc.constantFrom('approve' as const, 'pay' as const, 'reject' as const), which: fc.nat(20) }),
  fc.record({ do: fc.constant('next_status' as const) }),
);

describe('disbursement limits over any sequence of requests and payments', () => {
  it('advances stay within floor(advanceRate × approvedSupport), requested + paid within what was committed, payments only after acceptance', () => {
    const scenario = fc.record({
      usd: fc.boolean(),
      approvedMinor: fc.oneof(fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 1000n })),
      /** The advance rate in millionths (a rate has at most 6 places). */
      rateMicro: fc.oneof(fc.constantFrom(0n, 300_000n, 700_000n, 1_000_000n), fc.bigInt({ min: 0n, max: 1_000_000n })),
      steps: fc.array(step, { maxLength: 40 }),
    });
    fc.assert(
      fc.property(scenario, ({ usd, approvedMinor, rateMicro, steps }) => {
        const currency = usd ? 'USD' : 'VND';
        const unit = new Money(usd ? '0.01' : '1');
        const money = (minor: bigint) => unit.times(minor.toString());
        const approvedSupport = money(approvedMinor);
        const advanceRate = new Money(rateMicro.toString()).div(1_000_000);
        // The limit computed apart from the rule, in whole minor units: floor(rate × approved).
        const limit = money((approvedMinor * rateMicro) / 1_000_000n);
        let status = 0;
        let committed: Decimal = approvedSupport;
        let paid: Decimal = new Money(0);
        const requests: Array<{ kind: DisbursementKind; amount: Decimal; status: DisbursementStatus }> = [];
        const total = (filter: (r: (typeof requests)[number]) => boolean, except?: (typeof requests)[number]) =>
          requests.filter((r) => r !== except && filter(r)).reduce<Decimal>((sum, r) => sum.plus(r.amount), new Money(0));
        // What the service reads before asking the rule (this request excluded).
        const check = (kind: DisbursementKind, amount: Decimal, except?: (typeof requests)[number]) =>
          disbursementRefusal({
            kind,
            amount,
            applicationStatus: LIFE[status],
            approvedSupport,
            advanceRate,
            currency,
            advancesSoFar: total((r) => r.kind === 'advance' && r.status !== 'rejected', except),
            pending: total((r) => r.status === 'requested' || r.status === 'approved', except),
            committed,
          });

        for (const s of steps) {
          if (s.do === 'next_status') status = Math.min(status + 1, LIFE.length - 1);
          else if (s.do === 'request') {
            const minor = 'minor' in s.amount ? s.amount.minor : (approvedMinor * s.amount.permille) / 1000n;
            const amount = money(minor > 0n ? minor : 1n);
            if (!check(s.kind, amount)) {
              requests.push({ kind: s.kind, amount, status: 'requested' });
              // Advances before acceptance (nghiệm thu), other payments only after it.
              expect(s.kind === 'advance' ? status < 2 : status >= 2).toBe(true);
            }
          } else {
            const request = requests[s.which % Math.max(requests.length, 1)];
            const to = request && nextDisbursementStatus(request.status, s.do);
            if (!to) continue;
            if (s.do === 'pay') {
              if (check(request.kind, request.amount, request)) continue;
              // The rule having said yes, the ledger's guarded move from the commitment never refuses.
              expect(committed.gte(request.amount)).toBe(true);
              expect(request.kind === 'advance' ? status < 2 : status >= 2).toBe(true);
              committed = committed.minus(request.amount);
              paid = paid.plus(request.amount);
            }
            request.status = to;
          }
          const advances = total((r) => r.kind === 'advance' && r.status !== 'rejected');
          const pending = total((r) => r.status === 'requested' || r.status === 'approved');
          expect(advances.lte(limit)).toBe(true);
          expect(pending.lte(committed)).toBe(true);
          expect(pending.plus(paid).lte(approvedSupport)).toBe(true);
          expect(committed.plus(paid).eq(approvedSupport)).toBe(true);
          expect(advanceLimit({ approvedSupport, advanceRate, currency }).eq(limit)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('room for a request (what the file page offers)', () => {
  const facts = { ...base, applicationStatus: 'contracted' as ApplicationStatus };

  it('is the advance limit left, within what is committed and not yet asked for', () => {
    expect(requestRoom(facts).advance.toString()).toBe('210000000');
    expect(requestRoom({ ...facts, advancesSoFar: m('210000000') }).advance.toString()).toBe('0');
    expect(requestRoom({ ...facts, advancesSoFar: m('200000000') }).advance.toString()).toBe('10000000');
    expect(requestRoom({ ...facts, committed: m('5000000') }).advance.toString()).toBe('5000000');
    expect(requestRoom(facts).payment.toString()).toBe('0');
  });

  it('leaves no room for a payment once the settlement opened its final payment, or after a recovery', () => {
    const accepted = { ...base, applicationStatus: 'accepted' as ApplicationStatus, committed: m('90000000') };
    expect(requestRoom(accepted).payment.toString()).toBe('90000000');
    // The settlement's final payment waits for its approval and holds what is committed.
    expect(requestRoom({ ...accepted, applicationStatus: 'settlement_submitted', pending: m('40000000'), committed: m('40000000') }).payment.toString()).toBe('0');
    expect(requestRoom({ ...accepted, applicationStatus: 'settlement_submitted', committed: m(0) }).payment.toString()).toBe('0');
    expect(requestRoom({ ...accepted, applicationStatus: 'settled' }).payment.toString()).toBe('0');
  });

  it('for any facts, a request is refused exactly when it is above its room', () => {
    const amount = fc.bigInt({ min: 1n, max: 10n ** 10n });
    fc.assert(
      fc.property(
        fc.record({
          status: fc.constantFrom<ApplicationStatus>('approved', 'contracted', 'accepted', 'settlement_submitted', 'settled', 'cancelled'),
          kind: fc.constantFrom<'advance' | 'payment'>('advance', 'payment'),
          approved: amount,
          rateMicro: fc.bigInt({ min: 0n, max: 1_000_000n }),
          advancesSoFar: fc.bigInt({ min: 0n, max: 10n ** 10n }),
          pending: fc.bigInt({ min: 0n, max: 10n ** 10n }),
          committed: fc.bigInt({ min: 0n, max: 10n ** 10n }),
          amount,
        }),
        (x) => {
          const check = {
            applicationStatus: x.status,
            approvedSupport: m(x.approved.toString()),
            advanceRate: m(x.rateMicro.toString()).div(1_000_000),
            currency: 'VND',
            advancesSoFar: m(x.advancesSoFar.toString()),
            pending: m(x.pending.toString()),
            committed: m(x.committed.toString()),
          };
          const room = requestRoom(check)[x.kind];
          expect(room.isNegative()).toBe(false);
          const refused = disbursementRefusal({ ...check, kind: x.kind, amount: m(x.amount.toString()) }) !== null;
          expect(refused).toBe(m(x.amount.toString()).gt(room));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
