import type { Role } from '../../common/auth/actor';

/** The roles as people name them: the pages, the audit views and the documents alike. */
export const ROLE_LABELS: Record<Role, string> = {
  applicant: 'Cơ sở',
  officer: 'Chuyên viên',
  head: 'Trưởng phòng',
  leader: 'Lãnh đạo Sở',
  finance: 'Kế hoạch – Tài chính',
  auditor: 'Thanh tra',
  admin: 'Quản trị',
};

/** A delegation's (ủy quyền) state as people read it. */
export const DELEGATION_STATUS_LABELS: Record<string, string> = {
  scheduled: 'Chưa đến hiệu lực',
  active: 'Đang hiệu lực',
  expired: 'Hết hạn',
  revoked: 'Đã thu hồi',
};

/** What a delegation hands over, as people read it. */
export const DELEGATION_SCOPE_LABELS: Record<string, string> = {
  decision: 'Ủy quyền quyết định',
  routine: 'Ủy quyền công việc thường xuyên',
};
