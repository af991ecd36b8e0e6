import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { CalendarModule } from '../calendar/calendar.module';
import { DisbursementsModule } from '../disbursements/disbursements.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RemindersService } from './reminders.service';

/**
 * Reminders of due dates: above the modules that keep the dates (applications, disbursements)
 * and the calendar that counts working days; records into the notifications outbox.
 */
@Module({
  imports: [ApplicationsModule, DisbursementsModule, CalendarModule, NotificationsModule],
  providers: [RemindersService],
  exports: [RemindersService],
})
export class DeadlinesModule {}
