import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ConsultationOpinion = 'agree' | 'disagree';

/** A request for another unit's opinion on a file (xin ý kiến), answered by that unit's staff. */
@Entity('consultations')
export class Consultation {
  @PrimaryColumn({ type: 'char', length: 26 }) id: string;
  @Column({ type: 'char', length: 26 }) applicationId: string;
  @Column({ type: 'char', length: 26 }) unitId: string;
  @Column({ type: 'varchar', length: 2000 }) question: string;
  @Column({ type: 'date' }) dueDate: string;
  @Column({ type: 'char', length: 26 }) requestedBy: string;
  @Column({ type: 'datetime', precision: 3 }) requestedAt: Date;
  @Column({ type: 'enum', enum: ['agree', 'disagree'], nullable: true }) opinion: ConsultationOpinion | null;
  @Column({ type: 'varchar', length: 2000, nullable: true }) comment: string | null;
  @Column({ type: 'char', length: 26, nullable: true }) answeredBy: string | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) answeredAt: Date | null;
}
