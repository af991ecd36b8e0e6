import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Decimal } from '../../common/money/decimal';
import { decimalTransformer } from '../../common/money/decimal.transformer';

/** A movement of money between two accounts; immutable (triggers refuse UPDATE and DELETE). */
@Entity('ledger_transfers')
export class Transfer {
  @PrimaryColumn({ type: 'char', length: 26 }) id: string;
  @Column({ type: 'char', length: 26 }) fundId: string;
  @Column({ type: 'smallint' }) fiscalYear: number;
  @Column({ type: 'varchar', length: 32 }) kind: string;
  @Column({ type: 'char', length: 26 }) debitAccountId: string;
  @Column({ type: 'char', length: 26 }) creditAccountId: string;
  @Column({ type: 'decimal', precision: 20, scale: 2, transformer: decimalTransformer }) amount: Decimal;
  @Column({ type: 'varchar', length: 120 }) reference: string;
  @Column({ type: 'char', length: 26, nullable: true }) reversesId: string | null;
  @Column({ type: 'char', length: 26, nullable: true }) unitId: string | null;
  @Column({ type: 'char', length: 26, nullable: true }) applicationId: string | null;
  @Column({ type: 'char', length: 26, nullable: true }) actorId: string | null;
  @Column({ type: 'varchar', length: 32 }) capacity: string;
  @Column({ type: 'varchar', length: 500, nullable: true }) note: string | null;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}
