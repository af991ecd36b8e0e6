import { ApplicationError } from './applications.error';
import { ApplicationStatus } from './application-statuses';
import { statusLabel } from './applications.labels';

/** The file workflow: which action leads where, in whose capacity (pure; the services apply it). */

export const WORKFLOW_ACTIONS = [
  'edit',
  'submit',
  'resubmit',
  'withdraw',
  'assign',
  'reassign_officer',
  'reassign',
  'return',
  'consult',
  'appraise',
  'recommend',
  'send_back',
  'initial',
  'approve',
  'reject',
  'cancel',
  'contract',
  'accept',
  'submit_settlement',
  'settle',
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/** The capacity a step is taken in: a role, or `delegated` for a decision under ủy quyền. */
export type WorkflowRole = 'applicant' | 'officer' | 'head' | 'leader' | 'delegated' | 'finance';

type Row = readonly [from: ApplicationStatus, action: WorkflowAction, roles: readonly WorkflowRole[], to: ApplicationStatus];

const BEFORE_DECISION: ApplicationStatus[] = ['draft', 'submitted', 'needs_supplement', 'under_review', 'recommended', 'initialed'];

/**
 * The whole state machine of a file, one row per (state, action): who may take it and where it
 * leads. Anything not here is refused with 409 INVALID_STATE and changes nothing.
 *
 * - `submit` from needs_supplement returns a file that was never assigned to intake; `resubmit`
 *   returns an assigned file to its officer (see submitActionFor).
 * - `reassign_officer` changes only the responsible officer (the head); `reassign` changes the lead
 *   unit or the due date, which needs a leader (DOMAIN.md rule 1).
 * - contract, accept, submit_settlement and settle are taken by disbursements and settlement.
 * - Which officer or head may take a step on which file is the access policy's (file-access.rules):
 *   the responsible officer or a head of the lead unit, the head initialing for their unit.
 * - `send_back` returns a file to its responsible officer to prepare the recommendation again: from
 *   the head, a recommendation they will not initial; from the leader, an initialed file they will
 *   not decide as it stands. Both lead to under_review (not to recommended): the officer answers for
 *   the recommendation (DOMAIN.md rule 2), so the leader's objection reaches the preparer, and the
 *   corrected recommendation passes the head's initial again before it comes back to the leader.
 */
export const TRANSITIONS: readonly Row[] = [
  ['draft', 'edit', ['applicant'], 'draft'],
  ['draft', 'submit', ['applicant'], 'submitted'],
  ['submitted', 'assign', ['head'], 'under_review'],
  ['submitted', 'return', ['officer', 'head'], 'needs_supplement'],
  ['needs_supplement', 'edit', ['applicant'], 'needs_supplement'],
  ['needs_supplement', 'submit', ['applicant'], 'submitted'],
  ['needs_supplement', 'resubmit', ['applicant'], 'under_review'],
  ['needs_supplement', 'reassign_officer', ['head', 'leader'], 'needs_supplement'],
  ['needs_supplement', 'reassign', ['leader'], 'needs_supplement'],
  ['under_review', 'reassign_officer', ['head', 'leader'], 'under_review'],
  ['under_review', 'reassign', ['leader'], 'under_review'],
  ['under_review', 'return', ['officer', 'head'], 'needs_supplement'],
  ['under_review', 'consult', ['officer', 'head'], 'under_review'],
  ['under_review', 'appraise', ['officer', 'head'], 'under_review'],
  ['under_review', 'recommend', ['officer', 'head'], 'recommended'],
  ['recommended', 'initial', ['head'], 'initialed'],
  ['recommended', 'send_back', ['head'], 'under_review'],
  ['initialed', 'send_back', ['leader'], 'under_review'],
  ['initialed', 'approve', ['leader', 'delegated'], 'approved'],
  ['initialed', 'reject', ['leader', 'delegated'], 'rejected'],
  ...BEFORE_DECISION.map((from): Row => [from, 'withdraw', ['applicant'], 'withdrawn']),
  ['approved', 'cancel', ['leader'], 'cancelled'],
  ['approved', 'contract', ['officer', 'head'], 'contracted'],
  ['contracted', 'cancel', ['leader'], 'cancelled'],
  ['contracted', 'accept', ['officer', 'head'], 'accepted'],
  ['accepted', 'submit_settlement', ['applicant'], 'settlement_submitted'],
  ['settlement_submitted', 'settle', ['leader', 'finance'], 'settled'],
];

/**
 * Where `action` taken in capacity `role` leads from `from`. No row for (state, action): 409
 * INVALID_STATE. A row, but not for this role: 403.
 */
export function nextStatus({ from, action, role }: { from: ApplicationStatus; action: WorkflowAction; role: WorkflowRole }): ApplicationStatus {
  const rows = TRANSITIONS.filter(([f, a]) => f === from && a === action);
  if (rows.length === 0) {
    throw new ApplicationError('INVALID_STATE', `Hồ sơ đang ở trạng thái "${statusLabel(from)}" nên không thể thực hiện thao tác này.`);
  }
  const row = rows.find(([, , roles]) => roles.includes(role));
  if (!row) throw new ApplicationError('FORBIDDEN', 'Vai trò của bạn không được thực hiện thao tác này với hồ sơ.');
  return row[3];
}

/** Every capacity that may take `action` in some state (the access check before the state). */
export function rolesFor(action: WorkflowAction): WorkflowRole[] {
  return [...new Set(TRANSITIONS.filter(([, a]) => a === action).flatMap(([, , roles]) => roles))];
}

/** The capacity an actor with `roles` takes `action` in, or a 403 when none of theirs may. */
export function capacityFor({ action, roles }: { action: WorkflowAction; roles: readonly string[] }): WorkflowRole {
  const allowed = rolesFor(action);
  const used = allowed.find((r) => roles.includes(r));
  if (!used) throw new ApplicationError('FORBIDDEN', 'Vai trò của bạn không được thực hiện thao tác này với hồ sơ.');
  return used;
}

/** A supplemented file goes back to its officer when it had one, to intake otherwise. */
export function submitActionFor({ officerId }: { officerId: string | null }): 'submit' | 'resubmit' {
  return officerId ? 'resubmit' : 'submit';
}

export interface Assignment {
  officerId: string;
  leadUnitId: string;
  dueDate: string;
}

/**
 * Which assignment action a request is: the first one, a change of the officer only (the head),
 * or a change of the lead unit or the due date (a leader). Null when nothing changes.
 */
export function assignActionFor({
  current,
  requested,
}: {
  current: { officerId: string | null; leadUnitId: string | null; dueDate: string | null };
  requested: Assignment;
}): 'assign' | 'reassign_officer' | 'reassign' | null {
  if (current.leadUnitId === null) return 'assign';
  if (current.leadUnitId !== requested.leadUnitId || current.dueDate !== requested.dueDate) return 'reassign';
  if (current.officerId !== requested.officerId) return 'reassign_officer';
  return null;
}

/**
 * Thẩm định before đề xuất: a recommendation rests on at least one appraisal of the file, unless the
 * recommender states why the file is recommended without one (the reason goes on the timeline).
 * Null when the recommendation may go ahead; otherwise the refusal (409 INVALID_STATE).
 */
export function recommendationRefusal({ appraisals, skipAppraisalReason }: { appraisals: number; skipAppraisalReason?: string | null }): ApplicationError | null {
  if (appraisals > 0 || (skipAppraisalReason ?? '').trim().length > 0) return null;
  return new ApplicationError(
    'INVALID_STATE',
    'Hồ sơ chưa có thẩm định: hãy ghi ý kiến thẩm định trước khi đề xuất mức hỗ trợ, hoặc ghi “Lý do đề xuất khi chưa thẩm định”.',
  );
}
