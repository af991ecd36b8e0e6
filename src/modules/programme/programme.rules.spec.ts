import fc from 'fast-check';
import { Money } from '../../common/money/decimal';
import {
  checkPlan,
  decisionDateProblem,
  normaliseNarrative,
  planLineKey,
  planTotals,
  recipientKey,
  recipientProblems,
  yearOfPath,
  type PlanCatalogue,
  type PlanItemInput,
} from './programme.rules';

const UNIT_A = '01JAAAAAAAAAAAAAAAAAAAAAAA';
const UNIT_B = '01JBBBBBBBBBBBBBBBBBBBBBBB';
const KNOWN: PlanCatalogue = {
  activityTypeCodes: new Set(['machinery', 'demo_model']),
  unitIds: new Set([UNIT_A, UNIT_B]),
  fundCurrencies: new Map([
    ['KCDP', 'VND'],
    ['KCQG', 'VND'],
    ['JICA', 'USD'],
  ]),
};
const line = (over: Partial<PlanItemInput> = {}): PlanItemInput => ({ activityTypeCode: 'machinery', unitId: UNIT_A, fundCode: 'KCDP', plannedCount: 10, plannedBudget: '3000000000', ...over });

describe('checkPlan', () => {
  it('takes known lines and gives their amounts as Decimal in the fund currency', () => {
    const { errors, lines } = checkPlan([line(), line({ activityTypeCode: 'demo_model', plannedCount: 2, plannedBudget: '0' }), line({ fundCode: 'JICA', plannedBudget: '12500.50' })], KNOWN);
    expect(errors).toEqual([]);
    expect(lines.map((l) => [l.activityTypeCode, l.currency, l.plannedCount, l.plannedBudget.toFixed()])).toEqual([
      ['machinery', 'VND', 10, '3000000000'],
      ['demo_model', 'VND', 2, '0'],
      ['machinery', 'USD', 10, '12500.5'],
    ]);
  });

  it('takes an empty plan (a year cleared)', () => {
    expect(checkPlan([], KNOWN)).toEqual({ errors: [], lines: [] });
  });

  it('names every unknown activity type, unit and fund, all at once', () => {
    const { errors, lines } = checkPlan([line(), line({ activityTypeCode: 'nope', unitId: '01JZZZZZZZZZZZZZZZZZZZZZZZ', fundCode: 'XX' })], KNOWN);
    expect(lines).toEqual([]);
    expect(errors.map((e) => e.field)).toEqual(['items[1].activityTypeCode', 'items[1].unitId', 'items[1].fundCode']);
  });

  it('refuses a second line for the same activity type, unit and fund, naming the later one and the first', () => {
    const { errors } = checkPlan([line(), line({ unitId: UNIT_B }), line({ plannedCount: 3, plannedBudget: '5' })], KNOWN);
    expect(errors).toEqual([{ field: 'items[2]', message: 'trùng loại hoạt động, đơn vị và nguồn kinh phí với dòng 1' }]);
  });

  it('refuses budgets that are not money of the fund currency', () => {
    const { errors } = checkPlan(
      [line({ plannedBudget: '1000.5' }), line({ unitId: UNIT_B, plannedBudget: '-5' }), line({ activityTypeCode: 'demo_model', plannedBudget: '1e9' }), line({ fundCode: 'JICA', plannedBudget: '1.005' })],
      KNOWN,
    );
    expect(errors).toEqual([
      { field: 'items[0].plannedBudget', message: 'số tiền VND phải là số nguyên đồng' },
      { field: 'items[1].plannedBudget', message: 'không được âm' },
      { field: 'items[2].plannedBudget', message: expect.stringMatching(/số mũ/) },
      { field: 'items[3].plannedBudget', message: 'tối đa 2 chữ số thập phân' },
    ]);
  });

  it('keeps the budget of each currency within DECIMAL(20,2)', () => {
    const max = '999999999999999999';
    expect(checkPlan([line({ plannedBudget: max })], KNOWN).errors).toEqual([]);
    const { errors } = checkPlan([line({ plannedBudget: max }), line({ unitId: UNIT_B, plannedBudget: '1' })], KNOWN);
    expect(errors).toEqual([{ field: 'items', message: expect.stringMatching(/^dự toán \(VND\): tổng vượt quá giới hạn/) }]);
    // another currency's lines have a total of their own
    expect(checkPlan([line({ plannedBudget: max }), line({ fundCode: 'JICA', plannedBudget: '1' })], KNOWN).errors).toEqual([]);
  });

  it('accepts any order of distinct known lines, and its totals do not depend on the order', () => {
    const known = fc.record({
      activityTypeCode: fc.constantFrom('machinery', 'demo_model'),
      unitId: fc.constantFrom(UNIT_A, UNIT_B),
      fundCode: fc.constantFrom('KCDP', 'KCQG'),
      plannedCount: fc.integer({ min: 0, max: 100_000 }),
      plannedBudget: fc.bigInt({ min: 0n, max: 10n ** 15n }).map(String),
    });
    fc.assert(
      fc.property(fc.uniqueArray(known, { selector: planLineKey, maxLength: 8 }), (items) => {
        const { errors, lines } = checkPlan(items, KNOWN);
        expect(errors).toEqual([]);
        const reversed = checkPlan([...items].reverse(), KNOWN).lines;
        const [a, b] = [planTotals(lines), planTotals(reversed)];
        expect(a.map((t) => [t.currency, t.plannedCount, t.plannedBudget.toFixed()])).toEqual(b.map((t) => [t.currency, t.plannedCount, t.plannedBudget.toFixed()]));
        const sum = items.reduce((s, i) => s.plus(i.plannedBudget), new Money(0));
        expect(a[0]?.plannedBudget.toFixed() ?? '0').toBe(sum.toFixed());
      }),
    );
  });

  it('finds a duplicate wherever it is', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(line(), line({ unitId: UNIT_B }), line({ fundCode: 'KCQG' })), { minLength: 1, maxLength: 8 }), (items) => {
        const duplicates = items.length - new Set(items.map(planLineKey)).size;
        expect(checkPlan(items, KNOWN).errors.filter((e) => /^items\[\d+\]$/.test(e.field))).toHaveLength(duplicates);
      }),
    );
  });
});

