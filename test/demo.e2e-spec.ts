import { DataSource } from 'typeorm';
import { dropDatabase } from '../src/database/ensure-database';
import { parseDatabaseUrl, withDatabase } from '../src/database/database-url';
import { DEMO_ESTABLISHMENT, DEMO_FILES, DEMO_FUND, DEMO_USERS } from '../src/demo/demo-province';
import { DemoSeed, DemoSeedResult } from '../src/demo/demo-seed';
import { startTestAppOnFreshDatabase, TestApp } from './support/test-app';
import { PageClient } from './web-support';
import { attachRequiredDocuments } from './support/files';

const api = (path: string) => `/api/v1${path}`;
const title = (stage: (typeof DEMO_FILES)[number]['stage']) => DEMO_FILES.find((f) => f.stage === stage)!.title;

describe('the demo province: a working year for every role', () => {
  // A database of its own: the demo seeds only into an empty one.
  const base = process.env.DATABASE_URL!;
  const url = withDatabase(base, `${parseDatabaseUrl(base).database}_demo`);
  let t: TestApp;
  let seeded: DemoSeedResult;
  let year: number;
  const tokens = new Map<string, string>();
  const as = (role: string) => ({ Authorization: `Bearer ${tokens.get(role)}` });
  const passwordOf = (role: string) => seeded.logins.find((l) => l.role === role)!.password;
  const emailOf = (role: string) => seeded.logins.find((l) => l.role === role)!.email;
  const page = async (role: string, path = '/') => {
    const browser = new PageClient(t);
    await browser.login(emailOf(role), passwordOf(role));
    const res = await browser.get(path);
    expect(res.status).toBe(200);
    return res.text;
  };
  const count = async (table: string) => Number((await t.app.get(DataSource).query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    t = await startTestAppOnFreshDatabase(url);
    year = Number.parseInt(t.clock.today().slice(0, 4), 10);
  });
  afterAll(async () => {
    await t?.close();
    await dropDatabase(url);
  });

  it('all or nothing: a seed that fails half-way leaves nothing behind, and the next one succeeds', async () => {
    // A fund with the demo's code makes the seed fail after the units and users are written.
    const db = t.app.get(DataSource);
    await db.query("INSERT INTO funds (id, code, name, source, sponsor_name, currency, created_at) VALUES ('01JDEMOBLOCKER000000000000', ?, 'chặn', 'local', NULL, 'VND', NOW(3))", [DEMO_FUND.code]);
    await expect(t.app.get(DemoSeed).seed()).rejects.toMatchObject({ code: 'DUPLICATE' });
    expect({ units: await count('units'), users: await count('users'), audit: await count('audit_log'), transfers: await count('ledger_transfers') }).toEqual({
      units: 0,
      users: 0,
      audit: 0,
      transfers: 0,
    });
    await db.query('DELETE FROM funds WHERE code = ?', [DEMO_FUND.code]);

    seeded = await t.app.get(DemoSeed).seed();
    expect(await count('users')).toBe(DEMO_USERS.length);
    expect(await count('applications')).toBe(DEMO_FILES.length);
  });

  it('returns one login per role and a Vietnamese summary without passwords', async () => {
    // A login per role, and a second leader: a deputy director with a field of work.
    expect(seeded.logins.map((l) => l.role).sort()).toEqual(['admin', 'applicant', 'auditor', 'finance', 'head', 'leader', 'leader', 'officer']);
    const summary = seeded.summary.join('\n');
    expect(summary).toContain('Sở Công Thương Đồng Tháp');
    expect(summary).toContain(`năm ngân sách ${year}: dự toán 5.000.000.000 ₫`);
    for (const login of seeded.logins) expect(summary).not.toContain(login.password);
    for (const login of seeded.logins) {
      const res = await t.http.post(api('/auth/login')).send({ email: login.email, password: login.password }).expect(200);
      expect(res.body.user).toMatchObject({ email: login.email, fullName: login.fullName, roles: [login.role] });
      if (!tokens.has(login.role)) tokens.set(login.role, res.body.accessToken);
      else tokens.set('deputy', res.body.accessToken);
    }
  });

  it('shows the deputy director the files of their field, marked as theirs', async () => {
    const deputy = seeded.logins.find((l) => l.email === 'phogiamdoc@demo.kcfund.vn')!;
    const browser = new PageClient(t);
    await browser.login(deputy.email, deputy.password);
    const home = (await browser.get('/')).text;
    expect(home).toContain('Thuộc lĩnh vực phụ trách');
    expect(home).toContain('Ứng dụng máy ép viên nén mùn cưa làm chất đốt sinh học');
  });

  it('the producer sees the fund on the application form, and files, saves and submits a new application', async () => {
    expect(await page('applicant', '/ho-so/moi')).toContain(DEMO_FUND.code);
    const mine = await t.http.get(api('/applications?pageSize=50')).set(as('applicant')).expect(200);
    expect(mine.body.items.map((a: { status: string }) => a.status).sort()).toEqual(
      ['approved', 'contracted', 'initialed', 'settled', 'submitted', 'under_review'].sort(),
    );
    // Each demo file carries the documents its activity type requires, their bytes in place once the seed committed.
    const submittedFile = mine.body.items.find((a: { status: string }) => a.status === 'submitted');
    const detail = await t.http.get(api(`/applications/${submittedFile.id}`)).set(as('applicant')).expect(200);
    const documents = detail.body.documents as Array<{ id: string; kind: string }>;
    expect(documents.map((d) => d.kind).sort()).toEqual(['project_plan', 'quotation']);
    const bytes = await t.http.get(api(`/applications/${submittedFile.id}/documents/${documents[0].id}`)).set(as('applicant')).buffer(true).expect(200);
    expect(bytes.headers['content-type']).toBe('application/pdf');
    expect(bytes.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const establishments = await t.http.get(api('/establishments')).set(as('applicant')).expect(200);
    expect(establishments.body.items).toHaveLength(1);

    const draft = await t.http
      .post(api('/applications'))
      .set(as('applicant'))
      .send({
        establishmentId: establishments.body.items[0].id,
        activityTypeCode: 'machinery',
        fiscalYear: year,
        fundCode: DEMO_FUND.code,
        title: 'Ứng dụng máy sấy lúa tầng sôi',
        communeCode: DEMO_ESTABLISHMENT.communeCode,
        startDate: `${year + 1}-03-01`,
        endDate: `${year + 1}-09-30`,
        costLines: [{ description: 'Máy sấy lúa tầng sôi 10 tấn/mẻ', quantity: '1', unitPrice: '500000000', eligible: true }],
        requestedSupport: '250000000',
      })
      .expect(201);
    expect(draft.body).toMatchObject({ status: 'draft', eligibleCost: '500000000', maxSupport: '250000000' });
    await attachRequiredDocuments(t, as('applicant'), draft.body.id);
    const submitted = await t.http.post(api(`/applications/${draft.body.id}/submit`)).set(as('applicant')).expect(200);
    expect(submitted.body.status).toBe('submitted');
  });

  it('the head finds the demo file in the intake queue', async () => {
    const html = await page('head');
    expect(html).toContain('Hồ sơ mới nộp cần giao xử lý');
    expect(html).toContain(title('submitted'));
    const intake = await t.http.get(api('/applications?status=submitted')).set(as('head')).expect(200);
    expect(intake.body.items.map((a: { title: string }) => a.title)).toContain(title('submitted'));
  });

  it('the officer finds the file assigned to them, with its open consultation, and the approved files to follow', async () => {
    const me = (await t.http.get(api('/me')).set(as('officer')).expect(200)).body;
    const review = await t.http.get(api(`/applications?status=under_review&officerId=${me.id}`)).set(as('officer')).expect(200);
    expect(review.body.items).toHaveLength(1);
    const file = await t.http.get(api(`/applications/${review.body.items[0].id}`)).set(as('officer')).expect(200);
    expect(file.body).toMatchObject({ title: title('under_review'), officerId: me.id, overdue: false });
    expect(file.body.consultations).toHaveLength(1);
    expect(file.body.consultations[0]).toMatchObject({ status: 'open' });
    const html = await page('officer');
    for (const stage of ['under_review', 'approved', 'contracted'] as const) expect(html).toContain(title(stage));
  });

  it('the leader finds the initialed file to decide', async () => {
    const html = await page('leader');
    expect(html).toContain('Hồ sơ đã ký tắt, chờ quyết định');
    expect(html).toContain(title('initialed'));
  });

  it('finance finds the advance to approve and the consultation to answer', async () => {
    const requested = await t.http.get(api('/disbursements?status=requested')).set(as('finance')).expect(200);
    expect(requested.body.items).toHaveLength(1);
    expect(requested.body.items[0]).toMatchObject({ kind: 'advance', amount: '315000000', status: 'requested' });
    const html = await page('finance');
    expect(html).toContain('Khoản chi chờ duyệt');
    expect(html).toContain(title('approved'));
    expect(html).toContain('Đề nghị cho ý kiến về khả năng bố trí kinh phí');

    // Maker-checker held on the paid ones: requested by the officer (or, for the final payment,
    // the leader who approved the settlement), approved and paid by finance.
    const paid = await t.http.get(api('/disbursements?status=paid')).set(as('finance')).expect(200);
    expect(paid.body.items.map((d: { kind: string; amount: string }) => `${d.kind} ${d.amount}`).sort()).toEqual(
      ['advance 140000000', 'advance 196000000', 'final 50000000'].sort(),
    );
    for (const d of paid.body.items) expect(d.requestedBy).not.toBe(d.approvedBy);
  });

  it('the settled file went through acceptance, settlement checked by finance and approved by a leader, and its final payment', async () => {
    const files = await t.http.get(api('/applications?status=settled')).set(as('auditor')).expect(200);
    expect(files.body.items).toHaveLength(1);
    // The API lists no settlements (only the pages do); read the id, then go through the API.
    const [{ id }] = await t.app.get(DataSource).query('SELECT id FROM settlements WHERE application_id = ?', [files.body.items[0].id]);
    const settlement = await t.http.get(api(`/settlements/${id}`)).set(as('auditor')).expect(200);
    expect(settlement.body).toMatchObject({
      status: 'approved',
      approvedSupport: '200000000',
      actualEligibleCost: '380000000',
      finalSupport: '190000000',
      // Read now, after the final payment of 50.000.000 was paid: nothing left to pay.
      paid: '190000000',
      balance: '0',
      released: '10000000',
      approvedCapacity: 'leader',
    });
    expect(settlement.body.checkedBy).not.toBe(settlement.body.approvedBy);
    const finalPayment = await t.http.get(api(`/disbursements/${settlement.body.finalPaymentId}`)).set(as('auditor')).expect(200);
    expect(finalPayment.body).toMatchObject({ kind: 'final', amount: '50000000', status: 'paid' });
  });

  it('the budget shows the figures seeded, the ledger balances and the audit chain holds', async () => {
    const summary = await t.http.get(api('/budget/summary')).query({ fiscalYear: year, fundCode: DEMO_FUND.code }).set(as('auditor')).expect(200);
    const units = await t.http.get(api('/units?pageSize=50')).set(as('auditor')).expect(200);
    const unitId = (code: string) => units.body.items.find((u: { code: string }) => u.code === code).id;
    const fund = summary.body.funds[0];
    expect(fund).toMatchObject({ fundCode: DEMO_FUND.code, source: 'local', currency: 'VND', fiscalYear: year, appropriated: '5000000000', unallocated: '1500000000' });
    const unit = (code: string) => fund.units.find((u: { unitId: string }) => u.unitId === unitId(code));
    // Centre: 3 bn allocated; committed 84 M (280 M approved − 196 M advance) + 450 M; disbursed
    // 196 M + 140 M + 50 M; 10 M of the settled file's commitment came back.
    expect(unit('TTKC')).toMatchObject({ allocated: '3000000000', committed: '534000000', disbursed: '386000000', recovered: '0', available: '2080000000' });
    expect(unit('XA-LAI-VUNG')).toMatchObject({ allocated: '500000000', committed: '0', disbursed: '0', available: '500000000' });

    const trial = await t.http.get(api('/ledger/trial-balance')).set(as('finance')).expect(200);
    expect(trial.body.balanced).toBe(true);
    const verify = await t.http.get(api('/audit/verify')).set(as('auditor')).expect(200);
    expect(verify.body.ok).toBe(true);
    const report = await t.http.get(api(`/reports/annual/${year}?format=json`)).set(as('auditor')).expect(200);
    expect(report.body.funds[0]).toMatchObject({ fundCode: DEMO_FUND.code, appropriated: '5000000000' });
  });

  it('nothing is overdue on the first day', async () => {
    const overdue = await t.http.get(api('/applications?overdue=true')).set(as('leader')).expect(200);
    expect(overdue.body.total).toBe(0);
  });

  it('the admin finds the demo users', async () => {
    const users = await t.http.get(api('/users?pageSize=50')).set(as('admin')).expect(200);
    expect(users.body.items.map((u: { email: string }) => u.email).sort()).toEqual(DEMO_USERS.map((u) => u.email).sort());
  });
});

describe('the demo province seeded in the first hour of a year', () => {
  const base = process.env.DATABASE_URL!;
  const url = withDatabase(base, `${parseDatabaseUrl(base).database}_demo_newyear`);
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestAppOnFreshDatabase(url);
  });
  afterAll(async () => {
    await t?.close();
    await dropDatabase(url);
  });

  it('opens the year of Asia/Ho_Chi_Minh (still the old year in UTC) and dates nothing before it began', async () => {
    t.clock.set('2026-12-31T18:30:00Z'); // 01:30 on 1 January 2027 in Hà Nội
    const { summary, logins } = await t.app.get(DemoSeed).seed();
    expect(summary.join('\n')).toContain('năm ngân sách 2027');
    const finance = logins.find((l) => l.role === 'finance')!;
    const token = (await t.http.post(api('/auth/login')).send({ email: finance.email, password: finance.password }).expect(200)).body.accessToken;
    const auth = { Authorization: `Bearer ${token}` };
    const years = await t.http.get(api('/fiscal-years')).set(auth).expect(200);
    expect(years.body).toEqual([expect.objectContaining({ year: 2027, status: 'open' })]);
    const summaryRes = await t.http.get(api('/budget/summary')).query({ fiscalYear: 2027 }).set(auth).expect(200);
    expect(summaryRes.body.funds[0]).toMatchObject({ appropriated: '5000000000', unallocated: '1500000000' });
    // DATE columns come back as 'YYYY-MM-DD': two contracts, three payments, one acceptance.
    const dates: Array<{ d: string }> = await t.app
      .get(DataSource)
      .query('SELECT signed_date AS d FROM contracts UNION ALL SELECT value_date FROM disbursements WHERE value_date IS NOT NULL UNION ALL SELECT accepted_date FROM acceptances');
    expect(dates.map((r) => r.d)).toEqual(Array(6).fill('2027-01-01'));
    expect((await t.http.get(api('/ledger/trial-balance')).set(auth).expect(200)).body.balanced).toBe(true);
  });
});
