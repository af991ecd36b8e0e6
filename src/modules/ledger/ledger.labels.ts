/** Where a fund's money comes from, as people name it: the pages, the reports and their forms alike. */
export const FUND_SOURCE_LABELS: Record<string, string> = {
  central: 'Ngân sách trung ương',
  local: 'Ngân sách địa phương',
  sponsor: 'Tài trợ',
};

/** Ledger transfer kinds as people name them: the reports and the pages alike. */
export const TRANSFER_KIND_LABELS: Record<string, string> = {
  appropriation: 'Giao dự toán',
  allocation: 'Phân bổ cho đơn vị',
  allocation_transfer: 'Điều chuyển giữa đơn vị',
  allocation_return: 'Đơn vị trả lại kinh phí',
  commitment: 'Cam kết (phê duyệt đề án)',
  commitment_release: 'Hoàn trả cam kết',
  disbursement: 'Giải ngân (tạm ứng, thanh toán)',
  disbursement_return: 'Kho bạc hoàn trả khoản chi',
  recovery_receipt: 'Thu hồi kinh phí',
  carry_over: 'Chuyển nguồn năm sau',
  reversal: 'Bút toán đảo',
};
