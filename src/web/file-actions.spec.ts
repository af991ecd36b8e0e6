import type { Actor, Role } from '../common/auth/actor';
import { availableActions, FileFacts } from './file-actions';

const person = (id: string, ...roles: Role[]): Actor => ({ id, email: `${id}@x.vn`, fullName: id, roles, unitId: null });
const file = (facts: Partial<FileFacts>): FileFacts => ({
  status: 'draft',
  ownerId: 'owner',
  officerId: null,
  recommendedBy: null,
  initialedBy: null,
  appraisedByMe: false,
  mayDecide: false,
  ...facts,
});

describe('availableActions', () => {
  it('offers the owner of a draft editing, submitting, withdrawing and documents; nobody else', () => {
    expect([...availableActions(person('owner', 'applicant'), file({}))].sort()).toEqual(['edit', 'submit', 'upload', 'withdraw']);
    expect([...availableActions(person('other', 'applicant'), file({}))]).toEqual([]);
    expect(availableActions(person('owner', 'applicant'), file({ status: 'accepted' })).has('fileSettlement')).toBe(true);
    expect(availableActions(person('owner', 'applicant'), file({ status: 'settled' })).size).toBe(0);
  });

  it('offers review steps to the assigned officer only, appraisal once', () => {
    const reviewing = file({ status: 'under_review', officerId: 'o1' });
    expect([...availableActions(person('o1', 'officer'), reviewing)].sort()).toEqual(['appraise', 'consult', 'recommend', 'return', 'upload']);
    expect([...availableActions(person('o2', 'officer'), reviewing)].sort()).toEqual(['appraise', 'upload']);
    expect(availableActions(person('o1', 'officer'), { ...reviewing, appraisedByMe: true }).has('appraise')).toBe(false);
    expect(availableActions(person('o2', 'officer'), file({ status: 'submitted' })).has('return')).toBe(true);
  });

  it('lets a head assign and initial, but not initial what they prepared', () => {
    expect(availableActions(person('h', 'head'), file({ status: 'submitted' })).has('assign')).toBe(true);
    expect(availableActions(person('h', 'head'), file({ status: 'recommended', officerId: 'o1', recommendedBy: 'o1' })).has('initial')).toBe(true);
    expect(availableActions(person('h', 'head', 'officer'), file({ status: 'recommended', officerId: 'h', recommendedBy: 'h' })).has('initial')).toBe(false);
  });

  it('offers the decision to whoever may decide and took no earlier step', () => {
    const initialed = file({ status: 'initialed', officerId: 'o1', recommendedBy: 'o1', initialedBy: 'h' });
    expect(availableActions(person('l', 'leader'), { ...initialed, mayDecide: true }).has('decide')).toBe(true);
    expect(availableActions(person('l', 'leader'), initialed).has('decide')).toBe(false);
    expect(availableActions(person('h', 'head'), { ...initialed, mayDecide: true }).has('decide')).toBe(false);
  });

  it('offers money steps by the state of the file', () => {
    expect([...availableActions(person('o', 'officer'), file({ status: 'approved' }))].sort()).toEqual(['contract', 'requestAdvance', 'upload']);
    expect([...availableActions(person('f', 'finance'), file({ status: 'accepted' }))]).toEqual(['requestPayment']);
    expect(availableActions(person('a', 'auditor'), file({ status: 'approved' })).size).toBe(0);
  });
});
