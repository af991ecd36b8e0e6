import { Actor, hasRole, Role } from '../../common/auth/actor';
import type { ApplicationStatus } from './application-statuses';

/**
 * Who may see a file and who may act on it (the working regulation, Điều 2, 6, 8, 11, 13): one
 * lead unit and one responsible officer per file, a head for their unit, the consulted units for
 * their answer. The one policy: every use case on a file asks it first, and the pages offer only
 * what it allows.
 */

/** What may be done on a file, beyond reading it; each use case names the one it is. */
export type FileAct =
  /** Assign the file to a lead unit and an officer, or change the officer. */
  | 'assign'
  /** Return the file to its owner for supplement. */
  | 'return'
  | 'consult'
  /** Approve or refuse a consulted unit's request for more time (gia hạn trả lời xin ý kiến). */
  | 'decide_extension'
  | 'appraise'
  | 'recommend'
  /** The head's initial (ký tắt). */
  | 'initial'
  /** Send a recommended file (the head) or an initialed one (a leader) back to its officer. */
  | 'send_back'
  | 'contract'
  | 'accept'
  /** Attach a document. */
  | 'upload'
  /** Ask for an advance or a payment. */
  | 'request_payment'
  /** Declare whether one has a conflict of interest with the file's establishment. */
  | 'declare';

/** Roles that see every file of the province. */
export const PROVINCE_ROLES: readonly Role[] = ['leader', 'finance', 'auditor'];

/** The file's facts the policy reads. */
export interface FileAccessFacts {
  ownerId: string;
  officerId: string | null;
  leadUnitId: string | null;
  status: ApplicationStatus;
}

/** A head who handed their routine work (assign, initial) to the actor, and where they stand. */
export interface RoutinePrincipal {
  userId: string;
  /** The head's unit is the file's lead unit itself (the initial is theirs). */
  inLeadUnit?: boolean;
  /** The head's unit is the file's lead unit or above it. */
  inLeadLine: boolean;
  /** The head's unit is the extension centre or under it (the intake queue is theirs). */
  inCentre: boolean;
}

/** Where the actor stands towards one file, as read from the records. */
export interface FileStanding {
  owner: boolean;
  /** Leader, finance or auditor: the whole province. */
  province: boolean;
  /** Holds a leader's delegation to decide, in force today: sees what the leader would. */
  decisionDelegate: boolean;
  /** The file's responsible officer. */
  responsible: boolean;
  /** The actor's unit is the file's lead unit itself. */
  leadUnit: boolean;
  /** The actor's unit is the file's lead unit or a unit above it. */
  leadLine: boolean;
  /** The actor's unit was consulted on the file. */
  consulted: boolean;
  /** The file waits in the intake queue and the actor is a head or officer of the centre's units. */
  intake: boolean;
  /** Heads who handed the actor their routine work, in force today. */
  routine: readonly RoutinePrincipal[];
}

/** A submitted file that no head has assigned yet: the centre's intake queue. */
export function inIntakeQueue(file: Pick<FileAccessFacts, 'status' | 'officerId'>): boolean {
  return file.status === 'submitted' && file.officerId === null;
}

export function standingOf(input: {
  actor: Pick<Actor, 'id' | 'roles' | 'unitId'>;
  file: FileAccessFacts;
  /** The lead unit and the units above it. */
  leadLine: readonly string[];
  /** The units consulted on the file. */
  consultedUnitIds: readonly string[];
  /** The actor's unit is the extension centre or under it. */
  actorInCentre: boolean;
  decisionDelegate: boolean;
  routine: readonly RoutinePrincipal[];
}): FileStanding {
  const { actor, file } = input;
  const unit = actor.unitId;
  return {
    owner: file.ownerId === actor.id,
    province: hasRole(actor as Actor, ...PROVINCE_ROLES),
    decisionDelegate: input.decisionDelegate,
    responsible: file.officerId !== null && file.officerId === actor.id,
    leadUnit: unit !== null && file.leadUnitId === unit,
    leadLine: unit !== null && input.leadLine.includes(unit),
    consulted: unit !== null && input.consultedUnitIds.includes(unit),
    intake: inIntakeQueue(file) && input.actorInCentre && hasRole(actor as Actor, 'head', 'officer'),
    routine: input.routine,
  };
}

