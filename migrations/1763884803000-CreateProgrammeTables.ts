import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The programme's yearly records (issue 20): the annual plan (kế hoạch năm: target counts and
 * budget estimates per activity type, unit and fund), the narrative of the annual review (kết quả
 * đạt được, khó khăn vướng mắc, nguyên nhân, đề xuất kiến nghị) and the commendations (khen
 * thưởng) it lists. `recipient_key` names who was commended in one column, so that the same
 * decision cannot commend the same recipient twice.
 */
export class CreateProgrammeTables1763884803000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE plan_items (
        id CHAR(26) NOT NULL PRIMARY KEY,
        fiscal_year SMALLINT NOT NULL,
        activity_type_code VARCHAR(64) NOT NULL,
        unit_id CHAR(26) NOT NULL,
        fund_code VARCHAR(32) NOT NULL,
        planned_count INT NOT NULL,
        planned_budget DECIMAL(20,2) NOT NULL,
        updated_by CHAR(26) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        UNIQUE KEY uq_plan_items_line (fiscal_year, activity_type_code, unit_id, fund_code),
        CONSTRAINT fk_plan_items_unit FOREIGN KEY (unit_id) REFERENCES units (id),
        CONSTRAINT fk_plan_items_updated_by FOREIGN KEY (updated_by) REFERENCES users (id),
        CONSTRAINT ck_plan_items_count CHECK (planned_count >= 0),
        CONSTRAINT ck_plan_items_budget CHECK (planned_budget >= 0)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query(`
      CREATE TABLE annual_narratives (
        fiscal_year SMALLINT NOT NULL PRIMARY KEY,
        results TEXT NOT NULL,
        difficulties TEXT NOT NULL,
        causes TEXT NOT NULL,
        proposals TEXT NOT NULL,
        updated_by CHAR(26) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        CONSTRAINT fk_annual_narratives_updated_by FOREIGN KEY (updated_by) REFERENCES users (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query(`
      CREATE TABLE commendations (
        id CHAR(26) NOT NULL PRIMARY KEY,
        fiscal_year SMALLINT NOT NULL,
        establishment_id CHAR(26) NULL,
        person_name VARCHAR(200) NULL,
        unit_id CHAR(26) NULL,
        recipient_key VARCHAR(260) NOT NULL,
        form VARCHAR(200) NOT NULL,
        decision_no VARCHAR(64) NOT NULL,
        decision_date DATE NOT NULL,
        reason VARCHAR(2000) NOT NULL,
        created_by CHAR(26) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        UNIQUE KEY uq_commendations_recipient (fiscal_year, decision_no, recipient_key),
        CONSTRAINT fk_commendations_establishment FOREIGN KEY (establishment_id) REFERENCES establishments (id),
        CONSTRAINT fk_commendations_unit FOREIGN KEY (unit_id) REFERENCES units (id),
        CONSTRAINT fk_commendations_created_by FOREIGN KEY (created_by) REFERENCES users (id),
        CONSTRAINT ck_commendations_recipient CHECK (establishment_id IS NOT NULL OR person_name IS NOT NULL OR unit_id IS NOT NULL)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['commendations', 'annual_narratives', 'plan_items']) await db.query(`DROP TABLE ${table}`);
  }
}
