import { createActor, TestActor } from './support/actors';
import { startTestApp, TestApp } from './support/test-app';

interface ActivityType {
  code: string;
  name: string;
  fundSource: string | null;
  supportRate: string;
  supportCap: string | null;
  advanceRate: string;
  settlementDueDays: number;
  effectiveFrom: string;
  effectiveTo: string | null;
}

/** Tests that publish versions use codes of their own: the run's database is shared with other suites. */
let codeSeq = 0;
const freshCode = (stem: string) => `${stem}_t${Date.now().toString(36)}${codeSeq++}`;

const find = (list: ActivityType[], code: string, fundSource: string | null = null) =>
  list.find((a) => a.code === code && a.fundSource === fundSource);

describe('the activity catalogue', () => {
  let t: TestApp;
  let admin: TestActor;
  let applicant: TestActor;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set('2026-03-10T03:00:00Z');
    admin = await createActor(t, ['admin']);
    applicant = await createActor(t, ['applicant']);
  });
  afterAll(() => t.close());

  it('seeds the national defaults of DOMAIN.md, in force today for every fund source', async () => {
    const res = await t.http.get('/api/v1/activity-types').set(applicant.auth).expect(200);
    const list = res.body as ActivityType[];
    const plan = ['project_plan'];
    const planAndQuotes = ['project_plan', 'quotation'];
    const expected: Array<[string, string, string | null, string, string[]]> = [
      ['demo_model', '0.3', '1000000000', '0.7', planAndQuotes],
      ['machinery', '0.5', '300000000', '0.7', planAndQuotes],
      ['technology_line', '0.5', '450000000', '0.7', planAndQuotes],
      ['product_selection_regional', '1', '200000000', '0.7', plan],
      ['product_selection_national', '1', '400000000', '0.7', plan],
      ['fair_abroad', '1', null, '0.7', planAndQuotes],
      ['cluster_infrastructure', '1', '6000000000', '0.3', plan],
    ];
    // In force: the version that asks for the documents (from the day after the seeded one, which asked for none).
    for (const [code, supportRate, supportCap, advanceRate, requiredDocumentKinds] of expected) {
      expect(find(list, code)).toEqual(
        expect.objectContaining({ supportRate, supportCap, advanceRate, settlementDueDays: 15, fundSource: null, effectiveFrom: '2018-05-13', effectiveTo: null, requiredDocumentKinds }),
      );
      const versions = (await t.http.get(`/api/v1/activity-types/${code}/versions`).set(applicant.auth).expect(200)).body as Array<ActivityType & { requiredDocumentKinds: string[] }>;
      expect(versions.slice(0, 2).map((v) => [v.effectiveFrom, v.effectiveTo, v.requiredDocumentKinds, v.supportCap])).toEqual([
        ['2018-05-12', '2018-05-12', [], supportCap],
        ['2018-05-13', null, requiredDocumentKinds, supportCap],
      ]);
    }
    expect(find(list, 'demo_model')!.name).toMatch(/mô hình trình diễn/);
  });

  it('a new version starts on its date without touching the old one; ?on= shows either', async () => {
    const code = freshCode('machinery');
    const rule = { code, supportRate: '0.5', advanceRate: '0.7' };
    await t.http
      .post('/api/v1/activity-types')
      .set(admin.auth)
      .send({ ...rule, name: 'Ứng dụng máy móc thiết bị tiên tiến', supportCap: '300000000', effectiveFrom: '2018-05-12' })
      .expect(201);
    const created = await t.http
      .post('/api/v1/activity-types')
      .set(admin.auth)
      .send({ ...rule, name: 'Ứng dụng máy móc thiết bị tiên tiến (mới)', supportCap: '350000000', effectiveFrom: '2026-07-01' })
      .expect(201);
    expect(created.body).toMatchObject({ code, supportCap: '350000000', effectiveFrom: '2026-07-01', effectiveTo: null, fundSource: null, settlementDueDays: 15 });

    const today = (await t.http.get('/api/v1/activity-types').set(applicant.auth).expect(200)).body as ActivityType[];
    expect(find(today, code)).toMatchObject({ supportCap: '300000000', effectiveFrom: '2018-05-12', effectiveTo: '2026-06-30' });
    const lastDay = (await t.http.get('/api/v1/activity-types?on=2026-06-30').set(applicant.auth).expect(200)).body as ActivityType[];
    expect(find(lastDay, code)!.supportCap).toBe('300000000');
    const later = (await t.http.get('/api/v1/activity-types?on=2026-07-01').set(applicant.auth).expect(200)).body as ActivityType[];
    expect(find(later, code)).toMatchObject({ supportCap: '350000000', effectiveFrom: '2026-07-01', effectiveTo: null, name: expect.stringMatching(/\(mới\)$/) });
    const earlier = (await t.http.get('/api/v1/activity-types?on=2018-05-11').set(applicant.auth).expect(200)).body as ActivityType[];
    expect(find(earlier, code)).toBeUndefined();

    const versions = (await t.http.get(`/api/v1/activity-types/${code}/versions`).set(applicant.auth).expect(200)).body as ActivityType[];
    expect(versions.map((v) => [v.effectiveFrom, v.supportCap, v.effectiveTo])).toEqual([
      ['2018-05-12', '300000000', '2026-06-30'],
      ['2026-07-01', '350000000', null],
    ]);
  });

  it('a version for one fund source stands beside the rule for all sources', async () => {
    const code = freshCode('demo');
    const rule = { code, name: 'Mô hình trình diễn', supportRate: '0.3', supportCap: '1000000000', advanceRate: '0.7', effectiveFrom: '2018-05-12' };
    await t.http.post('/api/v1/activity-types').set(admin.auth).send(rule).expect(201);
    await t.http
      .post('/api/v1/activity-types')
      .set(admin.auth)
      .send({ ...rule, name: 'Mô hình trình diễn (ngân sách địa phương)', fundSource: 'local', supportRate: '0.4', supportCap: '800000000', advanceRate: '0.5', settlementDueDays: 30, effectiveFrom: '2026-01-01' })
      .expect(201);
    const list = (await t.http.get('/api/v1/activity-types').set(applicant.auth).expect(200)).body as ActivityType[];
    expect(find(list, code, 'local')).toMatchObject({ supportRate: '0.4', supportCap: '800000000', advanceRate: '0.5', settlementDueDays: 30 });
    expect(find(list, code, null)).toMatchObject({ supportRate: '0.3', supportCap: '1000000000' });
  });

  it('refuses a start before the version in force (409) and a second version on the same day (409 DUPLICATE)', async () => {
    const base = { code: 'technology_line', name: 'Dây chuyền công nghệ', supportRate: '0.5', supportCap: '500000000', advanceRate: '0.7' };
    const before = await t.http.post('/api/v1/activity-types').set(admin.auth).send({ ...base, effectiveFrom: '2017-12-31' }).expect(409);
    expect(before.body.code).toBe('INVALID_STATE');
    const same = await t.http.post('/api/v1/activity-types').set(admin.auth).send({ ...base, effectiveFrom: '2018-05-12' }).expect(409);
    expect(same.body.code).toBe('DUPLICATE');
    const list = (await t.http.get('/api/v1/activity-types').set(applicant.auth).expect(200)).body as ActivityType[];
    expect(find(list, 'technology_line')!.supportCap).toBe('450000000');
  });

  it('a new code may start on any date', async () => {
    const vocational = freshCode('vocational_training');
    await t.http
      .post('/api/v1/activity-types')
      .set(admin.auth)
      .send({ code: vocational, name: 'Đào tạo nghề, truyền nghề', fundSource: 'local', supportRate: '1', supportCap: '150000000', advanceRate: '0.7', effectiveFrom: '2025-01-01' })
      .expect(201);
    const list = (await t.http.get('/api/v1/activity-types?on=2025-06-01').set(applicant.auth).expect(200)).body as ActivityType[];
    expect(find(list, vocational, 'local')).toMatchObject({ supportCap: '150000000' });
  });

  it('only an admin publishes a version', async () => {
    await t.http
      .post('/api/v1/activity-types')
      .set(applicant.auth)
      .send({ code: 'demo_model', name: 'x', supportRate: '0.3', supportCap: '1', advanceRate: '0.7', effectiveFrom: '2027-01-01' })
      .expect(403);
  });

  it.each([
    ['supportRate', '1.5'],
    ['supportRate', 0.3],
    ['advanceRate', '-0.1'],
    ['supportCap', '1e9'],
    ['supportCap', '1.000.000'],
    ['supportCap', 1000000],
    ['supportCap', '100.50'],
    ['effectiveFrom', '2026-02-30'],
    ['fundSource', 'province'],
    ['code', 'Bad Code'],
    ['settlementDueDays', 0],
  ])('bad %s (%p) is a 400 naming it', async (field, value) => {
    const body = { code: 'demo_model', name: 'Mô hình', supportRate: '0.3', supportCap: '1000000000', advanceRate: '0.7', effectiveFrom: '2027-01-01', [field]: value };
    const res = await t.http.post('/api/v1/activity-types').set(admin.auth).send(body).expect(400);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });

  it('a bad ?on= is a 400 naming it', async () => {
    const res = await t.http.get('/api/v1/activity-types?on=10/03/2026').set(applicant.auth).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'on' })]);
  });
});
