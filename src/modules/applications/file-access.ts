import { Injectable } from '@nestjs/common';
import { Actor, hasRole, isStaff } from '../../common/auth/actor';
import { Forbidden, NotFound } from '../../common/http/domain-error';
import { isId } from '../../common/ids';
import { TransactionRunner } from '../../database/transaction';
import { DelegationService } from '../identity/delegation.service';
import { UnitService } from '../organization/unit.service';
import { Application } from './application.entity';
import { Consultation } from './consultation.entity';
import {
  actingRight,
  FileAct,
  FileFocus,
  FileStanding,
  initialingUnitIds,
  maySee,
  mayEverTake,
  PROVINCE_ROLES,
  StaffScope,
  standingOf,
  visibleFilesCondition,
} from './file-access.rules';

/** A file opened for a step: the row (locked when asked) and for whom the actor acts. */
export interface OpenedFile {
  app: Application;
  /** A routine delegate acts for the head who handed them the work; null otherwise. */
  onBehalfOf: string | null;
  standing: FileStanding;
}

/** The refusal of a file the actor sees but is not the one to act on. */
export function notAssigned(): Forbidden {
  return new Forbidden('Bạn không được giao xử lý hồ sơ này: việc này thuộc chuyên viên được giao hoặc lãnh đạo đơn vị chủ trì.', 'NOT_ASSIGNED');
}

/**
 * Reads where a person stands towards a file (their unit and the file's lead unit in the unit
 * tree, the consultations, the delegations they hold) and applies the one policy of
 * file-access.rules: to a single file (`find`, `open`) and to lists (`scopeOf` → SQL).
 */
@Injectable()
export class FileAccess {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly units: UnitService,
    private readonly delegations: DelegationService,
  ) {}

  /** The file if the actor may see it (404 otherwise); `lock` takes its row for the transaction. */
  async find(actor: Actor, id: string, { lock = false }: { lock?: boolean } = {}): Promise<{ app: Application; standing: FileStanding }> {
    if (!isId(id)) throw new NotFound('Hồ sơ');
    const app = await this.tx.manager.findOne(Application, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!app) throw new NotFound('Hồ sơ');
    const standing = await this.standing(actor, app);
    if (!maySee(standing)) throw new NotFound('Hồ sơ');
    return { app, standing };
  }

  /**
   * The first line of a step on a file: finds it as `find` does, then refuses (403 NOT_ASSIGNED)
   * an actor who sees it but is not the one to take `act` on it.
   */
  async open(actor: Actor, id: string, act: FileAct, options: { lock?: boolean } = {}): Promise<OpenedFile> {
    if (!mayEverTake(act, actor)) throw new Forbidden();
    const { app, standing } = await this.find(actor, id, options);
    const right = actingRight(act, actor, standing, app);
    if (!right.allowed) throw right.refusal === 'hidden' ? new NotFound('Hồ sơ') : right.refusal === 'forbidden' ? new Forbidden() : notAssigned();
    return { app, standing, onBehalfOf: right.onBehalfOf };
  }

  /** Where the actor stands towards the file. */
  async standing(actor: Actor, app: Application): Promise<FileStanding> {
    // Producers, and leaders, finance and auditors who take no officer's or head's step, need no more reading.
    if (!isStaff(actor) || (hasRole(actor, ...PROVINCE_ROLES) && !hasRole(actor, 'officer', 'head'))) {
      return standingOf({ actor, file: app, leadLine: [], consultedUnitIds: [], actorInCentre: false, decisionDelegate: false, routine: [] });
    }
    const [placement, consulted, decisionDelegate, principals] = await Promise.all([
      this.units.placement(),
      this.tx.manager.find(Consultation, { where: { applicationId: app.id }, select: { unitId: true } }),
      this.delegations.holdsDecisionDelegation(actor),
      this.delegations.routinePrincipals(actor),
    ]);
    const leadLine = placement.lineOf(app.leadUnitId);
    return standingOf({
      actor,
      file: app,
      leadLine,
      consultedUnitIds: consulted.map((c) => c.unitId),
      actorInCentre: placement.inCentre(actor.unitId),
      decisionDelegate,
      routine: principals.map((p) => ({
        userId: p.userId,
        inLeadUnit: p.unitId !== null && p.unitId === app.leadUnitId,
        inLeadLine: p.unitId !== null && leadLine.includes(p.unitId),
        inCentre: placement.inCentre(p.unitId),
      })),
    });
  }

  /** A lead unit and the units above it (empty before assignment). */
  async leadLineOf(leadUnitId: string | null): Promise<string[]> {
    return leadUnitId === null ? [] : (await this.units.placement()).lineOf(leadUnitId);
  }

  /** What the actor's place lets them see, for lists of files (staff only). */
  async scopeOf(actor: Actor): Promise<StaffScope> {
    if (hasRole(actor, ...PROVINCE_ROLES)) return { actorId: actor.id, all: true, unitIds: [], unitId: actor.unitId, intake: false };
    const [placement, decisionDelegate] = await Promise.all([this.units.placement(), this.delegations.holdsDecisionDelegation(actor)]);
    return {
      actorId: actor.id,
      all: decisionDelegate,
      unitIds: placement.subtreeOf(actor.unitId),
      unitId: actor.unitId,
      intake: hasRole(actor, 'head', 'officer') && placement.inCentre(actor.unitId),
    };
  }

  /** The lead units a focus of the work queues keeps (see `FileFocus`); none for a person in no unit. */
  async focusUnits(actor: Actor, focus: FileFocus): Promise<string[]> {
    if (focus === 'unit_tree') return actor.unitId === null ? [] : (await this.units.placement()).subtreeOf(actor.unitId);
    const principals = await this.delegations.routinePrincipals(actor);
    return initialingUnitIds({ actor, routineUnitIds: principals.map((p) => p.unitId) });
  }

  /** The SQL condition for files aliased `alias` the actor may see: a producer their own, staff by scope. */
  async condition(actor: Actor, alias: string): Promise<{ sql: string; params: Record<string, unknown> }> {
    if (!isStaff(actor)) return { sql: `${alias}.owner_id = :scopeOwner`, params: { scopeOwner: actor.id } };
    return visibleFilesCondition(alias, await this.scopeOf(actor));
  }
}
