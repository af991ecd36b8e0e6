import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateUnitsAndUsers1763884800000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE units (
        id CHAR(26) NOT NULL PRIMARY KEY,
        code VARCHAR(32) NOT NULL,
        name VARCHAR(200) NOT NULL,
        kind ENUM('department','division','centre','commune','office') NOT NULL,
        parent_id CHAR(26) NULL,
        active TINYINT(1) NOT NULL DEFAULT 1,
        created_at DATETIME(3) NOT NULL,
        UNIQUE KEY uq_units_code (code),
        CONSTRAINT fk_units_parent FOREIGN KEY (parent_id) REFERENCES units (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query(`
      CREATE TABLE users (
        id CHAR(26) NOT NULL PRIMARY KEY,
        email VARCHAR(254) NOT NULL,
        password_hash VARCHAR(255) NOT NULL,
        full_name VARCHAR(200) NOT NULL,
        phone VARCHAR(20) NULL,
        unit_id CHAR(26) NULL,
        roles VARCHAR(200) NOT NULL,
        active TINYINT(1) NOT NULL DEFAULT 1,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        UNIQUE KEY uq_users_email (email),
        KEY ix_users_unit (unit_id),
        CONSTRAINT fk_users_unit FOREIGN KEY (unit_id) REFERENCES units (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE users');
    await db.query('DROP TABLE units');
  }
}
