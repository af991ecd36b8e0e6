import { DataSource } from 'typeorm';
import { Role, ROLES, STAFF_ROLES } from '../src/common/auth/actor';
import { createActor, createUnit, TestActor } from './support/actors';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Every endpoint built so far, called by nobody and by each role: the status each must get.
 * 401 without a token, 403 for a role that may not use the route at all, 404 for a resource the
 * caller may not see (other people's delegations), never a 500.
 */

type Who = 'anonymous' | Role;
const WHO: Who[] = ['anonymous', ...ROLES];
type Expected = Record<Who, number>;

/** `ok` for the roles listed, 403 for other roles, 401 without a token. */
function allow(ok: number, roles: readonly Role[], overrides: Partial<Expected> = {}): Expected {
  const expected = Object.fromEntries(WHO.map((w) => [w, w === 'anonymous' ? 401 : roles.includes(w) ? ok : 403])) as Expected;
  return { ...expected, ...overrides };
}
const everyone = (status: number): Expected => Object.fromEntries(WHO.map((w) => [w, status])) as Expected;

interface World {
  t: TestApp;
  as: Record<Role, TestActor>;
  unitId: string;
  /** A delegation between two people who are not in the matrix. */
  foreignDelegationId: string;
}

interface Endpoint {
  /** As in the OpenAPI document: `GET /api/v1/units/{id}`. */
  route: string;
  /** What this row checks, when a route has several rows. */
  note?: string;
  path: (w: World, who: Who) => Promise<string> | string;
  body?: (w: World, who: Who) => object;
  expected: Expected;
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`.toUpperCase();
const MISSING_ID = '01JZZZZZZZZZZZZZZZZZZZZZZZ';
const tomorrow = (w: World) => new Date(Date.parse(`${w.t.clock.today()}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10);

async function newUser(w: World, active: boolean): Promise<string> {
  const user = await createActor(w.t, ['officer'], w.unitId);
  if (!active) await w.t.app.get(DataSource).query('UPDATE users SET active = 0 WHERE id = ?', [user.id]);
  return user.id;
}

async function delegationOf(w: World, from: TestActor, to: TestActor, scope: 'decision' | 'routine' = 'decision'): Promise<string> {
  const res = await w.t.http
    .post('/api/v1/delegations')
    .set(from.auth)
    .send({ scope, toUserId: to.id, validFrom: tomorrow(w), validTo: tomorrow(w), reason: 'Đi công tác' });
  expect(res.status).toBe(201);
  return res.body.id;
}

const ENDPOINTS: Endpoint[] = [
  { route: 'GET /health', path: () => '/health', expected: everyone(200) },
  {
    route: 'POST /api/v1/auth/login',
    note: 'a bad pair, whoever asks',
    path: () => '/api/v1/auth/login',
    body: () => ({ email: 'nobody@matrix.test.vn', password: 'sai-mat-khau' }),
    expected: everyone(401),
  },
  {
    route: 'POST /api/v1/auth/register',
    path: () => '/api/v1/auth/register',
    body: () => ({ email: `reg${unique()}@matrix.test.vn`, password: 'mat-khau-du-dai', fullName: 'Cơ sở thử' }),
    expected: everyone(201),
  },
  {
    route: 'POST /api/v1/auth/refresh',
    note: 'an unknown token',
    path: () => '/api/v1/auth/refresh',
    body: () => ({ refreshToken: 'x'.repeat(43) }),
    expected: everyone(401),
  },
  {
    route: 'POST /api/v1/auth/logout',
    path: () => '/api/v1/auth/logout',
    body: () => ({ refreshToken: 'x'.repeat(43) }),
    expected: allow(204, ROLES),
  },
  { route: 'GET /api/v1/me', path: () => '/api/v1/me', expected: allow(200, ROLES) },
  {
    route: 'POST /api/v1/units',
    path: () => '/api/v1/units',
    body: () => ({ code: `M${unique()}`, name: 'Phòng thử', kind: 'office' }),
    expected: allow(201, ['admin']),
  },
  { route: 'GET /api/v1/units', path: () => '/api/v1/units', expected: allow(200, STAFF_ROLES) },
  { route: 'GET /api/v1/units/tree', path: () => '/api/v1/units/tree', expected: allow(200, STAFF_ROLES) },
  { route: 'GET /api/v1/units/{id}', path: (w) => `/api/v1/units/${w.unitId}`, expected: allow(200, STAFF_ROLES) },
  {
    route: 'GET /api/v1/units/{id}',
    note: 'absent',
    path: () => `/api/v1/units/${MISSING_ID}`,
    expected: allow(404, STAFF_ROLES),
  },
  {
    route: 'POST /api/v1/users',
    path: () => '/api/v1/users',
    body: (w) => ({ email: `staff${unique()}@matrix.test.vn`, password: 'mat-khau-du-dai', fullName: 'Cán bộ thử', unitId: w.unitId, roles: ['officer'] }),
    expected: allow(201, ['admin']),
  },
  { route: 'GET /api/v1/users', path: () => '/api/v1/users', expected: allow(200, ['admin']) },
  { route: 'GET /api/v1/users/{id}', path: (w) => `/api/v1/users/${w.as.officer.id}`, expected: allow(200, ['admin']) },
  {
    route: 'GET /api/v1/users/{id}',
    note: 'absent',
    path: () => `/api/v1/users/${MISSING_ID}`,
    expected: allow(404, ['admin']),
  },
  {
    route: 'PATCH /api/v1/users/{id}',
    path: async (w) => `/api/v1/users/${await newUser(w, true)}`,
    body: () => ({ fullName: 'Cán bộ đổi tên' }),
    expected: allow(200, ['admin']),
  },
  {
    route: 'POST /api/v1/users/{id}/reset-password',
    path: async (w) => `/api/v1/users/${await newUser(w, true)}/reset-password`,
    expected: allow(200, ['admin']),
  },
  {
    route: 'POST /api/v1/me/password',
    note: 'a wrong current password',
    path: () => '/api/v1/me/password',
    body: () => ({ currentPassword: 'khong-dung-mat-khau', newPassword: 'mat-khau-moi-du-dai' }),
    expected: allow(400, ROLES),
  },
  {
    route: 'PATCH /api/v1/units/{id}',
    path: (w) => `/api/v1/units/${w.unitId}`,
    body: () => ({ name: 'Trung tâm thử' }),
    expected: allow(200, ['admin']),
  },
  {
    route: 'POST /api/v1/units/{id}/deactivate',
    note: 'an empty unit',
    path: async (w) => `/api/v1/units/${(await createUnit(w.t, 'office')).id}/deactivate`,
    expected: allow(200, ['admin']),
  },
  {
    route: 'POST /api/v1/units/{id}/activate',
    path: async (w) => {
      const { id } = await createUnit(w.t, 'office');
      await w.t.app.get(DataSource).query('UPDATE units SET active = 0 WHERE id = ?', [id]);
      return `/api/v1/units/${id}/activate`;
    },
    expected: allow(200, ['admin']),
  },
  {
    route: 'POST /api/v1/users/{id}/deactivate',
    path: async (w) => `/api/v1/users/${await newUser(w, true)}/deactivate`,
    expected: allow(200, ['admin']),
  },
  {
    route: 'POST /api/v1/users/{id}/activate',
    path: async (w) => `/api/v1/users/${await newUser(w, false)}/activate`,
    expected: allow(200, ['admin']),
  },
  {
    route: 'POST /api/v1/delegations',
    path: () => '/api/v1/delegations',
    body: (w) => ({ toUserId: w.as.head.id, validFrom: tomorrow(w), validTo: tomorrow(w), reason: 'Nghỉ phép' }),
    expected: allow(201, ['leader']),
  },
  {
    route: 'POST /api/v1/delegations',
    note: "routine work to a member of the unit: a head's; a leader names the wrong scope",
    path: () => '/api/v1/delegations',
    body: (w) => ({ scope: 'routine', toUserId: w.as.officer.id, validFrom: tomorrow(w), validTo: tomorrow(w), reason: 'Nghỉ phép' }),
    expected: allow(201, ['head'], { leader: 400 }),
  },
  { route: 'GET /api/v1/delegations', path: () => '/api/v1/delegations', expected: allow(200, STAFF_ROLES) },
  {
    route: 'GET /api/v1/delegations/{id}',
    note: "someone else's: only auditors see it",
    path: (w) => `/api/v1/delegations/${w.foreignDelegationId}`,
    expected: allow(404, STAFF_ROLES, { auditor: 200 }),
  },
  {
    route: 'GET /api/v1/delegations/{id}',
    note: 'given by the matrix leader to the matrix head',
    path: async (w) => `/api/v1/delegations/${await delegationOf(w, w.as.leader, w.as.head)}`,
    expected: allow(404, STAFF_ROLES, { leader: 200, head: 200, auditor: 200 }),
  },
  {
    route: 'DELETE /api/v1/delegations/{id}',
    note: "the matrix leader's",
    path: async (w) => `/api/v1/delegations/${await delegationOf(w, w.as.leader, w.as.officer)}`,
    expected: allow(204, ['leader'], { head: 404 }),
  },
  {
    route: 'DELETE /api/v1/delegations/{id}',
    note: "the matrix head's routine one",
    path: async (w) => `/api/v1/delegations/${await delegationOf(w, w.as.head, w.as.officer, 'routine')}`,
    expected: allow(204, ['head'], { leader: 404 }),
  },
  {
    route: 'DELETE /api/v1/delegations/{id}',
    note: "someone else's",
    path: (w) => `/api/v1/delegations/${w.foreignDelegationId}`,
    expected: allow(404, ['leader', 'head']),
  },
  { route: 'GET /api/v1/audit', path: () => '/api/v1/audit', expected: allow(200, ['auditor', 'admin']) },
  { route: 'GET /api/v1/audit/verify', path: () => '/api/v1/audit/verify', expected: allow(200, ['auditor']) },
];

/** The routes this matrix is about: identity, organisation, audit (other modules keep their own matrices). */
const COVERED_PREFIXES = ['/health', '/api/v1/auth/', '/api/v1/me', '/api/v1/units', '/api/v1/users', '/api/v1/delegations', '/api/v1/audit'];

describe('access matrix: identity, organisation, delegation, audit', () => {
  const w = {} as World;
  beforeAll(async () => {
    w.t = await startTestApp();
    w.unitId = (await createUnit(w.t, 'centre')).id;
    const as = {} as Record<Role, TestActor>;
    for (const role of ROLES) as[role] = await createActor(w.t, [role], role === 'applicant' ? null : w.unitId);
    w.as = as;
    const strangerLeader = await createActor(w.t, ['leader'], w.unitId);
    const strangerHead = await createActor(w.t, ['head'], w.unitId);
    w.foreignDelegationId = await delegationOf(w, strangerLeader, strangerHead);
  });
  afterAll(() => w.t.close());

  const rows = ENDPOINTS.flatMap((endpoint) => WHO.map((who) => ({ endpoint, who })));

  it.each(rows.map(({ endpoint, who }) => [`${endpoint.route}${endpoint.note ? ` (${endpoint.note})` : ''} as ${who} → ${endpoint.expected[who]}`, endpoint, who] as const))(
    '%s',
    async (_name, endpoint, who) => {
      const [method] = endpoint.route.split(' ');
      const path = await endpoint.path(w, who);
      let req = w.t.http[method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete'](path);
      if (who !== 'anonymous') req = req.set(w.as[who].auth);
      if (endpoint.body) req = req.send(endpoint.body(w, who));
      const res = await req;
      expect({ status: res.status, body: res.status >= 400 ? res.body : undefined }).toMatchObject({ status: endpoint.expected[who] });
      if (res.status >= 400) {
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body.status).toBe(res.status);
      }
    },
  );

  it('covers every identity, organisation and audit route the service documents', async () => {
    const doc = await w.t.http.get('/api/docs-json').expect(200);
    const documented = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const ours = documented.filter((route) => COVERED_PREFIXES.some((p) => route.split(' ')[1].startsWith(p))).sort();
    const inMatrix = [...new Set(ENDPOINTS.map((e) => e.route))].sort();
    expect(inMatrix).toEqual(ours);
  });
});
