import fc from 'fast-check';
import { Money } from '../../common/money/decimal';
import { missingVouchers, settle, VOUCHER_REQUIRED } from './settlement.rules';

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
