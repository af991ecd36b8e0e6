import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One step of a file's timeline: who did what, in which capacity (and for whom), when, and why. */
@Entity('application_events')
export class ApplicationEvent {
  @PrimaryColumn({ type: 'char', length: 26 }) id: string;
  @Column({ type: 'char', length: 26 }) applicationId: string;
  @Column({ type: 'varchar', length: 64 }) action: string;
  @Column({ type: 'varchar', length: 32, nullable: true }) fromStatus: string | null;
  @Column({ type: 'varchar', length: 32 }) toStatus: string;
  @Column({ type: 'char', length: 26, nullable: true }) actorId: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) actorName: string | null;
  @Column({ type: 'varchar', length: 32 }) capacity: string;
  @Column({ type: 'char', length: 26, nullable: true }) onBehalfOf: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) onBehalfOfName: string | null;
  @Column({ type: 'varchar', length: 2000, nullable: true }) note: string | null;
  @Column({ type: 'datetime', precision: 3 }) at: Date;
}