/**
 * Who sees a file: its owner; leaders, finance and auditors; a leader's delegate; members of the
 * lead unit or a unit above it, the responsible officer, the consulted units; and, while it waits
 * in the intake queue, the centre's heads and officers. Nobody else learns it exists (404).
 * `visibleFilesCondition` says the same in SQL for lists.
 */
export function maySee(standing: FileStanding): boolean {
  return (
    standing.owner ||
    standing.province ||
    standing.decisionDelegate ||
    standing.responsible ||
    standing.leadLine ||
    standing.consulted ||
    standing.intake
  );
}

/**
 * The roles that may ever take each act (on some file, in some capacity): anyone else is refused
 * for their role (403 FORBIDDEN) before any file is read. An officer or head may assign and
 * initial as a head's routine delegate.
 */
export const ACT_ROLES: Readonly<Record<FileAct, readonly Role[]>> = {
  assign: ['leader', 'head', 'officer'],
  return: ['officer', 'head'],
  consult: ['officer', 'head'],
  decide_extension: ['officer', 'head'],
  appraise: ['officer', 'head'],
  recommend: ['officer', 'head'],
  initial: ['head', 'officer'],
  send_back: ['head', 'leader'],
  contract: ['officer', 'head'],
  accept: ['officer', 'head'],
  upload: ['applicant', 'officer', 'head'],
  request_payment: ['officer', 'head', 'finance'],
  declare: ['officer', 'head', 'leader', 'finance'],
};

/** Whether someone with these roles may take `act` on any file at all. */
export function mayEverTake(act: FileAct, actor: Pick<Actor, 'roles'>): boolean {
  return hasRole(actor as Actor, ...ACT_ROLES[act]);
}

/** Whether the actor may take `act`, and for whom (a routine delegate acts for the head). */
export type ActingRight = { allowed: true; onBehalfOf: string | null } | { allowed: false; refusal: 'forbidden' | 'hidden' | 'not_assigned' };

const OWN: ActingRight = { allowed: true, onBehalfOf: null };
const NOT_ASSIGNED: ActingRight = { allowed: false, refusal: 'not_assigned' };

/**
 * May the actor take `act` on the file? Hidden files are refused as absent; a file the actor sees
 * but is not the one to act on is `not_assigned` (403 NOT_ASSIGNED). The role the step needs and
 * the state the file is in are the workflow's to check; this rule is about the person.
 */
export function actingRight(act: FileAct, actor: Pick<Actor, 'roles'>, standing: FileStanding, file: Pick<FileAccessFacts, 'status' | 'officerId'>): ActingRight {
  if (!mayEverTake(act, actor)) return { allowed: false, refusal: 'forbidden' };
  if (!maySee(standing)) return { allowed: false, refusal: 'hidden' };
  const head = hasRole(actor as Actor, 'head');
  // Assignment and return belong to the heads of the lead unit and the units above it; the
  // file's own steps to its responsible officer and the heads of the lead unit itself.
  const headOfLeadLine = head && standing.leadLine;
  const headOfLeadUnit = head && standing.leadUnit;
  const caseWorker = standing.responsible || headOfLeadUnit;
  const routineFor = (where: 'inLeadUnit' | 'inLeadLine' | 'inCentre'): ActingRight => {
    const principal = standing.routine.find((p) => p[where]);
    return principal ? { allowed: true, onBehalfOf: principal.userId } : NOT_ASSIGNED;
  };
  switch (act) {
    case 'assign':
      // The intake queue is the centre's heads' to assign; a leader changes an assignment made.
      if (file.officerId === null) return head && standing.intake ? OWN : routineFor('inCentre');
      if (hasRole(actor as Actor, 'leader')) return OWN;
      return headOfLeadLine ? OWN : routineFor('inLeadLine');
    case 'return':
      if (file.officerId === null) return standing.intake ? OWN : NOT_ASSIGNED;
      return standing.responsible || headOfLeadLine ? OWN : NOT_ASSIGNED;
    case 'consult':
    // Who asked the question decides whether its answer may wait: the file's case workers.
    case 'decide_extension':
    case 'appraise':
    case 'recommend':
    case 'contract':
    case 'accept':
      return caseWorker ? OWN : NOT_ASSIGNED;
    case 'upload':
      return (standing.owner && hasRole(actor as Actor, 'applicant')) || caseWorker ? OWN : NOT_ASSIGNED;
    case 'request_payment':
      return caseWorker || hasRole(actor as Actor, 'finance') ? OWN : NOT_ASSIGNED;
    case 'initial':
      return headOfLeadUnit ? OWN : routineFor('inLeadUnit');
    case 'send_back':
      // The one who would take the next step refuses it: a head of the lead unit (who would initial)
      // for a recommended file, a leader for an initialed one. In any other state either may ask
      // (the workflow says 409).
      if (file.status === 'recommended') return headOfLeadUnit ? OWN : NOT_ASSIGNED;
      if (file.status === 'initialed') return hasRole(actor as Actor, 'leader') ? OWN : NOT_ASSIGNED;
      return headOfLeadUnit || hasRole(actor as Actor, 'leader') ? OWN : NOT_ASSIGNED;
    case 'declare':
      return hasRole(actor as Actor, 'leader') || standing.decisionDelegate || caseWorker || standing.routine.some((p) => p.inLeadUnit) ? OWN : NOT_ASSIGNED;
  }
}

