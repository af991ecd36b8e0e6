import { Injectable } from '@nestjs/common';
import { requireRole, requireStaff } from '../../common/auth/access';
import type { Actor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/http/domain-error';
import { isId, newId } from '../../common/ids';
import { TransactionRunner } from '../../database/transaction';
import { AuditService } from '../audit/audit.service';
import { ActingAppointment } from './acting-appointment.entity';
import { type ActingAppointmentView, toActingAppointmentView } from './acting-appointment.view';
import { ACTING_TO_BEFORE_FROM, type CreateActingAppointmentDto } from './dto/create-acting-appointment.dto';
import { IdentityError } from './identity.error';
import { User } from './user.entity';

/**
 * Acting appointments (giao quyền Giám đốc Sở): who acts as head of the Sở on which days. An
 * administrator records the appointing decision; one person acts at a time. The register of
 * outgoing documents asks `actingOn` to sign the appointee's papers "Q. GIÁM ĐỐC" (Điều 24,
 * Nghị định 30/2020/NĐ-CP), and deciding treats the appointee's field of work as the director's.
 */
@Injectable()
export class ActingAppointmentsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Records an appointment of an active leader; 409 DUPLICATE when another one's days overlap it. */
  async appoint(actor: Actor, dto: CreateActingAppointmentDto): Promise<ActingAppointmentView> {
    const capacity = requireRole(actor, 'admin');
    const today = this.clock.today();
    if (dto.validFrom < today) throw IdentityError.invalidField('validFrom', 'không được trước ngày hôm nay');
    if (dto.validTo < dto.validFrom) throw IdentityError.invalidField('validTo', ACTING_TO_BEFORE_FROM);
    return this.tx.run(async (em) => {
      const appointee = isId(dto.userId) ? await em.findOne(User, { where: { id: dto.userId, active: true } }) : null;
      if (!appointee || !appointee.roles.includes('leader')) {
        throw IdentityError.invalidField('userId', 'người được giao quyền phải là lãnh đạo Sở đang làm việc');
      }
      // One acting head at a time: the overlapping rows (and the gaps between them) are locked.
      const overlapping = await em
        .createQueryBuilder(ActingAppointment, 'a')
        .setLock('pessimistic_write')
        .where('a.revoked_at IS NULL AND a.valid_from <= :to AND a.valid_to >= :from', { from: dto.validFrom, to: dto.validTo })
        .getOne();
      if (overlapping) {
        throw new DomainError('DUPLICATE', `Đã có người được giao quyền Giám đốc từ ngày ${overlapping.validFrom} đến ngày ${overlapping.validTo}.`, [
          { field: 'validFrom', message: 'trùng thời gian với một quyết định giao quyền khác' },
        ]);
      }
      const appointment = em.create(ActingAppointment, {
        id: newId(),
        userId: appointee.id,
        validFrom: dto.validFrom,
        validTo: dto.validTo,
        decisionNo: dto.decisionNo?.trim() || null,
        reason: dto.reason.trim(),
        createdBy: actor.id,
        createdAt: this.clock.now(),
        revokedAt: null,
      });
      await em.insert(ActingAppointment, appointment);
      const view = toActingAppointmentView(appointment, today);
      this.audit.record({ actor, capacity, action: 'acting_appointment.create', entity: 'acting_appointment', entityId: appointment.id, after: view });
      return view;
    });
  }

  /** Ends an appointment early (or cancels one not begun); idempotent. Administrators. */
  async revoke(actor: Actor, id: string): Promise<void> {
    const capacity = requireRole(actor, 'admin');
    await this.tx.run(async (em) => {
      const appointment = isId(id) ? await em.findOne(ActingAppointment, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!appointment) throw new DomainError('NOT_FOUND', 'Quyết định giao quyền không tồn tại.');
      if (appointment.revokedAt) return;
      const today = this.clock.today();
      const before = toActingAppointmentView(appointment, today);
      appointment.revokedAt = this.clock.now();
      await em.update(ActingAppointment, { id }, { revokedAt: appointment.revokedAt });
      this.audit.record({ actor, capacity, action: 'acting_appointment.revoke', entity: 'acting_appointment', entityId: id, before, after: toActingAppointmentView(appointment, today) });
    });
  }

  /** Every appointment, newest first: who signs "Q." on which days is no secret among staff. */
  async list(actor: Actor): Promise<{ items: ActingAppointmentView[] }> {
    requireStaff(actor);
    const rows = await this.tx.manager.find(ActingAppointment, { order: { id: 'DESC' } });
    const today = this.clock.today();
    return { items: rows.map((a) => toActingAppointmentView(a, today)) };
  }

  /**
   * Which of `userIds` act as head of the Sở on `day` (`YYYY-MM-DD`): an appointment not revoked
   * whose days hold it. Share-locked inside a transaction, so a revocation waits for the step.
   */
  async actingOn(userIds: readonly string[], day: string): Promise<Set<string>> {
    const wanted = [...new Set(userIds)].filter(Boolean);
    if (wanted.length === 0) return new Set();
    const qb = this.tx.manager
      .createQueryBuilder(ActingAppointment, 'a')
      .select('a.user_id', 'userId')
      .where('a.user_id IN (:...ids)', { ids: wanted })
      .andWhere('a.revoked_at IS NULL AND a.valid_from <= :day AND a.valid_to >= :day', { day });
    if (this.tx.inTransaction) qb.setLock('pessimistic_read');
    const held = await qb.getRawMany<{ userId: string }>();
    return new Set(held.map((r) => r.userId));
  }
}
