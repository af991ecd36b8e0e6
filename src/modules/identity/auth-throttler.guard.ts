import { ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectThrottlerStorage, ThrottlerGuard, ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerLimitDetail } from '@nestjs/throttler';
import { AppConfig } from '../../config/app-config';
import { normaliseEmail } from './user.view';

const MINUTE_MS = 60_000;

function emailOf(req: Record<string, any>): string | null {
  const email = req.body?.email;
  return typeof email === 'string' && email.trim() !== '' ? normaliseEmail(email) : null;
}

/**
 * Login and registration attempts, limited per minute twice over: per account (many addresses
 * trying one account, a distributed guess; RATE_LIMIT_AUTH_PER_MINUTE, 10 by default) and per
 * client address (one address trying many accounts; RATE_LIMIT_AUTH_PER_ADDRESS_PER_MINUTE, 300
 * by default, so a province office behind one address can sign in at 8 a.m.). Over either is a
 * 429. With REDIS_URL the counts are shared by every worker and instance.
 */
@Injectable()
export class AuthThrottlerGuard extends ThrottlerGuard {
  constructor(
    @Inject(AppConfig) config: AppConfig,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
  ) {
    super(
      {
        throttlers: [
          { name: 'auth-ip', ttl: MINUTE_MS, limit: config.RATE_LIMIT_AUTH_PER_ADDRESS_PER_MINUTE },
          {
            name: 'auth-account',
            ttl: MINUTE_MS,
            limit: config.RATE_LIMIT_AUTH_PER_MINUTE,
            // Without an email the request is refused as invalid anyway; do not pool those.
            skipIf: (context: ExecutionContext) => emailOf(context.switchToHttp().getRequest()) === null,
            getTracker: (req: Record<string, any>) => `account:${emailOf(req)}`,
          },
        ],
        setHeaders: false,
      },
      storage,
      reflector,
    );
  }

  /** The standard Retry-After header (seconds) rather than the library's per-throttler name. */
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    this.setResponseHeader(context.switchToHttp().getResponse(), 'Retry-After', Math.max(1, detail.timeToBlockExpire));
    return super.throwThrottlingException(context, detail);
  }
}
