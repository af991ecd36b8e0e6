import type { DataSource } from 'typeorm';

export type ExclusiveRun<T> = { ran: true; value: T } | { ran: false };

/**
 * Runs `work` unless another process (or another call in this one) holds the named lock on the
 * database server (GET_LOCK with no wait): of several instances on one database, one runs a
 * scheduled job and the others skip it. The lock lives on one pooled connection held for the
 * work and ends with it, so a process killed while holding it never blocks the next run. The
 * name is the server's, shared by its databases: callers put the database's name in it.
 */
export async function runExclusively<T>(dataSource: DataSource, name: string, work: () => Promise<T>): Promise<ExclusiveRun<T>> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const rows: Array<{ got: number | string | null }> = await runner.query('SELECT GET_LOCK(?, 0) AS got', [name.slice(0, 64)]);
    if (Number(rows[0]?.got) !== 1) return { ran: false };
    try {
      return { ran: true, value: await work() };
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [name.slice(0, 64)]).catch(() => undefined);
    }
  } finally {
    await runner.release();
  }
}

/**
 * Runs `work` at most once per time slot of `everyMs` (slots counted from the epoch) across every
 * instance on the database: under the named lock, the slot `now` falls in is claimed in
 * `scheduled_runs` before the work starts, and an instance that finds the slot already claimed
 * (another instance's timer fired earlier in it) skips. A run that fails keeps its claim; the
 * next slot tries again.
 */
export async function runOncePerSlot<T>(
  dataSource: DataSource,
  name: string,
  everyMs: number,
  now: Date,
  work: () => Promise<T>,
): Promise<ExclusiveRun<T>> {
  if (!(everyMs > 0)) return runExclusively(dataSource, name, work);
  const slot = Math.floor(now.getTime() / everyMs);
  const outcome = await runExclusively(dataSource, name, async (): Promise<ExclusiveRun<T>> => {
    const key = name.slice(0, 64);
    const rows: Array<{ slot: string | number }> = await dataSource.query('SELECT slot FROM scheduled_runs WHERE name = ?', [key]);
    if (rows.length > 0 && Number(rows[0].slot) >= slot) return { ran: false };
    await dataSource.query(
      'INSERT INTO scheduled_runs (name, slot, ran_at) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE slot = VALUES(slot), ran_at = VALUES(ran_at)',
      [key, slot, now],
    );
    return { ran: true, value: await work() };
  });
  return outcome.ran ? outcome.value : outcome;
}
