import { Injectable } from '@nestjs/common';
import { Actor, ActorSource, hasRole } from '../../common/auth/actor';
import { assertNotMakerChecker } from '../../common/auth/maker-checker';
import { Clock } from '../../common/clock';
import { Forbidden, ValidationFailed } from '../../common/http/domain-error';
import { isId, newId } from '../../common/ids';
import { formatDateVi } from '../../common/money/format-vi';
import { parseMoney } from '../../common/money/money';
import { TransactionRunner } from '../../database/transaction';
import { CatalogueService } from '../catalogue/catalogue.service';
import { DelegationService } from '../identity/delegation.service';
import { UnitService } from '../organization/unit.service';
import { Application } from './application.entity';
import { ApplicationStore } from './application-store';
import { ApplicationView, AppraisalView, toAppraisalView } from './application.view';
import { ApplicationError } from './applications.error';
import { ConflictDeclarationsService } from './conflict-declarations.service';
import { DueDates } from './due-dates';
import { approvedSupportProblem, totalsOf } from './costs.rules';
import { Assignment, assignActionFor, capacityFor, nextStatus, recommendationRefusal } from './workflow.rules';
import { leadUnitUnderHead } from './file-access.rules';
import { Appraisal } from './appraisal.entity';
import { CostLine } from './cost-line.entity';
import type { AppraisalDto, AssignDto, NoteDto, RecommendDto, RequiredReasonDto, ReturnDto } from './dto/workflow.dto';

/**
 * The office's side of a file before the decision: assignment to one lead unit and one officer,
 * return for supplement, appraisal, the officer's recommendation and the head's initial (ký tắt).
 */
