import fc from 'fast-check';
import { ClassificationState, classificationName, classificationProblems, editClassification, MAX_WORKERS, verifyClassification } from './establishments.rules';

const AT = new Date('2087-03-02T03:00:00Z');
const declared: ClassificationState = {
  employees: 20,
  craftVillage: 'Làng nghề mây tre đan Phú Vinh',
  traditionalCraft: 'Đan lát mây tre',
  artisans: 1,
  womenWorkers: 14,
  disabledWorkers: 2,
  classificationVersion: 3,
  classificationVerifiedBy: null,
  classificationVerifiedAt: null,
};
const verified: ClassificationState = { ...declared, classificationVerifiedBy: 'OFFICER', classificationVerifiedAt: AT };

describe('classification counts', () => {
  it('takes counts from 0 up to the workforce, and undeclared ones', () => {
    expect(classificationProblems(declared)).toEqual([]);
    expect(classificationProblems({ ...declared, artisans: 20, womenWorkers: 20, disabledWorkers: 20 })).toEqual([]);
    expect(classificationProblems({ ...declared, artisans: null, womenWorkers: null, disabledWorkers: null })).toEqual([]);
    expect(classificationProblems({ ...declared, employees: 0, artisans: 0, womenWorkers: 0, disabledWorkers: 0 })).toEqual([]);
  });

  it('names each count above the workforce, with both numbers', () => {
    const problems = classificationProblems({ ...declared, womenWorkers: 21, disabledWorkers: 30 });
    expect(problems.map((p) => p.field)).toEqual(['womenWorkers', 'disabledWorkers']);
    expect(problems[0].message).toBe('số lao động nữ (21) không được lớn hơn số lao động của cơ sở (20)');
  });

  it('refuses negative, fractional and absurd counts', () => {
    expect(classificationProblems({ ...declared, artisans: -1 }).map((p) => p.field)).toEqual(['artisans']);
    expect(classificationProblems({ ...declared, womenWorkers: 1.5 }).map((p) => p.field)).toEqual(['womenWorkers']);
    expect(classificationProblems({ ...declared, employees: 2 * MAX_WORKERS, disabledWorkers: MAX_WORKERS + 1 })[0].message).toContain('từ 0 đến 1.000.000');
  });

  it('property: a count is accepted exactly when it is a whole number from 0 to the workforce', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_WORKERS }), fc.integer({ min: -5, max: MAX_WORKERS + 5 }), (employees, count) => {
        const ok = classificationProblems({ ...declared, employees, womenWorkers: count, artisans: null, disabledWorkers: null }).length === 0;
        expect(ok).toBe(count >= 0 && count <= employees);
      }),
    );
  });

  it('reads a blank village or craft as none, trimmed otherwise', () => {
    expect(classificationName('  ')).toBeNull();
    expect(classificationName(null)).toBeNull();
    expect(classificationName('  Làng gốm Bát Tràng ')).toBe('Làng gốm Bát Tràng');
  });
});

describe("the owner's edit", () => {
  it('changes only the fields sent, starts a new version and clears the verification', () => {
    const result = editClassification({ current: verified, patch: { womenWorkers: 15 } });
    expect(result).toEqual({
      changed: true,
      next: { ...declared, womenWorkers: 15, classificationVersion: 4, classificationVerifiedBy: null, classificationVerifiedAt: null },
    });
  });

  it('keeps the verification when nothing changes (the same values sent again, a name with spaces around it)', () => {
    expect(editClassification({ current: verified, patch: { womenWorkers: 14, craftVillage: ` ${declared.craftVillage} ` } })).toEqual({ changed: false, next: verified });
    expect(editClassification({ current: verified, patch: {} })).toEqual({ changed: false, next: verified });
  });

  it('a change of the workforce clears it too: the counts are shares of it', () => {
    const result = editClassification({ current: verified, patch: { employees: 25 } });
    expect(result).toMatchObject({ changed: true, next: { employees: 25, classificationVerifiedAt: null, classificationVersion: 4 } });
  });

  it('clearing the village (null or blank) is a change', () => {
    expect(editClassification({ current: verified, patch: { craftVillage: '' } })).toMatchObject({ changed: true, next: { craftVillage: null, classificationVerifiedBy: null } });
  });

  it('refuses a count above the workforce, naming the count sent', () => {
    expect(editClassification({ current: declared, patch: { disabledWorkers: 21 } })).toEqual({
      problems: [{ field: 'disabledWorkers', message: 'số lao động là người khuyết tật (21) không được lớn hơn số lao động của cơ sở (20)' }],
    });
    // Both sent: the count is what is wrong.
    expect(editClassification({ current: declared, patch: { employees: 10, womenWorkers: 12 } })).toMatchObject({ problems: [{ field: 'womenWorkers' }] });
  });

  it('refuses a smaller workforce than a count already declared, naming the workforce', () => {
    expect(editClassification({ current: declared, patch: { employees: 10 } })).toEqual({
      problems: [{ field: 'employees', message: 'số lao động (10) không được nhỏ hơn số lao động nữ đã khai báo (14)' }],
    });
  });

  it('property: an accepted edit is verified only if nothing changed, and its counts stay within the workforce', () => {
    const count = fc.option(fc.integer({ min: 0, max: 40 }), { nil: null });
    const patch = fc.record(
      { employees: fc.integer({ min: 0, max: 40 }), artisans: count, womenWorkers: count, disabledWorkers: count, craftVillage: fc.constantFrom(null, '', 'Làng nghề A', declared.craftVillage) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(patch, (p) => {
        const result = editClassification({ current: verified, patch: p });
        if ('problems' in result) {
          expect(result.problems.length).toBeGreaterThan(0);
          return;
        }
        const { next, changed } = result;
        for (const c of [next.artisans, next.womenWorkers, next.disabledWorkers]) if (c !== null) expect(c).toBeLessThanOrEqual(next.employees);
        expect(next.classificationVerifiedAt === null).toBe(changed);
        expect(next.classificationVersion).toBe(changed ? verified.classificationVersion + 1 : verified.classificationVersion);
      }),
    );
  });
});

describe("staff's verification", () => {
  it('stamps who and when on declared facts', () => {
    expect(verifyClassification({ current: declared, verifierId: 'HEAD', at: AT })).toEqual({
      kind: 'verified',
      next: { ...declared, classificationVerifiedBy: 'HEAD', classificationVerifiedAt: AT },
    });
    expect(verifyClassification({ current: declared, seenVersion: 3, verifierId: 'HEAD', at: AT })).toMatchObject({ kind: 'verified' });
  });

  it('changes nothing when the version is already verified', () => {
    expect(verifyClassification({ current: verified, verifierId: 'HEAD', at: AT })).toEqual({ kind: 'unchanged' });
  });

  it('refuses a version the owner has changed since the verifier read it', () => {
    expect(verifyClassification({ current: declared, seenVersion: 2, verifierId: 'HEAD', at: AT })).toEqual({ kind: 'stale', current: 3 });
  });

  it('refuses counts not yet declared, naming them', () => {
    const outcome = verifyClassification({ current: { ...declared, artisans: null, disabledWorkers: null }, verifierId: 'HEAD', at: AT });
    expect(outcome).toMatchObject({ kind: 'undeclared', problems: [{ field: 'artisans' }, { field: 'disabledWorkers' }] });
  });
});
