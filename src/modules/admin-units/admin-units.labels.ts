import type { AdminUnitKind } from './admin-units.types';

/** The kinds of administrative unit as people name them. */
export const ADMIN_UNIT_KIND_LABELS: Record<AdminUnitKind, string> = {
  province: 'Tỉnh',
  city: 'Thành phố trực thuộc trung ương',
  ward: 'Phường',
  commune: 'Xã',
  special_zone: 'Đặc khu',
};
