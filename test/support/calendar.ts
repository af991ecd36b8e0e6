import type { FixedClock } from '../../src/common/clock';

/**
 * Moves the test's clock to 09:00 in Hà Nội on `date` (YYYY-MM-DD) unless it is already past that
 * day: a step that records something as happened on `date` (a contract signed, an acceptance
 * held, money paid) is taken on that day or later, never before it.
 */
export function onDay(clock: FixedClock, date: string): false {
  const nine = new Date(`${date}T02:00:00Z`);
  if (clock.now() < nine) clock.set(nine);
  // False, so that a one-line step reads `onDay(clock, date) || request(...)`.
  return false;
}
