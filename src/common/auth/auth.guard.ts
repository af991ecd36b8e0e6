import { CanActivate, ExecutionContext, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { Forbidden, Unauthenticated } from '../http/domain-error';
import { Actor, ActorSource, Role } from './actor';
import { BrowserSessionSource } from './browser-session';
import { PUBLIC_KEY, ROLES_KEY } from './decorators';

export interface AccessTokenClaims {
  sub: string;
  typ: 'access';
}

/**
 * Every route needs a valid access token of an active user unless marked @Public; @Roles limits
 * a route to some roles (403: the caller is known but may not do this at all). The user is read
 * on every request, so deactivating one stops their tokens at once.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly actors: ActorSource,
    @Optional() private readonly browserSessions?: BrowserSessionSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<{ method: string; headers: Record<string, string>; actor?: Actor }>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer (\S+)$/.exec(header);
    if (!match && !header && this.browserSessions && (request.method === 'GET' || request.method === 'HEAD')) {
      // A page's link to a document or report: reads only, with the browser's session cookie
      // (SameSite, so never sent by another site's subrequest). Anything that changes state needs a token.
      const actor = await this.browserSessions.actorForRequest(request);
      if (actor) return this.allow(request, actor, targets);
    }
    if (!match) throw new Unauthenticated('Thiếu mã truy cập (Authorization: Bearer …).');
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(match[1]);
    } catch {
      throw new Unauthenticated('Mã truy cập không hợp lệ hoặc đã hết hạn.');
    }
    if (claims.typ !== 'access') throw new Unauthenticated('Mã truy cập không hợp lệ.');
    const actor = await this.actors.findActiveActor(claims.sub);
    if (!actor) throw new Unauthenticated('Tài khoản không còn hoạt động.');
    return this.allow(request, actor, targets);
  }

  private allow(request: { actor?: Actor }, actor: Actor, targets: Parameters<Reflector['getAllAndOverride']>[1]): boolean {
    request.actor = actor;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !actor.roles.some((r) => roles.includes(r))) throw new Forbidden();
    return true;
  }
}
