import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Delegations (ủy quyền): a leader lets another person decide for a period of days, optionally
 * up to an amount and for some activity types only. Revoked, never deleted.
 */
export class CreateDelegations1763884800210 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE delegations (
        id CHAR(26) NOT NULL PRIMARY KEY,
        from_user_id CHAR(26) NOT NULL,
        to_user_id CHAR(26) NOT NULL,
        valid_from DATE NOT NULL,
        valid_to DATE NOT NULL,
        max_amount DECIMAL(20,2) NULL,
        currency CHAR(3) NOT NULL DEFAULT 'VND',
        activity_type_codes VARCHAR(1000) NULL,
        reason VARCHAR(500) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        revoked_at DATETIME(3) NULL,
        KEY ix_delegations_to (to_user_id, valid_from, valid_to),
        KEY ix_delegations_from (from_user_id),
        CONSTRAINT fk_delegations_from FOREIGN KEY (from_user_id) REFERENCES users (id),
        CONSTRAINT fk_delegations_to FOREIGN KEY (to_user_id) REFERENCES users (id),
        CONSTRAINT ck_delegations_window CHECK (valid_to >= valid_from),
        CONSTRAINT ck_delegations_max_amount CHECK (max_amount IS NULL OR max_amount > 0),
        CONSTRAINT ck_delegations_not_self CHECK (from_user_id <> to_user_id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE delegations');
  }
}
