import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The words of a year's review (báo cáo tổng kết): what was achieved, the difficulties, their causes, the proposals. */
@Entity('annual_narratives')
export class AnnualNarrative {
  @PrimaryColumn({ type: 'smallint' }) fiscalYear: number;
  @Column({ type: 'text' }) results: string;
  @Column({ type: 'text' }) difficulties: string;
  @Column({ type: 'text' }) causes: string;
  @Column({ type: 'text' }) proposals: string;
  @Column({ type: 'char', length: 26 }) updatedBy: string;
  @Column({ type: 'datetime', precision: 3 }) updatedAt: Date;
}
