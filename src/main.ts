import 'reflect-metadata';
import cluster from 'node:cluster';
import { AppConfig, ConfigError, loadConfig } from './config/app-config';
import { DatabaseUnreachableError, ensureDatabase } from './database/ensure-database';
import { createApp, migrate } from './bootstrap';
import { runStartupTasks } from './startup';

/** Creates and migrates the database and runs the start-up tasks; returns the lines to print. */
async function prepare(config: AppConfig): Promise<string[]> {
  await ensureDatabase(config.DATABASE_URL);
  const app = await createApp(config, { bufferLogs: true });
  try {
    const applied = await migrate(app);
    const startup = await runStartupTasks(app);
    return [applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date.', ...startup];
  } finally {
    await app.close();
  }
}

async function serve(config: AppConfig): Promise<void> {
  const app = await createApp(config, { bufferLogs: true });
  await app.listen(config.PORT);
}

async function main(): Promise<void> {
  const config = loadConfig();
  if (cluster.isWorker) return serve(config);
  const lines = await prepare(config);
  if (config.WEB_CONCURRENCY > 1) {
    // Workers share the port; the primary only restarts a worker that dies.
    let listening = 0;
    cluster.on('listening', () => {
      if (++listening === config.WEB_CONCURRENCY) announce(config, lines);
    });
    cluster.on('exit', (worker, code) => {
      if (code !== 0) cluster.fork();
    });
    for (let i = 0; i < config.WEB_CONCURRENCY; i++) cluster.fork();
    return;
  }
  await serve(config);
  announce(config, lines);
}

function announce(config: AppConfig, lines: string[]): void {
  const workers = config.WEB_CONCURRENCY > 1 ? ` with ${config.WEB_CONCURRENCY} worker processes` : '';
  process.stdout.write(
    [`KCFund is listening on http://localhost:${config.PORT}${workers} (API /api/v1, docs /api/docs, health /health)`, ...lines].join('\n') + '\n',
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseUnreachableError) {
    process.stderr.write(`KCFund cannot start: ${error.message}\n`);
  } else {
    process.stderr.write(`KCFund cannot start: ${(error as Error)?.stack ?? String(error)}\n`);
  }
  process.exit(1);
});
