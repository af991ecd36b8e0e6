import { Forbidden } from '../../common/http/domain-error';
import { Decimal, plainString } from '../../common/money/decimal';
import { currencyScale } from '../../common/money/currency';
import { formatNumberVi, toHoChiMinhDate } from '../../common/money/format-vi';
import type { Role } from '../../common/auth/actor';
import type { LeaderScope } from './user.entity';

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
  /** The giver's own field of work (leaderScope); null or absent: the director's, every file. */
  giverScope?: LeaderScope | null;
}

/**
 * What places a file in a leader's field of work: its activity type and its lead unit's line
 * (the lead unit and the units above it; empty while the file has no lead unit).
 */
export interface ScopedFile {
  activityTypeCode: string;
  unitIds: readonly string[];
}

/** Why a file lies outside a field of work. */
export type ScopeMismatch = 'activity_type' | 'unit';

/** Whether a field of work limits anything: null, or no activity types and no units, is the director's (every file). */
export function limitsField(scope: LeaderScope | null | undefined): scope is LeaderScope {
  return Boolean(scope && ((scope.activityTypeCodes?.length ?? 0) > 0 || (scope.unitIds?.length ?? 0) > 0));
}

/**
 * Why a file lies outside a leader's field of work (lĩnh vực phụ trách), or null when it lies
 * inside. Each axis limits only when it lists something: the activity type must be listed, and
 * one unit of the file's lead-unit line must be (a unit covers the units below it).
 */
export function scopeMismatch(scope: LeaderScope | null | undefined, file: ScopedFile): ScopeMismatch | null {
  if (!limitsField(scope)) return null;
  const types = scope.activityTypeCodes ?? [];
  if (types.length > 0 && !types.includes(file.activityTypeCode)) return 'activity_type';
  const units = scope.unitIds ?? [];
  if (units.length > 0 && !file.unitIds.some((id) => units.includes(id))) return 'unit';
  return null;
}

/** The file lies in the field of work (a null scope, the director's, covers every file). */
export function inScope(scope: LeaderScope | null | undefined, file: ScopedFile): boolean {
  return scopeMismatch(scope, file) === null;
}

/** Why a file lies outside `whose` field of work, in words (`whose`: "bạn", "người ủy quyền"). */
export function explainScope(mismatch: ScopeMismatch, file: ScopedFile, whose: string): string {
  if (mismatch === 'activity_type') return `loại hoạt động ${file.activityTypeCode} không thuộc lĩnh vực ${whose} phụ trách`;
  return file.unitIds.length === 0
    ? `hồ sơ chưa có đơn vị chủ trì thuộc lĩnh vực ${whose} phụ trách`
    : `đơn vị chủ trì của hồ sơ không thuộc lĩnh vực ${whose} phụ trách`;
}

/** What is being decided: the support amount (in `currency`), the activity type, and when. */
export interface DecisionRequest {
  amount: Decimal;
  currency?: string;
  activityTypeCode: string;
  on: Date;
  /**
   * The file's lead-unit line (the lead unit and the units above it). When given, leaders'
   * fields of work are enforced: one's own, and a delegation's giver's.
   */
  unitIds?: readonly string[];
}

export type DecisionCapacity =
  | { capacity: 'leader' }
  | { capacity: 'delegated'; onBehalfOf: string; delegationId: string };

export type DelegationMismatch =
  | 'revoked'
  | 'not_yet_valid'
  | 'expired'
  | 'currency'
  | 'amount'
  | 'activity_type'
  | 'giver_activity_type'
  | 'giver_unit';

export type DelegationStatus = 'scheduled' | 'active' | 'expired' | 'revoked';

/** A delegation's status on a calendar day (`YYYY-MM-DD`, Asia/Ho_Chi_Minh). */
export function delegationStatus(terms: Pick<DelegationTerms, 'validFrom' | 'validTo' | 'revokedAt'>, day: string): DelegationStatus {
  if (terms.revokedAt) return 'revoked';
  if (day < terms.validFrom) return 'scheduled';
  if (day > terms.validTo) return 'expired';
  return 'active';
}

