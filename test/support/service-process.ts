import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { parseDatabaseUrl, withDatabase } from '../../src/database/database-url';

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'dist', 'src', 'main.js');

/** A database URL on the run's server naming a database of its own (not yet created). */
export function scratchDatabaseUrl(suffix: string): string {
  const base = process.env.DATABASE_URL!;
  return withDatabase(base, `${parseDatabaseUrl(base).database}_${suffix}`.slice(0, 64));
}

/** One statement on the database of `url`, on a connection of its own (a service's database seen from outside it). */
export async function sql<T = any>(url: string, query: string, params: unknown[] = []): Promise<T[]> {
  const { host, port, user, password, database } = parseDatabaseUrl(url);
  const connection = await createConnection({ host, port, user, password, database });
  try {
    const [rows] = await connection.query(query, params);
    return rows as T[];
  } finally {
    await connection.end();
  }
}

/** A TCP port free on loopback right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface ServiceProcess {
  child: ChildProcess;
  port: number;
  /** `http://127.0.0.1:<port>` */
  url: string;
  stdout(): string;
  stderr(): string;
  /** Sends SIGTERM and waits for the process (and its workers) to end. */
  stop(): Promise<void>;
}

export interface Exited {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The built service (`node dist/src/main.js`, as `npm start` runs it) as a child process with
 * exactly the environment given (plus PATH and HOME), the way an operator starts it. Resolves
 * once it prints that it is listening; rejects with its output if it exits first.
 */
export async function startService(env: Record<string, string>, timeoutMs = 60_000): Promise<ServiceProcess> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const exited = new Promise<Exited>((resolve) => child.once('exit', (code) => resolve({ code, stdout: out, stderr: err })));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`service did not start within ${timeoutMs} ms\nstdout:\n${out}\nstderr:\n${err}`));
    }, timeoutMs);
    const onData = () => {
      if (/KCFund is listening on /.test(out)) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    void exited.then((e) => {
      clearTimeout(timer);
      reject(new Error(`service exited with ${e.code} before listening\nstdout:\n${e.stdout}\nstderr:\n${e.stderr}`));
    });
  });
  return {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    stdout: () => out,
    stderr: () => err,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/**
 * The built service started on a terminal, as a developer runs `npm start` by hand: `script`
 * (util-linux) gives it a pseudo-terminal. Resolves with what the terminal showed once every
 * pattern of `until` has appeared on it (rejects with the screen if one has not within the time),
 * then stops it.
 */
export async function runOnTerminal(env: Record<string, string>, until: RegExp[], timeoutMs = 60_000): Promise<string> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const child = spawn('script', ['-qfec', `${JSON.stringify(process.execPath)} ${JSON.stringify(MAIN)}`, '/dev/null'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TERM: 'xterm', PORT: String(port), ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        clearInterval(poll);
        reject(new Error(`the terminal did not show ${until.filter((p) => !p.test(out)).join(', ')} within ${timeoutMs} ms\n${out}`));
      }, timeoutMs);
      const poll = setInterval(() => {
        if (!until.every((p) => p.test(out))) return;
        clearInterval(poll);
        clearTimeout(timer);
        resolve();
      }, 100);
      child.once('exit', (code) => {
        clearInterval(poll);
        clearTimeout(timer);
        reject(new Error(`service exited with ${code} on a terminal\n${out}`));
      });
    });
  } finally {
    stop();
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(undefined)));
  }
  return out;
}

/** Runs the service expecting it to refuse to start; resolves with its exit code and output. */
export async function runUntilExit(env: Record<string, string>, timeoutMs = 30_000): Promise<Exited> {
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  return { code, stdout: out, stderr: err };
}
