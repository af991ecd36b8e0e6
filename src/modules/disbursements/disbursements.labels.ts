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

/** The outcomes an acceptance records (kết quả của đề án), in the order forms and reports show them. */
export const OUTCOME_FIELDS = ['jobsCreated', 'jobsKept', 'womenWorkers', 'disabledWorkers', 'trainees', 'modelsBuilt'] as const;
export type OutcomeField = (typeof OUTCOME_FIELDS)[number];
export type AcceptanceOutcomes = Record<OutcomeField, number>;

export const OUTCOME_LABELS: Record<OutcomeField, string> = {
  jobsCreated: 'Lao động có việc làm mới',
  jobsKept: 'Lao động được duy trì việc làm',
  womenWorkers: 'Trong đó: lao động nữ',
  disabledWorkers: 'Trong đó: lao động khuyết tật',
  trainees: 'Người được đào tạo, tập huấn',
  modelsBuilt: 'Mô hình trình diễn được xây dựng',
};
