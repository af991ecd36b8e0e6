import { Global, Module } from '@nestjs/common';
import { ActorSource } from '../../common/auth/actor';
import { UserActorSource } from './user-actor.source';

@Global()
@Module({
  providers: [{ provide: ActorSource, useClass: UserActorSource }],
  exports: [ActorSource],
})
export class IdentityModule {}
