import { CanActivate, ExecutionContext, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { Forbidden, PasswordChangeRequired, Unauthenticated } from '../http/domain-error';
import { Actor, ActorSource, AuthenticatedRequest, Role, SESSION_ENDED } from './actor';
import { BrowserSessionSource } from './browser-session';
import { CONFIRMS_ACTOR_KEY, OPEN_DURING_PASSWORD_CHANGE_KEY, PUBLIC_KEY, ROLES_KEY } from './decorators';

type Targets = Parameters<Reflector['getAllAndOverride']>[1];

export interface AccessTokenClaims {
  sub: string;
  typ: 'access';
  /** The sign-in (refresh-token family) the token was issued for: it stops when that session ends. */
  sid?: string;
  exp?: number;
}

/** Verified access tokens remembered at most (the oldest are forgotten first). */
const REMEMBERED_TOKENS = 10_000;

/**
 * Every route needs a valid access token of an active user unless marked @Public; @Roles limits
 * a route to some roles (403: the caller is known but may not do this at all). The user and the
 * token's sign-in are read on every request, so deactivation or logout stops a token at once. A
 * money-moving route whose caller this process has read before takes them from memory, and its
 * transaction confirms them in the same round trip as the money (401 if they changed, were
 * deactivated or their sign-in ended). A user whose password an administrator reset reaches only
 * the routes marked @OpenDuringPasswordChange until they change it (403 PASSWORD_CHANGE_REQUIRED).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  /** Access tokens whose signature this process has checked: token → claims (until they expire). */
  private readonly verified = new Map<string, AccessTokenClaims & { exp: number }>();

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly actors: ActorSource,
    @Optional() private readonly browserSessions?: BrowserSessionSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<{ method: string; headers: Record<string, string> } & Partial<AuthenticatedRequest>>();
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
      claims = await this.claimsOf(match[1]);
    } catch {
      throw new Unauthenticated('Mã truy cập không hợp lệ hoặc đã hết hạn.');
    }
    if (claims.typ !== 'access') throw new Unauthenticated('Mã truy cập không hợp lệ.');
    // Memory only ever lets a request on (its transaction confirms it); a refusal is read fresh.
    const candidate = this.reflector.getAllAndOverride<boolean>(CONFIRMS_ACTOR_KEY, targets) ? this.actors.remembered(claims.sub) : null;
    const remembered = candidate && !candidate.mustChangePassword && this.mayCall(candidate, targets) ? candidate : null;
    const sessionId = claims.sid ?? null;
    const actor = remembered ?? (await this.actors.findActiveActor(claims.sub, sessionId));
    if (!actor) throw new Unauthenticated(SESSION_ENDED);
    request.sessionId = sessionId;
    if (remembered) request.actorToConfirm = true;
    return this.allow(request, actor, targets);
  }

  /** The token's claims; its signature is checked once, its expiry on every request. */
  private async claimsOf(token: string): Promise<AccessTokenClaims> {
    const known = this.verified.get(token);
    if (known && known.exp * 1000 > Date.now()) return known;
    const claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
    if (typeof claims.exp === 'number') {
      this.verified.set(token, claims as AccessTokenClaims & { exp: number });
      if (this.verified.size > REMEMBERED_TOKENS) this.verified.delete(this.verified.keys().next().value!);
    }
    return claims;
  }

  private allow(request: { actor?: Actor }, actor: Actor, targets: Targets): boolean {
    request.actor = actor;
    if (actor.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(OPEN_DURING_PASSWORD_CHANGE_KEY, targets)) {
      throw new PasswordChangeRequired();
    }
    if (!this.mayCall(actor, targets)) throw new Forbidden();
    return true;
  }

  private mayCall(actor: Actor, targets: Targets): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    return !roles || actor.roles.some((r) => roles.includes(r));
  }
}
