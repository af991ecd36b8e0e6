import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { requireRole, requireStaff } from '../../common/auth/access';
import { Actor, hasRole, Role } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { Forbidden } from '../../common/http/domain-error';
import { Page, pageOf } from '../../common/http/page';
import { isId, newId } from '../../common/ids';
import { parseMoney } from '../../common/money/money';
import { TransactionRunner } from '../../database/transaction';
import { AuditService } from '../audit/audit.service';
import { UnitService } from '../organization/unit.service';
import { ActingAppointmentsService } from './acting-appointments.service';
import { Delegation } from './delegation.entity';
import {
  DecisionCapacity,
  DecisionRequest,
  DelegationTerms,
  explainScope,
  inScope,
  limitsField,
  resolveDecisionCapacity,
  ScopedFile,
  scopeMismatch,
} from './delegation.rules';
import { DelegationView, toDelegationView } from './delegation.view';
import { type CreateDelegationDto, VALID_TO_BEFORE_FROM } from './dto/create-delegation.dto';
import type { DelegationQuery } from './dto/delegation-query.dto';
import { IdentityError } from './identity.error';
import { LeaderScope, User } from './user.entity';

/** Roles a delegate must hold one of: people who work files, not auditors or system administrators. */
const DELEGATE_ROLES: Role[] = ['leader', 'head', 'officer', 'finance'];

/** Roles a head's routine delegate must hold one of: those who work the unit's files. */
export const ROUTINE_DELEGATE_ROLES: Role[] = ['officer', 'head'];

/** A file placed for a field of work: its activity type and lead unit. */
export interface PlacedFile {
  activityTypeCode: string;
  leadUnitId: string | null;
}

/** A head whose routine work (assigning, initialing) someone does today under a routine delegation. */
export interface RoutinePrincipal {
  userId: string;
  unitId: string | null;
}

