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

/**
 * What `GET /audit/verify` answers. `altered`: an entry no longer fits its link (`firstBrokenId`);
 * `truncated`: the chain stops before the stored head (entries removed from its end);
 * `trigger_missing`: a trigger that keeps the log append-only or the head moving forward is gone.
 * `entries`: how many entries were proved.
 */
export type AuditVerification =
  | { ok: true; entries: number }
  | { ok: false; reason: 'altered'; entries: number; firstBrokenId: string }
  | { ok: false; reason: 'truncated'; entries: number }
  | { ok: false; reason: 'trigger_missing'; entries: number; missingTriggers: string[] };
