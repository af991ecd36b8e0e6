import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { requireSignedIn } from '../../common/auth/access';
import type { Actor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { NotFound } from '../../common/http/domain-error';
import { Page, pageOf } from '../../common/http/page';
import { isId } from '../../common/ids';
import { TransactionRunner } from '../../database/transaction';
import { AuditService } from '../audit/audit.service';
import type { NotificationQuery, NotificationSettingsDto } from './dto/notification.dto';
import { MailTransport } from './mail-transport';
import { Notification, NotificationSettings } from './notification.entity';
import { NotificationSettingsView, NotificationView, toNotificationView } from './notification.view';

/** A person's own notifications and how they want to receive them: nobody reads another's. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly mail: MailTransport,
  ) {}

  async list(actor: Actor, query: NotificationQuery): Promise<Page<NotificationView>> {
    requireSignedIn(actor);
    const where = { userId: actor.id, ...(query.unread === 'true' ? { readAt: IsNull() } : {}) };
    const [rows, total] = await this.tx.manager.findAndCount(Notification, {
      where,
      order: { id: 'DESC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return pageOf(rows.map(toNotificationView), total, query);
  }

  /** How many of the actor's notifications are unread (the bell on every page). */
  async unreadCount(actor: Actor): Promise<number> {
    requireSignedIn(actor);
    return this.tx.manager.count(Notification, { where: { userId: actor.id, readAt: IsNull() } });
  }

  /** Marks one of the actor's own notifications read; another's is 404, as if it did not exist. */
  async markRead(actor: Actor, id: string): Promise<NotificationView> {
    requireSignedIn(actor);
    const found = isId(id) ? await this.tx.manager.findOne(Notification, { where: { id, userId: actor.id } }) : null;
    if (!found) throw new NotFound('Thông báo');
    if (!found.readAt) {
      found.readAt = this.clock.now();
      await this.tx.manager.update(Notification, { id, userId: actor.id, readAt: IsNull() }, { readAt: found.readAt });
    }
    return toNotificationView(found);
  }

  async markAllRead(actor: Actor): Promise<void> {
    requireSignedIn(actor);
    await this.tx.manager.update(Notification, { userId: actor.id, readAt: IsNull() }, { readAt: this.clock.now() });
  }

  async settings(actor: Actor): Promise<NotificationSettingsView> {
    requireSignedIn(actor);
    const row = await this.tx.manager.findOne(NotificationSettings, { where: { userId: actor.id } });
    return { email: row ? Boolean(row.email) : true, digest: row?.digest ?? 'off', emailAvailable: this.mail.enabled };
  }

  async updateSettings(actor: Actor, dto: NotificationSettingsDto): Promise<NotificationSettingsView> {
    requireSignedIn(actor);
    return this.tx.run(async (em) => {
      const before = await em.findOne(NotificationSettings, { where: { userId: actor.id }, lock: { mode: 'pessimistic_write' } });
      await em.upsert(NotificationSettings, { userId: actor.id, email: dto.email, digest: dto.digest, updatedAt: this.clock.now() }, ['userId']);
      this.audit.record({
        actor,
        capacity: actor.roles[0] ?? 'user',
        action: 'notification_settings.update',
        entity: 'user',
        entityId: actor.id,
        before: before ? { email: Boolean(before.email), digest: before.digest } : null,
        after: { email: dto.email, digest: dto.digest },
      });
      return { email: dto.email, digest: dto.digest, emailAvailable: this.mail.enabled };
    });
  }
}
