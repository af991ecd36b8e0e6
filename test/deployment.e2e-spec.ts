import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropDatabase, ensureDatabase } from '../src/database/ensure-database';
import { parseDatabaseUrl } from '../src/database/database-url';
import { runOnTerminal, runUntilExit, scratchDatabaseUrl, ServiceProcess, sql, startService } from './support/service-process';

/**
 * A real installation: the built service started as `npm start` starts it, as a child process with
 * real environment variables, on databases of its own (never the run's shared one).
 */

const ADMIN_EMAIL = 'quantri@so-congthuong.test';
const ADMIN_PASSWORD = 'mat-khau-khoi-tao-2026';
const REDIS_URL = 'redis://127.0.0.1:6379';

/** The environment of a production installation on `url`. */
function production(url: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    SEED_DEMO: 'false',
    DATABASE_URL: url,
    DATABASE_POOL_SIZE: '10',
    BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
    LOG_LEVEL: 'warn',
    DATA_DIR: `${require('node:os').tmpdir()}/kcfund-deploy-test`,
    ...extra,
  };
}

interface Session {
  token: string;
  userId: string;
}

async function call(base: string, method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body };
}

async function login(base: string, email: string, password: string, headers: Record<string, string> = {}): Promise<Session> {
  const res = await call(base, 'POST', '/api/v1/auth/login', { body: { email, password }, headers });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  return { token: res.body.accessToken, userId: res.body.user.id };
}

describe('configuration read from the process environment', () => {
  const url = scratchDatabaseUrl('cfg');
  afterAll(() => dropDatabase(url));

  it.each([
    [{ BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL }, 'BOOTSTRAP_ADMIN_PASSWORD: must be set with BOOTSTRAP_ADMIN_EMAIL'],
    [{ BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD }, 'BOOTSTRAP_ADMIN_EMAIL: must be set with BOOTSTRAP_ADMIN_PASSWORD'],
    [{ PORT: 'tám-nghìn' }, 'PORT:'],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO:'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL: must look like redis://host:6379'],
    [{ DATABASE_MIGRATION_URL: 'mysql://root@127.0.0.1:3306/another_db' }, 'DATABASE_MIGRATION_URL: must name the same database as DATABASE_URL'],
  ])('a wrong or half-given variable stops the start with one line naming it: %j', async (env, message) => {
    const result = await runUntilExit({ NODE_ENV: 'production', DATABASE_URL: url, ...env });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^KCFund cannot start: invalid configuration: /);
    expect(lines[0]).toContain(message);
    expect(result.stdout).toBe('');
  });

  it('never echoes a secret it refuses', async () => {
    const result = await runUntilExit({ DATABASE_URL: url, JWT_SECRET: 'ngan-qua-bi-mat', BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL, BOOTSTRAP_ADMIN_PASSWORD: 'ngắn' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('JWT_SECRET: must be at least 32 characters (hidden)');
    expect(result.stderr).toContain('BOOTSTRAP_ADMIN_PASSWORD:');
    expect(result.stderr).not.toContain('ngan-qua-bi-mat');
    expect(result.stderr).not.toContain('ngắn');
  });
});

