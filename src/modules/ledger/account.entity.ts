import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Decimal } from '../../common/money/decimal';
import { decimalTransformer } from '../../common/money/decimal.transformer';
import { ACCOUNT_KINDS, AccountKind } from './ledger.types';

/** A ledger account. Read it anywhere; only LedgerService changes its balance. */
@Entity('ledger_accounts')
export class Account {
  @PrimaryColumn({ type: 'char', length: 26 }) id: string;
  @Column({ type: 'char', length: 26 }) fundId: string;
  @Column({ type: 'smallint' }) fiscalYear: number;
  @Column({ type: 'enum', enum: ACCOUNT_KINDS }) kind: AccountKind;
  @Column({ type: 'char', length: 26, nullable: true }) unitId: string | null;
  @Column({ type: 'char', length: 26, nullable: true }) applicationId: string | null;
  @Column({ type: 'varchar', length: 120 }) naturalKey: string;
  @Column({ type: 'decimal', precision: 20, scale: 2, transformer: decimalTransformer }) balance: Decimal;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}
