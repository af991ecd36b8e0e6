import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor, Role } from '../../common/auth/actor';
import { assertNotMakerChecker } from '../../common/auth/maker-checker';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/http/domain-error';
import { Money } from '../../common/money/decimal';
import { formatMoneyVi } from '../../common/money/format-vi';
import { TransactionRunner } from '../../database/transaction';
import { BudgetService } from '../budget/budget.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import { DelegationService } from '../identity/delegation.service';
import { UnitService } from '../organization/unit.service';
import { DocumentRegisterService } from '../document-register/document-register.service';
import { ApplicationStore } from './application-store';
import { ApplicationView } from './application.view';
import { ConflictDeclarationsService } from './conflict-declarations.service';
import { Consultation } from './consultation.entity';
import { disagreementNote, disagreementRefusal } from './consultations.rules';
import { approvedSupportProblem, totalsOf } from './costs.rules';
import { capacityFor, nextStatus, type WorkflowRole } from './workflow.rules';
import type { Application } from './application.entity';
import type { ApplicationStatus } from './application-statuses';
import { CostLine } from './cost-line.entity';
import type { DecideDto, RequiredReasonDto } from './dto/workflow.dto';

/** The roles a decision may come from: a leader, or a member of staff deciding under a leader's delegation. */
export const DECIDING_ROLES: Role[] = ['leader', 'head', 'officer', 'finance'];

/** A decision on one file whose checks have passed (`judge`), ready to be taken (`record`). */
export interface Judgement {
  decision: DecideDto['decision'];
  role: WorkflowRole;
  /** The leader a delegate decides for; null when a leader decides in their own right. */
  onBehalfOf: string | null;
  delegationId: string | null;
  from: ApplicationStatus;
  to: ApplicationStatus;
  ruleId: string;
  /** The decision date (Asia/Ho_Chi_Minh). */
  today: string;
  /** The consulted units that disagreed, whose disagreement the one deciding acknowledged. */
  disagreeing: string[];
}

/** Who signs the decision's paper, as the register records it. */
export function signerOf(actor: Actor, judgement: Pick<Judgement, 'role' | 'onBehalfOf'>) {
  return { id: actor.id, capacity: judgement.role, onBehalfOf: judgement.onBehalfOf };
}

