import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A consulted unit may ask once, in writing and before its due date, for more time (văn bản đề
 * nghị gia hạn, Điều 13.5 of the working regulation): while asked, its silence is not consent. The
 * file's officer or a head of its lead unit approves (the due date moves; the original is kept) or
 * refuses. Existing consultations have no request.
 */
export class AddConsultationExtensions1763884802800 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE consultations
        ADD COLUMN extension_requested_until DATE NULL,
        ADD COLUMN extension_reason VARCHAR(2000) NULL,
        ADD COLUMN extension_status ENUM('requested','approved','rejected') NULL,
        ADD COLUMN extension_requested_by CHAR(26) NULL,
        ADD COLUMN extension_requested_at DATETIME(3) NULL,
        ADD COLUMN extension_decided_by CHAR(26) NULL,
        ADD COLUMN extension_decided_at DATETIME(3) NULL,
        ADD COLUMN extension_decision_reason VARCHAR(2000) NULL,
        ADD COLUMN original_due_date DATE NULL,
        ADD CONSTRAINT chk_consultation_extension CHECK (
          (extension_status IS NULL AND extension_requested_until IS NULL AND extension_requested_by IS NULL AND extension_requested_at IS NULL)
          OR (extension_status IS NOT NULL AND extension_requested_until IS NOT NULL AND extension_reason IS NOT NULL
              AND extension_requested_by IS NOT NULL AND extension_requested_at IS NOT NULL)
        ),
        ADD CONSTRAINT chk_consultation_extension_decided CHECK (
          extension_status IS NULL OR extension_status = 'requested' OR (extension_decided_by IS NOT NULL AND extension_decided_at IS NOT NULL)
        )
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE consultations
        DROP CONSTRAINT chk_consultation_extension_decided,
        DROP CONSTRAINT chk_consultation_extension,
        DROP COLUMN original_due_date,
        DROP COLUMN extension_decision_reason,
        DROP COLUMN extension_decided_at,
        DROP COLUMN extension_decided_by,
        DROP COLUMN extension_requested_at,
        DROP COLUMN extension_requested_by,
        DROP COLUMN extension_status,
        DROP COLUMN extension_reason,
        DROP COLUMN extension_requested_until
    `);
  }
}
