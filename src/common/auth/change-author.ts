import type { Actor } from './actor';

/**
 * Who a change is recorded against in the audit log: a person in the capacity they acted in
 * (the role used, or `delegated`), or the service itself (`actor: null`, capacity `system`).
 */
export interface ChangeAuthor {
  actor: Pick<Actor, 'id'> | null;
  capacity: string;
  onBehalfOf?: string | null;
}

export const SYSTEM: ChangeAuthor = { actor: null, capacity: 'system' };
