import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who may be supported under a version of an activity type's rule (đúng đối tượng): the kinds of
 * establishment it supports (comma-separated; NULL: any), the most support one establishment may
 * be approved under it in a fiscal year (in the rule's cap currency; NULL: no such cap), and
 * whether a file must name its commune. Versions already published keep no conditions: a version
 * is never edited, and a condition starts with a new version from its effective date.
 */
export class AddActivityEligibility1763884803110 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE activity_rules
        ADD COLUMN eligible_establishment_kinds VARCHAR(200) NULL AFTER required_document_kinds,
        ADD COLUMN max_support_per_establishment_year DECIMAL(20,2) NULL AFTER eligible_establishment_kinds,
        ADD COLUMN requires_commune_code TINYINT(1) NOT NULL DEFAULT 0 AFTER max_support_per_establishment_year,
        ADD CONSTRAINT ck_activity_rules_establishment_cap CHECK (max_support_per_establishment_year IS NULL OR max_support_per_establishment_year > 0)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE activity_rules
        DROP CONSTRAINT ck_activity_rules_establishment_cap,
        DROP COLUMN requires_commune_code,
        DROP COLUMN max_support_per_establishment_year,
        DROP COLUMN eligible_establishment_kinds`);
  }
}
