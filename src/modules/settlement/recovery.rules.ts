import { Decimal, Money } from '../../common/money/decimal';
import { formatMoneyVi } from '../../common/money/format-vi';

export type RecoveryStatus = 'open' | 'closed';

export type RecoveryRefusal = { code: 'INVALID_STATE'; detail: string } | { code: 'LIMIT_EXCEEDED'; detail: string };

/** A receipt taken: what has been received since, and whether the order is now closed. */
export interface RecoveryReceiptTaken {
  received: Money;
  status: RecoveryStatus;
}

/**
 * Thu hồi: a receipt against a recovery order, partial or whole. A closed order takes nothing
 * (INVALID_STATE); a receipt beyond what is outstanding is refused (LIMIT_EXCEEDED); the order
 * closes exactly when nothing is outstanding. `receipt` is positive (parseMoney sees to it).
 */
export function takeRecoveryReceipt({
  recovery,
  receipt,
  currency,
}: {
  recovery: { amount: Decimal; received: Decimal; status: RecoveryStatus };
  receipt: Decimal;
  currency: string;
}): RecoveryReceiptTaken | { refusal: RecoveryRefusal } {
  if (!receipt.gt(0) || !receipt.isFinite()) throw new RangeError('a recovery receipt is positive');
  if (recovery.status !== 'open') return { refusal: { code: 'INVALID_STATE', detail: 'Lệnh thu hồi này đã thu đủ.' } };
  const outstanding = recovery.amount.minus(recovery.received);
  if (receipt.gt(outstanding)) {
    return { refusal: { code: 'LIMIT_EXCEEDED', detail: `Số tiền thu vượt quá số còn phải thu hồi ${formatMoneyVi(outstanding, currency)}.` } };
  }
  const received = new Money(recovery.received).plus(receipt);
  return { received, status: received.eq(recovery.amount) ? 'closed' : 'open' };
}
