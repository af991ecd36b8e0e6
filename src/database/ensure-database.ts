import { createConnection } from 'mysql2/promise';
import { parseDatabaseUrl } from './database-url';

export class DatabaseUnreachableError extends Error {}

/**
 * Creates the database named in the URL if it does not exist. A server that cannot be reached
 * becomes one error whose message says what to install or start.
 */
export async function ensureDatabase(url: string): Promise<void> {
  const { host, port, user, password, database } = parseDatabaseUrl(url);
  let connection;
  try {
    connection = await createConnection({ host, port, user, password, connectTimeout: 5000 });
  } catch (error) {
    const reason = (error as { code?: string }).code ?? (error as Error).message;
    throw new DatabaseUnreachableError(
      `Cannot reach MariaDB at ${host}:${port} as ${user} (${reason}). ` +
        'Install and start it (Debian: apt-get install -y mariadb-server && ' +
        'start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd), or set DATABASE_URL.',
    );
  }
  try {
    await connection.query(
      `CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await connection.end();
  }
}

export async function dropDatabase(url: string): Promise<void> {
  const { host, port, user, password, database } = parseDatabaseUrl(url);
  const connection = await createConnection({ host, port, user, password });
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
  } finally {
    await connection.end();
  }
}
