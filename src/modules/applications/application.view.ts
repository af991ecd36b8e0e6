import { plainString } from '../../common/money/decimal';
import { formatDateVi } from '../../common/money/format-vi';
import { formatMoneyForApi } from '../../common/money/money';
import type { ApplicationDocument } from './application-document.entity';
import type { ApplicationEvent } from './application-event.entity';
import type { Application } from './application.entity';
import { consultationState, ConsultationStatus, ExtensionStatus } from './consultations.rules';
import { counterpartFunding } from './costs.rules';
import { ApplicationStatus, IN_REVIEW_STATUSES } from './application-statuses';
import type { Appraisal } from './appraisal.entity';
import type { Consultation } from './consultation.entity';
import type { CostLine } from './cost-line.entity';

export interface CostLineView {
  description: string;
  quantity: string;
  unitPrice: string;
  amount: string;
  eligible: boolean;
}

export interface TimelineEntryView {
  at: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorId: string | null;
  actorName: string | null;
  capacity: string;
  onBehalfOf: string | null;
  onBehalfOfName: string | null;
  note: string | null;
}

export interface DocumentView {
  id: string;
  name: string;
  kind: string;
  size: number;
  sha256: string;
  contentType: string;
  uploadedBy: string;
  uploadedAt: string;
}

export interface ConsultationView {
  id: string;
  applicationId: string;
  unitId: string;
  question: string;
  dueDate: string;
  status: ConsultationStatus;
  opinion: 'agree' | 'disagree' | null;
  comment: string | null;
  silent: boolean;
  /** Unanswered, with a request for more time awaiting the officer's or head's decision: not silent, even past the due date. */
  awaitingExtensionDecision: boolean;
  /** The due date first set, when an approved extension moved `dueDate`. */
  originalDueDate: string | null;
  /** The consulted unit's request for more time (one per consultation), and its decision. */
  extension: ExtensionView | null;
  answeredAt: string | null;
  answeredBy: string | null;
  requestedBy: string;
  requestedAt: string;
}

export interface ExtensionView {
  requestedUntil: string;
  reason: string;
  status: ExtensionStatus;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  /** What the officer or head wrote with their decision, if anything. */
  decisionReason: string | null;
}

/** A consulted unit's "disagree" (Điều 13.4): the file goes to the leader with it, who must acknowledge it to decide. */
export interface DisagreementView {
  consultationId: string;
  unitId: string;
  unitName: string | null;
  comment: string | null;
  answeredAt: string;
}

export interface AppraisalView {
  id: string;
  memberId: string;
  capacity: string;
  score: number;
  recommendation: 'approve' | 'reject';
  comment: string | null;
  createdAt: string;
}

