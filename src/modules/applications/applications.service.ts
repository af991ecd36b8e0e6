import { Injectable } from '@nestjs/common';
import { requireRole, requireSignedIn } from '../../common/auth/access';
import { Actor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { NotFound, ValidationFailed } from '../../common/http/domain-error';
import { Page, pageOf } from '../../common/http/page';
import { isId, newId } from '../../common/ids';
import { Money } from '../../common/money/decimal';
import { parseMoney } from '../../common/money/money';
import { containsPattern } from '../../database/like';
import { TransactionRunner } from '../../database/transaction';
import { AdminUnitsService } from '../admin-units/admin-units.service';
import { CatalogueService, RuleInForce } from '../catalogue/catalogue.service';
import { EstablishmentsService } from '../establishments/establishments.service';
import { Application } from './application.entity';
import { ApplicationStore } from './application-store';
import { ApplicationView } from './application.view';
import { ApplicationError } from './applications.error';
import { submissionProblems, totalsOf } from './costs.rules';
import { capacityFor, nextStatus, submitActionFor } from './workflow.rules';
import { ApplicationStatus, FINAL_STATUSES, IN_REVIEW_STATUSES } from './application-statuses';
import { CostLine } from './cost-line.entity';
import { ApplicationDocument } from './application-document.entity';
import type { ApplicationQuery } from './dto/application-query.dto';
import type { ApplicationChanges, CostLineDto, CreateApplicationDto } from './dto/application-input.dto';
import type { ReasonDto } from './dto/workflow.dto';
import { FundDirectory, FundInfo } from './fund-directory';
import { FileAccess } from './file-access';
import type { FileFocus } from './file-access.rules';
import { FileAction, OfferFacts, offeredActions } from './file-offers.rules';
import { BEFORE_DECISION_STATUSES, FileBlocker, fileBlockers } from './file-blockers.rules';
import { BudgetSetupService } from '../budget/budget-setup.service';
import { CallFacts, CallsService } from '../calls/calls.service';
import { Decimal } from '../../common/money/decimal';

export type { FileAction } from './file-offers.rules';
export type { FileBlocker } from './file-blockers.rules';

/** A file that would be stopped at the decision as it stands, and why. */
export interface BlockedFile {
  id: string;
  title: string;
  status: string;
  fiscalYear: number;
  fundCode: string;
  blockers: FileBlocker[];
}
/** The roles that may ever take each step on a file: the routes' role check (API and pages) says the same as the use case. */
export { ACT_ROLES as FILE_ACT_ROLES } from './file-access.rules';

/** The producer's side of a file: draft, change, submit, withdraw; and reading files. */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly store: ApplicationStore,
    private readonly catalogue: CatalogueService,
    private readonly establishments: EstablishmentsService,
    private readonly funds: FundDirectory,
    private readonly access: FileAccess,
    private readonly budgetSetup: BudgetSetupService,
    private readonly adminUnits: AdminUnitsService,
    private readonly calls: CallsService,
  ) {}

  async create(actor: Actor, dto: CreateApplicationDto): Promise<ApplicationView> {
    const capacity = requireRole(actor, 'applicant');
    return this.tx.run(async (em) => {
      const establishment = await this.establishments.findOwned(actor.id, dto.establishmentId);
      if (!establishment) throw ValidationFailed.field('establishmentId', 'không có cơ sở này trong các cơ sở bạn đã đăng ký');
      if (dto.communeCode != null) await this.adminUnits.requireCommune(dto.communeCode);
      const fund = await this.fundFor(dto.fundCode);
      const rule = await this.ruleToday(dto.activityTypeCode, fund);
      const call = dto.callId == null ? null : await this.callNamed(dto.callId);
      if (call) this.assertFitsCall(call, { activityTypeCode: dto.activityTypeCode, fundCode: fund.code, fiscalYear: dto.fiscalYear }, { drafting: true });
      const now = this.clock.now();
      const app = em.create(Application, {
        id: newId(),
        ownerId: actor.id,
        establishmentId: establishment.id,
        activityTypeCode: dto.activityTypeCode,
        fiscalYear: dto.fiscalYear,
        fundCode: fund.code,
        fundSource: fund.source,
        currency: fund.currency,
        callId: call?.id ?? null,
        title: dto.title.trim(),
        communeCode: dto.communeCode ?? establishment.communeCode,
        startDate: dto.startDate ?? null,
        endDate: dto.endDate ?? null,
        status: 'draft',
        ruleId: rule.id,
        requestedSupport: dto.requestedSupport == null ? null : parseMoney(dto.requestedSupport, { field: 'requestedSupport', currency: fund.currency }),
        approvedSupport: null,
        allocationUnitId: null,
        leadUnitId: null,
        officerId: null,
        dueDate: null,
        supplementDueDate: null,
        submittedAt: null,
        recommendedBy: null,
        recommendedAt: null,
        initialedBy: null,
        initialedAt: null,
        decisionNo: null,
        listDecisionId: null,
        decisionDate: null,
        decidedBy: null,
        decisionCapacity: null,
        decidedOnBehalfOf: null,
        delegationId: null,
        decidedAt: null,
        createdAt: now,
        updatedAt: now,
      });
      assertDates(app);
      const lines = this.costLines(app, dto.costLines ?? [], rule);
      await em.insert(Application, app);
      if (lines.length) await em.insert(CostLine, lines);
      await this.store.recordStep(em, { app, action: 'create', from: null, actor, capacity, after: this.figures(app) });
      return this.store.view(app);
    });
  }

  /** Changes a draft, or a file returned for supplement; figures are computed again. */
  async update(actor: Actor, id: string, dto: ApplicationChanges): Promise<ApplicationView> {
    const role = capacityFor({ action: 'edit', roles: actor.roles });
    return this.tx.run(async (em) => {
      const app = await this.ownFile(actor, id);
      const from = app.status;
      nextStatus({ from, action: 'edit', role });
      // JSON null clears what a draft may leave empty; anything else must stay filled.
      for (const field of REQUIRED_ON_FILE) {
        if (dto[field] === null) throw ValidationFailed.field(field, 'không được để trống');
      }
      const before = this.figures(app);
      if (dto.establishmentId != null) {
        const establishment = await this.establishments.findOwned(actor.id, dto.establishmentId);
        if (!establishment) throw ValidationFailed.field('establishmentId', 'không có cơ sở này trong các cơ sở bạn đã đăng ký');
        app.establishmentId = establishment.id;
      }
      if (dto.fundCode != null && dto.fundCode !== app.fundCode) {
        const fund = await this.fundFor(dto.fundCode);
        if (fund.currency !== app.currency && dto.costLines == null) {
          throw ValidationFailed.field('costLines', 'đổi sang nguồn kinh phí khác loại tiền thì phải gửi lại các dòng chi phí');
        }
        Object.assign(app, { fundCode: fund.code, fundSource: fund.source, currency: fund.currency });
      }
      if (dto.activityTypeCode != null) app.activityTypeCode = dto.activityTypeCode;
      if (dto.fiscalYear != null) app.fiscalYear = dto.fiscalYear;
      if (dto.title != null) app.title = dto.title.trim();
      if (dto.communeCode != null) await this.adminUnits.requireCommune(dto.communeCode);
      if (dto.communeCode !== undefined) app.communeCode = dto.communeCode ?? null;
      if (dto.startDate !== undefined) app.startDate = dto.startDate ?? null;
      if (dto.endDate !== undefined) app.endDate = dto.endDate ?? null;
      if (dto.requestedSupport === null) app.requestedSupport = null;
      else if (dto.requestedSupport !== undefined) {
        app.requestedSupport = parseMoney(dto.requestedSupport, { field: 'requestedSupport', currency: app.currency });
      }
      // A file named under another call (or under one for the first time) must be in time for it.
      const callChanged = dto.callId !== undefined && (dto.callId ?? null) !== app.callId;
      if (dto.callId !== undefined) app.callId = dto.callId === null ? null : (await this.callNamed(dto.callId)).id;
      if (app.callId) this.assertFitsCall(await this.callNamed(app.callId), app, { drafting: callChanged });
      assertDates(app);
      const rule = await this.ruleToday(app.activityTypeCode, { code: app.fundCode, source: app.fundSource, currency: app.currency });
      if (dto.costLines != null) {
        const lines = this.costLines(app, dto.costLines, rule);
        await em.delete(CostLine, { applicationId: app.id });
        if (lines.length) await em.insert(CostLine, lines);
      } else {
        this.applyTotals(app, await em.find(CostLine, { where: { applicationId: app.id } }), rule);
      }
      await this.store.recordStep(em, { app, action: 'edit', from, actor, capacity: role, before, after: this.figures(app) });
      return this.store.view(app);
    });
  }

  /** Submits a complete file asking no more than the maximum; a supplemented file goes back to its officer. */
  async submit(actor: Actor, id: string): Promise<ApplicationView> {
    const role = capacityFor({ action: 'submit', roles: actor.roles });
    return this.tx.run(async (em) => {
      const app = await this.ownFile(actor, id);
      const from = app.status;
      const action = submitActionFor(app);
      const to = nextStatus({ from, action, role });
      // Filed under a call: it still fits the call, and a first submission falls inside its window
      // (a file returned for supplement comes back whenever the officer set).
      if (app.callId) {
        const call = await this.callNamed(app.callId);
        this.assertFitsCall(call, app, { drafting: false });
        const late = from === 'draft' ? this.calls.submissionRefusal(call) : null;
        if (late) throw late;
      }
      // The figures are judged again by the rule in force today, and who applies by its conditions.
      const rule = await this.ruleToday(app.activityTypeCode, { code: app.fundCode, source: app.fundSource, currency: app.currency });
      await this.assertEligible(actor, app, rule);
      const lines = await em.find(CostLine, { where: { applicationId: app.id }, order: { lineNo: 'ASC' } });
      const documents = await em.find(ApplicationDocument, { where: { applicationId: app.id }, select: { kind: true } });
      this.applyTotals(app, lines, rule);
      const problems = submissionProblems({
        title: app.title,
        communeCode: app.communeCode,
        startDate: app.startDate,
        endDate: app.endDate,
        costLineCount: lines.length,
        eligibleCost: app.eligibleCost,
        maxSupport: app.maxSupport,
        requestedSupport: app.requestedSupport,
        currency: app.currency,
        documentKinds: documents.map((d) => d.kind),
        requiredDocumentKinds: rule.requiredDocumentKinds,
      });
      if (problems.length) {
        throw new ApplicationError('VALIDATION_FAILED', `Hồ sơ chưa thể nộp: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`, problems);
      }
      app.status = to;
      app.submittedAt = this.clock.now();
      if (from === 'needs_supplement') app.supplementDueDate = null;
      await this.store.recordStep(em, { app, action, from, actor, capacity: role, after: this.figures(app) });
      return this.store.view(app);
    });
  }

  async withdraw(actor: Actor, id: string, dto: ReasonDto): Promise<ApplicationView> {
    const role = capacityFor({ action: 'withdraw', roles: actor.roles });
    return this.tx.run(async (em) => {
      const app = await this.ownFile(actor, id);
      const from = app.status;
      app.status = nextStatus({ from, action: 'withdraw', role });
      await this.store.recordStep(em, { app, action: 'withdraw', from, actor, capacity: role, note: dto.reason ?? null });
      return this.store.view(app);
    });
  }

  async get(actor: Actor, id: string): Promise<ApplicationView> {
    return this.store.view(await this.store.findVisible(actor, id));
  }

  /**
   * The actions the actor may take on a file now (for the pages, which offer only these): the
   * workflow's table narrowed by the same access policy every use case asks first. `mayDecide` is
   * the decision service's answer for this user and file; `declaredByMe` whether they declared on
   * it, `conflictDeclared` whether they declared a conflict (which takes the judging steps away);
   * `advanceRoom` and `paymentRoom` whether the disbursements' limits leave room for a request;
   * `pendingRequests` whether a request of the file waits for finance (no cancellation then).
   */
  async offeredActions(
    actor: Actor,
    app: ApplicationView,
    facts: Pick<OfferFacts, 'mayDecide' | 'declaredByMe' | 'conflictDeclared' | 'advanceRoom' | 'paymentRoom' | 'pendingRequests'>,
  ): Promise<Set<FileAction>> {
    const { standing } = await this.access.find(actor, app.id);
    const lastBy = (action: string) => [...app.timeline].reverse().find((e) => e.action === action)?.actorId ?? null;
    return offeredActions(
      actor,
      {
        status: app.status,
        ownerId: app.ownerId,
        officerId: app.officerId,
        recommendedBy: lastBy('recommend'),
        initialedBy: lastBy('initial'),
        appraisedByMe: (app.appraisals ?? []).some((a) => a.memberId === actor.id),
        extensionAwaiting: (app.consultations ?? []).some((c) => c.awaitingExtensionDecision),
        ...facts,
      },
      standing,
    );
  }

  /** Why a leader could not approve this file as it stands (none once it is decided). */
  async blockersOf(actor: Actor, app: Pick<ApplicationView, 'status' | 'fiscalYear' | 'fundCode'>): Promise<FileBlocker[]> {
    requireSignedIn(actor);
    const [openYears, fundedBooks] = await Promise.all([this.budgetSetup.openYears(), this.budgetSetup.fundedBooks()]);
    return fileBlockers({ status: app.status, fiscalYear: app.fiscalYear, fundCode: app.fundCode, openYears, fundedBooks });
  }

  /**
   * The files the actor sees that a leader could not approve as they stand, and why (today: their
   * fiscal year is not open, so the commitment would be refused), oldest first, at most `limit`.
   * For the home pages, so that the stop shows before the file reaches the leader.
   */
  async blockedFiles(actor: Actor, limit = 200): Promise<BlockedFile[]> {
    requireSignedIn(actor);
    const [openYears, fundedBooks] = await Promise.all([this.budgetSetup.openYears(), this.budgetSetup.fundedBooks()]);
    // Not blocked: an open year whose fund some unit holds money of (the rule says the rest).
    const passing = fundedBooks.filter((b) => openYears.includes(b.fiscalYear));
    const qb = this.tx.manager
      .createQueryBuilder(Application, 'a')
      .select(['a.id', 'a.title', 'a.status', 'a.fiscalYear', 'a.fundCode'])
      .where('a.status IN (:...waiting)', { waiting: BEFORE_DECISION_STATUSES });
    if (passing.length) {
      const params: Record<string, unknown> = {};
      const pairs = passing.map((b, i) => {
        params[`bf${i}`] = b.fundCode;
        params[`by${i}`] = b.fiscalYear;
        return `(a.fund_code = :bf${i} AND a.fiscal_year = :by${i})`;
      });
      qb.andWhere(`NOT (${pairs.join(' OR ')})`, params);
    }
    const rows = await (await this.store.restrictToVisible(qb, 'a', actor)).orderBy('a.id', 'ASC').take(limit).getMany();
    return rows
      .map((a) => ({ id: a.id, title: a.title, status: a.status, fiscalYear: a.fiscalYear, fundCode: a.fundCode, blockers: fileBlockers({ status: a.status, fiscalYear: a.fiscalYear, fundCode: a.fundCode, openYears, fundedBooks }) }))
      .filter((f) => f.blockers.length > 0);
  }

  /** Title and currency of the visible files among `ids`, in one query (for lists of money items). */
  async titles(actor: Actor, ids: string[]): Promise<Map<string, { title: string; currency: string }>> {
    const wanted = [...new Set(ids)].filter(isId);
    if (wanted.length === 0) return new Map();
    const qb = this.tx.manager
      .createQueryBuilder(Application, 'a')
      .select(['a.id', 'a.title', 'a.currency'])
      .where('a.id IN (:...ids)', { ids: wanted });
    const rows = await (await this.store.restrictToVisible(qb, 'a', actor)).getMany();
    return new Map(rows.map((a) => [a.id, { title: a.title, currency: a.currency }]));
  }

  /**
   * The files a unit still works or pays on (lead unit or allocation unit, in no final status):
   * up to `limit` of them, oldest first, and how many there are. Read-only, for deciding whether the
   * unit may be closed; the caller checks access.
   */
  async openFilesOfUnit(unitId: string, limit = 10): Promise<{ total: number; files: Array<{ id: string; title: string; status: string }> }> {
    const [rows, total] = await this.tx.manager
      .createQueryBuilder(Application, 'a')
      .select(['a.id', 'a.title', 'a.status'])
      .where('(a.lead_unit_id = :unitId OR a.allocation_unit_id = :unitId)', { unitId })
      .andWhere('a.status NOT IN (:...final)', { final: FINAL_STATUSES })
      .orderBy('a.id', 'ASC')
      .take(limit)
      .getManyAndCount();
    return { total, files: rows.map((a) => ({ id: a.id, title: a.title, status: a.status })) };
  }

  /**
   * Each sees the files the access policy shows them (a producer their own; staff by role, unit,
   * assignment and consultation). `overdue=true`: files in review past
   * their due date; `q`: text in the title, the establishment's name or its tax code. Newest
   * first (ids sort by creation time and are unique, so pages never overlap or skip a file).
   * `focus` (the pages' work queues, not the API) narrows them further: see `FileFocus`; the
   * files to initial leave out those the actor declared a conflict of interest on.
   */
  async list(actor: Actor, query: ApplicationQuery, focus?: FileFocus): Promise<Page<ApplicationView>> {
    requireSignedIn(actor);
    const qb = await this.store.restrictToVisible(this.tx.manager.createQueryBuilder(Application, 'a'), 'a', actor);
    if (focus) {
      const units = await this.access.focusUnits(actor, focus);
      if (units.length === 0) qb.andWhere('1 = 0');
      else qb.andWhere('a.lead_unit_id IN (:...focusUnits)', { focusUnits: units });
      if (focus === 'to_initial') {
        qb.andWhere('a.id NOT IN (SELECT focus_cd.application_id FROM conflict_declarations focus_cd WHERE focus_cd.user_id = :focusActor AND focus_cd.has_conflict = 1)', {
          focusActor: actor.id,
        });
      }
    }
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    if (query.fiscalYear) qb.andWhere('a.fiscal_year = :year', { year: query.fiscalYear });
    if (query.unitId) qb.andWhere('(a.lead_unit_id = :unitId OR a.allocation_unit_id = :unitId)', { unitId: query.unitId });
    if (query.officerId) qb.andWhere('a.officer_id = :officerId', { officerId: query.officerId });
    if (query.establishmentId) qb.andWhere('a.establishment_id = :establishmentId', { establishmentId: query.establishmentId });
    const text = query.q?.trim();
    if (text) {
      qb.andWhere(`(a.title LIKE :text OR a.establishment_id IN ${this.establishments.idsMatchingSubquery(qb, 'text')})`, { text: containsPattern(text) });
    }
    if (query.overdue === 'true') {
      qb.andWhere('a.status IN (:...inReview) AND a.due_date < :today', { inReview: IN_REVIEW_STATUSES, today: this.clock.today() });
    } else if (query.overdue === 'false') {
      qb.andWhere('NOT (a.status IN (:...inReview) AND a.due_date IS NOT NULL AND a.due_date < :today)', {
        inReview: IN_REVIEW_STATUSES,
        today: this.clock.today(),
      });
    }
    const [rows, total] = await qb
      .orderBy('a.id', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(await this.store.views(rows), total, query);
  }

  /** The producer's own file, locked; a file of someone else is hidden even from a producer who is also staff. */
  private async ownFile(actor: Actor, id: string): Promise<Application> {
    const app = await this.store.findVisible(actor, id, { lock: true });
    if (app.ownerId !== actor.id) throw new NotFound('Hồ sơ');
    return app;
  }

  /** The call a file names; 400 naming `callId` when there is none. */
  private async callNamed(id: string): Promise<CallFacts> {
    const call = await this.calls.findForFile(id);
    if (!call) throw ValidationFailed.field('callId', 'không có đợt tiếp nhận hồ sơ này');
    return call;
  }

  /**
   * A file under a call has one of its activity types, its fund and its fiscal year (400 naming
   * each field that does not); `drafting`: a file newly filed under it, refused once it closed
   * (409 CALL_CLOSED).
   */
  private assertFitsCall(call: CallFacts, file: { activityTypeCode: string; fundCode: string; fiscalYear: number }, { drafting }: { drafting: boolean }): void {
    const mismatches = this.calls.mismatches(call, file);
    if (mismatches.length) throw new ValidationFailed(mismatches, `Hồ sơ không đúng đợt tiếp nhận "${call.title}": ${mismatches.map((m) => `${m.field}: ${m.message}`).join('; ')}`);
    const refusal = drafting ? this.calls.draftingRefusal(call) : null;
    if (refusal) throw refusal;
  }

  /**
   * Đúng đối tượng: the file's establishment and request meet the conditions of the activity's rule
   * in force today; otherwise 409 NOT_ELIGIBLE with every reason. What the establishment was
   * approved counts the files decided for it under the same activity in the file's fiscal year.
   */
  private async assertEligible(actor: Actor, app: Application, rule: RuleInForce): Promise<void> {
    const { establishmentKinds, maxSupportPerEstablishmentPerYear, requiresCommuneCode } = rule.eligibility;
    if (establishmentKinds === null && maxSupportPerEstablishmentPerYear === null && !requiresCommuneCode) return;
    const establishment = await this.establishments.findOwned(actor.id, app.establishmentId);
    if (!establishment) throw ValidationFailed.field('establishmentId', 'không có cơ sở này trong các cơ sở bạn đã đăng ký');
    const approvedThisYear = maxSupportPerEstablishmentPerYear === null ? new Money(0) : await this.approvedForEstablishment(app);
    const reasons = this.catalogue.eligibilityReasons({
      eligibility: rule.eligibility,
      capCurrency: rule.capCurrency,
      establishmentKind: establishment.kind,
      communeCode: app.communeCode,
      requestedSupport: app.requestedSupport,
      approvedThisYear,
      fiscalYear: app.fiscalYear,
      currency: app.currency,
    });
    if (reasons.length) {
      throw new ApplicationError('NOT_ELIGIBLE', `Hồ sơ không đủ điều kiện hỗ trợ của hoạt động "${rule.name}": ${reasons.map((r) => r.message).join('; ')}.`, reasons);
    }
  }

  /** The support approved for the file's establishment under its activity in its fiscal year, its own file aside. */
  private async approvedForEstablishment(app: Application): Promise<Decimal> {
    const row = await this.tx.manager
      .createQueryBuilder(Application, 'a')
      .select('COALESCE(SUM(a.approved_support), 0)', 'total')
      .where('a.establishment_id = :establishmentId AND a.fiscal_year = :year AND a.activity_type_code = :code AND a.currency = :currency', {
        establishmentId: app.establishmentId,
        year: app.fiscalYear,
        code: app.activityTypeCode,
        currency: app.currency,
      })
      .andWhere('a.status IN (:...approved)', { approved: APPROVED_STATUSES })
      .andWhere('a.id <> :id', { id: app.id })
      .getRawOne<{ total: string | number }>();
    return new Money(String(row?.total ?? 0));
  }

  private async fundFor(code: string): Promise<FundInfo> {
    const fund = await this.funds.find(code);
    if (!fund) throw ValidationFailed.field('fundCode', 'không có nguồn kinh phí với mã này');
    return fund;
  }

  private async ruleToday(code: string, fund: FundInfo): Promise<RuleInForce> {
    const today = this.clock.today();
    const rule = await this.catalogue.findRuleFor(code, fund.source, today);
    if (rule) return this.catalogue.inCurrency(rule, fund.currency, today);
    const known = await this.catalogue.codeExists(code);
    throw ValidationFailed.field(
      'activityTypeCode',
      known ? `chưa có quy định hỗ trợ có hiệu lực ngày ${today} cho nguồn kinh phí này` : 'không có loại hoạt động này',
    );
  }

  /** Parses the cost lines in the file's currency, computes the figures onto `app`, returns the rows to insert. */
  private costLines(app: Application, input: CostLineDto[], rule: RuleInForce): CostLine[] {
    const parsed = input.map((line, i) => ({
      description: line.description.trim(),
      quantity: new Money(line.quantity),
      unitPrice: parseMoney(line.unitPrice, { field: `costLines[${i}].unitPrice`, currency: app.currency }),
      eligible: line.eligible,
    }));
    const totals = totalsOf({ lines: parsed, rule, currency: app.currency });
    Object.assign(app, { totalCost: totals.totalCost, eligibleCost: totals.eligibleCost, maxSupport: totals.maxSupport, ruleId: rule.id });
    return parsed.map((line, i) =>
      Object.assign(new CostLine(), { id: newId(), applicationId: app.id, lineNo: i + 1, ...line, amount: totals.lineAmounts[i] }),
    );
  }

  private applyTotals(app: Application, lines: CostLine[], rule: RuleInForce): void {
    const totals = totalsOf({ lines, rule, currency: app.currency });
    Object.assign(app, { totalCost: totals.totalCost, eligibleCost: totals.eligibleCost, maxSupport: totals.maxSupport, ruleId: rule.id });
  }

  private figures(app: Application) {
    return {
      totalCost: app.totalCost,
      eligibleCost: app.eligibleCost,
      maxSupport: app.maxSupport,
      requestedSupport: app.requestedSupport,
      ruleId: app.ruleId,
    };
  }
}

/** The statuses of a file a leader approved that still holds its support (not cancelled). */
const APPROVED_STATUSES: ApplicationStatus[] = ['approved', 'contracted', 'accepted', 'settlement_submitted', 'settled'];

/** Fields a file always has once created (the others may be cleared with null while drafting). */
const REQUIRED_ON_FILE = ['establishmentId', 'activityTypeCode', 'fiscalYear', 'fundCode', 'title', 'costLines'] as const;

function assertDates(app: Application): void {
  if (app.startDate && app.endDate && app.endDate < app.startDate) {
    throw ValidationFailed.field('endDate', 'không được trước ngày bắt đầu');
  }
}
