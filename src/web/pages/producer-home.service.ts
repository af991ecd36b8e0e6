import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { ApplicationsService } from '../../modules/applications/applications.service';
import { BudgetSetupService } from '../../modules/budget/budget-setup.service';
import { ContractsService } from '../../modules/disbursements/contracts.service';
import { EstablishmentsService } from '../../modules/establishments/establishments.service';
import { NotificationsService } from '../../modules/notifications/notifications.service';
import { noticeCard } from './notice-cards';
import { askedOfOwner } from './owner-requests';

/** Unread notifications a producer's home page shows first (the rest are a tap away). */
const HOME_NOTICES = 3;

/**
 * A producer's newest unread notifications first (a supplement request, a decision: what they
 * must see on opening the site on a phone), then their newest files (up to the API's largest page; the file list pages through the rest)
 * with their status and what is asked of them, the files needing action first.
 */
@Injectable()
export class ProducerHomeService {
  constructor(
    private readonly clock: Clock,
    private readonly applications: ApplicationsService,
    private readonly establishments: EstablishmentsService,
    private readonly contracts: ContractsService,
    private readonly budgetSetup: BudgetSetupService,
    private readonly notifications: NotificationsService,
  ) {}

  async model(actor: Actor): Promise<Record<string, unknown>> {
    const today = this.clock.today();
    const [files, establishments, openBooks, blocked, unread] = await Promise.all([
      this.applications.list(actor, { page: 1, pageSize: 200 }),
      this.establishments.list(actor, { page: 1, pageSize: 1 }),
      this.budgetSetup.openBooks(actor),
      this.applications.blockedFiles(actor),
      this.notifications.list(actor, { unread: 'true', page: 1, pageSize: HOME_NOTICES }),
    ]);
    const blockedText = new Map(blocked.map((f) => [f.id, f.blockers.map((b) => b.text).join(' ')]));
    const rows = await Promise.all(
      files.items.map(async (app) => {
        const due = app.status === 'accepted' ? (await this.contracts.contractAndAcceptance(actor, app.id)).acceptance?.settlementDueDate ?? null : null;
        return { app, asked: askedOfOwner(app, due, today), blocked: blockedText.get(app.id) ?? null };
      }),
    );
    rows.sort((a, b) => Number(Boolean(b.asked)) - Number(Boolean(a.asked)));
    return {
      title: 'Trang chủ',
      notices: unread.items.map(noticeCard),
      noticeTotal: unread.total,
      files: rows,
      fileTotal: files.total,
      establishmentTotal: establishments.total,
      // What a new file can be filed for: funds whose year is open and allocated.
      openBooks,
    };
  }
}
