import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The kinds of document a file of an activity type must carry before it is submitted, as part of
 * each version of the type's rule (comma-separated kind codes; empty: none). Versions already
 * published keep an empty list: a version is never edited, and a requirement starts with a new
 * version from its effective date.
 */
export class AddRequiredDocumentKinds1763884802300 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query("ALTER TABLE activity_rules ADD COLUMN required_document_kinds VARCHAR(500) NOT NULL DEFAULT '' AFTER effective_from");
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE activity_rules DROP COLUMN required_document_kinds');
  }
}
