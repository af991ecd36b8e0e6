import { Actor, hasRole, isStaff } from '../common/auth/actor';

export interface NavItem {
  href: string;
  label: string;
}

/** The menu a user sees: only pages their roles may open (the same roles as the API routes behind them). */
export function navigationFor(actor: Actor | null): NavItem[] {
  if (!actor) return [];
  // Until a reset password is changed, the change is the only page open.
  if (actor.mustChangePassword) return [{ href: '/doi-mat-khau', label: 'Đổi mật khẩu' }];
  const items: NavItem[] = [{ href: '/', label: isStaff(actor) ? 'Việc cần làm' : 'Trang chủ' }];
  if (hasRole(actor, 'applicant')) items.push({ href: '/co-so', label: 'Cơ sở' });
  items.push({ href: '/ho-so', label: 'Hồ sơ' });
  if (isStaff(actor)) items.push({ href: '/dot-tiep-nhan', label: 'Đợt nhận hồ sơ' });
  if (hasRole(actor, 'finance', 'leader', 'auditor')) items.push({ href: '/ngan-sach', label: 'Ngân sách' });
  if (hasRole(actor, 'officer', 'finance', 'auditor')) items.push({ href: '/giai-ngan', label: 'Giải ngân' });
  if (isStaff(actor)) items.push({ href: '/quyet-toan', label: 'Quyết toán' });
  if (isStaff(actor)) items.push({ href: '/thu-hoi', label: 'Thu hồi' });
  if (hasRole(actor, 'finance', 'auditor')) items.push({ href: '/doi-chieu', label: 'Đối chiếu' });
  if (hasRole(actor, 'finance', 'leader', 'auditor', 'head')) items.push({ href: '/bao-cao', label: 'Báo cáo' });
  if (isStaff(actor)) items.push({ href: '/so-van-ban-di', label: 'Sổ văn bản đi' });
  if (isStaff(actor)) items.push({ href: '/uy-quyen', label: 'Ủy quyền' });
  if (hasRole(actor, 'admin')) items.push({ href: '/quan-tri', label: 'Quản trị' });
  return items;
}
