import type { Role } from '../common/auth/actor';
import type { CostLineDto } from '../modules/applications/dto/application-input.dto';
import type { EstablishmentKind } from '../modules/establishments/establishment.entity';
import type { UnitKind } from '../modules/organization/unit.entity';

/** What the demo province holds, as data; `DemoSeed` walks it through the use cases. */

export interface DemoUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parentCode?: string;
}

export interface DemoUser {
  role: Role;
  email: string;
  fullName: string;
  unitCode: string | null;
  /** A deputy director's field of work: the activity types they decide. */
  activityTypeCodes?: string[];
}

/** A province as it is organised since 2025: the department, its divisions, the centre, communes. */
export const DEMO_UNITS: DemoUnit[] = [
  { code: 'SCT', name: 'Sở Công Thương Đồng Tháp', kind: 'department' },
  { code: 'SCT-VP', name: 'Văn phòng', kind: 'division', parentCode: 'SCT' },
  { code: 'SCT-KHTC', name: 'Phòng Kế hoạch – Tài chính', kind: 'division', parentCode: 'SCT' },
  { code: 'SCT-QLCN', name: 'Phòng Quản lý Công nghiệp', kind: 'division', parentCode: 'SCT' },
  { code: 'TTKC', name: 'Trung tâm Khuyến công', kind: 'centre', parentCode: 'SCT' },
  { code: 'XA-LAI-VUNG', name: 'Xã Lai Vung', kind: 'commune' },
  { code: 'XA-THAP-MUOI', name: 'Xã Tháp Mười', kind: 'commune' },
  { code: 'P-SA-DEC', name: 'Phường Sa Đéc', kind: 'commune' },
];

/**
 * One person per role, in the unit where that person would work; the first leader is the director
 * (no field of work: decides every file), the second a deputy director deciding machinery only.
 */
export const DEMO_USERS: DemoUser[] = [
  { role: 'applicant', email: 'coso@demo.kcfund.vn', fullName: 'Nguyễn Văn An', unitCode: null },
  { role: 'officer', email: 'chuyenvien@demo.kcfund.vn', fullName: 'Trần Thị Bích Ngọc', unitCode: 'TTKC' },
  { role: 'head', email: 'truongphong@demo.kcfund.vn', fullName: 'Lê Văn Cường', unitCode: 'TTKC' },
  { role: 'leader', email: 'lanhdao@demo.kcfund.vn', fullName: 'Phạm Minh Đức', unitCode: 'SCT' },
  { role: 'leader', email: 'phogiamdoc@demo.kcfund.vn', fullName: 'Huỳnh Thanh Tâm', unitCode: 'SCT', activityTypeCodes: ['machinery'] },
  { role: 'finance', email: 'taichinh@demo.kcfund.vn', fullName: 'Hoàng Thị Thu Hà', unitCode: 'SCT-KHTC' },
  { role: 'auditor', email: 'thanhtra@demo.kcfund.vn', fullName: 'Võ Quốc Khánh', unitCode: 'SCT' },
  { role: 'admin', email: 'quantri@demo.kcfund.vn', fullName: 'Đặng Thị Lan', unitCode: 'SCT-VP' },
];

/** The province's own extension fund (kinh phí khuyến công địa phương) and this year's budget. */
export const DEMO_FUND = {
  code: 'KCDP',
  name: 'Kinh phí khuyến công địa phương',
  source: 'local' as const,
  currency: 'VND',
  appropriated: '5000000000',
  appropriationNo: '125/QĐ-UBND',
  allocations: [
    { unitCode: 'TTKC', amount: '3000000000', decisionNo: '08/QĐ-SCT' },
    { unitCode: 'XA-LAI-VUNG', amount: '500000000', decisionNo: '09/QĐ-SCT' },
  ],
};

/**
 * The demo producer's establishment, in Xã Lai Vung, Tỉnh Đồng Tháp: 30226 in the national list of
 * administrative units (the service refuses a code that is not in it).
 */
export const DEMO_ESTABLISHMENT = {
  name: 'Hợp tác xã Cơ khí Nông nghiệp Tân Thành',
  kind: 'cooperative' as EstablishmentKind,
  taxCode: '1401234567',
  communeCode: '30226',
  address: 'Ấp Tân Thành, xã Lai Vung, tỉnh Đồng Tháp',
  representative: 'Nguyễn Văn An',
  phone: '0913456789',
  employees: 32,
};

/** How far each demo file has gone; the seed takes it there step by step. */
export type DemoStage = 'submitted' | 'under_review' | 'initialed' | 'approved' | 'contracted' | 'settled';

