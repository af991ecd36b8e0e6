import type { FieldError } from '../../common/http/domain-error';
import { currencyScale } from '../../common/money/currency';
import { Decimal, Money } from '../../common/money/decimal';
import { floorRateOf, MAX_INTEGER_DIGITS, minMoney, sumMoney } from '../../common/money/money';
import { formatMoneyVi } from '../../common/money/format-vi';
import { ApplicationError } from './applications.error';
import { ApplicationStatus } from './application-statuses';
import { statusLabel } from './applications.labels';


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
 */
export const TRANSITIONS: readonly Row[] = [
  ['draft', 'edit', ['applicant'], 'draft'],
  ['draft', 'submit', ['applicant'], 'submitted'],
  ['submitted', 'assign', ['head'], 'under_review'],
  ['submitted', 'return', ['officer'], 'needs_supplement'],
  ['needs_supplement', 'edit', ['applicant'], 'needs_supplement'],
  ['needs_supplement', 'submit', ['applicant'], 'submitted'],
  ['needs_supplement', 'resubmit', ['applicant'], 'under_review'],
  ['needs_supplement', 'reassign_officer', ['head', 'leader'], 'needs_supplement'],
  ['needs_supplement', 'reassign', ['leader'], 'needs_supplement'],
  ['under_review', 'reassign_officer', ['head', 'leader'], 'under_review'],
  ['under_review', 'reassign', ['leader'], 'under_review'],
  ['under_review', 'return', ['officer'], 'needs_supplement'],
  ['under_review', 'consult', ['officer'], 'under_review'],
  ['under_review', 'appraise', ['officer', 'head'], 'under_review'],
  ['under_review', 'recommend', ['officer'], 'recommended'],
  ['recommended', 'initial', ['head'], 'initialed'],
  ['initialed', 'approve', ['leader', 'delegated'], 'approved'],
  ['initialed', 'reject', ['leader', 'delegated'], 'rejected'],
  ...BEFORE_DECISION.map((from): Row => [from, 'withdraw', ['applicant'], 'withdrawn']),
  ['approved', 'cancel', ['leader'], 'cancelled'],
  ['approved', 'contract', ['officer'], 'contracted'],
  ['contracted', 'cancel', ['leader'], 'cancelled'],
  ['contracted', 'accept', ['officer'], 'accepted'],
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

// ---- money -----------------------------------------------------------------------------------

const MAX_AMOUNT = new Money(10).pow(MAX_INTEGER_DIGITS);

export interface CostLineInput {
  quantity: Decimal;
  unitPrice: Decimal;
  eligible: boolean;
}

/**
 * A line's amount: quantity × unit price in whole units of the currency, rounded down so a
 * fractional quantity never overstates the cost the state supports.
 */
export function lineAmount({ quantity, unitPrice, currency }: { quantity: Decimal; unitPrice: Decimal; currency: string }): Money {
  return new Money(quantity).times(unitPrice).toDecimalPlaces(currencyScale(currency), Decimal.ROUND_FLOOR);
}

/** Support for one file: min(floor(rate × eligible cost), cap); no cap when the rule sets it per decision. */
export function supportLimit({
  supportRate,
  supportCap,
  eligibleCost,
  currency,
}: {
  supportRate: Decimal;
  supportCap: Decimal | null;
  eligibleCost: Decimal;
  currency: string;
}): Money {
  const byRate = floorRateOf({ rate: supportRate, amount: eligibleCost, currency });
  return supportCap === null ? byRate : minMoney(byRate, supportCap);
}

export interface Totals {
  lineAmounts: Money[];
  totalCost: Money;
  eligibleCost: Money;
  maxSupport: Money;
}

/**
 * The figures of a file: each line's amount, total cost, eligible cost (the eligible lines) and the
 * most support the rule allows. The beneficiary funds the rest (vốn đối ứng). A figure past 18
 * integer digits is a 400 naming the line.
 */
export function totalsOf({
  lines,
  rule,
  currency,
}: {
  lines: CostLineInput[];
  rule: { supportRate: Decimal; supportCap: Decimal | null };
  currency: string;
}): Totals {
  const lineAmounts = lines.map((line, i) => {
    const amount = lineAmount({ quantity: line.quantity, unitPrice: line.unitPrice, currency });
    if (amount.gte(MAX_AMOUNT)) {
      throw new ApplicationError('VALIDATION_FAILED', `costLines[${i}]: thành tiền vượt quá giới hạn.`, [
        { field: `costLines[${i}].unitPrice`, message: `thành tiền (số lượng × đơn giá) tối đa ${MAX_INTEGER_DIGITS} chữ số phần nguyên` },
      ]);
    }
    return amount;
  });
  const totalCost = sumMoney(lineAmounts);
  if (totalCost.gte(MAX_AMOUNT)) {
    throw new ApplicationError('VALIDATION_FAILED', 'costLines: tổng chi phí vượt quá giới hạn.', [
      { field: 'costLines', message: `tổng chi phí tối đa ${MAX_INTEGER_DIGITS} chữ số phần nguyên` },
    ]);
  }
  const eligibleCost = sumMoney(lineAmounts.filter((_, i) => lines[i].eligible));
  const maxSupport = supportLimit({ supportRate: rule.supportRate, supportCap: rule.supportCap, eligibleCost, currency });
  return { lineAmounts, totalCost, eligibleCost, maxSupport };
}

/** What the beneficiary funds: total cost less the support (approved once set, requested before). */
export function counterpartFunding({ totalCost, support }: { totalCost: Decimal; support: Decimal | null }): Money {
  const rest = new Money(totalCost).minus(support ?? 0);
  return rest.isNegative() ? new Money(0) : rest;
}

export interface SubmissionDraft {
  title: string | null;
  communeCode: string | null;
  startDate: string | null;
  endDate: string | null;
  costLineCount: number;
  eligibleCost: Decimal;
  maxSupport: Decimal;
  requestedSupport: Decimal | null;
  currency: string;
}

/** Why a file cannot be submitted yet (each naming its field), or an empty list. */
export function submissionProblems(file: SubmissionDraft): FieldError[] {
  const problems: FieldError[] = [];
  if (!file.title) problems.push({ field: 'title', message: 'bắt buộc' });
  if (!file.communeCode) problems.push({ field: 'communeCode', message: 'bắt buộc' });
  if (!file.startDate) problems.push({ field: 'startDate', message: 'bắt buộc' });
  if (!file.endDate) problems.push({ field: 'endDate', message: 'bắt buộc' });
  if (file.startDate && file.endDate && file.endDate < file.startDate) {
    problems.push({ field: 'endDate', message: 'không được trước ngày bắt đầu' });
  }
  if (file.costLineCount === 0) problems.push({ field: 'costLines', message: 'cần ít nhất một dòng chi phí' });
  else if (!file.eligibleCost.gt(0)) problems.push({ field: 'costLines', message: 'cần ít nhất một khoản chi phí được hỗ trợ' });
  if (file.requestedSupport === null) problems.push({ field: 'requestedSupport', message: 'bắt buộc' });
  else if (file.requestedSupport.gt(file.maxSupport)) {
    problems.push({ field: 'requestedSupport', message: `vượt quá mức hỗ trợ tối đa ${formatMoneyVi(file.maxSupport, file.currency)}` });
  }
  return problems;
}

/**
 * The approved support a recommendation may carry: positive, at most the rule's maximum and at most
 * what was requested. Null when acceptable, otherwise the refusal.
 */
export function approvedSupportProblem({
  approvedSupport,
  maxSupport,
  requestedSupport,
  currency,
}: {
  approvedSupport: Decimal;
  maxSupport: Decimal;
  requestedSupport: Decimal | null;
  currency: string;
}): ApplicationError | null {
  if (approvedSupport.gt(maxSupport)) {
    const message = `vượt quá mức hỗ trợ tối đa ${formatMoneyVi(maxSupport, currency)}`;
    return new ApplicationError('LIMIT_EXCEEDED', `Kinh phí hỗ trợ đề xuất ${message}.`, [{ field: 'approvedSupport', message }]);
  }
  if (requestedSupport !== null && approvedSupport.gt(requestedSupport)) {
    const message = `vượt quá kinh phí đề nghị ${formatMoneyVi(requestedSupport, currency)}`;
    return new ApplicationError('LIMIT_EXCEEDED', `Kinh phí hỗ trợ đề xuất ${message}.`, [{ field: 'approvedSupport', message }]);
  }
  return null;
}

// ---- consultations and due dates -------------------------------------------------------------

export type ConsultationStatus = 'open' | 'answered' | 'silent';

/**
 * How a consultation reads on `today`: answered; open until its due date; after that, with no
 * answer, the consulted unit is taken to agree (silent consent, Điều 13.5 of the working regulation).
 */
export function consultationState({
  opinion,
  dueDate,
  today,
}: {
  opinion: 'agree' | 'disagree' | null;
  dueDate: string;
  today: string;
}): { status: ConsultationStatus; opinion: 'agree' | 'disagree' | null; silent: boolean } {
  if (opinion) return { status: 'answered', opinion, silent: false };
  if (today > dueDate) return { status: 'silent', opinion: 'agree', silent: true };
  return { status: 'open', opinion: null, silent: false };
}

/** Whole days a due date has passed by on `today` (0 when not past). */
export function daysOverdue({ dueDate, today }: { dueDate: string; today: string }): number {
  const days = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / 86_400_000;
  return days > 0 ? days : 0;
}
