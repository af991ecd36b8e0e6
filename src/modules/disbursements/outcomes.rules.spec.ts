import fc from 'fast-check';
import type { AcceptanceOutcomes } from './disbursements.labels';
import { MAX_OUTCOME, outcomesProblems } from './outcomes.rules';

const outcomes = (over: Partial<AcceptanceOutcomes> = {}): AcceptanceOutcomes => ({ jobsCreated: 12, jobsKept: 30, womenWorkers: 25, disabledWorkers: 2, trainees: 40, modelsBuilt: 1, ...over });

describe('outcomesProblems', () => {
  it('takes a passed acceptance with or without outcomes, and a failed one without', () => {
    expect(outcomesProblems({ result: 'passed', outcomes: outcomes() })).toEqual([]);
    expect(outcomesProblems({ result: 'passed' })).toEqual([]);
    expect(outcomesProblems({ result: 'failed', outcomes: null })).toEqual([]);
    expect(outcomesProblems({ result: 'passed', outcomes: outcomes({ jobsCreated: 0, jobsKept: 0, womenWorkers: 0, disabledWorkers: 0, trainees: 0, modelsBuilt: 0 }) })).toEqual([]);
  });

  it('refuses outcomes on a failed acceptance', () => {
    expect(outcomesProblems({ result: 'failed', outcomes: outcomes() })).toEqual([{ field: 'outcomes', message: 'chỉ ghi kết quả của đề án khi nghiệm thu đạt' }]);
  });

  it('refuses more women or disabled workers than workers, naming each field', () => {
    const errors = outcomesProblems({ result: 'passed', outcomes: outcomes({ jobsCreated: 3, jobsKept: 2, womenWorkers: 6, disabledWorkers: 6 }) });
    expect(errors.map((e) => e.field)).toEqual(['outcomes.womenWorkers', 'outcomes.disabledWorkers']);
    expect(errors[0].message).toMatch(/\(5\)/);
    expect(outcomesProblems({ result: 'passed', outcomes: outcomes({ jobsCreated: 3, jobsKept: 2, womenWorkers: 5, disabledWorkers: 5 }) })).toEqual([]);
  });

  it('finds a problem exactly when a subgroup is larger than the workers', () => {
    const n = fc.integer({ min: 0, max: MAX_OUTCOME });
    fc.assert(
      fc.property(fc.record({ jobsCreated: n, jobsKept: n, womenWorkers: n, disabledWorkers: n, trainees: n, modelsBuilt: n }), (o) => {
        const workers = o.jobsCreated + o.jobsKept;
        const expected = (o.womenWorkers > workers ? 1 : 0) + (o.disabledWorkers > workers ? 1 : 0);
        expect(outcomesProblems({ result: 'passed', outcomes: o })).toHaveLength(expected);
      }),
    );
  });
});