export interface ApplicationView {
  id: string;
  status: ApplicationStatus;
  ownerId: string;
  establishmentId: string;
  activityTypeCode: string;
  fiscalYear: number;
  fundCode: string;
  currency: string;
  title: string;
  communeCode: string | null;
  startDate: string | null;
  endDate: string | null;
  costLines: CostLineView[];
  totalCost: string;
  eligibleCost: string;
  maxSupport: string;
  requestedSupport: string | null;
  approvedSupport: string | null;
  counterpartFunding: string;
  allocationUnitId: string | null;
  leadUnitId: string | null;
  officerId: string | null;
  dueDate: string | null;
  overdue: boolean;
  supplementDueDate: string | null;
  decisionNo: string | null;
  decisionDate: string | null;
  decidedBy: string | null;
  decisionCapacity: string | null;
  decidedOnBehalfOf: string | null;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
  timeline: TimelineEntryView[];
  documents?: DocumentView[];
  consultations?: ConsultationView[];
  appraisals?: AppraisalView[];
  /** The consulted units that answered "disagree", for the leader to consider before deciding. */
  disagreements: DisagreementView[];
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Whether a file in review has passed its due date on `today`. */
export function isOverdue(app: Pick<Application, 'status' | 'dueDate'>, today: string): boolean {
  return IN_REVIEW_STATUSES.includes(app.status) && app.dueDate !== null && app.dueDate < today;
}

export function toApplicationView({
  app,
  lines,
  events,
  consultations,
  today,
  detail,
  unitNames,
}: {
  app: Application;
  lines: CostLine[];
  events: ApplicationEvent[];
  /** At least the unanswered ones (their silent consents belong in the timeline) and the disagreeing ones. */
  consultations: Consultation[];
  today: string;
  /** The single-file view also lists documents, consultations and appraisals. */
  detail?: { documents: ApplicationDocument[]; appraisals: Appraisal[] };
  /** Names of the consulted units, for the timeline's silent consents and the disagreements. */
  unitNames?: ReadonlyMap<string, string>;
}): ApplicationView {
  const money = (v: Application['totalCost']) => formatMoneyForApi(v, app.currency);
  return {
    id: app.id,
    status: app.status,
    ownerId: app.ownerId,
    establishmentId: app.establishmentId,
    activityTypeCode: app.activityTypeCode,
    fiscalYear: app.fiscalYear,
    fundCode: app.fundCode,
    currency: app.currency,
    title: app.title,
    communeCode: app.communeCode,
    startDate: app.startDate,
    endDate: app.endDate,
    costLines: [...lines]
      .sort((a, b) => a.lineNo - b.lineNo)
      .map((l) => ({
        description: l.description,
        quantity: plainString(l.quantity),
        unitPrice: money(l.unitPrice),
        amount: money(l.amount),
        eligible: l.eligible,
      })),
    totalCost: money(app.totalCost),
    eligibleCost: money(app.eligibleCost),
    maxSupport: money(app.maxSupport),
    requestedSupport: app.requestedSupport === null ? null : money(app.requestedSupport),
    approvedSupport: app.approvedSupport === null ? null : money(app.approvedSupport),
    counterpartFunding: money(counterpartFunding({ totalCost: app.totalCost, support: app.approvedSupport ?? app.requestedSupport })),
    allocationUnitId: app.allocationUnitId,
    leadUnitId: app.leadUnitId,
    officerId: app.officerId,
    dueDate: app.dueDate,
    overdue: isOverdue(app, today),
    supplementDueDate: app.supplementDueDate,
    decisionNo: app.decisionNo,
    decisionDate: app.decisionDate,
    decidedBy: app.decidedBy,
    decisionCapacity: app.decisionCapacity,
    decidedOnBehalfOf: app.decidedOnBehalfOf,
    submittedAt: iso(app.submittedAt),
    createdAt: app.createdAt.toISOString(),
    updatedAt: app.updatedAt.toISOString(),
    timeline: timelineOf({ events, consultations, today, unitNames }),
    disagreements: disagreementsOf(consultations, unitNames),
    ...(detail
      ? {
          documents: detail.documents.map(toDocumentView),
          consultations: consultations.map((c) => toConsultationView(c, today)),
          appraisals: detail.appraisals.map(toAppraisalView),
        }
      : {}),
  };
}

/**
 * The stored steps, with the silent consents that have happened since: a consultation unanswered
 * when its due date ended (midnight in Hồ Chí Minh City) counts as agreement at that moment.
 */
export function timelineOf({
  events,
  consultations,
  today,
  unitNames,
}: {
  events: ApplicationEvent[];
  consultations: Consultation[];
  today: string;
  unitNames?: ReadonlyMap<string, string>;
}): TimelineEntryView[] {
  const stored = events.map(toTimelineEntryView);
  const silent = consultations
    .filter((c) => stateOf(c, today).silent)
    .map(
      (c): TimelineEntryView => ({
        at: endOfDayInVietnam(c.dueDate),
        action: 'silent_consent',
        fromStatus: null,
        toStatus: stored.at(-1)?.toStatus ?? 'draft',
        actorId: null,
        actorName: null,
        capacity: 'system',
        onBehalfOf: null,
        onBehalfOfName: null,
        note: `${unitNames?.get(c.unitId) ?? 'Đơn vị được xin ý kiến'} không trả lời trước hạn ${formatDateVi(c.dueDate)}: coi như đồng ý (im lặng là đồng ý).`,
      }),
    );
  if (silent.length === 0) return stored;
  // A stable sort by time keeps stored steps in their recorded order.
  return [...stored, ...silent].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** The instant a due date ends: 24:00 in Asia/Ho_Chi_Minh (UTC+7) is 17:00 UTC that day. */
function endOfDayInVietnam(date: string): string {
  return new Date(`${date}T17:00:00.000Z`).toISOString();
}

export function toTimelineEntryView(e: ApplicationEvent): TimelineEntryView {
  return {
    at: e.at.toISOString(),
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    actorId: e.actorId,
    actorName: e.actorName,
    capacity: e.capacity,
    onBehalfOf: e.onBehalfOf,
    onBehalfOfName: e.onBehalfOfName,
    note: e.note,
  };
}

export function toDocumentView(d: ApplicationDocument): DocumentView {
  return {
    id: d.id,
    name: d.name,
    kind: d.kind,
    size: d.size,
    sha256: d.sha256,
    contentType: d.contentType,
    uploadedBy: d.uploadedBy,
    uploadedAt: d.uploadedAt.toISOString(),
  };
}

/** How a stored consultation reads on `today` (consultations.rules). */
export function stateOf(c: Consultation, today: string) {
  return consultationState({ opinion: c.opinion, dueDate: c.dueDate, extensionStatus: c.extensionStatus, today });
}

/** The consulted units that answered "disagree", in the order they were asked. */
export function disagreementsOf(consultations: readonly Consultation[], unitNames?: ReadonlyMap<string, string>): DisagreementView[] {
  return consultations
    .filter((c) => c.opinion === 'disagree' && c.answeredAt !== null)
    .map((c) => ({ consultationId: c.id, unitId: c.unitId, unitName: unitNames?.get(c.unitId) ?? null, comment: c.comment, answeredAt: c.answeredAt!.toISOString() }));
}

function toExtensionView(c: Consultation): ExtensionView | null {
  if (!c.extensionStatus || !c.extensionRequestedUntil) return null;
  return {
    requestedUntil: c.extensionRequestedUntil,
    reason: c.extensionReason ?? '',
    status: c.extensionStatus,
    requestedBy: c.extensionRequestedBy ?? '',
    requestedAt: iso(c.extensionRequestedAt) ?? '',
    decidedBy: c.extensionDecidedBy,
    decidedAt: iso(c.extensionDecidedAt),
    decisionReason: c.extensionDecisionReason,
  };
}

export function toConsultationView(c: Consultation, today: string): ConsultationView {
  const state = stateOf(c, today);
  return {
    id: c.id,
    applicationId: c.applicationId,
    unitId: c.unitId,
    question: c.question,
    dueDate: c.dueDate,
    status: state.status,
    opinion: state.opinion,
    comment: c.comment,
    silent: state.silent,
    awaitingExtensionDecision: state.awaitingExtensionDecision,
    originalDueDate: c.originalDueDate,
    extension: toExtensionView(c),
    answeredAt: iso(c.answeredAt),
    answeredBy: c.answeredBy,
    requestedBy: c.requestedBy,
    requestedAt: c.requestedAt.toISOString(),
  };
}

export function toAppraisalView(a: Appraisal): AppraisalView {
  return {
    id: a.id,
    memberId: a.memberId,
    capacity: a.capacity,
    score: a.score,
    recommendation: a.recommendation,
    comment: a.comment,
    createdAt: a.createdAt.toISOString(),
  };
}
