import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One member's appraisal (thẩm định) of a file: a score and a recommendation; one per member. */
@Entity('application_appraisals')
export class Appraisal {
  @PrimaryColumn({ type: 'char', length: 26 }) id: string;
  @Column({ type: 'char', length: 26 }) applicationId: string;
  @Column({ type: 'char', length: 26 }) memberId: string;
  @Column({ type: 'varchar', length: 32 }) capacity: string;
  @Column({ type: 'tinyint', unsigned: true }) score: number;
  @Column({ type: 'enum', enum: ['approve', 'reject'] }) recommendation: 'approve' | 'reject';
  @Column({ type: 'varchar', length: 2000, nullable: true }) comment: string | null;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}
