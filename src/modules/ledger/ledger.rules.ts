import type { Decimal } from '../../common/money/decimal';
import { assertNotMakerChecker } from '../../common/auth/maker-checker';
import type { AccountKind, AccountSpec, Books, TransferKind } from './ledger.types';

/** Accounts where money enters a year's books; every other account must never go below zero. */
const MAY_GO_NEGATIVE: ReadonlySet<AccountKind> = new Set(['source', 'recovery', 'carry_in']);

export function mayGoNegative(kind: AccountKind): boolean {
  return MAY_GO_NEGATIVE.has(kind);
}

/**
 * The unique name of an account in the books of one fund and year: a file's accounts by the file
 * (their unit is recorded on them for reporting), a unit's allocation by the unit.
 */
export function naturalKey(fundId: string, fiscalYear: number, spec: AccountSpec): string {
  return [fundId, fiscalYear, spec.kind, spec.applicationId ?? spec.unitId ?? '-'].join(':');
}

/** Why an account spec cannot name an account (a unit's or a file's account without one), or null. */
export function specProblem(spec: AccountSpec): string | null {
  const needsUnit = spec.kind === 'allocation';
  const needsApplication = ['commitment', 'payee', 'recovery'].includes(spec.kind);
  if ((needsUnit || needsApplication) && !spec.unitId) return `${spec.kind} account needs a unit`;
  if (needsApplication && !spec.applicationId) return `${spec.kind} account needs an application`;
  return null;
}

/** Which kinds of account each use of an account spec needs: a unit, a file, or neither. */
export function assertSpecShape(spec: AccountSpec): void {
  const problem = specProblem(spec);
  if (problem) throw new Error(problem);
}

/**
 * Why a transfer cannot be posted, or null when it can: a positive, finite amount between two
 * different, well-named accounts. Both accounts are named in the one `books` (fund and year), so
 * a transfer never leaves its books; money crosses into the next year only through the
 * carry_out / carry_in bridge, one transfer in each year. These are the callers' mistakes, never
 * a client's: the use cases validate what a client sends before they post.
 */
export function transferProblem({ from, to, amount }: { books: Books; from: AccountSpec; to: AccountSpec; amount: Decimal }): string | null {
  if (!amount.gt(0) || !amount.isFinite()) return 'a transfer amount is positive';
  const shape = specProblem(from) ?? specProblem(to);
  if (shape) return shape;
  // Same books, so the same natural key means the same kind and the same file or unit (compared
  // without building the keys: this runs on every transfer).
  if (from.kind === to.kind && (from.applicationId ?? from.unitId ?? null) === (to.applicationId ?? to.unitId ?? null)) {
    return 'a transfer moves money between two different accounts';
  }
  return null;
}

/**
 * Whether the source of a transfer must hold the amount: the guarded update moves the money only
 * while it does (the ledger_post procedure's `balance >= amount`), so such an account never goes
 * below zero, whatever runs at the same time.
 */
export function sourceMustCover(from: AccountSpec): boolean {
  return !mayGoNegative(from.kind);
}

export type ReversalRefusal = { code: 'INVALID_STATE'; detail: string } | { code: 'DUPLICATE'; detail: string };

/**
 * The budget's own entries, which a finance user's word (checked by a second one) may reverse.
 * Every other transfer belongs to a use case that posted it for a file or a year, and only that
 * use case may correct it, or the file's records (paid totals, recoveries) would no longer
 * follow the ledger.
 */
export const REVERSIBLE_KINDS: readonly TransferKind[] = ['appropriation', 'allocation', 'allocation_transfer', 'allocation_return'];

