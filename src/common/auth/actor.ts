export const ROLES = ['applicant', 'officer', 'head', 'leader', 'finance', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Staff: everyone who works for the province, as opposed to producers applying. */
export const STAFF_ROLES: Role[] = ['officer', 'head', 'leader', 'finance', 'auditor', 'admin'];

/** The person making a request, as the guard established it. */
export interface Actor {
  id: string;
  email: string;
  fullName: string;
  roles: Role[];
  unitId: string | null;
  /** An administrator reset the password: every route but the password change answers 403. */
  mustChangePassword?: boolean;
  /** Bumped by every password change or reset; a page session opened under an older one has ended. */
  credentialsVersion?: number;
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}

export function isStaff(actor: Actor): boolean {
  return hasRole(actor, ...STAFF_ROLES);
}

/** The 401 of a token whose user was deactivated or whose sign-in has ended. */
export const SESSION_ENDED = 'Phiên đăng nhập đã kết thúc hoặc tài khoản không còn hoạt động; hãy đăng nhập lại.';

/** Looks up the current state of a user named by a token; identity provides it. */
export abstract class ActorSource {
  /**
   * The active user with this id, or null when absent or deactivated, or when `sessionId` (the
   * sign-in an access token belongs to) names a session that has ended (logout, a stolen refresh
   * token, deactivation).
   */
  abstract findActiveActor(userId: string, sessionId?: string | null): Promise<Actor | null>;

  /**
   * The user as this process last read them, without a query; only for a request whose
   * transaction then calls `confirmInTransaction` (the check rides with the work).
   */
  abstract remembered(userId: string): Actor | null;

  /**
   * Makes the current transaction refuse (401) unless the user is still active and unchanged:
   * the check goes to the database in front of the transaction's first statement.
   */
  abstract confirmInTransaction(actor: Actor, sessionId?: string | null): Promise<void>;
}

/** What the guard leaves on a request it authenticated. */
export interface AuthenticatedRequest {
  actor: Actor;
  /** The actor came from memory: the route's transaction must confirm it. */
  actorToConfirm?: boolean;
  /** The sign-in the access token belongs to (the refresh-token family), when it names one. */
  sessionId?: string | null;
}
