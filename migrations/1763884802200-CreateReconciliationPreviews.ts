import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A treasury statement read and shown to finance before it is imported (xem trước): its rows in
 * compact form, kept for the person who uploaded it until they confirm (the confirmation sends
 * only the preview's id, never the file again) or it expires. Every instance and worker of the
 * service sees the same previews, as they see the same imports.
 */
export class CreateReconciliationPreviews1763884802200 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE reconciliation_previews (
        id CHAR(26) NOT NULL PRIMARY KEY,
        prepared_by CHAR(26) NOT NULL,
        file_sha256 CHAR(64) NOT NULL,
        file_name VARCHAR(255) NULL,
        first_value_date DATE NOT NULL,
        last_value_date DATE NOT NULL,
        line_count INT NOT NULL,
        rows_json LONGTEXT NOT NULL,
        created_at DATETIME(3) NOT NULL,
        KEY ix_reconciliation_previews_created (created_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE reconciliation_previews');
  }
}
