import { tmpdir } from 'node:os';
import { JwtService } from '@nestjs/jwt';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap';
import { Clock } from '../../src/common/clock';
import { newId } from '../../src/common/ids';
import { loadConfig } from '../../src/config/app-config';
import { ApplicationStore } from '../../src/modules/applications/application-store';
import { RemindersService } from '../../src/modules/deadlines/reminders.service';
import { NotificationWorker } from '../../src/modules/notifications/notification-worker.service';
import { BENCH_SECRET, BenchEnv, percentile, table } from './bench-env';
import { peakRssMb, resetPeakRss, rssMb } from './bench-proc';
import { insertBatches, insertFiles, SeedFile, seedUnits, seedUsers } from './bench-seed';

const FILES = Number(process.env.BENCH_REMINDER_FILES ?? 10_000);
const UNITS = 50;
const PRODUCERS = 1000;
const STEPS = Number(process.env.BENCH_STEPS ?? 300);
const WARM_UP_STEPS = 20;
/** Steps sent to the in-process copy of the service whose database round trips are counted. */
const COUNTED_STEPS = 40;

/** The service's environment for this suite: its own schedules off, so the runs timed here have the outbox to themselves. */
export const NOTIFICATIONS_BENCH_ENV = { NOTIFICATIONS_INTERVAL_SECONDS: '0', REMINDERS_INTERVAL_MINUTES: '0' };

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

const count = async (env: BenchEnv, sql: string): Promise<number> => Number(((await env.pool.query(sql)) as unknown as [[{ n: number }]])[0][0].n);

/** One command sent by a pooled connection: one round trip to MariaDB. */
interface Trip {
  sql: string;
  ms: number;
  inNotices: boolean;
}

/**
 * Counts round trips at the driver, as test/transaction.e2e-spec.ts does: every command a pooled
 * connection sends is one call of its `query` method. Trips made while ApplicationStore works out
 * a step's notices (the wording's own look-ups) are marked. Bench instrumentation only.
 */
async function countTrips(app: NestExpressApplication): Promise<{ trips: Trip[]; stop(): void }> {
  const db = app.get(DataSource);
  const runner = db.createQueryRunner();
  await runner.connect();
  let owner = (runner as unknown as { databaseConnection: object }).databaseConnection;
  while (!Object.prototype.hasOwnProperty.call(owner, 'query')) owner = Object.getPrototypeOf(owner);
  await runner.release();
  const driver = owner as { query: (...args: unknown[]) => unknown };
  const store = ApplicationStore.prototype as unknown as { recordNotices: (...args: unknown[]) => Promise<void> };
  const query = driver.query;
  const recordNotices = store.recordNotices;
  const trips: Trip[] = [];
  let inNotices = 0;
  driver.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { sql: string };
    const trip: Trip = { sql: typeof first === 'string' ? first : first.sql, ms: 0, inNotices: inNotices > 0 };
    trips.push(trip);
    const started = performance.now();
    const callback = args.findIndex((a) => typeof a === 'function');
    if (callback >= 0) {
      const done = args[callback] as (...r: unknown[]) => void;
      args[callback] = (...r: unknown[]) => {
        trip.ms = performance.now() - started;
        done(...r);
      };
    }
    return query.apply(this, args);
  };
  store.recordNotices = async function (this: unknown, ...args: unknown[]) {
    inNotices++;
    try {
      return await recordNotices.apply(this, args);
    } finally {
      inNotices--;
    }
  };
  return {
    trips,
    stop() {
      driver.query = query;
      store.recordNotices = recordNotices;
    },
  };
}

/**
 * Reminders for 10,000 open files and the latency of a file step with its notices.
 *
 * 1. 10,000 files whose due dates are spread over ten days either side of today (bulk SQL):
 *    60 % under review against their due date, 15 % returned for supplement, 15 % with an
 *    unanswered consultation, 10 % accepted and owing their settlement. RemindersService.run() and
 *    NotificationWorker.runOnce() run in this process on the service's database (the service's
 *    own schedules are off) and are timed: the first reminder run, a second one the same day
 *    (which finds the same due dates and records nothing new), and the worker over what the
 *    first recorded.
 * 2. The head's assignment and the officer's consultation, each over STEPS files one after the
 *    other through the HTTP API of the running service (median and p95), and the database round
 *    trips of each step counted at the driver in an in-process copy of the service: the outbox
 *    row must travel in the COMMIT's round trip, and trips made to word the notice are counted.
 */
