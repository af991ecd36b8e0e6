import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Decimal } from '../../common/money/decimal';
import { decimalTransformer } from '../../common/money/decimal.transformer';

/**
 * A rate of exchange (tỷ giá) finance recorded: from `validFrom` on, one unit of `fromCurrency` is
 * `rate` units of `toCurrency`, until a later rate of the same pair (either way round) takes over.
 * Never edited: a new rate is a new row.
 */
@Entity('exchange_rates')
export class ExchangeRate {
  @PrimaryColumn({ type: 'char', length: 26 })
  id: string;

  @Column({ type: 'char', length: 3 })
  fromCurrency: string;

  @Column({ type: 'char', length: 3 })
  toCurrency: string;

  @Column({ type: 'decimal', precision: 22, scale: 10, transformer: decimalTransformer })
  rate: Decimal;

  @Column({ type: 'date' })
  validFrom: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  source: string | null;

  @Column({ type: 'char', length: 26 })
  createdBy: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
