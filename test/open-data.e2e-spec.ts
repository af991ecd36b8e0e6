import { DataSource } from 'typeorm';
import { Money } from '../src/common/money/decimal';
import { formatMoneyVi } from '../src/common/money/format-vi';
import { UnitService } from '../src/modules/organization/unit.service';
import { createUnit } from './support/actors';
import { uniqueTaxCode } from './support/files';
import { startTestApp, TestApp } from './support/test-app';
import { approvedFile, cast, Cast, initialedFile } from './support/workflow';

/**
 * Open data without login: the approved grants of a year as 360Giving JSON and CSV at
 * /open-data/grants (the same grants as the auditors' /exports/grants) and the public page
 * /du-lieu-mo with their totals by activity type and by commune; nothing personal beyond what the
 * approval decision publishes. This file owns fiscal year 2087.
 */
const YEAR = 2087;
const MACHINERY = 'Hỗ trợ ứng dụng máy móc thiết bị tiên tiến, chuyển giao công nghệ vào sản xuất';
const DEMO_MODEL = 'Xây dựng mô hình trình diễn kỹ thuật để phổ biến công nghệ mới, sản xuất sản phẩm mới';
const vnd = (amount: string) => formatMoneyVi(new Money(amount));

type Json = Record<string, any>;

/** Every key of a JSON value, at any depth. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
  return [];
}

/** The rows of the table in the page's section `id`, each as its cells' text. */
function tableRows(html: string, id: string): string[][] {
  const section = new RegExp(`<section[^>]*id="${id}"[^>]*>([\\s\\S]*?)</section>`).exec(html);
  if (!section) throw new Error(`no section #${id}`);
  const rows = [...section[1].matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((cell) =>
      cell[1]
        .replace(/<[^>]+>/g, '')
        .replace(/&amp;/g, '&')
        .replace(/\s+/g, ' ')
        .trim(),
    ),
  );
  return rows.slice(1); // the header
}