describe('planTotals', () => {
  it('totals per currency, VND first', () => {
    const totals = planTotals([
      { currency: 'USD', plannedCount: 1, plannedBudget: new Money('10.5') },
      { currency: 'VND', plannedCount: 2, plannedBudget: new Money('100') },
      { currency: 'VND', plannedCount: 3, plannedBudget: new Money('200') },
    ]);
    expect(totals.map((t) => [t.currency, t.plannedCount, t.plannedBudget.toFixed()])).toEqual([
      ['VND', 5, '300'],
      ['USD', 1, '10.5'],
    ]);
  });
});

describe('normaliseNarrative', () => {
  it('keeps paragraphs, drops trailing spaces and blank lines at either end, and Windows line breaks', () => {
    const out = normaliseNarrative({ results: '\r\n  Hoàn thành 12/15 đề án.  \r\n\r\nGiải ngân 95 %.\r\n\r\n', difficulties: '', causes: 'Một dòng', proposals: '\n\n' });
    expect(out).toEqual({ results: '  Hoàn thành 12/15 đề án.\n\nGiải ngân 95 %.', difficulties: '', causes: 'Một dòng', proposals: '' });
  });
});

describe('recipientProblems and recipientKey', () => {
  it('wants someone commended, and one kind of recipient', () => {
    expect(recipientProblems({})).toEqual([{ field: 'establishmentId', message: 'cần chọn cơ sở, ghi tên cá nhân hoặc chọn đơn vị được khen thưởng' }]);
    // Messages are read by people: no API field names (camelCase) in them.
    const messages = [recipientProblems({}), recipientProblems({ establishmentId: 'E', personName: 'B', unitId: UNIT_A })].flat().map((e) => e.message);
    for (const message of messages) expect(message).not.toMatch(/\b[a-z]+[A-Z][A-Za-z]*\b/);
    expect(recipientProblems({ personName: '   ' })).toHaveLength(1);
    expect(recipientProblems({ establishmentId: 'E' })).toEqual([]);
    expect(recipientProblems({ personName: 'Nguyễn Văn A' })).toEqual([]);
    expect(recipientProblems({ personName: 'Nguyễn Văn A', unitId: UNIT_A })).toEqual([]);
    expect(recipientProblems({ unitId: UNIT_A })).toEqual([]);
    expect(recipientProblems({ establishmentId: 'E', personName: 'B', unitId: UNIT_A }).map((e) => e.field)).toEqual(['personName', 'unitId']);
  });

  it('folds case and spaces of a name, and tells a person of one unit from the same name in another', () => {
    expect(recipientKey({ personName: '  Nguyễn  Thị BA ' })).toBe(recipientKey({ personName: 'nguyễn thị ba' }));
    expect(recipientKey({ personName: 'Nguyễn Thị Ba', unitId: UNIT_A })).not.toBe(recipientKey({ personName: 'Nguyễn Thị Ba', unitId: UNIT_B }));
    expect(recipientKey({ unitId: UNIT_A })).toBe(`u:${UNIT_A}`);
    expect(recipientKey({ establishmentId: 'E1' })).toBe('e:E1');
    // at most 260 characters: a 200-character name and a unit id
    expect(recipientKey({ personName: 'A'.repeat(200), unitId: UNIT_A }).length).toBeLessThanOrEqual(260);
  });
});

describe('decisionDateProblem', () => {
  it('takes a decision of the year or the next, not in the future', () => {
    expect(decisionDateProblem({ decisionDate: '2083-12-20', fiscalYear: 2083, today: '2084-02-01' })).toBeNull();
    expect(decisionDateProblem({ decisionDate: '2084-01-15', fiscalYear: 2083, today: '2084-02-01' })).toBeNull();
    expect(decisionDateProblem({ decisionDate: '2084-03-01', fiscalYear: 2083, today: '2084-02-01' })).toEqual({ field: 'decisionDate', message: 'không được sau ngày hôm nay' });
    expect(decisionDateProblem({ decisionDate: '2082-12-31', fiscalYear: 2083, today: '2084-02-01' })?.message).toMatch(/năm 2083 hoặc 2084/);
    expect(decisionDateProblem({ decisionDate: '2085-01-01', fiscalYear: 2083, today: '2090-01-01' })?.field).toBe('decisionDate');
  });
});

describe('yearOfPath', () => {
  it('reads a year of four digits from 2000 to 2100', () => {
    expect(yearOfPath('2083')).toBe(2083);
    for (const bad of ['1999', '2101', '83', '2083a', ' 2083', '']) expect(yearOfPath(bad)).toBeNull();
  });
});
