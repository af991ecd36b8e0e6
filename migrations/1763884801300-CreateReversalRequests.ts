import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Maker-checker for ledger corrections: one finance user asks for a transfer to be reversed,
 * another approves (the reversing transfer is posted then) or rejects. `open_transfer_id` is the
 * transfer while its request waits and NULL once decided (a CHECK ties it to the status), so the
 * unique key lets a transfer have at most one open request, even when two arrive at once. (A
 * generated column would say it alone, but MariaDB refuses a string comparison in a stored one.)
 */
export class CreateReversalRequests1763884801300 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE ledger_reversal_requests (
        id CHAR(26) NOT NULL PRIMARY KEY,
        transfer_id CHAR(26) NOT NULL,
        status VARCHAR(16) NOT NULL,
        requested_by CHAR(26) NOT NULL,
        reason VARCHAR(500) NOT NULL,
        requested_at DATETIME(3) NOT NULL,
        decided_by CHAR(26) NULL,
        decided_at DATETIME(3) NULL,
        decision_reason VARCHAR(500) NULL,
        reversal_transfer_id CHAR(26) NULL,
        open_transfer_id CHAR(26) NULL,
        UNIQUE KEY uq_reversal_requests_open (open_transfer_id),
        KEY ix_reversal_requests_transfer (transfer_id),
        KEY ix_reversal_requests_status (status, id),
        CONSTRAINT fk_reversal_requests_transfer FOREIGN KEY (transfer_id) REFERENCES ledger_transfers (id),
        CONSTRAINT fk_reversal_requests_reversal FOREIGN KEY (reversal_transfer_id) REFERENCES ledger_transfers (id),
        CONSTRAINT fk_reversal_requests_requested_by FOREIGN KEY (requested_by) REFERENCES users (id),
        CONSTRAINT fk_reversal_requests_decided_by FOREIGN KEY (decided_by) REFERENCES users (id),
        CONSTRAINT ck_reversal_requests_status CHECK (status IN ('requested', 'approved', 'rejected')),
        CONSTRAINT ck_reversal_requests_four_eyes CHECK (decided_by IS NULL OR decided_by <> requested_by),
        CONSTRAINT ck_reversal_requests_approved CHECK ((status = 'approved') = (reversal_transfer_id IS NOT NULL)),
        CONSTRAINT ck_reversal_requests_open CHECK ((status = 'requested') = (open_transfer_id IS NOT NULL) AND (open_transfer_id IS NULL OR open_transfer_id = transfer_id))
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE ledger_reversal_requests');
  }
}
