import { Injectable } from '@nestjs/common';
import { Actor, ActorSource, Role } from '../../common/auth/actor';
import { TransactionRunner } from '../../database/transaction';
import { User } from './user.entity';

@Injectable()
export class UserActorSource extends ActorSource {
  constructor(private readonly tx: TransactionRunner) {
    super();
  }

  /** Runs on every authenticated request: one indexed read, without the ORM's query building. */
  async findActiveActor(userId: string): Promise<Actor | null> {
    const rows: Array<{ id: string; email: string; full_name: string; roles: string; unit_id: string | null }> = await this.tx.manager.query(
      'SELECT id, email, full_name, roles, unit_id FROM users WHERE id = ? AND active = 1',
      [userId],
    );
    const row = rows[0];
    if (!row) return null;
    return { id: row.id, email: row.email, fullName: row.full_name, roles: row.roles.split(',') as Role[], unitId: row.unit_id };
  }
}

export function toActor(user: User): Actor {
  return { id: user.id, email: user.email, fullName: user.fullName, roles: user.roles, unitId: user.unitId };
}
