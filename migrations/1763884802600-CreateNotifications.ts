import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications: the outbox the steps write their events into (in the step's own transaction),
 * the in-app notifications a worker makes of them, one per recipient, the e-mail deliveries
 * (one row per recipient and channel, claimed, retried with backoff, sent once), and each
 * person's settings (e-mail on or off, a daily digest).
 */
export class CreateNotifications1763884802600 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE notification_outbox (
      id CHAR(26) NOT NULL PRIMARY KEY,
      kind VARCHAR(40) NOT NULL,
      application_id CHAR(26) NULL,
      payload TEXT NOT NULL,
      dedupe_key VARCHAR(190) NULL,
      created_at DATETIME(3) NOT NULL,
      processed_at DATETIME(3) NULL,
      UNIQUE KEY uq_notification_outbox_dedupe (dedupe_key),
      KEY ix_notification_outbox_pending (processed_at, id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query(`CREATE TABLE notifications (
      id CHAR(26) NOT NULL PRIMARY KEY,
      user_id CHAR(26) NOT NULL,
      event_id CHAR(26) NOT NULL,
      kind VARCHAR(40) NOT NULL,
      title VARCHAR(300) NOT NULL,
      body VARCHAR(2000) NOT NULL,
      application_id CHAR(26) NULL,
      due_date DATE NULL,
      link VARCHAR(300) NULL,
      created_at DATETIME(3) NOT NULL,
      read_at DATETIME(3) NULL,
      digest_date DATE NULL,
      UNIQUE KEY uq_notifications_event_user (event_id, user_id),
      KEY ix_notifications_user (user_id, read_at, id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query(`CREATE TABLE notification_deliveries (
      id CHAR(26) NOT NULL PRIMARY KEY,
      dedupe_key VARCHAR(190) NOT NULL,
      user_id CHAR(26) NOT NULL,
      channel ENUM('email') NOT NULL,
      to_address VARCHAR(254) NOT NULL,
      subject VARCHAR(300) NOT NULL,
      body TEXT NOT NULL,
      status ENUM('pending','sending','sent','failed') NOT NULL,
      attempts INT NOT NULL DEFAULT 0,
      next_attempt_at DATETIME(3) NOT NULL,
      claimed_until DATETIME(3) NULL,
      sent_at DATETIME(3) NULL,
      last_error VARCHAR(1000) NULL,
      created_at DATETIME(3) NOT NULL,
      UNIQUE KEY uq_notification_deliveries_dedupe (dedupe_key),
      KEY ix_notification_deliveries_due (status, next_attempt_at)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query(`CREATE TABLE notification_settings (
      user_id CHAR(26) NOT NULL PRIMARY KEY,
      email TINYINT(1) NOT NULL DEFAULT 1,
      digest ENUM('daily','off') NOT NULL DEFAULT 'off',
      updated_at DATETIME(3) NOT NULL
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE notification_settings');
    await db.query('DROP TABLE notification_deliveries');
    await db.query('DROP TABLE notifications');
    await db.query('DROP TABLE notification_outbox');
  }
}
