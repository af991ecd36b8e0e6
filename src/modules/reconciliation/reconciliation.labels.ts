/** How a treasury statement's line compares with what KCFund recorded. */
export const RECONCILIATION_LINE_LABELS: Record<string, string> = {
  matched: 'Khớp',
  amount_mismatch: 'Lệch số tiền',
  unknown: 'Không có trong hệ thống',
};
