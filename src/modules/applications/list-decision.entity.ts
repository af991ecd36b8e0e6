import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A list decision (quyết định phê duyệt theo danh sách): one decision of a leader approving several
 * initialed files at once, under one number of the register of outgoing documents. Its id is the
 * register entry's; its files record it (`applications.list_decision_id`) beside the number.
 */
@Entity('list_decisions')
export class ListDecision {
  @PrimaryColumn({ type: 'char', length: 26 }) id: string;
  @Column({ type: 'varchar', length: 64 }) number: string;
  @Column({ type: 'date' }) decisionDate: string;
  @Column({ type: 'varchar', length: 2000, nullable: true }) comment: string | null;
  @Column({ type: 'char', length: 26 }) decidedBy: string;
  @Column({ type: 'varchar', length: 32 }) decisionCapacity: string;
  @Column({ type: 'char', length: 26, nullable: true }) decidedOnBehalfOf: string | null;
  @Column({ type: 'char', length: 26, nullable: true }) delegationId: string | null;
  @Column({ type: 'int' }) fileCount: number;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}
