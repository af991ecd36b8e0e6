import { Money } from '../../common/money/decimal';
import { approvedSupportProblem, assignActionFor, capacityFor, consultationState, counterpartFunding, daysOverdue, lineAmount, nextStatus, submissionProblems, submitActionFor, supportLimit, totalsOf, WORKFLOW_ACTIONS, WorkflowAction, WorkflowRole } from './applications.rules';
import { APPLICATION_STATUSES, ApplicationStatus } from './application-statuses';
import { ApplicationError } from './applications.error';

const ROLES: WorkflowRole[] = ['applicant', 'officer', 'head', 'leader', 'delegated', 'finance'];
const m = (v: string) => new Money(v);

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
    return: [['officer'], 'needs_supplement'],
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
    return: [['officer'], 'needs_supplement'],
    consult: [['officer'], 'under_review'],
    appraise: [['officer', 'head'], 'under_review'],
    recommend: [['officer'], 'recommended'],
    withdraw: [['applicant'], 'withdrawn'],
  },
  recommended: {
    initial: [['head'], 'initialed'],
    withdraw: [['applicant'], 'withdrawn'],
  },
  initialed: {
    approve: [['leader', 'delegated'], 'approved'],
    reject: [['leader', 'delegated'], 'rejected'],
    withdraw: [['applicant'], 'withdrawn'],
  },
  approved: {
    cancel: [['leader'], 'cancelled'],
    contract: [['officer'], 'contracted'],
  },
  rejected: {},
  contracted: {
    cancel: [['leader'], 'cancelled'],
    accept: [['officer'], 'accepted'],
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

describe('support figures', () => {
  const demo = { supportRate: m('0.3'), supportCap: m('1000000000') };

  it('matches the worked examples of DOMAIN.md', () => {
    const line = (unitPrice: string, eligible = true) => ({ quantity: m('1'), unitPrice: m(unitPrice), eligible });
    const demoTotals = totalsOf({ lines: [line('2500000000'), line('300000000', false)], rule: demo, currency: 'VND' });
    expect(demoTotals.totalCost.toFixed()).toBe('2800000000');
    expect(demoTotals.eligibleCost.toFixed()).toBe('2500000000');
    expect(demoTotals.maxSupport.toFixed()).toBe('750000000');
    expect(totalsOf({ lines: [line('4000000000')], rule: demo, currency: 'VND' }).maxSupport.toFixed()).toBe('1000000000');
    const machinery = { supportRate: m('0.5'), supportCap: m('300000000') };
    expect(totalsOf({ lines: [line('800000000')], rule: machinery, currency: 'VND' }).maxSupport.toFixed()).toBe('300000000');
  });

  it('rounds line amounts and support down to whole đồng', () => {
    expect(lineAmount({ quantity: m('1.5'), unitPrice: m('333'), currency: 'VND' }).toFixed()).toBe('499');
    expect(lineAmount({ quantity: m('2.5'), unitPrice: m('10.01'), currency: 'USD' }).toFixed()).toBe('25.02');
    expect(supportLimit({ supportRate: m('0.3'), supportCap: null, eligibleCost: m('333'), currency: 'VND' }).toFixed()).toBe('99');
  });

  it('has no cap when the rule sets it per decision', () => {
    expect(supportLimit({ supportRate: m('1'), supportCap: null, eligibleCost: m('7000000000'), currency: 'VND' }).toFixed()).toBe('7000000000');
  });

  it('refuses a line past 18 integer digits, naming it', () => {
    expect(() =>
      totalsOf({ lines: [{ quantity: m('1000'), unitPrice: m('999999999999999999'), eligible: true }], rule: demo, currency: 'VND' }),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'costLines[0].unitPrice' })] }));
  });

  it('counterpart funding is the cost the support does not cover', () => {
    expect(counterpartFunding({ totalCost: m('2800000000'), support: m('750000000') }).toFixed()).toBe('2050000000');
    expect(counterpartFunding({ totalCost: m('100'), support: null }).toFixed()).toBe('100');
  });
});

describe('submissionProblems', () => {
  const complete = {
    title: 'Mô hình',
    communeCode: '29263',
    startDate: '2026-03-01',
    endDate: '2026-09-30',
    costLineCount: 1,
    eligibleCost: m('2500000000'),
    maxSupport: m('750000000'),
    requestedSupport: m('750000000'),
    currency: 'VND',
  };

  it('accepts a complete file asking no more than the maximum', () => {
    expect(submissionProblems(complete)).toEqual([]);
  });

  it('names every missing field and a request over the maximum', () => {
    expect(submissionProblems({ ...complete, requestedSupport: m('750000001') })).toEqual([
      { field: 'requestedSupport', message: 'vượt quá mức hỗ trợ tối đa 750.000.000 ₫' },
    ]);
    const fields = submissionProblems({ ...complete, communeCode: null, startDate: null, costLineCount: 0, requestedSupport: null }).map((p) => p.field);
    expect(fields).toEqual(['communeCode', 'startDate', 'costLines', 'requestedSupport']);
    expect(submissionProblems({ ...complete, endDate: '2026-01-01' }).map((p) => p.field)).toEqual(['endDate']);
  });
});

describe('approvedSupportProblem', () => {
  it('allows up to the maximum and the request, refuses beyond either', () => {
    const base = { maxSupport: m('750000000'), requestedSupport: m('700000000'), currency: 'VND' };
    expect(approvedSupportProblem({ ...base, approvedSupport: m('700000000') })).toBeNull();
    expect(approvedSupportProblem({ ...base, approvedSupport: m('700000001') })?.code).toBe('LIMIT_EXCEEDED');
    expect(approvedSupportProblem({ ...base, requestedSupport: null, approvedSupport: m('750000001') })?.code).toBe('LIMIT_EXCEEDED');
  });
});

describe('consultationState: silent consent', () => {
  it('is open until the due date, then silent agreement; an answer stands', () => {
    expect(consultationState({ opinion: null, dueDate: '2026-04-10', today: '2026-04-10' })).toEqual({ status: 'open', opinion: null, silent: false });
    expect(consultationState({ opinion: null, dueDate: '2026-04-10', today: '2026-04-11' })).toEqual({ status: 'silent', opinion: 'agree', silent: true });
    expect(consultationState({ opinion: 'disagree', dueDate: '2026-04-10', today: '2026-05-01' })).toEqual({
      status: 'answered',
      opinion: 'disagree',
      silent: false,
    });
  });
});

describe('daysOverdue', () => {
  it('counts whole days past the due date', () => {
    expect(daysOverdue({ dueDate: '2026-04-10', today: '2026-04-10' })).toBe(0);
    expect(daysOverdue({ dueDate: '2026-04-10', today: '2026-04-13' })).toBe(3);
    expect(daysOverdue({ dueDate: '2026-04-10', today: '2026-04-01' })).toBe(0);
  });
});