/**
 * A narrowing of the files the actor sees, for the pages' work queues: `unit_tree`, the files
 * led by the actor's unit or a unit below it ("Hồ sơ đơn vị tôi" of a head of the centre holds
 * its divisions' files); `to_initial`, the files whose initial is the actor's to give.
 */
export type FileFocus = 'unit_tree' | 'to_initial';

/**
 * The lead units whose files the actor may initial: their own unit when they are its head, and
 * the units of the heads who handed them their routine work ('initial' in `actingRight`: a head
 * of the lead unit itself, or such a head's routine delegate). Not a unit above the lead unit.
 */
export function initialingUnitIds(input: { actor: Pick<Actor, 'roles' | 'unitId'>; routineUnitIds: readonly (string | null)[] }): string[] {
  const units = new Set<string>();
  if (hasRole(input.actor as Actor, 'head') && input.actor.unitId !== null) units.add(input.actor.unitId);
  for (const unit of input.routineUnitIds) if (unit !== null) units.add(unit);
  return [...units];
}

/** What a staff member's place lets them see, for listing files in SQL. */
export interface StaffScope {
  actorId: string;
  /** Sees every file (leader, finance, auditor, a leader's delegate). */
  all: boolean;
  /** The actor's unit and the units below it: files led there are theirs to see. */
  unitIds: readonly string[];
  /** The actor's own unit, for the consultations addressed to it. */
  unitId: string | null;
  /** A head or officer of the centre's units: sees the intake queue. */
  intake: boolean;
}

/**
 * `maySee` as a SQL condition on a file aliased `alias` (staff only; a producer sees their own
 * files by owner). The consultations' table belongs to this module, as the files' does.
 */
export function visibleFilesCondition(alias: string, scope: StaffScope): { sql: string; params: Record<string, unknown> } {
  if (scope.all) return { sql: '1 = 1', params: {} };
  const parts = [`${alias}.officer_id = :scopeActor`, `${alias}.owner_id = :scopeActor`];
  const params: Record<string, unknown> = { scopeActor: scope.actorId };
  if (scope.unitIds.length) {
    parts.push(`${alias}.lead_unit_id IN (:...scopeUnits)`);
    params.scopeUnits = scope.unitIds;
  }
  if (scope.unitId) {
    parts.push(`${alias}.id IN (SELECT scope_c.application_id FROM consultations scope_c WHERE scope_c.unit_id = :scopeUnit)`);
    params.scopeUnit = scope.unitId;
  }
  if (scope.intake) parts.push(`(${alias}.status = 'submitted' AND ${alias}.officer_id IS NULL)`);
  return { sql: `(${parts.join(' OR ')})`, params };
}

/**
 * Whether a head of `headUnitId` may give a file to `leadUnitId`: their own unit or one below it
 * (API.md: assign by a head of the lead unit or above). A head in no unit gives none.
 */
export function leadUnitUnderHead(placement: { lineOf(unitId: string | null): string[] }, leadUnitId: string, headUnitId: string | null): boolean {
  return headUnitId !== null && placement.lineOf(leadUnitId).includes(headUnitId);
}
