import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One audit entry; written only by AuditService, never updated (the database refuses it). */
@Entity('audit_log')
export class AuditEntry {
  @PrimaryColumn({ type: 'char', length: 26 })
  id: string;

  @Column({ type: 'bigint' })
  seq: string;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;

  @Column({ type: 'char', length: 26, nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 32 })
  capacity: string;

  @Column({ type: 'char', length: 26, nullable: true })
  onBehalfOf: string | null;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ type: 'varchar', length: 64 })
  entity: string;

  @Column({ type: 'varchar', length: 64 })
  entityId: string;

  @Column({ type: 'longtext', nullable: true })
  beforeJson: string | null;

  @Column({ type: 'longtext', nullable: true })
  afterJson: string | null;

  @Column({ type: 'char', length: 64 })
  contentHash: string;

  @Column({ type: 'char', length: 64 })
  prevHash: string;

  @Column({ type: 'char', length: 64 })
  hash: string;
}
