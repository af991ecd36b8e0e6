import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Decimal } from '../../common/money/decimal';
import { decimalTransformer } from '../../common/money/decimal.transformer';

/** What a delegation hands over: a leader's deciding, or a head's routine work of the unit. */
export type DelegationScope = 'decision' | 'routine';
export const DELEGATION_SCOPES: readonly DelegationScope[] = ['decision', 'routine'];

/**
 * Ủy quyền: a leader lets another person decide, for some days, within limits (`decision`); or a
 * head hands the unit's routine work — assigning, initialing — to another member (`routine`).
 * Revoked, never deleted.
 */
@Entity('delegations')
export class Delegation {
  @PrimaryColumn({ type: 'char', length: 26 })
  id: string;

  @Column({ type: 'char', length: 26 })
  fromUserId: string;

  @Column({ type: 'char', length: 26 })
  toUserId: string;

  @Column({ type: 'varchar', length: 16, default: 'decision' })
  scope: DelegationScope;

  /** First day, inclusive, in Asia/Ho_Chi_Minh (`YYYY-MM-DD`). */
  @Column({ type: 'date' })
  validFrom: string;

  /** Last day, inclusive. */
  @Column({ type: 'date' })
  validTo: string;

  @Column({ type: 'decimal', precision: 20, scale: 2, nullable: true, transformer: decimalTransformer })
  maxAmount: Decimal | null;

  @Column({ type: 'char', length: 3 })
  currency: string;

  /** Null: every activity type. */
  @Column({ type: 'simple-array', nullable: true })
  activityTypeCodes: string[] | null;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;
}
