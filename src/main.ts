import 'reflect-metadata';
import cluster from 'node:cluster';
import type { AddressInfo } from 'node:net';
import { AppConfig, ConfigError, loadConfig } from './config/app-config';
import { DatabaseUnreachableError, ensureDatabase } from './database/ensure-database';
import { withStartLock } from './database/start-lock';
import { createApp, migrateDatabase } from './bootstrap';
import { runStartupTasks } from './startup';
import type { DemoLogin } from './demo/demo-seed';
import { demoLoginLines, writeDemoLoginsFile } from './demo/demo-logins';

/**
 * Creates and migrates the database and runs the start-up tasks, under the database's start-up
 * lock so that processes starting together take turns; returns the lines to print.
 */
async function prepare(config: AppConfig): Promise<string[]> {
  await ensureDatabase(config.migrationUrl);
  return withStartLock(config.migrationUrl, async () => {
    const applied = await migrateDatabase(config);
    const app = await createApp(config, { bufferLogs: true });
    try {
      const startup = await runStartupTasks(app);
      return [
        applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date.',
        ...startup.lines,
        ...demoLoginNotice(config, startup.demoLogins),
      ];
    } finally {
      await app.close();
    }
  });
}

/**
 * The demo's one-time passwords are printed only to a developer at a terminal; anywhere else
 * standard output is a log, so they go to a file only the service's user can read.
 */
function demoLoginNotice(config: AppConfig, logins: DemoLogin[]): string[] {
  if (logins.length === 0) return [];
  if (config.NODE_ENV === 'development' && process.stdout.isTTY) {
    return ['Tài khoản mẫu (mật khẩu chỉ in một lần này):', ...demoLoginLines(logins)];
  }
  const path = writeDemoLoginsFile(config.DATA_DIR, logins);
  return [`Tài khoản mẫu: ${logins.map((l) => l.email).join(', ')}; mật khẩu không ghi vào nhật ký, xem tệp ${path} (chỉ người chạy dịch vụ đọc được).`];
}

/** Serves HTTP; returns the port actually bound (PORT=0 asks the system for a free one). */
async function serve(config: AppConfig): Promise<number> {
  const app = await createApp(config, { bufferLogs: true });
  await app.listen(config.PORT);
  return (app.getHttpServer().address() as AddressInfo).port;
}

async function main(): Promise<void> {
  const config = loadConfig();
  if (cluster.isWorker) {
    await serve(config);
    return;
  }
  const lines = await prepare(config);
  if (config.WEB_CONCURRENCY > 1) {
    // Workers share the port; the primary only restarts a worker that dies.
    let listening = 0;
    cluster.on('listening', (_worker, address) => {
      if (++listening === config.WEB_CONCURRENCY) announce(config, address.port, lines);
    });
    cluster.on('exit', (_worker, code) => {
      if (code !== 0) cluster.fork();
    });
    for (let i = 0; i < config.WEB_CONCURRENCY; i++) cluster.fork();
    return;
  }
  announce(config, await serve(config), lines);
}

function announce(config: AppConfig, port: number, lines: string[]): void {
  const workers = config.WEB_CONCURRENCY > 1 ? ` with ${config.WEB_CONCURRENCY} worker processes` : '';
  process.stdout.write(
    [`KCFund is listening on http://localhost:${port}${workers} (API /api/v1, docs /api/docs, health /health)`, ...lines].join('\n') + '\n',
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
