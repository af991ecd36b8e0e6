import type { Actor, Role } from '../src/common/auth/actor';
import { Forbidden } from '../src/common/http/domain-error';
import { BudgetSummaryService } from '../src/modules/budget/budget-summary.service';
import { BudgetService } from '../src/modules/budget/budget.service';
import { InstallSetupService } from '../src/modules/administration/install-setup.service';
import { BudgetSetupService } from '../src/modules/budget/budget-setup.service';
import { YearCloseService } from '../src/modules/budget/year-close.service';
import { EstablishmentsService } from '../src/modules/establishments/establishments.service';
import { LedgerReadService } from '../src/modules/ledger/ledger-read.service';
import { ReversalRequestsService } from '../src/modules/ledger/reversal-requests.service';
import { ListDecisionService } from '../src/modules/applications/list-decision.service';
import { CallsService } from '../src/modules/calls/calls.service';
import { ExchangeRatesService } from '../src/modules/exchange-rates/exchange-rates.service';
import { AnnualNarrativeService } from '../src/modules/programme/annual-narrative.service';
import { AnnualPlanService } from '../src/modules/programme/annual-plan.service';
import { CommendationsService } from '../src/modules/programme/commendations.service';
import { createActor, createUnit, TestActor } from './support/actors';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Every use case begins with its own access check, so the API and the pages (which call the same
 * services without the API's route decorators) cannot diverge: called straight on the service as
 * someone without the role, each refuses before it reads or changes anything.
 */
describe('use cases check their caller first, whoever calls them', () => {
  let t: TestApp;
  const as = (a: TestActor): Actor => ({ id: a.id, email: a.email, fullName: 'Người thử', roles: a.roles, unitId: a.unitId });
  const actors = {} as Record<Role, Actor>;

  beforeAll(async () => {
    t = await startTestApp();
    const unit = await createUnit(t);
    for (const role of ['applicant', 'officer', 'head', 'leader', 'finance', 'auditor', 'admin'] as const) {
      actors[role] = as(await createActor(t, [role], role === 'applicant' ? null : unit.id));
    }
  });
  afterAll(() => t.close());

  const budget = () => t.app.get(BudgetService);
  const summaries = () => t.app.get(BudgetSummaryService);
  const ledgerRead = () => t.app.get(LedgerReadService);
  const reversals = () => t.app.get(ReversalRequestsService);
  const money = { fundCode: 'KHONG-CO', fiscalYear: 2099, amount: '1000' };

  const cases: Array<[string, Role[], (actor: Actor) => Promise<unknown>]> = [
    ['create a fund', ['finance'], (a) => budget().createFund(a, { code: 'X1', name: 'Quỹ', source: 'local', currency: 'VND' } as never)],
    ['open a fiscal year', ['finance'], (a) => budget().openFiscalYear(a, { year: 2099 })],
    ['appropriate', ['finance'], (a) => budget().appropriate(a, { ...money, decisionNo: '1', decisionDate: '2099-01-01' } as never)],
    ['allocate', ['finance'], (a) => budget().allocate(a, { ...money, unitId: a.id, decisionNo: '1' } as never)],
    ['split an allocation', ['finance'], (a) => budget().split(a, { ...money, shares: [{ unitId: a.id, weight: 1 }] } as never)],
    ['transfer between units', ['finance'], (a) => budget().transferBetweenUnits(a, { ...money, fromUnitId: a.id, toUnitId: a.id, reason: 'r' } as never)],
    ['return an allocation', ['finance'], (a) => budget().returnAllocation(a, { ...money, unitId: a.id, reason: 'r' } as never)],
    ['close a year', ['finance'], (a) => t.app.get(YearCloseService).close(a, 2099, { carryOverCommitments: true, carryOverAllocations: false })],
    ['ask for a transfer to be reversed', ['finance'], (a) => reversals().request(a, '01JZZZZZZZZZZZZZZZZZZZZZZZ', 'lý do')],
    ['approve a reversal request', ['finance'], (a) => reversals().approve(a, '01JZZZZZZZZZZZZZZZZZZZZZZZ')],
    ['reject a reversal request', ['finance'], (a) => reversals().reject(a, '01JZZZZZZZZZZZZZZZZZZZZZZZ', 'lý do')],
    ['read the reversal requests', ['finance', 'auditor'], (a) => reversals().list(a, { page: 1, pageSize: 10 } as never)],
    ['read a reversal request', ['finance', 'auditor'], (a) => reversals().get(a, '01JZZZZZZZZZZZZZZZZZZZZZZZ')],
    ['read the transfers', ['finance', 'auditor'], (a) => ledgerRead().transfers(a, { page: 1, pageSize: 10 } as never)],
    ['read the trial balance', ['finance', 'auditor'], (a) => ledgerRead().trialBalance(a, {})],
    ['read the budget summary', ['finance', 'leader', 'auditor'], (a) => summaries().summary(a, {})],
    ['read the budget set-up steps', ['finance'], (a) => t.app.get(BudgetSetupService).setup(a)],
    ['read whether the books are ready', ['officer', 'head', 'leader', 'finance', 'auditor', 'admin'], (a) => t.app.get(BudgetSetupService).notReady(a)],
    ["read the units holding a fund's money", ['officer', 'head', 'leader', 'finance', 'auditor', 'admin'], (a) => t.app.get(BudgetSetupService).fundedUnits(a, 'KHONG-CO', 2099)],
    ["read the installation's set-up steps", ['admin'], (a) => t.app.get(InstallSetupService).steps(a)],
    ['set the annual plan', ['finance', 'leader'], (a) => t.app.get(AnnualPlanService).replacePlan(a, '2099', { items: [] })],
    ['read the annual plan', ['officer', 'head', 'leader', 'finance', 'auditor', 'admin'], (a) => t.app.get(AnnualPlanService).getPlan(a, '2099')],
    ["write the annual review's assessment", ['finance', 'leader'], (a) => t.app.get(AnnualNarrativeService).saveNarrative(a, '2099', { results: '', difficulties: '', causes: '', proposals: '' })],
    ['record a commendation', ['leader'], (a) => t.app.get(CommendationsService).commend(a, { fiscalYear: 2099 } as never)],
    ['read the commendations', ['officer', 'head', 'leader', 'finance', 'auditor', 'admin'], (a) => t.app.get(CommendationsService).list(a, 2099)],
    ["change an establishment's classification", ['applicant'], (a) => t.app.get(EstablishmentsService).update(a, '01JZZZZZZZZZZZZZZZZZZZZZZZ', { womenWorkers: 1 })],
    ["verify an establishment's classification", ['officer', 'head'], (a) => t.app.get(EstablishmentsService).verifyClassification(a, '01JZZZZZZZZZZZZZZZZZZZZZZZ', {})],
    [
      'open a call for applications',
      ['leader', 'head'],
      (a) => t.app.get(CallsService).create(a, { title: 'Đợt', fiscalYear: 2099, fundCode: 'KHONG-CO', activityTypeCodes: ['machinery'], opensOn: '2099-01-01', closesOn: '2099-01-31' }),
    ],
    // Deciding is a leader's, or a delegate's of any staff role that may receive a delegation.
    ['decide a list of files', ['leader', 'head', 'officer', 'finance'], (a) => t.app.get(ListDecisionService).decide(a, { applicationIds: ['01JZZZZZZZZZZZZZZZZZZZZZZZ'] })],
    ['record an exchange rate', ['finance'], (a) => t.app.get(ExchangeRatesService).record(a, { fromCurrency: 'XUA', toCurrency: 'XUB', rate: '2', validFrom: '2099-01-01' })],
    ['read the exchange rates', ['finance', 'leader', 'auditor'], (a) => t.app.get(ExchangeRatesService).list(a, { page: 1, pageSize: 10 } as never)],
    ['read a list decision', ['officer', 'head', 'leader', 'finance', 'auditor', 'admin'], (a) => t.app.get(ListDecisionService).get(a, '01JZZZZZZZZZZZZZZZZZZZZZZZ')],
  ];

  it.each(cases)('%s: refused to everyone but %j, before anything else', async (_name, allowed, call) => {
    for (const role of Object.keys(actors) as Role[]) {
      if (allowed.includes(role)) continue;
      await expect(call(actors[role])).rejects.toBeInstanceOf(Forbidden);
    }
  });

  it('lets anyone signed in read the funds and fiscal years a producer applies for', async () => {
    for (const actor of Object.values(actors)) {
      await expect(budget().listFunds(actor)).resolves.toEqual(expect.any(Array));
      await expect(budget().listFiscalYears(actor)).resolves.toEqual(expect.any(Array));
      await expect(t.app.get(BudgetSetupService).openBooks(actor)).resolves.toEqual(expect.any(Array));
    }
    const res = await t.http.get('/api/v1/funds').set((await createActor(t, ['applicant'])).auth);
    expect(res.status).toBe(200);
  });
});