describe('open data: approved grants for anyone, without a login', () => {
  let t: TestApp;
  let c: Cast;
  let communeCode: string;
  const files: Record<string, string> = {};
  const taxCodes = { household: uniqueTaxCode(), cooperative: uniqueTaxCode() };
  /** What an approval decision does not publish: none of it may leave through open data. */
  let personal: string[];

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(new Date(`${YEAR}-05-04T03:00:00Z`));
    c = await cast(t, YEAR);
    // A commune the organisation names (as the reports name them), and the sample's 29263.
    const commune = await createUnit(t, 'commune', 'Xã Phú Vinh');
    communeCode = `OD${Date.now().toString(36).toUpperCase()}`.slice(0, 16);
    await t.app.get(DataSource).query('UPDATE units SET code = ? WHERE id = ?', [communeCode, commune.id]);

    files.household = await approvedFile(t, c, {
      communeCode,
      establishment: {
        kind: 'household_business',
        name: 'Hộ kinh doanh đan lát Phú Vinh',
        taxCode: taxCodes.household,
        representative: 'Trần Thị Đại Diện',
        phone: '0987 654 321',
        address: 'Số 12, ấp Phú Vinh Riêng',
      },
    });
    files.cooperative = await approvedFile(t, c, { approvedSupport: '250000000', establishment: { taxCode: taxCodes.cooperative } });
    files.model = await approvedFile(t, c, { communeCode, activityTypeCode: 'demo_model', approvedSupport: '200000000' });
    // Initialed, not approved: not a grant.
    files.pending = await initialedFile(t, c);
    personal = ['Trần Thị Đại Diện', 'Nguyễn Văn An', '0987 654 321', '0912345678', 'Số 12, ấp Phú Vinh Riêng', c.applicant.email, taxCodes.household];
  }, 120_000);
  afterAll(() => t.close());

  it('serves the same grants as the authenticated export to anyone without a token, and only the approved ones', async () => {
    const open = await t.http.get('/api/v1/open-data/grants').query({ fiscalYear: YEAR }).expect(200);
    const audited = await t.http.get('/api/v1/exports/grants').query({ fiscalYear: YEAR }).set(c.auditor.auth).expect(200);
    expect(open.body.grants).toEqual(audited.body.grants);
    expect(open.body.fiscalYear).toBe(YEAR);
    const prefix = t.config.GRANT_ID_PREFIX;
    expect(open.body.grants.map((g: Json) => [g.id, g.amountAwarded])).toEqual([
      [`${prefix}-${files.household}`, 300000000],
      [`${prefix}-${files.cooperative}`, 250000000],
      [`${prefix}-${files.model}`, 200000000],
    ]);
    // Signed in or not, the same.
    expect((await t.http.get('/api/v1/open-data/grants').query({ fiscalYear: YEAR }).set(c.applicant.auth).expect(200)).body.grants).toEqual(open.body.grants);
  });

  it('holds nothing personal: no phone, representative, e-mail, address, nor a household business tax code', async () => {
    const open = (await t.http.get('/api/v1/open-data/grants').query({ fiscalYear: YEAR }).expect(200)).body;
    const text = JSON.stringify(open);
    for (const secret of personal) expect(text).not.toContain(secret);
    const keys = keysOf(open).map((k) => k.toLowerCase());
    for (const field of ['phone', 'representative', 'email', 'address', 'taxcode', 'ownerid']) expect(keys).not.toContain(field);
    const [household, cooperative] = open.grants;
    // A household business is named by its establishment; an organisation by its public tax code.
    expect(household.recipientOrganization).toEqual([{ id: expect.stringMatching(new RegExp(`^${t.config.GRANT_ID_PREFIX}-CS-[0-9A-Z]{26}$`)), name: 'Hộ kinh doanh đan lát Phú Vinh' }]);
    expect(cooperative.recipientOrganization[0].id).toBe(`${t.config.GRANT_ID_PREFIX}-MST-${taxCodes.cooperative}`);
    expect(household.beneficiaryLocation).toEqual([{ name: 'Xã Phú Vinh', geoCode: communeCode, countryCode: 'VN' }]);
  });

  it('serves the grants as the 360Giving spreadsheet (CSV), row for row', async () => {
    const json = (await t.http.get('/api/v1/open-data/grants').query({ fiscalYear: YEAR }).expect(200)).body;
    const csv = await t.http.get('/api/v1/open-data/grants').query({ fiscalYear: YEAR, format: 'csv' }).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toContain(`du-lieu-mo-khuyen-cong-${YEAR}.csv`);
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0].startsWith('Identifier,Title,Description,Currency,Amount Awarded,Award Date')).toBe(true);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(json.grants.map((g: Json) => g.id));
    for (const secret of personal) expect(csv.text).not.toContain(secret);
  });

  it('refuses a bad year or format with a 400 naming it', async () => {
    expect((await t.http.get('/api/v1/open-data/grants').query({ fiscalYear: 'abc' }).expect(400)).body.errors).toEqual([expect.objectContaining({ field: 'fiscalYear' })]);
    expect((await t.http.get('/api/v1/open-data/grants').query({ format: 'xml' }).expect(400)).body.errors).toEqual([expect.objectContaining({ field: 'format' })]);
  });

  it('the public page lists the year’s approved grants with totals by activity type and by commune, without a login', async () => {
    const page = await t.http.get('/du-lieu-mo').query({ nam: String(YEAR) }).redirects(0).expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const html = page.text;
    const named29263 = (await t.app.get(UnitService).communeNames(['29263'])).get('29263');
    expect(tableRows(html, 'theo-loai-hoat-dong')).toEqual([
      [DEMO_MODEL, '1', vnd('200000000')],
      [MACHINERY, '2', vnd('550000000')],
      ['Tổng cộng', '3', vnd('750000000')],
    ]);
    expect(tableRows(html, 'theo-xa')).toEqual([
      [named29263 ? `${named29263} (29263)` : 'Mã 29263', '1', vnd('250000000')],
      [`Xã Phú Vinh (${communeCode})`, '2', vnd('500000000')],
      ['Tổng cộng', '3', vnd('750000000')],
    ]);
    const listed = tableRows(html, 'danh-sach');
    expect(listed).toHaveLength(3);
    expect(listed[0]).toEqual([`Số ${files.household.slice(-6)}/QĐ-SCT ngày 04/05/${YEAR}`, 'Hộ kinh doanh đan lát Phú Vinh', 'Ứng dụng máy sấy lúa tiên tiến', MACHINERY, 'Xã Phú Vinh', vnd('300000000')]);
    expect(html).toContain(`href="/api/v1/open-data/grants?fiscalYear=${YEAR}"`);
    expect(html).toContain(`href="/api/v1/open-data/grants?fiscalYear=${YEAR}&amp;format=csv"`);
    for (const secret of personal) expect(html).not.toContain(secret);
    // The JSON and CSV it links to answer without a login too (the test above); the year's link is listed.
    expect(html).toContain(`href="/du-lieu-mo?nam=${YEAR}"`);
  });

  it('the page opens on this year, and says so when a year has no grants; a bad year is a 400 page', async () => {
    const now = await t.http.get('/du-lieu-mo').redirects(0).expect(200);
    expect(now.text).toContain(`Dữ liệu mở: kinh phí khuyến công năm ${YEAR}`);
    const empty = await t.http.get('/du-lieu-mo').query({ nam: '2088' }).redirects(0).expect(200);
    expect(empty.text).toContain('Năm 2088 chưa có đề án nào được phê duyệt.');
    const bad = await t.http.get('/du-lieu-mo').query({ nam: 'abc' }).redirects(0).expect(400);
    expect(bad.headers['content-type']).toMatch(/^text\/html/);
  });

  it('is limited per address like every route without a token of its own (429 past the limit)', async () => {
    const limited = await startTestApp({ RATE_LIMIT_PER_MINUTE: '3' });
    try {
      for (let i = 0; i < 3; i++) await limited.http.get('/api/v1/open-data/grants').query({ fiscalYear: YEAR }).expect(200);
      const refused = await limited.http.get('/api/v1/open-data/grants').query({ fiscalYear: YEAR }).expect(429);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body.code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});
