import { createConnection } from 'mysql2/promise';
import { parseDatabaseUrl } from './database-url';

const WAIT_SECONDS = 300;

/**
 * Runs `work` while holding a named lock on the database server (GET_LOCK), so that of several
 * processes starting together on one database, one at a time migrates and runs the start-up
 * tasks, and the others find the work done. The lock lives on its own connection and ends with
 * it, so a process killed while holding it never blocks the next start.
 */
export async function withStartLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  const { host, port, user, password, database } = parseDatabaseUrl(url);
  const connection = await createConnection({ host, port, user, password, connectTimeout: 5000 });
  try {
    const name = `kcfund:start:${database}`.slice(0, 64);
    const [rows] = await connection.query('SELECT GET_LOCK(?, ?) AS got', [name, WAIT_SECONDS]);
    if ((rows as { got: number | null }[])[0]?.got !== 1) {
      throw new Error(`another process has held the start-up lock of database ${database} for ${WAIT_SECONDS} s`);
    }
    try {
      return await work();
    } finally {
      await connection.query('SELECT RELEASE_LOCK(?)', [name]).catch(() => undefined);
    }
  } finally {
    await connection.end().catch(() => undefined);
  }
}
