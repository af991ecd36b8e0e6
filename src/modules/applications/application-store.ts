import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Actor, ActorSource } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { newId } from '../../common/ids';
import { FileAccess, OpenedFile } from './file-access';
import type { FileAct } from './file-access.rules';
import { TransactionRunner } from '../../database/transaction';
import { AuditService } from '../audit/audit.service';
import { UnitService } from '../organization/unit.service';
import { ApplicationDocument } from './application-document.entity';
import { ApplicationEvent } from './application-event.entity';
import { Application } from './application.entity';
import { ApplicationView, stateOf, toApplicationView } from './application.view';
import type { WorkflowAction } from './workflow.rules';
import type { ApplicationStatus } from './application-statuses';
import { Appraisal } from './appraisal.entity';
import { Consultation } from './consultation.entity';
import { CostLine } from './cost-line.entity';
import { NotificationOutbox } from '../notifications/notification-outbox.service';
import { fileNotices } from './file-notices.rules';

export interface StepRecord {
  app: Application;
  /**
   * `create` for the first entry, `answer` for a consultation answered, `extension_*` for a consulted
   * unit's request for more time and its decision, `conflict_declaration` for a declaration of (no)
   * conflict of interest; otherwise a workflow action.
   */
  action: WorkflowAction | 'create' | 'answer' | 'extension_request' | 'extension_approve' | 'extension_reject' | 'conflict_declaration';
  from: ApplicationStatus | null;
  actor: Actor;
  capacity: string;
  onBehalfOf?: string | null;
  note?: string | null;
  /** The consulted unit's name, when the step already read it (its notice names the unit). */
  unitName?: string;
  /** What the step changed, for the audit entry (status is always included). */
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/**
 * What every application use case shares: finding a file the actor may see (scoped in the query,
 * hidden is 404), locking it for a step, writing the timeline entry and its audit entry in the
 * same transaction, and building the response.
 */
@Injectable()
export class ApplicationStore {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly actors: ActorSource,
    private readonly access: FileAccess,
    private readonly units: UnitService,
    private readonly outbox: NotificationOutbox,
  ) {}

  /**
   * The file if `actor` may see it (file-access.rules: its owner, the province's leaders, finance
   * and auditors, the units that lead it or were consulted on it, the intake queue); 404 otherwise.
   * With `lock` the row is taken FOR UPDATE, so two steps on one file run one after the other and
   * the second sees the state the first left.
   */
  async findVisible(actor: Actor, id: string, options: { lock?: boolean } = {}): Promise<Application> {
    return (await this.access.find(actor, id, options)).app;
  }

  /**
   * The first line of a step on a file: the file if the actor sees it (404 otherwise) and is the
   * one to take `act` on it (403 NOT_ASSIGNED otherwise), with whom they act for.
   */
  open(actor: Actor, id: string, act: FileAct, options: { lock?: boolean } = {}): Promise<OpenedFile> {
    return this.access.open(actor, id, act, options);
  }

