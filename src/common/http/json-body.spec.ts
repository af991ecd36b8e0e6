import fc from 'fast-check';
import { jsonBodyProblem, MAX_JSON_DEPTH, MAX_JSON_VALUES } from './json-body';

const nested = (levels: number, open: '[' | '{') =>
  JSON.parse(open === '[' ? '['.repeat(levels) + ']'.repeat(levels) : '{"a":'.repeat(levels - 1) + '{}' + '}'.repeat(levels - 1));

describe('jsonBodyProblem', () => {
  it('takes no body, and objects as the API sends them', () => {
    expect(jsonBodyProblem(undefined)).toBeNull();
    expect(jsonBodyProblem({})).toBeNull();
    expect(jsonBodyProblem({ actualCostLines: [{ description: 'Máy', amount: '1', eligible: true }] })).toBeNull();
  });

  it('refuses a body that is not an object, naming the body', () => {
    for (const body of [[], [1, 2], null, 'text', 5, true]) {
      expect(jsonBodyProblem(body)).toEqual({ field: 'body', message: expect.stringContaining('đối tượng JSON') });
    }
  });

  it('refuses nesting past the bound, however deep, without recursing', () => {
    expect(jsonBodyProblem({ a: nested(MAX_JSON_DEPTH - 1, '{') })).toBeNull();
    expect(jsonBodyProblem({ a: nested(MAX_JSON_DEPTH, '{') })?.message).toContain('lồng quá sâu');
    expect(jsonBodyProblem({ a: nested(MAX_JSON_DEPTH, '[') })?.message).toContain('lồng quá sâu');
    expect(jsonBodyProblem({ a: nested(200_000, '[') })?.message).toContain('lồng quá sâu');
  });

  it('refuses more values than the bound', () => {
    expect(jsonBodyProblem({ a: new Array(MAX_JSON_VALUES - 2).fill(1) })).toBeNull();
    expect(jsonBodyProblem({ a: new Array(MAX_JSON_VALUES).fill(1) })?.message).toContain('quá nhiều giá trị');
    expect(jsonBodyProblem({ a: Array.from({ length: MAX_JSON_VALUES }, () => ({})) })?.message).toContain('quá nhiều giá trị');
  });

  it('refuses text that is not well-formed Unicode, naming the field', () => {
    expect(jsonBodyProblem({ email: 'a\ud800@b.vn' })).toEqual({ field: 'email', message: 'không phải văn bản Unicode hợp lệ' });
    expect(jsonBodyProblem({ lines: [{ note: 'ok' }, { note: '\udfff' }] })?.field).toBe('lines[1].note');
    expect(jsonBodyProblem({ ['\ud800']: 1 })?.field).toBe('body');
    expect(jsonBodyProblem({ name: 'Đường 💩 e\u0301' })).toBeNull();
  });

  it('never throws, whatever JSON it is given (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 30 }), (value) => {
        const problem = jsonBodyProblem(value);
        if (problem) expect(problem.field).toBe('body');
      }),
      { numRuns: 500 },
    );
  });
});
