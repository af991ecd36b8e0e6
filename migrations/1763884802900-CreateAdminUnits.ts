import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The national list of administrative units in force since 1 July 2025 (Quyết định 19/2025/QĐ-TTg):
 * two levels, a province or city (2-digit code) and its communes, wards and special zones (5-digit
 * code). The table starts empty: the list is public data the province loads itself (ADMIN_UNITS_FILE
 * at start, or POST /admin-units/import), not something the repository ships.
 */
export class CreateAdminUnits1763884802900 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE admin_units (
        code VARCHAR(5) NOT NULL PRIMARY KEY,
        name VARCHAR(100) NOT NULL,
        kind ENUM('province','city','ward','commune','special_zone') NOT NULL,
        province_code VARCHAR(2) NULL,
        CONSTRAINT fk_admin_units_province FOREIGN KEY (province_code) REFERENCES admin_units (code),
        CONSTRAINT ck_admin_units_level CHECK ((kind IN ('province','city')) = (province_code IS NULL))
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE admin_units');
  }
}
