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
