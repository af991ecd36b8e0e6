import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Acting appointments (giao quyền Giám đốc Sở): a leader acting as head of the Sở for a period.
 * Their papers are signed "Q. GIÁM ĐỐC"; revoked, never deleted.
 */
export class CreateActingAppointments1763884803600 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE acting_appointments (
        id CHAR(26) NOT NULL PRIMARY KEY,
        user_id CHAR(26) NOT NULL,
        valid_from DATE NOT NULL,
        valid_to DATE NOT NULL,
        decision_no VARCHAR(64) NULL,
        reason VARCHAR(500) NOT NULL,
        created_by CHAR(26) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        revoked_at DATETIME(3) NULL,
        KEY ix_acting_appointments_user (user_id, valid_from),
        KEY ix_acting_appointments_days (valid_from, valid_to),
        CONSTRAINT fk_acting_appointments_user FOREIGN KEY (user_id) REFERENCES users (id),
        CONSTRAINT fk_acting_appointments_created_by FOREIGN KEY (created_by) REFERENCES users (id),
        CONSTRAINT ck_acting_appointments_days CHECK (valid_to >= valid_from)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE acting_appointments');
  }
}
