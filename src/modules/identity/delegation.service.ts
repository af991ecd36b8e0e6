import { Injectable } from '@nestjs/common';
import { requireRole, requireStaff } from '../../common/auth/access';
import { Actor, hasRole, Role } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { Page, pageOf } from '../../common/http/page';
import { isId, newId } from '../../common/ids';
import { parseMoney } from '../../common/money/money';
import { TransactionRunner } from '../../database/transaction';
import { AuditService } from '../audit/audit.service';
import { Delegation } from './delegation.entity';
import { DecisionCapacity, DecisionRequest, resolveDecisionCapacity } from './delegation.rules';
import { DelegationView, toDelegationView } from './delegation.view';
import type { CreateDelegationDto } from './dto/create-delegation.dto';
import type { DelegationQuery } from './dto/delegation-query.dto';
import { IdentityError } from './identity.error';
import { User } from './user.entity';

/** Roles a delegate must hold one of: people who work files, not auditors or system administrators. */
const DELEGATE_ROLES: Role[] = ['leader', 'head', 'officer', 'finance'];

@Injectable()
export class DelegationService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async createDelegation(actor: Actor, dto: CreateDelegationDto): Promise<DelegationView> {
    const capacity = requireRole(actor, 'leader');
    const today = this.clock.today();
    if (dto.toUserId === actor.id) throw IdentityError.invalidField('toUserId', 'không thể tự ủy quyền cho chính mình');
    if (dto.validFrom < today) throw IdentityError.invalidField('validFrom', 'không được trước ngày hôm nay');
    if (dto.validTo < dto.validFrom) throw IdentityError.invalidField('validTo', 'phải là validFrom hoặc một ngày sau đó');
    const currency = dto.currency ?? 'VND';
    const maxAmount = dto.maxAmount === undefined ? null : parseMoney(dto.maxAmount, { field: 'maxAmount', currency });
    return this.tx.run(async (em) => {
      const delegate = isId(dto.toUserId) ? await em.findOne(User, { where: { id: dto.toUserId, active: true } }) : null;
      if (!delegate || !delegate.roles.some((role) => DELEGATE_ROLES.includes(role))) {
        throw IdentityError.invalidField('toUserId', 'người nhận ủy quyền không tồn tại, đã bị khóa hoặc không phải cán bộ xử lý hồ sơ');
      }
      const delegation = em.create(Delegation, {
        id: newId(),
        fromUserId: actor.id,
        toUserId: delegate.id,
        validFrom: dto.validFrom,
        validTo: dto.validTo,
        maxAmount,
        currency,
        activityTypeCodes: dto.activityTypeCodes ?? null,
        reason: dto.reason.trim(),
        createdAt: this.clock.now(),
        revokedAt: null,
      });
      await em.insert(Delegation, delegation);
      const view = toDelegationView(delegation, today);
      this.audit.record({ actor, capacity, action: 'delegation.create', entity: 'delegation', entityId: delegation.id, after: view });
      return view;
    });
  }

  /** Revoking is idempotent: a delegation already revoked stays as it is. Only its giver may revoke it. */
  async revokeDelegation(actor: Actor, id: string): Promise<void> {
    const capacity = requireRole(actor, 'leader');
    await this.tx.run(async (em) => {
      const delegation = isId(id)
        ? await em.findOne(Delegation, { where: { id, fromUserId: actor.id }, lock: { mode: 'pessimistic_write' } })
        : null;
      if (!delegation) throw IdentityError.delegationNotFound();
      if (delegation.revokedAt) return;
      const today = this.clock.today();
      const before = toDelegationView(delegation, today);
      delegation.revokedAt = this.clock.now();
      await em.update(Delegation, { id }, { revokedAt: delegation.revokedAt });
      this.audit.record({
        actor,
        capacity,
        action: 'delegation.revoke',
        entity: 'delegation',
        entityId: id,
        before,
        after: toDelegationView(delegation, today),
      });
    });
  }

  /** Auditors see every delegation; everyone else those they gave or received. */
  async listDelegations(actor: Actor, query: DelegationQuery): Promise<Page<DelegationView>> {
    requireStaff(actor);
    const qb = this.visibleTo(actor);
    if (query.direction === 'given') qb.andWhere('d.from_user_id = :me', { me: actor.id });
    if (query.direction === 'received') qb.andWhere('d.to_user_id = :me', { me: actor.id });
    const [rows, total] = await qb
      .orderBy('d.id', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    const today = this.clock.today();
    return pageOf(
      rows.map((row) => toDelegationView(row, today)),
      total,
      query,
    );
  }

  async getDelegation(actor: Actor, id: string): Promise<DelegationView> {
    requireStaff(actor);
    const row = isId(id) ? await this.visibleTo(actor).andWhere('d.id = :id', { id }).getOne() : null;
    if (!row) throw IdentityError.delegationNotFound();
    return toDelegationView(row, this.clock.today());
  }

  /**
   * May `actor` decide a file of this amount and activity type at `on`, and in what capacity? A
   * leader decides as `leader`; anyone else only under a delegation from a leader who is still
   * active and still a leader, giving `delegated` and the leader to record as `onBehalfOf`.
   * Throws Forbidden (403) otherwise. Inside a transaction the delegation rows are share-locked,
   * so a revocation cannot slip in between this answer and the decision's commit.
   */
  async decisionCapacity(actor: Actor, request: DecisionRequest): Promise<DecisionCapacity> {
    if (hasRole(actor, 'leader')) return { capacity: 'leader' };
    const qb = this.tx.manager
      .createQueryBuilder(Delegation, 'd')
      .innerJoin(User, 'giver', "giver.id = d.from_user_id AND giver.active = 1 AND FIND_IN_SET('leader', giver.roles) > 0")
      .where('d.to_user_id = :me', { me: actor.id })
      .andWhere('d.revoked_at IS NULL')
      .orderBy('d.id', 'DESC');
    if (this.tx.inTransaction) qb.setLock('pessimistic_read');
    const delegations = await qb.getMany();
    return resolveDecisionCapacity({ roles: actor.roles, delegations, request });
  }

  /**
   * Whether the actor holds a leader's delegation to decide that is in force today (given by a
   * leader still active): such a delegate sees the files the leader would, to decide them.
   */
  async holdsDecisionDelegation(actor: Actor): Promise<boolean> {
    const today = this.clock.today();
    return this.tx.manager
      .createQueryBuilder(Delegation, 'd')
      .innerJoin(User, 'giver', "giver.id = d.from_user_id AND giver.active = 1 AND FIND_IN_SET('leader', giver.roles) > 0")
      .where('d.to_user_id = :me', { me: actor.id })
      .andWhere('d.revoked_at IS NULL AND d.valid_from <= :today AND d.valid_to >= :today', { today })
      .getExists();
  }

  /** PLACEHOLDER until routine delegations land (branch deleg). */
  async routinePrincipals(_actor: Actor): Promise<Array<{ userId: string; unitId: string | null }>> {
    return [];
  }

  private visibleTo(actor: Actor) {
    const qb = this.tx.manager.createQueryBuilder(Delegation, 'd');
    if (!hasRole(actor, 'auditor')) qb.where('(d.from_user_id = :me OR d.to_user_id = :me)', { me: actor.id });
    return qb;
  }
}
