import { MigrationInterface, QueryRunner } from 'typeorm';

const CONFIRM_ACTOR_HEAD = `
  CREATE PROCEDURE confirm_actor(
    IN p_id CHAR(26), IN p_session_id CHAR(26), IN p_roles VARCHAR(200), IN p_unit_id CHAR(26),
    IN p_email VARCHAR(254), IN p_full_name VARCHAR(200))
  BEGIN
    DECLARE v_refusal VARCHAR(128);
    IF NOT EXISTS (SELECT 1 FROM users WHERE id = p_id AND active = 1)
       OR EXISTS (SELECT 1 FROM refresh_tokens WHERE family_id = p_session_id AND revoked_at IS NOT NULL) THEN
      SET v_refusal = CONCAT('ACTOR_INACTIVE ', p_id);
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = v_refusal;
    ELSEIF NOT EXISTS (SELECT 1 FROM users WHERE id = p_id AND roles = p_roles AND unit_id <=> p_unit_id
                         AND email = p_email AND full_name = p_full_name) THEN
      SET v_refusal = CONCAT('ACTOR_CHANGED ', p_id);
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = v_refusal;`;

/**
 * User administration:
 * - users.must_change_password: set by an administrator's password reset; until the user picks a
 *   new password every route but the password change, /me and logout answers 403.
 * - users.leader_scope: a deputy director's field of work (activity types, units), JSON or NULL.
 * - users.credentials_version, web_sessions.credentials_version: a password change or reset bumps
 *   the user's number; a page session opened under an older number has ended.
 * - confirm_actor also refuses a caller who must change their password (the money path takes the
 *   caller from memory and confirms them here).
 * - confirm_unit_active: a unit receiving new money or work is still active, read under a shared
 *   lock, so a deactivation (which locks the row for update) and an allocation to the unit run one
 *   after the other and the deactivation sees the money.
 */
export class AddUserAdministration1763884801100 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE users
        ADD COLUMN must_change_password TINYINT(1) NOT NULL DEFAULT 0,
        ADD COLUMN leader_scope JSON NULL,
        ADD COLUMN credentials_version INT NOT NULL DEFAULT 0`);
    await db.query('ALTER TABLE web_sessions ADD COLUMN credentials_version INT NOT NULL DEFAULT 0');
    await db.query('DROP PROCEDURE confirm_actor');
    await db.query(`${CONFIRM_ACTOR_HEAD}
    ELSEIF EXISTS (SELECT 1 FROM users WHERE id = p_id AND must_change_password = 1) THEN
      SET v_refusal = CONCAT('ACTOR_MUST_CHANGE_PASSWORD ', p_id);
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = v_refusal;
    END IF;
  END`);
    await db.query(`
      CREATE PROCEDURE confirm_unit_active(IN p_id CHAR(26))
      BEGIN
        DECLARE v_refusal VARCHAR(128);
        IF NOT EXISTS (SELECT 1 FROM units WHERE id = p_id AND active = 1 LOCK IN SHARE MODE) THEN
          SET v_refusal = CONCAT('UNIT_INACTIVE ', p_id);
          SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = v_refusal;
        END IF;
      END`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP PROCEDURE confirm_unit_active');
    await db.query('DROP PROCEDURE confirm_actor');
    await db.query(`${CONFIRM_ACTOR_HEAD}
    END IF;
  END`);
    await db.query('ALTER TABLE web_sessions DROP COLUMN credentials_version');
    await db.query('ALTER TABLE users DROP COLUMN credentials_version, DROP COLUMN leader_scope, DROP COLUMN must_change_password');
  }
}
