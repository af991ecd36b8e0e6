import { MigrationInterface, QueryRunner } from 'typeorm';

/** Establishments (cơ sở CNNT) registered by producers; one per tax code. */
export class CreateEstablishments1763884800400 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE establishments (
        id CHAR(26) NOT NULL PRIMARY KEY,
        owner_id CHAR(26) NOT NULL,
        name VARCHAR(255) NOT NULL,
        kind ENUM('enterprise','cooperative','cooperative_group','household_business') NOT NULL,
        tax_code VARCHAR(14) NOT NULL,
        commune_code VARCHAR(16) NOT NULL,
        address VARCHAR(500) NOT NULL,
        representative VARCHAR(200) NOT NULL,
        phone VARCHAR(20) NOT NULL,
        employees INT NOT NULL,
        created_at DATETIME(3) NOT NULL,
        UNIQUE KEY uq_establishments_tax_code (tax_code),
        KEY ix_establishments_owner (owner_id),
        CONSTRAINT fk_establishments_owner FOREIGN KEY (owner_id) REFERENCES users (id),
        CONSTRAINT ck_establishments_tax_code CHECK (tax_code REGEXP '^[0-9]{10}(-[0-9]{3})?$'),
        CONSTRAINT ck_establishments_employees CHECK (employees >= 0)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE establishments');
  }
}
