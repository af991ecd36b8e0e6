import { Column, Entity, PrimaryColumn } from 'typeorm';
import { decimalTransformer } from '../../common/money/decimal.transformer';
import type { Money } from '../../common/money/decimal';
import type { FundSource } from '../ledger/ledger.types';
import type { ApplicationStatus } from './application-statuses';

/** A support project (đề án khuyến công) filed by a producer for one establishment. */
@Entity('applications')
export class Application {
  @PrimaryColumn({ type: 'char', length: 26 }) id: string;
  @Column({ type: 'char', length: 26 }) ownerId: string;
  @Column({ type: 'char', length: 26 }) establishmentId: string;
  @Column({ type: 'varchar', length: 64 }) activityTypeCode: string;
  @Column({ type: 'smallint' }) fiscalYear: number;
  @Column({ type: 'varchar', length: 32 }) fundCode: string;
  @Column({ type: 'enum', enum: ['central', 'local', 'sponsor'] }) fundSource: FundSource;
  @Column({ type: 'char', length: 3 }) currency: string;
  /** The call for applications the file was filed under (its window bounds the submission); null: none. */
  @Column({ type: 'char', length: 26, nullable: true }) callId: string | null;
  @Column({ type: 'varchar', length: 500 }) title: string;
  @Column({ type: 'varchar', length: 16, nullable: true }) communeCode: string | null;
  @Column({ type: 'date', nullable: true }) startDate: string | null;
  @Column({ type: 'date', nullable: true }) endDate: string | null;
  @Column({ type: 'varchar', length: 32 }) status: ApplicationStatus;
  @Column({ type: 'decimal', precision: 20, scale: 2, transformer: decimalTransformer }) totalCost: Money;
  @Column({ type: 'decimal', precision: 20, scale: 2, transformer: decimalTransformer }) eligibleCost: Money;
  @Column({ type: 'decimal', precision: 20, scale: 2, transformer: decimalTransformer }) maxSupport: Money;
  /** The rule version maxSupport was computed with; at a decision, the one in force that day. */
  @Column({ type: 'char', length: 26, nullable: true }) ruleId: string | null;
  @Column({ type: 'decimal', precision: 20, scale: 2, nullable: true, transformer: decimalTransformer }) requestedSupport: Money | null;
  @Column({ type: 'decimal', precision: 20, scale: 2, nullable: true, transformer: decimalTransformer }) approvedSupport: Money | null;
  @Column({ type: 'char', length: 26, nullable: true }) allocationUnitId: string | null;
  @Column({ type: 'char', length: 26, nullable: true }) leadUnitId: string | null;
  @Column({ type: 'char', length: 26, nullable: true }) officerId: string | null;
  @Column({ type: 'date', nullable: true }) dueDate: string | null;
  @Column({ type: 'date', nullable: true }) supplementDueDate: string | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) submittedAt: Date | null;
  @Column({ type: 'char', length: 26, nullable: true }) recommendedBy: string | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) recommendedAt: Date | null;
  @Column({ type: 'char', length: 26, nullable: true }) initialedBy: string | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) initialedAt: Date | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) decisionNo: string | null;
  /** The list decision that approved the file with others (quyết định theo danh sách); null: decided alone. */
  @Column({ type: 'char', length: 26, nullable: true }) listDecisionId: string | null;
  @Column({ type: 'date', nullable: true }) decisionDate: string | null;
  @Column({ type: 'char', length: 26, nullable: true }) decidedBy: string | null;
  @Column({ type: 'varchar', length: 32, nullable: true }) decisionCapacity: string | null;
  @Column({ type: 'char', length: 26, nullable: true }) decidedOnBehalfOf: string | null;
  @Column({ type: 'char', length: 26, nullable: true }) delegationId: string | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) decidedAt: Date | null;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ type: 'datetime', precision: 3 }) updatedAt: Date;
}
