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
  /**
   * What must be committed anew from the unit's allocation of the open year before the final
   * payment can be made: the part of it a year close released (commitments not carried over).
   */
  recommitted: Money;
  finalPayment: Money;
  recovery: Money;
}

/**
 * Quyết toán: finalSupport = min(approvedSupport, floor(supportRate × actualEligibleCost), cap);
 * balance = finalSupport − paid. The commitment beyond what is still to be paid returns to the
 * unit; on a recovery everything unpaid returns. A commitment short of the final payment (a year
 * close released it instead of carrying it over) is made up anew: `recommitted`.
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
  const left = new Money(committed).minus(finalPayment);
  const released = left.isNegative() ? new Money(0) : left;
  const recommitted = left.isNegative() ? left.neg() : new Money(0);
  return { finalSupport, paid: new Money(paid), balance, released, recommitted, finalPayment, recovery };
}

/** What a settlement says now, read from the records as they are (never the figures of its approval). */
export interface SettlementStanding {
  /** Paid to the beneficiary so far, net of payments the treasury sent back. */
  paid: Money;
  /** Received back on the settlement's recovery order so far. */
  recovered: Money;
  /** finalSupport − paid + recovered once approved: positive is still to pay, negative still to recover; null before. */
  balance: Money | null;
}

/**
 * The one formula behind every page, answer and report that says what a settlement still owes:
 * after the final payment is paid, or the recovery fully received, the balance is zero.
 */
export function settlementStanding({ finalSupport, paid, recovered }: { finalSupport: Decimal | null; paid: Decimal; recovered: Decimal }): SettlementStanding {
  return {
    paid: new Money(paid),
    recovered: new Money(recovered),
    balance: finalSupport == null ? null : new Money(finalSupport).minus(paid).plus(recovered),
  };
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
