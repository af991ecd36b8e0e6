import 'reflect-metadata';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';

/**
 * Every value a client sends is bounded by what its column holds before any work (issue 16): each
 * string a DTO takes has a length (MaxLength, a pattern, a list of values or one of our formats),
 * each number a maximum, each list a most number of elements, each of them bounded too. A new
 * field without a bound fails here, rather than as a 500 when MariaDB refuses the row.
 */
const MODULES = join(__dirname, '..', 'modules');

/** Constraints that bound a string's length by themselves. */
const BOUNDED_STRING = new Set(['maxLength', 'length', 'matches', 'isIn', 'isEnum', 'isMoneyString', 'isCalendarDate', 'isTreasuryRef', 'isQuantity', 'isRate', 'isIso8601', 'isUuid', 'isFiscalYear']);
const BOUNDED_NUMBER = new Set(['max', 'isFiscalYear', 'isIn', 'isEnum']);
const BOUNDED_ELEMENT = new Set([...BOUNDED_STRING, 'nestedValidation', 'max']);

interface Field {
  where: string;
  constraints: Set<string>;
  each: Set<string>;
}

function dtoFields(): Field[] {
  const fields: Field[] = [];
  for (const module of readdirSync(MODULES)) {
    let files: string[];
    try {
      files = readdirSync(join(MODULES, module, 'dto')).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));
    } catch {
      continue;
    }
    for (const file of files) {
      for (const [name, target] of Object.entries(require(join(MODULES, module, 'dto', file)) as Record<string, unknown>)) {
        if (typeof target !== 'function') continue;
        const byProperty = new Map<string, Field>();
        for (const meta of getMetadataStorage().getTargetValidationMetadatas(target, '', true, false)) {
          const field = byProperty.get(meta.propertyName) ?? { where: `${module}/dto/${file} ${name}.${meta.propertyName}`, constraints: new Set(), each: new Set() };
          const constraint = meta.name ?? meta.type;
          (meta.each ? field.each : field.constraints).add(constraint);
          byProperty.set(meta.propertyName, field);
        }
        fields.push(...byProperty.values());
      }
    }
  }
  return fields;
}

const some = (set: Set<string>, wanted: Set<string>) => [...set].some((c) => wanted.has(c));

describe('every DTO field is bounded', () => {
  const fields = dtoFields();

  it('finds the DTOs', () => {
    expect(fields.length).toBeGreaterThan(150);
  });

  it('strings have a length, numbers a maximum, lists a size and bounded elements', () => {
    const unbounded = fields.flatMap((f) => {
      const c = f.constraints;
      if (c.has('isArray')) {
        const problems = [];
        if (!c.has('arrayMaxSize')) problems.push(`${f.where}: a list without ArrayMaxSize`);
        if (!some(f.each, BOUNDED_ELEMENT) && !c.has('nestedValidation')) problems.push(`${f.where}: list elements without a bound`);
        return problems;
      }
      if (c.has('isString') && !some(c, BOUNDED_STRING)) return [`${f.where}: a string without MaxLength or a pattern`];
      if ((c.has('isInt') || c.has('isNumber') || c.has('min')) && !some(c, BOUNDED_NUMBER)) return [`${f.where}: a number without Max`];
      return [];
    });
    expect(unbounded).toEqual([]);
  });
});
