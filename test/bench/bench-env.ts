import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { createPool, Pool } from 'mysql2/promise';
import { newId } from '../../src/common/ids';
import { parseDatabaseUrl, withDatabase } from '../../src/database/database-url';
import { dropDatabase, ensureDatabase } from '../../src/database/ensure-database';

export const BENCH_SECRET = 'bench-secret-0123456789-0123456789-0123456789';

export interface BenchEnv {
  url: string;
  base: string;
  pool: Pool;
  service: ChildProcess;
  token(roles: string[]): Promise<{ id: string; token: string }>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A fresh database and the real service in its own process (as `npm start` runs it), so the
 * load generator here does not share the service's event loop.
 */
export async function startBenchEnv(extraEnv: Record<string, string> = {}): Promise<BenchEnv> {
  const root = process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/kcfund';
  const url = withDatabase(root, `kcfund_bench_${Date.now().toString(36)}`);
  await ensureDatabase(url);
  const port = await freePort();
  // BENCH_NODE_ARGS: extra node flags for the service (e.g. --cpu-prof while tuning).
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const service = spawn(process.execPath, [...nodeArgs, join(__dirname, '../../src/main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      JWT_SECRET: BENCH_SECRET,
      NODE_ENV: 'production',
      DATABASE_POOL_SIZE: process.env.BENCH_POOL_SIZE ?? '40',
      WEB_CONCURRENCY: process.env.BENCH_WEB_CONCURRENCY ?? '1',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (i > 300 || service.exitCode !== null) throw new Error('the service did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  const { host, port: dbPort, user, password, database } = parseDatabaseUrl(url);
  const pool = createPool({ host, port: dbPort, user, password, database, connectionLimit: 80, timezone: 'Z' });
  const jwt = new JwtService({ secret: BENCH_SECRET, signOptions: { expiresIn: 3600 } });
  return {
    url,
    base,
    pool,
    service,
    async token(roles) {
      const id = newId();
      await pool.query(
        `INSERT INTO users (id, email, password_hash, full_name, unit_id, roles, active, created_at, updated_at)
         VALUES (?,?,?,?,NULL,?,1,NOW(3),NOW(3))`,
        [id, `${id.toLowerCase()}@bench.kcfund.vn`, 'x', 'Bench', roles.join(',')],
      );
      return { id, token: await jwt.signAsync({ sub: id, typ: 'access' }) };
    },
    async stop() {
      service.kill('SIGTERM');
      await new Promise((r) => service.once('exit', r));
      await pool.end();
      if (!process.env.KEEP_BENCH_DATABASE) await dropDatabase(url);
    },
  };
}

export interface Sample {
  ok: number;
  failed: number;
  seconds: number;
  latencies: number[];
}

/** Runs `worker` from `concurrency` loops for `seconds`; each call returns true when it committed. */
export async function drive(concurrency: number, seconds: number, worker: (loop: number, i: number) => Promise<boolean>): Promise<Sample> {
  const deadline = performance.now() + seconds * 1000;
  const latencies: number[] = [];
  let ok = 0;
  let failed = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, loop) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const t0 = performance.now();
        const committed = await worker(loop, i).catch(() => false);
        latencies.push(performance.now() - t0);
        if (committed) ok++;
        else failed++;
      }
    }),
  );
  return { ok, failed, seconds: (performance.now() - started) / 1000, latencies };
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function table(rows: Array<Record<string, string | number>>): string {
  const headers = Object.keys(rows[0] ?? {});
  const widths = headers.map((h) => Math.max(h.length, ...rows.map((r) => String(r[h]).length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(headers.map((h) => String(r[h]))))].join('\n');
}
