import { Injectable } from '@nestjs/common';
import { Actor, ActorSource, Role, SESSION_ENDED } from '../../common/auth/actor';
import { PasswordChangeRequired, Unauthenticated } from '../../common/http/domain-error';
import { TransactionRunner } from '../../database/transaction';
import { User } from './user.entity';

/** A sign-in that has ended: its refresh-token family was revoked (logout, reuse, deactivation). */
const SESSION_ENDED_SQL = 'EXISTS (SELECT 1 FROM refresh_tokens WHERE family_id = ? AND revoked_at IS NOT NULL)';

const FIND_ACTOR_SQL =
  'SELECT id, email, full_name, roles, unit_id, must_change_password, credentials_version FROM users WHERE id = ? AND active = 1';

/** Users remembered at most (the least recently read are forgotten first). */
const REMEMBERED_USERS = 10_000;

@Injectable()
export class UserActorSource extends ActorSource {
  /** The users this process read last, as read: id → actor. */
  private readonly recent = new Map<string, Actor>();

  constructor(private readonly tx: TransactionRunner) {
    super();
  }

  /** Runs on every authenticated request: one indexed read, without the ORM's query building. */
  async findActiveActor(userId: string, sessionId: string | null = null): Promise<Actor | null> {
    const rows: Array<{
      id: string;
      email: string;
      full_name: string;
      roles: string;
      unit_id: string | null;
      must_change_password: number;
      credentials_version: number;
    }> = await this.tx.manager.query(
      sessionId ? `${FIND_ACTOR_SQL} AND NOT ${SESSION_ENDED_SQL}` : FIND_ACTOR_SQL,
      sessionId ? [userId, sessionId] : [userId],
    );
    const row = rows[0];
    this.recent.delete(userId);
    if (!row) return null;
    const actor: Actor = {
      id: row.id,
      email: row.email,
      fullName: row.full_name,
      roles: row.roles.split(',') as Role[],
      unitId: row.unit_id,
      mustChangePassword: Boolean(row.must_change_password),
      credentialsVersion: Number(row.credentials_version),
    };
    this.recent.set(userId, actor);
    if (this.recent.size > REMEMBERED_USERS) this.recent.delete(this.recent.keys().next().value!);
    return actor;
  }

  remembered(userId: string): Actor | null {
    return this.recent.get(userId) ?? null;
  }

  /**
   * One deferred check in the caller's transaction: refused (and forgotten) when the user was
   * deactivated, their sign-in ended, or they changed (roles, unit, e-mail, name) since this
   * process read them; a password reset by an administrator is the 403 of every route but the change.
   */
  async confirmInTransaction(actor: Actor, sessionId: string | null = null): Promise<void> {
    const forget = (detail: string) => () => {
      this.recent.delete(actor.id);
      return new Unauthenticated(detail);
    };
    // The confirm_actor procedure: still active, in a live sign-in, and unchanged.
    await this.tx.defer({
      sql: 'CALL confirm_actor(?,?,?,?,?,?)',
      params: [actor.id, sessionId, actor.roles.join(','), actor.unitId, actor.email, actor.fullName],
      refusals: {
        tag: actor.id,
        errors: {
          ACTOR_INACTIVE: forget(SESSION_ENDED),
          ACTOR_CHANGED: forget('Thông tin tài khoản vừa thay đổi; hãy gửi lại yêu cầu.'),
          ACTOR_MUST_CHANGE_PASSWORD: () => {
            this.recent.delete(actor.id);
            return new PasswordChangeRequired();
          },
        },
      },
    });
  }
}

export function toActor(user: User): Actor {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    roles: user.roles,
    unitId: user.unitId,
    mustChangePassword: Boolean(user.mustChangePassword),
    credentialsVersion: user.credentialsVersion,
  };
}
