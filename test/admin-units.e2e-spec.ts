import { uniqueTaxCode } from './support/files';
import { startTestApp, TestApp } from './support/test-app';
import { approvedFile, cast, Cast } from './support/workflow';
import { PageClient, webUser } from './web-support';

/**
 * The national list of administrative units in force since 1 July 2025 (Quyết định
 * 19/2025/QĐ-TTg): served to anyone at /admin-units, checked for every commune code the service
 * takes, and read by the reports to print a commune's name instead of its code.
 */
const YEAR = 2082;

type Unit = { code: string; name: string; kind: string; provinceCode: string | null };

describe('administrative units', () => {
  let t: TestApp;
  let c: Cast;

  beforeAll(async () => {
    t = await startTestApp();
    c = await cast(t, YEAR);
  });
  afterAll(() => t.close());

  const list = (query: Record<string, string> = {}) => t.http.get('/api/v1/admin-units').query(query);

  it('lists the 34 provinces and cities to anyone, signed in or not', async () => {
    const anonymous = (await list().expect(200)).body as Unit[];
    expect(anonymous).toHaveLength(34);
    expect(anonymous[0]).toEqual({ code: '01', name: 'Thành phố Hà Nội', kind: 'city', provinceCode: null });
    expect(anonymous.at(-1)).toEqual({ code: '96', name: 'Tỉnh Cà Mau', kind: 'province', provinceCode: null });
    expect(anonymous.filter((u) => u.kind === 'city').map((u) => u.name)).toEqual([
      'Thành phố Hà Nội',
      'Thành phố Hải Phòng',
      'Thành phố Huế',
      'Thành phố Đà Nẵng',
      'Thành phố Hồ Chí Minh',
      'Thành phố Cần Thơ',
    ]);
    expect(anonymous.filter((u) => u.kind === 'province')).toHaveLength(28);
    // the same list for a signed-in producer
    expect((await list().set(c.applicant.auth).expect(200)).body).toEqual(anonymous);
  });

  it("lists a province's communes, wards and special zones: 3,321 in all", async () => {
    const vinhLong = (await list({ provinceCode: '86' }).expect(200)).body as Unit[];
    expect(vinhLong).toHaveLength(124);
    expect(vinhLong.every((u) => u.provinceCode === '86' && /^\d{5}$/.test(u.code))).toBe(true);
    expect(vinhLong).toContainEqual({ code: '29263', name: 'Phường Long Đức', kind: 'ward', provinceCode: '86' });
    expect((await list({ provinceCode: '91' }).expect(200)).body).toContainEqual({ code: '31078', name: 'Đặc khu Phú Quốc', kind: 'special_zone', provinceCode: '91' });

    const provinces = (await list().expect(200)).body as Unit[];
    const communes: Unit[] = [];
    for (const p of provinces) communes.push(...(await list({ provinceCode: p.code }).expect(200)).body);
    expect(communes).toHaveLength(3321);
    const kinds = communes.reduce<Record<string, number>>((n, u) => ({ ...n, [u.kind]: (n[u.kind] ?? 0) + 1 }), {});
    expect(kinds).toEqual({ commune: 2621, ward: 687, special_zone: 13 });
  });

  it('refuses a province code that is malformed or not in the list, naming provinceCode', async () => {
    for (const provinceCode of ['8', 'x1', '00004', '83' /* Tỉnh Bến Tre, merged into Tỉnh Vĩnh Long */, '29263']) {
      const res = await list({ provinceCode }).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect({ provinceCode, code: res.body.code, fields: res.body.errors.map((e: { field: string }) => e.field) }).toEqual({ provinceCode, code: 'VALIDATION_FAILED', fields: ['provinceCode'] });
    }
    expect((await list({ provinceCode: '83' }).expect(400)).body.errors[0].message).toBe('không có tỉnh, thành phố mã 83 trong danh mục đơn vị hành chính');
  });

  const establishment = (communeCode: string, taxCode = uniqueTaxCode()) =>
    t.http
      .post('/api/v1/establishments')
      .set(c.applicant.auth)
      .send({ name: 'Cơ sở dệt chiếu Định Yên', kind: 'household_business', taxCode, communeCode, address: 'Ấp An Ninh', representative: 'Lê Thị Hoa', phone: '0912345678', employees: 6 });

  it('refuses to register an establishment in a commune not in the list, naming communeCode; registers it in one that is', async () => {
    // an old code dropped on 1 July 2025 (Phường Phúc Xá, Hà Nội), a made-up one, a province's code
    for (const communeCode of ['00001', '99999', '86', 'X29263']) {
      const taxCode = uniqueTaxCode();
      const res = await establishment(communeCode, taxCode).expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'communeCode', message: `không có xã/phường mã ${communeCode} trong danh mục đơn vị hành chính` }] });
      expect((await t.http.get('/api/v1/establishments').query({ taxCode }).set(c.applicant.auth).expect(200)).body.total).toBe(0);
    }
    // a ward, a commune, a special zone
    for (const communeCode of ['29263', '30226', '31078']) await establishment(communeCode).expect(201);
  });

  it("on the producer's pages: a code not in the list is refused beside its field; the list of establishments names the commune", async () => {
    const producer = await webUser(t, ['applicant']);
    const browser = new PageClient(t);
    await browser.login(producer.email);
    const fields = { name: 'Cơ sở đan lục bình', kind: 'household_business', taxCode: uniqueTaxCode(), communeCode: '28757', address: 'Ấp Phú Khương', representative: 'Trần Văn Bé', phone: '0912345678', employees: '4' };
    const refused = await browser.post('/co-so/moi', fields, { from: '/co-so/moi' });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('<p class="error" id="f-communeCode-error">không có xã/phường mã 28757 trong danh mục đơn vị hành chính</p>');
    expect((await browser.post('/co-so/moi', { ...fields, communeCode: '29263' }, { from: '/co-so/moi' })).status).toBe(303);
    expect((await browser.get('/co-so')).text).toContain('Ấp Phú Khương, Phường Long Đức, Tỉnh Vĩnh Long (mã xã');
  });

  it("refuses a file's commune not in the list, when drafted and when changed, naming communeCode", async () => {
    const est = (await establishment('30226').expect(201)).body;
    const body = { establishmentId: est.id, activityTypeCode: 'machinery', fiscalYear: YEAR, fundCode: c.fundCode, title: 'Ứng dụng máy dệt chiếu' };
    const refused = await t.http.post('/api/v1/applications').set(c.applicant.auth).send({ ...body, communeCode: '28757' }).expect(400);
    expect(refused.body.errors).toEqual([{ field: 'communeCode', message: 'không có xã/phường mã 28757 trong danh mục đơn vị hành chính' }]);

    // without a commune of its own, the file takes the establishment's
    const draft = (await t.http.post('/api/v1/applications').set(c.applicant.auth).send(body).expect(201)).body;
    expect(draft.communeCode).toBe('30226');
    const change = await t.http.patch(`/api/v1/applications/${draft.id}`).set(c.applicant.auth).send({ communeCode: '99999' }).expect(400);
    expect(change.body.errors).toEqual([{ field: 'communeCode', message: 'không có xã/phường mã 99999 trong danh mục đơn vị hành chính' }]);
    const changed = await t.http.patch(`/api/v1/applications/${draft.id}`).set(c.applicant.auth).send({ communeCode: '29263' }).expect(200);
    expect(changed.body.communeCode).toBe('29263');
  });

  it("the annual review names the file's commune and its province, in JSON and in the CSV people read", async () => {
    const id = await approvedFile(t, c); // in Phường Long Đức (29263)
    const report = (await t.http.get(`/api/v1/reports/annual/${YEAR}`).set(c.finance.auth).expect(200)).body;
    expect(report.communes.find((x: { communeCode: string }) => x.communeCode === '29263')).toMatchObject({
      communeName: 'Phường Long Đức',
      provinceName: 'Tỉnh Vĩnh Long',
      applications: 1,
      approvedSupport: '300000000',
    });
    expect(report.applications.find((a: { applicationId: string }) => a.applicationId === id)).toMatchObject({ communeCode: '29263', communeName: 'Phường Long Đức' });

    const csv = (await t.http.get(`/api/v1/reports/annual/${YEAR}`).query({ format: 'csv' }).set(c.finance.auth).expect(200)).text;
    const communeLine = csv.split(/\r?\n/).find((line) => line.startsWith('29263,'));
    expect(communeLine).toMatch(/^29263,Phường Long Đức,Tỉnh Vĩnh Long,1,300000000,/);
  });
});
