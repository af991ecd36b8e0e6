import { createHash, randomUUID } from 'node:crypto';
import { Pool } from 'undici';
import { newId } from '../../src/common/ids';
import { BenchEnv, drive, percentile, Sample, table } from './bench-env';

const UNITS = 1000;
// Cells of 8 s: shorter ones measured the transients (the previous cell's purge backlog, V8 still
// compiling) as much as the steady state, and moved by ±0.04 in the ratio from run to run.
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const WARM_UP_SECONDS = Number(process.env.BENCH_WARM_UP_SECONDS ?? 3);
// BENCH_CONCURRENCY=16 and BENCH_SHAPES=hot narrow a run to some cells (while tuning).
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '1,16,64').split(',').map(Number);
const SHAPES = (process.env.BENCH_SHAPES ?? 'spread,hot').split(',') as Shape[];
const YEAR = 2030;

type Shape = 'spread' | 'hot';

function pick(shape: Shape, loop: number, i: number): [number, number] {
  // Deterministic pseudo-random pairs; `hot` always takes from unit 0.
  const a = (loop * 7919 + i * 104729) % UNITS;
  const b = (a + 1 + ((loop * 31 + i * 17) % (UNITS - 1))) % UNITS;
  return shape === 'hot' ? [0, b === 0 ? 1 : b] : [a, b];
}

/**
 * Allocation transfers between units over HTTP, against the same transaction sent straight to
 * MariaDB through mysql2 (the database's own limit), at concurrency 1, 16 and 64, spread over
 * 1,000 units and all from one hot unit.
 */
