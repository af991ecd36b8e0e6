import fc from 'fast-check';
import type { Actor, Role } from '../../common/auth/actor';
import { ROLES } from '../../common/auth/actor';
import { APPLICATION_STATUSES } from './application-statuses';
import { actingRight, FileAct, FileAccessFacts, initialingUnitIds, maySee, RoutinePrincipal, standingOf, visibleFilesCondition } from './file-access.rules';

const person = (id: string, unitId: string | null, ...roles: Role[]): Actor => ({ id, email: `${id}@x.vn`, fullName: id, roles, unitId });
/** TTKC (centre) ⊃ PTV (the lead unit); QLCN elsewhere; TV consulted. */
const LEAD_LINE = ['PTV', 'TTKC', 'SCT'];
const file = (facts: Partial<FileAccessFacts> = {}): FileAccessFacts => ({ ownerId: 'owner', officerId: 'o1', leadUnitId: 'PTV', status: 'under_review', ...facts });
const standing = (actor: Actor, f = file(), extra: { consulted?: string[]; inCentre?: boolean; delegate?: boolean; routine?: RoutinePrincipal[] } = {}) =>
  standingOf({
    actor,
    file: f,
    leadLine: f.leadUnitId ? LEAD_LINE : [],
    consultedUnitIds: extra.consulted ?? [],
    actorInCentre: extra.inCentre ?? ['PTV', 'TTKC'].includes(actor.unitId ?? ''),
    decisionDelegate: extra.delegate ?? false,
    routine: extra.routine ?? [],
  });
const right = (act: FileAct, actor: Actor, f = file(), extra = {}) => actingRight(act, actor, standing(actor, f, extra), f);

describe('who sees a file', () => {
  it('shows it to its owner, the province, the lead line, the responsible officer and the consulted units', () => {
    expect(maySee(standing(person('owner', null, 'applicant')))).toBe(true);
    expect(maySee(standing(person('other', null, 'applicant')))).toBe(false);
    for (const role of ['leader', 'finance', 'auditor'] as Role[]) expect(maySee(standing(person('p', null, role)))).toBe(true);
    expect(maySee(standing(person('o2', 'PTV', 'officer')))).toBe(true);
    expect(maySee(standing(person('h0', 'TTKC', 'head')))).toBe(true);
    expect(maySee(standing(person('o9', 'QLCN', 'officer')))).toBe(false);
    expect(maySee(standing(person('o9', 'QLCN', 'officer'), file(), { consulted: ['QLCN'] }))).toBe(true);
    expect(maySee(standing(person('o1', 'QLCN', 'officer')))).toBe(true);
    expect(maySee(standing(person('admin', null, 'admin')))).toBe(false);
    expect(maySee(standing(person('d', 'QLCN', 'head'), file(), { delegate: true }))).toBe(true);
  });

  it("puts the intake queue before the centre's heads and officers only", () => {
    const intake = file({ status: 'submitted', officerId: null, leadUnitId: null });
    expect(maySee(standing(person('o2', 'PTV', 'officer'), intake))).toBe(true);
    expect(maySee(standing(person('h', 'TTKC', 'head'), intake))).toBe(true);
    expect(maySee(standing(person('o9', 'QLCN', 'officer'), intake, { inCentre: false }))).toBe(false);
    expect(maySee(standing(person('a', 'TTKC', 'admin'), intake))).toBe(false);
  });
});

