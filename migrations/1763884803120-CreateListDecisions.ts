import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * List decisions (quyết định phê duyệt theo danh sách): one decision approving several initialed
 * files at once, with one number from the register of outgoing documents. The decision's id is its
 * register entry's; each file records the decision (`applications.list_decision_id`) beside its
 * number. A register entry may now cover several files: its `application_id` is then NULL and
 * `outgoing_document_files` lists them.
 */
export class CreateListDecisions1763884803120 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE outgoing_documents MODIFY application_id CHAR(26) NULL');
    await db.query(`
      CREATE TABLE outgoing_document_files (
        document_id CHAR(26) NOT NULL,
        application_id CHAR(26) NOT NULL,
        PRIMARY KEY (document_id, application_id),
        KEY ix_outgoing_document_files_application (application_id),
        CONSTRAINT fk_outgoing_document_files_document FOREIGN KEY (document_id) REFERENCES outgoing_documents (id),
        CONSTRAINT fk_outgoing_document_files_application FOREIGN KEY (application_id) REFERENCES applications (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query(`
      CREATE TABLE list_decisions (
        id CHAR(26) NOT NULL PRIMARY KEY,
        number VARCHAR(64) NOT NULL,
        decision_date DATE NOT NULL,
        comment VARCHAR(2000) NULL,
        decided_by CHAR(26) NOT NULL,
        decision_capacity VARCHAR(32) NOT NULL,
        decided_on_behalf_of CHAR(26) NULL,
        delegation_id CHAR(26) NULL,
        file_count INT NOT NULL,
        created_at DATETIME(3) NOT NULL,
        KEY ix_list_decisions_date (decision_date),
        CONSTRAINT fk_list_decisions_document FOREIGN KEY (id) REFERENCES outgoing_documents (id),
        CONSTRAINT fk_list_decisions_decided_by FOREIGN KEY (decided_by) REFERENCES users (id),
        CONSTRAINT ck_list_decisions_count CHECK (file_count > 0)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query(`
      ALTER TABLE applications
        ADD COLUMN list_decision_id CHAR(26) NULL AFTER decision_no,
        ADD CONSTRAINT fk_applications_list_decision FOREIGN KEY (list_decision_id) REFERENCES list_decisions (id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE applications DROP FOREIGN KEY fk_applications_list_decision, DROP COLUMN list_decision_id');
    await db.query('DROP TABLE list_decisions');
    await db.query('DROP TABLE outgoing_document_files');
    await db.query('ALTER TABLE outgoing_documents MODIFY application_id CHAR(26) NOT NULL');
  }
}
