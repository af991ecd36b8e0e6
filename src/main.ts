import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app-config';
import { DatabaseUnreachableError, ensureDatabase } from './database/ensure-database';
import { createApp, migrate } from './bootstrap';
import { runStartupTasks } from './startup';

async function main(): Promise<void> {
  const config = loadConfig();
  await ensureDatabase(config.DATABASE_URL);
  const app = await createApp(config, { bufferLogs: true });
  const applied = await migrate(app);
  const startup = await runStartupTasks(app);
  await app.listen(config.PORT);
  const lines = [
    `KCFund is listening on http://localhost:${config.PORT} (API /api/v1, docs /api/docs, health /health)`,
    applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date.',
    ...startup,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseUnreachableError) {
    process.stderr.write(`KCFund cannot start: ${error.message}\n`);
  } else {
    process.stderr.write(`KCFund cannot start: ${(error as Error)?.stack ?? String(error)}\n`);
  }
  process.exit(1);
});