  /** Narrows a query to the files (aliased `fileAlias`) the actor may see: the same policy as findVisible. */
  async restrictToVisible<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, fileAlias: string, actor: Actor): Promise<SelectQueryBuilder<T>> {
    const { sql, params } = await this.access.condition(actor, fileAlias);
    return qb.andWhere(sql, params);
  }

  /** Saves the file and appends its timeline entry and audit entry (inside the use case's transaction). */
  async recordStep(em: EntityManager, step: StepRecord): Promise<void> {
    const now = this.clock.now();
    step.app.updatedAt = now;
    await em.save(Application, step.app);
    const onBehalfOf = step.onBehalfOf ?? null;
    const principal = onBehalfOf ? await this.actors.findActiveActor(onBehalfOf) : null;
    await em.insert(ApplicationEvent, {
      id: newId(),
      applicationId: step.app.id,
      action: step.action,
      fromStatus: step.from,
      toStatus: step.app.status,
      actorId: step.actor.id,
      actorName: step.actor.fullName,
      capacity: step.capacity,
      onBehalfOf,
      onBehalfOfName: principal?.fullName ?? null,
      // The column holds 2,000 characters; a reason of that length plus the figures a step appends must still fit.
      note: step.note ? step.note.slice(0, 2000) : null,
      at: now,
    });
    this.audit.record({
      actor: step.actor,
      capacity: step.capacity,
      onBehalfOf,
      action: `application.${step.action}`,
      entity: 'application',
      entityId: step.app.id,
      before: step.from === null ? null : { status: step.from, ...step.before },
      after: { status: step.app.status, ...step.after, ...(step.note ? { note: step.note } : {}) },
    });
    await this.recordNotices(step);
  }

  /** The step's notifications (file-notices.rules), into the outbox with the step's own commit. */
  private async recordNotices(step: StepRecord): Promise<void> {
    const needsCentre = step.action === 'submit';
    const needsUnitName = step.action === 'consult' || step.action === 'answer';
    const centreUnitIds = needsCentre ? (await this.units.placement()).centres() : [];
    let unitName: string | null = step.unitName ?? null;
    if (needsUnitName && !unitName) {
      const unitId = step.action === 'consult' ? step.after?.unitId : step.actor.unitId;
      if (typeof unitId === 'string') unitName = (await this.units.namesOf([unitId])).get(unitId) ?? null;
    }
    for (const event of fileNotices({ step, file: step.app, centreUnitIds, unitName })) this.outbox.record(event);
  }

  /** The full view of one file: cost lines, timeline, documents, consultations and appraisals. */
  async view(app: Application): Promise<ApplicationView> {
    const em = this.tx.manager;
    const where = { applicationId: app.id };
    const [lines, events, documents, consultations, appraisals] = await Promise.all([
      em.find(CostLine, { where, order: { lineNo: 'ASC' } }),
      em.find(ApplicationEvent, { where, order: { id: 'ASC' } }),
      em.find(ApplicationDocument, { where, order: { id: 'ASC' } }),
      em.find(Consultation, { where, order: { id: 'ASC' } }),
      em.find(Appraisal, { where, order: { id: 'ASC' } }),
    ]);
    const today = this.clock.today();
    const unitNames = await this.namedUnits(consultations, today);
    return toApplicationView({ app, lines, events, consultations, today, detail: { documents, appraisals }, unitNames });
  }

  /** The names of the units whose silence the timelines report or whose disagreement the views list (read only when there is one). */
  private namedUnits(consultations: Consultation[], today: string): Promise<Map<string, string>> {
    const named = consultations.filter((c) => c.opinion === 'disagree' || stateOf(c, today).silent);
    return this.units.namesOf(named.map((c) => c.unitId));
  }

  /** Views of a page of files, with their cost lines and timelines loaded in three queries. */
  async views(apps: Application[]): Promise<ApplicationView[]> {
    if (apps.length === 0) return [];
    const em = this.tx.manager;
    const where = { applicationId: In(apps.map((a) => a.id)) };
    const [lines, events, consultations] = await Promise.all([
      em.find(CostLine, { where, order: { lineNo: 'ASC' } }),
      em.find(ApplicationEvent, { where, order: { id: 'ASC' } }),
      // The unanswered (their silent consents) and the disagreeing (the leader's flag).
      em.find(Consultation, { where: [{ ...where, answeredAt: IsNull() }, { ...where, opinion: 'disagree' }], order: { id: 'ASC' } }),
    ]);
    const today = this.clock.today();
    const unitNames = await this.namedUnits(consultations, today);
    return apps.map((app) =>
      toApplicationView({
        app,
        lines: lines.filter((l) => l.applicationId === app.id),
        events: events.filter((e) => e.applicationId === app.id),
        consultations: consultations.filter((c) => c.applicationId === app.id),
        today,
        unitNames,
      }),
    );
  }
}
