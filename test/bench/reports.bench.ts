import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { newId } from '../../src/common/ids';
import { BenchEnv, percentile, table } from './bench-env';
import { cpuSeconds, largestRssMb, rssMb, serviceTree } from './bench-proc';
import { insertBatches, insertFiles, SeedFile, seedUnits } from './bench-seed';

const YEAR = 2030;
const UNITS = 50;
const COMMUNES = 120;
const FILES = 10_000;
const FUNDED = 8_000;
const TRANSFERS = 100_000;
const ACTIVITIES = ['demo_model', 'machinery', 'technology_line', 'product_selection_regional', 'product_selection_national', 'fair_abroad', 'cluster_infrastructure'];
const FUNDED_STATUSES = ['approved', 'contracted', 'accepted', 'settlement_submitted', 'settled'];

/**
 * Seeds a year of 10,000 files and 100,000 ledger transfers: the fund, appropriation, split
 * allocation, the year's plan (350 lines) and the review's assessment through the API, then files,
 * accounts, transfers, 4,800 acceptances with outcomes and 50 commendations by bulk SQL, each account's
 * stored balance equal to the sum of its transfers (the trial balance holds). Then times the
 * annual review in every format and watches the service's memory, and probes /health and the
 * budget summary while a PDF renders. Prints; asserts nothing.
 */