export interface DemoFile {
  stage: DemoStage;
  activityTypeCode: 'machinery' | 'demo_model';
  title: string;
  costLines: CostLineDto[];
  /** What the producer asks for, equal to the rule's maximum on the eligible lines. */
  requestedSupport: string;
  decisionNo?: string;
  /** The number of the support contract (hợp đồng) in the year: `NN/<year>/HĐ-KC`. */
  contractNo?: string;
  /** An advance (tạm ứng) requested by the officer; paid by finance from `contracted` on. */
  advance?: string;
  /** Actual costs filed at settlement. */
  actualCostLines?: Array<{ description: string; amount: string; eligible: boolean; documentRef: string }>;
}

const line = (description: string, unitPrice: string, eligible = true, quantity = '1'): CostLineDto => ({ description, quantity, unitPrice, eligible });

/**
 * Six files, one per step people act on. Amounts follow the national rules seeded by migration:
 * machinery 50 % capped at 300.000.000 ₫, demonstration model 30 % capped at 1.000.000.000 ₫,
 * advances up to 70 % of the approved support.
 */
export const DEMO_FILES: DemoFile[] = [
  {
    stage: 'settled',
    activityTypeCode: 'machinery',
    title: 'Ứng dụng hệ thống máy xay xát gạo liên hoàn',
    costLines: [line('Hệ thống máy xay xát gạo liên hoàn 3 tấn/giờ', '380000000'), line('Lắp đặt, chạy thử, đào tạo vận hành', '20000000'), line('Cải tạo nhà xưởng', '120000000', false)],
    requestedSupport: '200000000',
    decisionNo: '21/QĐ-SCT',
    contractNo: '03',
    advance: '140000000',
    actualCostLines: [
      { description: 'Hệ thống máy xay xát gạo liên hoàn 3 tấn/giờ', amount: '365000000', eligible: true, documentRef: 'HĐ GTGT 0004512' },
      { description: 'Lắp đặt, chạy thử, đào tạo vận hành', amount: '15000000', eligible: true, documentRef: 'HĐ GTGT 0004513' },
      { description: 'Cải tạo nhà xưởng', amount: '126000000', eligible: false, documentRef: 'Bảng kê chi phí tự thực hiện' },
    ],
  },
  {
    stage: 'contracted',
    activityTypeCode: 'machinery',
    title: 'Ứng dụng máy cắt khắc laser CNC trong sản xuất đồ gỗ mỹ nghệ',
    costLines: [line('Máy cắt khắc laser CNC 1325, công suất 150 W', '520000000'), line('Phần mềm thiết kế và chuyển giao công nghệ', '40000000'), line('Xe nâng hàng', '85000000', false)],
    requestedSupport: '280000000',
    decisionNo: '34/QĐ-SCT',
    contractNo: '05',
    advance: '196000000',
  },
  {
    stage: 'approved',
    activityTypeCode: 'demo_model',
    title: 'Mô hình trình diễn dây chuyền sản xuất bánh tráng tự động',
    costLines: [line('Dây chuyền tráng bánh tự động 2.000 bánh/giờ', '1350000000'), line('Hội nghị trình diễn, tham quan mô hình', '150000000'), line('Vốn lưu động mua nguyên liệu', '200000000', false)],
    requestedSupport: '450000000',
    decisionNo: '41/QĐ-SCT',
    advance: '315000000',
  },
  {
    stage: 'initialed',
    activityTypeCode: 'machinery',
    title: 'Ứng dụng máy ép viên nén mùn cưa làm chất đốt sinh học',
    costLines: [line('Máy ép viên nén mùn cưa 1 tấn/giờ', '620000000'), line('Máy sấy mùn cưa dạng thùng quay', '80000000')],
    requestedSupport: '300000000',
  },
  {
    stage: 'under_review',
    activityTypeCode: 'demo_model',
    title: 'Mô hình trình diễn lò sấy nông sản dùng năng lượng mặt trời kết hợp sinh khối',
    costLines: [line('Nhà sấy năng lượng mặt trời 200 m²', '850000000'), line('Lò đốt sinh khối cấp nhiệt bổ sung', '350000000'), line('Đường nội bộ', '90000000', false)],
    requestedSupport: '360000000',
  },
  {
    stage: 'submitted',
    activityTypeCode: 'machinery',
    title: 'Ứng dụng máy đóng gói chân không tự động cho nông sản sấy',
    costLines: [line('Máy đóng gói chân không tự động 2 buồng', '420000000'), line('Lắp đặt, đào tạo vận hành', '30000000'), line('Kho lạnh bảo quản', '150000000', false)],
    requestedSupport: '225000000',
  },
];
