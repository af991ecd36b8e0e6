import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/app-config';
import { dataSourceOptions } from '../../src/composition/data-source-options';
import { ensureDatabase } from '../../src/database/ensure-database';
import { parseDatabaseUrl, withDatabase } from '../../src/database/database-url';

/** Creates a fresh database for this run and migrates it; the tests find it in DATABASE_URL. */
export default async function globalSetup(): Promise<void> {
  const base = process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/kcfund';
  const name = `kcfund_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const url = withDatabase(base, name);
  process.env.DATABASE_URL = url;
  process.env.KCFUND_TEST_DATABASE = parseDatabaseUrl(url).database;
  await ensureDatabase(url);
  const dataSource = new DataSource(dataSourceOptions(loadConfig({ DATABASE_URL: url })));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}
