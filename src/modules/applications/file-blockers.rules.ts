import type { ApplicationStatus } from './application-statuses';

/**
 * Why a file on its way to a decision would be stopped there, said before anyone reaches it: the
 * leader's approval commits money in the file's fiscal year, and the ledger refuses a year that is
 * not open ("Năm ngân sách … chưa mở"). Pure: the service reads the open years.
 */

/** A file's life before the decision: each of these ends at the leader, who commits the money. */
export const BEFORE_DECISION_STATUSES: readonly ApplicationStatus[] = ['draft', 'submitted', 'needs_supplement', 'under_review', 'recommended', 'initialed'];

export interface FileBlocker {
  reason: 'year_not_open';
  fiscalYear: number;
  /** What the person reading it should know, in Vietnamese. */
  text: string;
}

export function fileBlockers({ status, fiscalYear, openYears }: { status: ApplicationStatus; fiscalYear: number; openYears: readonly number[] }): FileBlocker[] {
  if (!BEFORE_DECISION_STATUSES.includes(status) || openYears.includes(fiscalYear)) return [];
  return [
    {
      reason: 'year_not_open',
      fiscalYear,
      text: `Năm ngân sách ${fiscalYear} chưa mở: lãnh đạo chưa thể phê duyệt hồ sơ (hệ thống sẽ từ chối "Năm ngân sách ${fiscalYear} chưa mở") cho đến khi phòng Kế hoạch – Tài chính mở năm ${fiscalYear} và phân bổ kinh phí.`,
    },
  ];
}
