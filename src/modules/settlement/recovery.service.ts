import { Injectable } from '@nestjs/common';
import { Actor } from '../../common/auth/actor';
import { requireRole } from '../../common/auth/access';
import { Clock } from '../../common/clock';
import { NotFound } from '../../common/http/domain-error';
import { Page } from '../../common/http/page';
import { isId, newId } from '../../common/ids';
import { formatMoneyVi } from '../../common/money/format-vi';
import { parseMoney } from '../../common/money/money';
import { TransactionRunner } from '../../database/transaction';
import { AuditService } from '../audit/audit.service';
import { ApplicationFiles, ListOrder } from '../applications/application-files';
import { BudgetService } from '../budget/budget.service';
import { LedgerService } from '../ledger/ledger.service';
import { ReceiveRecoveryDto, RecoveryQuery } from './dto/settlement.dto';
import { Recovery, RecoveryReceipt } from './recovery.entity';
import { takeRecoveryReceipt } from './recovery.rules';
import { SettlementError } from './settlement.error';
import { RecoveryView, toRecoveryView } from './settlement.view';
import { assertHappened } from '../../common/past-date';

/**
 * Thu hồi: receipts against a recovery order, partial or whole, never more than is owed. Money
 * received goes back to the unit's allocation in the books the file's money moves in now: the
 * year of its commitment while open, else the open year the receipt arrives in (a closed year
 * takes nothing), on that year's recovery account of the file. A settlement's file is settled
 * when nothing is outstanding.
 */
@Injectable()
export class RecoveryService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly files: ApplicationFiles,
    private readonly budget: BudgetService,
    private readonly ledger: LedgerService,
  ) {}

  async receive(actor: Actor, id: string, dto: ReceiveRecoveryDto): Promise<RecoveryView> {
    const capacity = requireRole(actor, 'finance');
    return this.tx.run(async (em) => {
      const { recovery: found } = await this.findVisible(actor, id);
      const app = await this.files.findVisible(actor, found.applicationId, { lock: true });
      const recovery = await em.findOneOrFail(Recovery, { where: { id }, lock: { mode: 'pessimistic_write' } });
      const amount = parseMoney(dto.amount, { field: 'amount', currency: app.currency });
      assertHappened({ field: 'valueDate', date: dto.valueDate, today: this.clock.today() });
      const taken = takeRecoveryReceipt({ recovery, receipt: amount, currency: app.currency });
      if ('refusal' in taken) throw new SettlementError(taken.refusal.code, taken.refusal.detail);
      if (await em.findOne(RecoveryReceipt, { where: { treasuryRef: dto.treasuryRef } })) {
        throw new SettlementError('DUPLICATE', `Số chứng từ kho bạc ${dto.treasuryRef} đã được ghi nhận.`);
      }
      const before = toRecoveryView(recovery, app.currency);
      const books = await this.budget.applicationBooks(app);
      const transfer = await this.ledger.post({
        books,
        kind: 'recovery_receipt',
        from: { kind: 'recovery', unitId: recovery.unitId, applicationId: app.id },
        to: { kind: 'allocation', unitId: recovery.unitId },
        amount,
        reference: dto.treasuryRef,
        note: `Thu hồi kinh phí — ${app.title}`.slice(0, 500),
        actor,
        capacity,
      });
      await em.insert(RecoveryReceipt, {
        id: newId(),
        recoveryId: recovery.id,
        amount,
        treasuryRef: dto.treasuryRef,
        valueDate: dto.valueDate,
        transferId: transfer.id,
        receivedBy: actor.id,
        createdAt: this.clock.now(),
      });
      recovery.received = taken.received;
      if (taken.status === 'closed') {
        recovery.status = 'closed';
        recovery.closedAt = this.clock.now();
      }
      await em.save(Recovery, recovery);
      const view = toRecoveryView(recovery, app.currency);
      this.audit.record({ actor, capacity, action: 'recovery.receive', entity: 'recovery', entityId: recovery.id, before, after: { ...view, treasuryRef: dto.treasuryRef, valueDate: dto.valueDate } });
      // A settlement's order settles the file once received in full; a cancelled file stays cancelled.
      if (recovery.status === 'closed' && recovery.origin === 'settlement') {
        await this.files.step(em, { file: app, action: 'settle', role: 'finance', actor, capacity, note: `Đã thu hồi đủ ${formatMoneyVi(recovery.amount, app.currency)}` });
      }
      return view;
    });
  }

  async get(actor: Actor, id: string): Promise<RecoveryView> {
    const { recovery, currency } = await this.findVisible(actor, id);
    return toRecoveryView(recovery, currency);
  }

  async list(actor: Actor, query: RecoveryQuery, order: ListOrder = 'oldest'): Promise<Page<RecoveryView>> {
    const qb = await this.files.rowsOfVisibleFiles(Recovery, 'r', actor);
    if (query.applicationId) qb.andWhere('r.application_id = :applicationId', { applicationId: query.applicationId });
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    return this.files.pageWithCurrency(qb, 'r', query, toRecoveryView, order);
  }

  private async findVisible(actor: Actor, id: string): Promise<{ recovery: Recovery; currency: string }> {
    if (!isId(id)) throw new NotFound('Lệnh thu hồi');
    const [found] = await this.files.withCurrency((await this.files.rowsOfVisibleFiles(Recovery, 'r', actor)).andWhere('r.id = :id', { id }));
    if (!found) throw new NotFound('Lệnh thu hồi');
    return { recovery: found.row, currency: found.currency };
  }
}
