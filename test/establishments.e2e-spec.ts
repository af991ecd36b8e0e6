import { DataSource } from 'typeorm';
import { PasswordHasher } from '../src/modules/identity/password-hasher';
import { createActor, createUnit, TestActor } from './support/actors';
import { startTestApp, TestApp } from './support/test-app';
import { cast, Cast, initialedFile } from './support/workflow';
import { csrfOf, hiddenValue, PageClient, PASSWORD } from './web-support';

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
    expect(stale.body).toMatchObject({ code: 'INVALID_STATE', detail: expect.stringContaining('nay là phiên bản 1') });
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

describe('establishment classification on the pages', () => {
  let t: TestApp;
  let c: Cast;

  /** A cast member who can sign in on the login page. */
  async function signable(actor: TestActor): Promise<PageClient> {
    const hash = await t.app.get(PasswordHasher).hash(PASSWORD);
    await t.app.get(DataSource).query('UPDATE users SET password_hash = ? WHERE id = ?', [hash, actor.id]);
    const browser = new PageClient(t);
    await browser.login(actor.email);
    return browser;
  }

  beforeAll(async () => {
    t = await startTestApp();
    c = await cast(t, 2087);
  }, 60_000);
  afterAll(() => t.close());

  it('the producer declares it on the registration form and changes it on the classification form; a count above the workers is shown beside its field', async () => {
    const producer = await signable(c.applicant);
    const taxCode = freshTaxCode();
    const registered = await producer.post(
      '/co-so/moi',
      {
        name: 'Hộ kinh doanh gốm Tân Phú',
        kind: 'household_business',
        taxCode,
        communeCode: '29263',
        address: 'Ấp Tân Phú',
        representative: 'Lê Thị Hoa',
        phone: '0912345678',
        employees: '8',
        craftVillage: 'Làng nghề gốm Tân Phú',
        traditionalCraft: '',
        artisans: '1',
        womenWorkers: '5',
        disabledWorkers: '0',
      },
      { from: '/co-so/moi' },
    );
    expect(registered.status).toBe(303);
    const [{ id }] = await t.app.get(DataSource).query('SELECT id FROM establishments WHERE tax_code = ?', [taxCode]);
    const api = () => t.http.get(`/api/v1/establishments/${id}`).set(c.applicant.auth).expect(200);
    expect((await api()).body).toMatchObject({ craftVillage: 'Làng nghề gốm Tân Phú', traditionalCraft: null, artisans: 1, womenWorkers: 5, disabledWorkers: 0 });

    const list = (await producer.get('/co-so')).text;
    expect(list).toContain('Làng nghề gốm Tân Phú');
    expect(list).toContain('Chưa xác nhận');
    expect(list).toContain(`href="/co-so/${id}/phan-loai"`);

    const form = await producer.get(`/co-so/${id}/phan-loai`);
    expect(form.text).toContain('name="womenWorkers" value="5"');
    const refused = await producer.post(`/co-so/${id}/phan-loai`, { employees: '8', craftVillage: 'Làng nghề gốm Tân Phú', artisans: '1', womenWorkers: '9', disabledWorkers: '0' }, { csrf: csrfOf(form.text) });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('số lao động nữ (9) không được lớn hơn số lao động của cơ sở (8)');
    expect(refused.text).toContain('name="womenWorkers" value="9"');
    expect((await api()).body.womenWorkers).toBe(5);

    // A blank count is "not declared", a blank craft village "none".
    const saved = await producer.post(`/co-so/${id}/phan-loai`, { employees: '10', craftVillage: '', artisans: '1', womenWorkers: '7', disabledWorkers: '' }, { from: `/co-so/${id}/phan-loai` });
    expect(saved.status).toBe(303);
    expect((await api()).body).toMatchObject({ employees: 10, craftVillage: null, womenWorkers: 7, disabledWorkers: null, classificationVersion: 1 });
  });

  it('staff see on the file page whether it is verified; an officer verifies it there; the owner\'s later change asks for it again', async () => {
    const fileId = await initialedFile(t, c, { establishment: { craftVillage: 'Làng nghề mây tre đan Phú Vinh', artisans: 2, womenWorkers: 15, disabledWorkers: 1 } });
    const { establishmentId } = (await t.http.get(`/api/v1/applications/${fileId}`).set(c.applicant.auth).expect(200)).body;
    await t.app.get(DataSource).query('UPDATE users SET full_name = ? WHERE id = ?', ['Trần Thị Bích Ngọc', c.officer.id]);
    const officer = await signable(c.officer);
    const leader = await signable(c.leader);

    const before = (await officer.get(`/ho-so/${fileId}`)).text;
    expect(before).toContain('Phân loại cơ sở');
    expect(before).toContain('Làng nghề mây tre đan Phú Vinh');
    expect(before).toContain('Chưa xác nhận');
    expect(before).toContain(`action="/ho-so/${fileId}/xac-nhan-phan-loai"`);
    // A leader sees it but does not verify it.
    const seenByLeader = (await leader.get(`/ho-so/${fileId}`)).text;
    expect(seenByLeader).toContain('Chưa xác nhận');
    expect(seenByLeader).not.toContain('xac-nhan-phan-loai');
    expect((await leader.post(`/ho-so/${fileId}/xac-nhan-phan-loai`, { classificationVersion: '0' }, { from: `/ho-so/${fileId}` })).status).toBe(403);

    // The owner changed it after the officer opened the page: the officer is told, nothing is verified.
    await t.http.patch(`/api/v1/establishments/${establishmentId}`).set(c.applicant.auth).send({ womenWorkers: 16 }).expect(200);
    const stale = await officer.post(`/ho-so/${fileId}/xac-nhan-phan-loai`, { classificationVersion: '0' }, { csrf: csrfOf(before) });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('Chủ cơ sở vừa sửa phân loại');

    const page = (await officer.get(`/ho-so/${fileId}`)).text;
    const done = await officer.post(`/ho-so/${fileId}/xac-nhan-phan-loai`, { classificationVersion: hiddenValue(page, 'classificationVersion') }, { csrf: csrfOf(page) });
    expect(done.status).toBe(303);
    const after = (await officer.get(`/ho-so/${fileId}`)).text;
    expect(after).toContain('Đã xác nhận');
    expect(after).toContain('Trần Thị Bích Ngọc');
    expect(after).not.toContain('xac-nhan-phan-loai');
    expect((await t.http.get(`/api/v1/establishments/${establishmentId}`).set(c.applicant.auth).expect(200)).body).toMatchObject({ womenWorkers: 16, classificationVerifiedBy: c.officer.id });

    // The producer sees it verified; changing it asks for a new verification.
    const producer = await signable(c.applicant);
    expect((await producer.get('/co-so')).text).toContain('Đã xác nhận');
    const changed = await producer.post(`/co-so/${establishmentId}/phan-loai`, { employees: '25', craftVillage: 'Làng nghề mây tre đan Phú Vinh', artisans: '3', womenWorkers: '16', disabledWorkers: '1' }, { from: `/co-so/${establishmentId}/phan-loai` });
    expect(changed.status).toBe(303);
    expect((await producer.get('/co-so')).text).toContain('cần cán bộ xác nhận lại');
    expect((await officer.get(`/ho-so/${fileId}`)).text).toContain('Chưa xác nhận');
  });
});
