import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Decimal } from '../../common/money/decimal';
import { decimalTransformer } from '../../common/money/decimal.transformer';

export type SettlementStatus = 'submitted' | 'checked' | 'approved';

const money = { type: 'decimal' as const, precision: 20, scale: 2, transformer: decimalTransformer };
const optionalMoney = { ...money, nullable: true };

/** A settlement (quyết toán) of a file: actual costs filed by the owner, checked by finance, approved by a leader. */
@Entity('settlements')
export class Settlement {
  @PrimaryColumn({ type: 'char', length: 26 }) id: string;
  @Column({ type: 'char', length: 26 }) applicationId: string;
  @Column({ type: 'enum', enum: ['submitted', 'checked', 'approved'] }) status: SettlementStatus;
  @Column(money) actualTotalCost: Decimal;
  @Column(money) actualEligibleCost: Decimal;
  @Column({ type: 'date', nullable: true }) dueDate: string | null;
  @Column({ type: 'char', length: 26 }) submittedBy: string;
  @Column({ type: 'datetime', precision: 3 }) submittedAt: Date;
  @Column({ type: 'char', length: 26, nullable: true }) checkedBy: string | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) checkedAt: Date | null;
  @Column({ type: 'char', length: 26, nullable: true }) approvedBy: string | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) approvedAt: Date | null;
  @Column({ type: 'varchar', length: 32, nullable: true }) approvedCapacity: string | null;
  @Column({ type: 'char', length: 26, nullable: true }) approvedOnBehalfOf: string | null;
  @Column({ type: 'char', length: 26, nullable: true }) ruleId: string | null;
  @Column({ type: 'decimal', precision: 9, scale: 6, nullable: true, transformer: decimalTransformer }) supportRate: Decimal | null;
  @Column(optionalMoney) supportCap: Decimal | null;
  @Column(optionalMoney) approvedSupport: Decimal | null;
  @Column(optionalMoney) finalSupport: Decimal | null;
  /**
   * The figures of the approval (the statement prints them as decided). What a settlement says
   * is paid or still owed now is read from the records (`settlementStanding`), never from these.
   */
  @Column({ ...optionalMoney, name: 'paid' }) paidAtApproval: Decimal | null;
  @Column({ ...optionalMoney, name: 'balance' }) balanceAtApproval: Decimal | null;
  @Column(optionalMoney) released: Decimal | null;
  @Column({ type: 'char', length: 26, nullable: true }) finalPaymentId: string | null;
  @Column({ type: 'char', length: 26, nullable: true }) recoveryId: string | null;
}

@Entity('settlement_lines')
export class SettlementLine {
  @PrimaryColumn({ type: 'char', length: 26 }) id: string;
  @Column({ type: 'char', length: 26 }) settlementId: string;
  @Column({ type: 'smallint' }) lineNo: number;
  @Column({ type: 'varchar', length: 500 }) description: string;
  @Column(money) amount: Decimal;
  @Column({ type: 'boolean' }) eligible: boolean;
  @Column({ type: 'varchar', length: 200, nullable: true }) documentRef: string | null;
}
