import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { IdentityModule } from '../identity/identity.module';
import { MailTransport } from './mail-transport';
import { NotificationOutbox } from './notification-outbox.service';
import { NotificationWorker } from './notification-worker.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/**
 * Notifications and e-mail: the outbox steps write into, the worker that delivers it, and each
 * person's notifications and settings. Below the step modules (they record events here) and above
 * identity (which names the recipients).
 */
@Module({
  imports: [AuditModule, IdentityModule],
  controllers: [NotificationsController],
  providers: [NotificationOutbox, NotificationWorker, NotificationsService, MailTransport],
  exports: [NotificationOutbox, NotificationWorker, NotificationsService],
})
export class NotificationsModule {}
