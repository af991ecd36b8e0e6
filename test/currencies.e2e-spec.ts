import { createActor, createUnit, TestActor } from './support/actors';
import { usdSponsorFund } from './support/budget';
import { attachRequiredDocuments, registerEstablishment, sampleFileBody } from './support/files';
import { startTestApp, TestApp } from './support/test-app';

const api = (path: string) => `/api/v1${path}`;
let codeSeq = 0;
const freshCode = (stem: string) => `${stem}_c${Date.now().toString(36)}${codeSeq++}`;

/**
 * A rule's cap is an amount in a currency. A file whose fund is in another currency (a sponsor's
 * fund in USD under a cap in đồng) is refused with 409 naming both currencies wherever its
 * figures are computed (draft, submission, recommendation, decision), until a rule speaks its
 * currency; a rule without a cap takes any currency.
 */
describe('currencies: a cap applies only in its own currency', () => {
  const YEAR = 2057;
  const DAY_1 = `${YEAR}-03-10T03:00:00Z`;
  const DAY_2 = `${YEAR}-03-11T03:00:00Z`;
  let t: TestApp;
  let admin: TestActor;
  let applicant: TestActor;
  let officer: TestActor;
  let head: TestActor;
  let leader: TestActor;
  let centreId: string;
  let usdFund: string;
  let establishmentId: string;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(DAY_1);
    centreId = (await createUnit(t, 'centre')).id;
    const finance = await createActor(t, ['finance']);
    [admin, applicant, officer, head, leader] = await Promise.all([
      createActor(t, ['admin']),
      createActor(t, ['applicant']),
      createActor(t, ['officer'], centreId),
      createActor(t, ['head'], centreId),
      createActor(t, ['leader']),
    ]);
    usdFund = await usdSponsorFund(t, finance, YEAR, centreId, 'PB-USD');
    ({ id: establishmentId } = await registerEstablishment(t, applicant, 'Công ty TNHH Gốm Lái Thiêu', undefined, { kind: 'enterprise', employees: 40 }));
  });
  afterAll(() => t.close());

  const publish = (body: Record<string, unknown>) => t.http.post(api('/activity-types')).set(admin.auth).send({ supportRate: '0.5', advanceRate: '0.7', ...body });
  const draft = (activityTypeCode: string) =>
    t.http.post(api('/applications')).set(applicant.auth).send(sampleFileBody({ establishmentId, year: YEAR, fundCode: usdFund, requestedSupport: '15000.00', eligibleCost: '40000.00', activityTypeCode }));
  const expectCurrencyRefusal = (res: { status: number; body: { code?: string; detail?: string } }) => {
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('INVALID_STATE');
    expect(res.body.detail).toContain('VND');
    expect(res.body.detail).toContain('USD');
  };

  it('publishes a cap in a currency, shown with it; a cap in đồng stays the default', async () => {
    const usd = await publish({ code: freshCode('sponsor_machinery'), name: 'Máy móc (tài trợ)', fundSource: 'sponsor', supportCap: '20000.50', capCurrency: 'USD', effectiveFrom: `${YEAR}-03-10` }).expect(201);
    expect(usd.body).toMatchObject({ supportCap: '20000.50', capCurrency: 'USD', fundSource: 'sponsor' });
    const vnd = await publish({ code: freshCode('machinery'), name: 'Máy móc', supportCap: '300000000', effectiveFrom: `${YEAR}-03-10` }).expect(201);
    expect(vnd.body).toMatchObject({ supportCap: '300000000', capCurrency: 'VND' });
    // A cap is parsed in its currency: đồng have no fraction.
    await publish({ code: freshCode('machinery'), name: 'Máy móc', supportCap: '300000000.50', effectiveFrom: `${YEAR}-03-10` }).expect(400);
    await publish({ code: freshCode('machinery'), name: 'Máy móc', supportCap: '1000', capCurrency: 'usd', effectiveFrom: `${YEAR}-03-10` }).expect(400);
  });

  it('a file in USD under a cap in USD is held to that cap', async () => {
    const code = freshCode('sponsor_line');
    await publish({ code, name: 'Dây chuyền (tài trợ)', fundSource: 'sponsor', supportCap: '20000.00', capCurrency: 'USD', effectiveFrom: `${YEAR}-03-10` }).expect(201);
    const created = await draft(code).expect(201);
    expect(created.body).toMatchObject({ currency: 'USD', maxSupport: '20000.00' });
    await attachRequiredDocuments(t, applicant.auth, created.body.id);
    await t.http.post(api(`/applications/${created.body.id}/submit`)).set(applicant.auth).expect(200);
  });

  it('a file in USD under a cap in VND is refused with 409 naming both currencies', async () => {
    const code = freshCode('sponsor_demo');
    await publish({ code, name: 'Mô hình (tài trợ)', fundSource: 'sponsor', supportCap: '1000000000', effectiveFrom: `${YEAR}-03-10` }).expect(201);
    expectCurrencyRefusal(await draft(code));
  });

  it('a rule without a cap applies to a file in any currency', async () => {
    const created = await draft('fair_abroad').expect(201);
    expect(created.body).toMatchObject({ currency: 'USD', maxSupport: '40000.00' });
    await attachRequiredDocuments(t, applicant.auth, created.body.id);
    await t.http.post(api(`/applications/${created.body.id}/submit`)).set(applicant.auth).expect(200);
  });

  it('a capped rule in VND coming into force later refuses the USD file at submission, recommendation and decision', async () => {
    t.clock.set(DAY_1);
    const code = freshCode('sponsor_tech');
    await publish({ code, name: 'Công nghệ (tài trợ)', fundSource: 'sponsor', supportCap: '20000.00', capCurrency: 'USD', effectiveFrom: `${YEAR}-03-10` }).expect(201);
    const toSubmit = (await draft(code).expect(201)).body.id;
    const toRecommend = (await draft(code).expect(201)).body.id;
    const toDecide = (await draft(code).expect(201)).body.id;
    for (const id of [toRecommend, toDecide]) {
      await attachRequiredDocuments(t, applicant.auth, id);
      await t.http.post(api(`/applications/${id}/submit`)).set(applicant.auth).expect(200);
      await t.http.post(api(`/applications/${id}/assign`)).set(head.auth).send({ officerId: officer.id, leadUnitId: centreId, dueDate: `${YEAR}-12-31` }).expect(200);
      await t.http.post(api(`/applications/${id}/appraisals`)).set(officer.auth).send({ score: 80, recommendation: 'approve' }).expect(201);
    }
    await t.http.post(api(`/applications/${toDecide}/recommend`)).set(officer.auth).send({ approvedSupport: '15000.00', allocationUnitId: centreId, note: 'Đủ điều kiện' }).expect(200);
    await t.http.post(api(`/applications/${toDecide}/initial`)).set(head.auth).send({}).expect(200);

    // From the next day the province's version in đồng is in force for the sponsor's files.
    await publish({ code, name: 'Công nghệ (tài trợ)', fundSource: 'sponsor', supportCap: '450000000', effectiveFrom: `${YEAR}-03-11` }).expect(201);
    t.clock.set(DAY_2);
    await attachRequiredDocuments(t, applicant.auth, toSubmit);
    expectCurrencyRefusal(await t.http.post(api(`/applications/${toSubmit}/submit`)).set(applicant.auth));
    expectCurrencyRefusal(
      await t.http.post(api(`/applications/${toRecommend}/recommend`)).set(officer.auth).send({ approvedSupport: '15000.00', allocationUnitId: centreId, note: 'Đủ điều kiện' }),
    );
    expectCurrencyRefusal(await t.http.post(api(`/applications/${toDecide}/decide`)).set(leader.auth).send({ decision: 'approve', decisionNo: `${toDecide.slice(-6)}/QĐ-SCT`, reason: 'Đồng ý' }));
    const states = await Promise.all([toSubmit, toRecommend, toDecide].map(async (id) => (await t.http.get(api(`/applications/${id}`)).set(applicant.auth).expect(200)).body.status));
    expect(states).toEqual(['draft', 'under_review', 'initialed']);
  });
});
