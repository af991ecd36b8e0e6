import fc from 'fast-check';
import { Money } from '../../common/money/decimal';
import { missingVouchers, settle, settlementStanding, VOUCHER_REQUIRED } from './settlement.rules';

const m = (v: string | number) => new Money(v);

describe('settle (quyết toán)', () => {
  const base = { approvedSupport: m('300000000'), supportRate: m('0.5'), supportCap: m('300000000'), currency: 'VND' };

  it('final payment path of the worked example', () => {
    const f = settle({ ...base, actualEligibleCost: m('500000000'), paid: m('210000000'), committed: m('90000000') });
    expect([f.finalSupport, f.balance, f.finalPayment, f.recovery, f.released].map(String)).toEqual(['250000000', '40000000', '40000000', '0', '50000000']);
  });

  it('recovery path of the worked example', () => {
    const f = settle({ ...base, actualEligibleCost: m('300000000'), paid: m('210000000'), committed: m('90000000') });
    expect([f.finalSupport, f.balance, f.finalPayment, f.recovery, f.released].map(String)).toEqual(['150000000', '-60000000', '0', '60000000', '90000000']);
  });

  it('never exceeds the approved support or the cap, and rounds down', () => {
    expect(settle({ ...base, actualEligibleCost: m('900000000'), paid: m(0), committed: m('300000000') }).finalSupport.toString()).toBe('300000000');
    expect(settle({ ...base, supportCap: m('100'), approvedSupport: m('1000'), actualEligibleCost: m('999'), paid: m(0), committed: m('1000') }).finalSupport.toString()).toBe('100');
    expect(settle({ ...base, actualEligibleCost: m('333'), paid: m(0), committed: m('300000000') }).finalSupport.toString()).toBe('166');
  });

  it('makes up anew a final payment whose commitment a year close released, instead of failing', () => {
    // Paid 210.000.000; the 90.000.000 left was released at the close (not carried over).
    const f = settle({ ...base, actualEligibleCost: m('500000000'), paid: m('210000000'), committed: m(0) });
    expect([f.finalPayment, f.released, f.recommitted].map(String)).toEqual(['40000000', '0', '40000000']);
    const partly = settle({ ...base, actualEligibleCost: m('500000000'), paid: m('210000000'), committed: m('15000000') });
    expect([partly.released, partly.recommitted].map(String)).toEqual(['0', '25000000']);
    expect(settle({ ...base, actualEligibleCost: m('300000000'), paid: m('210000000'), committed: m(0) }).recommitted.toString()).toBe('0');
  });

  it('says what is still owed from the records now: nothing once the final payment is paid or the recovery received', () => {
    const decided = settlementStanding({ finalSupport: m('250000000'), paid: m('210000000'), recovered: m(0) });
    expect(decided.balance?.toString()).toBe('40000000');
    expect(settlementStanding({ finalSupport: m('250000000'), paid: m('250000000'), recovered: m(0) }).balance?.toString()).toBe('0');
    expect(settlementStanding({ finalSupport: m('150000000'), paid: m('210000000'), recovered: m('25000000') }).balance?.toString()).toBe('-35000000');
    expect(settlementStanding({ finalSupport: m('150000000'), paid: m('210000000'), recovered: m('60000000') }).balance?.toString()).toBe('0');
    expect(settlementStanding({ finalSupport: null, paid: m('210000000'), recovered: m(0) })).toMatchObject({ balance: null });
  });

  it('for any settlement and any commitment left: released and recommitted make the commitment exactly the final payment', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 9 }), fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (approved, cost, paidPct, leftPct) => {
        const paid = Math.floor((approved * paidPct) / 100);
        const committed = Math.floor(((approved - paid) * leftPct) / 100);
        const f = settle({ approvedSupport: m(approved), supportRate: m('0.3'), supportCap: null, actualEligibleCost: m(cost), paid: m(paid), committed: m(committed), currency: 'VND' });
        expect(f.released.isNegative() || f.recommitted.isNegative()).toBe(false);
        expect(f.released.isZero() || f.recommitted.isZero()).toBe(true);
        expect(m(committed).minus(f.released).plus(f.recommitted).eq(f.finalPayment)).toBe(true);
        // Once the final payment is paid, or the recovery received, nothing is owed.
        expect(settlementStanding({ finalSupport: f.finalSupport, paid: f.paid.plus(f.finalPayment), recovered: f.recovery }).balance!.isZero()).toBe(true);
        expect(settlementStanding({ finalSupport: f.finalSupport, paid: f.paid, recovered: m(0) }).balance!.eq(f.balance)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the books whole: paid + final payment − recovery = final support, released + final payment = committed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 9 }), fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 100 }), (approved, cost, paidPct) => {
        const paid = Math.floor((approved * paidPct) / 100);
        const f = settle({ approvedSupport: m(approved), supportRate: m('0.3'), supportCap: null, actualEligibleCost: m(cost), paid: m(paid), committed: m(approved - paid), currency: 'VND' });
        expect(f.paid.plus(f.finalPayment).minus(f.recovery).eq(f.finalSupport)).toBe(true);
        expect(f.released.plus(f.finalPayment).eq(approved - paid)).toBe(true);
        expect(f.finalSupport.lte(approved)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('voucher numbers on settlement lines', () => {
  it('asks each eligible line for its voucher, naming the line', () => {
    expect(
      missingVouchers([
        { eligible: true, documentRef: 'HĐ GTGT 0001' },
        { eligible: true },
        { eligible: false },
        { eligible: true, documentRef: '   ' },
        { eligible: false, documentRef: null },
      ]),
    ).toEqual([
      { field: 'actualCostLines[1].documentRef', message: VOUCHER_REQUIRED },
      { field: 'actualCostLines[3].documentRef', message: VOUCHER_REQUIRED },
    ]);
  });

  it('is satisfied when every eligible line names one', () => {
    expect(missingVouchers([{ eligible: true, documentRef: 'PC 12' }, { eligible: false }])).toEqual([]);
    expect(missingVouchers([])).toEqual([]);
  });
});