describe('a production installation: first start, a generated secret, no demo', () => {
  const url = scratchDatabaseUrl('prod');
  let first: ServiceProcess | undefined;
  let second: ServiceProcess | undefined;

  afterAll(async () => {
    await first?.stop();
    await second?.stop();
    await dropDatabase(url);
  });

  it('creates the bootstrap admin from the environment, seeds nothing and prints no password', async () => {
    first = await startService(production(url));
    const admin = await login(first.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    const me = await call(first.url, 'GET', '/api/v1/me', { token: admin.token });
    expect(me.body).toMatchObject({ email: ADMIN_EMAIL, roles: ['admin'] });

    // Nothing but the admin: no demo units, users or money in a production database.
    expect(await sql(url, 'SELECT email FROM users')).toEqual([{ email: ADMIN_EMAIL }]);
    expect(await sql(url, 'SELECT COUNT(*) AS n FROM units')).toEqual([{ n: 0 }]);
    expect(await sql(url, 'SELECT COUNT(*) AS n FROM funds')).toEqual([{ n: 0 }]);
    const output = first.stdout() + first.stderr();
    expect(output).toContain(`Đã tạo tài khoản quản trị ban đầu: ${ADMIN_EMAIL}`);
    expect(output).not.toContain(ADMIN_PASSWORD);
    expect(output).not.toMatch(/Kc-[\w-]{6,}/);
  });

  it('generates the signing secret once, keeps it in the database and shares it with a second instance', async () => {
    const rows = await sql<{ value: string }>(url, "SELECT value FROM settings WHERE name = 'jwt_secret'");
    expect(rows).toHaveLength(1);
    expect(rows[0].value.length).toBeGreaterThanOrEqual(43);

    second = await startService(production(url));
    const admin = await login(first!.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    // A token signed by one instance is good at the other.
    expect((await call(second.url, 'GET', '/api/v1/me', { token: admin.token })).status).toBe(200);
    expect(await sql(url, "SELECT COUNT(*) AS n FROM settings WHERE name = 'jwt_secret'")).toEqual([{ n: 1 }]);
    // The second start made no second admin.
    expect(await sql(url, 'SELECT COUNT(*) AS n FROM users')).toEqual([{ n: 1 }]);
  });
});

describe('a development start on an empty database: the demo province', () => {
  const url = scratchDatabaseUrl('dev');
  const dataDir = mkdtempSync(join(tmpdir(), 'kcfund-dev-'));
  let service: ServiceProcess | undefined;

  afterAll(async () => {
    await service?.stop();
    await dropDatabase(url);
  });

  it('seeds the demo without being asked, keeps its passwords out of the log and hands them over in a private file', async () => {
    // NODE_ENV and SEED_DEMO unset: development is the default, and development seeds the demo.
    service = await startService({ DATABASE_URL: url, DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    const output = service.stdout() + service.stderr();
    const file = join(dataDir, 'demo-logins.txt');
    expect(output).toContain(`xem tệp ${file}`);
    expect(output).toContain('coso@demo.kcfund.vn');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const logins = readFileSync(file, 'utf8');
    const passwords = [...logins.matchAll(/\s(\S+@demo\.kcfund\.vn)\s+(\S+)\s/g)].map((m) => ({ email: m[1], password: m[2] }));
    expect(passwords.length).toBeGreaterThanOrEqual(7);
    for (const p of passwords) expect(output).not.toContain(p.password);

    // The producer logs in with the password from the file and finds files and a fund to apply to.
    const producer = passwords.find((p) => p.email === 'coso@demo.kcfund.vn')!;
    const session = await login(service.url, producer.email, producer.password);
    const files = await call(service.url, 'GET', '/api/v1/applications', { token: session.token });
    expect(files.body.total).toBeGreaterThanOrEqual(4);
  });
});

describe('a developer at a terminal', () => {
  const url = scratchDatabaseUrl('tty');
  afterAll(() => dropDatabase(url));

  it('sees the demo logins with their passwords once, and readable log lines rather than JSON', async () => {
    const login = /applicant\s+coso@demo\.kcfund\.vn\s+\S{8,}\s+\(Nguyễn Văn An\)/;
    // pino-pretty: "[hh:mm:ss.mmm] INFO (pid): …" rather than a JSON line.
    const pretty = /\[\d{2}:\d{2}:\d{2}\.\d{3}\] .*INFO.* \(\d+\): .*Nest application successfully started/;
    const screen = await runOnTerminal({ DATABASE_URL: url, DATA_DIR: mkdtempSync(join(tmpdir(), 'kcfund-tty-')), LOG_LEVEL: 'info' }, [/KCFund is listening on /, login, pretty]);
    expect(screen).toContain('Tài khoản mẫu (mật khẩu chỉ in một lần này):');
    expect(screen).not.toContain('demo-logins.txt');
    expect(screen).not.toMatch(/^\{"level":/m);
  });

  it('gets JSON log lines when the output is not a terminal', async () => {
    // Nest's start-up lines are logged while the service prepares, before it listens; all is read after it exits.
    const service = await startService({ NODE_ENV: 'production', DATABASE_URL: url, LOG_LEVEL: 'info' });
    await service.stop();
    expect(service.stdout()).toMatch(/^\{"level":30,.*"msg":"Starting Nest application..."/m);
  });
});

describe('two instances starting together on an empty database', () => {
  const url = scratchDatabaseUrl('twin');
  let a: ServiceProcess | undefined;
  let b: ServiceProcess | undefined;

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await dropDatabase(url);
  });

  it('both come up with one schema, one admin and one secret', async () => {
    [a, b] = await Promise.all([startService(production(url)), startService(production(url))]);
    const migrations = await sql<{ name: string; n: number }>(url, 'SELECT name, COUNT(*) AS n FROM migrations GROUP BY name');
    expect(migrations.length).toBeGreaterThanOrEqual(15);
    expect(migrations.every((m) => Number(m.n) === 1)).toBe(true);
    expect(await sql(url, 'SELECT COUNT(*) AS n FROM users')).toEqual([{ n: 1 }]);
    expect(await sql(url, 'SELECT COUNT(*) AS n FROM settings')).toEqual([{ n: 1 }]);
    // One migrated the schema; the other found it up to date.
    const outputs = [a.stdout(), b.stdout()];
    expect(outputs.filter((o) => o.includes('Applied migrations:'))).toHaveLength(1);
    expect(outputs.filter((o) => o.includes('Database schema is up to date.'))).toHaveLength(1);
  });

  it("runs the ledger's 64-way overspend check split across the two instances, and the books hold", async () => {
    const admin = await login(a!.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    const units: string[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await call(a!.url, 'POST', '/api/v1/units', { token: admin.token, body: { code: `DV-${i}`, name: `Đơn vị ${i + 1}`, kind: 'centre' } });
      expect(res.status).toBe(201);
      units.push(res.body.id as string);
    }
    const financePassword = 'tai-chinh-2026-mat-khau';
    const created = await call(a!.url, 'POST', '/api/v1/users', {
      token: admin.token,
      body: { email: 'taichinh@so-congthuong.test', password: financePassword, fullName: 'Hoàng Thị Thu Hà', unitId: units[0], roles: ['finance'] },
    });
    expect(created.status).toBe(201);
    const finance = await login(b!.url, 'taichinh@so-congthuong.test', financePassword);
    const money = (base: string, path: string, body: object) =>
      call(base, 'POST', `/api/v1${path}`, { token: finance.token, body, headers: { 'Idempotency-Key': randomUUID() } });

    expect((await call(a!.url, 'POST', '/api/v1/funds', { token: finance.token, body: { code: 'KCDP', name: 'Khuyến công địa phương', source: 'local', currency: 'VND' } })).status).toBe(201);
    expect((await call(b!.url, 'POST', '/api/v1/fiscal-years', { token: finance.token, body: { year: 2030 } })).status).toBe(201);
    expect((await money(a!.url, '/appropriations', { fundCode: 'KCDP', fiscalYear: 2030, amount: '1000', decisionNo: '1/QĐ-UBND', decisionDate: '2030-01-10' })).status).toBe(201);

    const responses = await Promise.all(
      Array.from({ length: 64 }, (_, i) =>
        money(i % 2 === 0 ? a!.url : b!.url, '/allocations', { fundCode: 'KCDP', fiscalYear: 2030, unitId: units[i % 8], amount: '50', decisionNo: `c${i}` }),
      ),
    );
    expect(responses.filter((r) => r.status !== 201 && r.status !== 409).map((r) => r.body)).toEqual([]);
    expect(responses.filter((r) => r.status === 201)).toHaveLength(20);
    expect(responses.filter((r) => r.status === 409 && r.body.code === 'INSUFFICIENT_FUNDS')).toHaveLength(44);

    const summary = await call(b!.url, 'GET', '/api/v1/budget/summary?fiscalYear=2030&fundCode=KCDP', { token: finance.token });
    expect(summary.body.funds[0].unallocated).toBe('0');
    expect(summary.body.funds[0].units.reduce((s: bigint, u: { allocated: string }) => s + BigInt(u.allocated), 0n)).toBe(1000n);
    const trial = await call(a!.url, 'GET', '/api/v1/ledger/trial-balance?fiscalYear=2030&fundCode=KCDP', { token: finance.token });
    expect(trial.body.balanced).toBe(true);
    expect((await sql(url, 'SELECT COUNT(*) AS n FROM ledger_accounts WHERE balance < 0 AND kind NOT IN (?)', [['source', 'recovery', 'carry_in']]))[0].n).toBe(0);
  });
});

describe('login limits shared through Redis', () => {
  const url = scratchDatabaseUrl('redis');
  let cluster: ServiceProcess | undefined;
  let other: ServiceProcess | undefined;

  afterAll(async () => {
    await Promise.all([cluster?.stop(), other?.stop()]);
    await dropDatabase(url);
  });

  beforeAll(async () => {
    cluster = await startService(production(url, { REDIS_URL, WEB_CONCURRENCY: '2' }));
    other = await startService(production(url, { REDIS_URL }));
  });

  const attempt = (base: string, email: string, ip: string) =>
    call(base, 'POST', '/api/v1/auth/login', { body: { email, password: 'doan-sai-mat-khau' }, headers: { 'X-Forwarded-For': ip } });

  it('10 attempts a minute per account hold across two workers and a second instance', async () => {
    const email = `khach-${randomUUID()}@so-congthuong.test`;
    const statuses: number[] = [];
    // Sequential, alternating between the cluster (whose two workers take turns) and the other
    // instance, from a different address each time: only the shared per-account count can stop it.
    for (let i = 0; i < 15; i++) statuses.push((await attempt(i % 3 === 2 ? other!.url : cluster!.url, email, `198.51.100.${i + 1}`)).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(5).fill(429));
  });

  it('an office behind one address signs in 40 people at 8 a.m. without a 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await attempt(i % 2 ? other!.url : cluster!.url, `nhanvien-${i}-${randomUUID()}@so-congthuong.test`, '203.0.113.80')).status);
    expect(statuses).toEqual(Array(40).fill(401));
  });

  it('reports Redis in the health check', async () => {
    expect((await call(cluster!.url, 'GET', '/health')).body).toEqual({ status: 'ok', db: 'up', redis: 'up' });
  });
});

describe('least privilege: the service runs as a user that cannot change the schema', () => {
  const url = scratchDatabaseUrl('lp');
  const database = parseDatabaseUrl(url).database;
  const appUser = `kc_app_${Date.now().toString(36)}`.slice(0, 32);
  const appPassword = `p-${randomUUID()}`;
  const appUrl = (() => {
    const u = new URL(url);
    u.username = appUser;
    u.password = appPassword;
    return u.toString();
  })();
  let service: ServiceProcess | undefined;

  beforeAll(async () => {
    // What README tells an operator to run: the database and a user with data rights only.
    await ensureDatabase(url);
    await sql(url, `CREATE USER '${appUser}'@'%' IDENTIFIED BY '${appPassword}'`);
    await sql(url, `GRANT SELECT, INSERT, UPDATE, DELETE, EXECUTE ON \`${database}\`.* TO '${appUser}'@'%'`);
  });

  afterAll(async () => {
    await service?.stop();
    await sql(url, `DROP USER IF EXISTS '${appUser}'@'%'`).catch(() => undefined);
    await dropDatabase(url);
  });

  it('migrates as the schema owner, serves as the data user, and moves money', async () => {
    service = await startService(production(url, { DATABASE_URL: appUrl, DATABASE_MIGRATION_URL: url }));
    expect(service.stdout()).toContain('Applied migrations:');
    const admin = await login(service.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    const unit = await call(service.url, 'POST', '/api/v1/units', { token: admin.token, body: { code: 'TTKC', name: 'Trung tâm Khuyến công', kind: 'centre' } });
    await call(service.url, 'POST', '/api/v1/users', {
      token: admin.token,
      body: { email: 'tc@so-congthuong.test', password: 'tai-chinh-mat-khau-1', fullName: 'Hoàng Thị Thu Hà', unitId: unit.body.id, roles: ['finance'] },
    });
    const finance = await login(service.url, 'tc@so-congthuong.test', 'tai-chinh-mat-khau-1');
    expect((await call(service.url, 'POST', '/api/v1/funds', { token: finance.token, body: { code: 'KCDP', name: 'Quỹ', source: 'local', currency: 'VND' } })).status).toBe(201);
    expect((await call(service.url, 'POST', '/api/v1/fiscal-years', { token: finance.token, body: { year: 2031 } })).status).toBe(201);
    const money = (path: string, body: object) => call(service!.url, 'POST', `/api/v1${path}`, { token: finance.token, body, headers: { 'Idempotency-Key': randomUUID() } });
    expect((await money('/appropriations', { fundCode: 'KCDP', fiscalYear: 2031, amount: '900000000', decisionNo: '1/QĐ', decisionDate: '2031-01-05' })).status).toBe(201);
    expect((await money('/allocations', { fundCode: 'KCDP', fiscalYear: 2031, unitId: unit.body.id, amount: '400000000', decisionNo: '2/QĐ' })).status).toBe(201);
    const trial = await call(service.url, 'GET', '/api/v1/ledger/trial-balance?fiscalYear=2031', { token: finance.token });
    expect(trial.body.balanced).toBe(true);
    // The verification tries the audit triggers (it cannot read information_schema.TRIGGERS as this user).
    await call(service.url, 'POST', '/api/v1/users', {
      token: admin.token,
      body: { email: 'kt@so-congthuong.test', password: 'kiem-toan-mat-khau-1', fullName: 'Lê Văn Kiểm', unitId: unit.body.id, roles: ['auditor'] },
    });
    const auditor = await login(service.url, 'kt@so-congthuong.test', 'kiem-toan-mat-khau-1');
    expect((await call(service.url, 'GET', '/api/v1/audit/verify', { token: auditor.token })).body).toMatchObject({ ok: true });
  });

  it('cannot alter the audit log, drop its triggers or rewrite its rows', async () => {
    const attempts = [
      'ALTER TABLE audit_log ADD COLUMN x INT',
      'DROP TRIGGER audit_log_no_update',
      'DROP TRIGGER audit_log_no_delete',
      'DROP TABLE audit_log',
      'TRUNCATE TABLE audit_log',
      "UPDATE audit_log SET action = 'forged'",
      'DELETE FROM audit_log',
      'DROP TRIGGER ledger_transfers_no_update',
      'UPDATE ledger_transfers SET amount = amount + 1',
    ];
    for (const statement of attempts) {
      await expect(sql(appUrl, statement)).rejects.toThrow(/denied|refuse|not allowed|append-only|immutable|cannot|SIGNAL|45000/i);
    }
    const [{ n }] = await sql<{ n: number }>(url, 'SELECT COUNT(*) AS n FROM audit_log');
    expect(Number(n)).toBeGreaterThan(0);
    const triggers = await sql<{ name: string }>(url, 'SELECT TRIGGER_NAME AS name FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?', [database]);
    expect(triggers.map((t) => t.name)).toEqual(expect.arrayContaining(['audit_log_no_update', 'audit_log_no_delete', 'ledger_transfers_no_update']));
  });
});