export async function benchReports(env: BenchEnv): Promise<string> {
  const pids = serviceTree(env.service.pid!);
  const finance = await env.token(['finance']);
  const auth = { authorization: `Bearer ${finance.token}` };
  const json = { ...auth, 'content-type': 'application/json' };
  const send = async (method: 'POST' | 'PUT', path: string, body: object) => {
    const res = await fetch(`${env.base}/api/v1${path}`, { method, headers: { ...json, 'idempotency-key': randomUUID() }, body: JSON.stringify(body) });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const post = (path: string, body: object) => send('POST', path, body);

  const seedStarted = performance.now();
  const unitIds = await seedUnits(env, UNITS);
  await post('/funds', { code: 'KCDP', name: 'Kinh phí khuyến công địa phương', source: 'local', currency: 'VND' });
  await post('/fiscal-years', { year: YEAR });
  await post('/appropriations', { fundCode: 'KCDP', fiscalYear: YEAR, amount: '2000000000000', decisionNo: '01/QĐ-UBND', decisionDate: `${YEAR}-01-05` });
  await post('/allocations/split', { fundCode: 'KCDP', fiscalYear: YEAR, amount: '1500000000000', shares: unitIds.map((unitId) => ({ unitId, weight: 1 })) });
  const [[fund]] = (await env.pool.query("SELECT id FROM funds WHERE code = 'KCDP'")) as unknown as [[{ id: string }]];
  const [allocations] = (await env.pool.query("SELECT id, unit_id FROM ledger_accounts WHERE kind = 'allocation' AND fund_id = ?", [fund.id])) as unknown as [Array<{ id: string; unit_id: string }>];
  const allocationOf = new Map(allocations.map((a) => [a.unit_id, a.id]));

  // The year's plan: every activity type in every unit (350 lines), through the API.
  await send('PUT', `/plans/${YEAR}`, {
    items: unitIds.flatMap((unitId, u) => ACTIVITIES.map((activityTypeCode, a) => ({ activityTypeCode, unitId, fundCode: 'KCDP', plannedCount: 20 + ((u + a) % 10), plannedBudget: String(2_500_000_000 + ((u * 7 + a) % 13) * 100_000_000) }))),
  });
  await send('PUT', `/reports/annual/${YEAR}/narrative`, {
    results: 'Hoàn thành phần lớn kế hoạch năm.\nCác đề án đã nghiệm thu phát huy hiệu quả.',
    difficulties: 'Giá thiết bị tăng.',
    causes: 'Biến động thị trường.',
    proposals: 'Bổ sung kinh phí.',
  });

  const files: SeedFile[] = [];
  const acceptances: unknown[][] = [];
  const accounts: unknown[][] = [];
  const transfers: unknown[][] = [];
  const committedByUnit = new Map<string, bigint>();
  const yearStart = Date.UTC(YEAR, 0, 10);
  const at = (n: number) => new Date(yearStart + (n % 300) * 86_400_000 + (n % 86_400) * 1000);
  let transferCount = 0;
  const paymentsPerFile = (i: number) => Math.floor((TRANSFERS - FUNDED) / FUNDED) + (i < (TRANSFERS - FUNDED) % FUNDED ? 1 : 0);
  for (let i = 0; i < FILES; i++) {
    const id = newId();
    const unitId = unitIds[i % UNITS];
    const funded = i < FUNDED;
    const status = funded ? FUNDED_STATUSES[i % FUNDED_STATUSES.length] : i < FUNDED + 1000 ? 'under_review' : 'rejected';
    const support = funded ? 100_000_000n + BigInt(i % 50) * 1_000_000n : null;
    files.push({
      id,
      ownerId: finance.id,
      activityTypeCode: ACTIVITIES[i % ACTIVITIES.length],
      fiscalYear: YEAR,
      fundCode: 'KCDP',
      title: `Đề án ứng dụng máy móc thiết bị tiên tiến vào sản xuất số ${i + 1}`,
      communeCode: `X${String(i % COMMUNES).padStart(4, '0')}`,
      status,
      approvedSupport: support?.toString() ?? null,
      unitId,
      dueDate: status === 'under_review' ? `${YEAR}-02-01` : null,
      decisionNo: funded ? `${i}/QĐ-SCT` : null,
      decisionDate: funded ? `${YEAR}-03-15` : null,
    });
    if (!funded) continue;
    // Files past acceptance record what they achieved (one in five accepted without outcomes).
    if (['accepted', 'settlement_submitted', 'settled'].includes(status)) {
      const outcomes = i % 5 === 0 ? [null, null, null, null, null, null] : [i % 20, i % 35, i % 15, i % 3, i % 40, i % 2];
      acceptances.push([newId(), id, `${YEAR}-09-15`, `${i}/BB-NT`, `${YEAR}-09-30`, ...outcomes, finance.id]);
    }
    const payments = paymentsPerFile(i);
    const paid = BigInt(payments) * 5_000_000n;
    const commitmentId = newId();
    const payeeId = newId();
    accounts.push([commitmentId, fund.id, YEAR, 'commitment', unitId, id, `${fund.id}:${YEAR}:commitment:${id}`, (support! - paid).toString()]);
    accounts.push([payeeId, fund.id, YEAR, 'payee', unitId, id, `${fund.id}:${YEAR}:payee:${id}`, paid.toString()]);
    transfers.push([newId(), fund.id, YEAR, 'commitment', commitmentId, allocationOf.get(unitId), support!.toString(), `${i}/QĐ-SCT`, unitId, id, at(transferCount++)]);
    for (let p = 0; p < payments; p++) transfers.push([newId(), fund.id, YEAR, 'disbursement', payeeId, commitmentId, '5000000', `KB-${i}-${p}`, unitId, id, at(transferCount++)]);
    committedByUnit.set(unitId, (committedByUnit.get(unitId) ?? 0n) + support!);
  }
  await insertFiles(env, files);
  await insertBatches(env, 'INSERT INTO ledger_accounts (id, fund_id, fiscal_year, kind, unit_id, application_id, natural_key, balance, created_at)', accounts, '(?,?,?,?,?,?,?,?,NOW(3))');
  await insertBatches(
    env,
    'INSERT INTO acceptances (id, application_id, result, accepted_date, minutes_no, settlement_due_date, jobs_created, jobs_kept, women_workers, disabled_workers, trainees, models_built, created_by, created_at)',
    acceptances,
    "(?,?,'passed',?,?,?,?,?,?,?,?,?,?,NOW(3))",
  );
  // A commendation of each unit (decided in the year: written here, as the API takes no future date).
  await insertBatches(
    env,
    'INSERT INTO commendations (id, fiscal_year, unit_id, recipient_key, form, decision_no, decision_date, reason, created_by, created_at)',
    unitIds.map((unitId, u) => [newId(), YEAR, unitId, `u:${unitId}`, 'Giấy khen của Giám đốc Sở', `${u + 1}/QĐ-SCT`, `${YEAR}-12-20`, 'Hoàn thành xuất sắc kế hoạch khuyến công năm', finance.id]),
    '(?,?,?,?,?,?,?,?,?,NOW(3))',
  );
  await insertBatches(
    env,
    'INSERT INTO ledger_transfers (id, fund_id, fiscal_year, kind, debit_account_id, credit_account_id, amount, reference, unit_id, application_id, capacity, created_at)',
    transfers,
    "(?,?,?,?,?,?,?,?,?,?,'finance',?)",
    2000,
  );
  for (const [unitId, committed] of committedByUnit) {
    await env.pool.query('UPDATE ledger_accounts SET balance = balance - ? WHERE id = ?', [committed.toString(), allocationOf.get(unitId)]);
  }
  const [[{ n }]] = (await env.pool.query('SELECT COUNT(*) AS n FROM ledger_transfers')) as unknown as [[{ n: number }]];
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  const trial = (await (await fetch(`${env.base}/api/v1/ledger/trial-balance?fiscalYear=${YEAR}`, { headers: auth })).json()) as { balanced: boolean };

  /** One annual review: seconds until the last byte, bytes, and the service's peak RSS meanwhile. */
  const measure = async (format: string) => {
    let peak = rssMb(pids);
    let largest = largestRssMb(pids);
    const sampler = setInterval(() => {
      // The tree again each time: the PDF renderer is a child process started on first use.
      const now = serviceTree(env.service.pid!);
      peak = Math.max(peak, rssMb(now));
      largest = Math.max(largest, largestRssMb(now));
    }, 25);
    const cpu0 = cpuSeconds(serviceTree(env.service.pid!));
    const t0 = performance.now();
    const res = await fetch(`${env.base}/api/v1/reports/annual/${YEAR}?format=${format}`, { headers: auth });
    const body = Buffer.from(await res.arrayBuffer());
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    const cpu = cpuSeconds(serviceTree(env.service.pid!)) - cpu0;
    if (res.status !== 200) throw new Error(`annual ${format}: ${res.status} ${body.toString().slice(0, 300)}`);
    return { seconds, bytes: body.length, peak, largest, cpu };
  };

  // What the review holds of the programme (read once, outside the timings).
  const review = (await (await fetch(`${env.base}/api/v1/reports/annual/${YEAR}`, { headers: auth })).json()) as { plan: unknown[]; outcomes: { acceptedFiles: number; jobsCreated: number }; commendations: unknown[] };
  const programme = `review holds ${review.plan.length} plan rows, the outcomes of ${review.outcomes.acceptedFiles.toLocaleString('en')} accepted files (${review.outcomes.jobsCreated.toLocaleString('en')} jobs created) and ${review.commendations.length} commendations`;

  const rows: Array<Record<string, string | number>> = [];
  const targets: Record<string, string> = { json: '< 2 s', csv: '< 10 s', xlsx: '< 10 s', pdf: '< 15 s, < 600 MB' };
  const baseline = rssMb(pids);
  for (const format of ['json', 'csv', 'xlsx']) {
    const r = await measure(format);
    rows.push({ format, seconds: r.seconds.toFixed(2), 'service CPU s': r.cpu.toFixed(2), 'size KB': (r.bytes / 1024).toFixed(0), 'peak RSS MB (all processes)': r.peak.toFixed(0), 'peak RSS MB (one process)': r.largest.toFixed(0), target: targets[format] });
  }

  // The PDF, while a prober asks for /health and the budget summary every 50 ms.
  const probes: Record<string, number[]> = { health: [], summary: [] };
  let rendering = true;
  const probe = async (name: string, url: string, headers: Record<string, string>) => {
    while (rendering) {
      const t0 = performance.now();
      const res = await fetch(url, { headers });
      await res.arrayBuffer();
      probes[name].push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const probers = [probe('health', `${env.base}/health`, {}), probe('summary', `${env.base}/api/v1/budget/summary?fiscalYear=${YEAR}`, auth)];
  const pdf = await measure('pdf');
  rendering = false;
  await Promise.all(probers);
  rows.push({ format: 'pdf', seconds: pdf.seconds.toFixed(2), 'service CPU s': pdf.cpu.toFixed(2), 'size KB': (pdf.bytes / 1024).toFixed(0), 'peak RSS MB (all processes)': pdf.peak.toFixed(0), 'peak RSS MB (one process)': pdf.largest.toFixed(0), target: targets.pdf });

  const probeRows = Object.entries(probes).map(([name, values]) => ({
    'during the PDF': name === 'health' ? 'GET /health' : 'GET /budget/summary',
    requests: values.length,
    'p50 ms': percentile(values, 50).toFixed(1),
    'p99 ms': percentile(values, 99).toFixed(1),
    'max ms': Math.max(...values).toFixed(1),
    target: '< 100 ms',
  }));
  return [
    `Annual review (${FILES.toLocaleString('en')} files, ${Number(n).toLocaleString('en')} transfers, ${UNITS} units, ${COMMUNES} communes, ${UNITS * ACTIVITIES.length} plan lines, ${acceptances.length.toLocaleString('en')} acceptances with outcomes, ${UNITS} commendations; seeded in ${seedSeconds.toFixed(1)} s; trial balance holds: ${trial.balanced})`,
    programme,
    `service: ${pids.length} processes (cluster primary and HTTP workers), ${baseline.toFixed(0)} MB resident before the reports; machine load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (2 cores)`,
    table(rows),
    '',
    table(probeRows),
    '',
  ].join('\n');
}
