import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A recovery order (thu hồi) is opened by a settlement, or by cancelling a file on which advances
 * were paid (what was paid is owed back): `origin` says which, and only a settlement's order
 * names its settlement.
 */
export class AddCancellationRecoveries1763884802000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE recoveries
        MODIFY settlement_id CHAR(26) NULL,
        ADD COLUMN origin ENUM('settlement','cancellation') NOT NULL DEFAULT 'settlement' AFTER settlement_id,
        ADD CONSTRAINT ck_recoveries_origin CHECK ((origin = 'settlement') = (settlement_id IS NOT NULL))`);
  }

  async down(db: QueryRunner): Promise<void> {
    // Orders without a settlement cannot be kept by the older schema.
    await db.query("DELETE rr FROM recovery_receipts rr JOIN recoveries r ON r.id = rr.recovery_id WHERE r.origin = 'cancellation'");
    await db.query("DELETE FROM recoveries WHERE origin = 'cancellation'");
    await db.query('ALTER TABLE recoveries DROP CONSTRAINT ck_recoveries_origin, DROP COLUMN origin, MODIFY settlement_id CHAR(26) NOT NULL');
  }
}
