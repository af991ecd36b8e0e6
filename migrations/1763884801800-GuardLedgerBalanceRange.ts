import { MigrationInterface, QueryRunner } from 'typeorm';

const PARAMETERS = `
        IN p_id CHAR(26), IN p_fund_id CHAR(26), IN p_year SMALLINT, IN p_kind VARCHAR(32),
        IN p_debit CHAR(26), IN p_credit CHAR(26), IN p_guarded BOOLEAN, IN p_amount DECIMAL(20,2),
        IN p_reference VARCHAR(120), IN p_reverses_id CHAR(26), IN p_unit_id CHAR(26),
        IN p_application_id CHAR(26), IN p_actor_id CHAR(26), IN p_capacity VARCHAR(32),
        IN p_note VARCHAR(500), IN p_created_at DATETIME(3)`;

const BODY = `
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
          p_application_id, p_actor_id, p_capacity, p_note, p_created_at);`;

/**
 * A balance is a DECIMAL(20,2) like every amount, but it grows with each transfer: two
 * appropriations of 999.999.999.999.999.999 đồng passed the column and MariaDB refused the
 * update (a 500). ledger_post now turns a balance leaving its column (SQLSTATE 22003, out of
 * range) into its own refusal, `OUT_OF_RANGE <tag>`, which the ledger answers as a 400 naming the
 * amount; the statement's changes are undone as for its other refusals. Otherwise the procedure
 * is the one of CreateLedgerProcedures.
 */
export class GuardLedgerBalanceRange1763884801800 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query('DROP PROCEDURE ledger_post');
    await db.query(`
      CREATE PROCEDURE ledger_post(${PARAMETERS})
      BEGIN
        DECLARE v_refusal VARCHAR(128);
        DECLARE EXIT HANDLER FOR SQLSTATE '22003'
        BEGIN
          SET v_refusal = CONCAT('OUT_OF_RANGE ', p_id);
          SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = v_refusal;
        END;
        ${BODY}
      END`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP PROCEDURE ledger_post');
    await db.query(`
      CREATE PROCEDURE ledger_post(${PARAMETERS})
      BEGIN
        DECLARE v_refusal VARCHAR(128);
        ${BODY}
      END`);
  }
}
