/** A settlement's status as people read it, on the pages and in the reports alike. */
export const SETTLEMENT_STATUS_LABELS: Record<string, string> = {
  submitted: 'Đã nộp, chờ tài chính kiểm tra',
  checked: 'Đã kiểm tra, chờ lãnh đạo phê duyệt',
  approved: 'Đã phê duyệt',
};
