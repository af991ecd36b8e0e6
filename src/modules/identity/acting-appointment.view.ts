import type { ActingAppointment } from './acting-appointment.entity';
import { delegationStatus, type DelegationStatus } from './delegation.rules';

/** An acting appointment as the API shows it. */
export interface ActingAppointmentView {
  id: string;
  userId: string;
  validFrom: string;
  validTo: string;
  decisionNo: string | null;
  reason: string;
  /** On today's date: `scheduled`, `active`, `expired` or `revoked`. */
  status: DelegationStatus;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
}

export function toActingAppointmentView(a: ActingAppointment, today: string): ActingAppointmentView {
  return {
    id: a.id,
    userId: a.userId,
    validFrom: a.validFrom,
    validTo: a.validTo,
    decisionNo: a.decisionNo,
    reason: a.reason,
    status: delegationStatus(a, today),
    createdBy: a.createdBy,
    createdAt: a.createdAt.toISOString(),
    revokedAt: a.revokedAt ? a.revokedAt.toISOString() : null,
  };
}
