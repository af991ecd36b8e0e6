import { In } from 'typeorm';
import { Injectable } from '@nestjs/common';
import { requireRole, requireStaff } from '../../common/auth/access';
import { Actor, Role, ROLES, STAFF_ROLES } from '../../common/auth/actor';
import type { ChangeAuthor } from '../../common/auth/change-author';
import { Clock } from '../../common/clock';
import { Page, pageOf } from '../../common/http/page';
import { DomainError, ValidationFailed } from '../../common/http/domain-error';
import { isId, newId } from '../../common/ids';
import { containsPattern } from '../../database/like';
import { TransactionRunner } from '../../database/transaction';
import { AuditService } from '../audit/audit.service';
import { ActingAppointmentsService } from './acting-appointments.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import { UnitService } from '../organization/unit.service';
import type { CreateUserDto } from './dto/create-user.dto';
import type { CreateUserAccountDto } from './dto/create-user-account.dto';
import type { LeaderScopeDto, UpdateUserDto } from './dto/update-user.dto';
import type { UserQuery } from './dto/user-query.dto';
import { IdentityError } from './identity.error';
import { newTemporaryPassword, PasswordHasher } from './password-hasher';
import { RefreshTokenStore } from './refresh-token.store';
import { LeaderScope, User } from './user.entity';
import { normaliseEmail, toUserView, UserView } from './user.view';
import type { Recipient, RecipientQuery } from './recipients.types';

export interface NewUser {
  /** Given when the caller needs the id before the row exists (self-registration audits as the new user). */
  id?: string;
  email: string;
  passwordHash: string;
  fullName: string;
  phone?: string | null;
  unitId: string | null;
  roles: Role[];
  /** A deputy director's field of work (leaders only). */
  leaderScope?: LeaderScope | null;
  /** Opened with a temporary password: the user chooses their own at the first sign-in. */
  mustChangePassword?: boolean;
}

/** A person who signs papers, as the register of outgoing documents records them. */
export interface Signatory {
  id: string;
  fullName: string;
  roles: Role[];
  /** A leader with a field of work (leaderScope): a deputy director. */
  deputy: boolean;
  unitId: string | null;
  /** Quyền: acting as head of the Sở on the day asked (an acting appointment holds it). */
  acting: boolean;
}

/** Roles in the contract's order, once each. */
function canonicalRoles(roles: Role[]): Role[] {
  return ROLES.filter((role) => roles.includes(role));
}

