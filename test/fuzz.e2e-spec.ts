import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { ROLES } from '../src/common/auth/actor';
import { NotificationWorker } from '../src/modules/notifications/notification-worker.service';
import { STATEMENT_COLUMNS } from '../src/modules/reconciliation/dto/statement-format';
import { createActor, createUnit, TestActor } from './support/actors';
import { expectBalanced, postMoney } from './support/budget';
import { attachRequiredDocuments, registerEstablishment, sampleFileBody } from './support/files';
import { registeredRoutes } from './support/router-routes';
import { startTestApp, TestApp } from './support/test-app';
import { appraise, approvedFile, cast, Cast } from './support/workflow';

/**
 * Hostile input against every POST, PUT and PATCH route of the API (the OpenAPI document's list,
 * held equal to the router's, so a route missing from the document fails here rather than going unfuzzed):
 * arbitrary JSON, deep nesting, huge numbers, odd Unicode, wrong types, and bodies shaped like the
 * route's own with one field gone wrong, sent by a user holding every role (so no route stops at
 * its role check) on real records of every kind a path names (files, disbursements, units, users,
 * transfers, a checked settlement, an open recovery, a consultation, an establishment, a reversal
 * request, a notification; a call and a plan year in bodies and paths). Routes where no case got past
 * validation are printed. Whatever is sent, the answer is never a
 * 5xx, and a request that is refused changes nothing in the books.
 *
 * `FUZZ_RUNS` cases per route (default 15, which keeps this file under a minute); set it
 * higher for a longer hunt, and `FUZZ_SEED` to replay a run (fast-check prints the seed and path
 * of a failure).
 */
const RUNS = Number.parseInt(process.env.FUZZ_RUNS ?? '', 10) || 15;
const SEED = process.env.FUZZ_SEED ? Number.parseInt(process.env.FUZZ_SEED, 10) : undefined;
const YEAR = 2027;
/** The year of the world's annual plan, which the plan and narrative routes may replace: reserved to this file, read by no other. */
const PLAN_YEAR = 2092;
const MISSING_ID = '01JZZZZZZZZZZZZZZZZZZZZZZZ';

type Schema = {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  enum?: unknown[];
  example?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  nullable?: boolean;
};
type OpenApi = {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  components: { schemas: Record<string, Schema> };
};

interface Route {
  method: 'post' | 'put' | 'patch';
  template: string;
  multipart: boolean;
  schema: Schema | null;
}

/** A request body: JSON text (well-formed or not), or a multipart form. */
type Body =
  | { kind: 'json'; text: string }
  | { kind: 'multipart'; fields: Array<[string, string]>; file: { bytes: Uint8Array; name: string } | null };

// ---- hostile values ---------------------------------------------------------------------------

const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\ud800',
  '\udfff\ud800',
  '💩'.repeat(300),
  '\u202eRTL',
  'a\u200bb',
  'e\u0301',
  'Đường Nguyễn Huệ',
  "'; DROP TABLE users; --",
  '<script>alert(1)</script>',
  '../../../etc/passwd',
  '%00%ff',
  '${process.env}',
  '1e20',
  '-1',
  '0x10',
  '1,5',
  'NaN',
  'Infinity',
  '999999999999999999999',
  '999999999999999999.99',
  '0.001',
  '00',
  '2027-02-30',
  '9999-12-31',
  '0000-00-00',
  '2027-13-01',
  'x'.repeat(300),
  'x'.repeat(70_000),
];
const ODD_NUMBERS = [0, -0, -1, 1e308, -1e308, 2 ** 53 + 1, 1e21, 0.1 + 0.2, Number.MAX_SAFE_INTEGER, 2 ** 31, -(2 ** 31) - 1, 1.5];

const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<unknown>(...ODD_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(...ODD_NUMBERS) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [1, 2], { a: 1 }, ['x']) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map((n) => n.toString()) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.integer({ min: 10, max: 40 }).map((depth) => nested(depth)) },
);

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/** Bodies that are not JSON objects at all, or JSON that strains the parser. */
const RAW_BODIES = [
  '['.repeat(3000) + ']'.repeat(3000),
  '{"a":'.repeat(3000) + '1' + '}'.repeat(3000),
  '{"amount": 1e999}',
  '{"amount": -0}',
  '{"__proto__": {"isAdmin": true}}',
  '{"constructor": {"prototype": {"x": 1}}}',
  '{"a": 1, "a": 2}',
  '{"email": ',
  '{',
  'null',
  '"text"',
  '12',
  '[]',
  '\ufeff{}',
  '{"x": "\\ud800"}',
];

