import { Actor, hasRole } from '../../common/auth/actor';
import { ApplicationStatus, FINAL_STATUSES } from './application-statuses';
import { actingRight, FileAct, FileStanding } from './file-access.rules';
import { TRANSITIONS, WorkflowAction, WorkflowRole } from './workflow.rules';

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
  /** Approve or refuse a consulted unit's request for more time (the page shows it beside each pending request). */
  | 'decideExtension'
  | 'appraise'
  | 'recommend'
  | 'initial'
  /** Send the file back to its officer (the head a recommendation, a leader an initialed file). */
  | 'sendBack'
  | 'decide'
  | 'cancel'
  | 'contract'
  | 'accept'
  | 'requestAdvance'
  | 'requestPayment'
  | 'declare';

/** The facts of a file the offers depend on, beyond where the user stands towards it. */
export interface OfferFacts {
  status: ApplicationStatus;
  ownerId: string;
  officerId: string | null;
  /** Who recommended and who initialed (maker-checker). */
  recommendedBy: string | null;
  initialedBy: string | null;
  appraisedByMe: boolean;
  /** The user has already declared on this file (a declaration is made once). */
  declaredByMe: boolean;
  /** The user declared a conflict of interest with the file: they no longer appraise, recommend, initial or decide it. */
  conflictDeclared?: boolean;
  /** A consulted unit asked for more time and nobody has decided yet. */
  extensionAwaiting?: boolean;
  /** Whether the decision service would take this user's decision (leader in their field, or a delegation covering it). */
  mayDecide: boolean;
  /**
   * An advance may still be asked for: the advance limit is not used up and something is left of
   * the commitment that no request holds (the disbursements' request room).
   */
  advanceRoom: boolean;
  /**
   * A disbursement request of the file waits to be approved or paid: the file is not cancelled
   * until finance pays or rejects it (the cancellation refuses, 409, as a settlement's approval does).
   */
  pendingRequests: boolean;
  /**
   * A payment may still be asked for: something is left of the commitment that no request holds
   * (nothing once the settlement has opened its final payment, or a recovery).
   */
  paymentRoom: boolean;
}

/** The transition table allows `action` from `status` in capacity `role`. */
function allowed(status: ApplicationStatus, action: WorkflowAction, role: WorkflowRole): boolean {
  return TRANSITIONS.some(([from, a, roles]) => from === status && a === action && roles.includes(role));
}

/**
 * The actions a user may take on a file now, and only those: the workflow's transition table in
 * the capacities the user holds, narrowed by the access policy (who acts on which file, the same
 * rule every use case asks first) and the checks the services make (one appraisal per member,
 * nobody decides what they prepared or initialed, no request beyond its limit). The services
 * check everything again.
 */
export function offeredActions(actor: Actor, file: OfferFacts, standing: FileStanding): Set<FileAction> {
  const offers = new Set<FileAction>();
  const { status } = file;
  const right = (act: FileAct) => actingRight(act, actor, standing, file);
  /** The capacity the user takes `action` in: one of their roles the table allows, or the head's for a routine delegate. */
  const may = (action: WorkflowAction, act: FileAct): boolean => {
    const r = right(act);
    if (!r.allowed) return false;
    const roles: WorkflowRole[] = r.onBehalfOf ? ['head'] : (actor.roles as WorkflowRole[]);
    return roles.some((role) => allowed(status, action, role));
  };
  const owner = standing.owner && hasRole(actor, 'applicant');

  if (owner) {
    if (allowed(status, 'edit', 'applicant')) offers.add('edit');
    if (allowed(status, 'submit', 'applicant') || allowed(status, 'resubmit', 'applicant')) offers.add('submit');
    if (allowed(status, 'withdraw', 'applicant')) offers.add('withdraw');
    if (allowed(status, 'submit_settlement', 'applicant')) offers.add('fileSettlement');
  }
  if (right('upload').allowed && !FINAL_STATUSES.includes(status)) offers.add('upload');
  if (may('assign', 'assign')) offers.add('assign');
  if (may('reassign_officer', 'assign') || may('reassign', 'assign')) offers.add('reassign');
  if (may('return', 'return')) offers.add('return');
  if (may('consult', 'consult')) offers.add('consult');
  // Not a workflow step: whoever may consult on the file decides a request for more time, in any state.
  if (file.extensionAwaiting && right('decide_extension').allowed) offers.add('decideExtension');
  if (may('recommend', 'recommend')) offers.add('recommend');
  if (may('appraise', 'appraise') && !file.appraisedByMe) offers.add('appraise');
  const initial = right('initial');
  if (initial.allowed && may('initial', 'initial')) {
    const people = [actor.id, ...(initial.onBehalfOf ? [initial.onBehalfOf] : [])];
    if (!people.some((p) => p === file.officerId || p === file.recommendedBy)) offers.add('initial');
  }
  if (may('send_back', 'send_back')) offers.add('sendBack');
  if (
    file.mayDecide &&
    (allowed(status, 'approve', 'leader') || allowed(status, 'approve', 'delegated')) &&
    ![file.officerId, file.recommendedBy, file.initialedBy].includes(actor.id)
  ) {
    offers.add('decide');
  }
  if (hasRole(actor, 'leader') && allowed(status, 'cancel', 'leader') && !file.pendingRequests) offers.add('cancel');
  if (may('contract', 'contract')) offers.add('contract');
  if (may('accept', 'accept')) offers.add('accept');
  // A request with no room can only be refused (over the limit): it is not offered.
  if (right('request_payment').allowed) {
    if ((status === 'approved' || status === 'contracted') && file.advanceRoom) offers.add('requestAdvance');
    if ((status === 'accepted' || status === 'settlement_submitted') && file.paymentRoom) offers.add('requestPayment');
  }
  if (right('declare').allowed && !file.declaredByMe && !FINAL_STATUSES.includes(status)) offers.add('declare');
  if (file.conflictDeclared) for (const judging of ['appraise', 'recommend', 'initial', 'decide'] as const) offers.delete(judging);
  return offers;
}
