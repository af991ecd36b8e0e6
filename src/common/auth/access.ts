import { Forbidden } from '../http/domain-error';
import { Actor, Role, STAFF_ROLES } from './actor';

/**
 * The first line of a use case: the actor must hold one of `roles`. Returns the role used, in the
 * order given, which is the capacity the audit entry records.
 */
export function requireRole(actor: Actor, ...roles: Role[]): Role {
  const used = roles.find((role) => actor.roles.includes(role));
  if (!used) throw new Forbidden();
  return used;
}

/** Any staff role (everyone but a producer applying); returns the role used. */
export function requireStaff(actor: Actor): Role {
  return requireRole(actor, ...STAFF_ROLES);
}

/**
 * Anyone signed in, whatever their role: for what every user may read (funds, fiscal years, the
 * activity rules). Says so in the use case's first line, like the other checks.
 */
export function requireSignedIn(actor: Actor): void {
  if (!actor?.id) throw new Forbidden();
}
