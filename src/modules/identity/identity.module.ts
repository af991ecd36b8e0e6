import { Global, Module } from '@nestjs/common';
import { ActorSource } from '../../common/auth/actor';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { OrganizationModule } from '../organization/organization.module';
import { ActingAppointmentsController } from './acting-appointments.controller';
import { ActingAppointmentsService } from './acting-appointments.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { DelegationService } from './delegation.service';
import { DelegationsController } from './delegations.controller';
import { IdentityStartup } from './identity-startup';
import { PasswordHasher } from './password-hasher';
import { RefreshTokenStore } from './refresh-token.store';
import { UserActorSource } from './user-actor.source';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Global()
@Module({
  imports: [OrganizationModule, CatalogueModule],
  controllers: [AuthController, UsersController, DelegationsController, ActingAppointmentsController],
  providers: [
    { provide: ActorSource, useClass: UserActorSource },
    AuthService,
    UsersService,
    DelegationService,
    ActingAppointmentsService,
    PasswordHasher,
    RefreshTokenStore,
    IdentityStartup,
  ],
  exports: [ActorSource, DelegationService, IdentityStartup, AuthService, UsersService, PasswordHasher],
})
export class IdentityModule {}
