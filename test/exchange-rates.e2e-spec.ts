import { DataSource } from 'typeorm';
import { createActor, createUnit, TestActor } from './support/actors';
import { usdSponsorFund } from './support/budget';
import { attachRequiredDocuments, registerEstablishment, sampleFileBody } from './support/files';
import { startTestApp, TestApp } from './support/test-app';

const api = (path: string) => `/api/v1${path}`;

/**
 * A sponsor's fund in USD under a rule capped in đồng: refused (409 naming both currencies and the
 * rate it needs) until finance records a rate of exchange; from the day a rate is in force, the
 * file is held to the cap converted into dollars at that rate, rounded down to the cent.
 * Dates in 2093 (this file's year): no other file's figures are taken on a day the rates reach.
 */
describe('exchange rates: a cap in another currency holds a file once a rate is given', () => {
  const YEAR = 2093;
  let t: TestApp;
  let admin: TestActor;
  let applicant: TestActor;
  let finance: TestActor;
  let leader: TestActor;
  let usdFund: string;
  let establishmentId: string;
  const code = `input16_fx_${Date.now().toString(36)}`;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(`${YEAR}-03-10T03:00:00Z`);
    const centreId = (await createUnit(t, 'centre')).id;
    [admin, applicant, finance, leader] = await Promise.all([
      createActor(t, ['admin']),
      createActor(t, ['applicant']),
      createActor(t, ['finance']),
      createActor(t, ['leader']),
    ]);
    usdFund = await usdSponsorFund(t, finance, YEAR, centreId, 'PB-INPUT16-FX');
    ({ id: establishmentId } = await registerEstablishment(t, applicant, 'Công ty TNHH Gốm Lái Thiêu', undefined, { kind: 'enterprise', employees: 40 }));
    // The rule for sponsors' files: 50 % of the eligible cost, at most 1.000.000.000 đ.
    await t.http
      .post(api('/activity-types'))
      .set(admin.auth)
      .send({ code, name: 'Máy móc tiên tiến (tài trợ)', fundSource: 'sponsor', supportRate: '0.5', supportCap: '1000000000', advanceRate: '0.7', effectiveFrom: `${YEAR}-03-01` })
      .expect(201);
  });
  afterAll(() => t.close());

  // Eligible cost 100.000,00 USD: 50 % is 50.000,00 USD, above the cap at any rate over 20.000 đ a dollar.
  const draft = () =>
    t.http.post(api('/applications')).set(applicant.auth).send(sampleFileBody({ establishmentId, year: YEAR, fundCode: usdFund, requestedSupport: '30000.00', eligibleCost: '100000.00', activityTypeCode: code }));
  const rate = (body: Record<string, unknown>, by = finance) => t.http.post(api('/exchange-rates')).set(by.auth).send({ fromCurrency: 'USD', toCurrency: 'VND', ...body });

  it('without a rate, the file is refused with 409 naming both currencies and the rate it needs', async () => {
    const res = await draft();
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('INVALID_STATE');
    expect(res.body.detail).toContain('VND/USD');
    expect(res.body.detail).toContain('tỷ giá');
  });

  it('finance records a rate (audited), validated, once per pair and day; leaders read them', async () => {
    await rate({ rate: '25400', validFrom: `${YEAR}-03-01` }, leader).expect(403);
    for (const bad of ['0', '-25400', '25.400,5', 25400, '1e4', '1234567890123']) {
      const res = await rate({ rate: bad, validFrom: `${YEAR}-03-01` }).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'rate' })]);
    }
    expect((await rate({ toCurrency: 'USD', rate: '1', validFrom: `${YEAR}-03-01` }).expect(400)).body.errors[0].field).toBe('toCurrency');
    // A rate from tomorrow does not hold today's figures.
    await rate({ rate: '26000', validFrom: `${YEAR}-03-11` }).expect(201);
    expect((await draft()).status).toBe(409);

    const created = await rate({ rate: '25400', validFrom: `${YEAR}-03-01`, source: 'Tỷ giá hạch toán tháng 3' }).expect(201);
    expect(created.body).toMatchObject({ fromCurrency: 'USD', toCurrency: 'VND', rate: '25400', validFrom: `${YEAR}-03-01`, createdBy: finance.id });
    // The same pair from the same day, either way round, is a duplicate.
    expect((await rate({ rate: '25500', validFrom: `${YEAR}-03-01` }).expect(409)).body.code).toBe('DUPLICATE');
    expect((await rate({ fromCurrency: 'VND', toCurrency: 'USD', rate: '0.00004', validFrom: `${YEAR}-03-01` }).expect(409)).body.code).toBe('DUPLICATE');

    const listed = await t.http.get(api('/exchange-rates')).query({ currency: 'USD' }).set(leader.auth).expect(200);
    expect(listed.body.items.map((r: { id: string }) => r.id)).toContain(created.body.id);
    const audited: Array<{ action: string }> = await t.app.get(DataSource).query('SELECT action FROM audit_log WHERE entity_id = ?', [created.body.id]);
    expect(audited.map((a) => a.action)).toEqual(['exchange_rate.create']);
  });

  it("with a rate in force, the file is taken and held to the cap converted into its fund's currency, rounded down", async () => {
    // 1.000.000.000 đ at 25.400 đ a dollar is 39.370,078… USD: the file may have 39.370,07.
    const created = await draft().expect(201);
    expect(created.body).toMatchObject({ currency: 'USD', eligibleCost: '100000.00', maxSupport: '39370.07' });
    // The next day the later rate is in force: the figures taken again at submission follow it.
    t.clock.set(`${YEAR}-03-11T03:00:00Z`);
    await attachRequiredDocuments(t, applicant.auth, created.body.id);
    const submitted = await t.http.post(api(`/applications/${created.body.id}/submit`)).set(applicant.auth).expect(200);
    // 1.000.000.000 / 26.000 = 38.461,538… → 38.461,53.
    expect(submitted.body.maxSupport).toBe('38461.53');
  });
});
