import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The last time slot each scheduled job ran in, shared by every instance on the database: of
 * several instances whose timers fire in the same slot, the first to claim it runs the job and
 * the others skip it, so a job runs once per interval however many instances there are.
 */
export class CreateScheduledRuns1763884803700 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE scheduled_runs (
        name VARCHAR(64) NOT NULL PRIMARY KEY,
        slot BIGINT NOT NULL,
        ran_at DATETIME(3) NOT NULL
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE scheduled_runs');
  }
}
