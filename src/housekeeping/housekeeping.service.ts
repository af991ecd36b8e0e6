import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { IdempotencyService } from '../common/http/idempotency.service';
import { AppConfig } from '../config/app-config';
import { parseDatabaseUrl } from '../database/database-url';
import { ExclusiveRun, runExclusively, runOncePerSlot } from '../database/exclusive-run';
import { Clock } from '../common/clock';
import { ApplicationDocumentsService } from '../modules/applications/application-documents.service';
import { AuthService } from '../modules/identity/auth.service';
import { WebSessionService } from '../web/session/web-session.service';
import { scheduleEvery } from '../common/schedule';

/** Idempotency-Keys are kept this long (the contract promises at least 24 hours). */
export const IDEMPOTENCY_KEY_DAYS = 7;

/** What one run removed, job by job. */
export interface HousekeepingReport {
  idempotencyKeys: number;
  webSessions: number;
  refreshTokens: number;
  orphanFiles: { removed: number; restored: number };
}

const SCHEDULE_NAME = 'housekeeping';

/**
 * The service's own upkeep, on a schedule: old Idempotency-Keys, ended web sessions, expired
 * refresh tokens and document files no row names. Each job is its owner's method; this only runs
 * them, one instance at a time across every process on the database (a named database lock: an
 * instance that finds it taken skips the run), and on the schedule once per interval however many
 * instances' timers fire in it (the interval's slot is claimed in `scheduled_runs`).
 */
@Injectable()
export class HousekeepingService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Housekeeping');

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly scheduler: SchedulerRegistry,
    private readonly idempotency: IdempotencyService,
    private readonly auth: AuthService,
    private readonly sessions: WebSessionService,
    private readonly documents: ApplicationDocumentsService,
  ) {}

  onApplicationBootstrap(): void {
    scheduleEvery(this.scheduler, SCHEDULE_NAME, this.intervalMs(), () => this.runScheduled());
  }

  /** Every job once, unless another instance is running them now. */
  run(): Promise<ExclusiveRun<HousekeepingReport>> {
    return runExclusively(this.dataSource, this.lockName(), () => this.runJobs());
  }

  /**
   * The scheduled run: every job, unless another instance already ran them in this interval (or
   * is running them now). With several instances on one database the jobs run once an interval.
   */
  runIfDue(): Promise<ExclusiveRun<HousekeepingReport>> {
    return runOncePerSlot(this.dataSource, this.lockName(), this.intervalMs(), this.clock.now(), () => this.runJobs());
  }

  private async runJobs(): Promise<HousekeepingReport> {
    return {
      idempotencyKeys: await this.idempotency.purgeOlderThan(IDEMPOTENCY_KEY_DAYS * 24),
      webSessions: await this.sessions.purgeExpired(),
      refreshTokens: await this.auth.purgeExpiredRefreshTokens(),
      orphanFiles: await this.documents.sweepOrphanFiles(),
    };
  }

  private async runScheduled(): Promise<void> {
    try {
      const result = await this.runIfDue();
      if (result.ran) this.logger.log(`housekeeping: ${JSON.stringify(result.value)}`);
    } catch (error) {
      // The next run tries again; a failed run changes nothing that matters to a user.
      this.logger.error(`housekeeping failed: ${(error as Error).message}`);
    }
  }

  private intervalMs(): number {
    return this.config.HOUSEKEEPING_INTERVAL_MINUTES * 60_000;
  }

  private lockName(): string {
    return `kcfund:housekeeping:${parseDatabaseUrl(this.config.DATABASE_URL).database}`;
  }
}
