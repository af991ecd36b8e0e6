import { Injectable } from '@nestjs/common';
import { InjectThrottlerStorage, ThrottlerStorage } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { SharedRateLimitStorage } from '../../common/http/shared-rate-limit.storage';

const PROBE_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectThrottlerStorage() private readonly rateLimits: ThrottlerStorage,
  ) {}

  /**
   * Asks the database for `SELECT 1` (a pool that lost its server reconnects on the next call)
   * and, when rate limits are shared through Redis, Redis for a PING. Redis down degrades the
   * limits to per-process counting but does not stop the service, so it is reported, not fatal.
   */
  async check(): Promise<{ status: 'ok' | 'error'; db: 'up' | 'down'; redis?: 'up' | 'down' }> {
    const db = await withinProbeTime(this.dataSource.query('SELECT 1').then(() => true)).catch(() => false);
    const redis = this.rateLimits instanceof SharedRateLimitStorage ? await withinProbeTime(this.rateLimits.reachable()).catch(() => false) : undefined;
    return {
      status: db ? 'ok' : 'error',
      db: db ? 'up' : 'down',
      ...(redis === undefined ? {} : { redis: redis ? ('up' as const) : ('down' as const) }),
    };
  }
}

function withinProbeTime<T>(probe: Promise<T>): Promise<T> {
  return Promise.race([
    probe,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('health probe timed out')), PROBE_TIMEOUT_MS).unref()),
  ]);
}
