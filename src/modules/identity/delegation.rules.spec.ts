import { DomainError, Forbidden } from '../../common/http/domain-error';
import { Money } from '../../common/money/decimal';
import {
  DecisionRequest,
  delegationMismatch,
  delegationStatus,
  DelegationTerms,
  formatLimit,
  resolveDecisionCapacity,
} from './delegation.rules';

const leaderId = '01JLEADERAAAAAAAAAAAAAAAAA';
const terms = (overrides: Partial<DelegationTerms> = {}): DelegationTerms => ({
  id: '01JDELEGATIONAAAAAAAAAAAAA',
  fromUserId: leaderId,
  validFrom: '2026-12-01',
  validTo: '2026-12-10',
  maxAmount: new Money('300000000'),
  currency: 'VND',
  activityTypeCodes: ['MAY_MOC', 'TRINH_DIEN'],
  revokedAt: null,
  ...overrides,
});
/** 10:00 in Hồ Chí Minh City on that day. */
const on = (day: string) => new Date(`${day}T03:00:00Z`);
const request = (overrides: Partial<DecisionRequest> = {}): DecisionRequest => ({
  amount: new Money('250000000'),
  activityTypeCode: 'MAY_MOC',
  on: on('2026-12-05'),
  ...overrides,
});

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(Forbidden);
    expect((error as DomainError).code).toBe('FORBIDDEN');
    return (error as DomainError).detail;
  }
  throw new Error('expected a refusal');
}

describe('delegation window', () => {
  it.each([
    ['the day before', '2026-11-30', 'not_yet_valid'],
    ['the first day', '2026-12-01', null],
    ['inside', '2026-12-05', null],
    ['the last day', '2026-12-10', null],
    ['the day after', '2026-12-11', 'expired'],
  ])('%s (%s) → %s', (_label, day, expected) => {
    expect(delegationMismatch({ terms: terms(), request: request({ on: on(day) }) })).toBe(expected);
  });

  it('reads the day in Asia/Ho_Chi_Minh: 17:00 UTC on 10 Dec is already 11 Dec there', () => {
    expect(delegationMismatch({ terms: terms(), request: request({ on: new Date('2026-12-10T16:59:59Z') }) })).toBeNull();
    expect(delegationMismatch({ terms: terms(), request: request({ on: new Date('2026-12-10T17:00:00Z') }) })).toBe('expired');
  });

  it('a revoked delegation covers nothing, even inside its window', () => {
    expect(delegationMismatch({ terms: terms({ revokedAt: new Date() }), request: request() })).toBe('revoked');
  });

  it('status follows the day', () => {
    expect(delegationStatus(terms(), '2026-11-30')).toBe('scheduled');
    expect(delegationStatus(terms(), '2026-12-10')).toBe('active');
    expect(delegationStatus(terms(), '2026-12-11')).toBe('expired');
    expect(delegationStatus(terms({ revokedAt: new Date() }), '2026-12-05')).toBe('revoked');
  });
});

describe('delegation amount and activity types', () => {
  it('covers an amount up to the limit, inclusive', () => {
    expect(delegationMismatch({ terms: terms(), request: request({ amount: new Money('300000000') }) })).toBeNull();
    expect(delegationMismatch({ terms: terms(), request: request({ amount: new Money('300000001') }) })).toBe('amount');
  });

  it('compares exactly, without floating point', () => {
    const cents = terms({ maxAmount: new Money('0.3'), currency: 'USD' });
    expect(delegationMismatch({ terms: cents, request: request({ amount: new Money('0.1').plus('0.2'), currency: 'USD' }) })).toBeNull();
  });

  it('has no amount limit when maxAmount is null', () => {
    expect(delegationMismatch({ terms: terms({ maxAmount: null }), request: request({ amount: new Money('999999999999') }) })).toBeNull();
  });

  it('a limit in one currency does not cover an amount in another', () => {
    expect(delegationMismatch({ terms: terms(), request: request({ currency: 'USD', amount: new Money('1') }) })).toBe('currency');
    expect(delegationMismatch({ terms: terms({ maxAmount: null }), request: request({ currency: 'USD' }) })).toBeNull();
  });

  it('covers only the listed activity types, or all when none are listed', () => {
    expect(delegationMismatch({ terms: terms(), request: request({ activityTypeCode: 'HA_TANG_CCN' }) })).toBe('activity_type');
    expect(delegationMismatch({ terms: terms({ activityTypeCodes: null }), request: request({ activityTypeCode: 'HA_TANG_CCN' }) })).toBeNull();
  });
});

describe('resolveDecisionCapacity', () => {
  it('a leader decides in their own right, with or without delegations', () => {
    expect(resolveDecisionCapacity({ roles: ['leader'], delegations: [], request: request() })).toEqual({ capacity: 'leader' });
  });

  it('a delegate decides on behalf of the leader under a covering delegation', () => {
    expect(resolveDecisionCapacity({ roles: ['head'], delegations: [terms()], request: request() })).toEqual({
      capacity: 'delegated',
      onBehalfOf: leaderId,
      delegationId: terms().id,
    });
  });

  it('uses the first covering delegation when the newest does not cover', () => {
    const narrow = terms({ id: 'NEW', activityTypeCodes: ['TRINH_DIEN'] });
    const broad = terms({ id: 'OLD', fromUserId: 'OTHER_LEADER', activityTypeCodes: null });
    expect(resolveDecisionCapacity({ roles: ['head'], delegations: [narrow, broad], request: request() })).toEqual({
      capacity: 'delegated',
      onBehalfOf: 'OTHER_LEADER',
      delegationId: 'OLD',
    });
  });

  it('refuses someone with no delegation', () => {
    expect(refusal(() => resolveDecisionCapacity({ roles: ['officer'], delegations: [], request: request() }))).toMatch(/lãnh đạo/);
  });

  it('names why the delegation does not apply', () => {
    const r = (req: Partial<DecisionRequest>) => refusal(() => resolveDecisionCapacity({ roles: ['head'], delegations: [terms()], request: request(req) }));
    expect(r({ amount: new Money('400000000') })).toContain('vượt hạn mức ủy quyền 300.000.000 VND');
    expect(r({ on: on('2026-12-11') })).toContain('hết hiệu lực');
    expect(r({ on: on('2026-11-01') })).toContain('từ ngày 2026-12-01');
    expect(r({ activityTypeCode: 'HA_TANG_CCN' })).toContain('HA_TANG_CCN');
  });
});

describe('formatLimit', () => {
  it('writes VND whole and other currencies with two places', () => {
    expect(formatLimit(new Money('300000000'), 'VND')).toBe('300000000');
    expect(formatLimit(new Money('12.3'), 'USD')).toBe('12.30');
    expect(formatLimit(null, 'VND')).toBeNull();
  });
});