@Injectable()
export class DelegationService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly units: UnitService,
    private readonly acting: ActingAppointmentsService,
  ) {}

  /**
   * A leader delegates deciding (`scope: "decision"`, the default) to anyone who works files; a
   * head delegates the unit's routine work (`scope: "routine"`: assigning, initialing) to another
   * active officer or head of their own unit, with no amount or activity-type terms.
   */
  async createDelegation(actor: Actor, dto: CreateDelegationDto): Promise<DelegationView> {
    requireRole(actor, 'leader', 'head');
    const scope = dto.scope ?? 'decision';
    let capacity: Role;
    if (scope === 'decision') {
      capacity = requireRole(actor, 'leader');
    } else {
      if (!hasRole(actor, 'head')) throw IdentityError.invalidField('scope', 'chỉ trưởng đơn vị mới giao ủy quyền công việc thường xuyên');
      capacity = 'head';
      for (const field of ['maxAmount', 'currency', 'activityTypeCodes'] as const) {
        if (dto[field] !== undefined) throw IdentityError.invalidField(field, 'chỉ dùng cho ủy quyền quyết định, không dùng cho ủy quyền công việc thường xuyên');
      }
    }
    const today = this.clock.today();
    if (dto.toUserId === actor.id) throw IdentityError.invalidField('toUserId', 'không thể tự ủy quyền cho chính mình');
    if (dto.validFrom < today) throw IdentityError.invalidField('validFrom', 'không được trước ngày hôm nay');
    if (dto.validTo < dto.validFrom) throw IdentityError.invalidField('validTo', VALID_TO_BEFORE_FROM);
    const currency = dto.currency ?? 'VND';
    const maxAmount = dto.maxAmount === undefined ? null : parseMoney(dto.maxAmount, { field: 'maxAmount', currency });
    return this.tx.run(async (em) => {
      const delegate = isId(dto.toUserId) ? await em.findOne(User, { where: { id: dto.toUserId, active: true } }) : null;
      const roles = scope === 'decision' ? DELEGATE_ROLES : ROUTINE_DELEGATE_ROLES;
      // A routine delegate works in the head's own unit.
      const placed = scope === 'decision' || (actor.unitId !== null && delegate?.unitId === actor.unitId);
      if (!delegate || !placed || !delegate.roles.some((role) => roles.includes(role))) {
        throw IdentityError.invalidField(
          'toUserId',
          scope === 'decision'
            ? 'người nhận ủy quyền không tồn tại, đã bị khóa hoặc không phải cán bộ xử lý hồ sơ'
            : 'người nhận phải là chuyên viên hoặc trưởng phòng đang làm việc tại đơn vị của bạn',
        );
      }
      const delegation = em.create(Delegation, {
        id: newId(),
        fromUserId: actor.id,
        toUserId: delegate.id,
        scope,
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

  /**
   * Revoking is idempotent: a delegation already revoked stays as it is. Only its giver (a leader,
   * or a head for a routine delegation) may revoke it.
   */
  async revokeDelegation(actor: Actor, id: string): Promise<void> {
    requireRole(actor, 'leader', 'head');
    await this.tx.run(async (em) => {
      const delegation = isId(id)
        ? await em.findOne(Delegation, { where: { id, fromUserId: actor.id }, lock: { mode: 'pessimistic_write' } })
        : null;
      if (!delegation) throw IdentityError.delegationNotFound();
      if (delegation.revokedAt) return;
      const capacity = requireRole(actor, ...(delegation.scope === 'routine' ? (['head', 'leader'] as const) : (['leader', 'head'] as const)));
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
   * leader decides as `leader` inside their field of work (leaderScope; the director's has no
   * limit); anyone else, and a leader outside their field, only under a decision delegation from a
   * leader who is still active and still a leader, and whose own field holds the file, giving
   * `delegated` and the leader to record as `onBehalfOf`. Fields of work are checked when the
   * request gives the file's lead-unit line (`unitIds`). Throws Forbidden (403; OUT_OF_SCOPE for a
   * field of work) otherwise. Inside a transaction the delegation and user rows read are
   * share-locked, so a revocation or a change of field cannot slip in before the decision's commit.
   */
  async decisionCapacity(actor: Actor, request: DecisionRequest): Promise<DecisionCapacity> {
    const leader = hasRole(actor, 'leader');
    const file: ScopedFile | null = request.unitIds ? { activityTypeCode: request.activityTypeCode, unitIds: request.unitIds } : null;
    if (leader && !file) return { capacity: 'leader' };
    const ownScope = leader ? await this.leaderScopeOf(actor.id) : null;
    const needsDelegation = !leader || !inScope(ownScope, file!);
    const delegations = needsDelegation ? await this.decisionDelegationsTo(actor.id) : [];
    return resolveDecisionCapacity({ roles: actor.roles, ownScope, delegations, request });
  }

  /**
   * Whether a leader's own field of work holds the file: always for the director, for a deputy
   * when the file's activity type and lead unit lie in their field, never for someone not a leader.
   */
  async withinOwnField(actor: Actor, file: PlacedFile): Promise<boolean> {
    if (!hasRole(actor, 'leader')) return false;
    const scope = await this.leaderScopeOf(actor.id);
    if (!limitsField(scope)) return true;
    return inScope(scope, { activityTypeCode: file.activityTypeCode, unitIds: (await this.units.placement()).lineOf(file.leadUnitId) });
  }

  /**
   * A leader acting in their own right (cancelling an approved file) must be inside their field of
   * work: 403 OUT_OF_SCOPE, naming why, otherwise. Share-locks the leader's row inside a transaction.
   */
  async requireOwnField(actor: Actor, file: ScopedFile): Promise<void> {
    const mismatch = hasRole(actor, 'leader') ? scopeMismatch(await this.leaderScopeOf(actor.id), file) : null;
    if (mismatch) throw new Forbidden(`Hồ sơ không thuộc lĩnh vực bạn được phân công: ${explainScope(mismatch, file, 'bạn')}.`, 'OUT_OF_SCOPE');
  }

  /**
   * A deputy director's field of work as a test on files (the files to show them first); null
   * for the director and for anyone not a leader (no field limits what they see first).
   */
  async fieldOfWork(actor: Actor): Promise<((file: PlacedFile) => boolean) | null> {
    if (!hasRole(actor, 'leader')) return null;
    const scope = await this.leaderScopeOf(actor.id);
    if (!limitsField(scope)) return null;
    const placement = await this.units.placement();
    return (file) => inScope(scope, { activityTypeCode: file.activityTypeCode, unitIds: placement.lineOf(file.leadUnitId) });
  }

  /**
   * The heads whose routine work (assigning, initialing) `actor` may do today on their behalf:
   * those who gave the actor a routine delegation whose window holds today and which is not
   * revoked, and who are still active, still heads, and of the actor's unit. Inside a transaction
   * the rows read are share-locked (a revocation waits for the work done under it), as in
   * `decisionCapacity`.
   */
  async routinePrincipals(actor: Actor): Promise<RoutinePrincipal[]> {
    if (actor.unitId === null) return [];
    const today = this.clock.today();
    const qb = this.tx.manager
      .createQueryBuilder(Delegation, 'd')
      .innerJoin(User, 'giver', "giver.id = d.from_user_id AND giver.active = 1 AND FIND_IN_SET('head', giver.roles) > 0")
      .select('giver.id', 'userId')
      .addSelect('giver.unit_id', 'unitId')
      .where('d.to_user_id = :me', { me: actor.id })
      .andWhere("d.scope = 'routine'")
      .andWhere('d.revoked_at IS NULL')
      .andWhere('d.valid_from <= :today AND d.valid_to >= :today', { today })
      .andWhere('giver.unit_id = :unitId', { unitId: actor.unitId })
      .orderBy('d.id', 'DESC');
    if (this.tx.inTransaction) qb.setLock('pessimistic_read');
    const rows: RoutinePrincipal[] = await qb.getRawMany();
    const seen = new Set<string>();
    return rows.filter((r) => !seen.has(r.userId) && seen.add(r.userId)).map((r) => ({ userId: r.userId, unitId: r.unitId }));
  }

  /**
   * A leader's field of work as stored (null: the director's), share-locked inside a transaction.
   * A leader acting as head of the Sở today (quyền Giám đốc) holds the director's: every file.
   */
  private async leaderScopeOf(userId: string): Promise<LeaderScope | null> {
    if ((await this.acting.actingOn([userId], this.clock.today())).has(userId)) return null;
    const user = await this.tx.manager.findOne(User, {
      select: { id: true, leaderScope: true },
      where: { id: userId },
      ...(this.tx.inTransaction ? { lock: { mode: 'pessimistic_read' as const } } : {}),
    });
    return user?.leaderScope ?? null;
  }

  /** Decision delegations to the person from leaders still active and leaders, newest first, each with its giver's field of work. */
  private async decisionDelegationsTo(userId: string): Promise<DelegationTerms[]> {
    const qb = this.tx.manager
      .createQueryBuilder(Delegation, 'd')
      .innerJoin(User, 'giver', "giver.id = d.from_user_id AND giver.active = 1 AND FIND_IN_SET('leader', giver.roles) > 0")
      .where('d.to_user_id = :me', { me: userId })
      .andWhere("d.scope = 'decision'")
      .andWhere('d.revoked_at IS NULL')
      .orderBy('d.id', 'DESC');
    if (this.tx.inTransaction) qb.setLock('pessimistic_read');
    const delegations = await qb.getMany();
    if (delegations.length === 0) return [];
    const givers = await this.tx.manager.find(User, {
      select: { id: true, leaderScope: true },
      where: { id: In([...new Set(delegations.map((d) => d.fromUserId))]) },
      ...(this.tx.inTransaction ? { lock: { mode: 'pessimistic_read' as const } } : {}),
    });
    const scopeOf = new Map(givers.map((g) => [g.id, g.leaderScope ?? null]));
    return delegations.map((d) => ({ ...d, giverScope: scopeOf.get(d.fromUserId) ?? null }));
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
      .andWhere("d.scope = 'decision'")
      .andWhere('d.revoked_at IS NULL AND d.valid_from <= :today AND d.valid_to >= :today', { today })
      .getExists();
  }

  private visibleTo(actor: Actor) {
    const qb = this.tx.manager.createQueryBuilder(Delegation, 'd');
    if (!hasRole(actor, 'auditor')) qb.where('(d.from_user_id = :me OR d.to_user_id = :me)', { me: actor.id });
    return qb;
  }
}
