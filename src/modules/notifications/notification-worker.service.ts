import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Clock } from '../../common/clock';
import { newId } from '../../common/ids';
import { formatDateVi } from '../../common/money/format-vi';
import { AppConfig } from '../../config/app-config';
import { TransactionRunner } from '../../database/transaction';
import type { Recipient } from '../identity/recipients.types';
import { UsersService } from '../identity/users.service';
import { afterFailure, digestEmail, notificationEmail } from './delivery.rules';
import { MailTransport } from './mail-transport';
import type { NoticeMessage } from './notification-event.types';
import { scheduleEvery } from '../../common/schedule';

const EXPAND_BATCH = 200;
/** E-mails claimed at once: a worker that dies leaves at most these waiting for their claim to lapse. */
const DELIVER_BATCH = 10;

export interface WorkerRun {
  /** Outbox events turned into notifications. */
  events: number;
  notifications: number;
  /** E-mails handed to the SMTP server, and those that failed this time. */
  sent: number;
  failed: number;
}

interface PendingEvent {
  id: string;
  kind: string;
  application_id: string | null;
  payload: string;
}

interface ClaimedMail {
  id: string;
  to_address: string;
  subject: string;
  body: string;
  attempts: number;
}

/**
 * Turns the outbox into notifications and e-mails, at least once and never twice:
 * - an event is expanded in one transaction (its row locked, skipped by other workers): one
 *   notification per recipient and an e-mail delivery per recipient who wants e-mail, then the
 *   event is marked done; a crash before the commit leaves the event to the next run;
 * - an e-mail is claimed for MAIL_CLAIM_SECONDS (committed), sent, then marked sent; a worker
 *   that dies while sending leaves the claim to lapse and the next run sends it again under the
 *   same Message-ID; a refusal is retried with backoff (delivery.rules).
 */
