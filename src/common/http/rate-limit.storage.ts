import type { ThrottlerStorage } from '@nestjs/throttler';

/** What the guard reads back (the library does not export the type from its entry point). */
type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

interface Counter {
  /** Start of the current window (ms). */
  windowStart: number;
  current: number;
  previous: number;
  blockedUntil: number;
}

const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));

/**
 * Rate-limit counters for @nestjs/throttler in constant time and memory per caller: a sliding
 * window estimated from two fixed windows (the previous window's hits, weighted by how much of it
 * still lies inside the sliding window, plus the current one's). The library's own in-memory
 * storage keeps one timestamp per hit and filters them all on every request, which under a high
 * limit (100,000 a minute) costs a scan of up to that many entries per request.
 */
export class SlidingWindowStorage implements ThrottlerStorage {
  private readonly counters = new Map<string, Counter>();
  private lastSweep: number;

  constructor(private readonly now: () => number = Date.now) {
    this.lastSweep = now();
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<ThrottlerStorageRecord> {
    const now = this.now();
    this.sweep(now, ttl);
    let counter = this.counters.get(key);
    if (!counter) {
      counter = { windowStart: now, current: 0, previous: 0, blockedUntil: 0 };
      this.counters.set(key, counter);
    }
    const elapsedWindows = Math.floor((now - counter.windowStart) / ttl);
    if (elapsedWindows >= 1) {
      counter.previous = elapsedWindows === 1 ? counter.current : 0;
      counter.current = 0;
      counter.windowStart += elapsedWindows * ttl;
    }
    const timeToExpire = seconds(counter.windowStart + ttl - now);
    if (counter.blockedUntil > now) {
      return { totalHits: this.estimate(counter, now, ttl), timeToExpire, isBlocked: true, timeToBlockExpire: seconds(counter.blockedUntil - now) };
    }
    counter.current++;
    const totalHits = this.estimate(counter, now, ttl);
    if (totalHits > limit) {
      // The refused hit does not count; the caller waits out the block (or the window).
      counter.current--;
      counter.blockedUntil = now + (blockDuration > 0 ? blockDuration : ttl);
      return { totalHits, timeToExpire, isBlocked: true, timeToBlockExpire: seconds(counter.blockedUntil - now) };
    }
    return { totalHits, timeToExpire, isBlocked: false, timeToBlockExpire: 0 };
  }

  /** Callers tracked now (for tests and health figures). */
  get size(): number {
    return this.counters.size;
  }

  private estimate(counter: Counter, now: number, ttl: number): number {
    const weight = 1 - (now - counter.windowStart) / ttl;
    return Math.floor(counter.previous * weight) + counter.current;
  }

  /** Forgets callers idle for two windows, at most once a window. */
  private sweep(now: number, ttl: number): void {
    if (now - this.lastSweep < ttl) return;
    this.lastSweep = now;
    for (const [key, counter] of this.counters) {
      if (counter.windowStart + 2 * ttl <= now && counter.blockedUntil <= now) this.counters.delete(key);
    }
  }
}
