import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { Actor, Role } from '../common/auth/actor';
import { SYSTEM } from '../common/auth/change-author';
import { Clock } from '../common/clock';
import { Money } from '../common/money/decimal';
import { formatDateVi, formatMoneyVi } from '../common/money/format-vi';
import { TransactionRunner } from '../database/transaction';
import { BudgetService } from '../modules/budget/budget.service';
import { CatalogueService } from '../modules/catalogue/catalogue.service';
import { EstablishmentsService } from '../modules/establishments/establishments.service';
import { PasswordHasher } from '../modules/identity/password-hasher';
import { UsersService } from '../modules/identity/users.service';
import { UnitService } from '../modules/organization/unit.service';
import { demoCalendar } from './demo-calendar';
import { DemoFiles } from './demo-files';
import { DEMO_ESTABLISHMENT, DEMO_FILES, DEMO_FUND, DEMO_UNITS, DEMO_USERS, DemoStage } from './demo-province';

export interface DemoLogin {
  role: string;
  email: string;
  password: string;
  fullName: string;
}

export interface DemoSeedResult {
  /** What was created, in Vietnamese, one line each; no passwords. */
  summary: string[];
  /** The demo logins with their random passwords, for the caller to show once. */
  logins: DemoLogin[];
}

const STAGE_LABELS: Record<DemoStage, string> = {
  submitted: 'mới nộp, chờ trưởng phòng giao xử lý',
  under_review: 'đang thẩm định, có xin ý kiến Phòng Kế hoạch – Tài chính',
  initialed: 'đã đề xuất và ký tắt, chờ lãnh đạo quyết định',
  approved: 'đã phê duyệt, tạm ứng chờ tài chính duyệt',
  contracted: 'đã ký hợp đồng, đã chi tạm ứng',
  settled: 'đã nghiệm thu, quyết toán và chi trả phần còn lại',
};

/**
 * Seeds the demo province into an empty database: units and one login per role (as `system`),
 * then a working year acted out by those people through the real use cases: the fund and the
 * current fiscal year opened, appropriated and allocated by finance, the producer's establishment
 * and six files at different steps (intake, review with a consultation, waiting for the leader,
 * an advance waiting for finance, an advance paid, a settled file).
 *
 * Everything runs in one transaction: a failure half-way leaves the database empty, so the next
 * start seeds again. Passwords are random and exist only in the result.
 */
@Injectable()
export class DemoSeed {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly units: UnitService,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly catalogue: CatalogueService,
    private readonly budget: BudgetService,
    private readonly establishments: EstablishmentsService,
    private readonly files: DemoFiles,
  ) {}

  async seed(): Promise<DemoSeedResult> {
    const logins = await Promise.all(
      DEMO_USERS.map(async (user) => {
        const password = `Kc-${randomBytes(9).toString('base64url')}`;
        return { ...user, password, passwordHash: await this.hasher.hash(password) };
      }),
    );
    const cal = demoCalendar(this.clock.today());
    await this.tx.run(async () => {
      const unitIds = new Map<string, string>();
      for (const unit of DEMO_UNITS) {
        const parentId = unit.parentCode ? unitIds.get(unit.parentCode)! : null;
        const created = await this.units.addUnit({ code: unit.code, name: unit.name, kind: unit.kind, parentId }, SYSTEM);
        unitIds.set(unit.code, created.id);
      }
      const people = new Map<Role, Actor>();
      for (const login of logins) {
        const user = await this.users.addUser(
          {
            email: login.email,
            passwordHash: login.passwordHash,
            fullName: login.fullName,
            unitId: login.unitCode ? unitIds.get(login.unitCode)! : null,
            roles: [login.role],
            leaderScope: login.activityTypeCodes ? { activityTypeCodes: login.activityTypeCodes } : null,
          },
          SYSTEM,
          'user.seed',
        );
        // The first person of a role acts in the demo's files (the director, not the deputy).
        if (!people.has(login.role)) people.set(login.role, { id: user.id, email: user.email, fullName: user.fullName, roles: user.roles, unitId: user.unitId });
      }
      const person = (role: Role) => people.get(role)!;

      await this.assertRulesInForce(cal.today);
      const finance = person('finance');
      await this.budget.createFund(finance, { code: DEMO_FUND.code, name: DEMO_FUND.name, source: DEMO_FUND.source, currency: DEMO_FUND.currency });
      await this.budget.openFiscalYear(finance, { year: cal.year });
      await this.budget.appropriate(finance, {
        fundCode: DEMO_FUND.code,
        fiscalYear: cal.year,
        amount: DEMO_FUND.appropriated,
        decisionNo: DEMO_FUND.appropriationNo,
        decisionDate: cal.daysAgo(150),
      });
      for (const allocation of DEMO_FUND.allocations) {
        await this.budget.allocate(finance, {
          fundCode: DEMO_FUND.code,
          fiscalYear: cal.year,
          unitId: unitIds.get(allocation.unitCode)!,
          amount: allocation.amount,
          decisionNo: allocation.decisionNo,
        });
      }

      const establishment = await this.establishments.register(person('applicant'), DEMO_ESTABLISHMENT);
      const cast = {
        producer: person('applicant'),
        officer: person('officer'),
        head: person('head'),
        leader: person('leader'),
        finance,
        centreId: unitIds.get('TTKC')!,
        consultedUnitId: unitIds.get('SCT-KHTC')!,
        establishmentId: establishment.id,
        fundCode: DEMO_FUND.code,
        fundSource: DEMO_FUND.source,
      };
      for (const file of DEMO_FILES) await this.files.walk(file, cast, cal);
    });
    return { summary: summaryLines(cal.year, cal.daysAgo(150)), logins: logins.map(({ role, email, password, fullName }) => ({ role, email, password, fullName })) };
  }

  /** The national rules come with a migration; a demo without them would fail at its first file. */
  private async assertRulesInForce(today: string): Promise<void> {
    for (const code of new Set(DEMO_FILES.map((f) => f.activityTypeCode))) {
      if (!(await this.catalogue.findRuleFor(code, DEMO_FUND.source, today))) {
        throw new Error(`The demo needs the activity rule "${code}" in force on ${today} (seeded by migration SeedNationalActivityRules).`);
      }
    }
  }
}

function summaryLines(year: number, appropriationDate: string): string[] {
  const vnd = (amount: string) => formatMoneyVi(new Money(amount), DEMO_FUND.currency);
  const unitName = (code: string) => DEMO_UNITS.find((u) => u.code === code)!.name;
  return [
    `Đã tạo dữ liệu mẫu: ${DEMO_UNITS[0].name}, ${DEMO_UNITS.length} đơn vị và ${DEMO_USERS.length} tài khoản.`,
    `Nguồn ${DEMO_FUND.code} (${DEMO_FUND.name}), năm ngân sách ${year}: dự toán ${vnd(DEMO_FUND.appropriated)} (QĐ ${DEMO_FUND.appropriationNo} ngày ${formatDateVi(appropriationDate)}); phân bổ ${DEMO_FUND.allocations
      .map((a) => `${unitName(a.unitCode)} ${vnd(a.amount)}`)
      .join(', ')}.`,
    `Cơ sở mẫu: ${DEMO_ESTABLISHMENT.name} (đại diện ${DEMO_ESTABLISHMENT.representative}), ${DEMO_FILES.length} hồ sơ:`,
    ...DEMO_FILES.map((f) => `  - ${f.title}: ${STAGE_LABELS[f.stage]}.`),
  ];
}