describe('who acts on a file', () => {
  it('gives the review steps to the responsible officer and the heads of the lead unit', () => {
    for (const act of ['consult', 'decide_extension', 'appraise', 'recommend', 'contract', 'accept', 'upload', 'request_payment', 'return'] as FileAct[]) {
      expect(right(act, person('o1', 'PTV', 'officer'))).toEqual({ allowed: true, onBehalfOf: null });
      expect(right(act, person('h', 'PTV', 'head'))).toEqual({ allowed: true, onBehalfOf: null });
      expect(right(act, person('o2', 'PTV', 'officer'))).toEqual({ allowed: false, refusal: 'not_assigned' });
      expect(right(act, person('o9', 'QLCN', 'officer'))).toEqual({ allowed: false, refusal: 'hidden' });
      expect(right(act, person('h9', 'QLCN', 'head'), file(), { consulted: ['QLCN'] })).toEqual({ allowed: false, refusal: 'not_assigned' });
    }
  });

  it('lets finance ask for payments, and refuses roles that never take a step before reading the file', () => {
    expect(right('request_payment', person('f', null, 'finance'))).toEqual({ allowed: true, onBehalfOf: null });
    expect(right('contract', person('f', null, 'finance'))).toEqual({ allowed: false, refusal: 'forbidden' });
    expect(right('initial', person('a', null, 'auditor'))).toEqual({ allowed: false, refusal: 'forbidden' });
    expect(right('appraise', person('owner', null, 'applicant'))).toEqual({ allowed: false, refusal: 'forbidden' });
    expect(right('upload', person('owner', null, 'applicant'))).toEqual({ allowed: true, onBehalfOf: null });
  });

  it("gives the initial and assignment to the lead unit's heads, or their routine delegate for them", () => {
    expect(right('initial', person('h', 'PTV', 'head'))).toEqual({ allowed: true, onBehalfOf: null });
    expect(right('initial', person('h9', 'QLCN', 'head'))).toEqual({ allowed: false, refusal: 'hidden' });
    // The head of the unit above assigns and returns, but the file's own steps are the lead unit's.
    const above = person('h0', 'TTKC', 'head');
    expect(right('initial', above)).toEqual({ allowed: false, refusal: 'not_assigned' });
    expect(right('recommend', above)).toEqual({ allowed: false, refusal: 'not_assigned' });
    expect(right('assign', above)).toEqual({ allowed: true, onBehalfOf: null });
    expect(right('return', above)).toEqual({ allowed: true, onBehalfOf: null });
    // A leader changes an assignment made, but the intake queue is the centre heads' to assign.
    expect(right('assign', person('l', null, 'leader'), file({ status: 'submitted', officerId: null, leadUnitId: null }))).toEqual({ allowed: false, refusal: 'not_assigned' });
    const delegate = person('o2', 'PTV', 'officer');
    expect(right('initial', delegate)).toEqual({ allowed: false, refusal: 'not_assigned' });
    expect(right('initial', delegate, file(), { routine: [{ userId: 'h', inLeadUnit: true, inLeadLine: true, inCentre: true }] })).toEqual({ allowed: true, onBehalfOf: 'h' });
    expect(right('assign', delegate, file(), { routine: [{ userId: 'h', inLeadUnit: true, inLeadLine: true, inCentre: true }] })).toEqual({ allowed: true, onBehalfOf: 'h' });
    expect(right('assign', person('h', 'PTV', 'head'))).toEqual({ allowed: true, onBehalfOf: null });
    expect(right('assign', person('l', null, 'leader'))).toEqual({ allowed: true, onBehalfOf: null });
    const intake = file({ status: 'submitted', officerId: null, leadUnitId: null });
    expect(right('assign', person('h', 'TTKC', 'head'), intake)).toEqual({ allowed: true, onBehalfOf: null });
    expect(right('assign', person('o2', 'PTV', 'officer'), intake)).toEqual({ allowed: false, refusal: 'not_assigned' });
    expect(right('return', person('o2', 'PTV', 'officer'), intake)).toEqual({ allowed: true, onBehalfOf: null });
  });

  it('lets a head of the lead unit send a recommended file back, and a leader an initialed one', () => {
    const recommended = file({ status: 'recommended' });
    const initialed = file({ status: 'initialed' });
    const head = person('h', 'PTV', 'head');
    const leader = person('l', null, 'leader');
    expect(right('send_back', head, recommended)).toEqual({ allowed: true, onBehalfOf: null });
    // A head above the lead unit does not initial the file, so does not send it back either.
    expect(right('send_back', person('h0', 'TTKC', 'head'), recommended)).toEqual({ allowed: false, refusal: 'not_assigned' });
    expect(right('send_back', leader, initialed)).toEqual({ allowed: true, onBehalfOf: null });
    // Not the one whose step comes next.
    expect(right('send_back', head, initialed)).toEqual({ allowed: false, refusal: 'not_assigned' });
    expect(right('send_back', leader, recommended)).toEqual({ allowed: false, refusal: 'not_assigned' });
    expect(right('send_back', person('h9', 'QLCN', 'head'), recommended, { consulted: ['QLCN'] })).toEqual({ allowed: false, refusal: 'not_assigned' });
    expect(right('send_back', person('h9', 'QLCN', 'head'), recommended)).toEqual({ allowed: false, refusal: 'hidden' });
    // Officers (even the responsible one), finance and producers never send a file back.
    expect(right('send_back', person('o1', 'PTV', 'officer'), recommended)).toEqual({ allowed: false, refusal: 'forbidden' });
    expect(right('send_back', person('f', null, 'finance'), initialed)).toEqual({ allowed: false, refusal: 'forbidden' });
    expect(right('send_back', person('owner', null, 'applicant'), initialed)).toEqual({ allowed: false, refusal: 'forbidden' });
    // Another state: the person may ask, and the workflow refuses the state (409).
    expect(right('send_back', head, file({ status: 'approved' }))).toEqual({ allowed: true, onBehalfOf: null });
  });

  it('never lets anyone act on a file they cannot see, and only a routine delegate acts for someone else', () => {
    const acts: FileAct[] = ['assign', 'return', 'consult', 'decide_extension', 'appraise', 'recommend', 'initial', 'send_back', 'contract', 'accept', 'upload', 'request_payment', 'declare'];
    const units = fc.constantFrom<string | null>(null, 'PTV', 'TTKC', 'QLCN', 'SCT');
    fc.assert(
      fc.property(
        fc.subarray([...ROLES], { minLength: 1 }),
        units,
        fc.constantFrom(...APPLICATION_STATUSES),
        fc.constantFrom<string | null>(null, 'me', 'o1'),
        fc.constantFrom<string | null>(null, 'PTV', 'QLCN'),
        fc.subarray(['PTV', 'QLCN', 'TV']),
        fc.boolean(),
        fc.array(fc.record({ userId: fc.constantFrom('h', 'h2'), inLeadLine: fc.boolean(), inCentre: fc.boolean() }), { maxLength: 2 }),
        fc.constantFrom(...acts),
        (roles, unitId, status, officerId, leadUnitId, consulted, delegate, routine, act) => {
          const actor = person('me', unitId, ...(roles as Role[]));
          const f = file({ status, officerId, leadUnitId });
          const s = standing(actor, f, { consulted, delegate, routine });
          const r = actingRight(act, actor, s, f);
          if (r.allowed) {
            expect(maySee(s)).toBe(true);
            if (r.onBehalfOf !== null) expect(routine.map((p) => p.userId)).toContain(r.onBehalfOf);
          }
        },
      ),
    );
  });
});

