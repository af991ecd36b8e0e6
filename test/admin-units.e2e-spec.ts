import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dropDatabase } from '../src/database/ensure-database';
import { parseDatabaseUrl, withDatabase } from '../src/database/database-url';
import { runStartupTasks } from '../src/startup';
import { createActor, TestActor } from './support/actors';
import { uniqueTaxCode } from './support/files';
import { startTestAppOnFreshDatabase, TestApp } from './support/test-app';
import { approvedFile, cast, Cast } from './support/workflow';
import { PageClient, webUser } from './web-support';

/**
 * The list of administrative units: the repository ships none, so a fresh installation has an
 * empty list (codes are then checked for their form only, names print as codes) until its staff
 * load the official one, at start (ADMIN_UNITS_FILE) or through POST /admin-units/import. Once a
 * list is loaded it is served to anyone at /admin-units, every commune code is checked against it
 * and the reports print the commune's name. A database of its own: a loaded list would refuse the
 * commune codes of the other test files sharing the run's database.
 */
const YEAR = 2082;

type Unit = { code: string; name: string; kind: string; provinceCode: string | null };

/** A few units of the official list (Quyết định 19/2025/QĐ-TTg), typed for the test: the codes the test helpers and the demo use. */
const FIXTURE = [
  '# Danh mục đơn vị hành chính (trích, cho phép thử)',
  '# source: https://danhmuchanhchinh.nso.gov.vn/ (trích 9 đơn vị)',
  '# date: 2025-07-01',
  '01\tcity\tThành phố Hà Nội\t',
  '82\tprovince\tTỉnh Đồng Tháp\t',
  '86\tprovince\tTỉnh Vĩnh Long\t',
  '91\tprovince\tTỉnh An Giang\t',
  '00004\tward\tPhường Ba Đình\t01',
  '30112\tcommune\tXã Mỹ Hiệp\t82',
  '30226\tcommune\tXã Lai Vung\t82',
  '29263\tward\tPhường Long Đức\t86',
  '31078\tspecial_zone\tĐặc khu Phú Quốc\t91',
].join('\n');

