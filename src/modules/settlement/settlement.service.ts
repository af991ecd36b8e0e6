import { Injectable, StreamableFile } from '@nestjs/common';
import { In } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { PdfService } from '../../rendering/pdf/pdf.service';
import { settlementStatement } from './settlement-statement.document';
import { Actor, hasRole } from '../../common/auth/actor';
import { requireRole } from '../../common/auth/access';
import { assertNotMakerChecker } from '../../common/auth/maker-checker';
import { Clock } from '../../common/clock';
import { DomainError, NotFound, ValidationFailed } from '../../common/http/domain-error';
import { Page, pageOf } from '../../common/http/page';
import { isId, newId } from '../../common/ids';
import { Money } from '../../common/money/decimal';
import { formatMoneyVi } from '../../common/money/format-vi';
import { parseMoney, sumMoney } from '../../common/money/money';
import { moneyColumnProblem } from '../../common/money/money-column';
import { TransactionRunner } from '../../database/transaction';
import { AuditService } from '../audit/audit.service';
import { ApplicationFiles, FileFacts } from '../applications/application-files';
import { BudgetService } from '../budget/budget.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import { DisbursementsService } from '../disbursements/disbursements.service';
import { ContractsService } from '../disbursements/contracts.service';
import { EstablishmentsService } from '../establishments/establishments.service';
import { UsersService } from '../identity/users.service';
import { DelegationService } from '../identity/delegation.service';
import { LedgerService } from '../ledger/ledger.service';
import { DocumentRegisterService } from '../document-register/document-register.service';
import { SubmitSettlementDto } from './dto/settlement.dto';
import { Recovery } from './recovery.entity';
import { SettlementError } from './settlement.error';
import { missingVouchers, settle, SettlementStanding, settlementStanding } from './settlement.rules';
import { Settlement, SettlementLine } from './settlement.entity';
import { SettlementSignatories, SettlementView, toSettlementView } from './settlement.view';
import { NotificationOutbox } from '../notifications/notification-outbox.service';
import { recoveryNotice } from './recovery-notices.rules';

/**
 * Quyết toán: the owner files actual costs; finance checks (first approval); a leader, or a
 * delegate, who did not check it approves (second), fixing the final support by the rule in force
 * on the decision date. In the same transaction: what is left of the commitment beyond the final
 * payment goes back to the unit, a final payment or a recovery order is opened, and the file is
 * settled when nothing is left to pay or receive.
 */
