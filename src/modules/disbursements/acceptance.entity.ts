import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An acceptance (nghiệm thu) of a contracted file, passed or failed, with its minutes. */
@Entity('acceptances')
export class Acceptance {
  @PrimaryColumn({ type: 'char', length: 26 }) id: string;
  @Column({ type: 'char', length: 26 }) applicationId: string;
  @Column({ type: 'enum', enum: ['passed', 'failed'] }) result: 'passed' | 'failed';
  @Column({ type: 'date' }) acceptedDate: string;
  @Column({ type: 'varchar', length: 64 }) minutesNo: string;
  @Column({ type: 'varchar', length: 1000, nullable: true }) note: string | null;
  @Column({ type: 'date', nullable: true }) settlementDueDate: string | null;
  // What the file achieved (null: not recorded): see disbursements.labels OUTCOME_LABELS.
  @Column({ type: 'int', unsigned: true, nullable: true }) jobsCreated: number | null;
  @Column({ type: 'int', unsigned: true, nullable: true }) jobsKept: number | null;
  @Column({ type: 'int', unsigned: true, nullable: true }) womenWorkers: number | null;
  @Column({ type: 'int', unsigned: true, nullable: true }) disabledWorkers: number | null;
  @Column({ type: 'int', unsigned: true, nullable: true }) trainees: number | null;
  @Column({ type: 'int', unsigned: true, nullable: true }) modelsBuilt: number | null;
  @Column({ type: 'char', length: 26 }) createdBy: string;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}
