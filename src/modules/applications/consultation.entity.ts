import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ExtensionStatus } from './consultations.rules';

export type ConsultationOpinion = 'agree' | 'disagree';

/** A request for another unit's opinion on a file (xin ý kiến), answered by that unit's staff. */
@Entity('consultations')
export class Consultation {
  @PrimaryColumn({ type: 'char', length: 26 }) id: string;
  @Column({ type: 'char', length: 26 }) applicationId: string;
  @Column({ type: 'char', length: 26 }) unitId: string;
  @Column({ type: 'varchar', length: 2000 }) question: string;
  /** The date that counts: an approved extension moves it (the first one is kept in originalDueDate). */
  @Column({ type: 'date' }) dueDate: string;
  @Column({ type: 'char', length: 26 }) requestedBy: string;
  @Column({ type: 'datetime', precision: 3 }) requestedAt: Date;
  @Column({ type: 'enum', enum: ['agree', 'disagree'], nullable: true }) opinion: ConsultationOpinion | null;
  @Column({ type: 'varchar', length: 2000, nullable: true }) comment: string | null;
  @Column({ type: 'char', length: 26, nullable: true }) answeredBy: string | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) answeredAt: Date | null;
  // The consulted unit's one written request for more time (văn bản đề nghị gia hạn, Điều 13.5), and
  // the decision of the file's officer or head on it. None until asked.
  @Column({ type: 'date', nullable: true }) extensionRequestedUntil: string | null = null;
  @Column({ type: 'varchar', length: 2000, nullable: true }) extensionReason: string | null = null;
  @Column({ type: 'enum', enum: ['requested', 'approved', 'rejected'], nullable: true }) extensionStatus: ExtensionStatus | null = null;
  @Column({ type: 'char', length: 26, nullable: true }) extensionRequestedBy: string | null = null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) extensionRequestedAt: Date | null = null;
  @Column({ type: 'char', length: 26, nullable: true }) extensionDecidedBy: string | null = null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) extensionDecidedAt: Date | null = null;
  @Column({ type: 'varchar', length: 2000, nullable: true }) extensionDecisionReason: string | null = null;
  /** The due date first set, kept when an approved extension moved `dueDate`. */
  @Column({ type: 'date', nullable: true }) originalDueDate: string | null = null;
}
