import type { ErrorCode } from '../../common/http/domain-error';

/** Default days to file the settlement after acceptance (DOMAIN.md: 15, configurable per rule). */
export const DEFAULT_SETTLEMENT_DUE_DAYS = 15;

export interface NewVersionRefusal {
  code: Extract<ErrorCode, 'DUPLICATE' | 'INVALID_STATE'>;
  detail: string;
}

/**
 * Whether a new version of a rule (same code and fund source) may start on `effectiveFrom`.
 * A version never edits an older one: it may not start on the day another starts, nor before the
 * version in force today (nor before any earlier one, which is older still).
 */
export function refuseNewVersion({
  effectiveFrom,
  today,
  existingFrom,
}: {
  effectiveFrom: string;
  today: string;
  /** effectiveFrom of every version of the same code and scope. */
  existingFrom: string[];
}): NewVersionRefusal | null {
  if (existingFrom.includes(effectiveFrom)) {
    return { code: 'DUPLICATE', detail: `Đã có phiên bản quy định bắt đầu hiệu lực ngày ${effectiveFrom}; phiên bản cũ không được sửa.` };
  }
  const inForce = existingFrom.filter((d) => d <= today).sort().at(-1);
  if (inForce !== undefined && effectiveFrom < inForce) {
    return {
      code: 'INVALID_STATE',
      detail: `Ngày hiệu lực ${effectiveFrom} trước phiên bản đang áp dụng (từ ${inForce}); quy định mới chỉ được áp dụng từ ngày ${inForce} trở về sau.`,
    };
  }
  return null;
}

/** The last day a version is in force: the day before the next version of the same code and scope starts. */
export function effectiveToOf(nextFrom: string | null): string | null {
  if (!nextFrom) return null;
  const day = new Date(`${nextFrom}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}
