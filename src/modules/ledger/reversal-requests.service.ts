import { Injectable } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Actor } from '../../common/auth/actor';
import { requireRole } from '../../common/auth/access';
import { Clock } from '../../common/clock';
import { NotFound } from '../../common/http/domain-error';
import { Page, PageQuery, pageOf } from '../../common/http/page';
import { newId } from '../../common/ids';
import { Money } from '../../common/money/decimal';
import { formatMoneyForApi } from '../../common/money/money';
import { isDuplicateKeyError } from '../../database/duplicate-key';
import { TransactionRunner } from '../../database/transaction';
import { whereClause } from '../../database/where-clause';
import { AuditService } from '../audit/audit.service';
import { LedgerError } from './ledger.error';
import { ReversalDecision, reversalDecision, reversalRefusal, reversalRequestRefusal, ReversalRequestStatus } from './ledger.rules';
import { LedgerService } from './ledger.service';
import { ReversalRequest } from './reversal-request.entity';
import { Transfer } from './transfer.entity';

const STATUSES: ReversalRequestStatus[] = ['requested', 'approved', 'rejected'];

export class ReversalRequestQuery extends PageQuery {
  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES) status?: ReversalRequestStatus;
}

export interface ReversalRequestView {
  id: string;
  transferId: string;
  status: ReversalRequestStatus;
  requestedBy: string;
  reason: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  reversalTransferId: string | null;
  /** The transfer to be reversed, as the second person needs to see it. */
  transfer: { kind: string; fundCode: string; fiscalYear: number; amount: string; reference: string };
}

/** A request waiting for a second person, with its fund's currency. */
export type WaitingReversal = ReversalRequestView & { currency: string };

interface RequestRow {
  id: string;
  transfer_id: string;
  status: ReversalRequestStatus;
  requested_by: string;
  reason: string;
  requested_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  decision_reason: string | null;
  reversal_transfer_id: string | null;
  kind: string;
  amount: string;
  reference: string;
  fiscal_year: number;
  fund_code: string;
  currency: string;
}

const SELECT_VIEW = `SELECT r.*, t.kind, t.amount, t.reference, t.fiscal_year, f.code AS fund_code, f.currency
  FROM ledger_reversal_requests r JOIN ledger_transfers t ON t.id = r.transfer_id JOIN funds f ON f.id = t.fund_id`;

/**
 * Reversing a ledger transfer takes two finance users (maker-checker): one asks, with a reason;
 * another approves, and the reversing transfer is posted then, or rejects. Only the budget's own
 * entries are reversed here; a file's movements are corrected by the use case that made them.
 */
