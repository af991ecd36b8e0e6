import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How an establishment is classified for the programme's priorities, as the sources name them:
 * a craft village (làng nghề) it belongs to, a traditional craft (nghề truyền thống) it keeps,
 * the recognised artisans (nghệ nhân) working there, and its women and disabled workers (lao động
 * nữ, lao động là người khuyết tật). The owner declares them; an officer or head verifies them
 * (who and when), and any later change by the owner clears that verification: the version counts
 * the changes, so a verification is of the values the verifier saw.
 *
 * The counts are NULL until declared (an establishment registered before this migration has not
 * said), never more than its workers; the two groups may overlap, so they are not summed.
 */
export class AddEstablishmentClassification1763884803200 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE establishments
        ADD COLUMN craft_village VARCHAR(200) NULL AFTER employees,
        ADD COLUMN traditional_craft VARCHAR(200) NULL AFTER craft_village,
        ADD COLUMN artisans INT NULL AFTER traditional_craft,
        ADD COLUMN women_workers INT NULL AFTER artisans,
        ADD COLUMN disabled_workers INT NULL AFTER women_workers,
        ADD COLUMN classification_version INT NOT NULL DEFAULT 0 AFTER disabled_workers,
        ADD COLUMN classification_verified_by CHAR(26) NULL AFTER classification_version,
        ADD COLUMN classification_verified_at DATETIME(3) NULL AFTER classification_verified_by,
        ADD CONSTRAINT fk_establishments_classification_verifier FOREIGN KEY (classification_verified_by) REFERENCES users (id),
        ADD CONSTRAINT ck_establishments_artisans CHECK (artisans IS NULL OR artisans BETWEEN 0 AND employees),
        ADD CONSTRAINT ck_establishments_women_workers CHECK (women_workers IS NULL OR women_workers BETWEEN 0 AND employees),
        ADD CONSTRAINT ck_establishments_disabled_workers CHECK (disabled_workers IS NULL OR disabled_workers BETWEEN 0 AND employees),
        ADD CONSTRAINT ck_establishments_classification_verified CHECK ((classification_verified_by IS NULL) = (classification_verified_at IS NULL))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE establishments
        DROP CONSTRAINT ck_establishments_classification_verified,
        DROP CONSTRAINT ck_establishments_disabled_workers,
        DROP CONSTRAINT ck_establishments_women_workers,
        DROP CONSTRAINT ck_establishments_artisans,
        DROP FOREIGN KEY fk_establishments_classification_verifier`);
    await db.query(`
      ALTER TABLE establishments
        DROP COLUMN classification_verified_at,
        DROP COLUMN classification_verified_by,
        DROP COLUMN classification_version,
        DROP COLUMN disabled_workers,
        DROP COLUMN women_workers,
        DROP COLUMN artisans,
        DROP COLUMN traditional_craft,
        DROP COLUMN craft_village`);
  }
}
