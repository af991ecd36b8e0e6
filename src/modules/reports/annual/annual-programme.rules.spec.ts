import fc from 'fast-check';
import { Money } from '../../../common/money/decimal';
import { noOutcomes, outcomeTotals, planAgainstActual, planTotalsByCurrency, type FundedFiles, type PaidOut, type PlannedLine } from './annual-programme.rules';

const M = (v: string | number) => new Money(v);
const U1 = '01JAAAAAAAAAAAAAAAAAAAAAAA';
const U2 = '01JBBBBBBBBBBBBBBBBBBBBBBB';
const plan = (over: Partial<PlannedLine> = {}): PlannedLine => ({ activityTypeCode: 'machinery', unitId: U1, fundCode: 'KCDP', currency: 'VND', plannedCount: 10, plannedBudget: M('3000000000'), ...over });
const files = (over: Partial<FundedFiles> = {}): FundedFiles => ({ activityTypeCode: 'machinery', unitId: U1, fundCode: 'KCDP', currency: 'VND', count: 4, approvedSupport: M('1200000000'), ...over });
const paid = (over: Partial<PaidOut> = {}): PaidOut => ({ activityTypeCode: 'machinery', unitId: U1, fundCode: 'KCDP', currency: 'VND', disbursed: M('700000000'), ...over });
const plain = (rows: ReturnType<typeof planAgainstActual>) =>
  rows.map((r) => [r.activityTypeCode, r.unitId === U1 ? 'U1' : 'U2', r.fundCode, r.inPlan, r.plannedCount, r.plannedBudget.toFixed(), r.actualCount, r.approvedSupport.toFixed(), r.disbursed.toFixed()]);

describe('planAgainstActual', () => {
  it('sets each plan line against its files and payments', () => {
    const rows = planAgainstActual({ plan: [plan(), plan({ activityTypeCode: 'demo_model', plannedCount: 2, plannedBudget: M('1000000000') })], files: [files()], paid: [paid()] });
    expect(plain(rows)).toEqual([
      ['demo_model', 'U1', 'KCDP', true, 2, '1000000000', 0, '0', '0'],
      ['machinery', 'U1', 'KCDP', true, 10, '3000000000', 4, '1200000000', '700000000'],
    ]);
  });

  it('keeps what was done outside the plan, in rows of its own, and money on accounts without a file last', () => {
    const rows = planAgainstActual({
      plan: [plan()],
      files: [files({ unitId: U2 }), files({ fundCode: 'KCQG', count: 1, approvedSupport: M('50000000') })],
      paid: [paid({ unitId: U2, disbursed: M('10') }), paid({ activityTypeCode: null, disbursed: M('5') })],
    });
    expect(plain(rows)).toEqual([
      ['machinery', 'U1', 'KCDP', true, 10, '3000000000', 0, '0', '0'],
      ['machinery', 'U1', 'KCQG', false, 0, '0', 1, '50000000', '0'],
      ['machinery', 'U2', 'KCDP', false, 0, '0', 4, '1200000000', '10'],
      [null, 'U1', 'KCDP', false, 0, '0', 0, '0', '5'],
    ]);
  });

  it('gives no rows for an empty year', () => {
    expect(planAgainstActual({ plan: [], files: [], paid: [] })).toEqual([]);
  });

  it('loses nothing: the rows add up to the plan, the files and the payments, per currency', () => {
    const activity = fc.constantFrom('machinery', 'demo_model');
    const unit = fc.constantFrom(U1, U2);
    const fund = fc.constantFrom(['KCDP', 'VND'] as const, ['JICA', 'USD'] as const);
    const amount = fc.bigInt({ min: 0n, max: 10n ** 14n }).map((v) => M(v.toString()));
    const planned = fc.record({ activityTypeCode: activity, unitId: unit, fund, plannedCount: fc.nat(1000), plannedBudget: amount }).map(({ fund: [fundCode, currency], ...r }) => ({ ...r, fundCode, currency }));
    const funded = fc.record({ activityTypeCode: activity, unitId: unit, fund, count: fc.nat(1000), approvedSupport: amount }).map(({ fund: [fundCode, currency], ...r }) => ({ ...r, fundCode, currency }));
    const payee = fc.record({ activityTypeCode: fc.option(activity), unitId: unit, fund, disbursed: amount }).map(({ fund: [fundCode, currency], ...r }) => ({ ...r, fundCode, currency }));
    fc.assert(
      fc.property(fc.array(planned, { maxLength: 6 }), fc.array(funded, { maxLength: 6 }), fc.array(payee, { maxLength: 6 }), (p, f, d) => {
        const rows = planAgainstActual({ plan: p, files: f, paid: d });
        const totals = planTotalsByCurrency(rows);
        for (const currency of ['VND', 'USD']) {
          const t = totals.find((x) => x.currency === currency);
          const sum = <T>(xs: T[], pick: (x: T) => Money) => xs.reduce((s, x) => s.plus(pick(x)), M(0)).toFixed();
          const mine = <T extends { currency: string }>(xs: T[]) => xs.filter((x) => x.currency === currency);
          expect(t?.plannedBudget.toFixed() ?? '0').toBe(sum(mine(p), (x) => x.plannedBudget));
          expect(t?.plannedCount ?? 0).toBe(mine(p).reduce((n, x) => n + x.plannedCount, 0));
          expect(t?.actualCount ?? 0).toBe(mine(f).reduce((n, x) => n + x.count, 0));
          expect(t?.approvedSupport.toFixed() ?? '0').toBe(sum(mine(f), (x) => x.approvedSupport));
          expect(t?.disbursed.toFixed() ?? '0').toBe(sum(mine(d), (x) => x.disbursed));
        }
        // one row per (activity, unit, fund, currency), and a plan line is never reported as unplanned
        const keys = rows.map((r) => `${r.activityTypeCode}|${r.unitId}|${r.fundCode}|${r.currency}`);
        expect(new Set(keys).size).toBe(keys.length);
        for (const line of p) expect(rows.find((r) => r.activityTypeCode === line.activityTypeCode && r.unitId === line.unitId && r.fundCode === line.fundCode)?.inPlan).toBe(true);
      }),
    );
  });
});

describe('planTotalsByCurrency', () => {
  it('puts VND first', () => {
    const rows = planAgainstActual({ plan: [plan({ fundCode: 'JICA', currency: 'USD', plannedBudget: M('10.5') }), plan()], files: [], paid: [] });
    expect(planTotalsByCurrency(rows).map((t) => [t.currency, t.plannedBudget.toFixed()])).toEqual([
      ['VND', '3000000000'],
      ['USD', '10.5'],
    ]);
  });
});

describe('outcomeTotals', () => {
  it('adds up every outcome and both counts over the activity types', () => {
    const group = (code: string, n: number) => ({ code, name: null, acceptedFiles: n, reportedFiles: n - 1, jobsCreated: 10 * n, jobsKept: 20 * n, womenWorkers: 5 * n, disabledWorkers: n, trainees: 30 * n, modelsBuilt: n });
    expect(outcomeTotals([group('machinery', 2), group('demo_model', 3)])).toEqual({ acceptedFiles: 5, reportedFiles: 3, jobsCreated: 50, jobsKept: 100, womenWorkers: 25, disabledWorkers: 5, trainees: 150, modelsBuilt: 5 });
    expect(outcomeTotals([])).toEqual(noOutcomes());
  });
});
