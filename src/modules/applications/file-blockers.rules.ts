import type { ApplicationStatus } from './application-statuses';

/**
 * Why a file on its way to a decision would be stopped there, said before anyone reaches it: the
 * leader's approval commits money in the file's fiscal year from a unit holding its fund's money,
 * and the ledger refuses a year that is not open ("Năm ngân sách … chưa mở") or a unit without
 * the money. Pure: the service reads the open years and the funded books.
 */

/** A file's life before the decision: each of these ends at the leader, who commits the money. */
export const BEFORE_DECISION_STATUSES: readonly ApplicationStatus[] = ['draft', 'submitted', 'needs_supplement', 'under_review', 'recommended', 'initialed'];

export interface FileBlocker {
  reason: 'year_not_open' | 'no_allocation';
  fiscalYear: number;
  fundCode: string | null;
  /** What the person reading it should know, in Vietnamese. */
  text: string;
}

/**
 * Why the file would be stopped at the decision: its fiscal year is not open, or (the year open)
 * no unit holds money of its fund in that year, so the officer has no unit to draw from and the
 * leader's commitment would be refused. `fundedBooks` are the fund and year pairs where some
 * unit holds an allocation not yet spent; without it only the year is checked.
 */
export function fileBlockers({
  status,
  fiscalYear,
  fundCode = null,
  openYears,
  fundedBooks,
}: {
  status: ApplicationStatus;
  fiscalYear: number;
  fundCode?: string | null;
  openYears: readonly number[];
  fundedBooks?: ReadonlyArray<{ fundCode: string; fiscalYear: number }>;
}): FileBlocker[] {
  if (!BEFORE_DECISION_STATUSES.includes(status)) return [];
  if (!openYears.includes(fiscalYear)) {
    return [
      {
        reason: 'year_not_open',
        fiscalYear,
        fundCode,
        text: `Năm ngân sách ${fiscalYear} chưa mở: lãnh đạo chưa thể phê duyệt hồ sơ (hệ thống sẽ từ chối "Năm ngân sách ${fiscalYear} chưa mở") cho đến khi phòng Kế hoạch – Tài chính mở năm ${fiscalYear} và phân bổ kinh phí.`,
      },
    ];
  }
  if (fundedBooks && fundCode && !fundedBooks.some((b) => b.fundCode === fundCode && b.fiscalYear === fiscalYear)) {
    return [
      {
        reason: 'no_allocation',
        fiscalYear,
        fundCode,
        text: `Nguồn ${fundCode} năm ${fiscalYear} chưa có đơn vị nào còn kinh phí được phân bổ: chuyên viên chưa chọn được đơn vị cấp kinh phí và lãnh đạo chưa thể phê duyệt cho đến khi phòng Kế hoạch – Tài chính phân bổ kinh phí nguồn này năm ${fiscalYear}.`,
      },
    ];
  }
  return [];
}
