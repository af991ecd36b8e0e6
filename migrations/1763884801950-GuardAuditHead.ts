import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit chain's head only moves forward, one entry at a time (as the chain trigger moves it),
 * and is never deleted: entries removed from the end of the log can then no longer be hidden by
 * setting the head back without dropping a trigger, which `GET /audit/verify` detects.
 */
export class GuardAuditHead1763884801950 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TRIGGER audit_head_forward_only BEFORE UPDATE ON audit_head FOR EACH ROW
      BEGIN
        IF NEW.id <> OLD.id OR NEW.seq <> OLD.seq + 1 THEN
          SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_head only moves forward';
        END IF;
      END`);
    await db.query(`
      CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head FOR EACH ROW
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_head is never deleted'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TRIGGER audit_head_no_delete');
    await db.query('DROP TRIGGER audit_head_forward_only');
  }
}
