import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The two statements every money movement sends, as stored procedures (MySQL-compatible SQL, and
 * compiled once per connection instead of parsed on every call). Both refuse with a SIGNAL whose
 * text is `<CODE> <tag>`, which the transaction runner turns into the use case's error.
 *
 * - ledger_post: the year's shared lock (a year close waits for it; a year not open refuses), the
 *   guarded update of both balances (rows lock in primary-key order; a guarded source only matches
 *   while it covers the amount), the transfer row. Which accounts may go negative is the ledger's
 *   rule, passed in as p_guarded.
 * - confirm_actor: the caller is still active in a live sign-in, and still as the service
 *   remembers them.
 */
export class CreateLedgerProcedures1763884800900 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE PROCEDURE ledger_post(
        IN p_id CHAR(26), IN p_fund_id CHAR(26), IN p_year SMALLINT, IN p_kind VARCHAR(32),
        IN p_debit CHAR(26), IN p_credit CHAR(26), IN p_guarded BOOLEAN, IN p_amount DECIMAL(20,2),
        IN p_reference VARCHAR(120), IN p_reverses_id CHAR(26), IN p_unit_id CHAR(26),
        IN p_application_id CHAR(26), IN p_actor_id CHAR(26), IN p_capacity VARCHAR(32),
        IN p_note VARCHAR(500), IN p_created_at DATETIME(3))
      BEGIN
        DECLARE v_refusal VARCHAR(128);
        IF NOT EXISTS (SELECT 1 FROM fiscal_years WHERE year = p_year AND status = 'open' LOCK IN SHARE MODE) THEN
          SET v_refusal = CONCAT('YEAR_NOT_OPEN ', p_id);
          SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = v_refusal;
        END IF;
        UPDATE ledger_accounts
           SET balance = CASE WHEN id = p_debit THEN balance + p_amount ELSE balance - p_amount END
         WHERE id IN (p_credit, p_debit) AND (id = p_debit OR NOT p_guarded OR balance >= p_amount);
        IF ROW_COUNT() <> 2 THEN
          SET v_refusal = CONCAT('INSUFFICIENT_FUNDS ', p_id);
          SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = v_refusal;
        END IF;
        INSERT INTO ledger_transfers (id, fund_id, fiscal_year, kind, debit_account_id, credit_account_id, amount,
          reference, reverses_id, unit_id, application_id, actor_id, capacity, note, created_at)
        VALUES (p_id, p_fund_id, p_year, p_kind, p_debit, p_credit, p_amount, p_reference, p_reverses_id, p_unit_id,
          p_application_id, p_actor_id, p_capacity, p_note, p_created_at);
      END`);
    await db.query(`
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
          SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = v_refusal;
        END IF;
      END`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP PROCEDURE confirm_actor');
    await db.query('DROP PROCEDURE ledger_post');
  }
}