// ---- the world the routes act on ---------------------------------------------------------------

interface World {
  t: TestApp;
  c: Cast;
  /** Holds every role, in the centre: passes every route's role check and owns the files. */
  everyone: TestActor;
  ids: {
    draft: string;
    approved: string;
    accepted: string;
    disbursement: string;
    transfer: string;
    spareUnit: string;
    spareUser: string;
    /** Filed by the owner and checked by finance: the leader's approval is next. */
    settlement: string;
    /** Opened by a settlement below the advance paid; nothing received yet. */
    recovery: string;
    /** Asked of the spare unit on a file in review; not answered. */
    consultation: string;
    establishment: string;
    /** A reversal of an allocation asked by one finance user; nobody has decided it. */
    reversalRequest: string;
    /** One of `everyone`'s own notifications. */
    notification: string;
    call: string;
  };
}

async function buildWorld(t: TestApp): Promise<World> {
  const api = (path: string) => `/api/v1${path}`;
  const c = await cast(t, YEAR);
  const everyone = await createActor(t, [...ROLES], c.centre.id);
  const asOwner: Cast = { ...c, applicant: everyone };
  const establishment = await registerEstablishment(t, everyone, 'Cơ sở thử nghiệm ngẫu nhiên');
  /** A draft of the world's establishment, as its owner files it. */
  const newDraft = async (): Promise<string> =>
    (
      await t.http
        .post(api('/applications'))
        .set(everyone.auth)
        .send(sampleFileBody({ establishmentId: establishment.id, year: YEAR, fundCode: c.fundCode, requestedSupport: '100000000' }))
        .expect(201)
    ).body.id;
  const draft = await newDraft();
  const contracted = async () => {
    const id = await approvedFile(t, asOwner);
    await t.http.post(api(`/applications/${id}/contract`)).set(c.officer.auth).send({ contractNo: `HĐ-${id}`, signedDate: '2027-03-02' }).expect(200);
    return id;
  };
  const accept = (id: string) =>
    t.http.post(api(`/applications/${id}/acceptance`)).set(c.officer.auth).send({ result: 'passed', date: '2027-03-02', minutesNo: `BB-${id.slice(-6)}`, note: 'Đạt' }).expect(200);
  const settle = async (id: string, eligibleCost: string) => {
    const body = { actualCostLines: [{ description: 'Máy sấy lúa 10 tấn/mẻ', amount: eligibleCost, eligible: true, documentRef: `HĐ GTGT ${id.slice(-6)}` }] };
    const settlementId: string = (await t.http.post(api(`/applications/${id}/settlement`)).set(everyone.auth).send(body).expect(201)).body.id;
    await t.http.post(api(`/settlements/${settlementId}/approve`)).set(c.finance.auth).expect(200);
    return settlementId;
  };

  const approved = await contracted();
  const disbursement = (await postMoney(t, c.officer, '/disbursements', { applicationId: approved, kind: 'advance', amount: '1000000' }).expect(201)).body.id;
  const accepted = await contracted();
  await accept(accepted);

  // A settlement filed and checked, on a file of its own (the accepted file above stays open to a new one).
  const settled = await contracted();
  await accept(settled);
  const settlement = await settle(settled, '600000000');

  // An open recovery: 100.000.000 advanced, final support 10.000.000.
  const recovered = await contracted();
  const advance = (await postMoney(t, c.officer, '/disbursements', { applicationId: recovered, kind: 'advance', amount: '100000000' }).expect(201)).body.id;
  await t.http.post(api(`/disbursements/${advance}/approve`)).set(c.finance.auth).expect(200);
  await postMoney(t, c.finance, `/disbursements/${advance}/pay`, { treasuryRef: `KB-FZ-${advance.slice(-8)}`, valueDate: '2027-03-02' }).expect(200);
  await accept(recovered);
  const recovery: string = (await t.http.post(api(`/settlements/${await settle(recovered, '20000000')}/approve`)).set(c.leader.auth).expect(200)).body.recoveryId;
  expect(recovery).toEqual(expect.any(String));

  const spareUnit = (await createUnit(t, 'office')).id;
  const spareUser = (await createActor(t, ['officer'], spareUnit)).id;

  // A file in review, its officer asking the spare unit.
  const inReview = await newDraft();
  await attachRequiredDocuments(t, everyone.auth, inReview);
  await t.http.post(api(`/applications/${inReview}/submit`)).set(everyone.auth).expect(200);
  await t.http.post(api(`/applications/${inReview}/assign`)).set(c.head.auth).send({ officerId: c.officer.id, leadUnitId: c.centre.id, dueDate: '2027-12-31' }).expect(200);
  await appraise(t, c.officer, inReview);
  const consultation: string = (
    await t.http.post(api(`/applications/${inReview}/consultations`)).set(c.officer.auth).send({ unitId: spareUnit, question: 'Đề nghị cho ý kiến', dueDate: '2027-04-30' }).expect(201)
  ).body.id;

  const allocation = (await postMoney(t, c.finance, '/allocations', { fundCode: c.fundCode, fiscalYear: YEAR, unitId: c.centre.id, amount: '1000', decisionNo: 'PB-FZ-2027' }).expect(201)).body.id;
  const reversalRequest: string = (await t.http.post(api(`/ledger/transfers/${allocation}/reverse`)).set(c.finance.auth).send({ reason: 'Nhập nhầm' }).expect(201)).body.id;

  const call: string = (
    await t.http.post(api('/calls')).set(c.leader.auth).send({ title: 'Đợt thử ngẫu nhiên', fiscalYear: YEAR, fundCode: c.fundCode, activityTypeCodes: ['machinery'], opensOn: '2027-03-01', closesOn: '2027-12-31' }).expect(201)
  ).body.id;
  await t.http
    .put(api(`/plans/${PLAN_YEAR}`))
    .set(c.finance.auth)
    .send({ items: [{ activityTypeCode: 'machinery', unitId: c.centre.id, fundCode: c.fundCode, plannedCount: 3, plannedBudget: '900000000' }] })
    .expect(200);

  // The steps above told `everyone` of their files: the worker turns the events into notifications.
  await t.app.get(NotificationWorker).runOnce();
  const notifications = (await t.http.get(api('/notifications')).set(everyone.auth).expect(200)).body.items;
  expect(notifications.length).toBeGreaterThan(0);

  const transfers = await t.http.get(api('/ledger/transfers')).query({ fundCode: c.fundCode, pageSize: 1 }).set(c.finance.auth).expect(200);
  return {
    t,
    c,
    everyone,
    ids: {
      draft,
      approved,
      accepted,
      disbursement,
      transfer: transfers.body.items[0].id,
      spareUnit,
      spareUser,
      settlement,
      recovery,
      consultation,
      establishment: establishment.id,
      reversalRequest,
      notification: notifications[0].id,
      call,
    },
  };
}

