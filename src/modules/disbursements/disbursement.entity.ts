import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Decimal } from '../../common/money/decimal';
import { decimalTransformer } from '../../common/money/decimal.transformer';
import type { DisbursementKind, DisbursementStatus } from './disbursements.rules';

/** A request for money to a file's beneficiary: an advance (tạm ứng), a payment, or the final payment of a settlement. */
@Entity('disbursements')
export class Disbursement {
  @PrimaryColumn({ type: 'char', length: 26 }) id: string;
  @Column({ type: 'char', length: 26 }) applicationId: string;
  @Column({ type: 'char', length: 26 }) fundId: string;
  @Column({ type: 'smallint' }) fiscalYear: number;
  @Column({ type: 'char', length: 26 }) unitId: string;
  @Column({ type: 'enum', enum: ['advance', 'payment', 'final'] }) kind: DisbursementKind;
  @Column({ type: 'decimal', precision: 20, scale: 2, transformer: decimalTransformer }) amount: Decimal;
  @Column({ type: 'enum', enum: ['requested', 'approved', 'paid', 'rejected', 'returned'] }) status: DisbursementStatus;
  @Column({ type: 'varchar', length: 1000, nullable: true }) note: string | null;
  @Column({ type: 'char', length: 26 }) requestedBy: string;
  @Column({ type: 'datetime', precision: 3 }) requestedAt: Date;
  /** The leader behind a delegate who requested it (a final payment opened by a delegated settlement decision). */
  @Column({ type: 'char', length: 26, nullable: true }) requestedOnBehalfOf: string | null;
  @Column({ type: 'char', length: 26, nullable: true }) approvedBy: string | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) approvedAt: Date | null;
  @Column({ type: 'char', length: 26, nullable: true }) paidBy: string | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) paidAt: Date | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) treasuryRef: string | null;
  @Column({ type: 'date', nullable: true }) valueDate: string | null;
  @Column({ type: 'char', length: 26, nullable: true }) transferId: string | null;
  @Column({ type: 'char', length: 26, nullable: true }) rejectedBy: string | null;
  @Column({ type: 'varchar', length: 1000, nullable: true }) rejectedReason: string | null;
  /** A paid amount the treasury sent back (hoàn trả): who recorded it, the money's reference and value date coming in, why. */
  @Column({ type: 'char', length: 26, nullable: true }) returnedBy: string | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) returnedAt: Date | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) returnTreasuryRef: string | null;
  @Column({ type: 'date', nullable: true }) returnValueDate: string | null;
  @Column({ type: 'varchar', length: 1000, nullable: true }) returnReason: string | null;
  @Column({ type: 'char', length: 26, nullable: true }) returnTransferId: string | null;
}
