import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Quyền Giám đốc: a leader appointed to act as head of the Sở for a period (while the post is
 * vacant or its holder away), by a decision recorded here by an administrator. For its days the
 * appointee signs "Q. GIÁM ĐỐC" and holds the director's field of work (every file).
 * Revoked, never deleted.
 */
@Entity('acting_appointments')
export class ActingAppointment {
  @PrimaryColumn({ type: 'char', length: 26 })
  id: string;

  @Column({ type: 'char', length: 26 })
  userId: string;

  /** First day, inclusive, in Asia/Ho_Chi_Minh (`YYYY-MM-DD`). */
  @Column({ type: 'date' })
  validFrom: string;

  /** Last day, inclusive. */
  @Column({ type: 'date' })
  validTo: string;

  /** The number of the appointing decision (quyết định giao quyền), as typed. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  decisionNo: string | null;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ type: 'char', length: 26 })
  createdBy: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;
}