/** Why a transfer of each other kind is not reversed here, naming what corrects it. */
const CORRECTED_ELSEWHERE: Record<Exclude<TransferKind, (typeof REVERSIBLE_KINDS)[number]>, string> = {
  reversal: 'Không thể đảo một bút toán đảo; hãy lập bút toán mới.',
  commitment: 'Bút toán cam kết do phê duyệt hồ sơ tạo ra; muốn giải phóng số tiền cam kết, hãy hủy hồ sơ (POST /applications/:id/cancel).',
  commitment_release: 'Bút toán hoàn trả cam kết do hủy hoặc quyết toán hồ sơ tạo ra; không thể đảo, hồ sơ đã đóng phần cam kết đó.',
  disbursement:
    'Bút toán giải ngân là khoản đã chi cho đơn vị thụ hưởng; khi Kho bạc nhận lại tiền, hãy dùng nghiệp vụ trả lại khoản chi (POST /disbursements/:id/return) để hồ sơ và đối chiếu cùng ghi nhận.',
  disbursement_return:
    'Bút toán ghi nhận khoản chi Kho bạc đã hoàn trả (POST /disbursements/:id/return); không thể đảo, khoản hoàn trả và khoản chi cùng được đối chiếu với sao kê Kho bạc.',
  recovery_receipt:
    'Bút toán thu hồi ghi nhận tiền đơn vị thụ hưởng đã nộp lại theo khoản thu hồi của hồ sơ (POST /recoveries/:id/receive); không thể đảo, sai sót được xử lý trong nghiệp vụ thu hồi và đối chiếu sao kê Kho bạc.',
  carry_over: 'Bút toán chuyển nguồn do khóa sổ năm ngân sách tạo ra (POST /fiscal-years/:year/close); không thể đảo.',
};

/**
 * Whether a transfer may be reversed (asked for, or approved): only the budget's own entries,
 * at most once, and never a reversal (a new transfer corrects that).
 */
export function reversalRefusal({ kind, alreadyReversed }: { kind: string; alreadyReversed: boolean }): ReversalRefusal | null {
  if (!(REVERSIBLE_KINDS as readonly string[]).includes(kind)) {
    const detail = (CORRECTED_ELSEWHERE as Record<string, string>)[kind] ?? `Không thể đảo bút toán loại ${kind}.`;
    return { code: 'INVALID_STATE', detail };
  }
  if (alreadyReversed) return { code: 'DUPLICATE', detail: 'Bút toán này đã được đảo.' };
  return null;
}

/** Whether a reversal may be asked for: reversible (above), and no other request waits on it. */
export function reversalRequestRefusal(input: { kind: string; alreadyReversed: boolean; openRequest: boolean }): ReversalRefusal | null {
  const refusal = reversalRefusal(input);
  if (refusal) return refusal;
  if (input.openRequest) return { code: 'DUPLICATE', detail: 'Bút toán này đã có một đề nghị đảo đang chờ duyệt.' };
  return null;
}

export type ReversalRequestStatus = 'requested' | 'approved' | 'rejected';
export type ReversalDecision = 'approve' | 'reject';

/**
 * A second finance user's decision on a reversal request (nguyên tắc bốn mắt): never the
 * requester's own (403, via the one maker-checker rule), and only while it waits. Returns the
 * status the request moves to, or the refusal.
 */
export function reversalDecision({
  status,
  requestedBy,
  actorId,
  decision,
}: {
  status: ReversalRequestStatus;
  requestedBy: string;
  actorId: string;
  decision: ReversalDecision;
}): { status: ReversalRequestStatus } | ReversalRefusal {
  assertNotMakerChecker(actorId, { requestedBy });
  if (status !== 'requested') {
    const done = status === 'approved' ? 'đã được duyệt' : 'đã bị từ chối';
    return { code: 'INVALID_STATE', detail: `Đề nghị đảo bút toán này ${done}; không thể ${decision === 'approve' ? 'duyệt' : 'từ chối'} lại.` };
  }
  return { status: decision === 'approve' ? 'approved' : 'rejected' };
}

/** A reversal moves the same amount back: from the account the original debited to the one it credited. */
export function reversalOf<T>({ debit, credit }: { debit: T; credit: T }): { from: T; to: T } {
  return { from: debit, to: credit };
}
