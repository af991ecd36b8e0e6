import { Injectable } from '@nestjs/common';
import { Actor, ActorSource } from '../../common/auth/actor';
import { TransactionRunner } from '../../database/transaction';
import { User } from './user.entity';

@Injectable()
export class UserActorSource extends ActorSource {
  constructor(private readonly tx: TransactionRunner) {
    super();
  }

  async findActiveActor(userId: string): Promise<Actor | null> {
    const user = await this.tx.manager.findOne(User, { where: { id: userId, active: true } });
    return user ? toActor(user) : null;
  }
}

export function toActor(user: User): Actor {
  return { id: user.id, email: user.email, fullName: user.fullName, roles: user.roles, unitId: user.unitId };
}
