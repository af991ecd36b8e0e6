import { APPLICATION_STATUSES, ApplicationStatus } from './application-statuses';
import { ApplicationError } from './applications.error';
import { assignActionFor, capacityFor, nextStatus, recommendationRefusal, submitActionFor, WORKFLOW_ACTIONS, WorkflowAction, WorkflowRole } from './workflow.rules';

const ROLES: WorkflowRole[] = ['applicant', 'officer', 'head', 'leader', 'delegated', 'finance'];

/**
 * The contract's state machine written out independently of the table: for each state, the
 * actions allowed, by whom, and where they lead. Every other (state, action) pair is refused.
 */
const EXPECTED: Record<ApplicationStatus, Partial<Record<WorkflowAction, [WorkflowRole[], ApplicationStatus]>>> = {
  draft: {
    edit: [['applicant'], 'draft'],
    submit: [['applicant'], 'submitted'],
    withdraw: [['applicant'], 'withdrawn'],
  },
  submitted: {
    assign: [['head'], 'under_review'],
    return: [['officer', 'head'], 'needs_supplement'],
    withdraw: [['applicant'], 'withdrawn'],
  },
  needs_supplement: {
    edit: [['applicant'], 'needs_supplement'],
    submit: [['applicant'], 'submitted'],
    resubmit: [['applicant'], 'under_review'],
    reassign_officer: [['head', 'leader'], 'needs_supplement'],
    reassign: [['leader'], 'needs_supplement'],
    withdraw: [['applicant'], 'withdrawn'],
  },
  under_review: {
    reassign_officer: [['head', 'leader'], 'under_review'],
    reassign: [['leader'], 'under_review'],
    return: [['officer', 'head'], 'needs_supplement'],
    consult: [['officer', 'head'], 'under_review'],
    appraise: [['officer', 'head'], 'under_review'],
    recommend: [['officer', 'head'], 'recommended'],
    withdraw: [['applicant'], 'withdrawn'],
  },
  recommended: {
    initial: [['head'], 'initialed'],
    send_back: [['head'], 'under_review'],
    withdraw: [['applicant'], 'withdrawn'],
  },
  initialed: {
    send_back: [['leader'], 'under_review'],
    approve: [['leader', 'delegated'], 'approved'],
    reject: [['leader', 'delegated'], 'rejected'],
    withdraw: [['applicant'], 'withdrawn'],
  },
  approved: {
    cancel: [['leader'], 'cancelled'],
    contract: [['officer', 'head'], 'contracted'],
  },
  rejected: {},
  contracted: {
    cancel: [['leader'], 'cancelled'],
    accept: [['officer', 'head'], 'accepted'],
  },
  accepted: {
    submit_settlement: [['applicant'], 'settlement_submitted'],
  },
  settlement_submitted: {
    settle: [['leader', 'finance'], 'settled'],
  },
  settled: {},
  withdrawn: {},
  cancelled: {},
};

function outcome(from: ApplicationStatus, action: WorkflowAction, role: WorkflowRole): string {
  try {
    return nextStatus({ from, action, role });
  } catch (error) {
    expect(error).toBeInstanceOf(ApplicationError);
    return (error as ApplicationError).code;
  }
}

describe('the transition table', () => {
  const pairs = APPLICATION_STATUSES.flatMap((from) => WORKFLOW_ACTIONS.map((action) => [from, action] as const));

  it.each(pairs)('%s + %s', (from, action) => {
    const expected = EXPECTED[from][action];
    for (const role of ROLES) {
      const got = outcome(from, action, role);
      if (!expected) expect(got).toBe('INVALID_STATE');
      else if (expected[0].includes(role)) expect(got).toBe(expected[1]);
      else expect(got).toBe('FORBIDDEN');
    }
  });

  it('covers every state and action (a new one must be added to the expectations)', () => {
    expect(pairs).toHaveLength(APPLICATION_STATUSES.length * WORKFLOW_ACTIONS.length);
    expect(Object.keys(EXPECTED).sort()).toEqual([...APPLICATION_STATUSES].sort());
  });

  it('terminal states accept nothing', () => {
    for (const from of ['rejected', 'settled', 'withdrawn', 'cancelled'] as const) {
      for (const action of WORKFLOW_ACTIONS) for (const role of ROLES) expect(outcome(from, action, role)).toBe('INVALID_STATE');
    }
  });
});

describe('capacityFor', () => {
  it('takes the first of the actor roles that may ever take the action', () => {
    expect(capacityFor({ action: 'initial', roles: ['officer', 'head'] })).toBe('head');
    expect(capacityFor({ action: 'appraise', roles: ['head', 'officer'] })).toBe('officer');
    expect(() => capacityFor({ action: 'assign', roles: ['officer', 'applicant'] })).toThrow(ApplicationError);
  });
});

describe('submitActionFor and assignActionFor', () => {
  it('sends a supplemented file back to its officer when it had one', () => {
    expect(submitActionFor({ officerId: null })).toBe('submit');
    expect(submitActionFor({ officerId: 'X' })).toBe('resubmit');
  });

  it('tells a first assignment, an officer change, and a lead unit or due date change apart', () => {
    const requested = { officerId: 'O1', leadUnitId: 'U1', dueDate: '2026-05-01' };
    expect(assignActionFor({ current: { officerId: null, leadUnitId: null, dueDate: null }, requested })).toBe('assign');
    expect(assignActionFor({ current: { ...requested }, requested })).toBeNull();
    expect(assignActionFor({ current: { ...requested, officerId: 'O2' }, requested })).toBe('reassign_officer');
    expect(assignActionFor({ current: { ...requested, leadUnitId: 'U2' }, requested })).toBe('reassign');
    expect(assignActionFor({ current: { ...requested, dueDate: '2026-04-01' }, requested })).toBe('reassign');
  });
});

describe('appraisal before recommendation', () => {
  it('refuses a recommendation with no appraisal and no stated reason (409 INVALID_STATE)', () => {
    expect(recommendationRefusal({ appraisals: 0 })).toMatchObject({ code: 'INVALID_STATE', detail: expect.stringContaining('chưa có thẩm định') });
    // The refusal is read by people: it names the form's field in Vietnamese, never the API's camelCase name.
    expect(recommendationRefusal({ appraisals: 0 })!.detail).not.toMatch(/\b[a-z]+[A-Z][A-Za-z]*\b/);
    expect(recommendationRefusal({ appraisals: 0 })!.detail).toContain('Lý do đề xuất khi chưa thẩm định');
    expect(recommendationRefusal({ appraisals: 0, skipAppraisalReason: '   ' })).toMatchObject({ code: 'INVALID_STATE' });
    expect(recommendationRefusal({ appraisals: 0, skipAppraisalReason: null })).toMatchObject({ code: 'INVALID_STATE' });
  });

  it('lets it go ahead after an appraisal, or with a reason to skip it', () => {
    expect(recommendationRefusal({ appraisals: 1 })).toBeNull();
    expect(recommendationRefusal({ appraisals: 2, skipAppraisalReason: '' })).toBeNull();
    expect(recommendationRefusal({ appraisals: 0, skipAppraisalReason: 'Hồ sơ nhắc lại đề án đã thẩm định năm trước' })).toBeNull();
  });
});
