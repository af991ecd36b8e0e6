import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { requireRole, requireStaff } from '../../common/auth/access';
import { Actor, hasRole, Role } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { Forbidden, NotFound, ValidationFailed } from '../../common/http/domain-error';
import { Page, pageOf } from '../../common/http/page';
import { isId, newId } from '../../common/ids';
import { formatDateVi } from '../../common/money/format-vi';
import { TransactionRunner } from '../../database/transaction';
import { UnitService } from '../organization/unit.service';
import { ApplicationStore } from './application-store';
import { Application } from './application.entity';
import { ConsultationView, stateOf, toConsultationView } from './application.view';
import { DueDates } from './due-dates';
import { ApplicationError } from './applications.error';
import { consultationStatusSql, extensionDecided, extensionDecisionRefusal, extensionRequestRefusal, newDueDateProblem } from './consultations.rules';
import { ACT_ROLES } from './file-access.rules';
import { capacityFor, nextStatus } from './workflow.rules';
import { Consultation } from './consultation.entity';
import type { ConsultationQuery } from './dto/application-query.dto';
import type { ExtensionRequestDto } from './dto/extension.dto';
import type { AnswerDto, ConsultDto, ReasonDto } from './dto/workflow.dto';

/** Who may answer for a consulted unit (besides belonging to it), and ask for more time. */
export const ANSWERING_ROLES: Role[] = ['officer', 'head', 'leader', 'finance'];

/** Whether the actor speaks for the consulted unit `unitId`: one of its staff who may answer. */
export function speaksForUnit(actor: Pick<Actor, 'roles' | 'unitId'>, unitId: string): boolean {
  return actor.unitId === unitId && hasRole(actor as Actor, ...ANSWERING_ROLES);
}

/**
 * What the consulted unit's staff may do on a consultation now, for the pages (which offer only
 * this; the use cases check it again): answer while it is open, ask once for more time on or
 * before its due date.
 */
export function consultedUnitOffers(actor: Pick<Actor, 'roles' | 'unitId'>, c: ConsultationView, today: string): { answer: boolean; requestExtension: boolean } {
  if (!speaksForUnit(actor, c.unitId)) return { answer: false, requestExtension: false };
  const refusal = extensionRequestRefusal({ status: c.status, dueDate: c.dueDate, extensionStatus: c.extension?.status ?? null, today });
  return { answer: c.status === 'open', requestExtension: refusal === null };
}