/** The world's records a route's path may name, by the path's start. */
function realIds(w: World, template: string): string[] {
  const byPrefix: Array<[string, string[]]> = [
    ['/api/v1/applications/', [w.ids.draft, w.ids.approved, w.ids.accepted]],
    ['/api/v1/disbursements/', [w.ids.disbursement]],
    ['/api/v1/units/', [w.ids.spareUnit]],
    ['/api/v1/users/', [w.ids.spareUser]],
    ['/api/v1/ledger/transfers/', [w.ids.transfer]],
    ['/api/v1/settlements/', [w.ids.settlement]],
    ['/api/v1/recoveries/', [w.ids.recovery]],
    ['/api/v1/consultations/', [w.ids.consultation]],
    ['/api/v1/establishments/', [w.ids.establishment]],
    ['/api/v1/ledger/reversal-requests/', [w.ids.reversalRequest]],
    ['/api/v1/notifications/', [w.ids.notification]],
  ];
  return byPrefix.find(([prefix]) => template.startsWith(prefix))?.[1] ?? [];
}

/** What a path parameter may be: the route's real records (the year being closed never is), or nonsense. */
function parameterValues(w: World, template: string, name: string): string[] {
  const odd = [MISSING_ID, 'not-an-id', 'x'.repeat(300), '💩', '-1', '1e20', '99999999999999999999', '%00', '..'];
  // The year of the world's plan (and narrative) is real; a year to close never is (closing one would end every other case).
  if (name === 'year') return template.includes('/close') ? ['2098', '0', ...odd] : [String(PLAN_YEAR), String(PLAN_YEAR), '2098', '0', ...odd];
  const real = realIds(w, template);
  return [...real, ...real, ...odd];
}

