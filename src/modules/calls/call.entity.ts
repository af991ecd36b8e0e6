import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A call for applications (đợt tiếp nhận hồ sơ đề án khuyến công): the activity types of one fund
 * and fiscal year the office takes files for, between the day it opens and the day it closes
 * (both included, in Asia/Ho_Chi_Minh).
 */
@Entity('calls')
export class Call {
  @PrimaryColumn({ type: 'char', length: 26 }) id: string;
  @Column({ type: 'varchar', length: 500 }) title: string;
  @Column({ type: 'smallint' }) fiscalYear: number;
  @Column({ type: 'varchar', length: 32 }) fundCode: string;
  @Column({ type: 'varchar', length: 1300, transformer: { to: (codes: string[] | undefined) => (codes ?? []).join(','), from: (stored: string | null) => (stored ? stored.split(',') : []) } })
  activityTypeCodes: string[];
  @Column({ type: 'date' }) opensOn: string;
  @Column({ type: 'date' }) closesOn: string;
  @Column({ type: 'char', length: 26 }) createdBy: string;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}
