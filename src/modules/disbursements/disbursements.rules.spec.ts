import { Money } from '../../common/money/decimal';
import { advanceLimit, disbursementRefusal, nextDisbursementStatus } from './disbursements.rules';

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
  it('advance limit is floor(advanceRate × approvedSupport)', () => {
    expect(advanceLimit({ approvedSupport: m('300000000'), advanceRate: m('0.7'), currency: 'VND' }).toString()).toBe('210000000');
    expect(advanceLimit({ approvedSupport: m('333'), advanceRate: m('0.3'), currency: 'VND' }).toString()).toBe('99');
  });

  it('allows an advance at the limit and refuses one đồng over it', () => {
    expect(disbursementRefusal({ ...base, kind: 'advance', amount: m('210000000'), applicationStatus: 'contracted' })).toBeNull();
    expect(disbursementRefusal({ ...base, kind: 'advance', amount: m('210000001'), applicationStatus: 'contracted' })?.code).toBe('LIMIT_EXCEEDED');
    expect(disbursementRefusal({ ...base, kind: 'advance', amount: m('1'), advancesSoFar: m('210000000'), applicationStatus: 'contracted' })?.code).toBe('LIMIT_EXCEEDED');
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
  });
});
