import 'reflect-metadata';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

/**
 * Every value a client sends is bounded by what its column holds before any work (issue 16): each
 * string a class-validator class takes has a length (MaxLength, a pattern of bounded length, a list
 * of values or one of our formats), each number a maximum, each list a most number of elements,
 * each of them bounded too. Every class registered with class-validator is held to it, wherever it
 * lives (a module's dto/, a query class beside its controller, common/http, the pages): all of src
 * is imported first. A new field without a bound fails here, rather than as a 500 when MariaDB
 * refuses the row or a query asks for an offset past what it takes.
 */
const SRC = join(__dirname, '..');
/** Entry points that start something when imported. */
const NOT_IMPORTED = new Set(['main.ts']);
/** Classes validated that no client sends: the configuration read from the environment at start. */
const NOT_CLIENT_INPUT = new Set(['AppConfig']);

/** Constraints that bound a string's length by themselves (`matches` only with a pattern of bounded length, see below). */
const BOUNDED_STRING = new Set(['maxLength', 'length', 'matches', 'isIn', 'isEnum', 'isMoneyString', 'isCalendarDate', 'isTreasuryRef', 'isQuantity', 'isRate', 'isIso8601', 'isUuid', 'isFiscalYear']);
const BOUNDED_NUMBER = new Set(['max', 'isFiscalYear', 'isIn', 'isEnum']);
const BOUNDED_ELEMENT = new Set([...BOUNDED_STRING, 'nestedValidation', 'max']);

/**
 * Whether every string a pattern matches is of bounded length: anchored at both ends (no top-level
 * alternative escaping the anchors) and without `*`, `+` or `{n,}` outside a character class.
 * `^\d{1,7}$` and `^[A-Z]{2}-\d{4}$` are; `^\d+$`, `\S` and `^a|b$` are not.
 */
export function patternBoundsLength(pattern: RegExp | string): boolean {
  const source = typeof pattern === 'string' ? pattern : pattern.source;
  if (!source.startsWith('^') || !source.endsWith('$') || source.endsWith('\\$')) return false;
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) return false;
    else if (ch === '*' || ch === '+') return false;
    else if (ch === '{' && /^\{\d*,\}/.test(source.slice(i))) return false;
  }
  return true;
}

function importAllSources(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) importAllSources(path);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts') && !NOT_IMPORTED.has(relative(SRC, path))) require(path);
  }
}

interface Field {
  where: string;
  constraints: Set<string>;
  each: Set<string>;
}

/** Every property of every class registered in class-validator's storage, with its inherited constraints. */
function registeredFields(): Field[] {
  importAllSources(SRC);
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<Function, ValidationMetadata[]> };
  expect(storage.validationMetadatas).toBeInstanceOf(Map);
  const fields: Field[] = [];
  for (const target of storage.validationMetadatas.keys()) {
    if (typeof target !== 'function' || NOT_CLIENT_INPUT.has(target.name)) continue;
    const byProperty = new Map<string, Field>();
    for (const meta of getMetadataStorage().getTargetValidationMetadatas(target, '', true, false)) {
      const field = byProperty.get(meta.propertyName) ?? { where: `${target.name}.${meta.propertyName}`, constraints: new Set(), each: new Set() };
      let constraint = meta.name ?? meta.type;
      if (constraint === 'matches' && !patternBoundsLength(meta.constraints[0] as RegExp | string)) constraint = 'matches (length not bounded)';
      (meta.each ? field.each : field.constraints).add(constraint);
      byProperty.set(meta.propertyName, field);
    }
    fields.push(...byProperty.values());
  }
  return fields;
}

const some = (set: Set<string>, wanted: Set<string>) => [...set].some((c) => wanted.has(c));

export function unboundedFields(fields: Field[]): string[] {
  return fields.flatMap((f) => {
    const c = f.constraints;
    if (c.has('isArray')) {
      const problems = [];
      if (!c.has('arrayMaxSize')) problems.push(`${f.where}: a list without ArrayMaxSize`);
      if (!some(f.each, BOUNDED_ELEMENT) && !c.has('nestedValidation')) problems.push(`${f.where}: list elements without a bound`);
      return problems;
    }
    if (c.has('isString') && !some(c, BOUNDED_STRING)) return [`${f.where}: a string without MaxLength or a pattern of bounded length`];
    if ((c.has('isInt') || c.has('isNumber') || c.has('min') || c.has('isPositive')) && !some(c, BOUNDED_NUMBER)) return [`${f.where}: a number without Max`];
    return [];
  });
}

describe('every field class-validator checks is bounded', () => {
  const fields = registeredFields();
  const classes = new Set(fields.map((f) => f.where.split('.')[0]));

  it('finds the classes of every module, and those outside dto/ folders', () => {
    expect(fields.length).toBeGreaterThan(150);
    for (const name of ['TransferQuery', 'BooksQuery', 'ReversalRequestQuery', 'PageQuery', 'ReportFormatQuery']) expect(classes).toContain(name);
  });

  it('strings have a length, numbers a maximum, lists a size and bounded elements', () => {
    expect(unboundedFields(fields)).toEqual([]);
  });

  it('a pattern bounds a length only when it is anchored and every repetition has a most', () => {
    for (const bounded of [/^\d{1,7}$/, /^[A-Z]{2}-\d{4}$/, /^(on|off)$/, /^[a-z*+]{0,8}$/, '^\\d{3}$']) expect(patternBoundsLength(bounded)).toBe(true);
    for (const unbounded of [/^\d+$/, /\S/, /^a|b$/, /^\d{2,}$/, /^.*$/, /^x/, /x$/]) expect(patternBoundsLength(unbounded)).toBe(false);
  });

  it('flags a string held only by an unbounded pattern, a number without Max and a list without a size', () => {
    expect(
      unboundedFields([
        { where: 'A.code', constraints: new Set(['isString', 'matches (length not bounded)']), each: new Set() },
        { where: 'A.page', constraints: new Set(['isInt', 'min']), each: new Set() },
        { where: 'A.ids', constraints: new Set(['isArray']), each: new Set(['isUuid']) },
      ]),
    ).toEqual(['A.code: a string without MaxLength or a pattern of bounded length', 'A.page: a number without Max', 'A.ids: a list without ArrayMaxSize']);
  });
});
