import { Inject, Injectable } from '@nestjs/common';
import { SYSTEM } from '../../common/auth/change-author';
import { AppConfig } from '../../config/app-config';
import { TransactionRunner } from '../../database/transaction';
import { DemoSeed } from './demo-seed';
import { PasswordHasher } from './password-hasher';
import { User } from './user.entity';
import { normaliseEmail } from './user.view';
import { UsersService } from './users.service';

function isDuplicateKey(error: unknown): boolean {
  const e = error as { errno?: number; driverError?: { errno?: number }; code?: string };
  return (e?.driverError?.errno ?? e?.errno) === 1062 || e?.code === 'DUPLICATE';
}

/**
 * Work at start, after migrations: the bootstrap admin (once, when no active admin exists) and
 * the demo province (only into a database with no users at all). Two instances starting together
 * collide on the unique email and unit code; the second one's attempt rolls back and is reported.
 */
@Injectable()
export class IdentityStartup {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly tx: TransactionRunner,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly demo: DemoSeed,
  ) {}

  async run(): Promise<string[]> {
    const empty = (await this.tx.manager.count(User)) === 0;
    const lines = await this.ensureBootstrapAdmin();
    if (empty && this.config.seedDemo) {
      try {
        lines.push(...(await this.demo.seed()));
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        lines.push('Dữ liệu mẫu đã được một tiến trình khác tạo; bỏ qua.');
      }
    }
    return lines;
  }

  private async ensureBootstrapAdmin(): Promise<string[]> {
    const { BOOTSTRAP_ADMIN_EMAIL: rawEmail, BOOTSTRAP_ADMIN_PASSWORD: password } = this.config;
    if (!rawEmail || !password) return [];
    const email = normaliseEmail(rawEmail);
    const hasAdmin = await this.tx.manager
      .createQueryBuilder(User, 'u')
      .where("FIND_IN_SET('admin', u.roles) > 0")
      .andWhere('u.active = 1')
      .getExists();
    if (hasAdmin) return [];
    if (await this.tx.manager.exists(User, { where: { email } })) {
      return [`Không tạo quản trị viên ban đầu: email ${email} đã thuộc một tài khoản khác.`];
    }
    const passwordHash = await this.hasher.hash(password);
    try {
      await this.users.addUser(
        { email, passwordHash, fullName: 'Quản trị hệ thống', unitId: null, roles: ['admin'] },
        SYSTEM,
        'user.bootstrap_admin',
      );
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return [];
    }
    return [`Đã tạo tài khoản quản trị ban đầu: ${email}`];
  }
}
