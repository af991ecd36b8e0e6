import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log: append-only (triggers refuse UPDATE and DELETE) and hash-chained. The chain head
 * is one row; the BEFORE INSERT trigger takes it, links the new entry and moves it, so the chain
 * stays linear under concurrent writers and the head is held only for the INSERT and the COMMIT.
 */
export class CreateAuditLog1763884800100 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audit_head (
        id TINYINT NOT NULL PRIMARY KEY,
        seq BIGINT NOT NULL,
        hash CHAR(64) NOT NULL
      ) ENGINE=InnoDB`);
    await db.query(`INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, REPEAT('0', 64))`);
    await db.query(`
      CREATE TABLE audit_log (
        id CHAR(26) NOT NULL PRIMARY KEY,
        seq BIGINT NOT NULL,
        at DATETIME(3) NOT NULL,
        actor_id CHAR(26) NULL,
        capacity VARCHAR(32) NOT NULL,
        on_behalf_of CHAR(26) NULL,
        action VARCHAR(64) NOT NULL,
        entity VARCHAR(64) NOT NULL,
        entity_id VARCHAR(64) NOT NULL,
        before_json LONGTEXT NULL,
        after_json LONGTEXT NULL,
        content_hash CHAR(64) NOT NULL,
        prev_hash CHAR(64) NOT NULL DEFAULT '',
        hash CHAR(64) NOT NULL DEFAULT '',
        UNIQUE KEY uq_audit_seq (seq),
        KEY ix_audit_entity (entity, entity_id, seq),
        KEY ix_audit_actor (actor_id, seq),
        KEY ix_audit_at (at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query(`
      CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW
      BEGIN
        DECLARE v_prev CHAR(64);
        DECLARE v_seq BIGINT;
        SELECT hash, seq INTO v_prev, v_seq FROM audit_head WHERE id = 1 FOR UPDATE;
        SET NEW.seq = v_seq + 1;
        SET NEW.prev_hash = v_prev;
        SET NEW.hash = SHA2(CONCAT(v_prev, NEW.content_hash), 256);
        UPDATE audit_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1;
      END`);
    await db.query(`
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only'`);
    await db.query(`
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE audit_log');
    await db.query('DROP TABLE audit_head');
  }
}
