import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import type { AccessTokenClaims } from '../../common/auth/auth.guard';
import { Clock } from '../../common/clock';
import { newId } from '../../common/ids';
import { AppConfig } from '../../config/app-config';
import { TransactionRunner } from '../../database/transaction';
import { AuditService } from '../audit/audit.service';
import { ValidationFailed } from '../../common/http/domain-error';
import type { ChangePasswordDto } from './dto/change-password.dto';
import type { LoginDto } from './dto/login.dto';
import type { RefreshTokenDto } from './dto/refresh-token.dto';
import type { RegisterDto } from './dto/register.dto';
import { IdentityError } from './identity.error';
import { PasswordHasher } from './password-hasher';
import { judgeRefreshToken } from './refresh-token.rules';
import { RefreshTokenStore } from './refresh-token.store';
import { User } from './user.entity';
import { normaliseEmail, SessionUser, toSessionUser } from './user.view';
import { UsersService } from './users.service';

export interface Session {
  accessToken: string;
  refreshToken: string;
  /** Seconds the access token lives. */
  expiresIn: number;
  user: SessionUser;
}

/** Sign-up, sign-in and sessions: argon2id passwords, short JWT access tokens, rotating refresh tokens. */
@Injectable()
export class AuthService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly jwt: JwtService,
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly hasher: PasswordHasher,
    private readonly refreshTokens: RefreshTokenStore,
    private readonly users: UsersService,
  ) {}

  /** Anyone may register, always as an applicant (a producer), in no unit. */
  async register(dto: RegisterDto): Promise<{ id: string }> {
    const id = newId();
    const passwordHash = await this.hasher.hash(dto.password);
    await this.users.addUser(
      { id, email: dto.email, passwordHash, fullName: dto.fullName, phone: dto.phone, unitId: null, roles: ['applicant'] },
      { actor: { id }, capacity: 'applicant' },
      'user.register',
    );
    return { id };
  }

  /**
   * One answer (401) for an unknown email, a wrong password and a locked account, after the same
   * work: an unknown email is verified against a dummy hash.
   */
  async login(dto: LoginDto): Promise<Session> {
    const user = await this.authenticate(dto);
    return this.tx.run(async (em) => {
      const familyId = newId();
      const session = await this.openSession(em, user, familyId);
      this.audit.record({
        actor: user,
        capacity: 'self',
        action: 'auth.login',
        entity: 'user',
        entityId: user.id,
        after: { sessionFamilyId: familyId },
      });
      return session;
    });
  }

  /**
   * The password check itself, shared by the API's login and the web pages' sign-in: the active
   * user with this email and password, or the one 401 answer (see login).
   */
  async authenticate(dto: LoginDto): Promise<User> {
    const user = await this.tx.manager.findOne(User, { where: { email: normaliseEmail(dto.email) } });
    const matches = user ? await this.hasher.verify(user.passwordHash, dto.password) : await this.hasher.verifyDummy(dto.password);
    if (!user || !matches || !user.active) throw IdentityError.badCredentials();
    return user;
  }

  /**
   * Spends a refresh token for a new pair. A token presented a second time means a copy is in
   * someone else's hands: the whole family is revoked (and stays revoked: that work commits even
   * though the caller gets 401).
   */
  async refresh(dto: RefreshTokenDto): Promise<Session> {
    const outcome = await this.tx.run(async (em): Promise<Session | null> => {
      const token = await this.refreshTokens.findForUpdate(em, dto.refreshToken);
      if (!token) return null;
      const verdict = judgeRefreshToken(token, this.clock.now());
      if (verdict === 'reused') {
        const revoked = await this.refreshTokens.revokeFamily(em, token.familyId, 'reuse');
        if (revoked > 0) {
          this.audit.record({
            actor: null,
            capacity: 'system',
            action: 'auth.refresh_reuse',
            entity: 'user',
            entityId: token.userId,
            after: { sessionFamilyId: token.familyId, reusedTokenId: token.id, revokedTokens: revoked },
          });
        }
        return null;
      }
      if (verdict !== 'rotate') return null;
      const user = await em.findOne(User, { where: { id: token.userId, active: true } });
      if (!user) return null;
      const session = await this.openSession(em, user, token.familyId, token.id);
      this.audit.record({
        actor: user,
        capacity: 'self',
        action: 'auth.refresh',
        entity: 'user',
        entityId: user.id,
        after: { sessionFamilyId: token.familyId, spentTokenId: token.id },
      });
      return session;
    });
    if (!outcome) throw IdentityError.refreshTokenRefused();
    return outcome;
  }

  /** Ends the session the refresh token belongs to; someone else's or an unknown token changes nothing. */
  async logout(actor: Actor, dto: RefreshTokenDto): Promise<void> {
    await this.tx.run(async (em) => {
      const token = await this.refreshTokens.findForUpdate(em, dto.refreshToken);
      if (!token || token.userId !== actor.id) return;
      const revoked = await this.refreshTokens.revokeFamily(em, token.familyId, 'logout');
      if (revoked === 0) return;
      this.audit.record({
        actor,
        capacity: 'self',
        action: 'auth.logout',
        entity: 'user',
        entityId: actor.id,
        after: { sessionFamilyId: token.familyId, revokedTokens: revoked },
      });
    });
  }

  /**
   * The user's own password change: the current password must match (400 naming it otherwise),
   * the new one follows the registration rule. Clears a reset's must-change flag; every other
   * sign-in of the user ends (refresh-token families but `sessionId`, page sessions), the one
   * making the request stays. Returns the user's new credentials version (the pages re-open
   * their session under it).
   */
  async changePassword(actor: Actor, sessionId: string | null, dto: ChangePasswordDto): Promise<{ credentialsVersion: number }> {
    const user = await this.tx.manager.findOne(User, { where: { id: actor.id, active: true } });
    if (!user) throw IdentityError.userNotFound();
    if (!(await this.hasher.verify(user.passwordHash, dto.currentPassword))) {
      throw ValidationFailed.field('currentPassword', 'mật khẩu hiện tại không đúng');
    }
    if (dto.newPassword === dto.currentPassword) throw ValidationFailed.field('newPassword', 'phải khác mật khẩu hiện tại');
    const passwordHash = await this.hasher.hash(dto.newPassword);
    return this.tx.run(async (em) => {
      const locked = await em.findOne(User, { where: { id: user.id }, lock: { mode: 'pessimistic_write' } });
      // Someone else changed the password meanwhile (a reset): the current one checked above is stale.
      if (!locked || locked.passwordHash !== user.passwordHash) throw ValidationFailed.field('currentPassword', 'mật khẩu hiện tại không đúng');
      const revokedTokens = await this.refreshTokens.revokeAllOfUser(em, user.id, 'password_change', sessionId);
      const credentialsVersion = locked.credentialsVersion + 1;
      await em.update(User, { id: user.id }, { passwordHash, mustChangePassword: false, credentialsVersion, updatedAt: this.clock.now() });
      this.audit.record({
        actor,
        capacity: 'self',
        action: 'user.change_password',
        entity: 'user',
        entityId: user.id,
        before: { mustChangePassword: Boolean(locked.mustChangePassword) },
        after: { mustChangePassword: false, revokedRefreshTokens: revokedTokens, keptSessionFamilyId: sessionId },
      });
      return { credentialsVersion };
    });
  }

  /**
   * Housekeeping: forgets refresh tokens past their expiry, once every access token issued with
   * them has expired too. Until then a revoked row must stay: it is what ends the access tokens of
   * a family signed out (the guard asks whether the family has a revoked token).
   */
  async purgeExpiredRefreshTokens(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - this.config.ACCESS_TOKEN_TTL_SECONDS * 1000);
    return this.tx.run((em) => this.refreshTokens.deleteExpiredBefore(em, cutoff));
  }

  me(actor: Actor): SessionUser {
    return toSessionUser(actor);
  }

  private async openSession(em: EntityManager, user: User, familyId: string, spentTokenId?: string): Promise<Session> {
    const issued = await this.refreshTokens.issue(em, user.id, familyId);
    if (spentTokenId) await this.refreshTokens.markSpent(em, spentTokenId, issued.id);
    const claims: AccessTokenClaims = { sub: user.id, typ: 'access', sid: familyId };
    return {
      accessToken: await this.jwt.signAsync(claims),
      refreshToken: issued.token,
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
      user: toSessionUser(user),
    };
  }
}