@Injectable()
export class ApplicationReviewService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly store: ApplicationStore,
    private readonly catalogue: CatalogueService,
    private readonly units: UnitService,
    private readonly actors: ActorSource,
    private readonly conflicts: ConflictDeclarationsService,
    private readonly delegations: DelegationService,
    private readonly dueDates: DueDates,
  ) {}

  /**
   * One lead unit, one responsible officer, one due date. The head assigns a submitted file and may
   * change the officer; changing the lead unit or the due date afterwards needs a leader.
   */
  /**
   * The lead units the actor may choose when assigning a file: a head their own unit and those
   * below it, the same rule `assign` holds them to; null for a leader, who may choose any.
   */
  async leadUnitChoices(actor: Actor): Promise<string[] | null> {
    if (hasRole(actor, 'leader')) return null;
    return (await this.units.placement()).subtreeOf(actor.unitId);
  }

  async assign(actor: Actor, id: string, dto: AssignDto): Promise<ApplicationView> {
    return this.tx.run(async (em) => {
      const { app, onBehalfOf } = await this.store.open(actor, id, 'assign', { lock: true });
      const officer = isId(dto.officerId) ? await this.actors.findActiveActor(dto.officerId) : null;
      if (!officer || !officer.roles.includes('officer')) {
        throw ValidationFailed.field('officerId', 'không có chuyên viên đang hoạt động với mã này');
      }
      await this.units.requireActiveUnits([{ field: 'leadUnitId', id: dto.leadUnitId }]);
      // A head's routine delegate assigns in the head's capacity, for the head.
      const roles = onBehalfOf ? ['head'] : actor.roles;
      const requested = { officerId: dto.officerId, leadUnitId: dto.leadUnitId, dueDate: await this.dueDates.resolve(dto) };
      const action = assignActionFor({ current: app, requested });
      if (action === null) {
        // The same assignment again changes nothing; the state must still allow assignment.
        nextStatus({ from: app.status, action: 'reassign_officer', role: capacityFor({ action: 'reassign_officer', roles }) });
        return this.store.view(app);
      }
      const role = capacityFor({ action, roles });
      // A leader changes an assignment in their own right only inside their field of work (403 OUT_OF_SCOPE).
      if (role === 'leader') {
        await this.delegations.requireOwnField(actor, { activityTypeCode: app.activityTypeCode, unitIds: (await this.units.placement()).lineOf(app.leadUnitId) });
      }
      const from = app.status;
      const to = nextStatus({ from, action, role });
      const placement = await this.units.placement();
      // A head (or their routine delegate) gives files to their own unit or one below it; sending
      // one to another division is for a head above both, or a leader (403 NOT_ASSIGNED).
      if (role === 'head') {
        const headUnitId = onBehalfOf ? ((await this.actors.findActiveActor(onBehalfOf))?.unitId ?? null) : actor.unitId;
        if (!leadUnitUnderHead(placement, dto.leadUnitId, headUnitId)) {
          throw new Forbidden('Trưởng đơn vị chỉ giao hồ sơ cho đơn vị mình hoặc đơn vị trực thuộc; giao cho phòng khác là việc của lãnh đạo cấp trên.', 'NOT_ASSIGNED');
        }
      }
      // One lead unit, one responsible officer of it (DOMAIN.md rule 1).
      if (!placement.lineOf(officer.unitId).includes(dto.leadUnitId)) {
        throw ValidationFailed.field('officerId', 'chuyên viên phải thuộc đơn vị chủ trì (hoặc một đơn vị trực thuộc)');
      }
      const before = { officerId: app.officerId, leadUnitId: app.leadUnitId, dueDate: app.dueDate };
      const changes = await this.describeAssignment(actor, before, requested, officer.fullName);
      Object.assign(app, { status: to, officerId: officer.id, leadUnitId: dto.leadUnitId, dueDate: requested.dueDate });
      await this.store.recordStep(em, {
        app,
        action,
        from,
        actor,
        capacity: role,
        onBehalfOf,
        note: [changes, dto.note?.trim()].filter(Boolean).join(' — '),
        before,
        after: { officerId: app.officerId, leadUnitId: app.leadUnitId, dueDate: app.dueDate },
      });
      return this.store.view(app);
    });
  }

  /**
   * Returns a file to its owner for supplement: at intake the centre's heads and officers; in
   * review the responsible officer or a head of the lead unit.
   */
  async returnForSupplement(actor: Actor, id: string, dto: ReturnDto): Promise<ApplicationView> {
    const role = capacityFor({ action: 'return', roles: actor.roles });
    return this.tx.run(async (em) => {
      const { app } = await this.store.open(actor, id, 'return', { lock: true });
      const from = app.status;
      const to = nextStatus({ from, action: 'return', role });
      const dueDate = await this.dueDates.resolve(dto);
      app.status = to;
      app.supplementDueDate = dueDate;
      await this.store.recordStep(em, {
        app,
        action: 'return',
        from,
        actor,
        capacity: role,
        note: `${dto.reason.trim()} (hạn bổ sung ${formatDateVi(dueDate)})`,
        after: { supplementDueDate: dueDate },
      });
      return this.store.view(app);
    });
  }

  /** One appraisal per member of the appraisal (the responsible officer, the lead unit's heads), while the file is in review. */
  async appraise(actor: Actor, id: string, dto: AppraisalDto): Promise<AppraisalView & { applicationId: string }> {
    const role = capacityFor({ action: 'appraise', roles: actor.roles });
    return this.tx.run(async (em) => {
      const { app } = await this.store.open(actor, id, 'appraise', { lock: true });
      const from = app.status;
      app.status = nextStatus({ from, action: 'appraise', role });
      await this.conflicts.assertMayJudge(app.id, [actor.id]);
      if (await em.exists(Appraisal, { where: { applicationId: app.id, memberId: actor.id } })) {
        throw new ApplicationError('DUPLICATE', 'Bạn đã thẩm định hồ sơ này; mỗi thành viên chỉ thẩm định một lần.');
      }
      const appraisal = Object.assign(new Appraisal(), {
        id: newId(),
        applicationId: app.id,
        memberId: actor.id,
        capacity: role,
        score: dto.score,
        recommendation: dto.recommendation,
        comment: dto.comment?.trim() || null,
        createdAt: this.clock.now(),
      });
      await em.insert(Appraisal, appraisal);
      const verdict = dto.recommendation === 'approve' ? 'đề nghị phê duyệt' : 'đề nghị không phê duyệt';
      await this.store.recordStep(em, {
        app,
        action: 'appraise',
        from,
        actor,
        capacity: role,
        note: `Điểm thẩm định ${dto.score}/100, ${verdict}${appraisal.comment ? `: ${appraisal.comment}` : ''}`,
        after: { appraisalId: appraisal.id, score: dto.score, recommendation: dto.recommendation },
      });
      return { applicationId: app.id, ...toAppraisalView(appraisal) };
    });
  }

  /**
   * The responsible officer (or a head of the lead unit) recommends the support, at most the
   * maximum and the request, from the allocation of the lead unit or a unit above it. The file must
   * have been appraised (thẩm định), or the recommender states why not (409 INVALID_STATE otherwise);
   * that reason goes on the timeline.
   */
  async recommend(actor: Actor, id: string, dto: RecommendDto): Promise<ApplicationView> {
    const role = capacityFor({ action: 'recommend', roles: actor.roles });
    return this.tx.run(async (em) => {
      const { app } = await this.store.open(actor, id, 'recommend', { lock: true });
      const from = app.status;
      const to = nextStatus({ from, action: 'recommend', role });
      await this.conflicts.assertMayJudge(app.id, [actor.id]);
      const approvedSupport = parseMoney(dto.approvedSupport, { field: 'approvedSupport', currency: app.currency });
      await this.units.requireActiveUnits([{ field: 'allocationUnitId', id: dto.allocationUnitId }]);
      if (!(await this.units.placement()).lineOf(app.leadUnitId).includes(dto.allocationUnitId)) {
        throw ValidationFailed.field('allocationUnitId', 'chỉ đề xuất từ dự toán của đơn vị chủ trì hoặc đơn vị cấp trên của đơn vị đó');
      }
      await this.refreshFigures(app);
      const problem = approvedSupportProblem({
        approvedSupport,
        maxSupport: app.maxSupport,
        requestedSupport: app.requestedSupport,
        currency: app.currency,
      });
      if (problem) throw problem;
      const appraisals = await em.count(Appraisal, { where: { applicationId: app.id } });
      const refusal = recommendationRefusal({ appraisals, skipAppraisalReason: dto.skipAppraisalReason });
      if (refusal) throw refusal;
      const skipReason = appraisals === 0 ? dto.skipAppraisalReason!.trim() : null;
      Object.assign(app, {
        status: to,
        approvedSupport,
        allocationUnitId: dto.allocationUnitId,
        recommendedBy: actor.id,
        recommendedAt: this.clock.now(),
      });
      await this.store.recordStep(em, {
        app,
        action: 'recommend',
        from,
        actor,
        capacity: role,
        note: [dto.note?.trim(), skipReason ? `Không thẩm định: ${skipReason}` : null].filter(Boolean).join(' — ') || null,
        after: { approvedSupport, allocationUnitId: dto.allocationUnitId, maxSupport: app.maxSupport, ...(skipReason ? { skipAppraisalReason: skipReason } : {}) },
      });
      return this.store.view(app);
    });
  }

  /**
   * A head of the lead unit (or their routine delegate, for them) checks and initials (ký tắt) a
   * recommendation that neither of them prepared.
   */
  async initial(actor: Actor, id: string, dto: NoteDto): Promise<ApplicationView> {
    return this.tx.run(async (em) => {
      const { app, onBehalfOf } = await this.store.open(actor, id, 'initial', { lock: true });
      const role = onBehalfOf ? 'head' : capacityFor({ action: 'initial', roles: actor.roles });
      const from = app.status;
      const to = nextStatus({ from, action: 'initial', role });
      const people = onBehalfOf ? [actor.id, onBehalfOf] : [actor.id];
      await this.conflicts.assertMayJudge(app.id, people);
      for (const person of people) {
        assertNotMakerChecker(person, { preparedBy: app.recommendedBy });
        assertNotMakerChecker(person, { preparedBy: app.officerId });
      }
      Object.assign(app, { status: to, initialedBy: actor.id, initialedAt: this.clock.now() });
      await this.store.recordStep(em, { app, action: 'initial', from, actor, capacity: role, onBehalfOf, note: dto.note?.trim() || null });
      return this.store.view(app);
    });
  }

  /**
   * Sends a file back to its responsible officer (trả lại chuyên viên), with the reason: a head of
   * the lead unit a recommendation they will not initial, a leader (in their field of work) an
   * initialed file they will not decide as it stands. The file is under review again; the officer
   * recommends anew and the head initials again. The earlier recommendation and initial stay on the
   * timeline.
   */
  async sendBack(actor: Actor, id: string, dto: RequiredReasonDto): Promise<ApplicationView> {
    return this.tx.run(async (em) => {
      const { app } = await this.store.open(actor, id, 'send_back', { lock: true });
      const from = app.status;
      const role = from === 'initialed' && hasRole(actor, 'leader') ? 'leader' : capacityFor({ action: 'send_back', roles: actor.roles });
      const to = nextStatus({ from, action: 'send_back', role });
      if (role === 'leader') {
        await this.delegations.requireOwnField(actor, { activityTypeCode: app.activityTypeCode, unitIds: (await this.units.placement()).lineOf(app.leadUnitId) });
      }
      const before = { recommendedBy: app.recommendedBy, initialedBy: app.initialedBy };
      Object.assign(app, { status: to, recommendedBy: null, recommendedAt: null, initialedBy: null, initialedAt: null });
      await this.store.recordStep(em, { app, action: 'send_back', from, actor, capacity: role, note: dto.reason.trim(), before, after: { recommendedBy: null, initialedBy: null } });
      return this.store.view(app);
    });
  }

  /** Computes the figures again with the rule in force today (a new version may have started). */
  private async refreshFigures(app: Application): Promise<void> {
    const rule = await this.catalogue.ruleIn(app.activityTypeCode, app.fundSource, this.clock.today(), app.currency);
    const lines = await this.tx.manager.find(CostLine, { where: { applicationId: app.id } });
    const totals = totalsOf({ lines, rule, currency: app.currency });
    Object.assign(app, { totalCost: totals.totalCost, eligibleCost: totals.eligibleCost, maxSupport: totals.maxSupport, ruleId: rule.id });
  }

  private async describeAssignment(
    actor: Actor,
    before: { officerId: string | null; leadUnitId: string | null; dueDate: string | null },
    dto: Assignment,
    officerName: string,
  ): Promise<string> {
    const unitName = async (id: string) => (await this.units.getUnit(actor, id)).name;
    if (before.leadUnitId === null) {
      return `Giao đơn vị chủ trì ${await unitName(dto.leadUnitId)}, chuyên viên ${officerName}, hạn xử lý ${formatDateVi(dto.dueDate)}`;
    }
    const parts: string[] = [];
    if (before.leadUnitId !== dto.leadUnitId) parts.push(`đổi đơn vị chủ trì ${await unitName(before.leadUnitId)} → ${await unitName(dto.leadUnitId)}`);
    if (before.dueDate !== dto.dueDate) parts.push(`đổi hạn xử lý ${before.dueDate ? formatDateVi(before.dueDate) : '—'} → ${formatDateVi(dto.dueDate)}`);
    if (before.officerId !== dto.officerId) parts.push(`đổi chuyên viên → ${officerName}`);
    return parts.join('; ').replace(/^./, (c) => c.toUpperCase());
  }
}