export async function benchNotifications(env: BenchEnv): Promise<string> {
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: env.url,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    JWT_SECRET: BENCH_SECRET,
    DATABASE_POOL_SIZE: '10',
    DATA_DIR: `${tmpdir()}/kcfund-bench-data`,
    HOUSEKEEPING_INTERVAL_MINUTES: '0',
    ...NOTIFICATIONS_BENCH_ENV,
  });
  const app = await createApp(config, { bufferLogs: true });
  await app.listen(0);
  try {
    const reminders = await benchReminders(env, app);
    const steps = await benchSteps(env, app);
    return `${reminders}\n${steps}`;
  } finally {
    await app.close();
  }
}

async function benchReminders(env: BenchEnv, app: NestExpressApplication): Promise<string> {
  const today = app.get(Clock).today();
  const year = Number(today.slice(0, 4));
  const seedStarted = performance.now();
  const units = await seedUnits(env, UNITS, { prefix: 'NH' });
  await seedUsers(env, UNITS * 2, ['head'], (i) => units[i % UNITS]);
  const officers = await seedUsers(env, UNITS * 4, ['officer'], (i) => units[i % UNITS]);
  const producers = await seedUsers(env, PRODUCERS, ['applicant']);
  const files: SeedFile[] = [];
  const consultations: unknown[][] = [];
  const acceptances: unknown[][] = [];
  const reviewing = ['under_review', 'recommended', 'initialed'];
  for (let i = 0; i < FILES; i++) {
    const id = newId();
    const unit = i % UNITS;
    const due = addDays(today, ((i * 11) % 21) - 10); // every day from −10 to +10, evenly
    const kind = i % 20; // 0–11 review, 12–14 supplement, 15–17 consultation, 18–19 settlement
    const officerId = officers[(i * 13) % officers.length];
    const file: SeedFile = {
      id,
      ownerId: producers[i % PRODUCERS],
      activityTypeCode: 'machinery',
      fiscalYear: year,
      fundCode: 'KCDP',
      title: `Đề án ứng dụng máy móc thiết bị tiên tiến vào sản xuất số ${i + 1}`,
      communeCode: `X${String(i % 120).padStart(4, '0')}`,
      status: reviewing[i % 3],
      unitId: units[unit],
      officerId: units[unit] === units[(i * 13) % UNITS] ? officerId : officers[unit],
      dueDate: due,
    };
    if (kind >= 12 && kind < 15) Object.assign(file, { status: 'needs_supplement', supplementDueDate: due, dueDate: addDays(today, 40) });
    if (kind >= 15 && kind < 18) {
      file.dueDate = addDays(today, 40);
      consultations.push([newId(), id, units[(unit + 1) % UNITS], 'Đề nghị cho ý kiến về dự toán thiết bị', due, file.officerId]);
    }
    if (kind >= 18) {
      Object.assign(file, { status: 'accepted', dueDate: null, approvedSupport: '100000000', decisionNo: `${i}/QĐ-SCT`, decisionDate: addDays(today, -60) });
      acceptances.push([newId(), id, addDays(due, -15), `BB-${i}`, due, file.officerId]);
    }
    files.push(file);
  }
  await insertFiles(env, files, 2_000_000_000);
  await insertBatches(env, 'INSERT INTO consultations (id, application_id, unit_id, question, due_date, requested_by, requested_at)', consultations, '(?,?,?,?,?,?,NOW(3))');
  await insertBatches(
    env,
    'INSERT INTO acceptances (id, application_id, result, accepted_date, minutes_no, note, settlement_due_date, created_by, created_at)',
    acceptances,
    "(?,?,'passed',?,?,NULL,?,?,NOW(3))",
  );
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  const supplements = files.filter((f) => f.status === 'needs_supplement').length;

  const service = app.get(RemindersService);
  const worker = app.get(NotificationWorker);
  const timed = async <T>(work: () => Promise<T>) => {
    const peakReset = resetPeakRss('self');
    const before = rssMb([process.pid]);
    const t0 = performance.now();
    const value = await work();
    return { value, seconds: (performance.now() - t0) / 1000, peak: peakReset ? peakRssMb('self').toFixed(0) : 'n/a', before: before.toFixed(0) };
  };
  const rows: Array<Record<string, string | number>> = [];
  for (const name of ['reminders, first run today', 'reminders, again the same day']) {
    const r = await timed(() => service.run());
    if (!r.value.ran) throw new Error('the reminder lock was taken');
    rows.push({ run: name, 'due items': r.value.value.dueItems, 'reminders recorded': r.value.value.reminders, seconds: r.seconds.toFixed(2), 'RSS MB before': r.before, 'peak RSS MB': r.peak, target: 'a few seconds' });
  }
  const outbox = await count(env, 'SELECT COUNT(*) AS n FROM notification_outbox WHERE processed_at IS NULL');
  const w = await timed(() => worker.runOnce());
  rows.push({ run: `worker over the ${outbox.toLocaleString('en')} events`, 'due items': '', 'reminders recorded': '', seconds: w.seconds.toFixed(2), 'RSS MB before': w.before, 'peak RSS MB': w.peak, target: '' });
  const mailOn = w.value.sent + w.value.failed > 0;
  return [
    `Reminders (${FILES.toLocaleString('en')} open files: ${(FILES - supplements - consultations.length - acceptances.length).toLocaleString('en')} under review against their due date, ${supplements.toLocaleString('en')} owing a supplement, ${consultations.length.toLocaleString('en')} with a consultation unanswered, ${acceptances.length.toLocaleString('en')} owing their settlement; due dates ${addDays(today, -10)} … ${addDays(today, 10)}, today ${today}; ${UNITS} units, ${PRODUCERS.toLocaleString('en')} producers; seeded in ${seedSeconds.toFixed(1)} s)`,
    `run in the bench process on the service's database; memory is that process's (it also holds the Nest application); the worker made ${w.value.notifications.toLocaleString('en')} notifications from ${w.value.events.toLocaleString('en')} events${mailOn ? `, ${w.value.sent} e-mails` : ' (no SMTP configured: no e-mails)'}`,
    table(rows),
    '',
  ].join('\n');
}

