import type { FieldError } from '../../common/http/domain-error';

/**
 * The classification the programme gives priority by (the sources: "duy trì sự phát triển của các
 * ngành nghề truyền thống, khuyến khích, giúp đỡ các nghệ nhân", "các làng nghề truyền thống",
 * "thực hiện tốt chính sách đối với lao động nữ", work for "những người tàn tật"): the craft
 * village, the traditional craft, the recognised artisans and the women and disabled workers.
 */
export interface Classification {
  craftVillage: string | null;
  traditionalCraft: string | null;
  artisans: number | null;
  womenWorkers: number | null;
  disabledWorkers: number | null;
}

/** What a verification attests: the classification and the workforce its counts are part of. */
export interface ClassifiedFacts extends Classification {
  employees: number;
}

/** The classified facts with their verification, as the establishment holds them. */
export interface ClassificationState extends ClassifiedFacts {
  classificationVersion: number;
  classificationVerifiedBy: string | null;
  classificationVerifiedAt: Date | null;
}

export const CLASSIFICATION_FIELDS = ['craftVillage', 'traditionalCraft', 'artisans', 'womenWorkers', 'disabledWorkers'] as const;
const COUNT_FIELDS = ['artisans', 'womenWorkers', 'disabledWorkers'] as const;
const FACT_FIELDS = ['employees', ...CLASSIFICATION_FIELDS] as const;

/** The largest workforce (and so count) the register takes, as the registration form does. */
export const MAX_WORKERS = 1_000_000;

const COUNT_NAMES: Record<(typeof COUNT_FIELDS)[number], string> = {
  artisans: 'số nghệ nhân',
  womenWorkers: 'số lao động nữ',
  disabledWorkers: 'số lao động là người khuyết tật',
};

/**
 * Why these facts cannot stand, field by field: each count a whole number from 0 to the
 * establishment's workers (artisans, women and disabled workers are among them). The two groups
 * may overlap (a woman with a disability counts in both), so they are not summed.
 */
export function classificationProblems(facts: ClassifiedFacts): FieldError[] {
  const problems: FieldError[] = [];
  for (const field of COUNT_FIELDS) {
    const count = facts[field];
    if (count === null) continue;
    if (!Number.isInteger(count) || count < 0 || count > MAX_WORKERS) {
      problems.push({ field, message: `${COUNT_NAMES[field]} phải là số nguyên từ 0 đến ${MAX_WORKERS.toLocaleString('vi-VN')}` });
    } else if (count > facts.employees) {
      problems.push({ field, message: `${COUNT_NAMES[field]} (${count}) không được lớn hơn số lao động của cơ sở (${facts.employees})` });
    }
  }
  return problems;
}

/** A name typed for the village or the craft: trimmed, and blank meaning none. */
export function classificationName(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/**
 * The owner's edit of the classified facts (only the fields sent change). A change to any of them
 * starts a new version and clears the verification: staff verified other values. An edit that
 * changes nothing keeps both. Returns the problems instead when the new facts cannot stand.
 */
export function editClassification(input: {
  current: ClassificationState;
  patch: Partial<ClassifiedFacts>;
}): { next: ClassificationState; changed: boolean } | { problems: FieldError[] } {
  const { current, patch } = input;
  const facts: ClassifiedFacts = {
    employees: patch.employees ?? current.employees,
    craftVillage: patch.craftVillage === undefined ? current.craftVillage : classificationName(patch.craftVillage),
    traditionalCraft: patch.traditionalCraft === undefined ? current.traditionalCraft : classificationName(patch.traditionalCraft),
    artisans: patch.artisans === undefined ? current.artisans : patch.artisans,
    womenWorkers: patch.womenWorkers === undefined ? current.womenWorkers : patch.womenWorkers,
    disabledWorkers: patch.disabledWorkers === undefined ? current.disabledWorkers : patch.disabledWorkers,
  };
  const problems = classificationProblems(facts).map((problem) => blamedOn(problem, facts, patch));
  if (problems.length > 0) return { problems };
  const changed = FACT_FIELDS.some((field) => facts[field] !== current[field]);
  if (!changed) return { next: current, changed };
  return {
    next: { ...facts, classificationVersion: current.classificationVersion + 1, classificationVerifiedBy: null, classificationVerifiedAt: null },
    changed,
  };
}

/**
 * A count left as declared that a smaller workforce now makes too large: the problem is the
 * workforce sent, and the field named is `employees`.
 */
function blamedOn(problem: FieldError, facts: ClassifiedFacts, patch: Partial<ClassifiedFacts>): FieldError {
  const field = problem.field as (typeof COUNT_FIELDS)[number];
  const count = facts[field];
  if (patch.employees === undefined || patch[field] !== undefined || count === null || count <= facts.employees) return problem;
  return { field: 'employees', message: `số lao động (${facts.employees}) không được nhỏ hơn ${COUNT_NAMES[field]} đã khai báo (${count})` };
}

/** The counts an owner has not yet declared: staff verify declared facts only. */
export function undeclaredCounts(facts: Classification): FieldError[] {
  return COUNT_FIELDS.filter((field) => facts[field] === null).map((field) => ({ field, message: `cơ sở chưa khai báo ${COUNT_NAMES[field]}` }));
}

export type VerificationOutcome =
  | { kind: 'verified'; next: ClassificationState }
  /** Already verified at this version: nothing changes (a second click, a retried request). */
  | { kind: 'unchanged' }
  /** The owner changed the facts since the verifier read them. */
  | { kind: 'stale'; current: number }
  | { kind: 'undeclared'; problems: FieldError[] };

/**
 * An officer's or head's verification of the classification as it stands: of the version they
 * read when they say which (`seenVersion`), of declared counts only.
 */
export function verifyClassification(input: { current: ClassificationState; seenVersion?: number; verifierId: string; at: Date }): VerificationOutcome {
  const { current, seenVersion } = input;
  if (seenVersion !== undefined && seenVersion !== current.classificationVersion) return { kind: 'stale', current: current.classificationVersion };
  const problems = undeclaredCounts(current);
  if (problems.length > 0) return { kind: 'undeclared', problems };
  if (current.classificationVerifiedAt !== null) return { kind: 'unchanged' };
  return { kind: 'verified', next: { ...current, classificationVerifiedBy: input.verifierId, classificationVerifiedAt: input.at } };
}
