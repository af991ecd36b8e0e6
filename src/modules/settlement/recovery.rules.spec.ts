import fc from 'fast-check';
import { Decimal, Money } from '../../common/money/decimal';
import { RecoveryStatus, takeRecoveryReceipt } from './recovery.rules';

const m = (v: string | number) => new Money(v);

describe('takeRecoveryReceipt (thu hồi)', () => {
  const open = { amount: m('60000000'), received: m(0), status: 'open' as const };

  it('takes a partial receipt, then closes on the rest', () => {
    const first = takeRecoveryReceipt({ recovery: open, receipt: m('20000000'), currency: 'VND' });
    expect(first).toEqual({ received: m('20000000'), status: 'open' });
    const rest = takeRecoveryReceipt({ recovery: { ...open, received: m('20000000') }, receipt: m('40000000'), currency: 'VND' });
    expect(rest).toEqual({ received: m('60000000'), status: 'closed' });
  });

  it('refuses a receipt beyond what is outstanding, naming it', () => {
    expect(takeRecoveryReceipt({ recovery: { ...open, received: m('20000000') }, receipt: m('40000001'), currency: 'VND' })).toEqual({
      refusal: { code: 'LIMIT_EXCEEDED', detail: 'Số tiền thu vượt quá số còn phải thu hồi 40.000.000 ₫.' },
    });
  });

  it('refuses anything on a closed order', () => {
    const closed = { amount: m('100'), received: m('100'), status: 'closed' as const };
    expect(takeRecoveryReceipt({ recovery: closed, receipt: m('1'), currency: 'VND' })).toEqual({ refusal: { code: 'INVALID_STATE', detail: 'Lệnh thu hồi này đã thu đủ.' } });
  });

  it('is never asked to take nothing', () => {
    expect(() => takeRecoveryReceipt({ recovery: open, receipt: m(0), currency: 'VND' })).toThrow(RangeError);
  });

  it('for any sequence of receipt attempts: 0 ≤ received ≤ amount, closed ⇔ received = amount, refusals change nothing', () => {
    const scenario = fc.record({
      usd: fc.boolean(),
      amount: fc.bigInt({ min: 1n, max: 10n ** 15n }),
      // An attempt is the rest outstanding, or any amount up to twice the order.
      attempts: fc.array(fc.oneof(fc.constant('rest' as const), fc.bigInt({ min: 1n, max: 2n * 10n ** 15n }), fc.bigInt({ min: 1n, max: 1000n })), { maxLength: 12 }),
    });
    fc.assert(
      fc.property(scenario, ({ usd, amount, attempts }) => {
        const currency = usd ? 'USD' : 'VND';
        const minor = (units: bigint) => new Money(units.toString()).div(usd ? 100 : 1);
        let recovery: { amount: Decimal; received: Decimal; status: RecoveryStatus } = { amount: minor(amount), received: m(0), status: 'open' };
        for (const attempt of attempts) {
          const outstanding = recovery.amount.minus(recovery.received);
          if (attempt === 'rest' && outstanding.isZero()) continue;
          const receipt = attempt === 'rest' ? outstanding : minor(attempt);
          const before = { ...recovery };
          const taken = takeRecoveryReceipt({ recovery, receipt, currency });
          // The rule decides; it never changes the order it was shown.
          expect(recovery).toEqual(before);
          if ('refusal' in taken) {
            // Refused: the order stays as it was, and the refusal says why.
            expect(taken.refusal.code).toBe(before.status === 'closed' ? 'INVALID_STATE' : 'LIMIT_EXCEEDED');
            expect(before.status === 'closed' || receipt.gt(outstanding)).toBe(true);
            continue;
          }
          expect(before.status).toBe('open');
          expect(receipt.lte(outstanding)).toBe(true);
          expect(taken.received.eq(before.received.plus(receipt))).toBe(true);
          recovery = { ...recovery, received: taken.received, status: taken.status };
          expect(recovery.received.gte(0) && recovery.received.lte(recovery.amount)).toBe(true);
          expect(recovery.status === 'closed').toBe(recovery.received.eq(recovery.amount));
        }
      }),
      { numRuns: 1000 },
    );
  });
});
