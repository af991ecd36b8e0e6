import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A file attached to an application; the bytes live under DATA_DIR, named by `storageKey`. */
@Entity('application_documents')
export class ApplicationDocument {
  @PrimaryColumn({ type: 'char', length: 26 }) id: string;
  @Column({ type: 'char', length: 26 }) applicationId: string;
  @Column({ type: 'varchar', length: 64 }) kind: string;
  @Column({ type: 'varchar', length: 255 }) name: string;
  @Column({ type: 'varchar', length: 64 }) contentType: string;
  @Column({ type: 'int' }) size: number;
  @Column({ type: 'char', length: 64 }) sha256: string;
  @Column({ type: 'varchar', length: 200 }) storageKey: string;
  @Column({ type: 'char', length: 26 }) uploadedBy: string;
  @Column({ type: 'datetime', precision: 3 }) uploadedAt: Date;
}
