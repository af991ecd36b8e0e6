import type { Delegation, DelegationScope } from './delegation.entity';
import { delegationStatus, DelegationStatus, formatLimit } from './delegation.rules';

export interface DelegationView {
  id: string;
  fromUserId: string;
  toUserId: string;
  /** `decision`: a leader's deciding; `routine`: a head's routine work (assigning, initialing). */
  scope: DelegationScope;
  validFrom: string;
  validTo: string;
  /** Money string, or null for no amount limit. */
  maxAmount: string | null;
  currency: string;
  /** Null: every activity type. */
  activityTypeCodes: string[] | null;
  reason: string;
  status: DelegationStatus;
  createdAt: string;
  revokedAt: string | null;
}

export function toDelegationView(delegation: Delegation, today: string): DelegationView {
  return {
    id: delegation.id,
    fromUserId: delegation.fromUserId,
    toUserId: delegation.toUserId,
    scope: delegation.scope,
    validFrom: delegation.validFrom,
    validTo: delegation.validTo,
    maxAmount: formatLimit(delegation.maxAmount, delegation.currency),
    currency: delegation.currency,
    activityTypeCodes: delegation.activityTypeCodes,
    reason: delegation.reason,
    status: delegationStatus(delegation, today),
    createdAt: delegation.createdAt.toISOString(),
    revokedAt: delegation.revokedAt ? delegation.revokedAt.toISOString() : null,
  };
}
