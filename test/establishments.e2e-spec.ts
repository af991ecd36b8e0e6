import { DataSource } from 'typeorm';
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

describe('establishment classification: declared by the owner, verified by staff', () => {
  let t: TestApp;
  let owner: TestActor;
  let other: TestActor;
  let officer: TestActor;
  let head: TestActor;
  let leader: TestActor;
  let finance: TestActor;

  const classified = {
    employees: 20,
    craftVillage: 'Làng nghề mây tre đan Phú Vinh',
    traditionalCraft: 'Đan lát mây tre',
    artisans: 1,
    womenWorkers: 14,
    disabledWorkers: 2,
  };
  const register = async (overrides: Record<string, unknown> = classified) =>
    (await t.http.post('/api/v1/establishments').set(owner.auth).send(establishmentBody(overrides)).expect(201)).body;
  const patch = (id: string, body: object, who: TestActor = owner) => t.http.patch(`/api/v1/establishments/${id}`).set(who.auth).send(body);
  const verify = (id: string, who: TestActor, body: object = {}) => t.http.post(`/api/v1/establishments/${id}/verify-classification`).set(who.auth).send(body);

  beforeAll(async () => {
    t = await startTestApp();
    const unit = await createUnit(t, 'centre');
    owner = await createActor(t, ['applicant']);
    other = await createActor(t, ['applicant']);
    officer = await createActor(t, ['officer'], unit.id);
    head = await createActor(t, ['head'], unit.id);
    leader = await createActor(t, ['leader']);
    finance = await createActor(t, ['finance']);
  });
  afterAll(() => t.close());

  it('registers with a classification, not yet verified; owner and staff read it', async () => {
    const created = await register();
    expect(created).toMatchObject({ ...classified, classificationVersion: 0, classificationVerifiedBy: null, classificationVerifiedAt: null });
    expect((await t.http.get(`/api/v1/establishments/${created.id}`).set(officer.auth).expect(200)).body).toMatchObject(classified);
    // Registered without one: nothing declared (null), not "none" (0).
    const plain = await t.http.post('/api/v1/establishments').set(owner.auth).send(establishmentBody()).expect(201);
    expect(plain.body).toMatchObject({ craftVillage: null, traditionalCraft: null, artisans: null, womenWorkers: null, disabledWorkers: null });
  });

  it('the owner edits it, staff verify it, and a later edit by the owner clears the verification', async () => {
    const { id } = await register();
    const edited = await patch(id, { womenWorkers: 15, craftVillage: '  Làng nghề đan lát Phú Vinh  ' }).expect(200);
    expect(edited.body).toMatchObject({ womenWorkers: 15, craftVillage: 'Làng nghề đan lát Phú Vinh', artisans: 1, classificationVersion: 1, classificationVerifiedAt: null });

    t.clock.set(new Date('2087-03-02T03:04:05.000Z'));
    const verified = await verify(id, officer, { classificationVersion: 1 }).expect(200);
    expect(verified.body).toMatchObject({ classificationVerifiedBy: officer.id, classificationVerifiedAt: '2087-03-02T03:04:05.000Z', classificationVersion: 1 });
    // Verifying it again (a second click) changes nothing, whoever does it.
    expect((await verify(id, head).expect(200)).body).toMatchObject({ classificationVerifiedBy: officer.id, classificationVerifiedAt: '2087-03-02T03:04:05.000Z' });
    // Sending the same values again is no change: still verified.
    expect((await patch(id, { womenWorkers: 15, employees: 20 }).expect(200)).body).toMatchObject({ classificationVerifiedBy: officer.id, classificationVersion: 1 });

    const changed = await patch(id, { disabledWorkers: 3 }).expect(200);
    expect(changed.body).toMatchObject({ disabledWorkers: 3, classificationVersion: 2, classificationVerifiedBy: null, classificationVerifiedAt: null });
    // A head verifies the new version; a change of the workforce clears it too.
    expect((await verify(id, head, { classificationVersion: 2 }).expect(200)).body).toMatchObject({ classificationVerifiedBy: head.id });
    expect((await patch(id, { employees: 30 }).expect(200)).body).toMatchObject({ employees: 30, classificationVersion: 3, classificationVerifiedBy: null });
    // Clearing the craft village is a change as well.
    await verify(id, officer).expect(200);
    expect((await patch(id, { craftVillage: null }).expect(200)).body).toMatchObject({ craftVillage: null, classificationVerifiedBy: null });

    const entries = await t.app.get(DataSource).query('SELECT action FROM audit_log WHERE entity_id = ? ORDER BY seq', [id]);
    expect(entries.map((e: { action: string }) => e.action)).toEqual([
      'establishment.register',
      'establishment.update',
      'establishment.verify-classification',
      'establishment.update',
      'establishment.verify-classification',
      'establishment.update',
      'establishment.verify-classification',
      'establishment.update',
    ]);
  });

  it('refuses to verify a version the owner changed since, and counts not yet declared (409 naming them)', async () => {
    const { id } = await register();
    await patch(id, { artisans: 2 }).expect(200);
    const stale = await verify(id, officer, { classificationVersion: 0 }).expect(409);
    expect(stale.body).toMatchObject({ code: 'INVALID_STATE', errors: [{ field: 'classificationVersion' }] });
    expect((await t.http.get(`/api/v1/establishments/${id}`).set(officer.auth).expect(200)).body.classificationVerifiedAt).toBeNull();

    const { id: undeclared } = await register({ craftVillage: 'Làng nghề gốm' });
    const refused = await verify(undeclared, head).expect(409);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['artisans', 'womenWorkers', 'disabledWorkers']);
  });

  it.each([
    [{ womenWorkers: 21 }, 'womenWorkers', 'không được lớn hơn số lao động của cơ sở (20)'],
    [{ disabledWorkers: 25 }, 'disabledWorkers', 'không được lớn hơn số lao động của cơ sở (20)'],
    [{ artisans: 21 }, 'artisans', 'không được lớn hơn số lao động của cơ sở (20)'],
    [{ employees: 10 }, 'employees', 'không được nhỏ hơn số lao động nữ đã khai báo (14)'],
    [{ womenWorkers: -1 }, 'womenWorkers', 'không được nhỏ hơn 0'],
    [{ artisans: 1.5 }, 'artisans', 'chỉ nhập số nguyên'],
    [{ disabledWorkers: 'hai' }, 'disabledWorkers', 'chỉ nhập số nguyên'],
    [{ craftVillage: 'x'.repeat(201) }, 'craftVillage', 'dài tối đa 200 ký tự'],
    [{ employees: null }, 'employees', 'bắt buộc'],
    // The verification is staff's: the owner cannot set it.
    [{ classificationVerifiedBy: 'x' }, 'classificationVerifiedBy', 'không được phép'],
    [{ classificationVersion: 0 }, 'classificationVersion', 'không được phép'],
  ])('a bad edit %j is a 400 naming %s, and changes nothing', async (body, field, message) => {
    const { id } = await register();
    const res = await patch(id, body).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors).toEqual(expect.arrayContaining([{ field, message: expect.stringContaining(message) }]));
    expect((await t.http.get(`/api/v1/establishments/${id}`).set(owner.auth).expect(200)).body).toMatchObject({ ...classified, classificationVersion: 0 });
  });

  it('registering with a count above the workforce is a 400 naming the count', async () => {
    const res = await t.http.post('/api/v1/establishments').set(owner.auth).send(establishmentBody({ employees: 5, womenWorkers: 6 })).expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'womenWorkers' }] });
  });

  it('strangers: another producer 404, staff may not edit (403), only officers and heads verify (403), none without a token (401)', async () => {
    const { id } = await register();
    await patch(id, { womenWorkers: 1 }, other).expect(404);
    await patch('not-an-id', { womenWorkers: 1 }).expect(404);
    for (const staff of [officer, head, leader, finance]) expect((await patch(id, { womenWorkers: 1 }, staff).expect(403)).body.code).toBe('FORBIDDEN');
    for (const who of [owner, other, leader, finance]) expect((await verify(id, who).expect(403)).body.code).toBe('FORBIDDEN');
    await verify('01JZZZZZZZZZZZZZZZZZZZZZZZ', officer).expect(404);
    await t.http.patch(`/api/v1/establishments/${id}`).send({ womenWorkers: 1 }).expect(401);
    await t.http.post(`/api/v1/establishments/${id}/verify-classification`).send({}).expect(401);
    expect((await t.http.get(`/api/v1/establishments/${id}`).set(owner.auth).expect(200)).body).toMatchObject({ ...classified, classificationVerifiedAt: null });
  });
});
