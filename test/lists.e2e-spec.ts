import { createActor, createUnit, TestActor } from './support/actors';
import { fundWithBudget } from './support/budget';
import { attachRequiredDocuments, draftFiles, registerEstablishment } from './support/files';
import { startTestApp, TestApp } from './support/test-app';
import { PageClient, webUser } from './web-support';

const ID = /\/ho-so\/([0-9A-HJKMNP-TV-Z]{26})"/g;

/** The files a list page links to, in order. */
const fileIdsOn = (html: string) => [...html.matchAll(ID)].map((m) => m[1]);
const nextHref = (html: string) => /<a class="button secondary" rel="next" href="([^"]+)">Trang sau<\/a>/.exec(html)?.[1]?.replace(/&amp;/g, '&') ?? null;

/**
 * Lists reach every row, page by page, and the file list is searched in SQL by title, establishment
 * name, tax code and status: an applicant finds only their own files; bad paging or search input
 * is a 400 naming the field on the API and never a 500 on a page.
 */
describe('lists: paging through every row and searching files', () => {
  let t: TestApp;
  let producer: TestActor;
  let other: TestActor;
  let officer: TestActor;
  /** In every title of this suite, so that files of other suites sharing the database stay out. */
  const token = `lst${Date.now().toString(36)}`;
  let mine: string[];
  let theirs: string[];
  let bakery: { id: string; taxCode: string };
  let workshop: { id: string; taxCode: string };
  let dryer: { id: string; taxCode: string };
  let otherShop: { id: string; taxCode: string };
  const MINE = 205;

  beforeAll(async () => {
    t = await startTestApp();
    const year = Number.parseInt(t.clock.today().slice(0, 4), 10);
    const centre = await createUnit(t, 'centre');
    [producer, other, officer] = await Promise.all([webUser(t, ['applicant']), createActor(t, ['applicant']), webUser(t, ['leader'], centre.id)]);
    const { fundCode } = await fundWithBudget(t, await createActor(t, ['finance']), { year });
    [bakery, workshop, dryer, otherShop] = await Promise.all([
      registerEstablishment(t, producer, `Cơ sở Bánh tráng Phú Hòa ${token}`),
      registerEstablishment(t, producer, `Hợp tác xã Cơ khí Tân Phú ${token}`),
      registerEstablishment(t, producer, `Hộ kinh doanh Sấy lạnh ${token}`),
      registerEstablishment(t, other, `Cơ sở Bánh tráng Mỹ Lồng ${token}`),
    ]);
    const establishments = [bakery.id, workshop.id, dryer.id];
    mine = await draftFiles(t, producer, {
      count: MINE,
      fundCode,
      year,
      title: (i) => (i === 7 ? `Máy sấy nông sản ${token} năng lượng mặt trời` : `Đề án đổi mới thiết bị ${token} số ${i}`),
      establishmentOf: (i) => establishments[i % 3],
    });
    theirs = await draftFiles(t, other, { count: 3, fundCode, year, title: (i) => `Máy sấy nông sản ${token} của người khác ${i}`, establishmentOf: () => otherShop.id });
    for (const id of [mine[0], mine[1], mine[2], theirs[0]]) {
      await attachRequiredDocuments(t, id === theirs[0] ? other : producer, id);
      await t.http.post(`/api/v1/applications/${id}/submit`).set((id === theirs[0] ? other : producer).auth).expect(200);
    }
  }, 180_000);

  afterAll(async () => {
    await t.close();
  });

  const list = (actor: TestActor, query: Record<string, string | number>) => t.http.get('/api/v1/applications').query(query).set(actor.auth);

  /** Every id of a list, page by page, with the total each page announced. */
  async function allPages(actor: TestActor, query: Record<string, string | number>, pageSize: number) {
    const ids: string[] = [];
    const totals = new Set<number>();
    for (let page = 1; ; page++) {
      const res = await list(actor, { ...query, page, pageSize }).expect(200);
      expect(res.body).toMatchObject({ page, pageSize });
      totals.add(res.body.total);
      ids.push(...res.body.items.map((a: { id: string }) => a.id));
      if (res.body.items.length < pageSize) break;
    }
    return { ids, totals: [...totals] };
  }

  it('API: every one of more than 200 files is reached page by page, newest first, none twice', async () => {
    const { ids, totals } = await allPages(producer, {}, 50);
    expect(totals).toEqual([MINE]);
    expect(ids).toHaveLength(MINE);
    expect(new Set(ids)).toEqual(new Set(mine));
    expect(ids).toEqual([...ids].sort().reverse());
    // Staff see both producers' files; the largest page is 200.
    const staff = await allPages(officer, { q: token }, 200);
    expect(staff.totals).toEqual([MINE + 3]);
    expect(new Set(staff.ids)).toEqual(new Set([...mine, ...theirs]));
  });

  it('API: searches by title, establishment name and tax code, case and accents aside, and by status', async () => {
    const ids = async (actor: TestActor, query: Record<string, string>) => {
      const res = await list(actor, { pageSize: 200, ...query }).expect(200);
      expect(res.body.items).toHaveLength(res.body.total);
      return new Set(res.body.items.map((a: { id: string }) => a.id));
    };
    const ofEstablishment = (n: number) => new Set(mine.filter((_, i) => i % 3 === n));

    // Title, typed without accents and in capitals.
    expect(await ids(producer, { q: `MAY SAY NONG SAN ${token.toUpperCase()} NANG LUONG` })).toEqual(new Set([mine[7]]));
    expect(await ids(officer, { q: `may say nong san ${token}` })).toEqual(new Set([mine[7], ...theirs]));
    // Establishment name and tax code.
    expect(await ids(producer, { q: `hop tac xa co khi tan phu ${token}` })).toEqual(ofEstablishment(1));
    expect(await ids(producer, { q: dryer.taxCode })).toEqual(ofEstablishment(2));
    expect(await ids(officer, { q: workshop.taxCode })).toEqual(ofEstablishment(1));
    // Status, alone and with text.
    expect(await ids(producer, { status: 'submitted' })).toEqual(new Set([mine[0], mine[1], mine[2]]));
    expect(await ids(officer, { status: 'submitted', q: token })).toEqual(new Set([mine[0], mine[1], mine[2], theirs[0]]));
    expect(await ids(producer, { status: 'submitted', q: bakery.taxCode })).toEqual(new Set([mine[0]]));
    // A LIKE wildcard is taken literally.
    expect(await ids(producer, { q: '%' })).toEqual(new Set());
  });

  it('API: an applicant finds only their own files, whatever they search for', async () => {
    const search = async (actor: TestActor, q: string) => (await list(actor, { q, pageSize: 200 }).expect(200)).body;
    // Both have a "Bánh tráng" establishment and "máy sấy nông sản" files.
    expect((await search(other, 'banh trang')).items.map((a: { id: string }) => a.id).sort()).toEqual([...theirs].sort());
    expect((await search(other, `may say nong san ${token}`)).total).toBe(3);
    expect((await search(other, bakery.taxCode)).total).toBe(0);
    expect((await search(other, `tan phu ${token}`)).total).toBe(0);
    expect((await search(producer, otherShop.taxCode)).total).toBe(0);
  });

  it('API: bad paging or search input is a 400 naming the field', async () => {
    const cases: Array<[string, string]> = [
      ['page=abc', 'page'],
      ['page=0', 'page'],
      ['page=-1', 'page'],
      ['page=99999999999999999999', 'page'],
      ['pageSize=10000', 'pageSize'],
      ['pageSize=abc', 'pageSize'],
      ['pageSize=0', 'pageSize'],
      ['status=unknown', 'status'],
      ['status=submitted&status=draft', 'status'],
      [`q=${'a'.repeat(101)}`, 'q'],
      ['q=a&q=b', 'q'],
    ];
    for (const [query, field] of cases) {
      const res = await t.http.get(`/api/v1/applications?${query}`).set(producer.auth);
      expect([query, res.status]).toEqual([query, 400]);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it('API: the search is documented in OpenAPI', async () => {
    const docs = await t.http.get('/api/docs-json').expect(200);
    const parameters = docs.body.paths['/api/v1/applications'].get.parameters as Array<{ name: string; schema: { maxLength?: number; enum?: string[] } }>;
    expect(parameters.find((p) => p.name === 'q')?.schema.maxLength).toBe(100);
    expect(parameters.find((p) => p.name === 'status')?.schema.enum).toContain('submitted');
  });

  it('web: the producer pages through all their files with "Trang sau", the pager reading "Trang n / 5"', async () => {
    const browser = new PageClient(t);
    await browser.login(producer.email);
    const seen: string[] = [];
    let href: string | null = '/ho-so';
    const labels: string[] = [];
    while (href) {
      const res = await browser.get(href);
      expect(res.status).toBe(200);
      expect(res.text).toContain(`${MINE} hồ sơ`);
      labels.push(/Trang \d+ \/ \d+/.exec(res.text)?.[0] ?? '');
      seen.push(...fileIdsOn(res.text));
      href = nextHref(res.text);
    }
    expect(labels).toEqual(['Trang 1 / 5', 'Trang 2 / 5', 'Trang 3 / 5', 'Trang 4 / 5', 'Trang 5 / 5']);
    expect(seen).toHaveLength(MINE);
    expect(new Set(seen)).toEqual(new Set(mine));
    const last = await browser.get('/ho-so?trang=5');
    expect(last.text).toContain('rel="prev" href="/ho-so?trang=4"');
  });

  it('web: the search form finds files by establishment, tax code and status, keeping the filters in the pager links', async () => {
    const browser = new PageClient(t);
    await browser.login(officer.email);
    const byName = await browser.get(`/ho-so?tu-khoa=${encodeURIComponent(`co khi tan phu ${token}`)}`);
    expect(byName.status).toBe(200);
    // Newest first: the 50 newest of that establishment's 68 files.
    expect(fileIdsOn(byName.text)).toEqual(mine.filter((_, i) => i % 3 === 1).sort().reverse().slice(0, 50));
    expect(byName.text).toContain('68 hồ sơ');
    expect(byName.text).toContain('Trang 1 / 2');
    expect(nextHref(byName.text)).toBe(`/ho-so?tu-khoa=${encodeURIComponent(`co khi tan phu ${token}`).replace(/%20/g, '+')}&trang=2`);
    expect(byName.text).toContain(`value="co khi tan phu ${token}"`);

    const byStatus = await browser.get(`/ho-so?tu-khoa=${bakery.taxCode}&trang-thai=submitted`);
    expect(fileIdsOn(byStatus.text)).toEqual([mine[0]]);
    expect(byStatus.text).toContain(`Cơ sở Bánh tráng Phú Hòa ${token}`);
    // The tax code is a code: kept whole in its own span.
    expect(byStatus.text).toContain(`MST <span class="code">${bakery.taxCode}</span>`);

    // The other producer's search never shows this producer's files.
    const otherBrowser = new PageClient(t);
    await otherBrowser.login((await webUser(t, ['applicant'])).email);
    const nothing = await otherBrowser.get(`/ho-so?tu-khoa=${bakery.taxCode}`);
    expect(fileIdsOn(nothing.text)).toEqual([]);
    expect(nothing.text).toContain('Không tìm thấy hồ sơ nào phù hợp.');
  });

  it('web: bad paging or search input falls back to a sane default on every list, never a 500', async () => {
    const producerPages = new PageClient(t);
    await producerPages.login(producer.email);
    const first = await producerPages.get('/ho-so?trang=abc');
    expect(first.status).toBe(200);
    expect(first.text).toContain('Trang 1 / 5');
    const past = await producerPages.get('/ho-so?trang=999999999999');
    expect(past.status).toBe(200);
    expect(past.text).toContain('Trang 1 / 5');
    const beyond = await producerPages.get('/ho-so?trang=99');
    expect(beyond.text).toContain('Trang 5 / 5');
    expect(fileIdsOn(beyond.text).length).toBe(MINE - 200);
    for (const path of [
      '/ho-so?trang-thai=khong-co',
      '/ho-so?trang-thai=submitted&trang-thai=draft',
      `/ho-so?tu-khoa=${'a'.repeat(5000)}`,
      '/ho-so?tu-khoa=a&tu-khoa=b&trang=-3',
      '/ho-so?tu-khoa=%25_%5C',
      '/co-so?trang=abc',
      '/co-so?trang=9999',
    ]) {
      const res = await producerPages.get(path);
      expect([path, res.status]).toEqual([path, 200]);
    }
    const unknownStatus = await producerPages.get('/ho-so?trang-thai=khong-co');
    expect(unknownStatus.text).toContain(`${MINE} hồ sơ`);

    const staff = new PageClient(t);
    await staff.login((await webUser(t, ['finance', 'leader'])).email);
    for (const path of ['/giai-ngan?trang=abc&cho=-1', '/giai-ngan?trang=9999&cho=9999', '/quyet-toan?trang=abc', '/thu-hoi?trang=9999', '/doi-chieu?trang=x', '/uy-quyen?trang=0', '/']) {
      const res = await staff.get(path);
      expect([path, res.status]).toEqual([path, 200]);
    }
  });
});
