import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a file achieved, recorded with its acceptance (nghiệm thu): jobs created and kept, women
 * and disabled workers among them, people trained, demonstration models built. Null when the
 * acceptance recorded none (every acceptance before this change).
 */
const OUTCOMES = ['jobs_created', 'jobs_kept', 'women_workers', 'disabled_workers', 'trainees', 'models_built'];

export class AddAcceptanceOutcomes1763884803010 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE acceptances ${OUTCOMES.map((c) => `ADD COLUMN ${c} INT UNSIGNED NULL`).join(', ')}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE acceptances ${OUTCOMES.map((c) => `DROP COLUMN ${c}`).join(', ')}`);
  }
}