describe('the same rule in SQL for lists', () => {
  it('lets the province see everything and narrows everyone else to their units, their files, their consultations and the intake queue', () => {
    expect(visibleFilesCondition('a', { actorId: 'me', all: true, unitIds: [], unitId: null, intake: false }).sql).toBe('1 = 1');
    const { sql, params } = visibleFilesCondition('a', { actorId: 'me', all: false, unitIds: ['PTV'], unitId: 'PTV', intake: true });
    expect(sql).toContain('a.lead_unit_id IN (:...scopeUnits)');
    expect(sql).toContain('a.officer_id = :scopeActor');
    expect(sql).toContain('consultations');
    expect(sql).toContain("a.status = 'submitted' AND a.officer_id IS NULL");
    expect(params).toEqual({ scopeActor: 'me', scopeUnits: ['PTV'], scopeUnit: 'PTV' });
    expect(visibleFilesCondition('a', { actorId: 'me', all: false, unitIds: [], unitId: null, intake: false }).sql).not.toContain('lead_unit_id');
  });
});

describe('whose initial a file waits for (the heads’ queue)', () => {
  it("keeps a head's own unit and the units of the heads who handed them routine work, never a unit above", () => {
    expect(initialingUnitIds({ actor: { roles: ['head'], unitId: 'TTKC' }, routineUnitIds: [] })).toEqual(['TTKC']);
    expect(initialingUnitIds({ actor: { roles: ['officer'], unitId: 'PTV' }, routineUnitIds: [] })).toEqual([]);
    expect(initialingUnitIds({ actor: { roles: ['officer'], unitId: 'PTV' }, routineUnitIds: ['PTV', null, 'PTV'] })).toEqual(['PTV']);
    expect(initialingUnitIds({ actor: { roles: ['head'], unitId: null }, routineUnitIds: [] })).toEqual([]);
  });

  it('says what actingRight says of the initial, for a file led by PTV', () => {
    const recommended = file({ status: 'recommended' });
    for (const unit of ['PTV', 'TTKC', 'QLCN']) {
      for (const role of ['head', 'officer'] as const) {
        for (const routine of [[], [{ userId: 'h', inLeadUnit: unit === 'PTV', inLeadLine: unit === 'PTV', inCentre: true }]]) {
          const actor = person('x', unit, role);
          const allowed = right('initial', actor, recommended, { routine }).allowed;
          const units = initialingUnitIds({ actor, routineUnitIds: routine.map(() => unit) });
          expect({ unit, role, routine: routine.length, listed: units.includes('PTV') }).toEqual({ unit, role, routine: routine.length, listed: allowed });
        }
      }
    }
  });
});
