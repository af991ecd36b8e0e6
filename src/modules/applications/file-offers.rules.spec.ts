import type { Actor, Role } from '../../common/auth/actor';
import { FileStanding, standingOf } from './file-access.rules';
import { OfferFacts, offeredActions } from './file-offers.rules';

const person = (id: string, unitId: string | null, ...roles: Role[]): Actor => ({ id, email: `${id}@x.vn`, fullName: id, roles, unitId });
const file = (facts: Partial<OfferFacts>): OfferFacts => ({
  status: 'draft',
  ownerId: 'owner',
  officerId: null,
  recommendedBy: null,
  initialedBy: null,
  appraisedByMe: false,
  declaredByMe: false,
  mayDecide: false,
  advanceRoom: true,
  paymentRoom: true,
  pendingRequests: false,
  ...facts,
});
/** The file is led by PTV, under the centre TTKC. */
const standing = (actor: Actor, f: OfferFacts, extra: Partial<FileStanding> = {}): FileStanding => ({
  ...standingOf({
    actor,
    file: { ...f, leadUnitId: f.officerId ? 'PTV' : null },
    leadLine: f.officerId ? ['PTV', 'TTKC'] : [],
    consultedUnitIds: [],
    actorInCentre: ['PTV', 'TTKC'].includes(actor.unitId ?? ''),
    decisionDelegate: false,
    routine: [],
  }),
  ...extra,
});
const offers = (actor: Actor, f: OfferFacts, extra: Partial<FileStanding> = {}) => [...offeredActions(actor, f, standing(actor, f, extra))].sort();

