import type { ApplicationStatus } from './application-statuses';

/** A file's status as people read it, the one wording used by the API's messages, the pages and the reports. */
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  draft: 'nháp',
  submitted: 'đã nộp',
  needs_supplement: 'chờ bổ sung',
  under_review: 'đang thẩm định',
  recommended: 'đã đề xuất',
  initialed: 'đã ký tắt',
  approved: 'đã phê duyệt',
  rejected: 'không phê duyệt',
  contracted: 'đã ký hợp đồng',
  accepted: 'đã nghiệm thu',
  settlement_submitted: 'đã nộp quyết toán',
  settled: 'đã quyết toán',
  withdrawn: 'đã rút',
  cancelled: 'đã hủy',
};

export function statusLabel(status: ApplicationStatus): string {
  return APPLICATION_STATUS_LABELS[status];
}
