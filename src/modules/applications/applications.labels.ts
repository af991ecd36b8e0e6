import { ROLE_LABELS } from '../identity/identity.labels';
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

/** The steps on a file's timeline as people name them. */
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
  extension_request: 'Đề nghị gia hạn trả lời',
  extension_approve: 'Đồng ý gia hạn trả lời',
  extension_reject: 'Không đồng ý gia hạn trả lời',
  appraise: 'Thẩm định',
  recommend: 'Đề xuất mức hỗ trợ',
  send_back: 'Trả lại chuyên viên',
  initial: 'Ký tắt',
  approve: 'Phê duyệt',
  reject: 'Không phê duyệt',
  cancel: 'Hủy đề án',
  contract: 'Ký hợp đồng',
  accept: 'Nghiệm thu',
  submit_settlement: 'Nộp quyết toán',
  settle: 'Quyết toán',
  silent_consent: 'Im lặng là đồng ý',
  conflict_declaration: 'Kê khai xung đột lợi ích',
};

/** In what capacity a step was taken. */
export const CAPACITY_LABELS: Record<string, string> = {
  ...ROLE_LABELS,
  delegated: 'Được ủy quyền',
  system: 'Hệ thống',
  self: 'Tự thực hiện',
};

/** A request for more time to answer a consultation (gia hạn), and its decision. */
export const EXTENSION_STATUS_LABELS: Record<string, string> = {
  requested: 'Đang chờ quyết định',
  approved: 'Đã đồng ý gia hạn',
  rejected: 'Không đồng ý gia hạn',
};

/** A consultation's state; silence past the due date is consent (Điều 13.5). */
export const CONSULTATION_STATUS_LABELS: Record<string, string> = {
  open: 'Đang chờ trả lời',
  answered: 'Đã trả lời',
  silent: 'Quá hạn — coi như đồng ý',
};

/** The kinds of document a file holds (the catalogue's list: a rule names the kinds a file must carry). */
export { DOCUMENT_KIND_LABELS } from '../catalogue/catalogue.labels';

/** How a declarer is tied to the file's establishment (xung đột lợi ích). */
export const CONFLICT_RELATION_LABELS: Record<string, string> = {
  kin: 'Quan hệ gia đình',
  ownership: 'Sở hữu, góp vốn',
  employment: 'Quan hệ lao động',
  other: 'Khác',
};