/** The leader's side: the decision (phê duyệt), which commits the money, and cancellation. */
@Injectable()
export class ApplicationDecisionService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly store: ApplicationStore,
    private readonly catalogue: CatalogueService,
    private readonly delegations: DelegationService,
    private readonly budget: BudgetService,
    private readonly conflicts: ConflictDeclarationsService,
    private readonly units: UnitService,
    private readonly papers: DocumentRegisterService,
  ) {}

  /**
   * A leader inside their field of work, or a delegate within their delegation and its giver's
   * field, who neither prepared nor initialed the file, decides it (outside the field: 403
   * OUT_OF_SCOPE). Approval judges the file by the rule in force on the decision date and commits the
   * approved support from the allocation unit's budget in the same transaction. The file row is
   * locked first, so of two leaders deciding at once exactly one decision is taken. A consulted
   * unit's disagreement goes up to the one deciding (Điều 13.4): they must say they considered it
   * (`acknowledgeDisagreement`, else 409 DISAGREEMENT_NOT_ACKNOWLEDGED), and the timeline says so.
   */
  async decide(actor: Actor, id: string, dto: DecideDto): Promise<ApplicationView> {
    return this.tx.run(async (em) => {
      const app = await this.store.findVisible(actor, id, { lock: true });
      const judgement = await this.judge(em, actor, app, dto.decision, { acknowledgeDisagreement: dto.acknowledgeDisagreement === true });
      // The decision's number: the one typed, or the register's next (sổ văn bản đi).
      const paper = await this.papers.register(em, { type: 'decision', file: app, signer: signerOf(actor, judgement), number: dto.decisionNo });
      await this.record(em, actor, app, judgement, { number: paper.number, reason: dto.reason });
      return this.store.view(app);
    });
  }

  /**
   * The checks of a decision on one file found and locked in the caller's transaction, in the
   * order the single decision takes them: who decides in what capacity (a leader in their field, a
   * delegate within the delegation: 403 otherwise), whether the file may be decided now (409
   * INVALID_STATE), conflicts of interest and maker-checker (403), a consulted unit's disagreement
   * acknowledged (409 DISAGREEMENT_NOT_ACKNOWLEDGED), the rule in force today and, for an approval,
   * the approved support within it (409 LIMIT_EXCEEDED). Sets the file's figures by that rule;
   * changes nothing else. The list decision asks this of each of its files.
   */
  async judge(em: EntityManager, actor: Actor, app: Application, decision: DecideDto['decision'], { acknowledgeDisagreement }: { acknowledgeDisagreement: boolean }): Promise<Judgement> {
    const { granted, role, onBehalfOf, from, to } = await this.authority(actor, app, decision);
    const disagreeing = await this.disagreeingUnits(em, app.id);
    const unacknowledged = disagreementRefusal({ units: disagreeing, acknowledged: acknowledgeDisagreement });
    if (unacknowledged) throw unacknowledged;
    const today = this.clock.today();
    const rule = await this.catalogue.ruleIn(app.activityTypeCode, app.fundSource, today, app.currency);
    const lines = await em.find(CostLine, { where: { applicationId: app.id } });
    const totals = totalsOf({ lines, rule, currency: app.currency });
    Object.assign(app, { totalCost: totals.totalCost, eligibleCost: totals.eligibleCost, maxSupport: totals.maxSupport, ruleId: rule.id });
    if (decision === 'approve') {
      const problem = approvedSupportProblem({
        approvedSupport: app.approvedSupport!,
        maxSupport: app.maxSupport,
        requestedSupport: app.requestedSupport,
        currency: app.currency,
      });
      if (problem) throw problem;
    }
    return { decision, role, onBehalfOf, delegationId: granted.capacity === 'delegated' ? granted.delegationId : null, from, to, ruleId: rule.id, today, disagreeing };
  }

  /**
   * Whether the actor may decide each of these files now, as `judge` asks first (`authority`):
   * null where they may, otherwise the refusal the decision would give. Writes nothing. For the
   * pages, which offer a decision only on the files it would take (the file page, the list
   * decision's form). What the one deciding settles on the form (a disagreement acknowledged,
   * the support within the rule) is left to the decision. Files the actor does not see are 404.
   */
  async decisionRefusals(actor: Actor, ids: readonly string[]): Promise<Map<string, DomainError | null>> {
    const refusals = new Map<string, DomainError | null>();
    for (const id of ids) {
      const app = await this.store.findVisible(actor, id);
      try {
        await this.authority(actor, app, 'approve');
        refusals.set(id, null);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        refusals.set(id, error);
      }
    }
    return refusals;
  }

  /**
   * Who may decide the file and in what capacity, the first checks of `judge`: a leader inside
   * their field or a delegate within the delegation and its giver's field (403, OUT_OF_SCOPE); a
   * file in a state that takes the decision (409 INVALID_STATE); no conflict of interest declared
   * by the one deciding or the leader behind them, and their declaration where required (403
   * CONFLICT_OF_INTEREST, 409 DECLARATION_REQUIRED); neither prepared nor initialed it (403).
   */
  private async authority(actor: Actor, app: Application, decision: DecideDto['decision']) {
    const granted = await this.delegations.decisionCapacity(actor, {
      amount: app.approvedSupport ?? new Money(0),
      currency: app.currency,
      activityTypeCode: app.activityTypeCode,
      on: this.clock.now(),
      unitIds: (await this.units.placement()).lineOf(app.leadUnitId),
    });
    const role = granted.capacity;
    const onBehalfOf = granted.capacity === 'delegated' ? granted.onBehalfOf : null;
    const from = app.status;
    const to = nextStatus({ from, action: decision, role });
    await this.conflicts.assertMayJudge(app.id, onBehalfOf ? [actor.id, onBehalfOf] : [actor.id]);
    for (const person of onBehalfOf ? [actor.id, onBehalfOf] : [actor.id]) {
      assertNotMakerChecker(person, { preparedBy: app.recommendedBy, initialedBy: app.initialedBy });
      assertNotMakerChecker(person, { preparedBy: app.officerId });
    }
    return { granted, role, onBehalfOf, from, to };
  }

  /**
   * Takes a judged decision on the file in the caller's transaction, under the decision's number:
   * an approval commits the approved support from the allocation unit (409 INSUFFICIENT_FUNDS, or
   * `whenInsufficient`'s error); the file records the number (and `listDecisionId`, decided with
   * others), and the step goes on its timeline and in the audit log.
   */
  async record(
    em: EntityManager,
    actor: Actor,
    app: Application,
    judgement: Judgement,
    decided: { number: string; reason?: string | null; listDecisionId?: string | null; note?: string; whenInsufficient?: () => Error },
  ): Promise<void> {
    const { decision, role, onBehalfOf, from, today } = judgement;
    if (decision === 'approve') {
      await this.budget.commitToApplication({
        fundCode: app.fundCode,
        fiscalYear: app.fiscalYear,
        unitId: app.allocationUnitId!,
        applicationId: app.id,
        amount: app.approvedSupport!,
        actor,
        capacity: role,
        reference: decided.number,
        whenInsufficient: decided.whenInsufficient,
      });
    }
    Object.assign(app, {
      status: judgement.to,
      decisionNo: decided.number,
      listDecisionId: decided.listDecisionId ?? null,
      decisionDate: today,
      decidedBy: actor.id,
      decisionCapacity: role,
      decidedOnBehalfOf: onBehalfOf,
      delegationId: judgement.delegationId,
      decidedAt: this.clock.now(),
    });
    await this.store.recordStep(em, {
      app,
      action: decision,
      from,
      actor,
      capacity: role,
      onBehalfOf,
      note: [decided.note ?? `Quyết định số ${app.decisionNo}`, disagreementNote(judgement.disagreeing), decided.reason?.trim()].filter(Boolean).join(' — '),
      after: {
        decisionNo: app.decisionNo,
        decisionDate: today,
        approvedSupport: decision === 'approve' ? app.approvedSupport : null,
        ruleId: judgement.ruleId,
        delegationId: app.delegationId,
        ...(judgement.disagreeing.length ? { disagreementAcknowledged: true } : {}),
        ...(app.listDecisionId ? { listDecisionId: app.listDecisionId } : {}),
      },
    });
  }

  /** The names of the units consulted on the file that answered "disagree", in the order they were asked. */
  private async disagreeingUnits(em: EntityManager, applicationId: string): Promise<string[]> {
    const disagreeing = await em.find(Consultation, { where: { applicationId, opinion: 'disagree' }, select: { id: true, unitId: true }, order: { id: 'ASC' } });
    const names = await this.units.namesOf(disagreeing.map((c) => c.unitId));
    return [...new Set(disagreeing.map((c) => names.get(c.unitId) ?? c.unitId))];
  }

  /**
   * The file's part of a cancellation (hủy đề án): a leader cancels an approved file in their field
   * of work (outside it: 403 OUT_OF_SCOPE); what is committed and not yet paid goes back to the
   * unit. The use case is the settlement module's `FileCancellationService.cancel`, which joins
   * this in its transaction and opens a recovery for what was already paid.
   */
  async cancelFile(actor: Actor, id: string, dto: RequiredReasonDto): Promise<ApplicationView> {
    const role = capacityFor({ action: 'cancel', roles: actor.roles });
    return this.tx.run(async (em) => {
      const app = await this.store.findVisible(actor, id, { lock: true });
      await this.delegations.requireOwnField(actor, {
        activityTypeCode: app.activityTypeCode,
        unitIds: (await this.units.placement()).lineOf(app.leadUnitId),
      });
      const from = app.status;
      const to = nextStatus({ from, action: 'cancel', role });
      const released = await this.budget.releaseCommitment({
        fundCode: app.fundCode,
        fiscalYear: app.fiscalYear,
        applicationId: app.id,
        unitId: app.allocationUnitId!,
        actor,
        capacity: role,
        reference: `Hủy đề án theo QĐ ${app.decisionNo ?? ''}`.trim().slice(0, 120),
      });
      app.status = to;
      await this.store.recordStep(em, {
        app,
        action: 'cancel',
        from,
        actor,
        capacity: role,
        note: `${dto.reason.trim()} — hoàn trả kinh phí cam kết chưa giải ngân ${formatMoneyVi(released, app.currency)}`,
        after: { released },
      });
      return this.store.view(app);
    });
  }
}