@Injectable()
export class ReversalRequestsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Asks for a transfer to be reversed (đề nghị đảo bút toán); moves no money. */
  async request(actor: Actor, transferId: string, reason: string): Promise<ReversalRequestView> {
    const capacity = requireRole(actor, 'finance');
    return this.tx.run(async (em) => {
      const transfer = await em.findOne(Transfer, { where: { id: transferId } });
      if (!transfer) throw new NotFound('Bút toán');
      const refusal = reversalRequestRefusal({
        kind: transfer.kind,
        alreadyReversed: await this.isReversed(transfer.id),
        openRequest: (await em.query('SELECT id FROM ledger_reversal_requests WHERE open_transfer_id = ?', [transfer.id])).length > 0,
      });
      if (refusal) throw new LedgerError(refusal.code, refusal.detail);
      const request = em.create(ReversalRequest, {
        id: newId(),
        transferId: transfer.id,
        status: 'requested',
        openTransferId: transfer.id,
        requestedBy: actor.id,
        reason,
        requestedAt: this.clock.now(),
        decidedBy: null,
        decidedAt: null,
        decisionReason: null,
        reversalTransferId: null,
      });
      try {
        await em.insert(ReversalRequest, request);
      } catch (error) {
        // Two requests for one transfer at once: the open-request key lets only one in.
        if (isDuplicateKeyError(error)) throw new LedgerError('DUPLICATE', 'Bút toán này đã có một đề nghị đảo đang chờ duyệt.');
        throw error;
      }
      const view = await this.view(request.id);
      this.audit.record({ actor, capacity, action: 'ledger.reversal_request', entity: 'ledger_reversal_request', entityId: request.id, after: view });
      return view;
    });
  }

  /**
   * A second finance user approves: the reversing transfer is posted in this transaction, guarded
   * like any transfer (409 INSUFFICIENT_FUNDS when the money has since been used; nothing changes).
   */
  async approve(actor: Actor, id: string): Promise<ReversalRequestView> {
    const capacity = requireRole(actor, 'finance');
    return this.tx.run(async (em) => {
      const { request, before } = await this.decide(actor, id, 'approve');
      const transfer = await em.findOneOrFail(Transfer, { where: { id: request.transferId } });
      const refusal = reversalRefusal({ kind: transfer.kind, alreadyReversed: await this.isReversed(transfer.id) });
      if (refusal) throw new LedgerError(refusal.code, refusal.detail);
      const reversal = await this.ledger.postReversal({
        transfer,
        reason: request.reason,
        actor,
        capacity,
        whenInsufficient: () =>
          LedgerError.insufficientFunds('Tài khoản nhận bút toán gốc không còn đủ số dư để đảo (số tiền đã được sử dụng); đề nghị vẫn chờ duyệt.'),
      });
      const decidedAt = this.clock.now();
      await this.tx.defer({
        sql: "UPDATE ledger_reversal_requests SET status = 'approved', open_transfer_id = NULL, decided_by = ?, decided_at = ?, reversal_transfer_id = ? WHERE id = ?",
        params: [actor.id, decidedAt, reversal.id, id],
      });
      const view: ReversalRequestView = { ...before, status: 'approved', decidedBy: actor.id, decidedAt: decidedAt.toISOString(), reversalTransferId: reversal.id };
      this.audit.record({ actor, capacity, action: 'ledger.reversal_request.approve', entity: 'ledger_reversal_request', entityId: id, before, after: view });
      return view;
    });
  }

  /** A second finance user rejects, with a reason; nothing moves. */
  async reject(actor: Actor, id: string, reason: string): Promise<ReversalRequestView> {
    const capacity = requireRole(actor, 'finance');
    return this.tx.run(async (em) => {
      const { before } = await this.decide(actor, id, 'reject');
      const decidedAt = this.clock.now();
      await em.update(ReversalRequest, { id }, { status: 'rejected', openTransferId: null, decidedBy: actor.id, decidedAt, decisionReason: reason });
      const view: ReversalRequestView = { ...before, status: 'rejected', decidedBy: actor.id, decidedAt: decidedAt.toISOString(), decisionReason: reason };
      this.audit.record({ actor, capacity, action: 'ledger.reversal_request.reject', entity: 'ledger_reversal_request', entityId: id, before, after: view });
      return view;
    });
  }

  async list(actor: Actor, query: ReversalRequestQuery): Promise<Page<ReversalRequestView>> {
    requireRole(actor, 'finance', 'auditor');
    const { clause, params } = whereClause([['r.status = ?', query.status]]);
    const [{ total }] = await this.tx.manager.query(`SELECT COUNT(*) AS total FROM ledger_reversal_requests r ${clause}`, params);
    const rows: RequestRow[] = await this.tx.manager.query(`${SELECT_VIEW} ${clause} ORDER BY r.id LIMIT ? OFFSET ?`, [
      ...params,
      query.pageSize,
      (query.page - 1) * query.pageSize,
    ]);
    return pageOf(rows.map(toView), Number(total), query);
  }

  /**
   * The requests waiting for the actor as the second person: still requested, and asked by
   * someone else (nobody approves their own). Oldest first; with the fund's currency, for the
   * home queue's amounts.
   */
  async waitingForSecondPerson(actor: Actor, query: PageQuery): Promise<Page<WaitingReversal>> {
    requireRole(actor, 'finance');
    const clause = "WHERE r.status = 'requested' AND r.requested_by <> ?";
    const [{ total }] = await this.tx.manager.query(`SELECT COUNT(*) AS total FROM ledger_reversal_requests r ${clause}`, [actor.id]);
    const rows: RequestRow[] = await this.tx.manager.query(`${SELECT_VIEW} ${clause} ORDER BY r.id LIMIT ? OFFSET ?`, [actor.id, query.pageSize, (query.page - 1) * query.pageSize]);
    return pageOf(
      rows.map((row) => ({ ...toView(row), currency: row.currency })),
      Number(total),
      query,
    );
  }

  async get(actor: Actor, id: string): Promise<ReversalRequestView> {
    requireRole(actor, 'finance', 'auditor');
    return this.view(id);
  }

  /** Locks the request and applies the decision rule (maker-checker, still waiting). */
  private async decide(actor: Actor, id: string, decision: ReversalDecision): Promise<{ request: ReversalRequest; before: ReversalRequestView }> {
    const request = await this.tx.manager.findOne(ReversalRequest, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!request) throw new NotFound('Đề nghị đảo bút toán');
    const next = reversalDecision({ status: request.status, requestedBy: request.requestedBy, actorId: actor.id, decision });
    if ('code' in next) throw new LedgerError(next.code, next.detail);
    return { request, before: await this.view(id) };
  }

  private async isReversed(transferId: string): Promise<boolean> {
    return (await this.tx.manager.query('SELECT id FROM ledger_transfers WHERE reverses_id = ?', [transferId])).length > 0;
  }

  private async view(id: string): Promise<ReversalRequestView> {
    const rows: RequestRow[] = await this.tx.manager.query(`${SELECT_VIEW} WHERE r.id = ?`, [id]);
    if (!rows[0]) throw new NotFound('Đề nghị đảo bút toán');
    return toView(rows[0]);
  }
}

function toView(row: RequestRow): ReversalRequestView {
  return {
    id: row.id,
    transferId: row.transfer_id,
    status: row.status,
    requestedBy: row.requested_by,
    reason: row.reason,
    requestedAt: new Date(row.requested_at).toISOString(),
    decidedBy: row.decided_by,
    decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
    decisionReason: row.decision_reason,
    reversalTransferId: row.reversal_transfer_id,
    transfer: {
      kind: row.kind,
      fundCode: row.fund_code,
      fiscalYear: row.fiscal_year,
      amount: formatMoneyForApi(new Money(row.amount), row.currency),
      reference: row.reference,
    },
  };
}
