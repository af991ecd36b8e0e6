import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a delegation hands over: `decision` (a leader's ủy quyền to decide files, as until now) or
 * `routine` (a head's routine work of the unit: assigning and initialing, for a window). Existing
 * delegations were all leaders' decisions. The index serves the look-up of a person's routine
 * principals, made when they act on a file.
 */
export class AddDelegationScope1763884801600 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE delegations
        ADD COLUMN scope VARCHAR(16) NOT NULL DEFAULT 'decision' AFTER to_user_id,
        ADD CONSTRAINT ck_delegations_scope CHECK (scope IN ('decision','routine')),
        ADD CONSTRAINT ck_delegations_routine_unlimited CHECK (scope = 'decision' OR (max_amount IS NULL AND activity_type_codes IS NULL)),
        ADD KEY ix_delegations_to_scope (to_user_id, scope, valid_from)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE delegations
        DROP KEY ix_delegations_to_scope,
        DROP CONSTRAINT ck_delegations_routine_unlimited,
        DROP CONSTRAINT ck_delegations_scope,
        DROP COLUMN scope`);
  }
}
