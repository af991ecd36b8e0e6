import 'reflect-metadata';
import { tmpdir } from 'node:os';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { createApp, migrateDatabase } from '../../src/bootstrap';
import { ensureDatabase } from '../../src/database/ensure-database';
import { FixedClock } from '../../src/common/clock';

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<typeof request>;
  clock: FixedClock;
  config: AppConfig;
  close(): Promise<void>;
}

/** The configuration every test starts with: the run's database, quiet logs, no demo; `env` overrides. */
export function testConfig(env: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    DATABASE_URL: process.env.DATABASE_URL,
    DATABASE_POOL_SIZE: '30',
    RATE_LIMIT_AUTH_PER_MINUTE: '1000',
    RATE_LIMIT_AUTH_PER_ADDRESS_PER_MINUTE: '1000',
    DATA_DIR: `${tmpdir()}/kcfund-test-data`,
    // The test runs share DATA_DIR but not their databases: a sweep would take another run's files for orphans.
    HOUSEKEEPING_INTERVAL_MINUTES: '0',
    NOTIFICATIONS_INTERVAL_SECONDS: '0',
    REMINDERS_INTERVAL_MINUTES: '0',
    ...env,
  });
}

/**
 * The real application on the run's database, with a clock the test controls (it starts at the
 * real time). `env` overrides configuration.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const config = testConfig(env);
  const clock = new FixedClock(new Date());
  const app = await createApp(config, { clock });
  await app.init();
  const server = app.getHttpServer();
  return {
    app,
    http: request(server),
    clock,
    config,
    close: () => app.close(),
  };
}

/**
 * The application on a database of its own at `url` (created and migrated first, as a start does),
 * for tests that need an empty province rather than the run's shared database.
 */
export async function startTestAppOnFreshDatabase(url: string, env: Record<string, string> = {}): Promise<TestApp> {
  await ensureDatabase(url);
  await migrateDatabase(loadConfig({ DATABASE_URL: url }));
  return startTestApp({ DATABASE_URL: url, DATABASE_POOL_SIZE: '5', ...env });
}
