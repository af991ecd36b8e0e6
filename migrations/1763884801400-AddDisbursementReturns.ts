import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A payment the treasury sent back (hoàn trả): a paid disbursement becomes `returned`, with who
 * recorded it and when, the treasury's reference and value date of the money coming in (unique,
 * as the payments' references are), why, and the ledger transfer that took it back to the
 * file's commitment. The transfer's kind (`disbursement_return`) needs no schema change: the
 * ledger stores kinds as text.
 * Also `requested_on_behalf_of`: the leader behind a delegate who requested a disbursement (the
 * final payment a delegate's settlement decision opens), who may not approve it.
 */
export class AddDisbursementReturns1763884801400 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE disbursements
        MODIFY status ENUM('requested','approved','paid','rejected','returned') NOT NULL,
        ADD COLUMN returned_by CHAR(26) NULL,
        ADD COLUMN returned_at DATETIME(3) NULL,
        ADD COLUMN return_treasury_ref VARCHAR(64) NULL,
        ADD COLUMN return_value_date DATE NULL,
        ADD COLUMN return_reason VARCHAR(1000) NULL,
        ADD COLUMN return_transfer_id CHAR(26) NULL,
        ADD COLUMN requested_on_behalf_of CHAR(26) NULL,
        ADD UNIQUE KEY uq_disbursements_return_treasury_ref (return_treasury_ref),
        ADD KEY ix_disbursements_return_value_date (return_value_date)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE disbursements
        DROP KEY ix_disbursements_return_value_date,
        DROP KEY uq_disbursements_return_treasury_ref,
        DROP COLUMN requested_on_behalf_of,
        DROP COLUMN return_transfer_id,
        DROP COLUMN return_reason,
        DROP COLUMN return_value_date,
        DROP COLUMN return_treasury_ref,
        DROP COLUMN returned_at,
        DROP COLUMN returned_by,
        MODIFY status ENUM('requested','approved','paid','rejected') NOT NULL`);
  }
}
