import { Injectable } from '@nestjs/common';
import { Actor, hasRole } from '../../common/auth/actor';
import { requireRole } from '../../common/auth/access';
import { Clock } from '../../common/clock';
import { NotFound } from '../../common/http/domain-error';
import { Page } from '../../common/http/page';
import { isId, newId } from '../../common/ids';
import { Decimal, Money, plainString } from '../../common/money/decimal';
import { formatMoneyVi } from '../../common/money/format-vi';
import { parseMoney } from '../../common/money/money';
import { TransactionRunner } from '../../database/transaction';
import { AuditService } from '../audit/audit.service';
import { ApplicationFiles, FileFacts, ListOrder } from '../applications/application-files';
import { BudgetService } from '../budget/budget.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import { LedgerService } from '../ledger/ledger.service';
import { LedgerReadService } from '../ledger/ledger-read.service';
import { DocumentRegisterService } from '../document-register/document-register.service';
import { Disbursement } from './disbursement.entity';
import { DISBURSEMENT_KIND_LABELS } from './disbursements.labels';
import { DisbursementView, toDisbursementView } from './disbursement.view';
import { DisbursementError } from './disbursements.error';
import {
  advanceLimit,
  approverRefusal,
  DisbursementCheck,
  disbursementRefusal,
  releasedByClose,
  disbursementReturnRefusal,
  DisbursementKind,
  DisbursementStatus,
  nextDisbursementStatus,
  NOT_COUNTING_STATUSES,
  RequestedBy,
  requestRoom,
} from './disbursements.rules';
import { DisbursementQuery, PayDisbursementDto, RejectDisbursementDto, RequestDisbursementDto, ReturnDisbursementDto } from './dto/disbursement.dto';
import { assertHappened } from '../../common/past-date';
import { NotificationOutbox } from '../notifications/notification-outbox.service';
import { paymentNotice } from './disbursement-notices.rules';

/**
 * Advances (tạm ứng), payments and final payments: requested by an officer or finance, approved
 * by a finance user other than the requester, paid by finance with the treasury reference. The
 * ledger moves only at payment, from the file's commitment to its beneficiary; limits are checked
 * when requested and again when paid, with the file's row locked.
 */
