import { Column, Entity, PrimaryColumn } from 'typeorm';
import { FUND_SOURCES, type FundSource } from './ledger.types';


/** A fund (nguồn kinh phí): central, local or a sponsor's, in one currency. */
@Entity('funds')
export class Fund {
  @PrimaryColumn({ type: 'char', length: 26 }) id: string;
  @Column({ type: 'varchar', length: 32 }) code: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'enum', enum: FUND_SOURCES }) source: FundSource;
  @Column({ type: 'varchar', length: 200, nullable: true }) sponsorName: string | null;
  @Column({ type: 'char', length: 3 }) currency: string;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}
