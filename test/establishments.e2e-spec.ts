import { createActor, createUnit, TestActor } from './support/actors';
import { startTestApp, TestApp } from './support/test-app';

let taxSeq = 0;
/** A tax code no other test run used: 10 digits from the clock and a counter. */
function freshTaxCode(): string {
  return `${Date.now() % 1e8}`.padStart(8, '0') + `${taxSeq++ % 100}`.padStart(2, '0');
}

function establishmentBody(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Hợp tác xã mây tre đan Phú Vinh',
    kind: 'cooperative',
    taxCode: freshTaxCode(),
    communeCode: '29263',
    address: 'Ấp Phú Vinh, xã Phú Vinh',
    representative: 'Nguyễn Văn An',
    phone: '0912345678',
    employees: 25,
    ...overrides,
  };
}

describe('establishments', () => {
  let t: TestApp;
  let owner: TestActor;
  let other: TestActor;
  let officer: TestActor;

  beforeAll(async () => {
    t = await startTestApp();
    const unit = await createUnit(t, 'centre');
    owner = await createActor(t, ['applicant']);
    other = await createActor(t, ['applicant']);
    officer = await createActor(t, ['officer'], unit.id);
  });
  afterAll(() => t.close());

  it('a producer registers an establishment; the owner and staff read it, another producer gets 404', async () => {
    const body = establishmentBody({ taxCode: `${freshTaxCode()}-001` });
    const created = await t.http.post('/api/v1/establishments').set(owner.auth).send(body).expect(201);
    expect(created.body).toMatchObject({ ...body, id: expect.any(String), ownerId: owner.id });

    const path = `/api/v1/establishments/${created.body.id}`;
    expect((await t.http.get(path).set(owner.auth).expect(200)).body.taxCode).toBe(body.taxCode);
    await t.http.get(path).set(officer.auth).expect(200);
    await t.http.get(path).set(other.auth).expect(404);
    await t.http.get('/api/v1/establishments/not-an-id').set(owner.auth).expect(404);
  });

  it('lists only the producer own establishments; staff see all', async () => {
    await t.http.post('/api/v1/establishments').set(other.auth).send(establishmentBody()).expect(201);
    const mine = await t.http.get('/api/v1/establishments').set(other.auth).expect(200);
    expect(mine.body.total).toBe(1);
    expect(mine.body.items.every((e: { ownerId: string }) => e.ownerId === other.id)).toBe(true);
    const all = await t.http.get('/api/v1/establishments?pageSize=200').set(officer.auth).expect(200);
    expect(all.body.total).toBeGreaterThanOrEqual(2);
  });

  it('one tax code, one establishment: the second is 409 DUPLICATE', async () => {
    const body = establishmentBody();
    await t.http.post('/api/v1/establishments').set(owner.auth).send(body).expect(201);
    const again = await t.http.post('/api/v1/establishments').set(other.auth).send({ ...body, name: 'Khác' }).expect(409);
    expect(again.body).toMatchObject({ code: 'DUPLICATE', status: 409 });
  });

  it('two registrations of one tax code at once: exactly one succeeds', async () => {
    const body = establishmentBody();
    const results = await Promise.all([
      t.http.post('/api/v1/establishments').set(owner.auth).send(body),
      t.http.post('/api/v1/establishments').set(other.auth).send(body),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it.each([
    ['taxCode', '12345'],
    ['taxCode', '0312345678-01'],
    ['taxCode', '031234567A'],
    ['taxCode', 312345678],
    ['kind', 'company'],
    ['employees', -1],
    ['employees', '12'],
    ['phone', 'abc'],
    ['name', ''],
  ])('bad %s (%p) is a 400 naming it', async (field, value) => {
    const res = await t.http
      .post('/api/v1/establishments')
      .set(owner.auth)
      .send(establishmentBody({ [field]: value }))
      .expect(400);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });

  it('a missing field and an unknown field are 400s naming them', async () => {
    const { address: _address, ...rest } = establishmentBody();
    const missing = await t.http.post('/api/v1/establishments').set(owner.auth).send(rest).expect(400);
    expect(missing.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'address' })]));
    const unknown = await t.http.post('/api/v1/establishments').set(owner.auth).send(establishmentBody({ ownerId: officer.id })).expect(400);
    expect(unknown.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'ownerId' })]));
  });

  it('only a producer registers an establishment (403 for staff, 401 without a token)', async () => {
    await t.http.post('/api/v1/establishments').set(officer.auth).send(establishmentBody()).expect(403);
    await t.http.post('/api/v1/establishments').send(establishmentBody()).expect(401);
  });
});