/** The file a decision is about, when the request places it (its lead-unit line is given). */
function scopedFileOf(request: DecisionRequest): ScopedFile | null {
  return request.unitIds ? { activityTypeCode: request.activityTypeCode, unitIds: request.unitIds } : null;
}

/**
 * Why a delegation does not cover a decision, or null when it does: its window, its own terms,
 * and the giver's field of work (nobody hands over more than they hold).
 */
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
  const file = scopedFileOf(request);
  const outside = file && scopeMismatch(terms.giverScope, file);
  if (outside) return outside === 'activity_type' ? 'giver_activity_type' : 'giver_unit';
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
    case 'giver_activity_type':
      return explainScope('activity_type', scopedFileOf(request)!, 'người ủy quyền');
    case 'giver_unit':
      return explainScope('unit', scopedFileOf(request)!, 'người ủy quyền');
  }
}

const OUTSIDE_GIVERS_FIELD: readonly DelegationMismatch[] = ['giver_activity_type', 'giver_unit'];

/**
 * May this person decide now, and in what capacity? A leader decides in their own right inside
 * their field of work (`ownScope`; null is the director's: every file); anyone else, and a leader
 * outside their field, only under a delegation (ủy quyền) that covers the day, the amount, the
 * activity type and lies in its giver's field. Fields of work are checked when the request gives
 * the file's lead-unit line. `delegations` are the decision delegations given to the actor by
 * active leaders, newest first; the newest that covers the decision is used.
 * Refuses with 403 OUT_OF_SCOPE when the file lies outside the leader's own field (or, for a
 * delegate, outside the field of the newest delegation's giver), 403 FORBIDDEN otherwise, naming why.
 */
export function resolveDecisionCapacity({
  roles,
  ownScope = null,
  delegations,
  request,
}: {
  roles: readonly Role[];
  /** The actor's own field of work, when they are a leader. */
  ownScope?: LeaderScope | null;
  delegations: readonly DelegationTerms[];
  request: DecisionRequest;
}): DecisionCapacity {
  const file = scopedFileOf(request);
  const leader = roles.includes('leader');
  const outsideOwnField = leader && file ? scopeMismatch(ownScope, file) : null;
  if (leader && !outsideOwnField) return { capacity: 'leader' };
  if (request.amount.isNegative()) throw new Forbidden('Số tiền quyết định không hợp lệ.');
  let firstRefusal: { mismatch: DelegationMismatch; detail: string } | null = null;
  for (const terms of delegations) {
    const mismatch = delegationMismatch({ terms, request });
    if (mismatch === null) return { capacity: 'delegated', onBehalfOf: terms.fromUserId, delegationId: terms.id };
    firstRefusal ??= { mismatch, detail: explain(mismatch, terms, request) };
  }
  if (outsideOwnField) {
    const why = explainScope(outsideOwnField, file!, 'bạn');
    throw new Forbidden(
      `Hồ sơ không thuộc lĩnh vực bạn được phân công: ${why}${firstRefusal ? `; ủy quyền bạn nhận không áp dụng: ${firstRefusal.detail}` : ''}.`,
      'OUT_OF_SCOPE',
    );
  }
  if (firstRefusal) {
    throw new Forbidden(
      `Bạn không được quyết định hồ sơ này theo ủy quyền: ${firstRefusal.detail}.`,
      OUTSIDE_GIVERS_FIELD.includes(firstRefusal.mismatch) ? 'OUT_OF_SCOPE' : 'FORBIDDEN',
    );
  }
  throw new Forbidden('Chỉ lãnh đạo hoặc người được lãnh đạo ủy quyền mới được quyết định hồ sơ.');
}

/** A delegation's limit as the API writes money: whole units for VND, two places otherwise. */
export function formatLimit(amount: Decimal | null, currency: string): string | null {
  return amount === null ? null : plainString(amount, currencyScale(currency));
}