export async function benchLedger(env: BenchEnv): Promise<string> {
  const finance = await env.token(['finance']);
  const headers = { authorization: `Bearer ${finance.token}`, 'content-type': 'application/json' };
  // A keep-alive connection pool of undici (what Node's fetch is built on, without the fetch
  // layer): the load generator shares the machine's two cores with the service and MariaDB, and
  // fetch cost about twice the CPU per request.
  const client = new Pool(env.base, { connections: Math.max(...CONCURRENCY) * 2 });
  const post = async (path: string, body: object) => {
    const res = await client.request({
      path: `/api/v1${path}`,
      method: 'POST',
      headers: { ...headers, 'idempotency-key': randomUUID() },
      body: JSON.stringify(body),
    });
    return { status: res.statusCode, body: await res.body.json() };
  };

  const unitIds: string[] = [];
  for (let i = 0; i < UNITS; i += 200) {
    const batch = Array.from({ length: Math.min(200, UNITS - i) }, (_, k) => [newId(), `BU${i + k}`, `Đơn vị ${i + k}`]);
    await env.pool.query(`INSERT INTO units (id, code, name, kind, active, created_at) VALUES ${batch.map(() => "(?,?,?,'commune',1,NOW(3))").join(',')}`, batch.flat());
    unitIds.push(...batch.map((b) => b[0]));
  }
  const fundCode = 'BENCH';
  await fetch(`${env.base}/api/v1/funds`, { method: 'POST', headers, body: JSON.stringify({ code: fundCode, name: 'Quỹ đo tải', source: 'local', currency: 'VND' }) });
  await fetch(`${env.base}/api/v1/fiscal-years`, { method: 'POST', headers, body: JSON.stringify({ year: YEAR }) });
  await post('/appropriations', { fundCode, fiscalYear: YEAR, amount: '100000000000000', decisionNo: 'BENCH', decisionDate: `${YEAR}-01-01` });
  const split = await post('/allocations/split', { fundCode, fiscalYear: YEAR, amount: '10000000000000', shares: unitIds.map((unitId) => ({ unitId, weight: 1 })) });
  if (split.status !== 201) throw new Error(`seeding failed: ${JSON.stringify(split.body)}`);

  const [[fund]] = (await env.pool.query('SELECT id FROM funds WHERE code = ?', [fundCode])) as unknown as [[{ id: string }]];
  const [accountRows] = (await env.pool.query("SELECT id, unit_id FROM ledger_accounts WHERE kind = 'allocation' AND fund_id = ?", [fund.id])) as unknown as [Array<{ id: string; unit_id: string }>];
  const accountOf = new Map(accountRows.map((r) => [r.unit_id, r.id]));

  const viaService = (shape: Shape) => async (loop: number, i: number) => {
    const [from, to] = pick(shape, loop, i);
    const res = await post('/allocations/transfer', { fundCode, fiscalYear: YEAR, fromUnitId: unitIds[from], toUnitId: unitIds[to], amount: '1', reason: 'bench' });
    return res.status === 201;
  };

  // The same money transaction, straight to the database: key, guarded update, transfer, audit.
  const direct = (shape: Shape) => async (loop: number, i: number) => {
    const [from, to] = pick(shape, loop, i);
    const fromId = accountOf.get(unitIds[from])!;
    const toId = accountOf.get(unitIds[to])!;
    const connection = await env.pool.getConnection();
    try {
      await connection.query('START TRANSACTION');
      await connection.query("INSERT INTO idempotency_keys (user_id, idem_key, request_hash, status_code, response_body, created_at) VALUES (?,?,?,201,'{}',NOW(3))", [finance.id, randomUUID(), '0'.repeat(64)]);
      const [result] = (await connection.query(
        `UPDATE ledger_accounts SET balance = CASE WHEN id = ? THEN balance + 1 ELSE balance - 1 END
          WHERE id IN (?, ?) AND (id = ? OR balance >= 1)`,
        [toId, fromId, toId, toId],
      )) as unknown as [{ affectedRows: number }];
      if (result.affectedRows !== 2) throw new Error('insufficient');
      const id = newId();
      await connection.query(
        `INSERT INTO ledger_transfers (id, fund_id, fiscal_year, kind, debit_account_id, credit_account_id, amount, reference, capacity, created_at)
         VALUES (?,?,?,'allocation_transfer',?,?,1,'bench','finance',NOW(3))`,
        [id, fund.id, YEAR, toId, fromId],
      );
      await connection.query(
        `INSERT INTO audit_log (id, seq, at, actor_id, capacity, action, entity, entity_id, content_hash) VALUES (?,0,NOW(3),?,'finance','bench','ledger_transfer',?,?)`,
        [newId(), finance.id, id, createHash('sha256').update(id).digest('hex')],
      );
      await connection.query('COMMIT');
      return true;
    } catch {
      await connection.query('ROLLBACK').catch(() => undefined);
      return false;
    } finally {
      connection.release();
    }
  };

  const rows: Array<Record<string, string | number>> = [];
  // Warm-up, not counted: the service caches account ids and active units on first use, so every
  // unit's account is touched once; then both paths run for a while, so V8 has compiled their hot
  // code before measuring (the steady state of a running service, and of the driver).
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      for (let i = next++; i < UNITS; i = next++) {
        await post('/allocations/transfer', { fundCode, fiscalYear: YEAR, fromUnitId: unitIds[i], toUnitId: unitIds[(i + 1) % UNITS], amount: '1', reason: 'warm-up' });
      }
    }),
  );
  await drive(16, WARM_UP_SECONDS, viaService('spread'));
  await drive(16, WARM_UP_SECONDS, direct('spread'));
  for (const shape of SHAPES) {
    for (const c of CONCURRENCY) {
      const service = await drive(c, SECONDS, viaService(shape));
      const database = process.env.BENCH_SKIP_DIRECT ? service : await drive(c, SECONDS, direct(shape));
      const rate = (s: Sample) => s.ok / s.seconds;
      rows.push({
        shape,
        concurrency: c,
        'service tx/s': rate(service).toFixed(0),
        'p50 ms': percentile(service.latencies, 50).toFixed(1),
        'p99 ms': percentile(service.latencies, 99).toFixed(1),
        failed: service.failed,
        'mysql2 tx/s': rate(database).toFixed(0),
        'db p99 ms': percentile(database.latencies, 99).toFixed(1),
        ratio: (rate(service) / rate(database)).toFixed(2),
      });
    }
  }
  await client.close();
  const trial = await fetch(`${env.base}/api/v1/ledger/trial-balance?fundCode=${fundCode}&fiscalYear=${YEAR}`, { headers });
  const balanced = ((await trial.json()) as { balanced: boolean }).balanced;
  // The direct transactions above bypass the audit chain's content rules; the chain itself must still link.
  return `Ledger transfers (${UNITS} units, ${SECONDS}s per cell)\n${table(rows)}\ntrial balance holds after the runs: ${balanced}\n`;
}
