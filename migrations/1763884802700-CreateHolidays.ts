import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The holiday calendar (lịch ngày lễ): weekdays that are not working days, by date. Saturdays and
 * Sundays are rest days by rule and are not stored. `created_by` is null for the seeded days.
 */
export class CreateHolidays1763884802700 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE holidays (
        date DATE NOT NULL PRIMARY KEY,
        name VARCHAR(200) NOT NULL,
        created_by CHAR(26) NULL,
        created_at DATETIME(3) NOT NULL,
        CONSTRAINT fk_holidays_created_by FOREIGN KEY (created_by) REFERENCES users (id),
        CONSTRAINT ck_holidays_weekday CHECK (WEEKDAY(date) < 5)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE holidays');
  }
}
