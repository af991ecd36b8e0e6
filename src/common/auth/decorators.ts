import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor, Role } from './actor';

export const PUBLIC_KEY = 'kcfund:public';
export const ROLES_KEY = 'kcfund:roles';
/** The route stays open to a user who must change their password (the change itself, /me, logout). */
export const OPEN_DURING_PASSWORD_CHANGE_KEY = 'kcfund:open-during-password-change';
/** The route runs in one transaction that confirms the caller itself (money-moving routes). */
export const CONFIRMS_ACTOR_KEY = 'kcfund:confirms-actor';

/** No token needed (health, register, login, refresh). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Any of these roles may call the route; the service still scopes what they see. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Open to a user whose password was reset and not yet changed. */
export const OpenDuringPasswordChange = () => SetMetadata(OPEN_DURING_PASSWORD_CHANGE_KEY, true);

/** The sign-in (refresh-token family) the request's access token belongs to, or null. */
export const CurrentSession = createParamDecorator((_: unknown, ctx: ExecutionContext): string | null => {
  return ctx.switchToHttp().getRequest<{ sessionId?: string | null }>().sessionId ?? null;
});

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<{ actor: Actor }>().actor;
});
