import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { Role } from '../../common/auth/actor';
import { SYSTEM } from '../../common/auth/change-author';
import { TransactionRunner } from '../../database/transaction';
import type { UnitKind } from '../organization/unit.entity';
import { UnitService } from '../organization/unit.service';
import { PasswordHasher } from './password-hasher';
import { UsersService } from './users.service';

interface DemoUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parentCode?: string;
}

interface DemoUser {
  role: Role;
  email: string;
  fullName: string;
  unitCode: string | null;
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

/** One person per role, in the unit where that person would work. */
export const DEMO_USERS: DemoUser[] = [
  { role: 'applicant', email: 'coso@demo.kcfund.vn', fullName: 'Nguyễn Văn An', unitCode: null },
  { role: 'officer', email: 'chuyenvien@demo.kcfund.vn', fullName: 'Trần Thị Bích Ngọc', unitCode: 'TTKC' },
  { role: 'head', email: 'truongphong@demo.kcfund.vn', fullName: 'Lê Văn Cường', unitCode: 'TTKC' },
  { role: 'leader', email: 'lanhdao@demo.kcfund.vn', fullName: 'Phạm Minh Đức', unitCode: 'SCT' },
  { role: 'finance', email: 'taichinh@demo.kcfund.vn', fullName: 'Hoàng Thị Thu Hà', unitCode: 'SCT-KHTC' },
  { role: 'auditor', email: 'thanhtra@demo.kcfund.vn', fullName: 'Võ Quốc Khánh', unitCode: 'SCT' },
  { role: 'admin', email: 'quantri@demo.kcfund.vn', fullName: 'Đặng Thị Lan', unitCode: 'SCT-VP' },
];

/**
 * Seeds the demo province into an empty database, in one transaction, audited as `system`.
 * Passwords are random and exist only in the lines returned, which the service prints once.
 */
@Injectable()
export class DemoSeed {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly units: UnitService,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
  ) {}

  async seed(): Promise<string[]> {
    const logins = await Promise.all(
      DEMO_USERS.map(async (user) => {
        const password = `Kc-${randomBytes(9).toString('base64url')}`;
        return { ...user, password, passwordHash: await this.hasher.hash(password) };
      }),
    );
    await this.tx.run(async () => {
      const unitIds = new Map<string, string>();
      for (const unit of DEMO_UNITS) {
        const parentId = unit.parentCode ? unitIds.get(unit.parentCode)! : null;
        const created = await this.units.addUnit({ code: unit.code, name: unit.name, kind: unit.kind, parentId }, SYSTEM);
        unitIds.set(unit.code, created.id);
      }
      for (const login of logins) {
        await this.users.addUser(
          {
            email: login.email,
            passwordHash: login.passwordHash,
            fullName: login.fullName,
            unitId: login.unitCode ? unitIds.get(login.unitCode)! : null,
            roles: [login.role],
          },
          SYSTEM,
          'user.seed',
        );
      }
    });
    const width = Math.max(...logins.map((l) => l.email.length));
    return [
      `Đã tạo dữ liệu mẫu: ${DEMO_UNITS[0].name}, ${DEMO_UNITS.length} đơn vị và ${logins.length} tài khoản.`,
      'Tài khoản mẫu (mật khẩu chỉ in một lần này):',
      ...logins.map((l) => `  ${l.role.padEnd(9)} ${l.email.padEnd(width)}  ${l.password}  (${l.fullName})`),
    ];
  }
}
