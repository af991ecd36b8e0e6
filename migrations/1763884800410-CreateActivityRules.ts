import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The activity catalogue: one row per version of an activity type's rule, per fund source (or
 * `all`) and start date. A version is never edited or removed (triggers refuse it); the next
 * version of the same code and scope ends it.
 */
export class CreateActivityRules1763884800410 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE activity_rules (
        id CHAR(26) NOT NULL PRIMARY KEY,
        code VARCHAR(64) NOT NULL,
        name VARCHAR(255) NOT NULL,
        fund_source ENUM('all','central','local','sponsor') NOT NULL,
        support_rate DECIMAL(7,6) NOT NULL,
        support_cap DECIMAL(20,2) NULL,
        advance_rate DECIMAL(7,6) NOT NULL,
        settlement_due_days INT NOT NULL,
        effective_from DATE NOT NULL,
        created_by CHAR(26) NULL,
        created_at DATETIME(3) NOT NULL,
        UNIQUE KEY uq_activity_rules_version (code, fund_source, effective_from),
        KEY ix_activity_rules_from (effective_from),
        CONSTRAINT ck_activity_rules_support_rate CHECK (support_rate >= 0 AND support_rate <= 1),
        CONSTRAINT ck_activity_rules_advance_rate CHECK (advance_rate >= 0 AND advance_rate <= 1),
        CONSTRAINT ck_activity_rules_cap CHECK (support_cap IS NULL OR support_cap > 0),
        CONSTRAINT ck_activity_rules_due_days CHECK (settlement_due_days > 0)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query(`
      CREATE TRIGGER activity_rules_no_update BEFORE UPDATE ON activity_rules FOR EACH ROW
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'activity_rules versions are never edited'`);
    await db.query(`
      CREATE TRIGGER activity_rules_no_delete BEFORE DELETE ON activity_rules FOR EACH ROW
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'activity_rules versions are never deleted'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE activity_rules');
  }
}