/** Values a field of this name takes when it is right: the world's ids and codes. */
function knownValues(w: World, name: string): unknown[] {
  if (/unitId$/i.test(name)) return [w.c.centre.id, w.ids.spareUnit];
  if (/(officer|toUser|user)Id$/i.test(name)) return [w.c.officer.id, w.c.head.id];
  if (name === 'applicationId') return [w.ids.approved, w.ids.accepted];
  if (name === 'establishmentId') return [];
  if (name === 'fundCode') return [w.c.fundCode];
  if (name === 'fiscalYear' || name === 'year') return [YEAR];
  if (name === 'activityTypeCode') return ['machinery'];
  if (name === 'callId') return [w.ids.call];
  // A rate recorded for real currencies (the document's USD and VND) would convert other files' caps for good.
  if (name === 'fromCurrency') return ['XFA'];
  if (name === 'toCurrency') return ['XFB'];
  return [];
}

// ---- bodies shaped like the route's --------------------------------------------------------------

function resolve(doc: OpenApi, schema: Schema): Schema {
  let current = schema;
  for (let i = 0; i < 5; i++) {
    if (current.$ref) current = doc.components.schemas[current.$ref.split('/').pop()!] ?? {};
    else if (current.allOf?.length) current = current.allOf[0];
    else break;
  }
  return current;
}

/** A right value of the schema, or near it. */
function rightValue(doc: OpenApi, w: World, schema: Schema, name: string, depth: number): fc.Arbitrary<unknown> {
  const s = resolve(doc, schema);
  const known = knownValues(w, name);
  // A record's own code never comes from the document's example ('demo_model', a fund's code): a body
  // that happens to be valid would publish a real version of a national rule in the run's shared
  // database, which other test files read. A code of its own changes nothing they read.
  if (name === 'code' && depth === 0) return fc.integer({ min: 0, max: 1e9 }).map((n) => `fz_${Date.now().toString(36)}_${n.toString(36)}`);
  if (/^(from|to)Currency$/.test(name)) return fc.constantFrom(...known);
  const options: fc.Arbitrary<unknown>[] = [];
  if (known.length) options.push(fc.constantFrom(...known));
  if (s.enum?.length) options.push(fc.constantFrom(...s.enum));
  if (s.example !== undefined) options.push(fc.constant(s.example));
  if (!options.length || depth > 0) {
    switch (s.type) {
      case 'string':
        options.push(fc.string({ maxLength: 20 }));
        break;
      case 'integer':
      case 'number':
        options.push(fc.integer({ min: -5, max: 3000 }));
        break;
      case 'boolean':
        options.push(fc.boolean());
        break;
      case 'array':
        options.push(fc.array(fieldValue(doc, w, s.items ?? {}, name, depth + 1), { maxLength: 3 }));
        break;
      default:
        if (s.properties && depth < 3) options.push(shapedObject(doc, w, s, depth + 1));
        else options.push(fc.string({ maxLength: 10 }));
    }
  }
  return fc.oneof(...options);
}

/** Mostly right, sometimes hostile: one field gone wrong in an otherwise proper body reaches deep. */
function fieldValue(doc: OpenApi, w: World, schema: Schema, name: string, depth: number): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 7, arbitrary: rightValue(doc, w, schema, name, depth) }, { weight: 1, arbitrary: oddValue });
}

function shapedObject(doc: OpenApi, w: World, schema: Schema, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const s = resolve(doc, schema);
  const properties = Object.entries(s.properties ?? {});
  // Every field, then now and then one left out: a body missing half its fields at random stops at
  // validation nearly always, and the route's service would never see a case.
  const record = fc.record(Object.fromEntries(properties.map(([name, p]) => [name, fieldValue(doc, w, p, name, depth)])));
  const left = properties.length ? fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(...properties.map(([name]) => name)) }) : fc.constant(null);
  // A field the route does not know, one body in eight (`fc.option`'s freq is the chance of none: 1 in 8 was the old weighting, backwards).
  const extra = fc.oneof({ weight: 7, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 12 }), oddValue) });
  return fc.tuple(record, left, extra).map(([body, leftOut, more]) => {
    const shaped: Record<string, unknown> = { ...body };
    if (leftOut !== null) delete shaped[leftOut];
    return more ? { ...shaped, [more[0]]: more[1] } : shaped;
  });
}

