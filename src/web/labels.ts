import type { Role } from '../common/auth/actor';


/** What people read for the codes the API uses. */
export const ROLE_LABELS: Record<Role, string> = {
  applicant: 'Cơ sở',
  officer: 'Chuyên viên',
  head: 'Trưởng phòng',
  leader: 'Lãnh đạo Sở',
  finance: 'Kế hoạch – Tài chính',
  auditor: 'Thanh tra',
  admin: 'Quản trị',
};

export const ACTION_LABELS: Record<string, string> = {
  create: 'Lập hồ sơ',
  edit: 'Sửa hồ sơ',
  submit: 'Nộp hồ sơ',
  resubmit: 'Nộp lại sau bổ sung',
  withdraw: 'Rút hồ sơ',
  assign: 'Giao xử lý',
  reassign_officer: 'Đổi chuyên viên',
  reassign: 'Điều chỉnh đơn vị chủ trì / hạn xử lý',
  return: 'Trả lại để bổ sung',
  consult: 'Xin ý kiến',
  answer: 'Trả lời xin ý kiến',
  appraise: 'Thẩm định',
  recommend: 'Đề xuất mức hỗ trợ',
  initial: 'Ký tắt',
  approve: 'Phê duyệt',
  reject: 'Không phê duyệt',
  cancel: 'Hủy đề án',
  contract: 'Ký hợp đồng',
  accept: 'Nghiệm thu',
  submit_settlement: 'Nộp quyết toán',
  settle: 'Quyết toán',
  silent_consent: 'Im lặng là đồng ý',
};

export const CAPACITY_LABELS: Record<string, string> = {
  ...ROLE_LABELS,
  delegated: 'Được ủy quyền',
  system: 'Hệ thống',
  self: 'Tự thực hiện',
};

export const CONSULTATION_STATUS_LABELS: Record<string, string> = {
  open: 'Đang chờ trả lời',
  answered: 'Đã trả lời',
  silent: 'Quá hạn — coi như đồng ý',
};

export const DELEGATION_STATUS_LABELS: Record<string, string> = {
  scheduled: 'Chưa đến hiệu lực',
  active: 'Đang hiệu lực',
  expired: 'Hết hạn',
  revoked: 'Đã thu hồi',
};

/** As the reports name them. */
export const UNIT_KIND_LABELS: Record<string, string> = {
  department: 'Sở',
  division: 'Phòng',
  centre: 'Trung tâm',
  commune: 'Xã / phường',
  office: 'Văn phòng',
};

export const DOCUMENT_KIND_LABELS: Record<string, string> = {
  business_license: 'Giấy chứng nhận đăng ký kinh doanh',
  quotation: 'Báo giá thiết bị, dịch vụ',
  project_plan: 'Thuyết minh đề án',
  invoice: 'Hóa đơn, chứng từ',
  minutes: 'Biên bản',
  other: 'Tài liệu khác',
};

export const RECONCILIATION_LINE_LABELS: Record<string, string> = {
  matched: 'Khớp',
  amount_mismatch: 'Lệch số tiền',
  unknown: 'Không có trong hệ thống',
};

/** Names of the API's fields, for an error listed above a form rather than beside its field. */
export const FIELD_LABELS: Record<string, string> = {
  email: 'Email',
  password: 'Mật khẩu',
  currentPassword: 'Mật khẩu hiện tại',
  newPassword: 'Mật khẩu mới',
  confirmPassword: 'Nhập lại mật khẩu mới',
  roles: 'Vai trò',
  parentId: 'Đơn vị cấp trên',
  leaderScope: 'Phạm vi phụ trách',
  supportRate: 'Tỷ lệ hỗ trợ',
  supportCap: 'Mức hỗ trợ tối đa',
  advanceRate: 'Tỷ lệ tạm ứng',
  settlementDueDays: 'Hạn quyết toán (ngày)',
  effectiveFrom: 'Hiệu lực từ ngày',
  fundSource: 'Nguồn kinh phí',
  fullName: 'Họ và tên',
  phone: 'Số điện thoại',
  name: 'Tên',
  kind: 'Loại',
  taxCode: 'Mã số thuế',
  communeCode: 'Mã xã / phường',
  address: 'Địa chỉ',
  representative: 'Người đại diện',
  employees: 'Số lao động',
  establishmentId: 'Cơ sở',
  activityTypeCode: 'Loại hoạt động',
  fiscalYear: 'Năm ngân sách',
  fundCode: 'Nguồn kinh phí',
  title: 'Tên đề án',
  startDate: 'Ngày bắt đầu',
  endDate: 'Ngày kết thúc',
  costLines: 'Chi phí',
  requestedSupport: 'Kinh phí đề nghị hỗ trợ',
  approvedSupport: 'Kinh phí hỗ trợ đề xuất',
  allocationUnitId: 'Đơn vị cấp kinh phí',
  officerId: 'Chuyên viên',
  leadUnitId: 'Đơn vị chủ trì',
  dueDate: 'Hạn',
  reason: 'Lý do',
  note: 'Ghi chú',
  unitId: 'Đơn vị',
  question: 'Nội dung xin ý kiến',
  opinion: 'Ý kiến',
  comment: 'Nhận xét',
  score: 'Điểm',
  recommendation: 'Kiến nghị',
  decision: 'Quyết định',
  decisionNo: 'Số quyết định',
  decisionDate: 'Ngày quyết định',
  amount: 'Số tiền',
  shares: 'Các đơn vị',
  contractNo: 'Số hợp đồng',
  signedDate: 'Ngày ký',
  result: 'Kết quả',
  date: 'Ngày',
  minutesNo: 'Số biên bản',
  treasuryRef: 'Số chứng từ kho bạc',
  valueDate: 'Ngày giá trị',
  actualCostLines: 'Chi phí thực tế',
  file: 'Tệp',
  toUserId: 'Người nhận ủy quyền',
  validFrom: 'Từ ngày',
  validTo: 'Đến ngày',
  maxAmount: 'Số tiền tối đa',
  activityTypeCodes: 'Loại hoạt động',
  idempotencyKey: 'Biểu mẫu',
  code: 'Mã',
  source: 'Nguồn',
  currency: 'Loại tiền',
  year: 'Năm',
};

/** A field's label, for `costLines[2].unitPrice` too ("Chi phí, dòng 3: Đơn giá"). */
export function fieldLabel(field: string): string {
  const scope = /^leaderScope\.(activityTypeCodes|unitIds)\[(\d+)\]$/.exec(field);
  if (scope) return `Phạm vi phụ trách: ${scope[1] === 'unitIds' ? 'đơn vị' : 'loại hoạt động'} thứ ${Number(scope[2]) + 1}`;
  const row = /^(\w+)\[(\d+)\]\.?(\w+)?$/.exec(field);
  if (row) {
    const inner: Record<string, string> = { description: 'Nội dung', quantity: 'Số lượng', unitPrice: 'Đơn giá', eligible: 'Được hỗ trợ', amount: 'Số tiền', documentRef: 'Chứng từ', unitId: 'Đơn vị', weight: 'Trọng số' };
    const base = FIELD_LABELS[row[1]] ?? row[1];
    return `${base}, dòng ${Number(row[2]) + 1}${row[3] ? `: ${inner[row[3]] ?? row[3]}` : ''}`;
  }
  return FIELD_LABELS[field] ?? field;
}
