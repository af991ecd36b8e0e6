import { Injectable } from '@nestjs/common';
import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import type { Page, PageQuery } from '../../common/http/page';
import { TransactionRunner } from '../../database/transaction';
import { ApplicationStore } from './application-store';
import { FileAccess } from './file-access';
import type { Application } from './application.entity';
import type { ApplicationView } from './application.view';
import { nextStatus, type WorkflowAction, type WorkflowRole } from './workflow.rules';
import { ACT_ROLES, type FileAct } from './file-access.rules';

/** The roles that may ever take each step on a file (the routes' role check says the same). */
export const FILE_ACT_ROLES = ACT_ROLES;

/**
 * A consultation's status read on a day, in SQL (for reports that name the table): silent consent
 * waits while a request for more time awaits its decision. The same rule the views read.
 */
export { consultationStatusSql } from './consultations.rules';
import { type ApplicationStatus } from './application-statuses';
import { fileScopedQuery, ListOrder, pageWithCurrency, withCurrency } from './file-scoped-query';

export type { ApplicationStatus } from './application-statuses';
export type { ListOrder } from './file-scoped-query';

/**
 * What another module may know of a file: its identity, money facts and state, read-only. Only
 * the applications module changes a file; others ask it to take a step (`ApplicationFiles.step`).
 */
export type FileFacts = Readonly<
  Pick<
    Application,
    | 'id'
    | 'ownerId'
    | 'establishmentId'
    | 'activityTypeCode'
    | 'fiscalYear'
    | 'fundCode'
    | 'fundSource'
    | 'currency'
    | 'title'
    | 'status'
    | 'approvedSupport'
    | 'allocationUnitId'
    | 'leadUnitId'
    | 'officerId'
    | 'decisionNo'
    | 'decisionDate'
    | 'decidedBy'
    | 'initialedBy'
    | 'recommendedBy'
  >
>;

/** The steps other modules take on a file: contract and acceptance, settlement, and settling. */
export type FileStepAction = Extract<WorkflowAction, 'contract' | 'accept' | 'submit_settlement' | 'settle'>;

export interface FileStep {
  file: FileFacts;
  action: FileStepAction;
  /** The role the workflow checks the step against. */
  role: WorkflowRole;
  actor: Actor;
  capacity: string;
  onBehalfOf?: string | null;
  note?: string | null;
  after?: Record<string, unknown>;
  /**
   * `false` records the step on the timeline without moving the file (a failed acceptance); the
   * workflow still checks that the step may be taken now.
   */
  moves?: boolean;
}

/**
 * The applications module's public face for the modules that work on a file after its decision
 * (disbursements, settlement): find a file the actor may see, take a workflow step on it (the
 * state machine decides where it leads; the step is on its timeline and in the audit log, in the
 * caller's transaction), and scope another table's rows to the files the actor may see.
 */
@Injectable()
export class ApplicationFiles {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly store: ApplicationStore,
    private readonly access: FileAccess,
  ) {}

  /** The file if `actor` may see it (404 otherwise); `lock` takes its row for the transaction. */
  findVisible(actor: Actor, id: string, options: { lock?: boolean } = {}): Promise<FileFacts> {
    return this.store.findVisible(actor, id, options);
  }

  /**
   * The first line of a step on a file: the file if the actor sees it (404 otherwise) and is the
   * one to take `act` on it — the responsible officer or a head of the lead unit; finance too for
   * payment requests — (403 NOT_ASSIGNED otherwise). `lock` takes its row for the transaction.
   */
  async open(actor: Actor, id: string, act: Extract<FileAct, 'contract' | 'accept' | 'request_payment'>, options: { lock?: boolean } = {}): Promise<FileFacts> {
    return (await this.store.open(actor, id, act, options)).app;
  }

  /**
   * Refuses (409 INVALID_STATE) a step the workflow does not allow on the file now: a use case
   * asks this first, before it reads or writes anything the step depends on.
   */
  assertMayStep(file: FileFacts, action: FileStepAction, role: WorkflowRole): void {
    nextStatus({ from: file.status, action, role });
  }

  /**
   * Takes a step on a file found (locked) in this transaction: 409 INVALID_STATE when the
   * workflow does not allow it. Returns the status the file is now in.
   */
  async step(em: EntityManager, step: FileStep): Promise<ApplicationStatus> {
    const app = step.file as Application;
    const from = app.status;
    const to = nextStatus({ from, action: step.action, role: step.role });
    if (step.moves !== false) app.status = to;
    await this.store.recordStep(em, {
      app,
      action: step.action,
      from,
      actor: step.actor,
      capacity: step.capacity,
      onBehalfOf: step.onBehalfOf,
      note: step.note,
      after: step.after,
    });
    return app.status;
  }

  /** The file's lead unit and the units above it: where a leader's field of work is judged. */
  leadLineOf(file: FileFacts): Promise<string[]> {
    return this.access.leadLineOf(file.leadUnitId);
  }

  /** The full view of a file (as GET /applications/:id shows it). */
  view(file: FileFacts): Promise<ApplicationView> {
    return this.store.view(file as Application);
  }

  /**
   * Rows of another table that belong to a file (`<alias>.application_id`), as `actor` may see
   * them: of the files the access policy shows them (hidden is 404). Each row comes with its
   * file's currency.
   */
  rowsOfVisibleFiles<T extends ObjectLiteral>(entity: EntityTarget<T>, alias: string, actor: Actor): Promise<SelectQueryBuilder<T>> {
    return this.store.restrictToVisible(fileScopedQuery(this.tx.manager, entity, alias), 'file', actor);
  }

  /** The rows of such a query with their files' currencies. */
  withCurrency<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): Promise<Array<{ row: T; currency: string }>> {
    return withCurrency(qb);
  }

  /** A page of such rows (oldest first unless told), each shown with its file's currency. */
  pageWithCurrency<T extends ObjectLiteral, V>(
    qb: SelectQueryBuilder<T>,
    alias: string,
    query: PageQuery,
    view: (row: T, currency: string) => V,
    order: ListOrder = 'oldest',
  ): Promise<Page<V>> {
    return pageWithCurrency(qb, alias, query, view, order);
  }
}
