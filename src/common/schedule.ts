import type { SchedulerRegistry } from '@nestjs/schedule';

/**
 * Runs `work` every `ms` milliseconds (0: never), registered with the scheduler under `name` so
 * the application's shutdown clears it, and without keeping the process alive by itself. The
 * work catches its own errors: the next run tries again.
 */
export function scheduleEvery(scheduler: SchedulerRegistry, name: string, ms: number, work: () => Promise<void>): void {
  if (ms <= 0) return;
  const timer = setInterval(() => void work(), ms);
  timer.unref();
  scheduler.addInterval(name, timer);
}
