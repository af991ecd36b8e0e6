/** Disbursements as people name them: one wording for the ledger's notes, the pages and the reports. */
export const DISBURSEMENT_KIND_LABELS: Record<string, string> = {
  advance: 'Tạm ứng',
  payment: 'Thanh toán',
  final: 'Thanh toán theo quyết toán',
};

export const DISBURSEMENT_STATUS_LABELS: Record<string, string> = {
  requested: 'Chờ duyệt',
  approved: 'Đã duyệt, chờ chi',
  paid: 'Đã chi',
  rejected: 'Từ chối',
  returned: 'Kho bạc hoàn trả',
};
