import { Column, Entity, PrimaryColumn } from 'typeorm';

export type FiscalYearStatus = 'open' | 'closed';

/** A fiscal year (calendar year); once closed it refuses new money movements. */
@Entity('fiscal_years')
export class FiscalYear {
  @PrimaryColumn({ type: 'smallint' }) year: number;
  @Column({ type: 'enum', enum: ['open', 'closed'] }) status: FiscalYearStatus;
  @Column({ type: 'datetime', precision: 3, nullable: true }) closedAt: Date | null;
  @Column({ type: 'char', length: 26, nullable: true }) closedBy: string | null;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}
