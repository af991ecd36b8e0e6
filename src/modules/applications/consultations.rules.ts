/** Consultations (xin ý kiến): how one reads on a given day, extensions of time, disagreements. */
import { DomainError, ValidationFailed } from '../../common/http/domain-error';
import { formatDateVi } from '../../common/money/format-vi';
import { ApplicationError } from './applications.error';

export type ConsultationStatus = 'open' | 'answered' | 'silent';

/** A consulted unit's written request for more time (văn bản đề nghị gia hạn), and what became of it. */
export type ExtensionStatus = 'requested' | 'approved' | 'rejected';

export interface ConsultationReading {
  status: ConsultationStatus;
  opinion: 'agree' | 'disagree' | null;
  silent: boolean;
  /** Unanswered, with a request for more time that nobody has decided yet: not silent, whatever the day. */
  awaitingExtensionDecision: boolean;
}

/**
 * How a consultation reads on `today`: answered; open until its due date; after that, with no
 * answer, the consulted unit is taken to agree (silent consent, Điều 13.5 of the working
 * regulation) — but only "mà không có văn bản đề nghị gia hạn": while a request for more time
 * awaits its decision, the consultation stays open. `dueDate` is the date that counts: an approved
 * extension has already moved it (the original is kept beside it), a rejected one left it.
 * `consultationStatusSql` says the same in SQL for lists; the two are tested against each other.
 */
export function consultationState({
  opinion,
  dueDate,
  extensionStatus,
  today,
}: {
  opinion: 'agree' | 'disagree' | null;
  dueDate: string;
  extensionStatus: ExtensionStatus | null;
  today: string;
}): ConsultationReading {
  if (opinion) return { status: 'answered', opinion, silent: false, awaitingExtensionDecision: false };
  if (extensionStatus === 'requested') return { status: 'open', opinion: null, silent: false, awaitingExtensionDecision: true };
  if (today > dueDate) return { status: 'silent', opinion: 'agree', silent: true, awaitingExtensionDecision: false };
  return { status: 'open', opinion: null, silent: false, awaitingExtensionDecision: false };
}

/**
 * `consultationState(…).status === status` as a SQL condition on a consultation aliased `alias`.
 * `today` is the placeholder the caller binds to today's date (`:today` for a query builder, `?`
 * for a raw query); it appears once in the `open` and `silent` conditions, and not in `answered`.
 */
export function consultationStatusSql(alias: string, status: ConsultationStatus, today: string): string {
  const unanswered = `${alias}.answered_at IS NULL`;
  const requested = `${alias}.extension_status <=> 'requested'`;
  switch (status) {
    case 'answered':
      return `${alias}.answered_at IS NOT NULL`;
    case 'open':
      return `(${unanswered} AND (${alias}.due_date >= ${today} OR ${requested}))`;
    case 'silent':
      return `(${unanswered} AND ${alias}.due_date < ${today} AND NOT (${requested}))`;
  }
}

/**
 * Whether the consulted unit may still ask for more time: once per consultation, unanswered, on or
 * before its due date (after it the silence has already counted as agreement: 409).
 */
export function extensionRequestRefusal({
  status,
  dueDate,
  extensionStatus,
  today,
}: {
  status: ConsultationStatus;
  dueDate: string;
  extensionStatus: ExtensionStatus | null;
  today: string;
}): ApplicationError | null {
  if (status === 'answered') return new ApplicationError('INVALID_STATE', 'Đơn vị đã trả lời yêu cầu xin ý kiến này.');
  if (extensionStatus) {
    const what = { requested: 'đang chờ quyết định', approved: 'đã được đồng ý', rejected: 'đã bị từ chối' }[extensionStatus];
    return new ApplicationError('INVALID_STATE', `Đơn vị đã đề nghị gia hạn yêu cầu này (${what}); mỗi yêu cầu xin ý kiến chỉ được đề nghị gia hạn một lần.`);
  }
  if (today > dueDate) {
    return new ApplicationError(
      'INVALID_STATE',
      `Đã quá hạn trả lời (${formatDateVi(dueDate)}): chỉ đề nghị gia hạn được đến hết ngày hạn; đơn vị được coi là đồng ý (im lặng là đồng ý).`,
    );
  }
  return null;
}

/** The date asked for must come after the due date it extends (400 naming `newDueDate`). */
export function newDueDateProblem({ dueDate, newDueDate }: { dueDate: string; newDueDate: string }): ValidationFailed | null {
  return newDueDate > dueDate ? null : ValidationFailed.field('newDueDate', `phải sau hạn trả lời hiện tại (${formatDateVi(dueDate)})`);
}

/** Whether a request for more time may be decided now: one awaits, and the unit has not answered since. */
export function extensionDecisionRefusal({ opinion, extensionStatus }: { opinion: 'agree' | 'disagree' | null; extensionStatus: ExtensionStatus | null }): ApplicationError | null {
  if (opinion) return new ApplicationError('INVALID_STATE', 'Đơn vị đã trả lời yêu cầu xin ý kiến này; không còn đề nghị gia hạn nào để quyết định.');
  if (extensionStatus !== 'requested') return new ApplicationError('INVALID_STATE', 'Yêu cầu xin ý kiến này không có đề nghị gia hạn đang chờ quyết định.');
  return null;
}

/**
 * What deciding a request for more time changes: an approval moves the due date to the date asked
 * for and keeps the original; a refusal keeps the due date (if it has passed, the silence counts
 * as agreement from it).
 */
export function extensionDecided({
  decision,
  dueDate,
  requestedUntil,
}: {
  decision: 'approve' | 'reject';
  dueDate: string;
  requestedUntil: string;
}): { extensionStatus: ExtensionStatus; dueDate: string; originalDueDate: string | null } {
  return decision === 'approve'
    ? { extensionStatus: 'approved', dueDate: requestedUntil, originalDueDate: dueDate }
    : { extensionStatus: 'rejected', dueDate, originalDueDate: null };
}

/**
 * A consulted unit that disagreed sends the question up to the director (Điều 13.4): whoever
 * decides the file must say they considered it (409 DISAGREEMENT_NOT_ACKNOWLEDGED naming the units).
 */
export function disagreementRefusal({ units, acknowledged }: { units: readonly string[]; acknowledged: boolean }): DomainError | null {
  if (units.length === 0 || acknowledged) return null;
  return new ApplicationError(
    'DISAGREEMENT_NOT_ACKNOWLEDGED',
    `${listVi(units)} không đồng ý với hồ sơ này (ý kiến khi được xin ý kiến); cần xác nhận đã xem xét ý kiến không đồng ý (acknowledgeDisagreement) trước khi quyết định.`,
  );
}

/** The decision's timeline note when it was taken over a disagreement. */
export function disagreementNote(units: readonly string[]): string | null {
  return units.length ? `Đã xem xét ý kiến không đồng ý của ${listVi(units)}` : null;
}

/** "A", "A và B", "A, B và C". */
function listVi(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} và ${items.at(-1)}`;
}
