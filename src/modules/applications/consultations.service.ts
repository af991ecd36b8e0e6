import { Injectable } from '@nestjs/common';
import { requireRole, requireStaff } from '../../common/auth/access';
import { Actor, Role } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { Forbidden, NotFound, ValidationFailed } from '../../common/http/domain-error';
import { Page, pageOf } from '../../common/http/page';
import { isId, newId } from '../../common/ids';
import { formatDateVi } from '../../common/money/format-vi';
import { TransactionRunner } from '../../database/transaction';
import { UnitService } from '../organization/unit.service';
import { ApplicationStore } from './application-store';
import { Application } from './application.entity';
import { ConsultationView, toConsultationView } from './application.view';
import { DueDates } from './due-dates';
import { ApplicationError } from './applications.error';
import { consultationState } from './consultations.rules';
import { capacityFor, nextStatus } from './workflow.rules';
import { Consultation } from './consultation.entity';
import type { ConsultationQuery } from './dto/application-query.dto';
import type { AnswerDto, ConsultDto } from './dto/workflow.dto';

/** Who may answer for a consulted unit (besides belonging to it). */
export const ANSWERING_ROLES: Role[] = ['officer', 'head', 'leader', 'finance'];

/**
 * Consultation of other units (xin ý kiến) with silent consent: a unit that has not answered by
 * the due date is taken to agree, and an answer after it is refused.
 */
@Injectable()
export class ConsultationsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly store: ApplicationStore,
    private readonly units: UnitService,
    private readonly dueDates: DueDates,
  ) {}

  /**
   * The responsible officer (or a head of the lead unit) asks another unit for its opinion, with a
   * due date from today on (or a number of working days from today); one does not consult one's own unit.
   */
  async consult(actor: Actor, applicationId: string, dto: ConsultDto): Promise<ConsultationView> {
    const role = capacityFor({ action: 'consult', roles: actor.roles });
    return this.tx.run(async (em) => {
      const { app } = await this.store.open(actor, applicationId, 'consult', { lock: true });
      const from = app.status;
      app.status = nextStatus({ from, action: 'consult', role });
      if (!(await this.units.isActiveUnit(dto.unitId))) throw ValidationFailed.field('unitId', 'không có đơn vị này');
      if (dto.unitId === actor.unitId) throw ValidationFailed.field('unitId', 'không xin ý kiến chính đơn vị của mình');
      const today = this.clock.today();
      const dueDate = await this.dueDates.resolve(dto);
      const consultation = Object.assign(new Consultation(), {
        id: newId(),
        applicationId: app.id,
        unitId: dto.unitId,
        question: dto.question.trim(),
        dueDate,
        requestedBy: actor.id,
        requestedAt: this.clock.now(),
        opinion: null,
        comment: null,
        answeredBy: null,
        answeredAt: null,
      });
      await em.insert(Consultation, consultation);
      const unit = await this.units.getUnit(actor, dto.unitId);
      await this.store.recordStep(em, {
        app,
        action: 'consult',
        from,
        actor,
        capacity: role,
        unitName: unit.name,
        note: `Xin ý kiến ${unit.name} (hạn ${formatDateVi(dueDate)}): ${consultation.question}`,
        after: { consultationId: consultation.id, unitId: dto.unitId, dueDate },
      });
      return toConsultationView(consultation, today);
    });
  }

  /** Staff of the consulted unit answer until the due date; after it the silence has already counted as agreement. */
  async answer(actor: Actor, id: string, dto: AnswerDto): Promise<ConsultationView> {
    // Auditors read everything and change nothing; the other staff of the unit answer for it.
    const capacity = requireRole(actor, ...ANSWERING_ROLES);
    return this.tx.run(async (em) => {
      const found = isId(id) ? await em.findOne(Consultation, { where: { id }, select: { id: true, applicationId: true } }) : null;
      if (!found) throw new NotFound('Yêu cầu xin ý kiến');
      // Lock order: the file, then the consultation (as every step on a file does).
      const app = await this.store.findVisible(actor, found.applicationId, { lock: true });
      const consultation = (await em.findOne(Consultation, { where: { id }, lock: { mode: 'pessimistic_write' } }))!;
      if (actor.unitId !== consultation.unitId) throw new Forbidden('Chỉ cán bộ của đơn vị được xin ý kiến mới được trả lời.', 'NOT_ASSIGNED');
      const today = this.clock.today();
      const state = consultationState({ opinion: consultation.opinion, dueDate: consultation.dueDate, today });
      if (state.status === 'answered') throw new ApplicationError('INVALID_STATE', 'Đơn vị đã trả lời yêu cầu xin ý kiến này.');
      if (state.status === 'silent') {
        throw new ApplicationError(
          'INVALID_STATE',
          `Đã quá hạn trả lời (${formatDateVi(consultation.dueDate)}); đơn vị được coi là đồng ý (im lặng là đồng ý).`,
        );
      }
      Object.assign(consultation, { opinion: dto.opinion, comment: dto.comment?.trim() || null, answeredBy: actor.id, answeredAt: this.clock.now() });
      await em.update(Consultation, { id }, {
        opinion: consultation.opinion,
        comment: consultation.comment,
        answeredBy: consultation.answeredBy,
        answeredAt: consultation.answeredAt,
      });
      await this.store.recordStep(em, {
        app,
        action: 'answer',
        from: app.status,
        actor,
        capacity,
        note: `Trả lời xin ý kiến: ${dto.opinion === 'agree' ? 'đồng ý' : 'không đồng ý'}${consultation.comment ? ` — ${consultation.comment}` : ''}`,
        after: { consultationId: id, opinion: dto.opinion },
      });
      return toConsultationView(consultation, today);
    });
  }

  /** A consultation on a file the actor sees (404 otherwise). */
  async get(actor: Actor, id: string): Promise<ConsultationView> {
    requireStaff(actor);
    const consultation = isId(id) ? await (await this.onVisibleFiles(actor)).andWhere('c.id = :id', { id }).getOne() : null;
    if (!consultation) throw new NotFound('Yêu cầu xin ý kiến');
    return toConsultationView(consultation, this.clock.today());
  }

  /**
   * Consultations on the files the actor sees (a consulted unit sees the files it was asked
   * about); `status` is read on today's date (open, answered, silent).
   */
  async list(actor: Actor, query: ConsultationQuery): Promise<Page<ConsultationView>> {
    requireStaff(actor);
    const today = this.clock.today();
    const qb = await this.onVisibleFiles(actor);
    if (query.unitId) qb.andWhere('c.unit_id = :unitId', { unitId: query.unitId });
    if (query.applicationId) qb.andWhere('c.application_id = :applicationId', { applicationId: query.applicationId });
    if (query.status === 'answered') qb.andWhere('c.answered_at IS NOT NULL');
    if (query.status === 'open') qb.andWhere('c.answered_at IS NULL AND c.due_date >= :today', { today });
    if (query.status === 'silent') qb.andWhere('c.answered_at IS NULL AND c.due_date < :today', { today });
    const [rows, total] = await qb
      .orderBy('c.due_date', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(
      rows.map((c) => toConsultationView(c, today)),
      total,
      query,
    );
  }

  private onVisibleFiles(actor: Actor) {
    const qb = this.tx.manager.createQueryBuilder(Consultation, 'c').innerJoin(Application, 'file', 'file.id = c.application_id');
    return this.store.restrictToVisible(qb, 'file', actor);
  }
}
