import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { ActorSource, Actor } from '../src/common/auth/actor';
import { DomainError, Forbidden } from '../src/common/http/domain-error';
import { Money } from '../src/common/money/decimal';
import { dropDatabase } from '../src/database/ensure-database';
import { TransactionRunner } from '../src/database/transaction';
import { parseDatabaseUrl, withDatabase } from '../src/database/database-url';
import { DelegationService } from '../src/modules/identity/delegation.service';
import { PasswordHasher } from '../src/modules/identity/password-hasher';
import { DEMO_USERS } from '../src/demo/demo-province';
import { runStartupTasks } from '../src/startup';
import { demoLoginLines } from '../src/demo/demo-logins';
import { createActor, createUnit, TestActor } from './support/actors';
import { startTestApp, startTestAppOnFreshDatabase, TestApp } from './support/test-app';

const api = (path: string) => `/api/v1${path}`;
let counter = 0;
const uniqueEmail = (prefix = 'u') => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}@identity.test.vn`;
const PASSWORD = 'mat-khau-du-dai-2026';

/** `YYYY-MM-DD` plus whole days. */
function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86400_000).toISOString().slice(0, 10);
}
/** 10:00 in Hồ Chí Minh City on that day. */
const at = (day: string) => new Date(`${day}T03:00:00Z`);

async function register(t: TestApp, email = uniqueEmail(), password = PASSWORD) {
  const res = await t.http.post(api('/auth/register')).send({ email, password, fullName: 'Nguyễn Thị Mai', phone: '0912345678' });
  expect(res.status).toBe(201);
  return { id: res.body.id as string, email, password };
}

async function login(t: TestApp, email: string, password = PASSWORD) {
  return t.http.post(api('/auth/login')).send({ email, password });
}

async function expectForbidden(promise: Promise<unknown>, message?: RegExp): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Forbidden);
  expect((error as DomainError).code).toBe('FORBIDDEN');
  if (message) expect((error as DomainError).detail).toMatch(message);
}

describe('accounts: register, login, refresh, logout, me', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('registers an applicant who logs in and gets the contract shape', async () => {
    const email = uniqueEmail('Mai.');
    const res = await t.http
      .post(api('/auth/register'))
      .send({ email: `  ${email.toUpperCase()} `, password: PASSWORD, fullName: 'Nguyễn Thị Mai' })
      .expect(201);
    expect(Object.keys(res.body)).toEqual(['id']);
    expect(res.body.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);

    const session = await login(t, email.toUpperCase());
    expect(session.status).toBe(200);
    expect(session.body).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: t.config.ACCESS_TOKEN_TTL_SECONDS,
      user: { id: res.body.id, email: email.toLowerCase(), fullName: 'Nguyễn Thị Mai', roles: ['applicant'], unitId: null, mustChangePassword: false },
    });
    const me = await t.http.get(api('/me')).set('Authorization', `Bearer ${session.body.accessToken}`).expect(200);
    expect(me.body).toEqual(session.body.user);
  });

  it('stores the password as an argon2id hash, never in clear', async () => {
    const { id } = await register(t);
    const [row] = await t.app.get(DataSource).query('SELECT password_hash FROM users WHERE id = ?', [id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(row.password_hash).not.toContain(PASSWORD);
  });

  it('refuses a second account for the same email, whatever its case (409)', async () => {
    const { email } = await register(t);
    const res = await t.http.post(api('/auth/register')).send({ email: email.toUpperCase(), password: PASSWORD, fullName: 'Người khác' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('DUPLICATE');
  });

  it('refuses invalid registrations naming each field, and never lets the caller pick roles', async () => {
    const res = await t.http.post(api('/auth/register')).send({ email: 'not-an-email', password: 'short', fullName: '' }).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'fullName', 'password']);
    const withRoles = await t.http
      .post(api('/auth/register'))
      .send({ email: uniqueEmail(), password: PASSWORD, fullName: 'Kẻ gian', roles: ['admin'] })
      .expect(400);
    expect(withRoles.body.errors).toEqual([{ field: 'roles', message: expect.any(String) }]);
  });

  it('gives the same 401 for an unknown email and a wrong password, verifying a dummy hash for the unknown one', async () => {
    const { email } = await register(t);
    const hasher = t.app.get(PasswordHasher);
    const dummy = jest.spyOn(hasher, 'verifyDummy');
    try {
      const wrong = await login(t, email, 'sai-mat-khau-roi');
      expect(dummy).not.toHaveBeenCalled();
      const unknown = await login(t, uniqueEmail('nobody'), 'sai-mat-khau-roi');
      expect(dummy).toHaveBeenCalledTimes(1);
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(unknown.body).toEqual(wrong.body);
      expect(wrong.body).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', detail: 'Email hoặc mật khẩu không đúng.' });
    } finally {
      dummy.mockRestore();
    }
  });

  it('GET /me needs a valid access token', async () => {
    await t.http.get(api('/me')).expect(401);
    await t.http.get(api('/me')).set('Authorization', 'Bearer not.a.jwt').expect(401);
    const { email } = await register(t);
    const session = (await login(t, email)).body;
    // A refresh token is not an access token.
    await t.http.get(api('/me')).set('Authorization', `Bearer ${session.refreshToken}`).expect(401);
  });

  it('an access token stops at its expiry even after it was accepted (its signature is checked once)', async () => {
    const { id } = await register(t);
    const jwt = t.app.get(JwtService);
    const token = await jwt.signAsync({ sub: id, typ: 'access' }, { expiresIn: 1 });
    const { exp } = jwt.decode(token) as { exp: number };
    await t.http.get(api('/me')).set('Authorization', `Bearer ${token}`).expect(200);
    // Wait until the token's expiry second has passed (it is at most about two seconds away).
    while (Date.now() <= exp * 1000) await new Promise((resolve) => setTimeout(resolve, 50));
    await t.http.get(api('/me')).set('Authorization', `Bearer ${token}`).expect(401);
    // A token altered after it was accepted is refused too: the memory is keyed by the whole token.
    const fresh = await jwt.signAsync({ sub: id, typ: 'access' });
    await t.http.get(api('/me')).set('Authorization', `Bearer ${fresh}`).expect(200);
    await t.http.get(api('/me')).set('Authorization', `Bearer ${fresh.slice(0, -2)}xx`).expect(401);
  });

  it('a refresh token gives a new working pair and works only once', async () => {
    const { email } = await register(t);
    const first = (await login(t, email)).body;
    const second = await t.http.post(api('/auth/refresh')).send({ refreshToken: first.refreshToken }).expect(200);
    expect(second.body).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: t.config.ACCESS_TOKEN_TTL_SECONDS,
      user: first.user,
    });
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    await t.http.get(api('/me')).set('Authorization', `Bearer ${second.body.accessToken}`).expect(200);
    const again = await t.http.post(api('/auth/refresh')).send({ refreshToken: first.refreshToken });
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('UNAUTHENTICATED');
  });

  it('reusing a spent refresh token revokes its whole family, and only that family', async () => {
    const { email, id } = await register(t);
    const stolen = (await login(t, email)).body.refreshToken;
    const otherDevice = (await login(t, email)).body.refreshToken;
    const r2 = (await t.http.post(api('/auth/refresh')).send({ refreshToken: stolen }).expect(200)).body.refreshToken;
    const r3 = (await t.http.post(api('/auth/refresh')).send({ refreshToken: r2 }).expect(200)).body.refreshToken;

    // The thief replays the spent token: refused, and the legitimate holder's current token dies too.
    await t.http.post(api('/auth/refresh')).send({ refreshToken: stolen }).expect(401);
    await t.http.post(api('/auth/refresh')).send({ refreshToken: r3 }).expect(401);

    // The other session (another family) is untouched.
    await t.http.post(api('/auth/refresh')).send({ refreshToken: otherDevice }).expect(200);

    const rows = await t.app
      .get(DataSource)
      .query('SELECT revoked_reason, COUNT(*) AS n FROM refresh_tokens WHERE user_id = ? GROUP BY revoked_reason ORDER BY revoked_reason', [id]);
    expect(rows.map((r: { revoked_reason: string | null; n: string }) => [r.revoked_reason, Number(r.n)])).toEqual([
      [null, 2],
      ['reuse', 3],
    ]);
  });

  it('two refreshes racing with one token: exactly one wins, and the loser revokes the family', async () => {
    const { email } = await register(t);
    const token = (await login(t, email)).body.refreshToken;
    const results = await Promise.all([1, 2].map(() => t.http.post(api('/auth/refresh')).send({ refreshToken: token })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
    const winner = results.find((r) => r.status === 200)!.body.refreshToken;
    await t.http.post(api('/auth/refresh')).send({ refreshToken: winner }).expect(401);
  });

  it('an unknown or expired refresh token is refused', async () => {
    await t.http.post(api('/auth/refresh')).send({ refreshToken: 'x'.repeat(43) }).expect(401);
    const { email } = await register(t);
    const token = (await login(t, email)).body.refreshToken;
    const start = t.clock.now();
    try {
      t.clock.set(new Date(start.getTime() + (t.config.REFRESH_TOKEN_TTL_SECONDS + 1) * 1000));
      await t.http.post(api('/auth/refresh')).send({ refreshToken: token }).expect(401);
    } finally {
      t.clock.set(start);
    }
    // Expired, not spent: nothing was revoked, it simply stays unusable.
    const [row] = await t.app
      .get(DataSource)
      .query('SELECT used_at, revoked_at FROM refresh_tokens t JOIN users u ON u.id = t.user_id WHERE u.email = ?', [email]);
    expect(row).toEqual({ used_at: null, revoked_at: null });
  });

  it('logout revokes the session (204) and needs an access token', async () => {
    const { email } = await register(t);
    const session = (await login(t, email)).body;
    await t.http.post(api('/auth/logout')).send({ refreshToken: session.refreshToken }).expect(401);
    await t.http
      .post(api('/auth/logout'))
      .set('Authorization', `Bearer ${session.accessToken}`)
      .send({ refreshToken: session.refreshToken })
      .expect(204);
    await t.http.post(api('/auth/refresh')).send({ refreshToken: session.refreshToken }).expect(401);
  });

  it('an access token ends with its sign-in: logout or a stolen refresh token stops it at once, other sign-ins go on', async () => {
    const { email } = await register(t);
    const [first, second, third] = [(await login(t, email)).body, (await login(t, email)).body, (await login(t, email)).body];
    const me = (session: { accessToken: string }) => t.http.get(api('/me')).set('Authorization', `Bearer ${session.accessToken}`);
    await me(first).expect(200);
    await t.http.post(api('/auth/logout')).set('Authorization', `Bearer ${first.accessToken}`).send({ refreshToken: first.refreshToken }).expect(204);
    const ended = await me(first).expect(401);
    expect(ended.body.detail).toContain('Phiên đăng nhập đã kết thúc');
    await me(second).expect(200);
    // A refresh token used twice: its whole sign-in ends, the access token it came with too.
    await t.http.post(api('/auth/refresh')).send({ refreshToken: second.refreshToken }).expect(200);
    await t.http.post(api('/auth/refresh')).send({ refreshToken: second.refreshToken }).expect(401);
    await me(second).expect(401);
    await me(third).expect(200);
  });

  it("logging out with someone else's refresh token changes nothing", async () => {
    const victim = await register(t);
    const victimToken = (await login(t, victim.email)).body.refreshToken;
    const other = await register(t);
    const otherAccess = (await login(t, other.email)).body.accessToken;
    await t.http.post(api('/auth/logout')).set('Authorization', `Bearer ${otherAccess}`).send({ refreshToken: victimToken }).expect(204);
    await t.http.post(api('/auth/refresh')).send({ refreshToken: victimToken }).expect(200);
  });
});

describe('users: an admin creates, deactivates and re-activates accounts', () => {
  let t: TestApp;
  let admin: TestActor;
  let unitId: string;
  beforeAll(async () => {
    t = await startTestApp();
    unitId = (await createUnit(t, 'centre')).id;
    admin = await createActor(t, ['admin'], unitId);
  });
  afterAll(() => t.close());

  async function createUser(roles: string[] = ['officer']) {
    const email = uniqueEmail('staff');
    const res = await t.http
      .post(api('/users'))
      .set(admin.auth)
      .send({ email, password: PASSWORD, fullName: 'Trần Văn Bình', unitId, roles });
    expect(res.status).toBe(201);
    return res.body;
  }

  it('creates a staff user who can log in, shown without the password hash', async () => {
    const user = await createUser(['head', 'officer']);
    expect(user).toEqual({
      id: expect.any(String),
      email: expect.stringMatching(/@identity\.test\.vn$/),
      fullName: 'Trần Văn Bình',
      roles: ['officer', 'head'],
      unitId,
      phone: null,
      active: true,
      mustChangePassword: false,
      leaderScope: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const session = await login(t, user.email);
    expect(session.status).toBe(200);
    expect(session.body.user).toEqual({ id: user.id, email: user.email, fullName: user.fullName, roles: ['officer', 'head'], unitId, mustChangePassword: false });
    const fetched = await t.http.get(api(`/users/${user.id}`)).set(admin.auth).expect(200);
    expect(fetched.body).toEqual(user);
  });

  it('refuses an unknown unit, unknown roles and an empty role list, naming the field', async () => {
    const base = { email: uniqueEmail(), password: PASSWORD, fullName: 'Lê Thị Cúc', unitId, roles: ['officer'] };
    const badUnit = await t.http.post(api('/users')).set(admin.auth).send({ ...base, unitId: '01JZZZZZZZZZZZZZZZZZZZZZZZ' }).expect(400);
    expect(badUnit.body.errors).toEqual([{ field: 'unitId', message: expect.any(String) }]);
    const badRole = await t.http.post(api('/users')).set(admin.auth).send({ ...base, roles: ['superuser'] }).expect(400);
    expect(badRole.body.errors[0].field).toBe('roles');
    const noRole = await t.http.post(api('/users')).set(admin.auth).send({ ...base, roles: [] }).expect(400);
    expect(noRole.body.errors[0].field).toBe('roles');
  });

  it('a deactivated user is locked out at once: the live access token, login and refresh all fail', async () => {
    const user = await createUser();
    const session = (await login(t, user.email)).body;
    const bearer = { Authorization: `Bearer ${session.accessToken}` };
    await t.http.get(api('/me')).set(bearer).expect(200);

    const deactivated = await t.http.post(api(`/users/${user.id}/deactivate`)).set(admin.auth).expect(200);
    expect(deactivated.body).toMatchObject({ id: user.id, active: false });

    const locked = await t.http.get(api('/me')).set(bearer);
    expect(locked.status).toBe(401);
    expect(locked.body.code).toBe('UNAUTHENTICATED');
    const relogin = await login(t, user.email);
    expect(relogin.status).toBe(401);
    expect(relogin.body.detail).toBe('Email hoặc mật khẩu không đúng.');
    await t.http.post(api('/auth/refresh')).send({ refreshToken: session.refreshToken }).expect(401);

    // Deactivating twice is a state conflict.
    const twice = await t.http.post(api(`/users/${user.id}/deactivate`)).set(admin.auth).expect(409);
    expect(twice.body.code).toBe('INVALID_STATE');

    // Re-activated, the person logs in again; the sessions from before stay ended, their access
    // tokens included.
    await t.http.post(api(`/users/${user.id}/activate`)).set(admin.auth).expect(200);
    const fresh = await login(t, user.email);
    expect(fresh.status).toBe(200);
    await t.http.get(api('/me')).set('Authorization', `Bearer ${fresh.body.accessToken}`).expect(200);
    await t.http.get(api('/me')).set(bearer).expect(401);
    await t.http.post(api('/auth/refresh')).send({ refreshToken: session.refreshToken }).expect(401);
  });

  it('an admin cannot deactivate themself', async () => {
    const res = await t.http.post(api(`/users/${admin.id}/deactivate`)).set(admin.auth).expect(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  it('unknown or malformed user ids are 404', async () => {
    await t.http.get(api('/users/01JZZZZZZZZZZZZZZZZZZZZZZZ')).set(admin.auth).expect(404);
    await t.http.post(api('/users/nope/deactivate')).set(admin.auth).expect(404);
    await t.http.post(api('/users/01JZZZZZZZZZZZZZZZZZZZZZZZ/activate')).set(admin.auth).expect(404);
  });

  it('lists users with filters and pagination', async () => {
    const auditor = await createUser(['auditor']);
    const res = await t.http.get(api(`/users?role=auditor&unitId=${unitId}&pageSize=200`)).set(admin.auth).expect(200);
    expect(res.body).toMatchObject({ page: 1, pageSize: 200 });
    expect(res.body.items.map((u: { id: string }) => u.id)).toContain(auditor.id);
    expect(res.body.items.every((u: { roles: string[] }) => u.roles.includes('auditor'))).toBe(true);
    expect(res.body.items.every((u: Record<string, unknown>) => !('passwordHash' in u))).toBe(true);
  });
});

describe('units: a tree of the organisation', () => {
  let t: TestApp;
  let admin: TestActor;
  let officer: TestActor;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await createActor(t, ['admin']);
    officer = await createActor(t, ['officer']);
  });
  afterAll(() => t.close());

  const code = (prefix: string) => `${prefix}-${Date.now().toString(36)}${(counter++).toString(36)}`.toUpperCase();

  it('builds a department with divisions under it, shown as a tree', async () => {
    const department = await t.http
      .post(api('/units'))
      .set(admin.auth)
      .send({ code: code('SCT'), name: 'Sở Công Thương', kind: 'department' })
      .expect(201);
    expect(department.body).toEqual({
      id: expect.any(String),
      code: expect.any(String),
      name: 'Sở Công Thương',
      kind: 'department',
      parentId: null,
      active: true,
      createdAt: expect.any(String),
    });
    const division = await t.http
      .post(api('/units'))
      .set(admin.auth)
      .send({ code: code('KHTC'), name: 'Phòng Kế hoạch – Tài chính', kind: 'division', parentId: department.body.id })
      .expect(201);
    expect(division.body.parentId).toBe(department.body.id);

    const tree = await t.http.get(api('/units/tree')).set(officer.auth).expect(200);
    const root = tree.body.items.find((n: { id: string }) => n.id === department.body.id);
    expect(root.children).toEqual([{ ...division.body, children: [] }]);

    const children = await t.http.get(api(`/units?parentId=${department.body.id}`)).set(officer.auth).expect(200);
    expect(children.body).toEqual({ items: [division.body], total: 1, page: 1, pageSize: 50 });
    await t.http.get(api(`/units/${division.body.id}`)).set(officer.auth).expect(200, division.body);
  });

  it('refuses an unknown parent (400), a duplicate code (409) and an unknown kind (400)', async () => {
    const c = code('DUP');
    await t.http.post(api('/units')).set(admin.auth).send({ code: c, name: 'A', kind: 'office' }).expect(201);
    const dup = await t.http.post(api('/units')).set(admin.auth).send({ code: c, name: 'B', kind: 'office' }).expect(409);
    expect(dup.body.code).toBe('DUPLICATE');
    const parent = await t.http
      .post(api('/units'))
      .set(admin.auth)
      .send({ code: code('X'), name: 'C', kind: 'office', parentId: '01JZZZZZZZZZZZZZZZZZZZZZZZ' })
      .expect(400);
    expect(parent.body.errors).toEqual([{ field: 'parentId', message: expect.any(String) }]);
    const kind = await t.http.post(api('/units')).set(admin.auth).send({ code: code('K'), name: 'D', kind: 'ministry' }).expect(400);
    expect(kind.body.errors[0].field).toBe('kind');
  });

  it('an unknown unit id is 404', async () => {
    await t.http.get(api('/units/01JZZZZZZZZZZZZZZZZZZZZZZZ')).set(officer.auth).expect(404);
    await t.http.get(api('/units/not-an-id')).set(officer.auth).expect(404);
  });
});

describe('rate limiting of login and registration', () => {
  const LIMIT = 3;
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_AUTH_PER_MINUTE: String(LIMIT), RATE_LIMIT_AUTH_PER_ADDRESS_PER_MINUTE: String(LIMIT) });
  });
  afterAll(() => t.close());

  // The app trusts X-Forwarded-For from loopback, so each test speaks from its own address.
  const from = (ip: string) => ({ 'X-Forwarded-For': ip });

  it('limits one address trying many accounts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 1; i++) {
      const res = await t.http.post(api('/auth/login')).set(from('203.0.113.10')).send({ email: uniqueEmail('ip'), password: 'sai-mat-khau' });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await t.http.post(api('/auth/login')).set(from('203.0.113.10')).send({ email: uniqueEmail('ip'), password: 'x' });
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    expect(limited.body).toMatchObject({ status: 429, code: 'RATE_LIMITED', title: 'Quá nhiều yêu cầu' });
    // Another address is not affected.
    await t.http.post(api('/auth/login')).set(from('203.0.113.11')).send({ email: uniqueEmail('ip'), password: 'x' }).expect(401);
  });

  it('limits one account tried from many addresses, even with the right password', async () => {
    const email = uniqueEmail('acct');
    await t.http.post(api('/auth/register')).set(from('198.51.100.1')).send({ email, password: PASSWORD, fullName: 'Phan Văn Dũng' }).expect(201);
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) {
      const res = await t.http.post(api('/auth/login')).set(from(`198.51.100.${10 + i}`)).send({ email: email.toUpperCase(), password: 'doan-mo-sai' });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401]);
    const right = await t.http.post(api('/auth/login')).set(from('198.51.100.99')).send({ email, password: PASSWORD });
    expect(right.status).toBe(429);
    expect(right.body.code).toBe('RATE_LIMITED');
    // Other accounts from a fresh address still get through.
    await t.http.post(api('/auth/login')).set(from('198.51.100.100')).send({ email: uniqueEmail('other'), password: 'x' }).expect(401);
  });

  it('limits registration per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 1; i++) {
      const res = await t.http
        .post(api('/auth/register'))
        .set(from('192.0.2.50'))
        .send({ email: uniqueEmail('reg'), password: PASSWORD, fullName: 'Đỗ Thị Én' });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
  });

  it('does not limit other routes by the auth limit', async () => {
    const actor = await createActor(t, ['applicant']);
    for (let i = 0; i < LIMIT + 2; i++) await t.http.get(api('/me')).set(actor.auth).set(from('192.0.2.77')).expect(200);
  });
});

describe('delegation (ủy quyền): who may decide, in what capacity', () => {
  let t: TestApp;
  let leader: TestActor;
  let otherLeader: TestActor;
  let head: TestActor;
  let officer: TestActor;
  let applicant: TestActor;
  let auditor: TestActor;
  let delegations: DelegationService;
  let today: string;
  const actorOf = (a: TestActor) => t.app.get(ActorSource).findActiveActor(a.id) as Promise<Actor>;

  beforeAll(async () => {
    t = await startTestApp();
    const unit = await createUnit(t, 'department');
    leader = await createActor(t, ['leader'], unit.id);
    otherLeader = await createActor(t, ['leader'], unit.id);
    head = await createActor(t, ['head'], unit.id);
    officer = await createActor(t, ['officer'], unit.id);
    applicant = await createActor(t, ['applicant']);
    auditor = await createActor(t, ['auditor'], unit.id);
    delegations = t.app.get(DelegationService);
    today = t.clock.today();
  });
  afterAll(() => t.close());

  function delegate(by: TestActor, body: Record<string, unknown>) {
    return t.http
      .post(api('/delegations'))
      .set(by.auth)
      .send({ validFrom: addDays(today, 1), validTo: addDays(today, 5), reason: 'Giám đốc đi công tác', ...body });
  }

  it('a leader decides in their own right', async () => {
    const capacity = await delegations.decisionCapacity(await actorOf(leader), {
      amount: new Money('5000000000'),
      activityTypeCode: 'ANY',
      on: at(today),
    });
    expect(capacity).toEqual({ capacity: 'leader' });
  });

  it('someone without a delegation may not decide', async () => {
    await expectForbidden(
      delegations.decisionCapacity(await actorOf(officer), { amount: new Money('1'), activityTypeCode: 'MAY_MOC', on: at(today) }),
      /lãnh đạo/,
    );
  });

  it('covers decisions inside its window, up to its amount, for its activity types only', async () => {
    const res = await delegate(leader, { toUserId: head.id, maxAmount: '300000000', activityTypeCodes: ['MAY_MOC', 'TRINH_DIEN'] });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      fromUserId: leader.id,
      toUserId: head.id,
      scope: 'decision',
      validFrom: addDays(today, 1),
      validTo: addDays(today, 5),
      maxAmount: '300000000',
      currency: 'VND',
      activityTypeCodes: ['MAY_MOC', 'TRINH_DIEN'],
      reason: 'Giám đốc đi công tác',
      status: 'scheduled',
      createdAt: expect.any(String),
      revokedAt: null,
    });
    const id = res.body.id;
    const actor = await actorOf(head);
    const ask = (overrides: { amount?: string; activityTypeCode?: string; day?: string }) =>
      delegations.decisionCapacity(actor, {
        amount: new Money(overrides.amount ?? '250000000'),
        activityTypeCode: overrides.activityTypeCode ?? 'MAY_MOC',
        on: at(overrides.day ?? addDays(today, 2)),
      });

    // Inside the window (first and last day included), within the amount, a listed activity.
    for (const day of [addDays(today, 1), addDays(today, 3), addDays(today, 5)]) {
      expect(await ask({ day })).toEqual({ capacity: 'delegated', onBehalfOf: leader.id, delegationId: id });
    }
    expect(await ask({ amount: '300000000', activityTypeCode: 'TRINH_DIEN' })).toEqual({
      capacity: 'delegated',
      onBehalfOf: leader.id,
      delegationId: id,
    });
    // Outside the window, over the amount, another activity type.
    await expectForbidden(ask({ day: today }), /hiệu lực từ ngày/);
    await expectForbidden(ask({ day: addDays(today, 6) }), /hết hiệu lực/);
    await expectForbidden(ask({ amount: '300000001' }), /vượt hạn mức ủy quyền 300\.000\.000 VND/);
    await expectForbidden(ask({ activityTypeCode: 'HA_TANG_CCN' }), /HA_TANG_CCN/);
    // Inside the decision's own transaction (share-locking the delegation) the answer is the same.
    const inTransaction = await t.app.get(TransactionRunner).run(() => ask({}));
    expect(inTransaction).toEqual({ capacity: 'delegated', onBehalfOf: leader.id, delegationId: id });
    // Nobody else benefits from it.
    await expectForbidden(delegations.decisionCapacity(await actorOf(officer), { amount: new Money('1'), activityTypeCode: 'MAY_MOC', on: at(addDays(today, 2)) }));
  });

  it('a delegation without limits covers any amount and activity type in its window', async () => {
    const res = await delegate(leader, { toUserId: officer.id, validFrom: today, validTo: today }).expect(201);
    expect(res.body).toMatchObject({ maxAmount: null, activityTypeCodes: null, status: 'active' });
    const capacity = await delegations.decisionCapacity(await actorOf(officer), {
      amount: new Money('9999999999'),
      activityTypeCode: 'HA_TANG_CCN',
      on: at(today),
    });
    expect(capacity).toEqual({ capacity: 'delegated', onBehalfOf: leader.id, delegationId: res.body.id });
    await expectForbidden(
      delegations.decisionCapacity(await actorOf(officer), { amount: new Money('1'), activityTypeCode: 'X', on: at(addDays(today, 1)) }),
    );
  });

  it('stops covering once revoked; revoking again changes nothing; only its giver may revoke it', async () => {
    const finance = await createActor(t, ['finance']);
    const res = await delegate(leader, { toUserId: finance.id, validFrom: today }).expect(201);
    const ask = async () =>
      delegations.decisionCapacity(await actorOf(finance), { amount: new Money('1000000'), activityTypeCode: 'MAY_MOC', on: at(today) });
    expect(await ask()).toMatchObject({ capacity: 'delegated' });

    await t.http.delete(api(`/delegations/${res.body.id}`)).set(otherLeader.auth).expect(404);
    expect(await ask()).toMatchObject({ capacity: 'delegated' });

    await t.http.delete(api(`/delegations/${res.body.id}`)).set(leader.auth).expect(204);
    await expectForbidden(ask());
    await t.http.delete(api(`/delegations/${res.body.id}`)).set(leader.auth).expect(204);
    const shown = await t.http.get(api(`/delegations/${res.body.id}`)).set(leader.auth).expect(200);
    expect(shown.body).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
    const [{ n }] = await t.app
      .get(DataSource)
      .query("SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'delegation' AND entity_id = ? AND action = 'delegation.revoke'", [res.body.id]);
    expect(Number(n)).toBe(1);
  });

  it('stops covering when its giver is deactivated or is no longer a leader', async () => {
    const giver = await createActor(t, ['leader']);
    const taker = await createActor(t, ['head']);
    await delegate(giver, { toUserId: taker.id, validFrom: today }).expect(201);
    const ask = async () =>
      delegations.decisionCapacity(await actorOf(taker), { amount: new Money('1000000'), activityTypeCode: 'MAY_MOC', on: at(today) });
    expect(await ask()).toMatchObject({ capacity: 'delegated', onBehalfOf: giver.id });
    await t.app.get(DataSource).query("UPDATE users SET roles = 'head' WHERE id = ?", [giver.id]);
    await expectForbidden(ask());
    await t.app.get(DataSource).query("UPDATE users SET roles = 'leader', active = 0 WHERE id = ?", [giver.id]);
    await expectForbidden(ask());
  });

  it('refuses impossible delegations, naming the field', async () => {
    const field = async (body: Record<string, unknown>) => {
      const res = await delegate(leader, body);
      expect(res.status).toBe(400);
      return res.body.errors.map((e: { field: string }) => e.field);
    };
    expect(await field({ toUserId: head.id, validFrom: addDays(today, 5), validTo: addDays(today, 4) })).toEqual(['validTo']);
    expect(await field({ toUserId: head.id, validFrom: addDays(today, -1) })).toEqual(['validFrom']);
    expect(await field({ toUserId: head.id, validFrom: '2026-02-30' })).toEqual(['validFrom']);
    expect(await field({ toUserId: leader.id })).toEqual(['toUserId']);
    expect(await field({ toUserId: applicant.id })).toEqual(['toUserId']);
    expect(await field({ toUserId: auditor.id })).toEqual(['toUserId']);
    expect(await field({ toUserId: '01JZZZZZZZZZZZZZZZZZZZZZZZ' })).toEqual(['toUserId']);
    expect(await field({ toUserId: head.id, maxAmount: '1.5' })).toEqual(['maxAmount']);
    expect(await field({ toUserId: head.id, maxAmount: 300000000 })).toEqual(['maxAmount']);
    expect(await field({ toUserId: head.id, maxAmount: '-5' })).toEqual(['maxAmount']);
    expect(await field({ toUserId: head.id, activityTypeCodes: [] })).toEqual(['activityTypeCodes']);
    expect(await field({ toUserId: head.id, reason: '' })).toEqual(['reason']);
  });

  it('lists what one gave and received; auditors see all; others see none of it', async () => {
    const res = await delegate(otherLeader, { toUserId: officer.id }).expect(201);
    const ids = async (who: TestActor, query = '') =>
      (await t.http.get(api(`/delegations?pageSize=200${query}`)).set(who.auth).expect(200)).body.items.map((d: { id: string }) => d.id);
    expect(await ids(otherLeader, '&direction=given')).toContain(res.body.id);
    expect(await ids(officer, '&direction=received')).toContain(res.body.id);
    expect(await ids(officer, '&direction=given')).not.toContain(res.body.id);
    expect(await ids(auditor)).toContain(res.body.id);
    expect(await ids(leader)).not.toContain(res.body.id);
    expect(await ids(head)).not.toContain(res.body.id);
    await t.http.get(api(`/delegations/${res.body.id}`)).set(leader.auth).expect(404);
    await t.http.get(api(`/delegations/${res.body.id}`)).set(officer.auth).expect(200);
  });
});

describe('first start: bootstrap admin and demo province', () => {
  const base = process.env.DATABASE_URL!;
  const url = withDatabase(base, `${parseDatabaseUrl(base).database}_startup`);
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestAppOnFreshDatabase(url, {
      SEED_DEMO: 'true',
      BOOTSTRAP_ADMIN_EMAIL: 'Root@KCFund.test',
      BOOTSTRAP_ADMIN_PASSWORD: 'khoi-tao-quan-tri-2026',
    });
  });
  afterAll(async () => {
    await t?.close();
    await dropDatabase(url);
  });

  it('creates the bootstrap admin and seeds the demo province once, handing back each login (no password among the lines)', async () => {
    const { lines: printed, demoLogins } = await runStartupTasks(t.app);
    expect(printed[0]).toBe('Đã tạo tài khoản quản trị ban đầu: root@kcfund.test');
    expect(printed.join('\n')).toContain('Sở Công Thương Đồng Tháp');
    for (const l of demoLogins) expect(printed.join('\n')).not.toContain(l.password);
    const lines = demoLoginLines(demoLogins);

    const admin = await login(t, 'root@kcfund.test', 'khoi-tao-quan-tri-2026');
    expect(admin.status).toBe(200);
    expect(admin.body.user.roles).toEqual(['admin']);

    for (const user of DEMO_USERS) {
      const line = lines.find((l) => l.includes(` ${user.email} `));
      expect(line).toBeDefined();
      const password = /\s(Kc-\S+)\s/.exec(line!)![1];
      const session = await login(t, user.email, password);
      expect(session.status).toBe(200);
      expect(session.body.user).toMatchObject({ email: user.email, fullName: user.fullName, roles: [user.role] });
    }

    const leader = DEMO_USERS.find((u) => u.role === 'officer')!;
    const officerLine = lines.find((l) => l.includes(leader.email))!;
    const officerToken = (await login(t, leader.email, /\s(Kc-\S+)\s/.exec(officerLine)![1])).body.accessToken;
    const tree = await t.http.get(api('/units/tree')).set('Authorization', `Bearer ${officerToken}`).expect(200);
    const department = tree.body.items.find((u: { code: string }) => u.code === 'SCT');
    expect(department).toMatchObject({ name: 'Sở Công Thương Đồng Tháp', kind: 'department' });
    expect(department.children.map((c: { name: string }) => c.name).sort()).toEqual(
      ['Phòng Kế hoạch – Tài chính', 'Phòng Quản lý Công nghiệp', 'Trung tâm Khuyến công', 'Văn phòng'].sort(),
    );
    expect(tree.body.items.filter((u: { kind: string }) => u.kind === 'commune')).toHaveLength(3);

    // Every row the start made is in the audit log, as the system.
    const [{ n }] = await t.app.get(DataSource).query("SELECT COUNT(*) AS n FROM audit_log WHERE capacity = 'system' AND actor_id IS NULL");
    expect(Number(n)).toBe(1 + 8 + DEMO_USERS.length);
  });

  it('does nothing on the next start', async () => {
    const [{ n: before }] = await t.app.get(DataSource).query('SELECT COUNT(*) AS n FROM users');
    expect(await runStartupTasks(t.app)).toEqual({ lines: [], demoLogins: [] });
    const [{ n: after }] = await t.app.get(DataSource).query('SELECT COUNT(*) AS n FROM users');
    expect(after).toBe(before);
  });
});