@Injectable()
export class UsersService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly hasher: PasswordHasher,
    private readonly units: UnitService,
    private readonly refreshTokens: RefreshTokenStore,
    private readonly catalogue: CatalogueService,
    private readonly acting: ActingAppointmentsService,
  ) {}

  async createUser(actor: Actor, dto: CreateUserDto): Promise<UserView> {
    const capacity = requireRole(actor, 'admin');
    const passwordHash = await this.hasher.hash(dto.password);
    return this.tx.run(async () => {
      // 400 for an unknown unit, 409 for a deactivated one.
      await this.units.requireActiveUnits([{ field: 'unitId', id: dto.unitId }]);
      const user = await this.addUser(
        { email: dto.email, passwordHash, fullName: dto.fullName, phone: dto.phone, unitId: dto.unitId, roles: dto.roles },
        { actor, capacity },
        'user.create',
      );
      return toUserView(user);
    });
  }

  /**
   * An account opened by an administrator on the pages: as `createUser` (the same checks, the same
   * audit entry), but the password is a temporary one made here as a reset makes it, answered once
   * and never stored in clear; the user must change it at their first sign-in, as after a reset.
   * A deputy director's field of work may be given at once (checked as `updateUser` checks it).
   */
  async createUserWithTemporaryPassword(actor: Actor, dto: CreateUserAccountDto): Promise<{ user: UserView; temporaryPassword: string }> {
    const capacity = requireRole(actor, 'admin');
    const temporaryPassword = newTemporaryPassword();
    const passwordHash = await this.hasher.hash(temporaryPassword);
    return this.tx.run(async () => {
      await this.units.requireActiveUnits([{ field: 'unitId', id: dto.unitId }]);
      if (dto.leaderScope) await this.assertScopeExists(dto.leaderScope);
      const user = await this.addUser(
        {
          email: dto.email,
          passwordHash,
          fullName: dto.fullName,
          phone: dto.phone,
          unitId: dto.unitId,
          roles: dto.roles,
          leaderScope: scopeOf(dto.leaderScope ?? null),
          mustChangePassword: true,
        },
        { actor, capacity },
        'user.create',
      );
      return { user: toUserView(user), temporaryPassword };
    });
  }

  /**
   * Changes a user's name, phone, unit, roles or leader scope. The guard reads the user on every
   * request (and a money route's transaction confirms the remembered one), so the change holds
   * from their next request. An administrator may not take the admin role from themselves.
   */
  async updateUser(actor: Actor, id: string, dto: UpdateUserDto): Promise<UserView> {
    const capacity = requireRole(actor, 'admin');
    if (id === actor.id && dto.roles && !dto.roles.includes('admin')) throw IdentityError.cannotDropOwnAdmin();
    return this.tx.run(async (em) => {
      const user = await this.lockedUser(id);
      const before = toUserView(user);
      if (dto.unitId !== undefined && dto.unitId !== null && dto.unitId !== user.unitId) {
        await this.units.requireActiveUnits([{ field: 'unitId', id: dto.unitId }]);
      }
      if (dto.leaderScope) await this.assertScopeExists(dto.leaderScope);
      const changes: Partial<User> = {};
      if (dto.fullName !== undefined) changes.fullName = dto.fullName.trim();
      if (dto.phone !== undefined) changes.phone = dto.phone?.trim() || null;
      if (dto.unitId !== undefined) changes.unitId = dto.unitId;
      if (dto.roles !== undefined) changes.roles = canonicalRoles(dto.roles);
      if (dto.leaderScope !== undefined) changes.leaderScope = scopeOf(dto.leaderScope);
      changes.updatedAt = this.clock.now();
      Object.assign(user, changes);
      await em.update(User, { id: user.id }, changes);
      const after = toUserView(user);
      this.audit.record({ actor, capacity, action: 'user.update', entity: 'user', entityId: user.id, before, after });
      return after;
    });
  }

  /**
   * A new temporary password, answered once and never stored in clear. Every sign-in of the user
   * ends (refresh tokens revoked, so their access tokens stop at once; page sessions end), and
   * until they choose a new password every route but that change, /me and logout answers 403.
   */
  async resetPassword(actor: Actor, id: string): Promise<{ temporaryPassword: string }> {
    const capacity = requireRole(actor, 'admin');
    const temporaryPassword = newTemporaryPassword();
    const passwordHash = await this.hasher.hash(temporaryPassword);
    return this.tx.run(async (em) => {
      const user = await this.lockedUser(id);
      const revokedTokens = await this.refreshTokens.revokeAllOfUser(em, user.id, 'password_reset');
      const credentialsVersion = user.credentialsVersion + 1;
      await em.update(User, { id: user.id }, { passwordHash, mustChangePassword: true, credentialsVersion, updatedAt: this.clock.now() });
      this.audit.record({
        actor,
        capacity,
        action: 'user.reset_password',
        entity: 'user',
        entityId: user.id,
        before: { mustChangePassword: Boolean(user.mustChangePassword) },
        after: { mustChangePassword: true, revokedRefreshTokens: revokedTokens },
      });
      return { temporaryPassword };
    });
  }

  async listUsers(actor: Actor, query: UserQuery): Promise<Page<UserView>> {
    requireRole(actor, 'admin');
    const qb = this.tx.manager.createQueryBuilder(User, 'u');
    if (query.role) qb.andWhere('FIND_IN_SET(:role, u.roles) > 0', { role: query.role });
    if (query.unitId) qb.andWhere('u.unit_id = :unitId', { unitId: query.unitId });
    if (query.active !== undefined) qb.andWhere('u.active = :active', { active: query.active });
    if (query.q) {
      qb.andWhere('(u.email LIKE :like OR u.full_name LIKE :like)', { like: containsPattern(query.q) });
    }
    const [rows, total] = await qb
      .orderBy('u.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(rows.map(toUserView), total, query);
  }

  /**
   * The active staff by name, role and unit (no emails or phones): what a head needs to assign a
   * file to an officer and a leader to name a delegate. Staff only.
   */
  async staffDirectory(actor: Actor, { includeInactive = false }: { includeInactive?: boolean } = {}): Promise<Array<{ id: string; fullName: string; roles: Role[]; unitId: string | null; active: boolean }>> {
    requireStaff(actor);
    // With `includeInactive`, people who have left too: their names still stand on the records they signed.
    const rows = await this.tx.manager.find(User, { where: includeInactive ? {} : { active: true }, order: { fullName: 'ASC' } });
    return rows
      .filter((u) => u.roles.some((role) => STAFF_ROLES.includes(role)))
      .map((u) => ({ id: u.id, fullName: u.fullName, roles: canonicalRoles(u.roles), unitId: u.unitId, active: Boolean(u.active) }));
  }

  /**
   * The full names of the given users, for documents that name who checked and who signed (the
   * caller has already checked that the actor may see the record that names them).
   */
  async fullNamesOf(ids: string[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids)].filter(Boolean);
    if (wanted.length === 0) return new Map();
    const rows = await this.tx.manager.find(User, { select: { id: true, fullName: true }, where: { id: In(wanted) } });
    return new Map(rows.map((u) => [u.id, u.fullName]));
  }

  /**
   * What papers need to know of the people who sign them: name, roles, whether a leader is a
   * deputy (a leader with a field of work), their unit, and whether they act as head of the Sở
   * on `day` (`YYYY-MM-DD`, today when absent: the paper's date). For the register of outgoing
   * documents, inside a step whose actor has already been checked.
   */
  async signatoriesOf(ids: string[], day?: string): Promise<Map<string, Signatory>> {
    const wanted = [...new Set(ids)].filter(Boolean);
    if (wanted.length === 0) return new Map();
    const rows = await this.tx.manager.find(User, { select: { id: true, fullName: true, roles: true, leaderScope: true, unitId: true }, where: { id: In(wanted) } });
    // Only a leader is appointed to act as head of the Sở: officers' and heads' steps ask no more.
    const acting = await this.acting.actingOn(rows.filter((u) => u.roles.includes('leader')).map((u) => u.id), day ?? this.clock.today());
    return new Map(
      rows.map((u) => [
        u.id,
        { id: u.id, fullName: u.fullName, roles: canonicalRoles(u.roles), deputy: u.roles.includes('leader') && u.leaderScope != null, unitId: u.unitId, acting: acting.has(u.id) },
      ]),
    );
  }

  /**
   * The active users a message goes to (notifications): named users, the holders of roles in
   * given units, the holders of roles anywhere. The caller (a step that has checked its actor)
   * chose the audience from the file's own access policy.
   */
  async recipients(query: RecipientQuery): Promise<Recipient[]> {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (query.userIds?.length) {
      clauses.push(`u.id IN (${query.userIds.map(() => '?').join(',')})`);
      params.push(...query.userIds);
    }
    for (const group of query.units ?? []) {
      if (!group.roles.length) continue;
      clauses.push(`(u.unit_id = ? AND (${group.roles.map(() => 'FIND_IN_SET(?, u.roles) > 0').join(' OR ')}))`);
      params.push(group.unitId, ...group.roles);
    }
    if (query.roles?.length) {
      clauses.push(`(${query.roles.map(() => 'FIND_IN_SET(?, u.roles) > 0').join(' OR ')})`);
      params.push(...query.roles);
    }
    if (clauses.length === 0) return [];
    const rows: Array<{ id: string; email: string; full_name: string }> = await this.tx.manager.query(
      `SELECT u.id, u.email, u.full_name FROM users u WHERE u.active = 1 AND (${clauses.join(' OR ')}) ORDER BY u.id`,
      params,
    );
    return rows.map((r) => ({ id: r.id, email: r.email, fullName: r.full_name }));
  }

  async getUser(actor: Actor, id: string): Promise<UserView> {
    requireRole(actor, 'admin');
    const user = isId(id) ? await this.tx.manager.findOne(User, { where: { id } }) : null;
    if (!user) throw IdentityError.userNotFound();
    return toUserView(user);
  }

  /** Locks the account out at once: the guard reads the user on every request, and refresh tokens are revoked. */
  async deactivateUser(actor: Actor, id: string): Promise<UserView> {
    const capacity = requireRole(actor, 'admin');
    if (id === actor.id) throw IdentityError.cannotDeactivateSelf();
    return this.setActive(id, false, { actor, capacity });
  }

  async activateUser(actor: Actor, id: string): Promise<UserView> {
    const capacity = requireRole(actor, 'admin');
    return this.setActive(id, true, { actor, capacity });
  }

  /**
   * Adds a user in the current transaction (or its own), audited against `author`. Use cases check
   * access before calling it; registration, the bootstrap admin and the demo seed use it too.
   */
  async addUser(input: NewUser, author: ChangeAuthor, action: string): Promise<User> {
    return this.tx.run(async (em) => {
      const email = normaliseEmail(input.email);
      if (await em.exists(User, { where: { email } })) throw IdentityError.emailTaken();
      const now = this.clock.now();
      const user = em.create(User, {
        id: input.id ?? newId(),
        email,
        passwordHash: input.passwordHash,
        fullName: input.fullName.trim(),
        phone: input.phone?.trim() || null,
        unitId: input.unitId,
        roles: canonicalRoles(input.roles),
        leaderScope: input.leaderScope ?? null,
        mustChangePassword: input.mustChangePassword ?? false,
        active: true,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(User, user);
      this.audit.record({ ...author, action, entity: 'user', entityId: user.id, after: toUserView(user) });
      return user;
    });
  }

  private async lockedUser(id: string): Promise<User> {
    const user = isId(id) ? await this.tx.manager.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!user) throw IdentityError.userNotFound();
    return user;
  }

  /** Every activity type code and unit id of a leader's scope exists (400 naming the entry otherwise). */
  private async assertScopeExists(scope: LeaderScopeDto): Promise<void> {
    const errors: Array<{ field: string; message: string }> = [];
    for (const [i, code] of (scope.activityTypeCodes ?? []).entries()) {
      if (!(await this.catalogue.codeExists(code))) errors.push({ field: `leaderScope.activityTypeCodes[${i}]`, message: 'không có loại hoạt động này' });
    }
    const unitIds = scope.unitIds ?? [];
    try {
      await this.units.requireKnownUnits(unitIds.map((unitId, i) => ({ field: `leaderScope.unitIds[${i}]`, id: unitId })));
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'VALIDATION_FAILED') throw error;
      errors.push(...(error.errors ?? []));
    }
    if (errors.length) throw new ValidationFailed(errors, errors.map((e) => `${e.field}: ${e.message}`).join('; '));
  }

  private async setActive(id: string, active: boolean, author: ChangeAuthor): Promise<UserView> {
    return this.tx.run(async (em) => {
      const user = isId(id) ? await em.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!user) throw IdentityError.userNotFound();
      if (user.active === active) throw IdentityError.alreadyActive(active);
      const before = toUserView(user);
      user.active = active;
      user.updatedAt = this.clock.now();
      await em.update(User, { id }, { active, updatedAt: user.updatedAt });
      const revokedTokens = active ? 0 : await this.refreshTokens.revokeAllOfUser(em, id, 'deactivated');
      const after = toUserView(user);
      this.audit.record({
        ...author,
        action: active ? 'user.activate' : 'user.deactivate',
        entity: 'user',
        entityId: id,
        before,
        after: active ? after : { ...after, revokedRefreshTokens: revokedTokens },
      });
      return after;
    });
  }
}

/** A scope as stored: only the lists given, or null when nothing limits the leader. */
function scopeOf(dto: LeaderScopeDto | null): LeaderScope | null {
  if (!dto) return null;
  const scope: LeaderScope = {};
  if (dto.activityTypeCodes) scope.activityTypeCodes = [...dto.activityTypeCodes];
  if (dto.unitIds) scope.unitIds = [...dto.unitIds];
  return Object.keys(scope).length ? scope : null;
}
