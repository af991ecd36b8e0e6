import { Decimal, Money } from '../../common/money/decimal';
import { floorRateOf, minMoney } from '../../common/money/money';
import { formatMoneyVi, formatPercentVi } from '../../common/money/format-vi';
import type { ApplicationStatus } from '../applications/application-files';
import { makerCheckerRefusal } from '../../common/auth/maker-checker';
import type { Forbidden } from '../../common/http/domain-error';

export type DisbursementKind = 'advance' | 'payment' | 'final';
export type DisbursementStatus = 'requested' | 'approved' | 'paid' | 'rejected' | 'returned';

/** Requests that count against no limit: refused ones, and paid ones the treasury sent back. */
export const NOT_COUNTING_STATUSES: readonly DisbursementStatus[] = ['rejected', 'returned'];

export type DisbursementRefusal =
  | { code: 'INVALID_STATE'; detail: string }
  | { code: 'LIMIT_EXCEEDED'; detail: string };

/** Where a file must be for each kind of money: advances before acceptance, payments only after it. */
const ALLOWED_STATUSES: Record<DisbursementKind, ApplicationStatus[]> = {
  advance: ['approved', 'contracted'],
  payment: ['accepted', 'settlement_submitted'],
  final: ['settled', 'settlement_submitted'],
};

/** The most that may be advanced: floor(advanceRate × approvedSupport). */
export function advanceLimit({ approvedSupport, advanceRate, currency }: { approvedSupport: Decimal; advanceRate: Decimal; currency: string }): Money {
  return floorRateOf({ rate: advanceRate, amount: approvedSupport, currency });
}

export interface DisbursementCheck {
  kind: DisbursementKind;
  amount: Decimal;
  applicationStatus: ApplicationStatus;
  approvedSupport: Decimal;
  advanceRate: Decimal;
  currency: string;
  /** Advances requested, approved or paid so far (not rejected), this one excluded. */
  advancesSoFar: Decimal;
  /** Requests not yet paid (requested or approved), this one excluded. */
  pending: Decimal;
  /** What is left of the commitment in the ledger (approved support neither paid nor released). */
  committed: Decimal;
}

/**
 * Whether a disbursement may be requested (or paid): the file is in the right state, advances
 * stay within advanceRate × approvedSupport, and what is requested and not yet paid, with this
 * one, fits in what is still committed. Null when it may; otherwise why not.
 */
export function disbursementRefusal(check: DisbursementCheck): DisbursementRefusal | null {
  if (!ALLOWED_STATUSES[check.kind].includes(check.applicationStatus)) {
    return check.kind === 'payment'
      ? { code: 'INVALID_STATE', detail: 'Chỉ được thanh toán (ngoài tạm ứng) sau khi đề án đã được nghiệm thu.' }
      : { code: 'INVALID_STATE', detail: `Hồ sơ đang ở trạng thái không cho phép chi (${check.applicationStatus}).` };
  }
  if (check.kind === 'advance') {
    const limit = advanceLimit(check);
    if (check.advancesSoFar.plus(check.amount).gt(limit)) {
      return {
        code: 'LIMIT_EXCEEDED',
        detail: `Tổng tạm ứng vượt mức cho phép ${formatMoneyVi(limit, check.currency)} (${formatPercentVi(check.advanceRate)} kinh phí được duyệt).`,
      };
    }
  }
  if (check.pending.plus(check.amount).gt(check.committed)) {
    return { code: 'LIMIT_EXCEEDED', detail: 'Số tiền đề nghị cộng các khoản chưa chi vượt quá kinh phí còn cam kết cho đề án.' };
  }
  return null;
}

/**
 * What a year close released from a file's commitment that the file is still owed: before its
 * settlement a file's commitment is its approved support less what was paid to it (returns put
 * back), so any shortfall of the commitment in the open year's books is what a close that did not
 * carry commitments over released. An interim payment approved before that close is checked
 * against the commitment as if it had been carried (`committed` plus this), and what it lacks is
 * committed anew from the unit's allocation of the open year when it is paid. Zero in the year of
 * the decision and after a close that carried commitments over.
 */
export function releasedByClose({ approvedSupport, paid, committed }: { approvedSupport: Decimal; paid: Decimal; committed: Decimal }): Money {
  const released = new Money(approvedSupport).minus(paid).minus(committed);
  return released.isNegative() ? new Money(0) : released;
}

/** How much more of each kind a file may be asked for now. */
export interface RequestRoom {
  advance: Money;
  payment: Money;
}

