import { Forbidden } from '../../common/http/domain-error';
import { Decimal, plainString } from '../../common/money/decimal';
import { currencyScale } from '../../common/money/currency';
import { formatNumberVi, toHoChiMinhDate } from '../../common/money/format-vi';
import type { Role } from '../../common/auth/actor';

/** The terms of one delegation, as the rule needs them. */
export interface DelegationTerms {
  id: string;
  fromUserId: string;
  validFrom: string;
  validTo: string;
  maxAmount: Decimal | null;
  currency: string;
  activityTypeCodes: string[] | null;
  revokedAt: Date | null;
}

/** What is being decided: the support amount (in `currency`), the activity type, and when. */
export interface DecisionRequest {
  amount: Decimal;
  currency?: string;
  activityTypeCode: string;
  on: Date;
}

export type DecisionCapacity =
  | { capacity: 'leader' }
  | { capacity: 'delegated'; onBehalfOf: string; delegationId: string };

export type DelegationMismatch = 'revoked' | 'not_yet_valid' | 'expired' | 'currency' | 'amount' | 'activity_type';

export type DelegationStatus = 'scheduled' | 'active' | 'expired' | 'revoked';

/** A delegation's status on a calendar day (`YYYY-MM-DD`, Asia/Ho_Chi_Minh). */
export function delegationStatus(terms: Pick<DelegationTerms, 'validFrom' | 'validTo' | 'revokedAt'>, day: string): DelegationStatus {
  if (terms.revokedAt) return 'revoked';
  if (day < terms.validFrom) return 'scheduled';
  if (day > terms.validTo) return 'expired';
  return 'active';
}

/** Why a delegation does not cover a decision, or null when it does. */
export function delegationMismatch({ terms, request }: { terms: DelegationTerms; request: DecisionRequest }): DelegationMismatch | null {
  const status = delegationStatus(terms, toHoChiMinhDate(request.on));
  if (status === 'revoked') return 'revoked';
  if (status === 'scheduled') return 'not_yet_valid';
  if (status === 'expired') return 'expired';
  if (terms.maxAmount !== null) {
    if ((request.currency ?? 'VND') !== terms.currency) return 'currency';
    if (request.amount.gt(terms.maxAmount)) return 'amount';
  }
  if (terms.activityTypeCodes !== null && !terms.activityTypeCodes.includes(request.activityTypeCode)) return 'activity_type';
  return null;
}

function explain(mismatch: DelegationMismatch, terms: DelegationTerms, request: DecisionRequest): string {
  const money = (value: Decimal, currency: string) =>
    `${formatNumberVi(value, Math.min(currencyScale(currency), value.decimalPlaces()))} ${currency}`;
  switch (mismatch) {
    case 'revoked':
      return 'ủy quyền đã bị thu hồi';
    case 'not_yet_valid':
      return `ủy quyền chỉ có hiệu lực từ ngày ${terms.validFrom}`;
    case 'expired':
      return `ủy quyền đã hết hiệu lực từ sau ngày ${terms.validTo}`;
    case 'currency':
      return `hạn mức ủy quyền tính bằng ${terms.currency}, không áp dụng cho số tiền bằng ${request.currency ?? 'VND'}`;
    case 'amount':
      return `số tiền ${money(request.amount, terms.currency)} vượt hạn mức ủy quyền ${money(terms.maxAmount!, terms.currency)}`;
    case 'activity_type':
      return `loại hoạt động ${request.activityTypeCode} không thuộc phạm vi ủy quyền`;
  }
}

/**
 * May this person decide now, and in what capacity? A leader decides in their own right; anyone
 * else only under a delegation (ủy quyền) that covers the day, the amount and the activity type.
 * `delegations` are those given to the actor by active leaders, newest first; the newest that
 * covers the decision is used. Refuses with the reason the newest delegation does not apply.
 */
export function resolveDecisionCapacity({
  roles,
  delegations,
  request,
}: {
  roles: readonly Role[];
  delegations: readonly DelegationTerms[];
  request: DecisionRequest;
}): DecisionCapacity {
  if (roles.includes('leader')) return { capacity: 'leader' };
  if (request.amount.isNegative()) throw new Forbidden('Số tiền quyết định không hợp lệ.');
  let firstRefusal: string | null = null;
  for (const terms of delegations) {
    const mismatch = delegationMismatch({ terms, request });
    if (mismatch === null) return { capacity: 'delegated', onBehalfOf: terms.fromUserId, delegationId: terms.id };
    firstRefusal ??= explain(mismatch, terms, request);
  }
  throw new Forbidden(
    firstRefusal
      ? `Bạn không được quyết định hồ sơ này theo ủy quyền: ${firstRefusal}.`
      : 'Chỉ lãnh đạo hoặc người được lãnh đạo ủy quyền mới được quyết định hồ sơ.',
  );
}

/** A delegation's limit as the API writes money: whole units for VND, two places otherwise. */
export function formatLimit(amount: Decimal | null, currency: string): string | null {
  return amount === null ? null : plainString(amount, currencyScale(currency));
}
