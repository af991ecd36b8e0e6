import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { parseDatabaseUrl } from '../../database/database-url';
import { ExclusiveRun, runExclusively } from '../../database/exclusive-run';
import { FileDeadline, FileDeadlines } from '../applications/file-deadlines.service';
import { HolidayCalendarService } from '../calendar/holiday-calendar.service';
import { ContractsService } from '../disbursements/contracts.service';
import { NotificationOutbox } from '../notifications/notification-outbox.service';
import { NotificationWorker } from '../notifications/notification-worker.service';
import { reminderEvent, reminderPhase } from './reminder.rules';
import { scheduleEvery } from '../../common/schedule';

export interface ReminderRun {
  /** Open due dates looked at (those due within the reminder window or past). */
  dueItems: number;
  /** Reminders recorded this run (those recorded by an earlier run are not counted again). */
  reminders: number;
  /** Daily digests queued. */
  digests: number;
}

/**
 * Reminders of due dates, on a schedule, one instance at a time (a named database lock): every
 * open due date within REMINDER_DAYS_BEFORE working days, due today or past, becomes a reminder
 * event in the outbox, once per due date and phase; then each person who chose a daily digest
 * gets the day's. The worker delivers them like any other notification.
 */
@Injectable()
export class RemindersService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Reminders');

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly scheduler: SchedulerRegistry,
    private readonly files: FileDeadlines,
    private readonly contracts: ContractsService,
    private readonly calendar: HolidayCalendarService,
    private readonly outbox: NotificationOutbox,
    private readonly worker: NotificationWorker,
  ) {}

  onApplicationBootstrap(): void {
    scheduleEvery(this.scheduler, 'reminders', this.config.REMINDERS_INTERVAL_MINUTES * 60_000, () => this.runScheduled());
  }

  run(): Promise<ExclusiveRun<ReminderRun>> {
    return runExclusively(this.dataSource, `kcfund:reminders:${parseDatabaseUrl(this.config.DATABASE_URL).database}`, () => this.remind());
  }

  private async remind(): Promise<ReminderRun> {
    const today = this.clock.today();
    const calendar = await this.calendar.calendar();
    // The furthest due date a "due soon" reminder can be about today.
    const horizon = calendar.addWorkingDays(today, this.config.REMINDER_DAYS_BEFORE);
    const items = [...(await this.files.openUntil(horizon)), ...(await this.settlementsDue(horizon))];
    const events = items.flatMap((item) => {
      const phase = reminderPhase({ today, dueDate: item.dueDate, workingDaysLeft: calendar.workingDaysBetween(today, item.dueDate), daysBefore: this.config.REMINDER_DAYS_BEFORE });
      const event = phase ? reminderEvent(item, phase) : null;
      return event ? [event] : [];
    });
    const reminders = await this.outbox.recordAll(events);
    const digests = await this.worker.queueDigests();
    return { dueItems: items.length, reminders, digests };
  }

  private async settlementsDue(until: string): Promise<FileDeadline[]> {
    const due = await this.contracts.settlementsDueBy(until);
    const waiting = await this.files.awaitingSettlement(due.map((d) => d.applicationId));
    return due.flatMap((d) => {
      const file = waiting.get(d.applicationId);
      return file ? [{ source: 'settlement' as const, itemId: d.applicationId, applicationId: d.applicationId, title: file.title, dueDate: d.dueDate, personId: file.ownerId, unitId: file.leadUnitId, officerId: file.officerId }] : [];
    });
  }

  private async runScheduled(): Promise<void> {
    try {
      const result = await this.run();
      if (result.ran && (result.value.reminders || result.value.digests)) this.logger.log(`reminders: ${JSON.stringify(result.value)}`);
    } catch (error) {
      this.logger.error(`reminders failed: ${(error as Error).message}`);
    }
  }
}
