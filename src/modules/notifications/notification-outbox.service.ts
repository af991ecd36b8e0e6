import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { newId } from '../../common/ids';
import { TransactionRunner } from '../../database/transaction';
import type { NotificationEvent } from './notification-event.types';

const INSERT = 'INSERT IGNORE INTO notification_outbox (id, kind, application_id, payload, dedupe_key, created_at) VALUES ';

function row(event: NotificationEvent, at: Date): unknown[] {
  const payload = JSON.stringify({ dueDate: event.dueDate ?? null, link: event.link ?? null, messages: event.messages });
  return [newId(), event.kind.slice(0, 40), event.applicationId ?? null, payload, event.dedupeKey ?? null, at];
}

/**
 * The outbox: a step's events go into it in the step's own transaction (the insert rides with
 * the final round trip before COMMIT, so the step costs no extra trip), and so exist exactly when
 * the step does. A worker makes notifications and e-mails of them afterwards.
 */
@Injectable()
export class NotificationOutbox {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /** Records the event with the transaction in progress (a step without one is a programming error). */
  record(event: NotificationEvent): void {
    if (!this.tx.inTransaction) throw new Error('notification events are recorded inside the transaction of the step');
    if (event.messages.length === 0) return;
    this.tx.atCommit({ sql: `${INSERT}(?,?,?,?,?,?)`, params: row(event, this.clock.now()) });
  }

  /** Records events on their own (reminders), in batches; an event whose key exists already is dropped. Returns how many were new. */
  async recordAll(events: NotificationEvent[]): Promise<number> {
    const now = this.clock.now();
    let added = 0;
    for (let i = 0; i < events.length; i += 500) {
      const batch = events.slice(i, i + 500).filter((e) => e.messages.length > 0);
      if (batch.length === 0) continue;
      const result: { affectedRows?: number } = await this.tx.manager.query(INSERT + batch.map(() => '(?,?,?,?,?,?)').join(','), batch.flatMap((e) => row(e, now)));
      added += result.affectedRows ?? 0;
    }
    return added;
  }
}