function jsonBody(doc: OpenApi, w: World, route: Route): fc.Arbitrary<Body> {
  const shaped = route.schema ? [{ weight: 6, arbitrary: shapedObject(doc, w, route.schema) as fc.Arbitrary<unknown> }] : [];
  return fc
    .oneof(...shaped, { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) }, { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 10 }), oddValue, { maxKeys: 4 }) })
    .map((value): Body => ({ kind: 'json', text: JSON.stringify(value) ?? 'null' }))
    .chain((body) => fc.oneof({ weight: 8, arbitrary: fc.constant(body) }, { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES).map((text): Body => ({ kind: 'json', text })) }));
}

const PDF = new TextEncoder().encode('%PDF-1.7\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CSV_HEADER = `${STATEMENT_COLUMNS.join(',')}\n`;

/** A printable-ASCII text for a multipart header value (a part's name or file name). */
const headerText = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 }).filter((s) => !/["\\]/.test(s));

function multipartBody(): fc.Arbitrary<Body> {
  const fieldValue = fc.oneof(fc.constantFrom('business_license', 'other', 'quotation'), fc.constantFrom(...ODD_STRINGS.filter((s) => s.length < 5000 && !s.includes('\u0000'))), fc.string({ maxLength: 30 }));
  const field = fc.tuple(fc.oneof(fc.constantFrom('kind', '_csrf', 'note', 'file'), headerText.filter((s) => s.length > 0)), fieldValue);
  const csvLine = fc.array(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...ODD_STRINGS.filter((s) => s.length < 400))), { maxLength: 7 }).map((cells) => cells.map((c) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','));
  const bytes = fc.oneof(
    fc.uint8Array({ maxLength: 2048 }).map((b) => new Uint8Array([...PDF, ...b])),
    fc.uint8Array({ maxLength: 64 }).map((b) => new Uint8Array([...PNG, ...b])),
    fc.uint8Array({ maxLength: 2048 }),
    fc.array(csvLine, { maxLength: 12 }).map((lines) => new TextEncoder().encode(CSV_HEADER + lines.join('\n'))),
  );
  return fc.record({
    fields: fc.array(field, { maxLength: 8 }),
    file: fc.option(fc.record({ bytes, name: headerText }), { freq: 6 }),
  }).map(({ fields, file }): Body => ({ kind: 'multipart', fields, file }));
}

// ---- sending ---------------------------------------------------------------------------------------

interface Case {
  path: string;
  key: string | null;
  body: Body;
}

function caseOf(doc: OpenApi, w: World, route: Route): fc.Arbitrary<Case> {
  const names = [...route.template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const params = fc.tuple(...names.map((name) => fc.constantFrom(...parameterValues(w, route.template, name))));
  const key = fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom('', 'x'.repeat(65), 'ключ', 'a b') });
  const body = route.multipart ? fc.oneof({ weight: 4, arbitrary: multipartBody() }, { weight: 1, arbitrary: jsonBody(doc, w, route) }) : jsonBody(doc, w, route);
  return fc.record({ params, key, body }).map(({ params: values, key: oddKey, body: b }) => {
    let path = route.template;
    names.forEach((name, i) => (path = path.replace(`{${name}}`, encodeURIComponent(values[i]))));
    return { path, key: oddKey ?? randomUUID(), body: b };
  });
}

async function send(w: World, route: Route, c: Case) {
  let req = w.t.http[route.method](c.path).set(w.everyone.auth);
  // Node refuses to send a header that is not Latin-1; such a key is sent as none.
  if (c.key !== null && /^[\x20-\x7e]*$/.test(c.key)) req = req.set('Idempotency-Key', c.key);
  if (c.body.kind === 'json') return req.set('Content-Type', 'application/json').send(c.body.text);
  for (const [name, value] of c.body.fields) req = req.field(name, value);
  if (c.body.file) req = req.attach('file', Buffer.from(c.body.file.bytes), { filename: c.body.file.name || 'f', contentType: 'application/octet-stream' });
  return req;
}

/** The books in one line: every transfer and every balance. */
async function books(db: DataSource): Promise<string> {
  const [row] = await db.query(
    'SELECT (SELECT COUNT(*) FROM ledger_transfers) AS transfers, (SELECT COUNT(*) FROM ledger_accounts) AS accounts, (SELECT COALESCE(SUM(ABS(balance)), 0) FROM ledger_accounts) AS magnitude, (SELECT COALESCE(SUM(balance), 0) FROM ledger_accounts) AS total',
  );
  return JSON.stringify(row);
}

