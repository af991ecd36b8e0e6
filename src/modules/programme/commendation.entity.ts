import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A commendation (khen thưởng) of the year's programme: an establishment, a person (with their
 * unit when they work for the province) or a unit of the organisation, by a decision.
 */
@Entity('commendations')
export class Commendation {
  @PrimaryColumn({ type: 'char', length: 26 }) id: string;
  @Column({ type: 'smallint' }) fiscalYear: number;
  @Column({ type: 'char', length: 26, nullable: true }) establishmentId: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) personName: string | null;
  @Column({ type: 'char', length: 26, nullable: true }) unitId: string | null;
  /** Who was commended, in one value (see programme.rules recipientKey): one decision commends a recipient once. */
  @Column({ type: 'varchar', length: 260 }) recipientKey: string;
  /** The form (hình thức): Bằng khen của Chủ tịch UBND tỉnh, Giấy khen của Giám đốc Sở… */
  @Column({ type: 'varchar', length: 200 }) form: string;
  @Column({ type: 'varchar', length: 64 }) decisionNo: string;
  @Column({ type: 'date' }) decisionDate: string;
  @Column({ type: 'varchar', length: 2000 }) reason: string;
  @Column({ type: 'char', length: 26 }) createdBy: string;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}
