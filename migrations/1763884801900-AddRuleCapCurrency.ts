import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A rule's cap is an amount in a currency: the national and provincial rules are written in
 * đồng, so every existing version keeps VND. A file in another currency is judged by a capped
 * rule only in that rule's currency (no exchange rate is assumed).
 */
export class AddRuleCapCurrency1763884801900 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    // ALTER TABLE fires no trigger: the versions stay unedited rows, now with their currency.
    await db.query(`ALTER TABLE activity_rules ADD COLUMN cap_currency CHAR(3) NOT NULL DEFAULT 'VND' AFTER support_cap`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE activity_rules DROP COLUMN cap_currency');
  }
}
