import { Decimal, Money } from '../../common/money/decimal';
import { floorRateOf, minMoney } from '../../common/money/money';
import type { FieldError } from '../../common/http/domain-error';

export interface SettlementFigures {
  finalSupport: Money;
  paid: Money;
  /** finalSupport − paid: positive is a final payment, negative a recovery. */
  balance: Money;
  /** What goes back from the commitment to the unit at approval. */
  released: Money;
  finalPayment: Money;
  recovery: Money;
}

/**
 * Quyết toán: finalSupport = min(approvedSupport, floor(supportRate × actualEligibleCost), cap);
 * balance = finalSupport − paid. The commitment beyond what is still to be paid returns to the
 * unit; on a recovery everything unpaid returns.
 */
export function settle({
  approvedSupport,
  supportRate,
  supportCap,
  actualEligibleCost,
  paid,
  committed,
  currency,
}: {
  approvedSupport: Decimal;
  supportRate: Decimal;
  supportCap: Decimal | null;
  actualEligibleCost: Decimal;
  paid: Decimal;
  /** What is left in the file's commitment account now. */
  committed: Decimal;
  currency: string;
}): SettlementFigures {
  const byRate = floorRateOf({ rate: supportRate, amount: actualEligibleCost, currency });
  const finalSupport = supportCap ? minMoney(new Money(approvedSupport), byRate, new Money(supportCap)) : minMoney(new Money(approvedSupport), byRate);
  const balance = finalSupport.minus(paid);
  const finalPayment = balance.gt(0) ? balance : new Money(0);
  const recovery = balance.isNegative() ? balance.neg() : new Money(0);
  const released = new Money(committed).minus(finalPayment);
  if (released.isNegative()) throw new RangeError('the commitment does not cover the final payment');
  return { finalSupport, paid: new Money(paid), balance, released, finalPayment, recovery };
}

/** What a settlement line needs to say about its voucher. */
export interface VoucherLine {
  eligible: boolean;
  documentRef?: string | null;
}

export const VOUCHER_REQUIRED = 'bắt buộc với khoản chi được hỗ trợ: ghi số hóa đơn, chứng từ kế toán';

/**
 * Every eligible actual cost line of a settlement names its voucher (số hóa đơn, chứng từ): the
 * state supports only costs the beneficiary can prove. One error per line that lacks it, naming
 * the line's field; none when every eligible line has one. Lines the beneficiary pays themselves
 * (not eligible) need none.
 */
export function missingVouchers(lines: readonly VoucherLine[]): FieldError[] {
  return lines.flatMap((line, i) =>
    line.eligible && !(line.documentRef ?? '').trim() ? [{ field: `actualCostLines[${i}].documentRef`, message: VOUCHER_REQUIRED }] : [],
  );
}
