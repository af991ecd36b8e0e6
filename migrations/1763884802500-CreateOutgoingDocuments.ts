import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The register of outgoing documents (sổ đăng ký văn bản đi). Numbers are per type and year: the
 * register's own (`seq`) are unique in their type and year, and so is every printed number, a
 * typed one included. `document_series` holds one row per type, locked while a number is given
 * (seeded here, so no transaction ever has to create the row it locks).
 */
export class CreateOutgoingDocuments1763884802500 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE document_series (
        type VARCHAR(32) NOT NULL PRIMARY KEY
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query(`INSERT INTO document_series (type) VALUES ('decision'), ('contract'), ('acceptance'), ('settlement'), ('recovery-notice'), ('payment-request')`);
    await db.query(`
      CREATE TABLE outgoing_documents (
        id CHAR(26) NOT NULL PRIMARY KEY,
        type VARCHAR(32) NOT NULL,
        year SMALLINT NOT NULL,
        seq INT NULL,
        number VARCHAR(64) NOT NULL,
        application_id CHAR(26) NOT NULL,
        disbursement_id CHAR(26) NULL,
        issued_on DATE NOT NULL,
        summary VARCHAR(500) NOT NULL,
        signer_id CHAR(26) NOT NULL,
        signer_name VARCHAR(200) NOT NULL,
        signer_capacity VARCHAR(32) NOT NULL,
        on_behalf_of CHAR(26) NULL,
        on_behalf_of_name VARCHAR(200) NULL,
        signing_form VARCHAR(8) NOT NULL,
        signing_title VARCHAR(300) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        UNIQUE KEY uq_outgoing_documents_seq (type, year, seq),
        UNIQUE KEY uq_outgoing_documents_number (type, year, number),
        KEY ix_outgoing_documents_application (application_id, type),
        KEY ix_outgoing_documents_year (year, type, issued_on),
        CONSTRAINT fk_outgoing_documents_type FOREIGN KEY (type) REFERENCES document_series (type),
        CONSTRAINT fk_outgoing_documents_application FOREIGN KEY (application_id) REFERENCES applications (id),
        CONSTRAINT ck_outgoing_documents_seq CHECK (seq IS NULL OR seq > 0),
        CONSTRAINT ck_outgoing_documents_form CHECK (signing_form IN ('direct', 'KT.', 'TUQ.', 'TL.', 'Q.'))
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE outgoing_documents');
    await db.query('DROP TABLE document_series');
  }
}
