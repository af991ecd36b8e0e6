import { Actor, hasRole } from '../common/auth/actor';
import { TRANSITIONS, WorkflowAction, WorkflowRole } from '../modules/applications/workflow.rules';
import { ApplicationStatus, FINAL_STATUSES } from '../modules/applications/application-statuses';

/** What a user can be offered on a file page. */
export type FileAction =
  | 'edit'
  | 'submit'
  | 'withdraw'
  | 'upload'
  | 'fileSettlement'
  | 'assign'
  | 'reassign'
  | 'return'
  | 'consult'
  | 'appraise'
  | 'recommend'
  | 'initial'
  | 'decide'
  | 'cancel'
  | 'contract'
  | 'accept'
  | 'requestAdvance'
  | 'requestPayment';


export interface FileFacts {
  status: ApplicationStatus;
  ownerId: string;
  officerId: string | null;
  /** Who recommended and who initialed, from the timeline (maker-checker). */
  recommendedBy: string | null;
  initialedBy: string | null;
  appraisedByMe: boolean;
  /** Whether the decision service would take this user's decision (leader, or a delegation covering it). */
  mayDecide: boolean;
}

/** The transition table allows `action` from `status` in capacity `role`. */
function allowed(status: ApplicationStatus, action: WorkflowAction, role: WorkflowRole): boolean {
  return TRANSITIONS.some(([from, a, roles]) => from === status && a === action && roles.includes(role));
}

/**
 * The actions a user may take on a file now, and only those: the workflow's transition table for
 * the user's roles, narrowed by the checks the services make (the assigned officer, one appraisal
 * per member, nobody decides what they prepared or initialed). The services check everything again.
 */
export function availableActions(actor: Actor, file: FileFacts): Set<FileAction> {
  const actions = new Set<FileAction>();
  const { status } = file;
  const owner = file.ownerId === actor.id && hasRole(actor, 'applicant');
  const officer = hasRole(actor, 'officer');
  const assignedToMe = file.officerId === actor.id;

  if (owner) {
    if (allowed(status, 'edit', 'applicant')) actions.add('edit');
    if (allowed(status, 'submit', 'applicant') || allowed(status, 'resubmit', 'applicant')) actions.add('submit');
    if (allowed(status, 'withdraw', 'applicant')) actions.add('withdraw');
    if (allowed(status, 'submit_settlement', 'applicant')) actions.add('fileSettlement');
  }
  if ((owner || officer) && !FINAL_STATUSES.includes(status)) actions.add('upload');
  if (hasRole(actor, 'head') && allowed(status, 'assign', 'head')) actions.add('assign');
  if (
    (hasRole(actor, 'head') && allowed(status, 'reassign_officer', 'head')) ||
    (hasRole(actor, 'leader') && allowed(status, 'reassign', 'leader'))
  ) {
    actions.add('reassign');
  }
  if (officer && allowed(status, 'return', 'officer') && (file.officerId === null || assignedToMe)) actions.add('return');
  if (officer && assignedToMe && allowed(status, 'consult', 'officer')) actions.add('consult');
  if (officer && assignedToMe && allowed(status, 'recommend', 'officer')) actions.add('recommend');
  if ((officer || hasRole(actor, 'head')) && allowed(status, 'appraise', officer ? 'officer' : 'head') && !file.appraisedByMe) actions.add('appraise');
  if (hasRole(actor, 'head') && allowed(status, 'initial', 'head') && file.officerId !== actor.id && file.recommendedBy !== actor.id) {
    actions.add('initial');
  }
  if (
    file.mayDecide &&
    (allowed(status, 'approve', 'leader') || allowed(status, 'approve', 'delegated')) &&
    ![file.officerId, file.recommendedBy, file.initialedBy].includes(actor.id)
  ) {
    actions.add('decide');
  }
  if (hasRole(actor, 'leader') && allowed(status, 'cancel', 'leader')) actions.add('cancel');
  if (officer && allowed(status, 'contract', 'officer')) actions.add('contract');
  if (officer && allowed(status, 'accept', 'officer')) actions.add('accept');
  if (hasRole(actor, 'officer', 'finance')) {
    if (status === 'approved' || status === 'contracted') actions.add('requestAdvance');
    if (status === 'accepted' || status === 'settlement_submitted') actions.add('requestPayment');
  }
  return actions;
}
