import { DataSource } from 'typeorm';
import { Money } from '../src/common/money/decimal';
import { formatMoneyVi } from '../src/common/money/format-vi';
import { PasswordHasher } from '../src/modules/identity/password-hasher';
import type { TestActor } from './support/actors';
import { expectBalanced, postMoney } from './support/budget';
import { startTestApp, TestApp } from './support/test-app';
import { approvedFile, cast, Cast } from './support/workflow';
import { PageClient, PASSWORD } from './web-support';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * One source for every figure: a file walked through advance, acceptance, settlement and final
 * payment (and another through a recovery), and after each step the file (API and page), its
 * settlement (API, the producer's and finance's pages), every section of the annual report and
 * the budget summary say the same thing about what was paid, is still to pay or to recover. Each
 * walk has a year and a fund of its own (2066, 2067), so the report's sections hold its file only.
 * A third walk cancels a file after an advance (2088): its recovery is told alike everywhere.
 * Also: the period report counts payments the treasury sent back (2068), and the file page offers
 * no request that can only be refused (2069), nor a cancellation or a settlement approval while a
 * request waits (2091).
 */
describe('one source for every figure', () => {
  let t: TestApp;
  const api = (path: string) => `/api/v1${path}`;
  let seq = 0;
  const ref = (label: string) => `KB-FG-${label}-${Date.now().toString(36)}${(seq++).toString(36)}`.toUpperCase();
  const vi = (amount: string) => formatMoneyVi(new Money(amount));

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** A cast member who can also sign in to the pages. */
  async function pages(actor: TestActor): Promise<PageClient> {
    const hash = await t.app.get(PasswordHasher).hash(PASSWORD);
    await t.app.get(DataSource).query('UPDATE users SET password_hash = ? WHERE id = ?', [hash, actor.id]);
    const client = new PageClient(t);
    await client.login(actor.email);
    return client;
  }

  function walk(c: Cast) {
    // Every step is dated the day each test starts on (the 2nd of March): a date in the future is refused.
    const day = `${c.year}-03-02`;
    return {
      contract: (id: string) => t.http.post(api(`/applications/${id}/contract`)).set(c.officer.auth).send({ contractNo: `HĐ-FG-${id}`, signedDate: day }).expect(200),
      pay: async (disbursementId: string) => {
        await t.http.post(api(`/disbursements/${disbursementId}/approve`)).set(c.finance2.auth).send({}).expect(200);
        await postMoney(t, c.finance, `/disbursements/${disbursementId}/pay`, { treasuryRef: ref('PAY'), valueDate: day }).expect(200);
      },
      advance: async (id: string, amount: string) => (await postMoney(t, c.officer, '/disbursements', { applicationId: id, kind: 'advance', amount, note: 'Tạm ứng' }).expect(201)).body.id as string,
      accept: (id: string) => t.http.post(api(`/applications/${id}/acceptance`)).set(c.officer.auth).send({ result: 'passed', date: day, minutesNo: `BB-FG-${id.slice(-5)}`, note: 'Đạt' }).expect(200),
      fileSettlement: async (id: string, eligible: string) =>
        (
          await t.http
            .post(api(`/applications/${id}/settlement`))
            .set(c.applicant.auth)
            .send({ actualCostLines: [{ description: 'Máy sấy', amount: eligible, eligible: true, documentRef: 'HĐ GTGT 01' }] })
            .expect(201)
        ).body.id as string,
      check: (settlementId: string) => t.http.post(api(`/settlements/${settlementId}/approve`)).set(c.finance.auth).send({}).expect(200),
      approve: async (settlementId: string) => (await t.http.post(api(`/settlements/${settlementId}/approve`)).set(c.leader.auth).send({}).expect(200)).body,
      receive: (recoveryId: string, amount: string) => postMoney(t, c.finance, `/recoveries/${recoveryId}/receive`, { amount, treasuryRef: ref('THU'), valueDate: day }).expect(200),
    };
  }

  interface Expected {
    status: string;
    committed: string;
    disbursed: string;
    recovered: string;
    /** Only once a settlement is filed: what it says now. */
    settlement?: { paid: string; recovered: string; balance: string | null };
    /** The recovery still outstanding (section VII), if any. */
    outstanding?: string;
    /** The file's recovery as its page lists it: owed, received, still outstanding. */
    recovery?: { amount: string; received: string; outstanding: string };
  }

  /**
   * Reads every place that speaks of the file's money and checks they tell one story, the one
   * `expected` tells: the file (API and page), its settlement (API; the producer's and finance's
   * pages), every section of the annual report and the budget summary.
   */
  async function agree(c: Cast, id: string, settlementId: string | null, expected: Expected, browsers: { owner: PageClient; finance: PageClient }) {
    const file = (await t.http.get(api(`/applications/${id}`)).set(c.applicant.auth).expect(200)).body;
    expect(file.status).toBe(expected.status);

    // The ledger's accounts of the file.
    const { accounts } = await expectBalanced(t, c.finance, { fundCode: c.fundCode, fiscalYear: c.year });
    const account = (kind: string) => accounts.find((a: Json) => a.kind === kind && a.applicationId === id)?.balance ?? '0';
    expect([account('commitment'), account('payee'), new Money(account('recovery')).neg().toFixed()]).toEqual([expected.committed, expected.disbursed, expected.recovered]);

    // The disbursement records: paid, net of returns.
    const disbursements = (await t.http.get(api('/disbursements')).query({ applicationId: id, pageSize: 100 }).set(c.finance.auth).expect(200)).body.items;
    const paid = disbursements.filter((d: Json) => d.status === 'paid').reduce((sum: Money, d: Json) => sum.plus(d.amount), new Money(0));
    expect(paid.toFixed()).toBe(expected.disbursed);

    // The budget summary: the centre holds this file only in this fund.
    const summary = (await t.http.get(api('/budget/summary')).query({ fiscalYear: c.year, fundCode: c.fundCode }).set(c.finance.auth).expect(200)).body;
    const unit = summary.funds[0].units.find((u: Json) => u.unitId === c.centre.id);
    expect({ committed: unit.committed, disbursed: unit.disbursed, recovered: unit.recovered }).toEqual({ committed: expected.committed, disbursed: expected.disbursed, recovered: expected.recovered });

    // Every section of the annual report.
    const report = (await t.http.get(api(`/reports/annual/${c.year}`)).set(c.finance.auth).expect(200)).body;
    const fund = report.funds.find((f: Json) => f.fundCode === c.fundCode); // I
    expect({ committed: fund.committed, disbursed: fund.disbursed, recovered: fund.recovered, available: fund.available }).toEqual({ committed: unit.committed, disbursed: unit.disbursed, recovered: unit.recovered, available: unit.available });
    const reportUnit = report.units.find((u: Json) => u.unitId === c.centre.id); // II
    expect({ committed: reportUnit.committed, disbursed: reportUnit.disbursed, recovered: reportUnit.recovered }).toEqual({ committed: expected.committed, disbursed: expected.disbursed, recovered: expected.recovered });
    for (const groups of [report.activityTypes, report.communes]) {
      // III, IV
      const sum = (field: string) => groups.reduce((s: Money, g: Json) => s.plus(g[field]), new Money(0)).toFixed();
      expect({ committed: sum('committed'), disbursed: sum('disbursed'), recovered: sum('recovered') }).toEqual({ committed: expected.committed, disbursed: expected.disbursed, recovered: expected.recovered });
    }
    const line = report.applications.find((a: Json) => a.applicationId === id); // V
    expect(line).toMatchObject({ status: expected.status, approvedSupport: file.approvedSupport, committed: expected.committed, disbursed: expected.disbursed, recovered: expected.recovered });
    const reportSettlement = report.settlements.find((s: Json) => s.applicationId === id); // VI
    const outstanding = report.recoveriesOutstanding.filter((r: Json) => r.applicationId === id); // VII
    expect(outstanding.map((r: Json) => r.outstanding)).toEqual(expected.outstanding ? [expected.outstanding] : []);
    expect(report.overdue.filter((o: Json) => o.applicationId === id)).toEqual([]); // VIII: on time, nothing overdue
    const [totals] = report.totals.filter((x: Json) => x.currency === 'VND');
    expect(new Money(totals.disbursed).gte(expected.disbursed)).toBe(true);

    // The file page (owner) and, once filed, the settlement: API and pages.
    const filePage = (await browsers.owner.get(`/ho-so/${id}`)).text;
    // Its payments: each paid one listed with its amount, and nothing listed as paid that was not.
    const paidRows = [...filePage.matchAll(/<td class="num">([^<]+)<\/td><td>Đã chi<\/td>/g)].map((m) => m[1]);
    expect(paidRows.sort()).toEqual(disbursements.filter((d: Json) => d.status === 'paid').map((d: Json) => vi(d.amount)).sort());
    // Its recovery, if one was opened: owed, received and outstanding as the records say now.
    const recoveryLines = [...filePage.matchAll(/<li>Phải thu hồi ([^,]+), đã thu ([^,]+), còn ([^ ]+(?: ₫)?) —/g)].map((m) => m.slice(1, 4));
    expect(recoveryLines).toEqual(expected.recovery ? [[vi(expected.recovery.amount), vi(expected.recovery.received), vi(expected.recovery.outstanding)]] : []);
    if (!settlementId) {
      expect(reportSettlement).toBeUndefined();
      return;
    }
    const settlement = (await t.http.get(api(`/settlements/${settlementId}`)).set(c.applicant.auth).expect(200)).body;
    expect({ paid: settlement.paid, recovered: settlement.recovered, balance: settlement.balance }).toEqual(expected.settlement);
    // Section VI says what the settlement says, and what was paid is what section V says was disbursed.
    expect(reportSettlement).toMatchObject({ paid: settlement.paid, recovered: settlement.recovered, balance: settlement.balance, finalSupport: settlement.finalSupport });
    expect(settlement.paid).toBe(line.disbursed);
    expect(settlement.recovered).toBe(line.recovered);
    if (settlement.balance !== null && new Money(settlement.balance).isNegative()) expect(new Money(settlement.balance).neg().toFixed()).toBe(expected.outstanding);
    const owed = (balance: string) => {
      const b = new Money(balance);
      const label = b.isNegative() ? 'Còn phải thu hồi' : b.isZero() ? 'Không còn phải chi hay thu hồi' : 'Còn phải chi';
      return [label, vi(b.abs().toFixed())] as const;
    };
    if (settlement.balance !== null) {
      const [label, amount] = owed(settlement.balance);
      expect(filePage).toContain(`<dt>Đã chi</dt><dd>${vi(settlement.paid)}</dd>`);
      expect(filePage).toContain(`<dt>${label}</dt><dd>${amount}</dd>`);
      for (const browser of [browsers.owner, browsers.finance]) {
        const page = (await browser.get(`/quyet-toan/${settlementId}`)).text.replace(/\s+/g, ' ');
        expect(page).toContain(`<span>Đã chi</span><strong>${vi(settlement.paid)}</strong>`);
        expect(page).toContain(`<span>${label}</span><strong>${amount}</strong>`);
      }
    }
  }

  it('advance, acceptance, settlement and final payment: every page and report agrees after each step', async () => {
    t.clock.set('2066-03-02T02:00:00Z');
    const c = await cast(t, 2066);
    const w = walk(c);
    const browsers = { owner: await pages(c.applicant), finance: await pages(c.finance) };
    const id = await approvedFile(t, c, { eligibleCost: '200000000', approvedSupport: '100000000' });
    await agree(c, id, null, { status: 'approved', committed: '100000000', disbursed: '0', recovered: '0' }, browsers);

    await w.contract(id);
    await w.pay(await w.advance(id, '70000000'));
    await agree(c, id, null, { status: 'contracted', committed: '30000000', disbursed: '70000000', recovered: '0' }, browsers);

    await w.accept(id);
    await agree(c, id, null, { status: 'accepted', committed: '30000000', disbursed: '70000000', recovered: '0' }, browsers);

    const settlementId = await w.fileSettlement(id, '200000000');
    await agree(c, id, settlementId, { status: 'settlement_submitted', committed: '30000000', disbursed: '70000000', recovered: '0', settlement: { paid: '70000000', recovered: '0', balance: null } }, browsers);
    await w.check(settlementId);
    const approved = await w.approve(settlementId);
    expect(approved).toMatchObject({ finalSupport: '100000000', paid: '70000000', balance: '30000000' });
    await agree(c, id, settlementId, { status: 'settlement_submitted', committed: '30000000', disbursed: '70000000', recovered: '0', settlement: { paid: '70000000', recovered: '0', balance: '30000000' } }, browsers);

    // The final payment is paid: the settlement, its pages and section VI say paid 100.000.000, nothing left.
    await w.pay(approved.finalPaymentId);
    await agree(c, id, settlementId, { status: 'settled', committed: '0', disbursed: '100000000', recovered: '0', settlement: { paid: '100000000', recovered: '0', balance: '0' } }, browsers);
  });

  it('advance, acceptance, settlement below what was paid and its recovery: every page and report agrees after each step', async () => {
    t.clock.set('2067-03-02T02:00:00Z');
    const c = await cast(t, 2067);
    const w = walk(c);
    const browsers = { owner: await pages(c.applicant), finance: await pages(c.finance) };
    const id = await approvedFile(t, c, { eligibleCost: '200000000', approvedSupport: '100000000' });
    await w.contract(id);
    await w.pay(await w.advance(id, '70000000'));
    await w.accept(id);
    const settlementId = await w.fileSettlement(id, '80000000');
    await w.check(settlementId);
    const approved = await w.approve(settlementId);
    expect(approved).toMatchObject({ finalSupport: '40000000', paid: '70000000', balance: '-30000000', released: '30000000' });
    await agree(c, id, settlementId, { status: 'settlement_submitted', committed: '0', disbursed: '70000000', recovered: '0', settlement: { paid: '70000000', recovered: '0', balance: '-30000000' }, outstanding: '30000000', recovery: { amount: '30000000', received: '0', outstanding: '30000000' } }, browsers);

    await w.receive(approved.recoveryId, '10000000');
    await agree(c, id, settlementId, { status: 'settlement_submitted', committed: '0', disbursed: '70000000', recovered: '10000000', settlement: { paid: '70000000', recovered: '10000000', balance: '-20000000' }, outstanding: '20000000', recovery: { amount: '30000000', received: '10000000', outstanding: '20000000' } }, browsers);

    await w.receive(approved.recoveryId, '20000000');
    await agree(c, id, settlementId, { status: 'settled', committed: '0', disbursed: '70000000', recovered: '30000000', settlement: { paid: '70000000', recovered: '30000000', balance: '0' }, recovery: { amount: '30000000', received: '30000000', outstanding: '0' } }, browsers);
  });

  it('advance, then the file cancelled: the recovery the cancellation opens is told alike everywhere until it is received', async () => {
    t.clock.set('2088-03-02T02:00:00Z');
    const c = await cast(t, 2088);
    const w = walk(c);
    const browsers = { owner: await pages(c.applicant), finance: await pages(c.finance) };
    const id = await approvedFile(t, c, { eligibleCost: '200000000', approvedSupport: '100000000' });
    await w.contract(id);
    await w.pay(await w.advance(id, '70000000'));
    await agree(c, id, null, { status: 'contracted', committed: '30000000', disbursed: '70000000', recovered: '0' }, browsers);

    const cancelled = (await t.http.post(api(`/applications/${id}/cancel`)).set(c.leader.auth).send({ reason: 'Cơ sở dừng dự án' }).expect(200)).body;
    expect(cancelled).toMatchObject({ status: 'cancelled', recoveryId: expect.any(String) });
    // What was not paid goes back to the unit; what was paid is owed back.
    await agree(c, id, null, { status: 'cancelled', committed: '0', disbursed: '70000000', recovered: '0', outstanding: '70000000', recovery: { amount: '70000000', received: '0', outstanding: '70000000' } }, browsers);

    await w.receive(cancelled.recoveryId, '25000000');
    await agree(c, id, null, { status: 'cancelled', committed: '0', disbursed: '70000000', recovered: '25000000', outstanding: '45000000', recovery: { amount: '70000000', received: '25000000', outstanding: '45000000' } }, browsers);

    await w.receive(cancelled.recoveryId, '45000000');
    await agree(c, id, null, { status: 'cancelled', committed: '0', disbursed: '70000000', recovered: '70000000', recovery: { amount: '70000000', received: '70000000', outstanding: '0' } }, browsers);
  });

  it('the period report counts a payment the treasury sent back: paid in the period it left, back in the period it returned', async () => {
    t.clock.set('2068-03-02T02:00:00Z');
    const c = await cast(t, 2068);
    const w = walk(c);
    const id = await approvedFile(t, c, { eligibleCost: '200000000', approvedSupport: '100000000' });
    await w.contract(id);
    const advance = await w.advance(id, '50000000');
    await t.http.post(api(`/disbursements/${advance}/approve`)).set(c.finance2.auth).send({}).expect(200);
    t.clock.set('2068-03-05T02:00:00Z');
    const out = ref('OUT');
    await postMoney(t, c.finance, `/disbursements/${advance}/pay`, { treasuryRef: out, valueDate: '2068-03-05' }).expect(200);
    t.clock.set('2068-04-10T02:00:00Z');
    const back = ref('IN');
    await postMoney(t, c.finance, `/disbursements/${advance}/return`, { treasuryRef: back, valueDate: '2068-04-10', reason: 'Sai số tài khoản' }).expect(200);

    const period = async (from: string, to: string) => (await t.http.get(api('/reports/period')).query({ from, to, unitId: c.centre.id }).set(c.finance.auth).expect(200)).body;
    const march = await period('2068-03-01', '2068-03-31');
    expect(march.payments.map((p: Json) => [p.disbursementId, p.amount, p.status, p.treasuryRef])).toEqual([[advance, '50000000', 'returned', out]]);
    expect(march.returns).toEqual([]);
    expect(march.totals[0]).toMatchObject({ payments: 1, paid: '50000000', returns: 0, paidBack: '0', netPaid: '50000000', disbursed: '50000000', returned: '0' });

    const april = await period('2068-04-01', '2068-04-30');
    expect(april.payments).toEqual([]);
    expect(april.returns.map((r: Json) => [r.disbursementId, r.amount, r.treasuryRef, r.valueDate, r.paidOn])).toEqual([[advance, '50000000', back, '2068-04-10', '2068-03-05']]);
    expect(april.totals[0]).toMatchObject({ payments: 0, paid: '0', returns: 1, paidBack: '50000000', netPaid: '-50000000', returned: '50000000' });

    const both = await period('2068-03-01', '2068-04-30');
    expect(both.totals[0]).toMatchObject({ paid: '50000000', paidBack: '50000000', netPaid: '0', disbursed: '50000000', returned: '50000000' });
    // What left the budget in the period is what the budget summary says was disbursed: nothing.
    const summary = (await t.http.get(api('/budget/summary')).query({ fiscalYear: 2068, fundCode: c.fundCode }).set(c.finance.auth).expect(200)).body;
    expect(summary.funds[0].units.find((u: Json) => u.unitId === c.centre.id).disbursed).toBe(both.totals[0].netPaid);
  });

  it('the file page offers no request that can only be refused: an advance past the limit, a payment the settlement already opened', async () => {
    t.clock.set('2069-05-02T02:00:00Z');
    const c = await cast(t, 2069);
    const w = walk(c);
    const [officer, finance] = [await pages(c.officer), await pages(c.finance)];
    const offers = async (id: string, browser: PageClient) => {
      const page = (await browser.get(`/ho-so/${id}`)).text;
      return { advance: page.includes('<summary>Đề nghị tạm ứng</summary>'), payment: page.includes('<summary>Đề nghị thanh toán</summary>') };
    };
    const id = await approvedFile(t, c, { eligibleCost: '200000000', approvedSupport: '100000000' });
    await w.contract(id);
    expect(await offers(id, officer)).toEqual({ advance: true, payment: false });
    expect((await officer.get(`/ho-so/${id}`)).text).toContain(`còn được đề nghị tối đa ${vi('70000000')}`);
    // 50.000.000 requested, not yet paid: 20.000.000 of the limit is left, still offered.
    const first = await w.advance(id, '50000000');
    expect(await offers(id, officer)).toEqual({ advance: true, payment: false });
    expect((await officer.get(`/ho-so/${id}`)).text).toContain(`còn được đề nghị tối đa ${vi('20000000')}`);
    await w.advance(id, '20000000');
    // The limit of 70.000.000 is used up: an advance request could only be refused.
    expect(await offers(id, officer)).toEqual({ advance: false, payment: false });
    expect(await offers(id, finance)).toEqual({ advance: false, payment: false });
    expect((await postMoney(t, c.officer, '/disbursements', { applicationId: id, kind: 'advance', amount: '1' }).expect(409)).body.code).toBe('LIMIT_EXCEEDED');
    await w.pay(first);

    await w.accept(id);
    expect(await offers(id, officer)).toEqual({ advance: false, payment: true });
    expect(await offers(id, finance)).toEqual({ advance: false, payment: true });
    const settlementId = await w.fileSettlement(id, '200000000');
    expect(await offers(id, officer)).toEqual({ advance: false, payment: true });
    // The second advance still waits: the leader's approval waits for it too.
    const pending = (await t.http.get(api('/disbursements')).query({ applicationId: id, status: 'requested' }).set(c.finance.auth).expect(200)).body.items;
    await t.http.post(api(`/disbursements/${pending[0].id}/reject`)).set(c.finance.auth).send({ reason: 'Thanh toán theo quyết toán' }).expect(200);
    await w.check(settlementId);
    const approved = await w.approve(settlementId);
    expect(approved.balance).toBe('50000000');
    // The settlement opened the final payment for all that is left: a payment request could only be refused.
    expect(await offers(id, officer)).toEqual({ advance: false, payment: false });
    expect(await offers(id, finance)).toEqual({ advance: false, payment: false });
    expect((await postMoney(t, c.officer, '/disbursements', { applicationId: id, kind: 'payment', amount: '1' }).expect(409)).body.code).toBe('LIMIT_EXCEEDED');
  });

  it('while a disbursement request waits for finance, no page offers what would be refused: the cancellation of the file, the approval of its settlement', async () => {
    t.clock.set('2091-05-02T02:00:00Z');
    const c = await cast(t, 2091);
    const w = walk(c);
    const leader = await pages(c.leader);
    const reject = (disbursementId: string) => t.http.post(api(`/disbursements/${disbursementId}/reject`)).set(c.finance.auth).send({ reason: 'Chưa cần' }).expect(200);
    const id = await approvedFile(t, c, { eligibleCost: '200000000', approvedSupport: '100000000' });
    await w.contract(id);
    const cancelForm = `action="/ho-so/${id}/huy"`;
    expect((await leader.get(`/ho-so/${id}`)).text).toContain(cancelForm);

    const advance = await w.advance(id, '30000000');
    const page = await leader.get(`/ho-so/${id}`);
    expect(page.text).not.toContain(cancelForm);
    // A hand-made cancellation is refused the same way, and the file stays as it was.
    const cancelled = await leader.post(`/ho-so/${id}/huy`, { reason: 'Cơ sở xin dừng' }, { from: `/ho-so/${id}` });
    expect(cancelled.status).toBe(409);
    expect(cancelled.text).toContain('Còn khoản chi đang chờ duyệt hoặc chờ chi');
    expect((await t.http.get(api(`/applications/${id}`)).set(c.finance.auth).expect(200)).body.status).toBe('contracted');
    await reject(advance);
    expect((await leader.get(`/ho-so/${id}`)).text).toContain(cancelForm);

    await w.accept(id);
    const settlementId = await w.fileSettlement(id, '200000000');
    await w.check(settlementId);
    const approveForm = `action="/quyet-toan/${settlementId}/duyet"`;
    expect((await leader.get(`/quyet-toan/${settlementId}`)).text).toContain(approveForm);
    const payment = (await postMoney(t, c.officer, '/disbursements', { applicationId: id, kind: 'payment', amount: '10000000', note: 'Thanh toán' }).expect(201)).body.id as string;
    const settlementPage = await leader.get(`/quyet-toan/${settlementId}`);
    expect(settlementPage.text).not.toContain(approveForm);
    const approved = await leader.post(`/quyet-toan/${settlementId}/duyet`, {}, { from: `/quyet-toan/${settlementId}` });
    expect(approved.status).toBe(409);
    expect((await t.http.get(api(`/settlements/${settlementId}`)).set(c.finance.auth).expect(200)).body.status).toBe('checked');
    await reject(payment);
    expect((await leader.get(`/quyet-toan/${settlementId}`)).text).toContain(approveForm);
  });
});