describe('administrative units', () => {
  const base = process.env.DATABASE_URL!;
  const url = withDatabase(base, `${parseDatabaseUrl(base).database}_adminunits`);
  const fixturePath = join(mkdtempSync(join(tmpdir(), 'kcfund-admin-units-')), 'don-vi-hanh-chinh.tsv');
  let t: TestApp;
  let c: Cast;
  let admin: TestActor;

  beforeAll(async () => {
    writeFileSync(fixturePath, `${FIXTURE}\n`);
    t = await startTestAppOnFreshDatabase(url, { ADMIN_UNITS_FILE: fixturePath });
    c = await cast(t, YEAR);
    admin = await createActor(t, ['admin']);
  });
  afterAll(async () => {
    await t?.close();
    await dropDatabase(url);
  });

  const list = (query: Record<string, string> = {}) => t.http.get('/api/v1/admin-units').query(query);
  const establishment = (communeCode: string, taxCode = uniqueTaxCode()) =>
    t.http
      .post('/api/v1/establishments')
      .set(c.applicant.auth)
      .send({ name: 'Cơ sở dệt chiếu Định Yên', kind: 'household_business', taxCode, communeCode, address: 'Ấp An Ninh', representative: 'Lê Thị Hoa', phone: '0912345678', employees: 6 });
  const importTsv = (text: string, as: TestActor = admin) => t.http.post('/api/v1/admin-units/import').set(as.auth).attach('file', Buffer.from(text, 'utf8'), 'don-vi-hanh-chinh.tsv');
  const auditEntries = async () =>
    (await t.app.get(DataSource).query("SELECT actor_id, capacity, after_json FROM audit_log WHERE action = 'admin-units.import' ORDER BY seq")) as Array<{
      actor_id: string | null;
      capacity: string;
      after_json: string | object;
    }>;
  const afterOf = (entry: { after_json: string | object }) => (typeof entry.after_json === 'string' ? JSON.parse(entry.after_json) : entry.after_json);

  it('with no list loaded: lists nothing, takes any well-formed 5-digit commune code, refuses a malformed one', async () => {
    expect((await list().expect(200)).body).toEqual([]);
    expect((await list({ provinceCode: '86' }).expect(400)).body.errors).toEqual([{ field: 'provinceCode', message: 'không có tỉnh, thành phố mã 86 trong danh mục đơn vị hành chính' }]);
    await establishment('28757').expect(201); // not in the official list, but there is no list to check it against
    for (const communeCode of ['86', 'X2926']) {
      const res = await establishment(communeCode).expect(400);
      expect(res.body.errors).toEqual([{ field: 'communeCode', message: 'mã xã, phường gồm 5 chữ số (theo danh mục đơn vị hành chính)' }]);
    }
  });

  it('at start, ADMIN_UNITS_FILE loads the list into the empty table and says so with the counts; a second start leaves it alone', async () => {
    const { lines } = await runStartupTasks(t.app);
    expect(lines).toContain(
      `Đã nạp danh mục đơn vị hành chính từ ${fixturePath}: 4 tỉnh, thành phố (1 thành phố, 3 tỉnh); 5 xã, phường, đặc khu (2 xã, 2 phường, 1 đặc khu).`,
    );
    expect((await runStartupTasks(t.app)).lines.some((l) => l.startsWith('Danh mục đơn vị hành chính đã có (4 tỉnh, thành phố'))).toBe(true);
    const [entry] = await auditEntries();
    expect(entry).toMatchObject({ actor_id: null, capacity: 'system' });
    expect(afterOf(entry)).toMatchObject({ source: 'https://danhmuchanhchinh.nso.gov.vn/ (trích 9 đơn vị)', date: '2025-07-01', counts: { provinces: 4, communes: 5 } });
  });

  it('lists the provinces and cities to anyone, signed in or not, and a province’s communes, wards and special zones', async () => {
    const provinces = (await list().expect(200)).body as Unit[];
    expect(provinces).toEqual([
      { code: '01', name: 'Thành phố Hà Nội', kind: 'city', provinceCode: null },
      { code: '82', name: 'Tỉnh Đồng Tháp', kind: 'province', provinceCode: null },
      { code: '86', name: 'Tỉnh Vĩnh Long', kind: 'province', provinceCode: null },
      { code: '91', name: 'Tỉnh An Giang', kind: 'province', provinceCode: null },
    ]);
    expect((await list().set(c.applicant.auth).expect(200)).body).toEqual(provinces);
    expect((await list({ provinceCode: '82' }).expect(200)).body).toEqual([
      { code: '30112', name: 'Xã Mỹ Hiệp', kind: 'commune', provinceCode: '82' },
      { code: '30226', name: 'Xã Lai Vung', kind: 'commune', provinceCode: '82' },
    ]);
    expect((await list({ provinceCode: '91' }).expect(200)).body).toEqual([{ code: '31078', name: 'Đặc khu Phú Quốc', kind: 'special_zone', provinceCode: '91' }]);
    for (const provinceCode of ['8', 'x1', '00004', '83' /* Tỉnh Bến Tre, merged into Tỉnh Vĩnh Long */]) {
      const res = await list({ provinceCode }).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect({ provinceCode, code: res.body.code, fields: res.body.errors.map((e: { field: string }) => e.field) }).toEqual({ provinceCode, code: 'VALIDATION_FAILED', fields: ['provinceCode'] });
    }
  });

  it('refuses to register an establishment in a commune not in the list, naming communeCode; registers it in one that is', async () => {
    // an old code dropped on 1 July 2025 (Phường Phúc Xá, Hà Nội), a made-up one, a province's code, a malformed one
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
    const draft = (await t.http.post('/api/v1/applications').set(c.applicant.auth).send(body).expect(201)).body;
    expect(draft.communeCode).toBe('30226');
    const change = await t.http.patch(`/api/v1/applications/${draft.id}`).set(c.applicant.auth).send({ communeCode: '99999' }).expect(400);
    expect(change.body.errors).toEqual([{ field: 'communeCode', message: 'không có xã/phường mã 99999 trong danh mục đơn vị hành chính' }]);
    expect((await t.http.patch(`/api/v1/applications/${draft.id}`).set(c.applicant.auth).send({ communeCode: '29263' }).expect(200)).body.communeCode).toBe('29263');
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
    expect(csv.split(/\r?\n/).find((line) => line.startsWith('29263,'))).toMatch(/^29263,Phường Long Đức,Tỉnh Vĩnh Long,1,300000000,/);
  });

  it('refuses a list with problems whole (400 naming each line), leaving the list in force unchanged; only an admin imports', async () => {
    const before = (await list().expect(200)).body;
    const bad = [
      '# source: tệp lỗi',
      '01\tcity\tThành phố Hà Nội\t',
      '00004\tward\tPhường Ba Đình\t01',
      '00007\tdistrict\tQuận Ba Đình\t01', // line 4: a kind that no longer exists
      '00004\tward\tPhường Ba Đình\t01', // line 5: the same code again
      '30226\tcommune\tXã Lai Vung\t82', // line 6: province 82 is not in this list
    ].join('\n');
    const res = await importTsv(bad).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors).toEqual([
      { field: 'dòng 4', message: 'loại "district" không hợp lệ; chỉ nhận: province, city, ward, commune, special_zone' },
      { field: 'dòng 5', message: 'mã 00004 trùng với dòng 3' },
      { field: 'dòng 6', message: 'xã, phường, đặc khu 30226 thuộc tỉnh mã 82, nhưng danh mục không có tỉnh, thành phố mã đó' },
    ]);
    expect(res.body.detail).toMatch(/^Danh mục đơn vị hành chính có dòng không hợp lệ; không dòng nào được nạp/);
    for (const role of [c.applicant, c.finance]) await importTsv(FIXTURE, role).expect(403);
    await t.http.post('/api/v1/admin-units/import').attach('file', Buffer.from(FIXTURE), 'x.tsv').expect(401);
    await t.http.post('/api/v1/admin-units/import').set(admin.auth).send({ file: FIXTURE }).expect(400);
    expect((await list().expect(200)).body).toEqual(before);
    expect((await list({ provinceCode: '82' }).expect(200)).body).toHaveLength(2);
    expect(await auditEntries()).toHaveLength(1);
  });

  it('refuses a form past its multipart limits (too many fields, a second file, a field too long, a file too large), naming the limit; the list in force stays', async () => {
    const before = (await list({ provinceCode: '82' }).expect(200)).body;
    // A sound list that would replace the one in force: without the limits checked, the extra parts were dropped and it did.
    const next = Buffer.from(FIXTURE.replace('30226\tcommune\tXã Lai Vung\t82', '39998\tward\tPhường Giới Hạn\t82'), 'utf8');
    const post = () => t.http.post('/api/v1/admin-units/import').set(admin.auth);
    let crowded = post();
    for (let i = 0; i < 6; i++) crowded = crowded.field(`note${i}`, 'x');
    const tooMany = await crowded.attach('file', next, 'don-vi-hanh-chinh.tsv').expect(400);
    expect(tooMany.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(tooMany.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'body', message: 'biểu mẫu tải lên có quá nhiều trường' }] });
    const twoFiles = await post().attach('file', next, 'a.tsv').attach('other', next, 'b.tsv').expect(400);
    expect(twoFiles.body.errors).toEqual([{ field: 'file', message: 'gửi đúng một tệp trong trường "file" (multipart/form-data)' }]);
    const long = await post().field('note', 'x'.repeat(2000)).attach('file', next, 'don-vi-hanh-chinh.tsv').expect(400);
    expect(long.body.errors).toEqual([{ field: 'note', message: 'giá trị quá dài' }]);
    const tooLarge = await post().attach('file', Buffer.concat([next, Buffer.alloc(5 * 1024 * 1024, 0x0a)]), 'lon.tsv').expect(400);
    expect(tooLarge.body.errors).toEqual([{ field: 'file', message: 'tệp lớn quá 5 MB' }]);
    expect((await list({ provinceCode: '82' }).expect(200)).body).toEqual(before);
    expect(await auditEntries()).toHaveLength(1);
  });

  it('an admin loads a new version of the list (multipart or the TSV as the body): it replaces the old one in one go, audited with its source, date and counts', async () => {
    // A later decree: Xã Lai Vung leaves the list, a new ward appears (codes invented for the test).
    const next = FIXTURE.replace('# date: 2025-07-01', '# date: 2026-01-01').replace('30226\tcommune\tXã Lai Vung\t82', '39999\tward\tPhường Thử Nghiệm\t82');
    const res = await t.http.post('/api/v1/admin-units/import').set(admin.auth).set('Content-Type', 'text/tab-separated-values; charset=utf-8').send(next).expect(200);
    expect(res.body).toMatchObject({
      source: 'https://danhmuchanhchinh.nso.gov.vn/ (trích 9 đơn vị)',
      date: '2026-01-01',
      counts: { provinces: 4, city: 1, province: 3, communes: 5, commune: 1, ward: 3, special_zone: 1 },
      previous: { provinces: 4, communes: 5, commune: 2, ward: 2 },
    });
    expect((await list({ provinceCode: '82' }).expect(200)).body.map((u: Unit) => u.code)).toEqual(['30112', '39999']);
    await establishment('39999').expect(201);
    expect((await establishment('30226').expect(400)).body.errors[0].field).toBe('communeCode');

    const again = await importTsv(FIXTURE).expect(200);
    expect(again.body).toMatchObject({ date: '2025-07-01', fileName: 'don-vi-hanh-chinh.tsv', counts: { communes: 5, commune: 2, ward: 2 } });
    expect((await list({ provinceCode: '82' }).expect(200)).body.map((u: Unit) => u.code)).toEqual(['30112', '30226']);

    const entries = await auditEntries();
    expect(entries).toHaveLength(3);
    expect(entries.slice(1).map((e) => ({ actor: e.actor_id, capacity: e.capacity, date: afterOf(e).date }))).toEqual([
      { actor: admin.id, capacity: 'admin', date: '2026-01-01' },
      { actor: admin.id, capacity: 'admin', date: '2025-07-01' },
    ]);
  });
});
