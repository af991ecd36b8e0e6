import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Refresh tokens: only their SHA-256 is stored. A login starts a family; each refresh spends one
 * token (used_at) and issues the next in the same family, so presenting a spent token again
 * (a stolen copy) can be recognised and the whole family revoked.
 */
export class CreateRefreshTokens1763884800200 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE refresh_tokens (
        id CHAR(26) NOT NULL PRIMARY KEY,
        user_id CHAR(26) NOT NULL,
        family_id CHAR(26) NOT NULL,
        token_hash CHAR(64) NOT NULL,
        expires_at DATETIME(3) NOT NULL,
        used_at DATETIME(3) NULL,
        replaced_by_id CHAR(26) NULL,
        revoked_at DATETIME(3) NULL,
        revoked_reason VARCHAR(32) NULL,
        created_at DATETIME(3) NOT NULL,
        UNIQUE KEY uq_refresh_tokens_hash (token_hash),
        KEY ix_refresh_tokens_family (family_id),
        KEY ix_refresh_tokens_user (user_id),
        CONSTRAINT fk_refresh_tokens_user FOREIGN KEY (user_id) REFERENCES users (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE refresh_tokens');
  }
}