@Injectable()
export class DisbursementsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly files: ApplicationFiles,
    private readonly catalogue: CatalogueService,
    private readonly budget: BudgetService,
    private readonly ledger: LedgerService,
    private readonly ledgerRead: LedgerReadService,
    private readonly papers: DocumentRegisterService,
    private readonly outbox: NotificationOutbox,
  ) {}

  async request(actor: Actor, dto: RequestDisbursementDto): Promise<DisbursementView> {
    const capacity = requireRole(actor, 'officer', 'head', 'finance');
    return this.tx.run(async (em) => {
      const app = await this.files.open(actor, dto.applicationId, 'request_payment', { lock: true });
      const amount = parseMoney(dto.amount, { field: 'amount', currency: app.currency });
      const books = await this.budget.applicationBooks(app);
      await this.assertWithinLimits(app, dto.kind, amount, null);
      const disbursement = em.create(Disbursement, {
        id: newId(),
        applicationId: app.id,
        fundId: books.fundId,
        fiscalYear: books.fiscalYear,
        unitId: app.allocationUnitId!,
        kind: dto.kind,
        amount,
        status: 'requested',
        note: dto.note ?? null,
        requestedBy: actor.id,
        requestedAt: this.clock.now(),
        requestedOnBehalfOf: null,
        approvedBy: null,
        approvedAt: null,
        paidBy: null,
        paidAt: null,
        treasuryRef: null,
        valueDate: null,
        transferId: null,
        rejectedBy: null,
        rejectedReason: null,
      });
      await em.insert(Disbursement, disbursement);
      await this.papers.register(em, { type: 'payment-request', file: app, disbursementId: disbursement.id, signer: { id: actor.id, capacity } });
      const view = toDisbursementView(disbursement, app.currency);
      this.audit.record({ actor, capacity, action: `disbursement.request`, entity: 'disbursement', entityId: disbursement.id, after: view });
      return view;
    });
  }

  /**
   * Opens the final payment of an approved settlement (joins the settlement's transaction);
   * `onBehalfOf` is the leader behind a delegate's decision, who may then not approve it.
   */
  async requestFinalPayment(actor: Actor, capacity: string, app: FileFacts, amount: Decimal, onBehalfOf: string | null = null): Promise<Disbursement> {
    const books = await this.budget.applicationBooks(app);
    const disbursement = this.tx.manager.create(Disbursement, {
      id: newId(),
      applicationId: app.id,
      fundId: books.fundId,
      fiscalYear: books.fiscalYear,
      unitId: app.allocationUnitId!,
      kind: 'final',
      amount,
      status: 'requested',
      note: 'Thanh toán phần còn lại theo quyết toán',
      requestedBy: actor.id,
      requestedAt: this.clock.now(),
      requestedOnBehalfOf: onBehalfOf,
    });
    await this.tx.manager.insert(Disbursement, disbursement);
    await this.papers.register(this.tx.manager, { type: 'payment-request', file: app, disbursementId: disbursement.id, signer: { id: actor.id, capacity, onBehalfOf } });
    this.audit.record({ actor, capacity, action: 'disbursement.request', entity: 'disbursement', entityId: disbursement.id, after: toDisbursementView(disbursement, app.currency) });
    return disbursement;
  }

  async approve(actor: Actor, id: string): Promise<DisbursementView> {
    const capacity = requireRole(actor, 'finance');
    return this.tx.run(async (em) => {
      const { disbursement, app } = await this.lockForAction(actor, id);
      const refusal = approverRefusal(actor.id, disbursement);
      if (refusal) throw refusal;
      const before = toDisbursementView(disbursement, app.currency);
      disbursement.status = this.next(disbursement, 'approve');
      disbursement.approvedBy = actor.id;
      disbursement.approvedAt = this.clock.now();
      await em.save(Disbursement, disbursement);
      const view = toDisbursementView(disbursement, app.currency);
      this.audit.record({ actor, capacity, action: 'disbursement.approve', entity: 'disbursement', entityId: id, before, after: view });
      return view;
    });
  }

  /**
   * Whether `approve` would approve this request for the actor now: finance, a request still
   * waiting, and neither its requester nor the leader in whose name it was requested. For the page.
   */
  mayApprove(actor: Actor, request: Pick<DisbursementView, 'status'> & RequestedBy): boolean {
    return hasRole(actor, 'finance') && nextDisbursementStatus(request.status, 'approve') !== null && approverRefusal(actor.id, request) === null;
  }

  async reject(actor: Actor, id: string, dto: RejectDisbursementDto): Promise<DisbursementView> {
    const capacity = requireRole(actor, 'finance');
    return this.tx.run(async (em) => {
      const { disbursement, app } = await this.lockForAction(actor, id);
      if (disbursement.kind === 'final') {
        throw new DisbursementError('INVALID_STATE', 'Khoản thanh toán cuối theo quyết toán không thể từ chối; số tiền này đã được xác định khi phê duyệt quyết toán.');
      }
      const before = toDisbursementView(disbursement, app.currency);
      disbursement.status = this.next(disbursement, 'reject');
      disbursement.rejectedBy = actor.id;
      disbursement.rejectedReason = dto.reason;
      await em.save(Disbursement, disbursement);
      const view = toDisbursementView(disbursement, app.currency);
      this.audit.record({ actor, capacity, action: 'disbursement.reject', entity: 'disbursement', entityId: id, before, after: view });
      return view;
    });
  }

  /**
   * Pays an approved disbursement: checks the limits again, moves the money from the file's
   * commitment to its beneficiary, and records the treasury reference (unique) and value date.
   * Paying the final payment of a settlement settles the file.
   */
  async pay(actor: Actor, id: string, dto: PayDisbursementDto): Promise<DisbursementView> {
    const capacity = requireRole(actor, 'finance');
    return this.tx.run(async (em) => {
      const { disbursement, app } = await this.lockForAction(actor, id);
      const before = toDisbursementView(disbursement, app.currency);
      const status = this.next(disbursement, 'pay');
      assertHappened({ field: 'valueDate', date: dto.valueDate, today: this.clock.today() });
      await this.assertTreasuryRefUnused(dto.treasuryRef);
      const released = disbursement.kind === 'final' ? null : await this.assertPayable(app, disbursement);
      const books = await this.budget.applicationBooks(app);
      if (disbursement.kind === 'final' || released?.gt(0)) {
        // The settlement decided a final payment, and an interim one was approved within the
        // file's commitment; a year close since may have released that commitment instead of
        // carrying it over: what this payment lacks is committed anew in the open year (409
        // INSUFFICIENT_FUNDS naming it when the unit's allocation there cannot cover it).
        await this.budget.recommitShortfall({
          books,
          applicationId: app.id,
          unitId: app.allocationUnitId!,
          needed: disbursement.amount,
          actor,
          capacity,
          reference: dto.treasuryRef,
        });
      }
      const transfer = await this.ledger.post({
        books,
        kind: 'disbursement',
        from: { kind: 'commitment', unitId: app.allocationUnitId, applicationId: app.id },
        to: { kind: 'payee', unitId: app.allocationUnitId, applicationId: app.id },
        amount: disbursement.amount,
        reference: dto.treasuryRef,
        note: `${DISBURSEMENT_KIND_LABELS[disbursement.kind]} — ${app.title}`.slice(0, 500),
        actor,
        capacity,
        whenInsufficient: () => new DisbursementError('LIMIT_EXCEEDED', 'Khoản chi vượt quá kinh phí còn cam kết cho đề án.'),
      });
      disbursement.status = status;
      disbursement.paidBy = actor.id;
      disbursement.paidAt = this.clock.now();
      disbursement.treasuryRef = dto.treasuryRef;
      disbursement.valueDate = dto.valueDate;
      disbursement.transferId = transfer.id;
      await em.save(Disbursement, disbursement);
      const view = toDisbursementView(disbursement, app.currency);
      this.audit.record({ actor, capacity, action: 'disbursement.pay', entity: 'disbursement', entityId: id, before, after: view });
      this.outbox.record(paymentNotice({ file: app, kindLabel: DISBURSEMENT_KIND_LABELS[disbursement.kind], amount: disbursement.amount, valueDate: dto.valueDate }));
      if (disbursement.kind === 'final') {
        await this.files.step(em, { file: app, action: 'settle', role: 'finance', actor, capacity, note: `Đã chi trả phần còn lại ${formatMoneyVi(disbursement.amount, app.currency)} theo quyết toán` });
      }
      return view;
    });
  }

  /**
   * The treasury sent a paid amount back (hoàn trả): the money goes from the file's beneficiary
   * back to its commitment, the disbursement is `returned` with the reference and value date of
   * the money coming in (reconciliation expects it as an `in` line), and it no longer counts as
   * paid nor against the advance limit, so the file may be paid again within its commitment.
   */
  async returnPayment(actor: Actor, id: string, dto: ReturnDisbursementDto): Promise<DisbursementView> {
    const capacity = requireRole(actor, 'finance');
    return this.tx.run(async (em) => {
      const { disbursement, app } = await this.lockForAction(actor, id);
      const paidIn = disbursement.transferId ? await this.ledgerRead.transferYear(disbursement.transferId) : null;
      const refusal = disbursementReturnRefusal({ status: disbursement.status, applicationStatus: app.status, paidIn });
      if (refusal) throw new DisbursementError(refusal.code, refusal.detail);
      assertHappened({ field: 'valueDate', date: dto.valueDate, today: this.clock.today() });
      await this.assertTreasuryRefUnused(dto.treasuryRef);
      const before = toDisbursementView(disbursement, app.currency);
      const books = await this.budget.applicationBooks(app);
      const transfer = await this.ledger.post({
        books,
        kind: 'disbursement_return',
        from: { kind: 'payee', unitId: app.allocationUnitId, applicationId: app.id },
        to: { kind: 'commitment', unitId: app.allocationUnitId, applicationId: app.id },
        amount: disbursement.amount,
        reference: dto.treasuryRef,
        note: `Hoàn trả ${DISBURSEMENT_KIND_LABELS[disbursement.kind].toLowerCase()} — ${dto.reason}`.slice(0, 500),
        actor,
        capacity,
        unitId: app.allocationUnitId,
        applicationId: app.id,
        whenInsufficient: () => new DisbursementError('INVALID_STATE', 'Số đã chi cho người thụ hưởng trên sổ năm nay không đủ để ghi nhận khoản hoàn trả này.'),
      });
      disbursement.status = this.next(disbursement, 'return');
      disbursement.returnedBy = actor.id;
      disbursement.returnedAt = this.clock.now();
      disbursement.returnTreasuryRef = dto.treasuryRef;
      disbursement.returnValueDate = dto.valueDate;
      disbursement.returnReason = dto.reason;
      disbursement.returnTransferId = transfer.id;
      await em.save(Disbursement, disbursement);
      const view = toDisbursementView(disbursement, app.currency);
      this.audit.record({ actor, capacity, action: 'disbursement.return', entity: 'disbursement', entityId: id, before, after: view });
      return view;
    });
  }

  async get(actor: Actor, id: string): Promise<DisbursementView> {
    const { disbursement, currency } = await this.findVisible(actor, id);
    return toDisbursementView(disbursement, currency);
  }

  /** The API's list (one status), or a page's (several statuses, newest first). */
  async list(
    actor: Actor,
    query: Omit<DisbursementQuery, 'status'> & { status?: DisbursementStatus | readonly DisbursementStatus[] },
    order: ListOrder = 'oldest',
  ): Promise<Page<DisbursementView>> {
    requireRole(actor, 'officer', 'finance', 'auditor', 'applicant');
    const qb = await this.files.rowsOfVisibleFiles(Disbursement, 'd', actor);
    if (query.applicationId) qb.andWhere('d.application_id = :applicationId', { applicationId: query.applicationId });
    const statuses = query.status === undefined ? [] : typeof query.status === 'string' ? [query.status] : query.status;
    if (statuses.length) qb.andWhere('d.status IN (:...statuses)', { statuses });
    return this.files.pageWithCurrency(qb, 'd', query, toDisbursementView, order);
  }

  /** The most a file's advances may total, floor(advanceRate × approvedSupport), for a page to say so. */
  advanceLimit(input: { approvedSupport: string; advanceRate: string; currency: string }): string {
    return plainString(advanceLimit({ approvedSupport: new Money(input.approvedSupport), advanceRate: new Money(input.advanceRate), currency: input.currency }));
  }

  /**
   * The most an advance and a payment requested on the file now may be (API money strings; zero
   * when none may), by the limits a request is checked against, for the file page to offer only
   * requests that can be taken. Staff who request payments; the file as they may see it.
   */
  async requestRoom(actor: Actor, applicationId: string): Promise<{ advance: string; payment: string }> {
    requireRole(actor, 'officer', 'head', 'finance');
    const app = await this.files.findVisible(actor, applicationId);
    const zero = { advance: '0', payment: '0' };
    if (!app.approvedSupport || !app.decisionDate || !app.allocationUnitId) return zero;
    const room = requestRoom(await this.limitFacts(app, null));
    return { advance: plainString(room.advance), payment: plainString(room.payment) };
  }

  /**
   * What has been paid to each file's beneficiary so far, net of payments the treasury sent back
   * (those are `returned`, no longer `paid`): one query for any number of files. Files with
   * nothing paid are absent.
   */
  async paidByFile(applicationIds: readonly string[]): Promise<Map<string, Money>> {
    if (applicationIds.length === 0) return new Map();
    const ids = [...new Set(applicationIds)];
    const rows: Array<{ application_id: string; paid: string }> = await this.tx.manager.query(
      `SELECT application_id, SUM(amount) AS paid FROM disbursements
        WHERE status = 'paid' AND application_id IN (${ids.map(() => '?').join(',')}) GROUP BY application_id`,
      ids,
    );
    return new Map(rows.map((r) => [r.application_id, new Money(r.paid)]));
  }

  /**
   * A file's disbursements as its settlement needs them: how many still wait to be approved or
   * paid, and what has been paid. Read in the caller's transaction, after it locked the file.
   */
  async totalsForFile(applicationId: string): Promise<{ pending: number; paid: Money }> {
    const rows: Array<{ pending: string | number; paid: string | null }> = await this.tx.manager.query(
      `SELECT SUM(status IN ('requested','approved')) AS pending, SUM(CASE WHEN status = 'paid' THEN amount END) AS paid
         FROM disbursements WHERE application_id = ?`,
      [applicationId],
    );
    return { pending: Number(rows[0]?.pending ?? 0), paid: new Money(rows[0]?.paid ?? 0) };
  }

  /** A treasury reference names one movement: a payment or a return, never both, never twice. */
  private async assertTreasuryRefUnused(treasuryRef: string): Promise<void> {
    const taken: unknown[] = await this.tx.manager.query('SELECT id FROM disbursements WHERE treasury_ref = ? OR return_treasury_ref = ? LIMIT 1', [treasuryRef, treasuryRef]);
    if (taken.length) {
      throw new DisbursementError('DUPLICATE', `Số chứng từ kho bạc ${treasuryRef} đã được ghi nhận cho một khoản chi hoặc hoàn trả khác.`);
    }
  }

  private async assertWithinLimits(app: FileFacts, kind: DisbursementKind, amount: Decimal, excludeId: string | null): Promise<void> {
    const refusal = disbursementRefusal({ kind, amount, ...(await this.limitFacts(app, excludeId)) });
    if (refusal) throw new DisbursementError(refusal.code, refusal.detail);
  }

  /**
   * The limits of an interim payment (advance or payment) checked again when it is paid, with what
   * a year close released from the file's commitment counted as still committed (it is committed
   * anew as the payment is made). Returns what the close released.
   */
  private async assertPayable(app: FileFacts, disbursement: Disbursement): Promise<Money> {
    const facts = await this.limitFacts(app, disbursement.id);
    const released = releasedByClose({ approvedSupport: app.approvedSupport!, paid: facts.paid, committed: facts.committed });
    const refusal = disbursementRefusal({ ...facts, kind: disbursement.kind, amount: disbursement.amount, committed: new Money(facts.committed).plus(released) });
    if (refusal) throw new DisbursementError(refusal.code, refusal.detail);
    return released;
  }

  /**
   * What the limits of a file's next request depend on: its approval, the advance rate of the
   * rule in force on its decision date, its disbursements that count (this one excluded) and what
   * is left of its commitment in the books its money moves in now.
   */
  private async limitFacts(app: FileFacts, excludeId: string | null): Promise<Omit<DisbursementCheck, 'kind' | 'amount'> & { paid: Money }> {
    const rows: Array<{ kind: string; status: string; total: string }> = await this.tx.manager.query(
      `SELECT kind, status, SUM(amount) AS total FROM disbursements
        WHERE application_id = ? AND status NOT IN (${NOT_COUNTING_STATUSES.map((s) => `'${s}'`).join(',')}) AND id <> ? GROUP BY kind, status`,
      [app.id, excludeId ?? ''],
    );
    const sum = (filter: (r: { kind: string; status: string }) => boolean) =>
      rows.filter(filter).reduce((acc, r) => acc.plus(r.total), new Money(0));
    const rule = await this.catalogue.ruleFor(app.activityTypeCode, app.fundSource, app.decisionDate!);
    const books = await this.budget.applicationBooks(app);
    const committed = await this.ledger.balance(books, { kind: 'commitment', unitId: app.allocationUnitId, applicationId: app.id });
    return {
      applicationStatus: app.status,
      approvedSupport: app.approvedSupport!,
      advanceRate: rule.advanceRate,
      currency: app.currency,
      advancesSoFar: sum((r) => r.kind === 'advance'),
      pending: sum((r) => r.status === 'requested' || r.status === 'approved'),
      committed,
      // What was paid and not sent back by the treasury (returned payments do not count).
      paid: sum((r) => r.status === 'paid'),
    };
  }

  /** The disbursement and its file, both locked, file first (the order every money step on a file uses). */
  private async lockForAction(actor: Actor, id: string): Promise<{ disbursement: Disbursement; app: FileFacts }> {
    const { disbursement } = await this.findVisible(actor, id);
    const app = await this.files.findVisible(actor, disbursement.applicationId, { lock: true });
    const locked = await this.tx.manager.findOneOrFail(Disbursement, { where: { id }, lock: { mode: 'pessimistic_write' } });
    return { disbursement: locked, app };
  }

  private async findVisible(actor: Actor, id: string): Promise<{ disbursement: Disbursement; currency: string }> {
    if (!isId(id)) throw new NotFound('Khoản chi');
    const [found] = await this.files.withCurrency((await this.files.rowsOfVisibleFiles(Disbursement, 'd', actor)).andWhere('d.id = :id', { id }));
    if (!found) throw new NotFound('Khoản chi');
    return { disbursement: found.row, currency: found.currency };
  }

  private next(disbursement: Disbursement, action: 'approve' | 'pay' | 'reject' | 'return') {
    const to = nextDisbursementStatus(disbursement.status, action);
    if (!to) throw new DisbursementError('INVALID_STATE', `Khoản chi đang ở trạng thái "${disbursement.status}", không thể thực hiện thao tác này.`);
    return to;
  }
}


