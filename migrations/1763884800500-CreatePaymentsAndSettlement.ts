import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contracts, disbursements (advances, payments, final payments), acceptance (nghiệm thu),
 * settlement (quyết toán), recovery (thu hồi) and treasury reconciliation imports.
 */
export class CreatePaymentsAndSettlement1763884800500 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE contracts (
        application_id CHAR(26) NOT NULL PRIMARY KEY,
        contract_no VARCHAR(64) NOT NULL,
        signed_date DATE NOT NULL,
        created_by CHAR(26) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        UNIQUE KEY uq_contracts_no (contract_no)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query(`
      CREATE TABLE acceptances (
        id CHAR(26) NOT NULL PRIMARY KEY,
        application_id CHAR(26) NOT NULL,
        result ENUM('passed','failed') NOT NULL,
        accepted_date DATE NOT NULL,
        minutes_no VARCHAR(64) NOT NULL,
        note VARCHAR(1000) NULL,
        settlement_due_date DATE NULL,
        created_by CHAR(26) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        KEY ix_acceptances_application (application_id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query(`
      CREATE TABLE disbursements (
        id CHAR(26) NOT NULL PRIMARY KEY,
        application_id CHAR(26) NOT NULL,
        fund_id CHAR(26) NOT NULL,
        fiscal_year SMALLINT NOT NULL,
        unit_id CHAR(26) NOT NULL,
        kind ENUM('advance','payment','final') NOT NULL,
        amount DECIMAL(20,2) NOT NULL,
        status ENUM('requested','approved','paid','rejected') NOT NULL,
        note VARCHAR(1000) NULL,
        requested_by CHAR(26) NOT NULL,
        requested_at DATETIME(3) NOT NULL,
        approved_by CHAR(26) NULL,
        approved_at DATETIME(3) NULL,
        paid_by CHAR(26) NULL,
        paid_at DATETIME(3) NULL,
        treasury_ref VARCHAR(64) NULL,
        value_date DATE NULL,
        transfer_id CHAR(26) NULL,
        rejected_by CHAR(26) NULL,
        rejected_reason VARCHAR(1000) NULL,
        UNIQUE KEY uq_disbursements_treasury_ref (treasury_ref),
        KEY ix_disbursements_application (application_id, status),
        KEY ix_disbursements_status (status),
        KEY ix_disbursements_value_date (value_date),
        CONSTRAINT ck_disbursements_positive CHECK (amount > 0)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query(`
      CREATE TABLE settlements (
        id CHAR(26) NOT NULL PRIMARY KEY,
        application_id CHAR(26) NOT NULL,
        status ENUM('submitted','checked','approved') NOT NULL,
        actual_total_cost DECIMAL(20,2) NOT NULL,
        actual_eligible_cost DECIMAL(20,2) NOT NULL,
        due_date DATE NULL,
        submitted_by CHAR(26) NOT NULL,
        submitted_at DATETIME(3) NOT NULL,
        checked_by CHAR(26) NULL,
        checked_at DATETIME(3) NULL,
        approved_by CHAR(26) NULL,
        approved_at DATETIME(3) NULL,
        approved_capacity VARCHAR(32) NULL,
        approved_on_behalf_of CHAR(26) NULL,
        rule_id CHAR(26) NULL,
        support_rate DECIMAL(9,6) NULL,
        support_cap DECIMAL(20,2) NULL,
        approved_support DECIMAL(20,2) NULL,
        final_support DECIMAL(20,2) NULL,
        paid DECIMAL(20,2) NULL,
        balance DECIMAL(20,2) NULL,
        released DECIMAL(20,2) NULL,
        final_payment_id CHAR(26) NULL,
        recovery_id CHAR(26) NULL,
        UNIQUE KEY uq_settlements_application (application_id),
        KEY ix_settlements_status (status)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query(`
      CREATE TABLE settlement_lines (
        id CHAR(26) NOT NULL PRIMARY KEY,
        settlement_id CHAR(26) NOT NULL,
        line_no SMALLINT NOT NULL,
        description VARCHAR(500) NOT NULL,
        amount DECIMAL(20,2) NOT NULL,
        eligible TINYINT(1) NOT NULL,
        document_ref VARCHAR(200) NULL,
        KEY ix_settlement_lines (settlement_id, line_no),
        CONSTRAINT fk_settlement_lines FOREIGN KEY (settlement_id) REFERENCES settlements (id),
        CONSTRAINT ck_settlement_lines_amount CHECK (amount >= 0)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query(`
      CREATE TABLE recoveries (
        id CHAR(26) NOT NULL PRIMARY KEY,
        application_id CHAR(26) NOT NULL,
        settlement_id CHAR(26) NOT NULL,
        fund_id CHAR(26) NOT NULL,
        fiscal_year SMALLINT NOT NULL,
        unit_id CHAR(26) NOT NULL,
        amount DECIMAL(20,2) NOT NULL,
        received DECIMAL(20,2) NOT NULL DEFAULT 0,
        status ENUM('open','closed') NOT NULL,
        created_at DATETIME(3) NOT NULL,
        closed_at DATETIME(3) NULL,
        KEY ix_recoveries_application (application_id),
        KEY ix_recoveries_status (status),
        CONSTRAINT ck_recoveries_received CHECK (received >= 0 AND received <= amount)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query(`
      CREATE TABLE recovery_receipts (
        id CHAR(26) NOT NULL PRIMARY KEY,
        recovery_id CHAR(26) NOT NULL,
        amount DECIMAL(20,2) NOT NULL,
        treasury_ref VARCHAR(64) NOT NULL,
        value_date DATE NOT NULL,
        transfer_id CHAR(26) NOT NULL,
        received_by CHAR(26) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        UNIQUE KEY uq_recovery_receipts_ref (treasury_ref),
        KEY ix_recovery_receipts_recovery (recovery_id),
        KEY ix_recovery_receipts_value_date (value_date),
        CONSTRAINT fk_recovery_receipts FOREIGN KEY (recovery_id) REFERENCES recoveries (id),
        CONSTRAINT ck_recovery_receipts_positive CHECK (amount > 0)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query(`
      CREATE TABLE reconciliation_imports (
        id CHAR(26) NOT NULL PRIMARY KEY,
        file_sha256 CHAR(64) NOT NULL,
        file_name VARCHAR(255) NULL,
        first_value_date DATE NULL,
        last_value_date DATE NULL,
        line_count INT NOT NULL,
        matched INT NOT NULL,
        amount_mismatch INT NOT NULL,
        unknown_in_statement INT NOT NULL,
        missing_from_statement INT NOT NULL,
        result_json LONGTEXT NOT NULL,
        imported_by CHAR(26) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        UNIQUE KEY uq_reconciliation_file (file_sha256)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['reconciliation_imports', 'recovery_receipts', 'recoveries', 'settlement_lines', 'settlements', 'disbursements', 'acceptances', 'contracts']) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