/**
 * The most an advance or a payment requested now may be (zero when none may): the limits
 * `disbursementRefusal` applies, so a request is refused exactly when it is above its room. The
 * file page offers a request only where there is room (a payment the settlement already opened
 * as its final payment, or an advance beyond the limit, can only be refused).
 */
export function requestRoom(check: Omit<DisbursementCheck, 'kind' | 'amount'>): RequestRoom {
  const zero = new Money(0);
  const atLeastZero = (v: Money) => (v.isNegative() ? zero : v);
  const free = atLeastZero(new Money(check.committed).minus(check.pending));
  const advanceLeft = atLeastZero(advanceLimit(check).minus(check.advancesSoFar));
  return {
    advance: ALLOWED_STATUSES.advance.includes(check.applicationStatus) ? minMoney(advanceLeft, free) : zero,
    payment: ALLOWED_STATUSES.payment.includes(check.applicationStatus) ? free : zero,
  };
}

/** The transitions of a disbursement request. */
export function nextDisbursementStatus(from: DisbursementStatus, action: 'approve' | 'pay' | 'reject' | 'return'): DisbursementStatus | null {
  if (action === 'approve' && from === 'requested') return 'approved';
  if (action === 'pay' && from === 'approved') return 'paid';
  if (action === 'return' && from === 'paid') return 'returned';
  if (action === 'reject' && (from === 'requested' || from === 'approved')) return 'rejected';
  return null;
}

/**
 * Where a file may be when the treasury sends a paid amount back: before its settlement is filed.
 * From then on the settlement counts what was paid (the leader's decision fixes the final payment
 * or the recovery from it), so a return then would leave its figures wrong; a settled file is closed.
 */
const RETURNABLE_FILE_STATUSES: ApplicationStatus[] = ['approved', 'contracted', 'accepted'];

/**
 * Whether a paid disbursement may be recorded as returned by the treasury (hoàn trả về Kho bạc):
 * only a paid one, once, only while the file's settlement is not yet filed, and only while the
 * year whose books it was paid in is open. A payment of a closed year left that year's books with
 * its beneficiary (the payee account does not cross a close), so no open year holds it to take
 * back: the return is refused naming the year, and the money the treasury got back is accounted
 * for in the file's settlement (the final support less what was paid: a recovery, received in the
 * open year). Null when it may.
 */
export function disbursementReturnRefusal(check: {
  status: DisbursementStatus;
  applicationStatus: ApplicationStatus;
  /** The fiscal year whose books the payment was posted in, and its status. */
  paidIn?: { year: number; status: 'open' | 'closed' } | null;
}): { code: 'INVALID_STATE'; detail: string } | null {
  if (check.status === 'returned') return { code: 'INVALID_STATE', detail: 'Khoản chi này đã được ghi nhận hoàn trả.' };
  if (!nextDisbursementStatus(check.status, 'return')) return { code: 'INVALID_STATE', detail: 'Chỉ khoản chi đã chi mới có thể được ghi nhận hoàn trả.' };
  if (!RETURNABLE_FILE_STATUSES.includes(check.applicationStatus)) {
    return {
      code: 'INVALID_STATE',
      detail: `Hồ sơ đang ở trạng thái "${check.applicationStatus}": sau khi nộp quyết toán, khoản hoàn trả phải được xử lý trong quyết toán.`,
    };
  }
  if (check.paidIn?.status === 'closed') {
    return {
      code: 'INVALID_STATE',
      detail: `Khoản chi này được chi trên sổ năm ${check.paidIn.year}, năm ${check.paidIn.year} đã khóa sổ: không ghi nhận hoàn trả vào sổ năm đã khóa được. Số tiền Kho bạc nhận lại được xử lý khi quyết toán đề án (thu hồi phần đã chi vượt mức hỗ trợ cuối cùng).`,
    };
  }
  return null;
}

/** A disbursement request as its approval is asked about: who asked, and in whose name. */
export interface RequestedBy {
  requestedBy: string;
  /** The leader whose delegate asked (a final payment opened by a delegate's settlement approval). */
  requestedOnBehalfOf: string | null;
}

/**
 * Maker-checker on a disbursement's approval: not its requester, nor the leader in whose name a
 * delegate requested it. Null when `approverId` may approve; otherwise the refusal (403). The
 * approval and the payments page both ask this.
 */
export function approverRefusal(approverId: string, request: RequestedBy): Forbidden | null {
  return makerCheckerRefusal(approverId, { requestedBy: request.requestedBy }) ?? makerCheckerRefusal(approverId, { requestedBy: request.requestedOnBehalfOf });
}
