import { Inject, Injectable } from '@nestjs/common';
import { Actor, hasRole, isStaff } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { Money } from '../../common/money/decimal';
import { AppConfig } from '../../config/app-config';
import { ApplicationsService } from '../../modules/applications/applications.service';
import { ApplicationDecisionService } from '../../modules/applications/application-decision.service';
import { ApplicationReviewService } from '../../modules/applications/application-review.service';
import type { ApplicationView } from '../../modules/applications/application.view';
import { ConflictDeclarationsService } from '../../modules/applications/conflict-declarations.service';
import { consultedUnitOffers } from '../../modules/applications/consultations.service';
import { FileNamesService } from '../../modules/applications/file-names.service';
import { BudgetService } from '../../modules/budget/budget.service';
import { BudgetSetupService } from '../../modules/budget/budget-setup.service';
import { HolidayCalendarService } from '../../modules/calendar/holiday-calendar.service';
import { CatalogueService } from '../../modules/catalogue/catalogue.service';
import { ContractsService } from '../../modules/disbursements/contracts.service';
import { DisbursementsService } from '../../modules/disbursements/disbursements.service';
import { EstablishmentsService } from '../../modules/establishments/establishments.service';
import { DelegationService } from '../../modules/identity/delegation.service';
import { RecoveryService } from '../../modules/settlement/recovery.service';
import { SettlementService } from '../../modules/settlement/settlement.service';
import { OFFICIAL_DOCUMENT_SHORT_LABELS } from '../../modules/document-register/document-register.labels';
import { OfficialPapersService } from '../../modules/official-documents/official-papers.service';
import { moneyVi } from '../web-views';
import { ApiLinks } from '../api-links';
import { WebIdempotency } from '../forms/web-idempotency.service';
import { DirectoryService } from './directory.service';
import { askedOfOwner } from './owner-requests';
import { OUTCOME_FIELDS, OUTCOME_LABELS } from '../../modules/disbursements/disbursements.labels';

/** The statement of a settlement, when the API serves it. */
export const STATEMENT_ROUTE = '/api/v1/settlements/:id/statement.pdf';

/** A paper of the file, when the API serves it (the browser's session reads it). */
export const PAPER_ROUTE = '/api/v1/applications/:id/official-documents/:type';

/** A paper's line on the file page: its number and how it was signed, and its two downloads. */
export interface PaperLink {
  label: string;
  number: string;
  issuedAt: string;
  signingTitle: string;
  pdfUrl: string;
  docxUrl: string;
}

/**
 * What the file page shows: the file with its timeline, documents, consultations and appraisals,
 * its contract, money and settlement, and the actions the user may take now, each read through
 * the service the API uses with the same actor.
 */
