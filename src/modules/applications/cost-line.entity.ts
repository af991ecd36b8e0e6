import { Column, Entity, PrimaryColumn } from 'typeorm';
import { decimalTransformer } from '../../common/money/decimal.transformer';
import type { Money } from '../../common/money/decimal';

/** One line of a file's estimate: quantity × unit price, eligible for support or not. */
@Entity('application_cost_lines')
export class CostLine {
  @PrimaryColumn({ type: 'char', length: 26 }) id: string;
  @Column({ type: 'char', length: 26 }) applicationId: string;
  @Column({ type: 'smallint' }) lineNo: number;
  @Column({ type: 'varchar', length: 500 }) description: string;
  @Column({ type: 'decimal', precision: 16, scale: 4, transformer: decimalTransformer }) quantity: Money;
  @Column({ type: 'decimal', precision: 20, scale: 2, transformer: decimalTransformer }) unitPrice: Money;
  @Column({ type: 'decimal', precision: 20, scale: 2, transformer: decimalTransformer }) amount: Money;
  @Column({ type: 'boolean' }) eligible: boolean;
}
