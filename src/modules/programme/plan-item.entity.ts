import { Column, Entity, PrimaryColumn } from 'typeorm';
import { decimalTransformer } from '../../common/money/decimal.transformer';
import type { Money } from '../../common/money/decimal';

/** One line of a year's plan (kế hoạch năm): how many files of an activity type a unit plans on a fund, and their budget estimate. */
@Entity('plan_items')
export class PlanItem {
  @PrimaryColumn({ type: 'char', length: 26 }) id: string;
  @Column({ type: 'smallint' }) fiscalYear: number;
  @Column({ type: 'varchar', length: 64 }) activityTypeCode: string;
  @Column({ type: 'char', length: 26 }) unitId: string;
  @Column({ type: 'varchar', length: 32 }) fundCode: string;
  @Column({ type: 'int' }) plannedCount: number;
  /** In the fund's currency. */
  @Column({ type: 'decimal', precision: 20, scale: 2, transformer: decimalTransformer }) plannedBudget: Money;
  @Column({ type: 'char', length: 26 }) updatedBy: string;
  @Column({ type: 'datetime', precision: 3 }) updatedAt: Date;
}
