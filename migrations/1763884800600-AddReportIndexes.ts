import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes the reports need. A period report sums ledger transfers by time: the covering index on
 * (created_at, fund_id, kind, unit_id, amount) lets MariaDB answer it from the index alone. The
 * approvals of a period are found by decision date.
 */
export class AddReportIndexes1763884800600 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE INDEX ix_transfers_created ON ledger_transfers (created_at, fund_id, kind, unit_id, amount)');
    await db.query('CREATE INDEX ix_applications_decision_date ON applications (decision_date)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX ix_applications_decision_date ON applications');
    await db.query('DROP INDEX ix_transfers_created ON ledger_transfers');
  }
}