/**
 * Consultation of other units (xin ý kiến) with silent consent: a unit that has not answered by
 * the due date is taken to agree, and an answer after it is refused — unless it asked in writing
 * for more time (gia hạn) and the file's officer or head has not decided yet.
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

  /**
   * Staff of the consulted unit answer until the due date, or later while their request for more
   * time awaits its decision; once the silence has counted as agreement, an answer is refused.
   */
  async answer(actor: Actor, id: string, dto: AnswerDto): Promise<ConsultationView> {
    // Auditors read everything and change nothing; the other staff of the unit answer for it.
    const capacity = requireRole(actor, ...ANSWERING_ROLES);
    return this.tx.run(async (em) => {
      const { app, consultation } = await this.openForConsultedUnit(em, actor, id, 'Chỉ cán bộ của đơn vị được xin ý kiến mới được trả lời.');
      const today = this.clock.today();
      const state = stateOf(consultation, today);
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

  /**
   * The consulted unit asks, in writing, for more time (văn bản đề nghị gia hạn, Điều 13.5): once,
   * on or before the due date (after it: 409, the silence has counted), for a date after it (400
   * `newDueDate`). While the request awaits the decision of the file's officer or head, the
   * consultation stays open and the unit may still answer.
   */
  async requestExtension(actor: Actor, id: string, dto: ExtensionRequestDto): Promise<ConsultationView> {
    const capacity = requireRole(actor, ...ANSWERING_ROLES);
    return this.tx.run(async (em) => {
      const { app, consultation } = await this.openForConsultedUnit(em, actor, id, 'Chỉ cán bộ của đơn vị được xin ý kiến mới được đề nghị gia hạn.');
      const today = this.clock.today();
      const refusal = extensionRequestRefusal({ status: stateOf(consultation, today).status, dueDate: consultation.dueDate, extensionStatus: consultation.extensionStatus, today });
      if (refusal) throw refusal;
      const problem = newDueDateProblem({ dueDate: consultation.dueDate, newDueDate: dto.newDueDate });
      if (problem) throw problem;
      const reason = dto.reason.trim();
      if (!reason) throw ValidationFailed.field('reason', 'không được để trống');
      Object.assign(consultation, {
        extensionStatus: 'requested',
        extensionRequestedUntil: dto.newDueDate,
        extensionReason: reason,
        extensionRequestedBy: actor.id,
        extensionRequestedAt: this.clock.now(),
      });
      await em.update(Consultation, { id }, {
        extensionStatus: consultation.extensionStatus,
        extensionRequestedUntil: consultation.extensionRequestedUntil,
        extensionReason: consultation.extensionReason,
        extensionRequestedBy: consultation.extensionRequestedBy,
        extensionRequestedAt: consultation.extensionRequestedAt,
      });
      const unitName = (await this.units.namesOf([consultation.unitId])).get(consultation.unitId) ?? 'Đơn vị được xin ý kiến';
      await this.store.recordStep(em, {
        app,
        action: 'extension_request',
        from: app.status,
        actor,
        capacity,
        unitName,
        note: `${unitName} đề nghị gia hạn trả lời xin ý kiến từ ${formatDateVi(consultation.dueDate)} đến ${formatDateVi(dto.newDueDate)}: ${reason}`,
        after: { consultationId: id, unitId: consultation.unitId, dueDate: consultation.dueDate, requestedUntil: dto.newDueDate },
      });
      return toConsultationView(consultation, today);
    });
  }

  /** The file's officer or a head of its lead unit grants the time asked for: the due date moves, the original is kept. */
  approveExtension(actor: Actor, id: string, dto: ReasonDto): Promise<ConsultationView> {
    return this.decideExtension(actor, id, 'approve', dto);
  }

  /** The file's officer or a head of its lead unit refuses it: the due date stands, and once passed the silence counts from it. */
  rejectExtension(actor: Actor, id: string, dto: ReasonDto): Promise<ConsultationView> {
    return this.decideExtension(actor, id, 'reject', dto);
  }

  private async decideExtension(actor: Actor, id: string, decision: 'approve' | 'reject', dto: ReasonDto): Promise<ConsultationView> {
    // Those who may consult on the file decide whether its answer may wait (file-access.rules).
    const capacity = requireRole(actor, ...ACT_ROLES.decide_extension);
    return this.tx.run(async (em) => {
      const found = await this.find(em, id);
      // Lock order: the file, then the consultation (as every step on a file does).
      const { app } = await this.store.open(actor, found.applicationId, 'decide_extension', { lock: true });
      const consultation = await this.lock(em, id);
      const refusal = extensionDecisionRefusal({ opinion: consultation.opinion, extensionStatus: consultation.extensionStatus });
      if (refusal) throw refusal;
      const before = { dueDate: consultation.dueDate, extensionStatus: consultation.extensionStatus };
      const decided = extensionDecided({ decision, dueDate: consultation.dueDate, requestedUntil: consultation.extensionRequestedUntil! });
      const reason = dto.reason?.trim() || null;
      Object.assign(consultation, { ...decided, extensionDecidedBy: actor.id, extensionDecidedAt: this.clock.now(), extensionDecisionReason: reason });
      await em.update(Consultation, { id }, {
        extensionStatus: consultation.extensionStatus,
        dueDate: consultation.dueDate,
        originalDueDate: consultation.originalDueDate,
        extensionDecidedBy: consultation.extensionDecidedBy,
        extensionDecidedAt: consultation.extensionDecidedAt,
        extensionDecisionReason: consultation.extensionDecisionReason,
      });
      const unitName = (await this.units.namesOf([consultation.unitId])).get(consultation.unitId) ?? 'đơn vị được xin ý kiến';
      const what =
        decision === 'approve'
          ? `Đồng ý gia hạn trả lời xin ý kiến của ${unitName} đến ${formatDateVi(consultation.dueDate)} (hạn cũ ${formatDateVi(before.dueDate)})`
          : `Không đồng ý gia hạn trả lời xin ý kiến của ${unitName}; giữ hạn ${formatDateVi(consultation.dueDate)}`;
      await this.store.recordStep(em, {
        app,
        action: decision === 'approve' ? 'extension_approve' : 'extension_reject',
        from: app.status,
        actor,
        capacity,
        unitName,
        note: [what, reason].filter(Boolean).join(' — '),
        before: { consultationId: id, ...before },
        after: { consultationId: id, unitId: consultation.unitId, dueDate: consultation.dueDate, extensionStatus: consultation.extensionStatus },
      });
      return toConsultationView(consultation, this.clock.today());
    });
  }

  /**
   * A consultation and its file, locked for a step of the consulted unit (answer, ask for more
   * time): the file must be one the actor sees (404), and the actor one of the unit's staff (403
   * NOT_ASSIGNED).
   */
  private async openForConsultedUnit(em: EntityManager, actor: Actor, id: string, refusal: string) {
    const found = await this.find(em, id);
    // Lock order: the file, then the consultation (as every step on a file does).
    const app = await this.store.findVisible(actor, found.applicationId, { lock: true });
    const consultation = await this.lock(em, id);
    if (!speaksForUnit(actor, consultation.unitId)) throw new Forbidden(refusal, 'NOT_ASSIGNED');
    return { app, consultation };
  }

  private async find(em: EntityManager, id: string): Promise<Pick<Consultation, 'id' | 'applicationId'>> {
    const found = isId(id) ? await em.findOne(Consultation, { where: { id }, select: { id: true, applicationId: true } }) : null;
    if (!found) throw new NotFound('Yêu cầu xin ý kiến');
    return found;
  }

  private async lock(em: EntityManager, id: string): Promise<Consultation> {
    return (await em.findOne(Consultation, { where: { id }, lock: { mode: 'pessimistic_write' } }))!;
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
    // The rule (consultationState) in SQL: a request for more time awaiting its decision keeps it open.
    if (query.status) qb.andWhere(consultationStatusSql('c', query.status, ':today'), { today });
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
