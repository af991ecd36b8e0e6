import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Funds, fiscal years, appropriations, the double-entry ledger and Idempotency-Key records.
 *
 * Ledger accounts hold their balance; a transfer debits (adds to) one account and credits
 * (takes from) another. Only `source`, `recovery` and `carry_in` accounts — where money enters a
 * year's books — may go below zero; the CHECK refuses it for every other account even if a bug
 * bypassed the ledger's guarded update. Transfers are immutable: triggers refuse UPDATE and DELETE.
 */
export class CreateBudgetAndLedger1763884800300 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE funds (
        id CHAR(26) NOT NULL PRIMARY KEY,
        code VARCHAR(32) NOT NULL,
        name VARCHAR(200) NOT NULL,
        source ENUM('central','local','sponsor') NOT NULL,
        sponsor_name VARCHAR(200) NULL,
        currency CHAR(3) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        UNIQUE KEY uq_funds_code (code)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query(`
      CREATE TABLE fiscal_years (
        year SMALLINT NOT NULL PRIMARY KEY,
        status ENUM('open','closed') NOT NULL,
        closed_at DATETIME(3) NULL,
        closed_by CHAR(26) NULL,
        created_at DATETIME(3) NOT NULL
      ) ENGINE=InnoDB`);
    await db.query(`
      CREATE TABLE ledger_accounts (
        id CHAR(26) NOT NULL PRIMARY KEY,
        fund_id CHAR(26) NOT NULL,
        fiscal_year SMALLINT NOT NULL,
        kind ENUM('source','fund','allocation','commitment','payee','recovery','carry_out','carry_in') NOT NULL,
        unit_id CHAR(26) NULL,
        application_id CHAR(26) NULL,
        natural_key VARCHAR(120) NOT NULL,
        balance DECIMAL(20,2) NOT NULL DEFAULT 0,
        created_at DATETIME(3) NOT NULL,
        UNIQUE KEY uq_accounts_natural (natural_key),
        KEY ix_accounts_year_kind (fund_id, fiscal_year, kind, unit_id),
        KEY ix_accounts_application (application_id),
        CONSTRAINT fk_accounts_fund FOREIGN KEY (fund_id) REFERENCES funds (id),
        CONSTRAINT fk_accounts_year FOREIGN KEY (fiscal_year) REFERENCES fiscal_years (year),
        CONSTRAINT fk_accounts_unit FOREIGN KEY (unit_id) REFERENCES units (id),
        CONSTRAINT ck_accounts_not_negative CHECK (kind IN ('source','recovery','carry_in') OR balance >= 0)
      ) ENGINE=InnoDB`);
    await db.query(`
      CREATE TABLE ledger_transfers (
        id CHAR(26) NOT NULL PRIMARY KEY,
        fund_id CHAR(26) NOT NULL,
        fiscal_year SMALLINT NOT NULL,
        kind VARCHAR(32) NOT NULL,
        debit_account_id CHAR(26) NOT NULL,
        credit_account_id CHAR(26) NOT NULL,
        amount DECIMAL(20,2) NOT NULL,
        reference VARCHAR(120) NOT NULL,
        reverses_id CHAR(26) NULL,
        unit_id CHAR(26) NULL,
        application_id CHAR(26) NULL,
        actor_id CHAR(26) NULL,
        capacity VARCHAR(32) NOT NULL,
        note VARCHAR(500) NULL,
        created_at DATETIME(3) NOT NULL,
        UNIQUE KEY uq_transfers_reverses (reverses_id),
        KEY ix_transfers_year (fund_id, fiscal_year, id),
        KEY ix_transfers_debit (debit_account_id),
        KEY ix_transfers_credit (credit_account_id),
        KEY ix_transfers_application (application_id),
        KEY ix_transfers_unit (unit_id),
        CONSTRAINT fk_transfers_debit FOREIGN KEY (debit_account_id) REFERENCES ledger_accounts (id),
        CONSTRAINT fk_transfers_credit FOREIGN KEY (credit_account_id) REFERENCES ledger_accounts (id),
        CONSTRAINT ck_transfers_positive CHECK (amount > 0),
        CONSTRAINT ck_transfers_two_accounts CHECK (debit_account_id <> credit_account_id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query(`
      CREATE TRIGGER ledger_transfers_no_update BEFORE UPDATE ON ledger_transfers FOR EACH ROW
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger_transfers are immutable; post a reversing transfer'`);
    await db.query(`
      CREATE TRIGGER ledger_transfers_no_delete BEFORE DELETE ON ledger_transfers FOR EACH ROW
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger_transfers are immutable; post a reversing transfer'`);
    await db.query(`
      CREATE TABLE appropriations (
        id CHAR(26) NOT NULL PRIMARY KEY,
        fund_id CHAR(26) NOT NULL,
        fiscal_year SMALLINT NOT NULL,
        amount DECIMAL(20,2) NOT NULL,
        decision_no VARCHAR(64) NOT NULL,
        decision_date DATE NOT NULL,
        transfer_id CHAR(26) NOT NULL,
        created_by CHAR(26) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        KEY ix_appropriations_year (fund_id, fiscal_year),
        CONSTRAINT fk_appropriations_fund FOREIGN KEY (fund_id) REFERENCES funds (id),
        CONSTRAINT fk_appropriations_transfer FOREIGN KEY (transfer_id) REFERENCES ledger_transfers (id),
        CONSTRAINT ck_appropriations_positive CHECK (amount > 0)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query(`
      CREATE TABLE idempotency_keys (
        user_id CHAR(26) NOT NULL,
        idem_key VARCHAR(64) NOT NULL,
        request_hash CHAR(64) NOT NULL,
        status_code SMALLINT NOT NULL,
        response_body LONGTEXT NOT NULL,
        created_at DATETIME(3) NOT NULL,
        PRIMARY KEY (user_id, idem_key),
        KEY ix_idempotency_created (created_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE idempotency_keys');
    await db.query('DROP TABLE appropriations');
    await db.query('DROP TABLE ledger_transfers');
    await db.query('DROP TABLE ledger_accounts');
    await db.query('DROP TABLE fiscal_years');
    await db.query('DROP TABLE funds');
  }
}
