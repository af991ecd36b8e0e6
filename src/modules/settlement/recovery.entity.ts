import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Decimal } from '../../common/money/decimal';
import { decimalTransformer } from '../../common/money/decimal.transformer';

const money = { type: 'decimal' as const, precision: 20, scale: 2, transformer: decimalTransformer };

/** Why a recovery order was opened: a settlement below what was paid, or a file cancelled after money was paid. */
export type RecoveryOrigin = 'settlement' | 'cancellation';

/** A recovery order (thu hồi): what a beneficiary owes back after settlement, or after the file was cancelled. */
@Entity('recoveries')
export class Recovery {
  @PrimaryColumn({ type: 'char', length: 26 }) id: string;
  @Column({ type: 'char', length: 26 }) applicationId: string;
  /** The settlement that opened it; null for a cancellation's order. */
  @Column({ type: 'char', length: 26, nullable: true }) settlementId: string | null;
  @Column({ type: 'enum', enum: ['settlement', 'cancellation'] }) origin: RecoveryOrigin;
  @Column({ type: 'char', length: 26 }) fundId: string;
  @Column({ type: 'smallint' }) fiscalYear: number;
  @Column({ type: 'char', length: 26 }) unitId: string;
  @Column(money) amount: Decimal;
  @Column(money) received: Decimal;
  @Column({ type: 'enum', enum: ['open', 'closed'] }) status: 'open' | 'closed';
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ type: 'datetime', precision: 3, nullable: true }) closedAt: Date | null;
}

@Entity('recovery_receipts')
export class RecoveryReceipt {
  @PrimaryColumn({ type: 'char', length: 26 }) id: string;
  @Column({ type: 'char', length: 26 }) recoveryId: string;
  @Column(money) amount: Decimal;
  @Column({ type: 'varchar', length: 64 }) treasuryRef: string;
  @Column({ type: 'date' }) valueDate: string;
  @Column({ type: 'char', length: 26 }) transferId: string;
  @Column({ type: 'char', length: 26 }) receivedBy: string;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}
