import type { Role } from '../../common/auth/actor';

/**
 * Who a message goes to, as identity resolves it into active users: named users, the holders of
 * some roles in some units (that unit only, not the units below it), the holders of roles anywhere.
 * A user matched several ways is one recipient.
 */
export interface RecipientQuery {
  userIds?: string[];
  units?: Array<{ unitId: string; roles: Role[] }>;
  roles?: Role[];
}

export interface Recipient {
  id: string;
  email: string;
  fullName: string;
}
