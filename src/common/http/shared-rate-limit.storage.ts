import { Logger, OnModuleDestroy } from '@nestjs/common';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { SlidingWindowStorage } from './rate-limit.storage';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * Rate-limit counters in Redis, shared by every worker process and instance, so a limit holds
 * for the whole service rather than per process. Keys carry a prefix (the database's name), so
 * services on different databases never share counters. When Redis cannot answer, the request is
 * counted in this process's memory instead (limits then hold per process, as without Redis) and a
 * warning is logged once per outage: a rate limiter is no reason to refuse a province's work.
 */
export class SharedRateLimitStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly redis: ThrottlerStorageRedisService;
  private readonly fallback = new SlidingWindowStorage();
  private readonly logger = new Logger('RateLimit');
  private degraded = false;

  constructor(url: string, keyPrefix: string) {
    this.redis = new ThrottlerStorageRedisService(url, {
      keyPrefix,
      // Fail fast rather than queue requests behind a Redis that is down.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      lazyConnect: false,
    });
    // ioredis reports connection errors as events; without a listener Node prints each one.
    this.redis.redis.on('error', () => undefined);
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    try {
      const record = await this.redis.increment(key, ttl, limit, blockDuration, throttlerName);
      if (this.degraded) {
        this.degraded = false;
        this.logger.log('Redis answers again: rate limits are shared again');
      }
      return record;
    } catch (error) {
      if (!this.degraded) {
        this.degraded = true;
        this.logger.warn(`Redis does not answer (${(error as Error).message}): rate limits count per process until it does`);
      }
      return this.fallback.increment(key, ttl, limit, blockDuration);
    }
  }

  /** Whether Redis answers a PING (for the health check). */
  async reachable(): Promise<boolean> {
    try {
      return (await this.redis.redis.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  onModuleDestroy(): void {
    this.redis.onModuleDestroy();
  }
}
