import type { ChainedFields } from './audit-chain.rules';
import type { Actor } from '../../common/auth/actor';

/**
 * The capacity in which a step was taken: the role the actor used, `delegated` when deciding
 * under a delegation (ủy quyền), `system` for the service's own work (bootstrap, scheduled).
 */
export type Capacity = string;

export interface AuditRecord {
  /** Null for the service itself. */
  actor: Pick<Actor, 'id'> | null;
  capacity: Capacity;
  /** On whose behalf, when acting under a delegation. */
  onBehalfOf?: string | null;
  /** `application.submit`, `ledger.transfer`, `user.create`, … */
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** An entry as `GET /audit` shows it: the chained fields, its place in the chain and its links. */
export interface AuditEntryView extends ChainedFields {
  seq: number;
  hash: string;
  prevHash: string;
}
