import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Conflicts of interest (xung đột lợi ích): a staff member's declaration, once per file, whether
 * they have a conflict with the file's establishment and of which kind. The unique key keeps one
 * declaration per person per file, so a declared conflict cannot be replaced by a later "none";
 * the CHECK ties the relation to a declared conflict. The name is a snapshot of who declared.
 */
export class CreateConflictDeclarations1763884801700 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE conflict_declarations (
        id CHAR(26) NOT NULL PRIMARY KEY,
        application_id CHAR(26) NOT NULL,
        user_id CHAR(26) NOT NULL,
        user_name VARCHAR(200) NOT NULL,
        has_conflict TINYINT(1) NOT NULL,
        relation ENUM('kin','ownership','employment','other') NULL,
        note VARCHAR(1000) NULL,
        declared_at DATETIME(3) NOT NULL,
        UNIQUE KEY uq_conflict_declarations_person (application_id, user_id),
        KEY ix_conflict_declarations_user (user_id),
        CONSTRAINT fk_conflict_declarations_application FOREIGN KEY (application_id) REFERENCES applications (id),
        CONSTRAINT fk_conflict_declarations_user FOREIGN KEY (user_id) REFERENCES users (id),
        CONSTRAINT ck_conflict_declarations_relation CHECK ((has_conflict = 1) = (relation IS NOT NULL))
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE conflict_declarations');
  }
}