function routesOf(doc: OpenApi): Route[] {
  return Object.entries(doc.paths).flatMap(([template, operations]) =>
    (['post', 'put', 'patch'] as const)
      .filter((method) => operations[method])
      .map((method) => {
        const content = operations[method].requestBody?.content ?? {};
        return { method, template, multipart: 'multipart/form-data' in content, schema: content['application/json']?.schema ?? null };
      }),
  );
}

/** `POST /api/v1/applications/:id/submit` for the OpenAPI document's `post` of `/api/v1/applications/{id}/submit`. */
const routeName = (route: Route) => `${route.method.toUpperCase()} ${route.template.replace(/\{(\w+)\}/g, ':$1')}`;

/**
 * Whether an answer came from past the edge (the body's bounds, the DTO's validation, the
 * Idempotency-Key's form, the multipart limits): anything but a 400 refusing the input, a 413 or
 * a 415. A 404 of a missing record, a 403 of a step, a 409 of a rule: the case reached the service.
 */
const pastValidation = (status: number) => status !== 400 && status !== 413 && status !== 415;

describe('fuzz: hostile input on every POST, PUT and PATCH route', () => {
  let w: World;
  let doc: OpenApi;
  let db: DataSource;

  beforeAll(async () => {
    const t = await startTestApp();
    t.clock.set('2027-03-02T02:00:00Z');
    db = t.app.get(DataSource);
    w = await buildWorld(t);
    doc = (await t.http.get('/api/docs-json').expect(200)).body;
  });
  afterAll(() => w?.t.close());

  it('the OpenAPI document lists every POST, PUT and PATCH route the router answers, and no other', () => {
    const documented = routesOf(doc).map(routeName).sort();
    const served = registeredRoutes(w.t.app).filter((r) => /^(POST|PUT|PATCH) \/api\/v1\//.test(r));
    expect(served.length).toBeGreaterThan(0);
    expect(documented).toEqual(served);
  });

  it(`${RUNS} cases per route: never a 5xx, and a refused request leaves the books as they were`, async () => {
    const routes = routesOf(doc);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const reached = new Map<string, number>();
    for (const route of routes) {
      reached.set(routeName(route), 0);
      try {
        await fc.assert(
          fc.asyncProperty(caseOf(doc, w, route), async (c) => {
            const before = await books(db);
            const res = await send(w, route, c);
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            if (pastValidation(res.status)) reached.set(routeName(route), reached.get(routeName(route))! + 1);
            if (res.status >= 500) throw new Error(`${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
            if (res.status >= 300 && (await books(db)) !== before) throw new Error(`refused with ${res.status}, yet the books changed`);
          }),
          { numRuns: RUNS, seed: SEED, endOnFailure: true },
        );
      } catch (error) {
        failures.push(`${route.method.toUpperCase()} ${route.template}: ${(error as Error).message.slice(0, 1500)}`);
      }
    }
    // Routes where every case stopped at validation were not fuzzed past their DTO: say which.
    const stopped = [...reached].filter(([, n]) => n === 0).map(([name]) => name);
    if (stopped.length) console.warn(`fuzz: no case got past validation on ${stopped.length} of ${routes.length} routes:\n  ${stopped.join('\n  ')}`);
    expect(failures).toEqual([]);
    // The cases reached the services, not only the validation: some were taken, and most routes saw a case past their edge.
    expect([...statuses.keys()].some((s) => s < 300)).toBe(true);
    expect(stopped.length).toBeLessThan(routes.length / 2);
    await expectBalanced(w.t, w.c.finance);
    // About 30 ms a case on this machine; the bound is generous, for a longer hunt too.
  }, 60_000 + RUNS * 10_000);

  // Last, since a proper empty body may take a step on the world's records.
  it('every route naming a record has a record of the world to name, which its service finds', async () => {
    const named = routesOf(doc).filter((route) => /\{id\}/.test(route.template));
    const without = named.filter((route) => realIds(w, route.template).length === 0).map(routeName);
    expect(without).toEqual([]);
    const missed: string[] = [];
    for (const route of named) {
      const path = route.template.replace('{id}', realIds(w, route.template)[0]);
      const res = await send(w, route, { path, key: randomUUID(), body: { kind: 'json', text: '{}' } });
      if (res.status === 404) missed.push(`${routeName(route)}: ${res.body.detail}`);
    }
    expect(missed).toEqual([]);
  });
});