async function benchSteps(env: BenchEnv, app: NestExpressApplication): Promise<string> {
  const today = app.get(Clock).today();
  const year = Number(today.slice(0, 4));
  const [centre, consulted] = await seedUnits(env, 2, { prefix: 'BS' });
  const [headId] = await seedUsers(env, 1, ['head'], () => centre);
  const [officerId] = await seedUsers(env, 1, ['officer'], () => centre);
  const producers = await seedUsers(env, 50, ['applicant']);
  const jwt = new JwtService({ secret: BENCH_SECRET, signOptions: { expiresIn: 3600 } });
  const auth = async (sub: string) => ({ authorization: `Bearer ${await jwt.signAsync({ sub, typ: 'access' })}`, 'content-type': 'application/json' });
  const head = await auth(headId);
  const officer = await auth(officerId);
  const total = WARM_UP_STEPS + STEPS + COUNTED_STEPS;
  const files: SeedFile[] = Array.from({ length: total }, (_, i) => ({
    id: newId(),
    ownerId: producers[i % producers.length],
    activityTypeCode: 'machinery',
    fiscalYear: year,
    fundCode: 'KCDP',
    title: `Đề án đo độ trễ bước hồ sơ số ${i + 1}`,
    communeCode: 'X0001',
    status: 'submitted',
    unitId: centre,
    leadUnitId: null,
  }));
  await insertFiles(env, files, 3_000_000_000);

  const step = {
    assign: (id: string) => ({ path: `/applications/${id}/assign`, headers: head, body: { officerId, leadUnitId: centre, workingDays: 20 } }),
    consult: (id: string) => ({ path: `/applications/${id}/consultations`, headers: officer, body: { unitId: consulted, question: 'Đề nghị cho ý kiến về dự toán thiết bị', workingDays: 5 } }),
  };
  const send = async (base: string, s: { path: string; headers: Record<string, string>; body: object }) => {
    const t0 = performance.now();
    const res = await fetch(`${base}/api/v1${s.path}`, { method: 'POST', headers: s.headers, body: JSON.stringify(s.body) });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${s.path}: ${res.status} ${text.slice(0, 300)}`);
    return performance.now() - t0;
  };

  // Latency through the running service, one step after the other.
  const viaService = files.slice(0, WARM_UP_STEPS + STEPS);
  const latencies: Record<string, number[]> = { assign: [], consult: [] };
  for (const name of ['assign', 'consult'] as const) {
    for (const [i, file] of viaService.entries()) {
      const ms = await send(env.base, step[name](file.id));
      if (i >= WARM_UP_STEPS) latencies[name].push(ms);
    }
  }

  // Round trips, in the in-process copy (same code, same database), with the driver counted.
  const { port } = app.getHttpServer().address() as { port: number };
  const local = `http://127.0.0.1:${port}`;
  const counted = files.slice(WARM_UP_STEPS + STEPS);
  const tripsOf: Record<string, Trip[][]> = { assign: [], consult: [] };
  // The first steps of the in-process copy fill its caches; they are sent before counting.
  for (const file of counted.slice(0, 5)) {
    await send(local, step.assign(file.id));
    await send(local, step.consult(file.id));
  }
  const probe = await countTrips(app);
  try {
    for (const name of ['assign', 'consult'] as const) {
      for (const file of counted.slice(5)) {
        probe.trips.length = 0;
        await send(local, step[name](file.id));
        tripsOf[name].push([...probe.trips]);
      }
    }
  } finally {
    probe.stop();
  }

  const rows = (['assign', 'consult'] as const).map((name) => {
    const perStep = tripsOf[name];
    const outboxTrips = perStep.map((trips) => trips.filter((t) => t.sql.includes('notification_outbox')));
    const withCommit = outboxTrips.every((trips) => trips.length === 1 && /COMMIT\s*$/.test(trips[0].sql));
    const wording = perStep.map((trips) => trips.filter((t) => t.inNotices).length);
    const commitMs = perStep.map((trips) => trips.find((t) => /COMMIT\s*$/.test(t.sql))?.ms ?? 0);
    const tripCounts = perStep.map((trips) => trips.length);
    return {
      step: name === 'assign' ? 'POST …/assign (head)' : 'POST …/consultations (officer)',
      steps: latencies[name].length,
      'p50 ms': percentile(latencies[name], 50).toFixed(1),
      'p95 ms': percentile(latencies[name], 95).toFixed(1),
      'round trips': `${Math.min(...tripCounts)}–${Math.max(...tripCounts)}`,
      'outbox row rides with COMMIT': withCommit ? 'yes' : 'NO',
      'trips to word the notice': `${Math.max(...wording)}`,
      'COMMIT trip p50 ms': percentile(commitMs, 50).toFixed(2),
    };
  });
  const outboxRows = await count(env, "SELECT COUNT(*) AS n FROM notification_outbox WHERE kind IN ('file.assign', 'consultation.request')");
  // One line a trip; a trip of several statements shows the start of each.
  const sample =
    tripsOf.assign[0]?.map((t, i) => {
      const statements = t.sql.split(/;\n/).map((s) => s.replace(/\s+/g, ' ').trim());
      const line = statements.length > 1 ? statements.map((s) => s.slice(0, 45)).join('; ') : statements[0].slice(0, 150);
      return `  ${i + 1}. ${t.inNotices ? '[notice] ' : ''}${line}`;
    }) ?? [];
  return [
    `File steps with their notices (${STEPS} steps each through the service's HTTP API, one at a time, after ${WARM_UP_STEPS} not counted; round trips counted at the driver over ${COUNTED_STEPS - 5} more in an in-process copy; ${outboxRows.toLocaleString('en')} notice events in the outbox afterwards)`,
    table(rows),
    'round trips of one assignment:',
    ...sample,
    '',
  ].join('\n');
}
