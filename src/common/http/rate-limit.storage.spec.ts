import { SlidingWindowStorage } from './rate-limit.storage';

const MINUTE = 60_000;

describe('SlidingWindowStorage', () => {
  let now: number;
  let storage: SlidingWindowStorage;
  beforeEach(() => {
    now = 1_000_000;
    storage = new SlidingWindowStorage(() => now);
  });
  const hit = (key = 'k', limit = 3) => storage.increment(key, MINUTE, limit, MINUTE);

  it('allows the limit within a window and refuses the next hit with the time to wait', async () => {
    expect((await hit()).totalHits).toBe(1);
    await hit();
    expect(await hit()).toMatchObject({ totalHits: 3, isBlocked: false });
    now += 10_000;
    expect(await hit()).toMatchObject({ isBlocked: true, timeToBlockExpire: 60 });
    now += 30_000;
    expect(await hit()).toMatchObject({ isBlocked: true, timeToBlockExpire: 30 });
  });

  it('keeps callers apart', async () => {
    for (let i = 0; i < 3; i++) await hit('a');
    expect((await hit('a')).isBlocked).toBe(true);
    expect((await hit('b')).isBlocked).toBe(false);
  });

  it('slides: the previous window counts by the part of it still inside the last minute', async () => {
    for (let i = 0; i < 10; i++) await hit('k', 10);
    // Half-way into the next window, half of the previous ten still count.
    now += MINUTE + MINUTE / 2;
    for (let i = 0; i < 5; i++) expect((await hit('k', 10)).isBlocked).toBe(false);
    expect((await hit('k', 10)).isBlocked).toBe(true);
  });

  it('forgets a caller after two idle windows', async () => {
    await hit('old');
    now += 2 * MINUTE;
    await hit('new');
    expect(storage.size).toBe(1);
  });

  it('keeps one counter per caller however many hits it counts', async () => {
    // The library's storage keeps a timestamp per hit and filters them all on every request
    // (150,000 hits under a 200,000 limit took 134 s there, measured once; here a few ms).
    const limit = 200_000;
    for (let i = 0; i < 150_000; i++) await storage.increment('k', MINUTE, limit, MINUTE);
    expect(await storage.increment('k', MINUTE, limit, MINUTE)).toMatchObject({ totalHits: 150_001, isBlocked: false });
    expect(storage.size).toBe(1);
  });
});
