import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The support contract (hợp đồng) signed for an approved file. */
@Entity('contracts')
export class Contract {
  @PrimaryColumn({ type: 'char', length: 26 }) applicationId: string;
  @Column({ type: 'varchar', length: 64 }) contractNo: string;
  @Column({ type: 'date' }) signedDate: string;
  @Column({ type: 'char', length: 26 }) createdBy: string;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}
