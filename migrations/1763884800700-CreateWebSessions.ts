import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions of the server-rendered pages. The browser holds a random token in an HTTP-only cookie;
 * only its SHA-256 is stored, with the CSRF token bound to the session (synchronizer token), a
 * one-time message for the next page, and an idle and an absolute expiry.
 */
export class CreateWebSessions1763884800700 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE web_sessions (
        id CHAR(64) NOT NULL PRIMARY KEY,
        user_id CHAR(26) NOT NULL,
        csrf_token CHAR(43) NOT NULL,
        flash VARCHAR(1000) NULL,
        created_at DATETIME(3) NOT NULL,
        last_seen_at DATETIME(3) NOT NULL,
        expires_at DATETIME(3) NOT NULL,
        KEY ix_web_sessions_user (user_id),
        KEY ix_web_sessions_expires (expires_at),
        CONSTRAINT fk_web_sessions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE web_sessions');
  }
}