describe('offeredActions', () => {
  it('offers a leader the cancellation of an approved or contracted file, but not while a disbursement request waits for finance', () => {
    const leader = person('l', null, 'leader');
    for (const status of ['approved', 'contracted'] as const) {
      expect(offers(leader, file({ status, officerId: 'o1' }))).toContain('cancel');
      expect(offers(leader, file({ status, officerId: 'o1', pendingRequests: true }))).not.toContain('cancel');
    }
  });

  it('offers the owner of a draft editing, submitting, withdrawing and documents; nobody else', () => {
    expect(offers(person('owner', null, 'applicant'), file({}))).toEqual(['edit', 'submit', 'upload', 'withdraw']);
    expect(offers(person('other', null, 'applicant'), file({}))).toEqual([]);
    expect(offers(person('owner', null, 'applicant'), file({ status: 'accepted' }))).toContain('fileSettlement');
    expect(offers(person('owner', null, 'applicant'), file({ status: 'settled' }))).toEqual([]);
  });

  it('offers review steps to the responsible officer only, appraisal once', () => {
    const reviewing = file({ status: 'under_review', officerId: 'o1' });
    expect(offers(person('o1', 'PTV', 'officer'), reviewing)).toEqual(['appraise', 'consult', 'declare', 'recommend', 'return', 'upload']);
    expect(offers(person('o2', 'PTV', 'officer'), reviewing)).toEqual([]);
    expect(offers(person('o9', 'QLCN', 'officer'), reviewing)).toEqual([]);
    expect(offers(person('o1', 'PTV', 'officer'), { ...reviewing, appraisedByMe: true })).not.toContain('appraise');
    expect(offers(person('o1', 'PTV', 'officer'), { ...reviewing, declaredByMe: true })).not.toContain('declare');
    expect(offers(person('o1', 'PTV', 'officer'), { ...reviewing, declaredByMe: true, conflictDeclared: true })).toEqual(['consult', 'return', 'upload']);
    expect(offers(person('o2', 'PTV', 'officer'), file({ status: 'submitted' }))).toContain('return');
  });

  it("lets a head of the lead unit assign and initial, but not initial what they prepared; another unit's head nothing", () => {
    expect(offers(person('h', 'TTKC', 'head'), file({ status: 'submitted' }))).toContain('assign');
    const recommended = file({ status: 'recommended', officerId: 'o1', recommendedBy: 'o1' });
    expect(offers(person('h', 'PTV', 'head'), recommended)).toContain('initial');
    expect(offers(person('h9', 'QLCN', 'head'), recommended)).toEqual([]);
    expect(offers(person('h', 'PTV', 'head', 'officer'), file({ status: 'recommended', officerId: 'h', recommendedBy: 'h' }))).not.toContain('initial');
  });

  it("offers a routine delegate the head's initial, unless the head prepared the file", () => {
    const recommended = file({ status: 'recommended', officerId: 'o1', recommendedBy: 'o1' });
    const delegate = person('o2', 'PTV', 'officer');
    expect(offers(delegate, recommended)).not.toContain('initial');
    expect(offers(delegate, recommended, { routine: [{ userId: 'h', inLeadUnit: true, inLeadLine: true, inCentre: true }] })).toContain('initial');
    expect(offers(delegate, { ...recommended, recommendedBy: 'h' }, { routine: [{ userId: 'h', inLeadUnit: true, inLeadLine: true, inCentre: true }] })).not.toContain('initial');
  });

  it('offers the decision to whoever may decide and took no earlier step', () => {
    const initialed = file({ status: 'initialed', officerId: 'o1', recommendedBy: 'o1', initialedBy: 'h' });
    expect(offers(person('l', null, 'leader'), { ...initialed, mayDecide: true })).toContain('decide');
    expect(offers(person('l', null, 'leader'), initialed)).not.toContain('decide');
    expect(offers(person('h', 'PTV', 'head'), { ...initialed, mayDecide: true })).not.toContain('decide');
  });

  it('offers sending the file back to its officer: the head a recommendation, a leader an initialed file', () => {
    const recommended = file({ status: 'recommended', officerId: 'o1', recommendedBy: 'o1' });
    const initialed = file({ status: 'initialed', officerId: 'o1', recommendedBy: 'o1', initialedBy: 'h' });
    expect(offers(person('h', 'PTV', 'head'), recommended)).toContain('sendBack');
    expect(offers(person('h', 'PTV', 'head'), initialed)).not.toContain('sendBack');
    expect(offers(person('l', null, 'leader'), initialed)).toContain('sendBack');
    expect(offers(person('l', null, 'leader'), recommended)).not.toContain('sendBack');
    expect(offers(person('o1', 'PTV', 'officer'), recommended)).not.toContain('sendBack');
    expect(offers(person('h', 'PTV', 'head'), file({ status: 'under_review', officerId: 'o1' }))).not.toContain('sendBack');
  });

  it('offers the decision on a request for more time to those who consult on the file, while one awaits', () => {
    const asked = file({ status: 'under_review', officerId: 'o1', extensionAwaiting: true });
    expect(offers(person('o1', 'PTV', 'officer'), asked)).toContain('decideExtension');
    expect(offers(person('h', 'PTV', 'head'), asked)).toContain('decideExtension');
    // Even once the file has moved on: the consultation is still open.
    expect(offers(person('o1', 'PTV', 'officer'), { ...asked, status: 'initialed' })).toContain('decideExtension');
    expect(offers(person('o1', 'PTV', 'officer'), { ...asked, extensionAwaiting: false })).not.toContain('decideExtension');
    expect(offers(person('o2', 'PTV', 'officer'), asked)).not.toContain('decideExtension');
    expect(offers(person('h9', 'TV', 'head'), asked, { consulted: true })).not.toContain('decideExtension');
    expect(offers(person('l', null, 'leader'), asked)).not.toContain('decideExtension');
  });

  it('offers money steps to those who act on the file, by its state', () => {
    expect(offers(person('o1', 'PTV', 'officer'), file({ status: 'approved', officerId: 'o1' }))).toEqual(['contract', 'declare', 'requestAdvance', 'upload']);
    expect(offers(person('o2', 'PTV', 'officer'), file({ status: 'approved', officerId: 'o1' }))).toEqual([]);
    expect(offers(person('f', null, 'finance'), file({ status: 'accepted', officerId: 'o1' }))).toEqual(['requestPayment']);
    expect(offers(person('a', null, 'auditor'), file({ status: 'approved', officerId: 'o1' }))).toEqual([]);
  });

  it('offers no request that can only be refused: an advance once the limit is used up, a payment the settlement already opened', () => {
    const officer = person('o1', 'PTV', 'officer');
    expect(offers(officer, file({ status: 'contracted', officerId: 'o1', advanceRoom: false }))).not.toContain('requestAdvance');
    expect(offers(officer, file({ status: 'contracted', officerId: 'o1', advanceRoom: true }))).toContain('requestAdvance');
    // The settlement's final payment holds what is left of the commitment: nothing more to ask for.
    expect(offers(officer, file({ status: 'settlement_submitted', officerId: 'o1', paymentRoom: false }))).not.toContain('requestPayment');
    expect(offers(officer, file({ status: 'accepted', officerId: 'o1', paymentRoom: true }))).toContain('requestPayment');
    expect(offers(person('f', null, 'finance'), file({ status: 'accepted', officerId: 'o1', paymentRoom: false }))).toEqual([]);
    // Room for one kind does not offer the other.
    expect(offers(officer, file({ status: 'contracted', officerId: 'o1', advanceRoom: false, paymentRoom: true }))).not.toContain('requestPayment');
  });
});
