import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Values the service makes once and every instance on the database shares, such as the secret
 * that signs access tokens when none is configured. A row is written once (INSERT IGNORE by the
 * first instance to start) and read by all.
 */
export class CreateSettings1763884801000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE settings (
        name VARCHAR(64) NOT NULL PRIMARY KEY,
        value VARCHAR(1024) NOT NULL,
        created_at DATETIME(3) NOT NULL
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE settings');
  }
}
