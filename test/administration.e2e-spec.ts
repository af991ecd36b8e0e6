import { DataSource } from 'typeorm';
import { createActor, createUnit, TestActor } from './support/actors';
import { fundWithBudget, postMoney } from './support/budget';
import { startTestApp, TestApp } from './support/test-app';
import { attachRequiredDocuments } from './support/files';

/**
 * Administration (issue 13): users (changes taking effect on the next request, password reset and
 * change), units (rename, move, deactivate, activate), all audited, admin only, bad input a 400.
 */

const api = (path: string) => `/api/v1${path}`;
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;
const PASSWORD = 'mat-khau-ban-dau-2026';
/** Years of this file only (tests share the run's database). */
const YEAR = 2071;

describe('administration', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: TestActor;
  let finance: TestActor;
  let home: { id: string };

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    home = await createUnit(t, 'centre');
    admin = await createActor(t, ['admin'], home.id);
    finance = await createActor(t, ['finance']);
  });
  afterAll(() => t.close());

  /** A staff account made through the API, signed in: its access and refresh tokens. */
  async function signedInUser(roles: string[] = ['officer'], unitId = home.id) {
    const email = `adm${unique()}@administration.test.vn`;
    const created = await t.http.post(api('/users')).set(admin.auth).send({ email, password: PASSWORD, fullName: 'Cán bộ thử', unitId, roles }).expect(201);
    const session = await login(email);
    expect(session.status).toBe(200);
    return { id: created.body.id as string, email, ...sessionOf(session.body) };
  }

  function login(email: string, password = PASSWORD) {
    return t.http.post(api('/auth/login')).send({ email, password });
  }

  function sessionOf(body: { accessToken: string; refreshToken: string }) {
    return { refreshToken: body.refreshToken, auth: { Authorization: `Bearer ${body.accessToken}` } };
  }

  async function auditActions(entityId: string): Promise<string[]> {
    const res = await t.http.get(api('/audit')).query({ entityId, pageSize: 200 }).set(admin.auth).expect(200);
    return res.body.items.map((e: { action: string }) => e.action);
  }

  describe('users', () => {
    it('a role given or taken takes effect on the user’s next request', async () => {
      const user = await signedInUser(['officer']);
      await t.http.get(api('/budget/summary')).set(user.auth).expect(403);
      const patched = await t.http.patch(api(`/users/${user.id}`)).set(admin.auth).send({ roles: ['officer', 'finance'] }).expect(200);
      expect(patched.body.roles).toEqual(['officer', 'finance']);
      await t.http.get(api('/budget/summary')).set(user.auth).expect(200);
      await t.http.get(api('/me')).set(user.auth).expect(200).expect((res) => expect(res.body.roles).toEqual(['officer', 'finance']));

      await t.http.patch(api(`/users/${user.id}`)).set(admin.auth).send({ roles: ['officer'] }).expect(200);
      await t.http.get(api('/budget/summary')).set(user.auth).expect(403);
      expect(await auditActions(user.id)).toEqual(expect.arrayContaining(['user.create', 'user.update']));
    });

    it('a money route with a remembered caller refuses once a role is taken away, and moves nothing', async () => {
      const year = YEAR;
      const payer = await signedInUser(['finance']);
      const { fundCode } = await fundWithBudget(t, finance, { year, appropriated: '1000000' });
      const [a, b] = [await createUnit(t), await createUnit(t)];
      await postMoney(t, finance, '/allocations', { fundCode, fiscalYear: year, unitId: a.id, amount: '1000', decisionNo: 'PB-1' }).expect(201);
      const body = { fundCode, fiscalYear: year, fromUnitId: a.id, toUnitId: b.id, amount: '1', reason: 'điều chuyển' };
      const payerActor = { auth: payer.auth } as TestActor;
      await postMoney(t, payerActor, '/allocations/transfer', body).expect(201); // read once: remembered from here on
      const moved = async () => Number((await db.query('SELECT COUNT(*) AS n FROM ledger_transfers WHERE unit_id = ?', [a.id]))[0].n);
      const before = await moved();

      await t.http.patch(api(`/users/${payer.id}`)).set(admin.auth).send({ roles: ['officer'] }).expect(200);
      // The remembered caller still holds the role in memory: the transaction's confirm_actor refuses (401).
      await postMoney(t, payerActor, '/allocations/transfer', body, `k-${unique()}`).expect(401);
      await postMoney(t, payerActor, '/allocations/transfer', body).expect(403);
      expect(await moved()).toBe(before);
    });

    it('a unit change moves the user, and a deactivated or unknown unit is refused', async () => {
      const user = await signedInUser(['officer']);
      const other = await createUnit(t, 'division');
      const moved = await t.http.patch(api(`/users/${user.id}`)).set(admin.auth).send({ unitId: other.id, fullName: '  Lê Thị Hoa ', phone: '0912 345 678' }).expect(200);
      expect(moved.body).toMatchObject({ unitId: other.id, fullName: 'Lê Thị Hoa', phone: '0912 345 678' });
      expect((await t.http.get(api('/me')).set(user.auth).expect(200)).body.unitId).toBe(other.id);

      const closed = await createUnit(t, 'division');
      await t.http.post(api(`/units/${closed.id}/deactivate`)).set(admin.auth).expect(200);
      const refused = await t.http.patch(api(`/users/${user.id}`)).set(admin.auth).send({ unitId: closed.id }).expect(409);
      expect(refused.body).toMatchObject({ code: 'INVALID_STATE', errors: [{ field: 'unitId' }] });
      const creating = await t.http
        .post(api('/users'))
        .set(admin.auth)
        .send({ email: `adm${unique()}@administration.test.vn`, password: PASSWORD, fullName: 'Cán bộ mới', unitId: closed.id, roles: ['officer'] })
        .expect(409);
      expect(creating.body.code).toBe('INVALID_STATE');
      await t.http.patch(api(`/users/${user.id}`)).set(admin.auth).send({ unitId: '01JZZZZZZZZZZZZZZZZZZZZZZZ' }).expect(400);
      expect((await t.http.get(api(`/users/${user.id}`)).set(admin.auth).expect(200)).body.unitId).toBe(other.id);
    });

    it('stores, returns and clears a leader scope, validating its codes and units', async () => {
      const leader = await signedInUser(['leader']);
      const scope = { activityTypeCodes: ['machinery'], unitIds: [home.id] };
      const set = await t.http.patch(api(`/users/${leader.id}`)).set(admin.auth).send({ leaderScope: scope }).expect(200);
      expect(set.body.leaderScope).toEqual(scope);
      expect((await t.http.get(api(`/users/${leader.id}`)).set(admin.auth).expect(200)).body.leaderScope).toEqual(scope);

      const badCode = await t.http.patch(api(`/users/${leader.id}`)).set(admin.auth).send({ leaderScope: { activityTypeCodes: ['no_such_activity'] } }).expect(400);
      expect(badCode.body.errors).toEqual([{ field: 'leaderScope.activityTypeCodes[0]', message: expect.any(String) }]);
      const badUnit = await t.http.patch(api(`/users/${leader.id}`)).set(admin.auth).send({ leaderScope: { unitIds: [home.id, 'not-a-unit'] } }).expect(400);
      expect(badUnit.body.errors).toEqual([{ field: 'leaderScope.unitIds[1]', message: expect.any(String) }]);
      const notObject = await t.http.patch(api(`/users/${leader.id}`)).set(admin.auth).send({ leaderScope: ['machinery'] }).expect(400);
      expect(notObject.body.errors[0].field).toBe('leaderScope');
      expect((await t.http.get(api(`/users/${leader.id}`)).set(admin.auth).expect(200)).body.leaderScope).toEqual(scope);

      const cleared = await t.http.patch(api(`/users/${leader.id}`)).set(admin.auth).send({ leaderScope: null }).expect(200);
      expect(cleared.body.leaderScope).toBeNull();
    });

    it('refuses bad input with a 400 naming the field, and changes nothing', async () => {
      const user = await signedInUser(['officer']);
      const cases: Array<[object, string]> = [
        [{ roles: ['officer', 'king'] }, 'roles'],
        [{ roles: [] }, 'roles'],
        [{ fullName: '' }, 'fullName'],
        [{ fullName: null }, 'fullName'],
        [{ phone: 'abc' }, 'phone'],
        [{ email: 'x@y.vn' }, 'email'],
        [{ leaderScope: { unitIds: 'x' } }, 'leaderScope.unitIds'],
      ];
      for (const [body, field] of cases) {
        const res = await t.http.patch(api(`/users/${user.id}`)).set(admin.auth).send(body);
        expect({ status: res.status, field: res.body.errors?.[0]?.field }).toEqual({ status: 400, field });
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
      const now = (await t.http.get(api(`/users/${user.id}`)).set(admin.auth).expect(200)).body;
      expect(now).toMatchObject({ roles: ['officer'], fullName: 'Cán bộ thử', phone: null });
      await t.http.patch(api('/users/01JZZZZZZZZZZZZZZZZZZZZZZZ')).set(admin.auth).send({ fullName: 'Ai đó' }).expect(404);
      await t.http.patch(api(`/users/${admin.id}`)).set(admin.auth).send({ roles: ['officer'] }).expect(403);
    });

    it('only an administrator may change users or reset a password', async () => {
      const user = await signedInUser(['officer']);
      const head = await createActor(t, ['head', 'leader', 'finance', 'auditor'], home.id);
      await t.http.patch(api(`/users/${user.id}`)).set(head.auth).send({ roles: ['admin'] }).expect(403);
      await t.http.post(api(`/users/${user.id}/reset-password`)).set(head.auth).expect(403);
      await t.http.patch(api(`/users/${user.id}`)).send({ roles: ['admin'] }).expect(401);
      expect((await t.http.get(api(`/users/${user.id}`)).set(admin.auth).expect(200)).body.roles).toEqual(['officer']);
    });

    it('a reset ends every sign-in and forces a password change before anything else', async () => {
      const user = await signedInUser(['officer']);
      const second = sessionOf((await login(user.email).expect(200)).body);

      const reset = await t.http.post(api(`/users/${user.id}/reset-password`)).set(admin.auth).expect(200);
      expect(Object.keys(reset.body)).toEqual(['temporaryPassword']);
      const temporary: string = reset.body.temporaryPassword;
      expect(temporary.length).toBeGreaterThanOrEqual(10);

      // Both sign-ins are over: refresh tokens dead, access tokens 401 at once.
      await t.http.post(api('/auth/refresh')).send({ refreshToken: user.refreshToken }).expect(401);
      await t.http.post(api('/auth/refresh')).send({ refreshToken: second.refreshToken }).expect(401);
      await t.http.get(api('/me')).set(user.auth).expect(401);
      await t.http.get(api('/me')).set(second.auth).expect(401);
      await login(user.email, PASSWORD).expect(401);

      const signIn = await login(user.email, temporary).expect(200);
      expect(signIn.body.user.mustChangePassword).toBe(true);
      const forced = sessionOf(signIn.body);
      const refused = await t.http.get(api('/units')).set(forced.auth).expect(403);
      expect(refused.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      await t.http.get(api('/applications')).set(forced.auth).expect(403);
      expect((await t.http.get(api('/me')).set(forced.auth).expect(200)).body.mustChangePassword).toBe(true);

      // The change: the same rule as registration, the current password checked.
      const short = await t.http.post(api('/me/password')).set(forced.auth).send({ currentPassword: temporary, newPassword: 'ngan' }).expect(400);
      expect(short.body.errors).toEqual([{ field: 'newPassword', message: expect.stringContaining('10') }]);
      const wrong = await t.http.post(api('/me/password')).set(forced.auth).send({ currentPassword: 'khong-phai-mat-khau', newPassword: 'mat-khau-moi-2026' }).expect(400);
      expect(wrong.body.errors).toEqual([{ field: 'currentPassword', message: expect.any(String) }]);
      await t.http.post(api('/me/password')).set(forced.auth).send({ currentPassword: temporary, newPassword: 'mat-khau-moi-2026' }).expect(204);

      await t.http.get(api('/units')).set(forced.auth).expect(200);
      expect((await t.http.get(api('/me')).set(forced.auth).expect(200)).body.mustChangePassword).toBe(false);
      await login(user.email, temporary).expect(401);
      expect((await login(user.email, 'mat-khau-moi-2026').expect(200)).body.user.mustChangePassword).toBe(false);
      expect(await auditActions(user.id)).toEqual(expect.arrayContaining(['user.reset_password', 'user.change_password']));
      const entries = (await t.http.get(api('/audit')).query({ entityId: user.id, pageSize: 200 }).set(admin.auth).expect(200)).body.items;
      expect(JSON.stringify(entries)).not.toContain(temporary);
    });

    it('a reset user is refused on a money route too, even when remembered', async () => {
      const year = YEAR + 1;
      const payer = await signedInUser(['finance']);
      const { fundCode } = await fundWithBudget(t, finance, { year, appropriated: '1000000' });
      const unit = await createUnit(t);
      const body = { fundCode, fiscalYear: year, unitId: unit.id, amount: '1', decisionNo: 'PB-2' };
      await postMoney(t, { auth: payer.auth } as TestActor, '/allocations', body).expect(201); // remembered
      const temporary = (await t.http.post(api(`/users/${payer.id}/reset-password`)).set(admin.auth).expect(200)).body.temporaryPassword;
      const forced = { auth: sessionOf((await login(payer.email, temporary).expect(200)).body).auth } as TestActor;
      const refused = await postMoney(t, forced, '/allocations', body).expect(403);
      expect(refused.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
      const count = await db.query("SELECT COUNT(*) AS n FROM ledger_transfers WHERE unit_id = ? AND kind = 'allocation'", [unit.id]);
      expect(Number(count[0].n)).toBe(1);
    });

    it('changing one’s own password ends the other sign-ins and keeps the current one', async () => {
      const user = await signedInUser(['officer']);
      const other = sessionOf((await login(user.email).expect(200)).body);
      await t.http.post(api('/me/password')).set(user.auth).send({ currentPassword: PASSWORD, newPassword: 'mat-khau-khac-2026' }).expect(204);
      await t.http.get(api('/me')).set(user.auth).expect(200);
      await t.http.get(api('/me')).set(other.auth).expect(401);
      await t.http.post(api('/auth/refresh')).send({ refreshToken: other.refreshToken }).expect(401);
      const renewed = await t.http.post(api('/auth/refresh')).send({ refreshToken: user.refreshToken }).expect(200);
      await t.http.get(api('/me')).set('Authorization', `Bearer ${renewed.body.accessToken}`).expect(200);
      await t.http.post(api('/me/password')).set(user.auth).send({ currentPassword: 'x' }).expect(400);
      await t.http.post(api('/me/password')).send({ currentPassword: 'mat-khau-khac-2026', newPassword: 'mat-khau-thu-ba-2026' }).expect(401);
    });
  });

  describe('units', () => {
    async function newUnit(parentId?: string) {
      const res = await t.http.post(api('/units')).set(admin.auth).send({ code: `AD${unique()}`.toUpperCase().slice(0, 32), name: 'Phòng thử', kind: 'division', parentId }).expect(201);
      return res.body as { id: string; code: string };
    }

    it('renames and moves a unit, refuses a loop with 409, and audits each change', async () => {
      const top = await newUnit();
      const middle = await newUnit(top.id);
      const bottom = await newUnit(middle.id);
      const renamed = await t.http.patch(api(`/units/${middle.id}`)).set(admin.auth).send({ name: '  Phòng Quản lý Công nghiệp ' }).expect(200);
      expect(renamed.body).toMatchObject({ id: middle.id, name: 'Phòng Quản lý Công nghiệp', parentId: top.id });

      const loop = await t.http.patch(api(`/units/${top.id}`)).set(admin.auth).send({ parentId: bottom.id }).expect(409);
      expect(loop.body).toMatchObject({ code: 'INVALID_STATE', errors: [{ field: 'parentId' }] });
      await t.http.patch(api(`/units/${top.id}`)).set(admin.auth).send({ parentId: top.id }).expect(409);
      expect((await t.http.get(api(`/units/${top.id}`)).set(admin.auth).expect(200)).body.parentId).toBeNull();

      const moved = await t.http.patch(api(`/units/${bottom.id}`)).set(admin.auth).send({ parentId: top.id }).expect(200);
      expect(moved.body.parentId).toBe(top.id);
      const root = await t.http.patch(api(`/units/${bottom.id}`)).set(admin.auth).send({ parentId: null }).expect(200);
      expect(root.body.parentId).toBeNull();
      expect(await auditActions(middle.id)).toEqual(['unit.create', 'unit.update']);
      expect(await auditActions(bottom.id)).toEqual(['unit.create', 'unit.update', 'unit.update']);
    });

    it('refuses bad unit input with a 400 naming the field, a stranger with 403', async () => {
      const unit = await newUnit();
      for (const [body, field] of [
        [{ name: '' }, 'name'],
        [{ name: null }, 'name'],
        [{ parentId: 'khong-co' }, 'parentId'],
        [{ code: 'X' }, 'code'],
      ] as Array<[object, string]>) {
        const res = await t.http.patch(api(`/units/${unit.id}`)).set(admin.auth).send(body);
        expect({ status: res.status, field: res.body.errors?.[0]?.field }).toEqual({ status: 400, field });
      }
      await t.http.patch(api('/units/01JZZZZZZZZZZZZZZZZZZZZZZZ')).set(admin.auth).send({ name: 'X' }).expect(404);
      const officer = await createActor(t, ['officer', 'head', 'leader', 'finance', 'auditor'], home.id);
      await t.http.patch(api(`/units/${unit.id}`)).set(officer.auth).send({ name: 'Đổi' }).expect(403);
      await t.http.post(api(`/units/${unit.id}/deactivate`)).set(officer.auth).expect(403);
      await t.http.post(api(`/units/${unit.id}/activate`)).set(officer.auth).expect(403);
      expect((await t.http.get(api(`/units/${unit.id}`)).set(admin.auth).expect(200)).body).toMatchObject({ name: 'Phòng thử', active: true });
    });

    it('deactivation: refused while the unit holds money (naming it) or open files; a closed unit takes no new work until reopened', async () => {
      const year = YEAR + 2;
      const { fundCode } = await fundWithBudget(t, finance, { year, appropriated: '900000000' });
      const unit = await newUnit();
      const spare = await newUnit();
      await postMoney(t, finance, '/allocations', { fundCode, fiscalYear: year, unitId: unit.id, amount: '1250000', decisionNo: 'PB-3' }).expect(201);

      const holding = await t.http.post(api(`/units/${unit.id}/deactivate`)).set(admin.auth).expect(409);
      expect(holding.body.code).toBe('INVALID_STATE');
      expect(holding.body.detail).toContain(fundCode);
      expect(holding.body.detail).toContain(String(year));
      expect(holding.body.detail).toContain('1.250.000');

      // Money moved away: the unit may close.
      await postMoney(t, finance, '/allocations/transfer', { fundCode, fiscalYear: year, fromUnitId: unit.id, toUnitId: spare.id, amount: '1250000', reason: 'thu về' }).expect(201);
      const closed = await t.http.post(api(`/units/${unit.id}/deactivate`)).set(admin.auth).expect(200);
      expect(closed.body).toMatchObject({ id: unit.id, active: false });
      await t.http.post(api(`/units/${unit.id}/deactivate`)).set(admin.auth).expect(409);

      // No new allocation of any kind reaches it, and nothing moves.
      const allocation = await postMoney(t, finance, '/allocations', { fundCode, fiscalYear: year, unitId: unit.id, amount: '1000', decisionNo: 'PB-4' }).expect(409);
      expect(allocation.body).toMatchObject({ code: 'INVALID_STATE', errors: [{ field: 'unitId' }] });
      const split = await postMoney(t, finance, '/allocations/split', { fundCode, fiscalYear: year, amount: '1000', shares: [{ unitId: spare.id, weight: 1 }, { unitId: unit.id, weight: 1 }] }).expect(409);
      expect(split.body.errors).toEqual([expect.objectContaining({ field: 'shares[1].unitId' })]);
      const transfer = await postMoney(t, finance, '/allocations/transfer', { fundCode, fiscalYear: year, fromUnitId: spare.id, toUnitId: unit.id, amount: '1', reason: 'thử' }).expect(409);
      expect(transfer.body.errors).toEqual([expect.objectContaining({ field: 'toUnitId' })]);
      const moves = await db.query("SELECT COUNT(*) AS n FROM ledger_transfers WHERE unit_id = ? AND kind = 'allocation'", [unit.id]);
      expect(Number(moves[0].n)).toBe(1);

      // Reopened: it takes money again.
      const reopened = await t.http.post(api(`/units/${unit.id}/activate`)).set(admin.auth).expect(200);
      expect(reopened.body.active).toBe(true);
      await t.http.post(api(`/units/${unit.id}/activate`)).set(admin.auth).expect(409);
      await postMoney(t, finance, '/allocations', { fundCode, fiscalYear: year, unitId: unit.id, amount: '1000', decisionNo: 'PB-5' }).expect(201);
      expect(await auditActions(unit.id)).toEqual(['unit.create', 'unit.deactivate', 'unit.activate']);
    });

    it('deactivation: refused while a file in progress names the unit; a closed unit gets no file assigned or recommended', async () => {
      const year = YEAR + 3;
      const { fundCode } = await fundWithBudget(t, finance, { year, appropriated: '900000000' });
      // The closed unit sits above the lead unit (its allocation is one the lead unit's files may draw on),
      // both under a centre, whose heads take in submitted files.
      const centre = await createUnit(t, 'centre');
      const closed = await newUnit(centre.id);
      const lead = await newUnit(closed.id);
      const [applicant, officer, head] = [await createActor(t, ['applicant']), await createActor(t, ['officer'], lead.id), await createActor(t, ['head'], lead.id)];
      const title = `Máy sấy thử ${unique()}`;
      const fileId = await submittedFile(applicant, fundCode, year, title);

      await t.http.post(api(`/units/${closed.id}/deactivate`)).set(admin.auth).expect(200);
      const assignClosed = await t.http.post(api(`/applications/${fileId}/assign`)).set(head.auth).send({ officerId: officer.id, leadUnitId: closed.id, dueDate: `${year}-12-31` }).expect(409);
      expect(assignClosed.body).toMatchObject({ code: 'INVALID_STATE', errors: [{ field: 'leadUnitId' }] });
      expect((await t.http.get(api(`/applications/${fileId}`)).set(head.auth).expect(200)).body).toMatchObject({ status: 'submitted', leadUnitId: null });

      await t.http.post(api(`/applications/${fileId}/assign`)).set(head.auth).send({ officerId: officer.id, leadUnitId: lead.id, dueDate: `${year}-12-31` }).expect(200);
      const busy = await t.http.post(api(`/units/${lead.id}/deactivate`)).set(admin.auth).expect(409);
      expect(busy.body.code).toBe('INVALID_STATE');
      expect(busy.body.detail).toContain(title);
      expect((await t.http.get(api(`/units/${lead.id}`)).set(admin.auth).expect(200)).body.active).toBe(true);

      await t.http.post(api(`/applications/${fileId}/appraisals`)).set(officer.auth).send({ score: 80, recommendation: 'approve' }).expect(201);
      const recommend = await t.http.post(api(`/applications/${fileId}/recommend`)).set(officer.auth).send({ approvedSupport: '100000000', allocationUnitId: closed.id, note: 'Đủ điều kiện' }).expect(409);
      expect(recommend.body).toMatchObject({ code: 'INVALID_STATE', errors: [{ field: 'allocationUnitId' }] });
      expect((await t.http.get(api(`/applications/${fileId}`)).set(officer.auth).expect(200)).body.status).toBe('under_review');

      await t.http.post(api(`/units/${closed.id}/activate`)).set(admin.auth).expect(200);
      await t.http.post(api(`/applications/${fileId}/recommend`)).set(officer.auth).send({ approvedSupport: '100000000', allocationUnitId: closed.id, note: 'Đủ điều kiện' }).expect(200);
    });

    it('an unknown unit is 404 for deactivation and activation', async () => {
      await t.http.post(api('/units/01JZZZZZZZZZZZZZZZZZZZZZZZ/deactivate')).set(admin.auth).expect(404);
      await t.http.post(api('/units/khong-co/activate')).set(admin.auth).expect(404);
    });
  });

  async function submittedFile(applicant: TestActor, fundCode: string, year: number, title: string): Promise<string> {
    const establishment = await t.http
      .post(api('/establishments'))
      .set(applicant.auth)
      .send({
        name: 'Hợp tác xã cơ khí Phú Thành',
        kind: 'cooperative',
        taxCode: `${(Date.now() % 1e7).toString().padStart(7, '0')}${(counter++ % 1000).toString().padStart(3, '0')}`,
        communeCode: '29263',
        address: 'Ấp Phú Thành',
        representative: 'Nguyễn Văn An',
        phone: '0912345678',
        employees: 25,
      })
      .expect(201);
    const created = await t.http
      .post(api('/applications'))
      .set(applicant.auth)
      .send({
        establishmentId: establishment.body.id,
        activityTypeCode: 'machinery',
        fiscalYear: year,
        fundCode,
        title,
        communeCode: '29263',
        startDate: `${year}-04-01`,
        endDate: `${year}-10-31`,
        costLines: [{ description: 'Máy sấy lúa', quantity: '1', unitPrice: '400000000', eligible: true }],
        requestedSupport: '100000000',
      })
      .expect(201);
    await attachRequiredDocuments(t, applicant.auth, created.body.id);
    await t.http.post(api(`/applications/${created.body.id}/submit`)).set(applicant.auth).expect(200);
    return created.body.id;
  }
});
