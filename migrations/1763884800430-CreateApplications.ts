import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Applications (đề án khuyến công) and what hangs on them: cost lines, the timeline of steps,
 * documents, consultations of other units and appraisals.
 */
export class CreateApplications1763884800430 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE applications (
        id CHAR(26) NOT NULL PRIMARY KEY,
        owner_id CHAR(26) NOT NULL,
        establishment_id CHAR(26) NOT NULL,
        activity_type_code VARCHAR(64) NOT NULL,
        fiscal_year SMALLINT NOT NULL,
        fund_code VARCHAR(32) NOT NULL,
        fund_source ENUM('central','local','sponsor') NOT NULL,
        currency CHAR(3) NOT NULL,
        title VARCHAR(500) NOT NULL,
        commune_code VARCHAR(16) NULL,
        start_date DATE NULL,
        end_date DATE NULL,
        status VARCHAR(32) NOT NULL,
        total_cost DECIMAL(20,2) NOT NULL,
        eligible_cost DECIMAL(20,2) NOT NULL,
        max_support DECIMAL(20,2) NOT NULL,
        rule_id CHAR(26) NULL,
        requested_support DECIMAL(20,2) NULL,
        approved_support DECIMAL(20,2) NULL,
        allocation_unit_id CHAR(26) NULL,
        lead_unit_id CHAR(26) NULL,
        officer_id CHAR(26) NULL,
        due_date DATE NULL,
        supplement_due_date DATE NULL,
        submitted_at DATETIME(3) NULL,
        recommended_by CHAR(26) NULL,
        recommended_at DATETIME(3) NULL,
        initialed_by CHAR(26) NULL,
        initialed_at DATETIME(3) NULL,
        decision_no VARCHAR(64) NULL,
        decision_date DATE NULL,
        decided_by CHAR(26) NULL,
        decision_capacity VARCHAR(32) NULL,
        decided_on_behalf_of CHAR(26) NULL,
        delegation_id CHAR(26) NULL,
        decided_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        KEY ix_applications_owner (owner_id, id),
        KEY ix_applications_status_due (status, due_date),
        KEY ix_applications_lead_unit (lead_unit_id),
        KEY ix_applications_allocation_unit (allocation_unit_id),
        KEY ix_applications_officer (officer_id),
        KEY ix_applications_year (fiscal_year, fund_code),
        CONSTRAINT fk_applications_owner FOREIGN KEY (owner_id) REFERENCES users (id),
        CONSTRAINT fk_applications_establishment FOREIGN KEY (establishment_id) REFERENCES establishments (id),
        CONSTRAINT fk_applications_rule FOREIGN KEY (rule_id) REFERENCES activity_rules (id),
        CONSTRAINT fk_applications_allocation_unit FOREIGN KEY (allocation_unit_id) REFERENCES units (id),
        CONSTRAINT fk_applications_lead_unit FOREIGN KEY (lead_unit_id) REFERENCES units (id),
        CONSTRAINT fk_applications_officer FOREIGN KEY (officer_id) REFERENCES users (id),
        CONSTRAINT ck_applications_total_cost CHECK (total_cost >= 0),
        CONSTRAINT ck_applications_eligible_cost CHECK (eligible_cost >= 0 AND eligible_cost <= total_cost),
        CONSTRAINT ck_applications_max_support CHECK (max_support >= 0),
        CONSTRAINT ck_applications_requested CHECK (requested_support IS NULL OR requested_support >= 0),
        CONSTRAINT ck_applications_approved CHECK (approved_support IS NULL OR approved_support >= 0),
        CONSTRAINT ck_applications_dates CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
      ) ${TABLE}`);
    await db.query(`
      CREATE TABLE application_cost_lines (
        id CHAR(26) NOT NULL PRIMARY KEY,
        application_id CHAR(26) NOT NULL,
        line_no SMALLINT NOT NULL,
        description VARCHAR(500) NOT NULL,
        quantity DECIMAL(16,4) NOT NULL,
        unit_price DECIMAL(20,2) NOT NULL,
        amount DECIMAL(20,2) NOT NULL,
        eligible TINYINT(1) NOT NULL,
        UNIQUE KEY uq_cost_lines_no (application_id, line_no),
        CONSTRAINT fk_cost_lines_application FOREIGN KEY (application_id) REFERENCES applications (id) ON DELETE CASCADE,
        CONSTRAINT ck_cost_lines_quantity CHECK (quantity > 0),
        CONSTRAINT ck_cost_lines_unit_price CHECK (unit_price >= 0),
        CONSTRAINT ck_cost_lines_amount CHECK (amount >= 0)
      ) ${TABLE}`);
    await db.query(`
      CREATE TABLE application_events (
        id CHAR(26) NOT NULL PRIMARY KEY,
        application_id CHAR(26) NOT NULL,
        action VARCHAR(64) NOT NULL,
        from_status VARCHAR(32) NULL,
        to_status VARCHAR(32) NOT NULL,
        actor_id CHAR(26) NULL,
        actor_name VARCHAR(200) NULL,
        capacity VARCHAR(32) NOT NULL,
        on_behalf_of CHAR(26) NULL,
        on_behalf_of_name VARCHAR(200) NULL,
        note VARCHAR(2000) NULL,
        at DATETIME(3) NOT NULL,
        KEY ix_application_events_application (application_id, id),
        CONSTRAINT fk_application_events_application FOREIGN KEY (application_id) REFERENCES applications (id)
      ) ${TABLE}`);
    await db.query(`
      CREATE TABLE application_documents (
        id CHAR(26) NOT NULL PRIMARY KEY,
        application_id CHAR(26) NOT NULL,
        kind VARCHAR(64) NOT NULL,
        name VARCHAR(255) NOT NULL,
        content_type VARCHAR(64) NOT NULL,
        size INT NOT NULL,
        sha256 CHAR(64) NOT NULL,
        storage_key VARCHAR(200) NOT NULL,
        uploaded_by CHAR(26) NOT NULL,
        uploaded_at DATETIME(3) NOT NULL,
        KEY ix_application_documents_application (application_id, id),
        CONSTRAINT fk_application_documents_application FOREIGN KEY (application_id) REFERENCES applications (id),
        CONSTRAINT ck_application_documents_size CHECK (size > 0 AND size <= 10485760)
      ) ${TABLE}`);
    await db.query(`
      CREATE TABLE consultations (
        id CHAR(26) NOT NULL PRIMARY KEY,
        application_id CHAR(26) NOT NULL,
        unit_id CHAR(26) NOT NULL,
        question VARCHAR(2000) NOT NULL,
        due_date DATE NOT NULL,
        requested_by CHAR(26) NOT NULL,
        requested_at DATETIME(3) NOT NULL,
        opinion ENUM('agree','disagree') NULL,
        comment VARCHAR(2000) NULL,
        answered_by CHAR(26) NULL,
        answered_at DATETIME(3) NULL,
        KEY ix_consultations_application (application_id),
        KEY ix_consultations_unit_due (unit_id, answered_at, due_date),
        KEY ix_consultations_due (due_date),
        CONSTRAINT fk_consultations_application FOREIGN KEY (application_id) REFERENCES applications (id),
        CONSTRAINT fk_consultations_unit FOREIGN KEY (unit_id) REFERENCES units (id),
        CONSTRAINT ck_consultations_answer CHECK ((answered_at IS NULL) = (opinion IS NULL))
      ) ${TABLE}`);
    await db.query(`
      CREATE TABLE application_appraisals (
        id CHAR(26) NOT NULL PRIMARY KEY,
        application_id CHAR(26) NOT NULL,
        member_id CHAR(26) NOT NULL,
        capacity VARCHAR(32) NOT NULL,
        score TINYINT UNSIGNED NOT NULL,
        recommendation ENUM('approve','reject') NOT NULL,
        comment VARCHAR(2000) NULL,
        created_at DATETIME(3) NOT NULL,
        UNIQUE KEY uq_appraisals_member (application_id, member_id),
        CONSTRAINT fk_appraisals_application FOREIGN KEY (application_id) REFERENCES applications (id),
        CONSTRAINT fk_appraisals_member FOREIGN KEY (member_id) REFERENCES users (id),
        CONSTRAINT ck_appraisals_score CHECK (score BETWEEN 0 AND 100)
      ) ${TABLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE application_appraisals');
    await db.query('DROP TABLE consultations');
    await db.query('DROP TABLE application_documents');
    await db.query('DROP TABLE application_events');
    await db.query('DROP TABLE application_cost_lines');
    await db.query('DROP TABLE applications');
  }
}
