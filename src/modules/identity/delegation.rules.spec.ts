import fc from 'fast-check';
import { DomainError, Forbidden } from '../../common/http/domain-error';
import { Money } from '../../common/money/decimal';
import {
  DecisionRequest,
  delegationMismatch,
  delegationStatus,
  DelegationTerms,
  formatLimit,
  inScope,
  limitsField,
  resolveDecisionCapacity,
  scopeMismatch,
} from './delegation.rules';
import type { LeaderScope } from './user.entity';

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

function refusal(fn: () => unknown, code = 'FORBIDDEN'): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(Forbidden);
    expect((error as DomainError).code).toBe(code);
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

describe('inScope: a leader\'s field of work (lĩnh vực phụ trách)', () => {
  // The unit tree: SCT (the department) above TTKC (the centre) above PTV (a team); QLCN beside TTKC.
  const underTeam = { activityTypeCode: 'MAY_MOC', unitIds: ['PTV', 'TTKC', 'SCT'] };
  const underQlcn = { activityTypeCode: 'MAY_MOC', unitIds: ['QLCN', 'SCT'] };

  it('the director (no scope, or a scope listing nothing) covers every file, even one without a lead unit', () => {
    for (const scope of [null, undefined, {}, { activityTypeCodes: [], unitIds: [] }]) {
      expect(limitsField(scope)).toBe(false);
      expect(inScope(scope, underTeam)).toBe(true);
      expect(inScope(scope, { activityTypeCode: 'X', unitIds: [] })).toBe(true);
    }
  });

  it('activity types alone: the file\'s type must be listed', () => {
    const scope = { activityTypeCodes: ['MAY_MOC', 'TRINH_DIEN'] };
    expect(scopeMismatch(scope, underTeam)).toBeNull();
    expect(scopeMismatch(scope, { ...underTeam, activityTypeCode: 'HA_TANG_CCN' })).toBe('activity_type');
  });

  it('units alone: a listed unit covers the units below it, not those beside or above it', () => {
    expect(scopeMismatch({ unitIds: ['TTKC'] }, underTeam)).toBeNull();
    expect(scopeMismatch({ unitIds: ['PTV'] }, underTeam)).toBeNull();
    expect(scopeMismatch({ unitIds: ['TTKC'] }, underQlcn)).toBe('unit');
    expect(scopeMismatch({ unitIds: ['PTV'] }, { activityTypeCode: 'MAY_MOC', unitIds: ['TTKC', 'SCT'] })).toBe('unit');
    expect(scopeMismatch({ unitIds: ['TTKC'] }, { activityTypeCode: 'MAY_MOC', unitIds: [] })).toBe('unit');
  });

  it('both axes: the file must lie in both', () => {
    const scope = { activityTypeCodes: ['MAY_MOC'], unitIds: ['TTKC'] };
    expect(inScope(scope, underTeam)).toBe(true);
    expect(scopeMismatch(scope, underQlcn)).toBe('unit');
    expect(scopeMismatch(scope, { ...underTeam, activityTypeCode: 'TRINH_DIEN' })).toBe('activity_type');
  });

  const code = fc.constantFrom('MAY_MOC', 'TRINH_DIEN', 'HA_TANG_CCN', 'DAO_TAO');
  const unit = fc.constantFrom('SCT', 'TTKC', 'PTV', 'QLCN', 'XA1');
  const scopeArb: fc.Arbitrary<LeaderScope | null> = fc.option(
    fc.record({ activityTypeCodes: fc.array(code, { maxLength: 3 }), unitIds: fc.array(unit, { maxLength: 3 }) }, { requiredKeys: [] }),
  );
  const fileArb = fc.record({ activityTypeCode: code, unitIds: fc.uniqueArray(unit, { maxLength: 4 }) });

  it('is exactly: (no types listed or the type listed) and (no units listed or a unit of the line listed)', () => {
    fc.assert(
      fc.property(scopeArb, fileArb, (scope, file) => {
        const types = scope?.activityTypeCodes ?? [];
        const units = scope?.unitIds ?? [];
        const expected = (types.length === 0 || types.includes(file.activityTypeCode)) && (units.length === 0 || file.unitIds.some((u) => units.includes(u)));
        expect(inScope(scope, file)).toBe(expected);
      }),
    );
  });

  it('listing more never takes a file out of a field, nor does leading it from a unit below', () => {
    fc.assert(
      fc.property(scopeArb, fileArb, code, unit, (scope, file, moreCode, moreUnit) => {
        if (!inScope(scope, file)) return;
        const wider: LeaderScope = {
          activityTypeCodes: scope?.activityTypeCodes?.length ? [...scope.activityTypeCodes, moreCode] : scope?.activityTypeCodes,
          unitIds: scope?.unitIds?.length ? [...scope.unitIds, moreUnit] : scope?.unitIds,
        };
        expect(inScope(wider, file)).toBe(true);
        // The same file led by a unit below (its line grows by one at the bottom) stays in the field.
        expect(inScope(scope, { ...file, unitIds: ['NEW_BELOW', ...file.unitIds] })).toBe(true);
      }),
    );
  });
});