@Injectable()
export class NotificationWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger('Notifications');
  private running: Promise<WorkerRun> | null = null;

  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly mail: MailTransport,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    scheduleEvery(this.scheduler, 'notifications', this.config.NOTIFICATIONS_INTERVAL_SECONDS * 1000, () => this.runScheduled());
  }

  /** Everything due now: every pending event, then every e-mail due (one run at a time in this process). */
  runOnce(): Promise<WorkerRun> {
    this.running ??= this.work().finally(() => (this.running = null));
    return this.running;
  }

  private async work(): Promise<WorkerRun> {
    const run: WorkerRun = { events: 0, notifications: 0, sent: 0, failed: 0 };
    for (;;) {
      const { events, notifications } = await this.expandBatch();
      run.events += events;
      run.notifications += notifications;
      if (events < EXPAND_BATCH) break;
    }
    if (!this.mail.enabled) return run;
    for (;;) {
      const claimed = await this.claimBatch();
      for (const mail of claimed) {
        if (await this.sendOne(mail)) run.sent++;
        else run.failed++;
      }
      if (claimed.length < DELIVER_BATCH) break;
    }
    return run;
  }

  private async runScheduled(): Promise<void> {
    try {
      const run = await this.runOnce();
      if (run.events || run.sent || run.failed) this.logger.log(`notifications: ${JSON.stringify(run)}`);
    } catch (error) {
      this.logger.error(`notification worker failed: ${(error as Error).message}`);
    }
  }

  private expandBatch(): Promise<{ events: number; notifications: number }> {
    return this.tx.run(async (em) => {
      const events: PendingEvent[] = await em.query(
        'SELECT id, kind, application_id, payload FROM notification_outbox WHERE processed_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED',
        [EXPAND_BATCH],
      );
      if (events.length === 0) return { events: 0, notifications: 0 };
      const now = this.clock.now();
      // The batch's audiences repeat (the heads of one unit, one producer): each is looked up once.
      const audiences = new Map<string, Promise<Recipient[]>>();
      const recipients = (audience: NoticeMessage['audience']) => {
        const key = JSON.stringify(audience);
        let found = audiences.get(key);
        if (!found) audiences.set(key, (found = this.users.recipients(audience)));
        return found;
      };
      let notifications = 0;
      for (const event of events) notifications += await this.expand(event, now, recipients);
      await em.query(`UPDATE notification_outbox SET processed_at = ? WHERE id IN (${events.map(() => '?').join(',')})`, [now, ...events.map((e) => e.id)]);
      return { events: events.length, notifications };
    });
  }

  /** One event's notifications and e-mails; a person in several audiences gets the first message that names them. */
  private async expand(event: PendingEvent, now: Date, recipientsOf: (audience: NoticeMessage['audience']) => Promise<Recipient[]>): Promise<number> {
    const em = this.tx.manager;
    const payload = JSON.parse(event.payload) as { dueDate: string | null; link: string | null; messages: NoticeMessage[] };
    const seen = new Set<string>();
    const rows: Array<{ recipient: Recipient; message: NoticeMessage }> = [];
    for (const message of payload.messages) {
      for (const recipient of await recipientsOf(message.audience)) {
        if (seen.has(recipient.id)) continue;
        seen.add(recipient.id);
        rows.push({ recipient, message });
      }
    }
    if (rows.length === 0) return 0;
    await em.query(
      `INSERT IGNORE INTO notifications (id, user_id, event_id, kind, title, body, application_id, due_date, link, created_at) VALUES ${rows.map(() => '(?,?,?,?,?,?,?,?,?,?)').join(',')}`,
      rows.flatMap(({ recipient, message }) => [newId(), recipient.id, event.id, event.kind, message.title.slice(0, 300), message.body.slice(0, 2000), event.application_id, payload.dueDate, payload.link, now]),
    );
    if (!this.mail.enabled) return rows.length;
    const settings = await this.settingsOf(rows.map((r) => r.recipient.id));
    const mailed = rows.filter(({ recipient }) => {
      const s = settings.get(recipient.id);
      return (s?.email ?? true) && (s?.digest ?? 'off') === 'off';
    });
    if (mailed.length > 0) {
      await em.query(
        `INSERT IGNORE INTO notification_deliveries (id, dedupe_key, user_id, channel, to_address, subject, body, status, attempts, next_attempt_at, created_at) VALUES ${mailed.map(() => "(?,?,?,'email',?,?,?,'pending',0,?,?)").join(',')}`,
        mailed.flatMap(({ recipient, message }) => {
          const mail = notificationEmail({ fullName: recipient.fullName, title: message.title, body: message.body, link: payload.link, publicUrl: this.config.publicUrl, sender: this.config.ISSUING_BODY });
          return [newId(), `n:${event.id}:${recipient.id}`, recipient.id, recipient.email, mail.subject, mail.text, now, now];
        }),
      );
    }
    return rows.length;
  }

  private async settingsOf(userIds: string[]): Promise<Map<string, { email: boolean; digest: string }>> {
    const rows: Array<{ user_id: string; email: number; digest: string }> = await this.tx.manager.query(
      `SELECT user_id, email, digest FROM notification_settings WHERE user_id IN (${userIds.map(() => '?').join(',')})`,
      userIds,
    );
    return new Map(rows.map((r) => [r.user_id, { email: Number(r.email) === 1, digest: r.digest }]));
  }

  /** Claims the e-mails due now (and those whose claim lapsed: their worker died), committed before any is sent. */
  private claimBatch(): Promise<ClaimedMail[]> {
    return this.tx.run(async (em) => {
      const now = this.clock.now();
      const due: Array<{ id: string }> = await em.query(
        `SELECT id FROM notification_deliveries
          WHERE (status = 'pending' AND next_attempt_at <= ?) OR (status = 'sending' AND claimed_until < ?)
          ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED`,
        [now, now, DELIVER_BATCH],
      );
      if (due.length === 0) return [];
      const ids = due.map((d) => d.id);
      const marks = ids.map(() => '?').join(',');
      await em.query(`UPDATE notification_deliveries SET status = 'sending', attempts = attempts + 1, claimed_until = ? WHERE id IN (${marks})`, [
        new Date(now.getTime() + this.config.MAIL_CLAIM_SECONDS * 1000),
        ...ids,
      ]);
      return em.query(`SELECT id, to_address, subject, body, attempts FROM notification_deliveries WHERE id IN (${marks}) ORDER BY next_attempt_at, id`, ids);
    });
  }

  private async sendOne(mail: ClaimedMail): Promise<boolean> {
    try {
      await this.mail.send({ to: mail.to_address, subject: mail.subject, text: mail.body, messageId: `<${mail.id}@kcfund>` });
    } catch (error) {
      const next = afterFailure({ attempts: mail.attempts, now: this.clock.now() });
      const message = (error as Error).message.slice(0, 1000);
      await this.tx.manager.query(
        "UPDATE notification_deliveries SET status = ?, next_attempt_at = COALESCE(?, next_attempt_at), claimed_until = NULL, last_error = ? WHERE id = ? AND status = 'sending'",
        [next.status, next.status === 'pending' ? next.nextAttemptAt : null, message, mail.id],
      );
      this.logger.warn(`e-mail ${mail.id} not sent (attempt ${mail.attempts}): ${message}`);
      return false;
    }
    await this.tx.manager.query("UPDATE notification_deliveries SET status = 'sent', sent_at = ?, claimed_until = NULL, last_error = NULL WHERE id = ?", [this.clock.now(), mail.id]);
    return true;
  }

  /**
   * The day's digest for everyone who chose one: the notifications not yet e-mailed, in one
   * message, once a day (the delivery's key is the person and the day).
   */
  async queueDigests(): Promise<number> {
    if (!this.mail.enabled) return 0;
    const today = this.clock.today();
    const people: Array<{ user_id: string }> = await this.tx.manager.query("SELECT user_id FROM notification_settings WHERE digest = 'daily' AND email = 1");
    let queued = 0;
    for (const { user_id: userId } of people) {
      queued += await this.tx.run(async (em) => {
        const items: Array<{ id: string; title: string; link: string | null }> = await em.query(
          'SELECT id, title, link FROM notifications WHERE user_id = ? AND digest_date IS NULL AND read_at IS NULL ORDER BY id LIMIT 500 FOR UPDATE',
          [userId],
        );
        if (items.length === 0) return 0;
        const [recipient] = await this.users.recipients({ userIds: [userId] });
        if (!recipient) return 0;
        const mail = digestEmail({ fullName: recipient.fullName, day: formatDateVi(today), items, publicUrl: this.config.publicUrl, sender: this.config.ISSUING_BODY });
        const now = this.clock.now();
        const result: { affectedRows?: number } = await em.query(
          "INSERT IGNORE INTO notification_deliveries (id, dedupe_key, user_id, channel, to_address, subject, body, status, attempts, next_attempt_at, created_at) VALUES (?,?,?,'email',?,?,?,'pending',0,?,?)",
          [newId(), `digest:${userId}:${today}`, userId, recipient.email, mail.subject, mail.text, now, now],
        );
        if (!result.affectedRows) return 0;
        await em.query(`UPDATE notifications SET digest_date = ? WHERE id IN (${items.map(() => '?').join(',')})`, [today, ...items.map((i) => i.id)]);
        return 1;
      });
    }
    return queued;
  }
}
