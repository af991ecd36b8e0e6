import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ReversalRequestStatus } from './ledger.rules';

/**
 * A finance user's request to reverse a transfer, decided by another (maker-checker). The
 * reversing transfer is posted only on approval. `openTransferId` is the transfer while the
 * request waits, NULL once decided: its unique key keeps one open request per transfer.
 */
@Entity('ledger_reversal_requests')
export class ReversalRequest {
  @PrimaryColumn({ type: 'char', length: 26 }) id: string;
  @Column({ type: 'char', length: 26 }) transferId: string;
  @Column({ type: 'varchar', length: 16 }) status: ReversalRequestStatus;
  @Column({ type: 'char', length: 26, nullable: true }) openTransferId: string | null;
  @Column({ type: 'char', length: 26 }) requestedBy: string;
  @Column({ type: 'varchar', length: 500 }) reason: string;
  @Column({ type: 'datetime', precision: 3 }) requestedAt: Date;
  @Column({ type: 'char', length: 26, nullable: true }) decidedBy: string | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) decidedAt: Date | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) decisionReason: string | null;
  @Column({ type: 'char', length: 26, nullable: true }) reversalTransferId: string | null;
}
