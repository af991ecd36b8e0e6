import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * web_sessions.kept_form: what a person had typed into a form when their previous session ended
 * (JSON: the form's page, its fields; never passwords or tokens; at most 32 KB), filled into that
 * form once after they sign in again, then cleared.
 */
export class AddWebSessionKeptForm1763884802400 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE web_sessions ADD COLUMN kept_form TEXT NULL');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE web_sessions DROP COLUMN kept_form');
  }
}
