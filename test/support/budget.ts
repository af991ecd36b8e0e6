import { randomUUID } from 'node:crypto';
import type { TestActor } from './actors';
import type { TestApp } from './test-app';

let n = 0;
export const uniqueCode = (prefix: string) => `${prefix}${Date.now().toString(36)}${(n++).toString(36)}`.toUpperCase().slice(0, 32);

/** A POST that moves money, with a fresh Idempotency-Key unless one is given. */
export function postMoney(t: TestApp, actor: TestActor, path: string, body: object, key: string = randomUUID()) {
  return t.http.post(`/api/v1${path}`).set(actor.auth).set('Idempotency-Key', key).send(body);
}

/** A sponsor's fund in USD for `year`: 500.000 USD appropriated, 200.000 allocated to `unitId`. */
export async function usdSponsorFund(t: TestApp, finance: TestActor, year: number, unitId: string, decisionNo: string): Promise<string> {
  const { fundCode } = await fundWithBudget(t, finance, { year, appropriated: '500000.00', currency: 'USD', source: 'sponsor' });
  await postMoney(t, finance, '/allocations', { fundCode, fiscalYear: year, unitId, amount: '200000.00', decisionNo }).expect(201);
  return fundCode;
}

/** A fund (VND unless told) with an open fiscal year and an appropriation. */
export async function fundWithBudget(
  t: TestApp,
  finance: TestActor,
  options: { year: number; appropriated?: string; currency?: string; source?: 'central' | 'local' | 'sponsor' },
): Promise<{ fundCode: string }> {
  const fundCode = uniqueCode('F');
  await t.http
    .post('/api/v1/funds')
    .set(finance.auth)
    .send({
      code: fundCode,
      name: `Quỹ thử ${fundCode}`,
      source: options.source ?? 'local',
      currency: options.currency ?? 'VND',
      ...(options.source === 'sponsor' ? { sponsorName: 'Tổ chức tài trợ thử' } : {}),
    })
    .expect(201);
  await ensureYear(t, finance, options.year);
  if (options.appropriated) {
    await postMoney(t, finance, '/appropriations', {
      fundCode,
      fiscalYear: options.year,
      amount: options.appropriated,
      decisionNo: `${fundCode}/QĐ-UBND`,
      decisionDate: `${options.year}-01-10`,
    }).expect(201);
  }
  return { fundCode };
}

/** Opens a fiscal year unless it is open already (tests share the run's database). */
export async function ensureYear(t: TestApp, finance: TestActor, year: number): Promise<void> {
  const res = await t.http.post('/api/v1/fiscal-years').set(finance.auth).send({ year });
  if (res.status !== 201 && res.status !== 409) throw new Error(`cannot open year ${year}: ${res.status} ${JSON.stringify(res.body)}`);
}

export async function unitFigures(t: TestApp, actor: TestActor, fundCode: string, year: number, unitId: string) {
  const res = await t.http.get('/api/v1/budget/summary').query({ fiscalYear: year, fundCode }).set(actor.auth).expect(200);
  const fund = res.body.funds.find((f: { fundCode: string }) => f.fundCode === fundCode);
  return { fund, unit: fund?.units.find((u: { unitId: string }) => u.unitId === unitId) };
}

export async function expectBalanced(t: TestApp, actor: TestActor, query: { fiscalYear?: number; fundCode?: string } = {}) {
  const res = await t.http.get('/api/v1/ledger/trial-balance').query(query).set(actor.auth).expect(200);
  if (!res.body.balanced) throw new Error(`trial balance does not hold: ${JSON.stringify(res.body)}`);
  return res.body;
}
