import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One imported treasury statement (sao kê Kho bạc) and what its matching found. `resultJson` keeps
 * the lines and the missing movements in the compact form of reconciliation.view.ts; it is not
 * loaded with the list.
 */
@Entity('reconciliation_imports')
export class ReconciliationImport {
  @PrimaryColumn({ type: 'char', length: 26 }) id: string;
  @Column({ type: 'char', length: 64 }) fileSha256: string;
  @Column({ type: 'varchar', length: 255, nullable: true }) fileName: string | null;
  @Column({ type: 'date', nullable: true }) firstValueDate: string | null;
  @Column({ type: 'date', nullable: true }) lastValueDate: string | null;
  @Column({ type: 'int' }) lineCount: number;
  @Column({ type: 'int' }) matched: number;
  @Column({ type: 'int' }) amountMismatch: number;
  @Column({ type: 'int' }) unknownInStatement: number;
  @Column({ type: 'int' }) missingFromStatement: number;
  @Column({ type: 'longtext', select: false }) resultJson: string;
  @Column({ type: 'char', length: 26 }) importedBy: string;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}
