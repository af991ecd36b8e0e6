import { Injectable } from '@nestjs/common';
import { Actor } from '../../common/auth/actor';
import { requireRole } from '../../common/auth/access';
import { Clock } from '../../common/clock';
import { newId } from '../../common/ids';
import { Money } from '../../common/money/decimal';
import { TransactionRunner } from '../../database/transaction';
import { AuditService } from '../audit/audit.service';
import { ApplicationDecisionService } from '../applications/application-decision.service';
import type { ApplicationView } from '../applications/application.view';
import type { RequiredReasonDto } from '../applications/dto/workflow.dto';
import { BudgetService } from '../budget/budget.service';
import { DisbursementsService } from '../disbursements/disbursements.service';
import { DocumentRegisterService } from '../document-register/document-register.service';
import { Recovery } from './recovery.entity';
import { SettlementError } from './settlement.error';
import { toRecoveryView } from './settlement.view';
import { NotificationOutbox } from '../notifications/notification-outbox.service';
import { recoveryNotice } from './recovery-notices.rules';

/** The answer to a cancellation: the file, and the recovery opened for what was paid (or null). */
export type CancellationView = ApplicationView & { recoveryId: string | null };

/**
 * Hủy đề án: a leader cancels an approved or contracted file. In one transaction the file is
 * cancelled and what is committed and not paid goes back to the unit (the applications module's
 * part), and what was already paid to the beneficiary (advances, net of payments the treasury
 * sent back) is owed back: a recovery order opens for it, received like a settlement's.
 */
@Injectable()
export class FileCancellationService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly decisions: ApplicationDecisionService,
    private readonly disbursements: DisbursementsService,
    private readonly budget: BudgetService,
    private readonly papers: DocumentRegisterService,
    private readonly outbox: NotificationOutbox,
  ) {}

  async cancel(actor: Actor, id: string, dto: RequiredReasonDto): Promise<CancellationView> {
    requireRole(actor, 'leader');
    return this.tx.run(async (em) => {
      // Finds and locks the file, checks the leader's field and the state, releases and steps.
      const cancelled = await this.decisions.cancelFile(actor, id, dto);
      const { pending, paid } = await this.disbursements.totalsForFile(id);
      if (pending > 0) {
        // Settled first, like a settlement: otherwise what is owed back is not yet known.
        throw new SettlementError('INVALID_STATE', 'Còn khoản chi đang chờ duyệt hoặc chờ chi; tài chính cần chi hoặc từ chối trước khi hủy đề án.');
      }
      if (!paid.gt(0)) return { ...cancelled, recoveryId: null };
      const app = cancelled;
      const books = await this.budget.applicationBooks(app);
      const recovery = em.create(Recovery, {
        id: newId(),
        applicationId: app.id,
        settlementId: null,
        origin: 'cancellation',
        fundId: books.fundId,
        fiscalYear: books.fiscalYear,
        unitId: app.allocationUnitId!,
        amount: paid,
        received: new Money(0),
        status: 'open',
        createdAt: this.clock.now(),
        closedAt: null,
      });
      await em.insert(Recovery, recovery);
      // The recovery notice (thông báo thu hồi), numbered in the register of outgoing documents.
      await this.papers.register(em, { type: 'recovery-notice', file: app, signer: { id: actor.id, capacity: 'leader' } });
      this.outbox.record(recoveryNotice({ file: app, amount: recovery.amount, reason: 'Đề án đã bị hủy sau khi nhận tạm ứng.' }));
      this.audit.record({ actor, capacity: 'leader', action: 'recovery.open', entity: 'recovery', entityId: recovery.id, after: toRecoveryView(recovery, app.currency) });
      return { ...cancelled, recoveryId: recovery.id };
    });
  }
}