@Injectable()
export class FilePageService {
  constructor(
    private readonly clock: Clock,
    private readonly applications: ApplicationsService,
    private readonly establishments: EstablishmentsService,
    private readonly catalogue: CatalogueService,
    private readonly budget: BudgetService,
    private readonly budgetSetup: BudgetSetupService,
    private readonly contracts: ContractsService,
    private readonly disbursements: DisbursementsService,
    private readonly settlements: SettlementService,
    private readonly recoveries: RecoveryService,
    private readonly delegations: DelegationService,
    private readonly decisions: ApplicationDecisionService,
    private readonly review: ApplicationReviewService,
    private readonly directory: DirectoryService,
    private readonly idempotency: WebIdempotency,
    private readonly apiLinks: ApiLinks,
    private readonly conflicts: ConflictDeclarationsService,
    private readonly fileNames: FileNamesService,
    private readonly papers: OfficialPapersService,
    private readonly calendar: HolidayCalendarService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async model(actor: Actor, id: string): Promise<Record<string, unknown>> {
    const app = await this.applications.get(actor, id);
    const today = this.clock.today();
    const seesMoney = hasRole(actor, 'officer', 'finance', 'auditor', 'applicant');
    const [establishment, works, disbursements, settlements, recoveries, rules, names, onFile, mayDecide, funds, declarations, mayCancel, room, blockers, issued, totals] = await Promise.all([
      this.establishments.get(actor, app.establishmentId),
      this.contracts.contractAndAcceptance(actor, app.id),
      seesMoney ? this.disbursements.list(actor, { applicationId: app.id, page: 1, pageSize: 200 }).then((p) => p.items) : Promise.resolve([]),
      this.settlements.list(actor, { applicationId: app.id, page: 1, pageSize: 5 }).then((p) => p.items),
      this.recoveries.list(actor, { applicationId: app.id, page: 1, pageSize: 20 }).then((p) => p.items),
      this.catalogue.listInForce(actor, { code: app.activityTypeCode, on: app.decisionDate ?? undefined }),
      this.directory.for(actor),
      this.fileNames.namesOnFile(actor, app),
      this.mayDecide(actor, app),
      this.budget.listFunds(actor),
      isStaff(actor) ? this.conflicts.list(actor, app.id) : Promise.resolve([]),
      this.mayCancel(actor, app),
      this.requestRoom(actor, app),
      this.applications.blockersOf(actor, app),
      this.apiLinks.has('GET', PAPER_ROUTE) ? this.papers.list(actor, app.id) : Promise.resolve([]),
      this.disbursements.totalsForFile(app.id),
    ]);
    const mine = declarations.filter((d) => d.userId === actor.id);
    const actions = await this.applications.offeredActions(actor, app, {
      mayDecide,
      declaredByMe: mine.length > 0,
      conflictDeclared: mine.some((d) => d.hasConflict),
      advanceRoom: new Money(room.advance).gt(0),
      paymentRoom: new Money(room.payment).gt(0),
      pendingRequests: totals.pending > 0,
    });
    if (!mayCancel) actions.delete('cancel');
    // A leader sends back, like cancelling, only inside their own field of work (the service checks it again).
    if (!mayCancel && app.status === 'initialed') actions.delete('sendBack');
    // So does a leader (not a head, who may change the officer as one) change an assignment.
    if (!mayCancel && hasRole(actor, 'leader') && !hasRole(actor, 'head')) actions.delete('reassign');
    // The rule of the file's fund source, or the one for every source (as the catalogue chooses).
    const source = funds.find((f) => f.code === app.fundCode)?.source;
    const rule = rules.find((r) => r.fundSource === source) ?? rules.find((r) => r.fundSource === null) ?? null;
    const settlement = settlements[0] ?? null;
    const proposedDueDates = await this.proposedDueDates(actions, today);
    // The recommendation draws from a unit holding the file's fund money of its year: only those, with what they still have.
    const allocationUnits = actions.has('recommend')
      ? (await this.budgetSetup.fundedUnits(actor, app.fundCode, app.fiscalYear)).map((u) => ({ id: u.unitId, name: `${names.unitName(u.unitId)} — còn ${moneyVi(u.available, u.currency)}` }))
      : [];
    // Assigning, a head chooses among their own unit and those below it (the rule assign holds them to).
    const leadUnits = actions.has('assign') || actions.has('reassign') ? await this.review.leadUnitChoices(actor) : null;
    const officers = names.staff.filter((p) => p.roles.includes('officer'));
    const acceptance = works.acceptance;
    return {
      title: app.title,
      app,
      establishment,
      fundName: funds.find((f) => f.code === app.fundCode)?.name ?? null,
      contract: works.contract,
      acceptance,
      // The outcomes an acceptance records (the acceptance form asks for them; a passed one shows them).
      outcomeFields: OUTCOME_FIELDS.map((field) => ({ field, label: OUTCOME_LABELS[field] })),
      disbursements,
      settlement,
      recoveries,
      rule,
      // The documents the rule asks for before submission, and whether the file carries each.
      requiredDocuments: (rule?.requiredDocumentKinds ?? []).map((kind) => ({ kind, attached: (app.documents ?? []).some((d) => d.kind === kind) })),
      blockers,
      opensYears: hasRole(actor, 'finance'),
      advanceLimit:
        app.approvedSupport && rule
          ? this.disbursements.advanceLimit({ approvedSupport: app.approvedSupport, advanceRate: rule.advanceRate, currency: app.currency })
          : null,
      actions: Object.fromEntries([...actions].map((a) => [a, true])),
      // The most the offered request may be now (the form says so).
      requestRoom: actions.has('requestAdvance') ? room.advance : actions.has('requestPayment') ? room.payment : null,
      asked: askedOfOwner(app, acceptance?.settlementDueDate ?? null, today),
      consultations: (app.consultations ?? []).map((c) => {
        const unit = consultedUnitOffers(actor, c, today);
        return {
          ...c,
          unitName: onFile.units[c.unitId] ?? '—',
          canAnswer: unit.answer,
          // Đề nghị gia hạn: the unit's staff, once, on or before the due date.
          canRequestExtension: unit.requestExtension,
          // The file's officer or head, while the request awaits them (the same policy as the use case).
          canDecideExtension: actions.has('decideExtension') && c.awaitingExtensionDecision,
        };
      }),
      // Điều 13.4: a consulted unit's "disagree" goes up to whoever decides; shown first on the page.
      disagreements: isStaff(actor) ? app.disagreements.map((d) => ({ ...d, unitName: d.unitName ?? onFile.units[d.unitId] ?? '—' })) : [],
      appraisals: (app.appraisals ?? []).map((a) => ({ ...a, memberName: onFile.people[a.memberId] ?? '—' })),
      // Names the file's own service resolves: a producer sees them too, without the staff directory.
      leadUnitName: onFile.leadUnit ?? '—',
      allocationUnitName: onFile.allocationUnit ?? '—',
      officerName: onFile.officer,
      communeName: onFile.commune,
      officers,
      units: names.units,
      assignUnits: leadUnits ? names.units.filter((u) => leadUnits.includes(u.id)) : names.units,
      assignOfficers: leadUnits ? officers.filter((p) => p.unitId !== null && leadUnits.includes(p.unitId)) : officers,
      allocationUnits,
      statementUrl:
        settlement?.status === 'approved' && this.apiLinks.has('GET', STATEMENT_ROUTE) ? STATEMENT_ROUTE.replace(':id', settlement.id) : null,
      // Kê khai xung đột lợi ích: staff read them (on the decision form too); who acts on files declares once.
      conflictDeclarations: declarations,
      mayDeclare: actions.has('declare'),
      ...this.paperLinks(app.id, issued),
      proposedDueDates,
      disbursementKey: this.idempotency.newKey(),
      isStaff: isStaff(actor),
      // Phân loại cơ sở: staff see whether it is verified and by whom; an officer or head verifies it here.
      classificationVerifier: isStaff(actor) && establishment.classificationVerifiedBy ? names.personName(establishment.classificationVerifiedBy) : '',
      mayVerifyClassification: hasRole(actor, 'officer', 'head') && establishment.classificationVerifiedAt === null,
      mayClassify: establishment.ownerId === actor.id,
    };
  }

  /**
   * The due dates the forms of the steps offered now propose: today plus the configured working
   * days (weekends and the holiday calendar skipped). The user may pick another date.
   */
  private async proposedDueDates(actions: ReadonlySet<string>, today: string): Promise<Record<string, { date: string; hint: string }>> {
    const days: Record<string, number> = {
      assign: this.config.PROCESSING_WORKING_DAYS,
      consult: this.config.CONSULTATION_WORKING_DAYS,
      return: this.config.SUPPLEMENT_WORKING_DAYS,
    };
    const offered = Object.keys(days).filter((step) => actions.has(step));
    if (offered.length === 0) return {};
    const calendar = await this.calendar.calendar();
    return Object.fromEntries(
      offered.map((step) => [
        step,
        { date: calendar.addWorkingDays(today, days[step]), hint: `Đề xuất ${days[step]} ngày làm việc kể từ hôm nay (tính theo ngày làm việc, không kể thứ Bảy, Chủ nhật và ngày lễ).` },
      ]),
    );
  }

  /**
   * The papers the file's steps issued, each behind its buttons at the step that issued it: the
   * latest of each type, and the payment request of each disbursement.
   */
  private paperLinks(id: string, issued: Awaited<ReturnType<OfficialPapersService['list']>>): { papers: Record<string, PaperLink>; paymentRequests: Record<string, PaperLink> } {
    const link = (e: (typeof issued)[number]): PaperLink => {
      const url = `${PAPER_ROUTE.replace(':id', id).replace(':type', e.type)}${e.disbursementId ? `?disbursementId=${e.disbursementId}&` : '?'}format=`;
      return { label: OFFICIAL_DOCUMENT_SHORT_LABELS[e.type], number: e.number, issuedAt: e.issuedAt, signingTitle: e.signingTitle.join(' / '), pdfUrl: `${url}pdf`, docxUrl: `${url}docx` };
    };
    const papers: Record<string, PaperLink> = {};
    const paymentRequests: Record<string, PaperLink> = {};
    for (const e of issued) {
      if (e.type === 'payment-request' && e.disbursementId) paymentRequests[e.disbursementId] = link(e);
      else papers[e.type] = link(e);
    }
    return { papers, paymentRequests };
  }

  /**
   * Whether the decision service would take this user's decision now: the checks it asks first
   * (capacity and field, the file's state, conflicts of interest of the actor and of the leader
   * behind a delegate, maker-checker for both), through the one rule `judge` uses.
   */
  private async mayDecide(actor: Actor, app: ApplicationView): Promise<boolean> {
    if (app.status !== 'initialed' || !isStaff(actor)) return false;
    return (await this.decisions.decisionRefusals(actor, [app.id])).get(app.id) === null;
  }

  /**
   * How much an advance and a payment requested now may be, as the disbursements service checks
   * them: asked only of staff who request payments, on a file in a state that takes one.
   */
  private async requestRoom(actor: Actor, app: ApplicationView): Promise<{ advance: string; payment: string }> {
    const takesRequests = ['approved', 'contracted', 'accepted', 'settlement_submitted'].includes(app.status);
    if (!takesRequests || !hasRole(actor, 'officer', 'head', 'finance')) return { advance: '0', payment: '0' };
    return this.disbursements.requestRoom(actor, app.id);
  }

  /** Whether a leader's own field of work holds the file, as cancelling it requires (the decision service checks it again). */
  private async mayCancel(actor: Actor, app: ApplicationView): Promise<boolean> {
    return hasRole(actor, 'leader') && this.delegations.withinOwnField(actor, app);
  }
}