describe('resolveDecisionCapacity with fields of work', () => {
  const director = '01JDIRECTORAAAAAAAAAAAAAAA';
  const deputy = '01JDEPUTYAAAAAAAAAAAAAAAAA';
  const machinery = { activityTypeCodes: ['MAY_MOC'] };
  const inCentre = { unitIds: ['TTKC'] };
  const file = (activityTypeCode: string, unitIds: string[] = ['PTV', 'TTKC', 'SCT']) => request({ activityTypeCode, unitIds });
  const fromDirector = terms({ id: 'FROM_DIRECTOR', fromUserId: director, maxAmount: null, activityTypeCodes: null, giverScope: null });
  const fromDeputy = terms({ id: 'FROM_DEPUTY', fromUserId: deputy, maxAmount: null, activityTypeCodes: null, giverScope: machinery });

  it('a deputy decides in their own right inside their field', () => {
    expect(resolveDecisionCapacity({ roles: ['leader'], ownScope: machinery, delegations: [], request: file('MAY_MOC') })).toEqual({ capacity: 'leader' });
    expect(resolveDecisionCapacity({ roles: ['leader'], ownScope: inCentre, delegations: [], request: file('TRINH_DIEN') })).toEqual({ capacity: 'leader' });
  });

  it('a deputy outside their field is refused OUT_OF_SCOPE, naming the activity type or the unit', () => {
    const r = (scope: LeaderScope, req: DecisionRequest) => refusal(() => resolveDecisionCapacity({ roles: ['leader'], ownScope: scope, delegations: [], request: req }), 'OUT_OF_SCOPE');
    expect(r(machinery, file('TRINH_DIEN'))).toBe('Hồ sơ không thuộc lĩnh vực bạn được phân công: loại hoạt động TRINH_DIEN không thuộc lĩnh vực bạn phụ trách.');
    expect(r(inCentre, file('MAY_MOC', ['QLCN', 'SCT']))).toBe('Hồ sơ không thuộc lĩnh vực bạn được phân công: đơn vị chủ trì của hồ sơ không thuộc lĩnh vực bạn phụ trách.');
  });

  it('the director decides everything; without the file\'s units fields are not checked', () => {
    expect(resolveDecisionCapacity({ roles: ['leader'], ownScope: null, delegations: [], request: file('ANY', []) })).toEqual({ capacity: 'leader' });
    expect(resolveDecisionCapacity({ roles: ['leader'], ownScope: machinery, delegations: [], request: request({ activityTypeCode: 'TRINH_DIEN' }) })).toEqual({
      capacity: 'leader',
    });
  });

  it('a deputy outside their field decides under the director\'s delegation, on the director\'s behalf', () => {
    expect(resolveDecisionCapacity({ roles: ['leader'], ownScope: machinery, delegations: [fromDirector], request: file('TRINH_DIEN') })).toEqual({
      capacity: 'delegated',
      onBehalfOf: director,
      delegationId: 'FROM_DIRECTOR',
    });
  });

  it('a delegation covers only its giver\'s field: a deputy\'s delegate is refused outside it (OUT_OF_SCOPE)', () => {
    expect(resolveDecisionCapacity({ roles: ['head'], delegations: [fromDeputy], request: file('MAY_MOC') })).toMatchObject({ onBehalfOf: deputy });
    const detail = refusal(() => resolveDecisionCapacity({ roles: ['head'], delegations: [fromDeputy], request: file('TRINH_DIEN') }), 'OUT_OF_SCOPE');
    expect(detail).toContain('loại hoạt động TRINH_DIEN không thuộc lĩnh vực người ủy quyền phụ trách');
    // A deputy outside their own field gains nothing from another deputy's delegation for that field either.
    const other = refusal(
      () => resolveDecisionCapacity({ roles: ['leader'], ownScope: inCentre, delegations: [fromDeputy], request: file('TRINH_DIEN', ['QLCN', 'SCT']) }),
      'OUT_OF_SCOPE',
    );
    expect(other).toContain('ủy quyền bạn nhận không áp dụng: loại hoạt động TRINH_DIEN không thuộc lĩnh vực người ủy quyền phụ trách');
    // Another covering delegation is still used.
    expect(resolveDecisionCapacity({ roles: ['head'], delegations: [fromDeputy, fromDirector], request: file('TRINH_DIEN') })).toMatchObject({
      onBehalfOf: director,
    });
  });

  it('the delegation\'s own terms still apply to a deputy outside their field', () => {
    const narrow = terms({ fromUserId: director, giverScope: null });
    const detail = refusal(
      () => resolveDecisionCapacity({ roles: ['leader'], ownScope: { unitIds: ['QLCN'] }, delegations: [narrow], request: request({ amount: new Money('400000000'), unitIds: ['TTKC'] }) }),
      'OUT_OF_SCOPE',
    );
    expect(detail).toContain('vượt hạn mức ủy quyền 300.000.000 VND');
  });
});

describe('formatLimit', () => {
  it('writes VND whole and other currencies with two places', () => {
    expect(formatLimit(new Money('300000000'), 'VND')).toBe('300000000');
    expect(formatLimit(new Money('12.3'), 'USD')).toBe('12.30');
    expect(formatLimit(null, 'VND')).toBeNull();
  });
});
