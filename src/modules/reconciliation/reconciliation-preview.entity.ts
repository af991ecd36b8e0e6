import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A treasury statement read and waiting for finance to confirm its import (the page's preview).
 * `rowsJson` keeps the rows as reconciliation.view.ts's StoredRow arrays; it is read only to import.
 */
@Entity('reconciliation_previews')
export class ReconciliationPreview {
  @PrimaryColumn({ type: 'char', length: 26 }) id: string;
  @Column({ type: 'char', length: 26 }) preparedBy: string;
  @Column({ type: 'char', length: 64 }) fileSha256: string;
  @Column({ type: 'varchar', length: 255, nullable: true }) fileName: string | null;
  @Column({ type: 'date' }) firstValueDate: string;
  @Column({ type: 'date' }) lastValueDate: string;
  @Column({ type: 'int' }) lineCount: number;
  @Column({ type: 'longtext', select: false }) rowsJson: string;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}
