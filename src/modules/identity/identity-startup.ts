import { Inject, Injectable } from '@nestjs/common';
import { SYSTEM } from '../../common/auth/change-author';
import { AppConfig } from '../../config/app-config';
import { isDuplicateKeyError } from '../../database/duplicate-key';
import { TransactionRunner } from '../../database/transaction';
import { PasswordHasher } from './password-hasher';
import { User } from './user.entity';
import { normaliseEmail } from './user.view';
import { UsersService } from './users.service';

/**
 * Identity's work at start, after migrations: the bootstrap admin (once, when no active admin
 * exists). Two instances starting together collide on the unique email; the second one's attempt
 * rolls back quietly.
 */
@Injectable()
export class IdentityStartup {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly tx: TransactionRunner,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
  ) {}

  /** Whether the database holds any user at all (the demo is seeded only into one that holds none). */
  async hasUsers(): Promise<boolean> {
    return (await this.tx.manager.count(User)) > 0;
  }

  async ensureBootstrapAdmin(): Promise<string[]> {
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
      if (!isDuplicateKeyError(error)) throw error;
      return [];
    }
    return [`Đã tạo tài khoản quản trị ban đầu: ${email}`];
  }
}
