import type { FieldError } from '../../common/http/domain-error';
import { Decimal, Money } from '../../common/money/decimal';
import { formatMoneyVi } from '../../common/money/format-vi';
import { ESTABLISHMENT_KIND_LABELS } from '../establishments/establishments.labels';

/**
 * Who an activity type's rule supports (đúng đối tượng), as part of each version of the rule. An
 * absent condition asks nothing.
 */
export interface Eligibility {
  /** The kinds of establishment supported; null: any kind. */
  establishmentKinds: readonly string[] | null;
  /** The most support one establishment may be approved under the activity in a fiscal year, in the rule's cap currency; null: no such cap. */
  maxSupportPerEstablishmentPerYear: Decimal | null;
  /** The file must name its commune (xã, phường, đặc khu). */
  requiresCommuneCode: boolean;
}

/** A rule that asks nothing of who applies (every version published before eligibility existed). */
export const NO_CONDITIONS: Eligibility = { establishmentKinds: null, maxSupportPerEstablishmentPerYear: null, requiresCommuneCode: false };

/** What a submission is judged on. */
export interface EligibilityCase {
  eligibility: Eligibility;
  /** The currency the rule's amounts are written in. */
  capCurrency: string;
  establishmentKind: string;
  communeCode: string | null;
  /** What the file asks (null while not filled in: nothing is counted for it). */
  requestedSupport: Decimal | null;
  /** What the establishment's other files under the same activity were approved in the file's fiscal year. */
  approvedThisYear: Decimal;
  fiscalYear: number;
  /** The file's currency. */
  currency: string;
}

const kindLabel = (kind: string) => ESTABLISHMENT_KIND_LABELS[kind] ?? kind;

/**
 * Every reason a file is not eligible under its activity's rule, each naming the file's field:
 * the establishment's kind is not one supported (`establishmentId`); what it asks plus what the
 * establishment was already approved under the activity that year passes the yearly cap per
 * establishment (`requestedSupport`); it names no commune where one is required (`communeCode`).
 * Empty when eligible. A cap written in another currency than the file's cannot be weighed until
 * a rate of exchange is given, so it is a reason too (as capCurrencyRefusal does for the support cap).
 */
export function eligibilityReasons(c: EligibilityCase): FieldError[] {
  const reasons: FieldError[] = [];
  const { establishmentKinds, maxSupportPerEstablishmentPerYear: cap, requiresCommuneCode } = c.eligibility;
  if (establishmentKinds !== null && !establishmentKinds.includes(c.establishmentKind)) {
    reasons.push({
      field: 'establishmentId',
      message: `loại hình cơ sở "${kindLabel(c.establishmentKind)}" không thuộc đối tượng được hỗ trợ của hoạt động này (chỉ hỗ trợ: ${establishmentKinds.map(kindLabel).join(', ')})`,
    });
  }
  if (cap !== null) {
    if (c.currency !== c.capCurrency) {
      reasons.push({
        field: 'requestedSupport',
        message: `mức hỗ trợ tối đa cho một cơ sở trong năm tính bằng ${c.capCurrency}, hồ sơ tính bằng ${c.currency}: cần tỷ giá quy đổi ${c.capCurrency}/${c.currency} có hiệu lực để đối chiếu`,
      });
    } else {
      const total = new Money(c.requestedSupport ?? 0).plus(c.approvedThisYear);
      if (total.gt(cap)) {
        const asked = formatMoneyVi(c.requestedSupport ?? new Money(0), c.currency);
        const had = formatMoneyVi(c.approvedThisYear, c.currency);
        reasons.push({
          field: 'requestedSupport',
          message: `kinh phí đề nghị ${asked} cộng ${had} cơ sở đã được phê duyệt cho hoạt động này năm ${c.fiscalYear} vượt mức tối đa ${formatMoneyVi(cap, c.currency)} cho một cơ sở trong một năm`,
        });
      }
    }
  }
  if (requiresCommuneCode && !c.communeCode?.trim()) {
    reasons.push({ field: 'communeCode', message: 'hoạt động này chỉ hỗ trợ đề án ghi rõ xã, phường hoặc đặc khu nơi thực hiện' });
  }
  return reasons;
}
