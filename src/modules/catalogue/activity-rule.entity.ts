import { Column, Entity, PrimaryColumn } from 'typeorm';
import { decimalTransformer } from '../../common/money/decimal.transformer';
import type { Decimal } from '../../common/money/decimal';
import { FUND_SOURCES, type FundSource } from '../ledger/ledger.types';

/** Stored scope of a rule: one fund source, or `all` when the rule applies whatever the source. */
export type RuleScope = FundSource | 'all';

/**
 * One version of an activity type's support rule (TT 28/2018/TT-BTC and provincial resolutions),
 * for one fund source (or all) from one date. Versions are never updated or deleted (database
 * triggers refuse it); a version is in force until the next one of the same code and scope starts.
 */
@Entity('activity_rules')
export class ActivityRule {
  @PrimaryColumn({ type: 'char', length: 26 })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'enum', enum: ['all', ...FUND_SOURCES] })
  fundSource: RuleScope;

  @Column({ type: 'decimal', precision: 7, scale: 6, transformer: decimalTransformer })
  supportRate: Decimal;

  /** Null when the cap is set per decision (fairs abroad). */
  @Column({ type: 'decimal', precision: 20, scale: 2, nullable: true, transformer: decimalTransformer })
  supportCap: Decimal | null;

  /** The currency the cap is written in (VND for the national and provincial rules). */
  @Column({ type: 'char', length: 3, default: 'VND' })
  capCurrency: string;

  @Column({ type: 'decimal', precision: 7, scale: 6, transformer: decimalTransformer })
  advanceRate: Decimal;

  @Column({ type: 'int' })
  settlementDueDays: number;

  @Column({ type: 'date' })
  effectiveFrom: string;

  /** The kinds of document a file of this type must carry before it is submitted (empty: none). */
  @Column({ type: 'varchar', length: 500, transformer: { to: (kinds: string[] | undefined) => (kinds ?? []).join(','), from: (stored: string | null) => (stored ? stored.split(',') : []) } })
  requiredDocumentKinds: string[];

  /** Who may be supported (đúng đối tượng): the kinds of establishment (null: any kind). */
  @Column({ type: 'varchar', length: 200, nullable: true, transformer: { to: (kinds: string[] | null | undefined) => (kinds ? kinds.join(',') : null), from: (stored: string | null) => (stored === null ? null : stored.split(',').filter(Boolean)) } })
  eligibleEstablishmentKinds: string[] | null;

  /** The most support one establishment may be approved under this activity in a fiscal year, in capCurrency (null: no such cap). */
  @Column({ type: 'decimal', precision: 20, scale: 2, nullable: true, transformer: decimalTransformer })
  maxSupportPerEstablishmentYear: Decimal | null;

  /** A file must name the commune (xã, phường, đặc khu) where the project is carried out. */
  @Column({ type: 'boolean' })
  requiresCommuneCode: boolean;

  @Column({ type: 'char', length: 26, nullable: true })
  createdBy: string | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
