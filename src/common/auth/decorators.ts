import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor, Role } from './actor';

export const PUBLIC_KEY = 'kcfund:public';
export const ROLES_KEY = 'kcfund:roles';
/** The route runs in one transaction that confirms the caller itself (money-moving routes). */
export const CONFIRMS_ACTOR_KEY = 'kcfund:confirms-actor';

/** No token needed (health, register, login, refresh). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Any of these roles may call the route; the service still scopes what they see. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<{ actor: Actor }>().actor;
});
