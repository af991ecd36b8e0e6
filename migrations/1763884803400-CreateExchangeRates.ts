import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rates of exchange (tỷ giá) finance records: from `valid_from` on, one `from_currency` is `rate`
 * `to_currency`. A rule's cap in one currency holds a file in another at the rate in force.
 */
export class CreateExchangeRates1763884803400 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE exchange_rates (
        id CHAR(26) NOT NULL PRIMARY KEY,
        from_currency CHAR(3) NOT NULL,
        to_currency CHAR(3) NOT NULL,
        rate DECIMAL(22,10) NOT NULL,
        valid_from DATE NOT NULL,
        source VARCHAR(500) NULL,
        created_by CHAR(26) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        UNIQUE KEY uq_exchange_rates_pair_day (from_currency, to_currency, valid_from),
        CONSTRAINT fk_exchange_rates_created_by FOREIGN KEY (created_by) REFERENCES users (id),
        CONSTRAINT ck_exchange_rates_rate CHECK (rate > 0),
        CONSTRAINT ck_exchange_rates_pair CHECK (from_currency <> to_currency)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE exchange_rates');
  }
}
