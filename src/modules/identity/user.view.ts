import type { Actor, Role } from '../../common/auth/actor';
import type { LeaderScope, User } from './user.entity';

/** The signed-in user as login and `/me` show it. */
export interface SessionUser {
  id: string;
  email: string;
  fullName: string;
  roles: Role[];
  unitId: string | null;
  /** An administrator reset the password: change it (POST /me/password) before anything else. */
  mustChangePassword: boolean;
}

/** A user as the administration shows it; never the password hash. */
export interface UserView extends SessionUser {
  phone: string | null;
  active: boolean;
  leaderScope: LeaderScope | null;
  createdAt: string;
  updatedAt: string;
}

export function toSessionUser(user: Pick<User, 'id' | 'email' | 'fullName' | 'roles' | 'unitId' | 'mustChangePassword'> | Actor): SessionUser {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    roles: [...user.roles],
    unitId: user.unitId,
    mustChangePassword: Boolean(user.mustChangePassword),
  };
}

export function toUserView(user: User): UserView {
  return {
    ...toSessionUser(user),
    phone: user.phone,
    active: Boolean(user.active),
    leaderScope: user.leaderScope ?? null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

/** Emails compare and are stored trimmed and lower-case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