@Injectable()
export class SettlementService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly files: ApplicationFiles,
    private readonly catalogue: CatalogueService,
    private readonly budget: BudgetService,
    private readonly ledger: LedgerService,
    private readonly disbursements: DisbursementsService,
    private readonly contracts: ContractsService,
    private readonly establishments: EstablishmentsService,
    private readonly users: UsersService,
    private readonly delegations: DelegationService,
    private readonly pdf: PdfService,
    private readonly config: AppConfig,
    private readonly outbox: NotificationOutbox,
    private readonly papers: DocumentRegisterService,
  ) {}

  async submit(actor: Actor, applicationId: string, dto: SubmitSettlementDto): Promise<SettlementView> {
    const capacity = requireRole(actor, 'applicant');
    return this.tx.run(async (em) => {
      const app = await this.files.findVisible(actor, applicationId, { lock: true });
      if (app.ownerId !== actor.id) throw new NotFound('Hồ sơ');
      this.files.assertMayStep(app, 'submit_settlement', 'applicant');
      const vouchers = missingVouchers(dto.actualCostLines);
      if (vouchers.length) throw new ValidationFailed(vouchers, 'Quyết toán thiếu số chứng từ: mỗi khoản chi được hỗ trợ phải ghi số hóa đơn, chứng từ.');
      const amounts = dto.actualCostLines.map((line, i) => parseMoney(line.amount, { field: `actualCostLines[${i}].amount`, currency: app.currency, allowZero: true }));
      // The eligible cost is part of the total: the total fitting its column is enough.
      const tooLarge = moneyColumnProblem(sumMoney(amounts));
      if (tooLarge) throw ValidationFailed.field('actualCostLines', `chi phí thực tế: ${tooLarge}`);
      const dueDate = await this.contracts.settlementDueDate(app.id);
      const settlement = em.create(Settlement, {
        id: newId(),
        applicationId: app.id,
        status: 'submitted',
        actualTotalCost: sumMoney(amounts),
        actualEligibleCost: sumMoney(amounts.filter((_, i) => dto.actualCostLines[i].eligible)),
        dueDate,
        submittedBy: actor.id,
        submittedAt: this.clock.now(),
      });
      if (await em.findOne(Settlement, { where: { applicationId: app.id } })) {
        throw new SettlementError('DUPLICATE', 'Hồ sơ này đã nộp quyết toán.');
      }
      await em.insert(Settlement, settlement);
      const lines = dto.actualCostLines.map((line, i) =>
        em.create(SettlementLine, {
          id: newId(),
          settlementId: settlement.id,
          lineNo: i + 1,
          description: line.description,
          amount: amounts[i],
          eligible: line.eligible,
          documentRef: line.documentRef?.trim() || null,
        }),
      );
      await em.insert(SettlementLine, lines);
      const view = await this.view(settlement, app.currency);
      await this.files.step(em, {
        file: app,
        action: 'submit_settlement',
        role: 'applicant',
        actor,
        capacity,
        note: `Nộp quyết toán: chi phí thực tế ${formatMoneyVi(settlement.actualTotalCost, app.currency)}, trong đó hợp lệ ${formatMoneyVi(settlement.actualEligibleCost, app.currency)}`,
        after: { settlementId: settlement.id, actualEligibleCost: view.actualEligibleCost },
      });
      return view;
    });
  }

  /** First call by finance checks the file; the second, by a leader or delegate, approves it. */
  async approve(actor: Actor, id: string): Promise<SettlementView> {
    return this.tx.run(async (em) => {
      const { settlement, app } = await this.lockForAction(actor, id);
      if (settlement.status === 'submitted') return this.check(actor, settlement, app);
      if (settlement.status === 'checked') return this.decide(actor, settlement, app);
      throw new SettlementError('INVALID_STATE', 'Quyết toán này đã được phê duyệt.');
    });
  }

  /**
   * Whether `approve` would take the settlement's next step for the actor now (finance's check, or
   * the approval: the same checks as `approve`, the capacity, field of work, maker-checker and
   * pending requests included), writing nothing. For the page, which offers the step only then.
   */
  async mayApprove(actor: Actor, id: string): Promise<boolean> {
    const { settlement, app } = await this.findVisible(actor, id);
    try {
      if (settlement.status === 'submitted') this.assertMayCheck(actor);
      else if (settlement.status === 'checked') await this.approvalTerms(actor, settlement, app, { lock: false });
      else return false;
      return true;
    } catch (error) {
      if (error instanceof DomainError) return false;
      throw error;
    }
  }

  private assertMayCheck(actor: Actor): void {
    if (!hasRole(actor, 'finance')) throw new SettlementError('FORBIDDEN', 'Bộ phận tài chính kiểm tra quyết toán trước khi lãnh đạo phê duyệt.');
  }

  private async check(actor: Actor, settlement: Settlement, app: FileFacts): Promise<SettlementView> {
    this.assertMayCheck(actor);
    const before = { status: settlement.status };
    settlement.status = 'checked';
    settlement.checkedBy = actor.id;
    settlement.checkedAt = this.clock.now();
    await this.tx.manager.save(Settlement, settlement);
    this.audit.record({ actor, capacity: 'finance', action: 'settlement.check', entity: 'settlement', entityId: settlement.id, before, after: { status: settlement.status } });
    return this.view(settlement, app.currency);
  }

  /**
   * Who may approve a checked settlement and on what terms, the one rule `decide` and `mayApprove`
   * share: not whoever filed or checked it; no disbursement request of the file still waiting;
   * the final support by the rule in force on the decision date; a leader inside their field, or
   * a delegate whose delegation covers the file, and then not on what the delegator checked.
   * Throws the refusal. With `lock`, the commitment row is locked for the posting that follows.
   */
  private async approvalTerms(actor: Actor, settlement: Settlement, app: FileFacts, { lock }: { lock: boolean }) {
    const earlierSteps = { checkedBy: settlement.checkedBy, preparedBy: settlement.submittedBy };
    assertNotMakerChecker(actor.id, earlierSteps);
    const { pending, paid } = await this.disbursements.totalsForFile(app.id);
    if (pending > 0) {
      throw new SettlementError('INVALID_STATE', 'Còn khoản chi đang chờ duyệt hoặc chờ chi; hãy xử lý trước khi phê duyệt quyết toán.');
    }
    const rule = await this.catalogue.ruleIn(app.activityTypeCode, app.fundSource, app.decisionDate!, app.currency);
    const books = await this.budget.applicationBooks(app);
    const commitment = { kind: 'commitment' as const, unitId: app.allocationUnitId, applicationId: app.id };
    const committed = await this.ledger.balance(books, commitment, { lock });
    const figures = settle({
      approvedSupport: app.approvedSupport!,
      supportRate: rule.supportRate,
      supportCap: rule.supportCap,
      actualEligibleCost: settlement.actualEligibleCost,
      paid,
      committed,
      currency: app.currency,
    });
    const decision = await this.delegations.decisionCapacity(actor, {
      amount: figures.finalSupport,
      currency: app.currency,
      activityTypeCode: app.activityTypeCode,
      unitIds: await this.files.leadLineOf(app),
      on: this.clock.now(),
    });
    const capacity = decision.capacity;
    const onBehalfOf = decision.capacity === 'delegated' ? decision.onBehalfOf : null;
    // A delegate decides with the leader's authority, so not on what that leader checked.
    if (onBehalfOf) assertNotMakerChecker(onBehalfOf, earlierSteps);
    return { rule, books, figures, capacity, onBehalfOf };
  }

  private async decide(actor: Actor, settlement: Settlement, app: FileFacts): Promise<SettlementView> {
    const em = this.tx.manager;
    const { rule, books, figures, capacity, onBehalfOf } = await this.approvalTerms(actor, settlement, app, { lock: true });
    const reference = `QT ${app.decisionNo ?? app.id}`.slice(0, 120);
    if (figures.recommitted.gt(0)) {
      // A year close released the commitment instead of carrying it over: the final payment the
      // settlement decides is committed anew from the unit's allocation of the open year.
      await this.budget.recommitShortfall({ books, applicationId: app.id, unitId: app.allocationUnitId!, needed: figures.finalPayment, actor, capacity, reference });
    }
    if (figures.released.gt(0)) {
      await this.budget.releaseCommitment({
        fundCode: app.fundCode,
        fiscalYear: app.fiscalYear,
        applicationId: app.id,
        unitId: app.allocationUnitId!,
        amount: figures.released,
        actor,
        capacity,
        reference,
      });
    }
    const before = { status: settlement.status };
    Object.assign(settlement, {
      status: 'approved',
      approvedBy: actor.id,
      approvedAt: this.clock.now(),
      approvedCapacity: capacity,
      approvedOnBehalfOf: onBehalfOf,
      ruleId: rule.id,
      supportRate: rule.supportRate,
      supportCap: rule.supportCap,
      approvedSupport: app.approvedSupport,
      finalSupport: figures.finalSupport,
      paidAtApproval: figures.paid,
      balanceAtApproval: figures.balance,
      released: figures.released,
    });
    if (figures.finalPayment.gt(0)) {
      const finalPayment = await this.disbursements.requestFinalPayment(actor, capacity, app, figures.finalPayment, onBehalfOf);
      settlement.finalPaymentId = finalPayment.id;
    }
    if (figures.recovery.gt(0)) {
      const recovery = em.create(Recovery, {
        id: newId(),
        applicationId: app.id,
        settlementId: settlement.id,
        origin: 'settlement',
        fundId: books.fundId,
        fiscalYear: books.fiscalYear,
        unitId: app.allocationUnitId!,
        amount: figures.recovery,
        received: new Money(0),
        status: 'open',
        createdAt: this.clock.now(),
        closedAt: null,
      });
      await em.insert(Recovery, recovery);
      settlement.recoveryId = recovery.id;
      this.outbox.record(recoveryNotice({ file: app, amount: figures.recovery, reason: 'Theo quyết toán được phê duyệt, số đã chi vượt mức hỗ trợ cuối cùng.' }));
    }
    await em.save(Settlement, settlement);
    // The settlement record, and the recovery notice when money is owed back (sổ văn bản đi).
    const signer = { id: actor.id, capacity, onBehalfOf };
    await this.papers.register(em, { type: 'settlement', file: app, signer });
    if (settlement.recoveryId) await this.papers.register(em, { type: 'recovery-notice', file: app, signer });
    const view = await this.view(settlement, app.currency);
    this.audit.record({ actor, capacity, onBehalfOf, action: 'settlement.approve', entity: 'settlement', entityId: settlement.id, before, after: view });
    const money = (v: Money) => formatMoneyVi(v, app.currency);
    const note = [
      `Phê duyệt quyết toán: kinh phí hỗ trợ cuối cùng ${money(figures.finalSupport)}, đã chi ${money(figures.paid)}`,
      figures.finalPayment.gt(0) ? `còn phải chi ${money(figures.finalPayment)}` : null,
      figures.recovery.gt(0) ? `phải thu hồi ${money(figures.recovery)}` : null,
      figures.released.gt(0) ? `hoàn trả đơn vị ${money(figures.released)}` : null,
    ]
      .filter(Boolean)
      .join('; ');
    // Settled now when nothing is left to pay or receive; otherwise the step is on the timeline and
    // the file settles when the final payment is paid or the recovery fully received.
    await this.files.step(em, {
      file: app,
      action: 'settle',
      role: hasRole(actor, 'leader') ? 'leader' : 'finance',
      moves: figures.balance.isZero(),
      actor,
      capacity,
      onBehalfOf,
      note,
    });
    return view;
  }

  /** Settlements the actor may see (a producer their own files'), newest first; `applicationId` and `status` filter. */
  async list(actor: Actor, query: { applicationId?: string; status?: Settlement['status']; page: number; pageSize: number }): Promise<Page<SettlementView>> {
    const qb = await this.files.rowsOfVisibleFiles(Settlement, 's', actor);
    if (query.applicationId) qb.andWhere('s.application_id = :applicationId', { applicationId: query.applicationId });
    if (query.status) qb.andWhere('s.status = :status', { status: query.status });
    const total = await qb.getCount();
    const { entities, raw } = await qb
      .orderBy('s.id', 'DESC')
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .getRawAndEntities<{ currency: string }>();
    const [lines, standings] = await Promise.all([this.linesOf(entities), this.standingsFor(entities)]);
    const items = entities.map((s, i) => toSettlementView(s, lines.get(s.id) ?? [], raw[i].currency, standings.get(s.id)!));
    return pageOf(items, total, query);
  }

  /** The settlement statement (biên bản quyết toán) as a PDF, for the owner and staff. */
  async statement(actor: Actor, id: string): Promise<StreamableFile> {
    const { settlement, app } = await this.findVisible(actor, id);
    const em = this.tx.manager;
    const [lines, establishment, rule] = await Promise.all([
      em.find(SettlementLine, { where: { settlementId: settlement.id }, order: { lineNo: 'ASC' } }),
      this.establishments.findVisible(actor, app.establishmentId).catch(() => null),
      this.catalogue.findRuleFor(app.activityTypeCode, app.fundSource, app.decisionDate ?? this.clock.today()),
    ]);
    const { checkedBy, approvedBy: approver, approvedOnBehalfOf: principal } = await this.namesOf(settlement);
    const registered = settlement.status === 'approved' ? (await this.papers.entriesOfFile(app.id)).filter((e) => e.type === 'settlement').at(-1) : undefined;
    const definition = settlementStatement({
      issuingBody: this.config.ISSUING_BODY,
      place: this.config.ISSUING_PLACE,
      date: this.clock.today(),
      application: { title: app.title, decisionNo: app.decisionNo, decisionDate: app.decisionDate, activityName: rule?.name ?? app.activityTypeCode, currency: app.currency },
      beneficiary: { name: establishment?.name ?? '', taxCode: establishment?.taxCode ?? '', address: establishment?.address ?? '' },
      // The statement records the approval: its figures are those decided then.
      settlement: { ...settlement, paid: settlement.paidAtApproval, balance: settlement.balanceAtApproval, lines },
      signers: {
        preparedBy: checkedBy,
        checkedBy: null,
        approvedBy: approver && principal ? `${approver} (ủy quyền của ${principal})` : approver,
        approvedTitle: registered?.signingTitle ?? null,
      },
      number: registered?.number,
    });
    return new StreamableFile(await this.pdf.render(definition), {
      type: 'application/pdf',
      disposition: `inline; filename="quyet-toan-${settlement.id}.pdf"`,
    });
  }

  /** Who checked and who approved the settlement, by name (for its page: the producer reads them too). */
  async signatories(actor: Actor, id: string): Promise<SettlementSignatories> {
    const { settlement } = await this.findVisible(actor, id);
    return this.namesOf(settlement);
  }

  private async namesOf(settlement: Settlement): Promise<SettlementSignatories> {
    const userIds = [settlement.checkedBy, settlement.approvedBy, settlement.approvedOnBehalfOf].filter((x): x is string => Boolean(x));
    const names = await this.users.fullNamesOf(userIds);
    const name = (userId: string | null) => (userId ? (names.get(userId) ?? null) : null);
    return { checkedBy: name(settlement.checkedBy), approvedBy: name(settlement.approvedBy), approvedOnBehalfOf: name(settlement.approvedOnBehalfOf) };
  }

  async get(actor: Actor, id: string): Promise<SettlementView> {
    const { settlement, app } = await this.findVisible(actor, id);
    return this.view(settlement, app.currency);
  }

  /**
   * What each settlement says now, read from the records (`settlementStanding`): paid from the
   * file's disbursements, recovered from its recovery order's receipts. The API, the pages and the
   * annual report all read it here, so none keeps the figures of the moment of approval.
   * Settlements not found are absent. For use cases that already checked their caller.
   */
  async standingsOf(settlementIds: readonly string[]): Promise<Map<string, SettlementStanding>> {
    if (settlementIds.length === 0) return new Map();
    const settlements = await this.tx.manager.find(Settlement, { where: { id: In([...settlementIds]) } });
    return this.standingsFor(settlements);
  }

  private async standingsFor(settlements: readonly Settlement[]): Promise<Map<string, SettlementStanding>> {
    if (settlements.length === 0) return new Map();
    const ids = settlements.map((s) => s.id);
    const [paid, recoveries] = await Promise.all([
      this.disbursements.paidByFile(settlements.map((s) => s.applicationId)),
      this.tx.manager.query(
        `SELECT settlement_id, SUM(received) AS received FROM recoveries WHERE settlement_id IN (${ids.map(() => '?').join(',')}) GROUP BY settlement_id`,
        ids,
      ) as Promise<Array<{ settlement_id: string; received: string }>>,
    ]);
    const received = new Map(recoveries.map((r) => [r.settlement_id, new Money(r.received)]));
    return new Map(
      settlements.map((s) => [
        s.id,
        settlementStanding({
          finalSupport: s.status === 'approved' ? s.finalSupport : null,
          paid: paid.get(s.applicationId) ?? new Money(0),
          recovered: received.get(s.id) ?? new Money(0),
        }),
      ]),
    );
  }

  private async linesOf(settlements: readonly Settlement[]): Promise<Map<string, SettlementLine[]>> {
    if (settlements.length === 0) return new Map();
    const lines = await this.tx.manager.find(SettlementLine, { where: { settlementId: In(settlements.map((s) => s.id)) }, order: { settlementId: 'ASC', lineNo: 'ASC' } });
    const bySettlement = new Map<string, SettlementLine[]>();
    for (const line of lines) bySettlement.set(line.settlementId, [...(bySettlement.get(line.settlementId) ?? []), line]);
    return bySettlement;
  }

  private async view(settlement: Settlement, currency: string): Promise<SettlementView> {
    const [lines, standings] = await Promise.all([this.linesOf([settlement]), this.standingsFor([settlement])]);
    return toSettlementView(settlement, lines.get(settlement.id) ?? [], currency, standings.get(settlement.id)!);
  }

  private async lockForAction(actor: Actor, id: string) {
    const { settlement } = await this.findVisible(actor, id);
    const app = await this.files.findVisible(actor, settlement.applicationId, { lock: true });
    const locked = await this.tx.manager.findOneOrFail(Settlement, { where: { id }, lock: { mode: 'pessimistic_write' } });
    return { settlement: locked, app };
  }

  /** The settlement and its file if the actor may see them (the owner, or staff). */
  async findVisible(actor: Actor, id: string): Promise<{ settlement: Settlement; app: FileFacts }> {
    if (!isId(id)) throw new NotFound('Quyết toán');
    const settlement = await this.tx.manager.findOne(Settlement, { where: { id } });
    if (!settlement) throw new NotFound('Quyết toán');
    // A settlement of a file the actor may not see is hidden the same way: 404 for the settlement.
    const app = await this.files.findVisible(actor, settlement.applicationId).catch((error: unknown) => {
      throw error instanceof NotFound ? new NotFound('Quyết toán') : error;
    });
    return { settlement, app };
  }
}
