import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Calls for applications (đợt tiếp nhận hồ sơ đề án): a title, the fund and fiscal year, the
 * activity types the call covers (comma-separated codes) and the days it opens and closes. A file
 * may be filed under a call (`applications.call_id`); it is then submitted only inside the window.
 */
export class CreateCalls1763884803100 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE calls (
        id CHAR(26) NOT NULL PRIMARY KEY,
        title VARCHAR(500) NOT NULL,
        fiscal_year SMALLINT NOT NULL,
        fund_code VARCHAR(32) NOT NULL,
        activity_type_codes VARCHAR(1300) NOT NULL,
        opens_on DATE NOT NULL,
        closes_on DATE NOT NULL,
        created_by CHAR(26) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        KEY ix_calls_window (closes_on, opens_on),
        KEY ix_calls_year (fiscal_year, fund_code),
        CONSTRAINT fk_calls_created_by FOREIGN KEY (created_by) REFERENCES users (id),
        CONSTRAINT ck_calls_window CHECK (closes_on >= opens_on),
        CONSTRAINT ck_calls_activities CHECK (activity_type_codes <> '')
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query(`
      ALTER TABLE applications
        ADD COLUMN call_id CHAR(26) NULL AFTER fund_source,
        ADD CONSTRAINT fk_applications_call FOREIGN KEY (call_id) REFERENCES calls (id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE applications DROP FOREIGN KEY fk_applications_call, DROP COLUMN call_id');
    await db.query('DROP TABLE calls');
  }
}
