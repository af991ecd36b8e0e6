import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { newId } from '../../src/common/ids';
import { BenchEnv, table } from './bench-env';

const LINES = Number(process.env.BENCH_RECONCILIATION_LINES ?? 100_000);
const HEADER = 'treasuryRef,valueDate,amount,direction,payeeTaxCode,description';
const INSERT_BATCH = 2000;

/** The service's processes: the one started, and its workers when it runs a cluster (WEB_CONCURRENCY). */
function serviceProcesses(pid: number): number[] {
  const children = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        // Field 4 of /proc/<pid>/stat is the parent's pid; the command name (field 2) may hold spaces.
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [pid, ...children];
}

/** Resident memory (kB) of the service's processes: the largest current and peak (VmHWM) among them. */
function memoryOf(pids: number[]): { rssKb: number; peakKb: number } {
  let rssKb = 0;
  let peakKb = 0;
  for (const pid of pids) {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    rssKb = Math.max(rssKb, kb('VmRSS'));
    peakKb = Math.max(peakKb, kb('VmHWM'));
  }
  return { rssKb, peakKb };
}

/** Starts a new peak (VmHWM) from the current RSS; Linux ≥ 4.0, for processes we own. */
function resetPeak(pids: number[]): boolean {
  try {
    for (const pid of pids) writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

const mb = (kb: number) => (kb / 1024).toFixed(0);

/**
 * Imports a generated 100,000-line treasury statement: 90 % payments KCFund recorded (1 in 100
 * with another amount), 5 % receipts, 5 % unknown, and 2,000 recorded payments inside its dates
 * that it lacks. Prints the time of each request and the service's memory; asserts nothing.
 */
export async function benchReconciliation(env: BenchEnv): Promise<string> {
  const finance = await env.token(['finance']);
  const pids = serviceProcesses(env.service.pid!);
  const fundId = newId();
  await env.pool.query(`INSERT INTO funds (id, code, name, source, currency, created_at) VALUES (?,'BENCHREC','Quỹ đo tải đối chiếu','local','VND',NOW(3))`, [fundId]);
  const unitId = newId();
  const day = (i: number) => `2030-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
  const refOf = (i: number) => `KB-2030-${String(i).padStart(7, '0')}`;

  const payments = Math.floor(LINES * 0.9);
  const receipts = Math.floor(LINES * 0.05);
  const statement: string[] = [HEADER];
  const seedStarted = performance.now();
  let disbursementRows: unknown[][] = [];
  const flushDisbursements = async () => {
    if (!disbursementRows.length) return;
    await env.pool.query(
      `INSERT INTO disbursements (id, application_id, fund_id, fiscal_year, unit_id, kind, amount, status, requested_by, requested_at, treasury_ref, value_date)
       VALUES ${disbursementRows.map(() => "(?,?,?,2030,?,'payment',?,'paid',?,NOW(3),?,?)").join(',')}`,
      disbursementRows.flat(),
    );
    disbursementRows = [];
  };
  for (let i = 0; i < payments + 2000; i++) {
    const amount = String(1_000_000 + i);
    disbursementRows.push([newId(), newId(), fundId, unitId, amount, finance.id, refOf(i), day(i)]);
    if (i < payments) statement.push(`${refOf(i)},${day(i)},${i % 100 === 0 ? `${amount}1` : amount},out,0312345678,"Chi trả đề án khuyến công, đợt ${i}"`);
    if (disbursementRows.length === INSERT_BATCH) await flushDisbursements();
  }
  await flushDisbursements();
  const recoveryId = newId();
  await env.pool.query(
    `INSERT INTO recoveries (id, application_id, settlement_id, fund_id, fiscal_year, unit_id, amount, received, status, created_at)
     VALUES (?,?,?,?,2030,?,?,?,'open',NOW(3))`,
    [recoveryId, newId(), newId(), fundId, unitId, '999999999999', '0'],
  );
  for (let start = 0; start < receipts; start += INSERT_BATCH) {
    const batch = Array.from({ length: Math.min(INSERT_BATCH, receipts - start) }, (_, k) => {
      const i = start + k;
      return [newId(), recoveryId, String(50_000 + i), `TH-2030-${String(i).padStart(7, '0')}`, day(i), newId(), finance.id];
    });
    await env.pool.query(
      `INSERT INTO recovery_receipts (id, recovery_id, amount, treasury_ref, value_date, transfer_id, received_by, created_at)
       VALUES ${batch.map(() => '(?,?,?,?,?,?,?,NOW(3))').join(',')}`,
      batch.flat(),
    );
    for (const [, , amount, ref, valueDate] of batch) statement.push(`${ref},${valueDate},${amount},in,,Thu hồi kinh phí`);
  }
  for (let i = statement.length - 1; i < LINES; i++) statement.push(`KB-LA-${String(i).padStart(7, '0')},${day(i)},777000,out,,Khoản không có trong KCFund`);
  const csv = Buffer.from(`${statement.join('\r\n')}\r\n`, 'utf8');
  const seedSeconds = (performance.now() - seedStarted) / 1000;

  const auth = { authorization: `Bearer ${finance.token}` };
  const post = async (content: Buffer, name: string) => {
    const form = new FormData();
    form.append('file', new Blob([content], { type: 'text/csv' }), name);
    const started = performance.now();
    const res = await fetch(`${env.base}/api/v1/reconciliation/imports`, { method: 'POST', headers: auth, body: form });
    const body = (await res.json()) as Record<string, unknown>;
    return { status: res.status, body, seconds: (performance.now() - started) / 1000 };
  };

  const rows: Array<Record<string, string | number>> = [];
  const measure = async (what: string, run: () => Promise<{ status: number; seconds: number; note?: string }>) => {
    const before = memoryOf(pids);
    const peakReset = resetPeak(pids);
    const result = await run();
    const after = memoryOf(pids);
    rows.push({
      request: what,
      status: result.status,
      seconds: result.seconds.toFixed(2),
      'RSS before MB': mb(before.rssKb),
      'peak RSS MB': peakReset ? mb(after.peakKb) : `${mb(after.peakKb)} (since start)`,
      'RSS after MB': mb(after.rssKb),
      note: result.note ?? '',
    });
  };

  let importId = '';
  await measure(`import ${LINES} lines (${(csv.length / 1024 / 1024).toFixed(1)} MB)`, async () => {
    const res = await post(csv, 'sao-ke-2030.csv');
    importId = String(res.body.id);
    const { matched, amountMismatch, unknownInStatement, missingFromStatement } = res.body;
    return { ...res, note: `matched ${matched}, mismatch ${amountMismatch}, unknown ${unknownInStatement}, missing ${missingFromStatement}` };
  });
  await measure('the same file again', async () => {
    const res = await post(csv, 'sao-ke-2030-lan-2.csv');
    return { ...res, note: String(res.body.code ?? '') };
  });
  const broken = Buffer.concat([csv, Buffer.from('KB-BROKEN,2030-13-01,1e6,out,,\r\n')]);
  await measure('a malformed last line', async () => {
    const res = await post(broken, 'sao-ke-loi.csv');
    return { ...res, note: String((res.body.errors as Array<{ field: string }> | undefined)?.map((e) => e.field).join('; ') ?? '') };
  });
  await measure('read the import back', async () => {
    const started = performance.now();
    const res = await fetch(`${env.base}/api/v1/reconciliation/imports/${importId}`, { headers: auth });
    const body = (await res.json()) as { lines: unknown[] };
    return { status: res.status, seconds: (performance.now() - started) / 1000, note: `${body.lines.length} lines` };
  });

  return `Treasury reconciliation (service processes ${pids.join(', ')}; memory is the largest among them; seeding ${seedSeconds.toFixed(1)} s)\n${table(rows)}\n`;
}
