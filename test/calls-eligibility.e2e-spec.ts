import { createActor, createUnit, TestActor } from './support/actors';
import { ensureYear, unitFigures } from './support/budget';
import { attachRequiredDocuments, sampleFileBody, uniqueTaxCode } from './support/files';
import { startTestApp, TestApp } from './support/test-app';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../src/modules/identity/password-hasher';
import { appraise, approvedFile, Cast, cast, initialedFile } from './support/workflow';
import { hiddenValue, PageClient, PASSWORD } from './web-support';
import { openBrowser, PHONE } from './support/browser';
import { accessibilityViolations } from './support/axe';

/**
 * The programme around the files: calls for applications and their windows (CALL_CLOSED),
 * eligibility per activity type at submission (NOT_ELIGIBLE with every reason), and the list
 * decision that approves several initialed files at once, all or none, within the budget, under
 * one number of the register of outgoing documents.
 *
 * Fiscal years 2085 and 2086 are this file's alone; the clock lives in 2085, so the register's
 * numbers of 2085 are this file's too.
 */
const YEAR = 2085;
const NEXT_YEAR = 2086;
/** 10:00 in Hồ Chí Minh City on a day of `date`. */
const at = (date: string) => `${date}T03:00:00Z`;
const api = (path: string) => `/api/v1${path}`;

let t: TestApp;
let admin: TestActor;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(at(`${YEAR}-03-10`));
  admin = await createActor(t, ['admin']);
}, 60_000);
afterAll(() => t?.close());

/** An establishment of `kind` (commune 29263) registered by `applicant`. */
async function establishment(applicant: TestActor, kind: string): Promise<string> {
  const res = await t.http
    .post(api('/establishments'))
    .set(applicant.auth)
    .send({ name: `Cơ sở thử (${kind})`, kind, taxCode: uniqueTaxCode(), communeCode: '29263', address: 'Ấp Phú Thành', representative: 'Nguyễn Văn An', phone: '0912345678', employees: 9 })
    .expect(201);
  return res.body.id;
}

/** A draft: machinery unless told, the cast's fund and year, asking `requestedSupport`. */
function draft(c: Cast, establishmentId: string, extra: Record<string, unknown> = {}, requestedSupport = '100000000') {
  return t.http
    .post(api('/applications'))
    .set(c.applicant.auth)
    .send({ ...sampleFileBody({ establishmentId, year: c.year, fundCode: c.fundCode, requestedSupport }), ...extra });
}

/** A file of `establishmentId` walked to `initialed` under `activityTypeCode`, recommending `support`. */
async function initialedFor(c: Cast, establishmentId: string, activityTypeCode: string, support: string): Promise<string> {
  const id = (await draft(c, establishmentId, { activityTypeCode }, support).expect(201)).body.id;
  await attachRequiredDocuments(t, c.applicant.auth, id);
  await t.http.post(api(`/applications/${id}/submit`)).set(c.applicant.auth).expect(200);
  await t.http.post(api(`/applications/${id}/assign`)).set(c.head.auth).send({ officerId: c.officer.id, leadUnitId: c.centre.id, dueDate: `${c.year}-12-31` }).expect(200);
  await appraise(t, c.officer, id);
  await t.http.post(api(`/applications/${id}/recommend`)).set(c.officer.auth).send({ approvedSupport: support, allocationUnitId: c.centre.id }).expect(200);
  await t.http.post(api(`/applications/${id}/initial`)).set(c.head.auth).send({}).expect(200);
  return id;
}

const fieldsOf = (body: { errors?: Array<{ field: string }> }) => (body.errors ?? []).map((e) => e.field);

describe('calls for applications', () => {
  let c: Cast;
  let callId: string;
  let establishmentId: string;
  const call = (over: Record<string, unknown> = {}) => ({
    title: 'Đợt 1 năm 2085: ứng dụng máy móc tiên tiến',
    fiscalYear: YEAR,
    fundCode: c.fundCode,
    activityTypeCodes: ['machinery', 'demo_model'],
    opensOn: `${YEAR}-04-01`,
    closesOn: `${YEAR}-04-30`,
    ...over,
  });

  beforeAll(async () => {
    t.clock.set(at(`${YEAR}-03-10`));
    c = await cast(t, YEAR);
    establishmentId = await establishment(c.applicant, 'cooperative');
    const created = await t.http.post(api('/calls')).set(c.leader.auth).send(call()).expect(201);
    callId = created.body.id;
    expect(created.body).toMatchObject({ fiscalYear: YEAR, fundCode: c.fundCode, activityTypeCodes: ['machinery', 'demo_model'], opensOn: `${YEAR}-04-01`, closesOn: `${YEAR}-04-30`, status: 'upcoming' });
  });

  it('is opened by a leader or a head, with its dates and codes checked', async () => {
    await t.http.post(api('/calls')).set(c.head.auth).send(call({ title: 'Đợt của trưởng phòng' })).expect(201);
    for (const who of [c.officer, c.applicant, c.finance]) await t.http.post(api('/calls')).set(who.auth).send(call()).expect(403);
    await t.http.post(api('/calls')).send(call()).expect(401);
    const early = await t.http.post(api('/calls')).set(c.leader.auth).send(call({ closesOn: `${YEAR}-03-31` })).expect(400);
    expect(fieldsOf(early.body)).toEqual(['closesOn']);
    expect(fieldsOf((await t.http.post(api('/calls')).set(c.leader.auth).send(call({ fundCode: 'KHONG-CO' })).expect(400)).body)).toEqual(['fundCode']);
    const unknown = await t.http.post(api('/calls')).set(c.leader.auth).send(call({ activityTypeCodes: ['machinery', 'khong_co_hoat_dong'] })).expect(400);
    expect(fieldsOf(unknown.body)).toEqual(['activityTypeCodes']);
    expect(unknown.body.detail).toContain('khong_co_hoat_dong');
    expect(fieldsOf((await t.http.post(api('/calls')).set(c.leader.auth).send(call({ activityTypeCodes: [] })).expect(400)).body)).toEqual(['activityTypeCodes']);
  });

  it('is listed to anyone, signed in or not, while it is open', async () => {
    const listed = async () => (await t.http.get(api(`/calls?open=true&fiscalYear=${YEAR}&pageSize=200`)).expect(200)).body.items.map((x: { id: string }) => x.id);
    expect(await listed()).not.toContain(callId);
    t.clock.set(at(`${YEAR}-04-01`));
    expect(await listed()).toContain(callId);
    const one = await t.http.get(api(`/calls/${callId}`)).expect(200);
    expect(one.body).toMatchObject({ id: callId, status: 'open' });
    t.clock.set(`${YEAR}-04-30T16:59:00Z`); // 23:59 on its last day in Hồ Chí Minh City
    expect(await listed()).toContain(callId);
    t.clock.set(`${YEAR}-04-30T17:00:00Z`); // midnight: 1 May
    expect(await listed()).not.toContain(callId);
    expect((await t.http.get(api(`/calls/${callId}`)).expect(200)).body.status).toBe('closed');
    const closed = (await t.http.get(api(`/calls?open=false&fiscalYear=${YEAR}&pageSize=200`)).expect(200)).body.items.map((x: { id: string }) => x.id);
    expect(closed).toContain(callId);
    await t.http.get(api('/calls/01JZZZZZZZZZZZZZZZZZZZZZZZ')).expect(404);
    await t.http.get(api('/calls/not-an-id')).expect(404);
    await t.http.get(api('/calls?open=maybe')).expect(400);
  });

  it('takes a draft before it opens, and its submission only inside the window (CALL_CLOSED otherwise)', async () => {
    t.clock.set(at(`${YEAR}-03-10`));
    const early = await draft(c, establishmentId, { callId }).expect(201);
    expect(early.body.callId).toBe(callId);
    await attachRequiredDocuments(t, c.applicant.auth, early.body.id);
    const notYet = await t.http.post(api(`/applications/${early.body.id}/submit`)).set(c.applicant.auth).expect(409);
    expect(notYet.body).toMatchObject({ code: 'CALL_CLOSED', status: 409 });
    expect(notYet.body.detail).toContain('01/04/2085');
    expect((await t.http.get(api(`/applications/${early.body.id}`)).set(c.applicant.auth).expect(200)).body.status).toBe('draft');

    t.clock.set(at(`${YEAR}-04-01`));
    await t.http.post(api(`/applications/${early.body.id}/submit`)).set(c.applicant.auth).expect(200);
    const late = (await draft(c, establishmentId, { callId }).expect(201)).body.id;

    t.clock.set(`${YEAR}-04-30T16:59:00Z`);
    const lastMinute = (await draft(c, establishmentId, { callId }).expect(201)).body.id;
    await attachRequiredDocuments(t, c.applicant.auth, lastMinute);
    await t.http.post(api(`/applications/${lastMinute}/submit`)).set(c.applicant.auth).expect(200);

    t.clock.set(`${YEAR}-04-30T17:00:00Z`);
    await attachRequiredDocuments(t, c.applicant.auth, late);
    const closed = await t.http.post(api(`/applications/${late}/submit`)).set(c.applicant.auth).expect(409);
    expect(closed.body.code).toBe('CALL_CLOSED');
    expect(closed.body.detail).toContain('30/04/2085');
    expect((await draft(c, establishmentId, { callId }).expect(409)).body.code).toBe('CALL_CLOSED');
    // Moving a draft under a closed call is refused too; leaving the call frees it.
    const free = (await draft(c, establishmentId).expect(201)).body.id;
    expect((await t.http.patch(api(`/applications/${free}`)).set(c.applicant.auth).send({ callId }).expect(409)).body.code).toBe('CALL_CLOSED');
    const left = await t.http.patch(api(`/applications/${late}`)).set(c.applicant.auth).send({ callId: null }).expect(200);
    expect(left.body.callId).toBeNull();
    await t.http.post(api(`/applications/${late}/submit`)).set(c.applicant.auth).expect(200);
  });

  it('lets a file returned for supplement come back after the call closed', async () => {
    t.clock.set(at(`${YEAR}-04-10`));
    const id = (await draft(c, establishmentId, { callId }).expect(201)).body.id;
    await attachRequiredDocuments(t, c.applicant.auth, id);
    await t.http.post(api(`/applications/${id}/submit`)).set(c.applicant.auth).expect(200);
    await t.http.post(api(`/applications/${id}/return`)).set(c.head.auth).send({ reason: 'Bổ sung báo giá', dueDate: `${YEAR}-05-20` }).expect(200);
    t.clock.set(at(`${YEAR}-05-12`));
    const back = await t.http.post(api(`/applications/${id}/submit`)).set(c.applicant.auth).expect(200);
    expect(back.body.status).toBe('submitted');
  });

  it("refuses a file that does not fit its call, naming the field (400)", async () => {
    t.clock.set(at(`${YEAR}-04-10`));
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ callId, activityTypeCode: 'technology_line' }, 'activityTypeCode'],
      [{ callId, fiscalYear: NEXT_YEAR }, 'fiscalYear'],
      [{ callId: '01JZZZZZZZZZZZZZZZZZZZZZZZ' }, 'callId'],
    ];
    for (const [extra, field] of cases) {
      const res = await draft(c, establishmentId, extra).expect(400);
      expect(fieldsOf(res.body)).toEqual([field]);
    }
    const other = await cast(t, YEAR);
    const foreignFund = await t.http
      .post(api('/applications'))
      .set(c.applicant.auth)
      .send({ ...sampleFileBody({ establishmentId, year: YEAR, fundCode: other.fundCode, requestedSupport: '100000000' }), callId })
      .expect(400);
    expect(fieldsOf(foreignFund.body)).toEqual(['fundCode']);
    // A change that takes the file out of its call's activities is refused as well.
    const id = (await draft(c, establishmentId, { callId }).expect(201)).body.id;
    const moved = await t.http.patch(api(`/applications/${id}`)).set(c.applicant.auth).send({ activityTypeCode: 'technology_line' }).expect(400);
    expect(fieldsOf(moved.body)).toEqual(['activityTypeCode']);
  });
});

describe('eligibility per activity type', () => {
  let c: Cast;
  let code: string;
  const RULE = { supportRate: '0.5', supportCap: '300000000', advanceRate: '0.7', effectiveFrom: '2020-01-01' };

  beforeAll(async () => {
    t.clock.set(at(`${YEAR}-06-02`));
    c = await cast(t, YEAR);
    code = `kc_elig_${Date.now().toString(36)}`;
    const published = await t.http
      .post(api('/activity-types'))
      .set(admin.auth)
      .send({ code, name: 'Máy móc (có điều kiện đối tượng)', ...RULE, eligibility: { establishmentKinds: ['enterprise', 'cooperative'], maxSupportPerEstablishmentPerYear: '150000000', requiresCommuneCode: true } })
      .expect(201);
    expect(published.body.eligibility).toEqual({ establishmentKinds: ['enterprise', 'cooperative'], maxSupportPerEstablishmentPerYear: '150000000', requiresCommuneCode: true });
    const listed = (await t.http.get(api(`/activity-types?code=${code}`)).set(c.applicant.auth).expect(200)).body;
    expect(listed[0].eligibility.requiresCommuneCode).toBe(true);
  });

  it('refuses a malformed condition (400 naming it)', async () => {
    const bad = async (eligibility: unknown) =>
      fieldsOf((await t.http.post(api('/activity-types')).set(admin.auth).send({ code: `${code}_x`, name: 'Sai', ...RULE, eligibility }).expect(400)).body);
    expect((await bad({ establishmentKinds: ['village'] }))[0]).toMatch(/^eligibility\.establishmentKinds/);
    expect((await bad({ maxSupportPerEstablishmentPerYear: 150000000 }))[0]).toMatch(/^eligibility\.maxSupportPerEstablishmentPerYear/);
    expect((await bad({ requiresCommuneCode: 'yes' }))[0]).toMatch(/^eligibility\.requiresCommuneCode/);
  });

  it('refuses a submission with every reason at once (409 NOT_ELIGIBLE), changing nothing', async () => {
    const household = await establishment(c.applicant, 'household_business');
    const id = (await draft(c, household, { activityTypeCode: code }, '200000000').expect(201)).body.id;
    await t.http.patch(api(`/applications/${id}`)).set(c.applicant.auth).send({ communeCode: null }).expect(200);
    await attachRequiredDocuments(t, c.applicant.auth, id);
    const refused = await t.http.post(api(`/applications/${id}/submit`)).set(c.applicant.auth).expect(409);
    expect(refused.body).toMatchObject({ status: 409, code: 'NOT_ELIGIBLE', title: 'Không đủ điều kiện được hỗ trợ' });
    expect(fieldsOf(refused.body)).toEqual(['establishmentId', 'requestedSupport', 'communeCode']);
    expect(refused.body.errors[0].message).toContain('Hộ kinh doanh');
    expect(refused.body.errors[1].message).toContain('150.000.000 ₫');
    expect((await t.http.get(api(`/applications/${id}`)).set(c.applicant.auth).expect(200)).body.status).toBe('draft');
    // The old rule of machinery asks nothing: the same file under it goes in (no commune is then a plain 400).
    const plain = await t.http.patch(api(`/applications/${id}`)).set(c.applicant.auth).send({ activityTypeCode: 'machinery', communeCode: '29263' }).expect(200);
    expect(plain.body.activityTypeCode).toBe('machinery');
    await t.http.post(api(`/applications/${id}/submit`)).set(c.applicant.auth).expect(200);
  });

  it("counts what the establishment was approved under the activity that year against the cap", async () => {
    const coop = await establishment(c.applicant, 'cooperative');
    const first = await initialedFor(c, coop, code, '100000000');
    await t.http.post(api(`/applications/${first}/decide`)).set(c.leader.auth).send({ decision: 'approve' }).expect(200);

    const second = (await draft(c, coop, { activityTypeCode: code }, '60000000').expect(201)).body.id;
    await attachRequiredDocuments(t, c.applicant.auth, second);
    const over = await t.http.post(api(`/applications/${second}/submit`)).set(c.applicant.auth).expect(409);
    expect(over.body.code).toBe('NOT_ELIGIBLE');
    expect(fieldsOf(over.body)).toEqual(['requestedSupport']);
    expect(over.body.errors[0].message).toContain('100.000.000 ₫ cơ sở đã được phê duyệt cho hoạt động này năm 2085');
    await t.http.patch(api(`/applications/${second}`)).set(c.applicant.auth).send({ requestedSupport: '50000000' }).expect(200);
    await t.http.post(api(`/applications/${second}/submit`)).set(c.applicant.auth).expect(200);

    // Another year starts afresh; another establishment has its own cap.
    await ensureYear(t, c.finance, NEXT_YEAR);
    const nextYear = await t.http
      .post(api('/applications'))
      .set(c.applicant.auth)
      .send({ ...sampleFileBody({ establishmentId: coop, year: NEXT_YEAR, fundCode: c.fundCode, requestedSupport: '150000000' }), activityTypeCode: code })
      .expect(201);
    await attachRequiredDocuments(t, c.applicant.auth, nextYear.body.id);
    await t.http.post(api(`/applications/${nextYear.body.id}/submit`)).set(c.applicant.auth).expect(200);
    const other = await establishment(c.applicant, 'enterprise');
    const fresh = (await draft(c, other, { activityTypeCode: code }, '150000000').expect(201)).body.id;
    await attachRequiredDocuments(t, c.applicant.auth, fresh);
    await t.http.post(api(`/applications/${fresh}/submit`)).set(c.applicant.auth).expect(200);
  });
});

describe('the list decision', () => {
  /** The register of 2085's decisions, as staff read it. */
  const register = async (c: Cast) =>
    (await t.http.get(api(`/document-register?year=${YEAR}&type=decision`)).set(c.head.auth).expect(200)).body.items as Array<{ id: string; seq: number | null; number: string; applicationId: string | null; applicationIds: string[] }>;
  const file = async (c: Cast, id: string) => (await t.http.get(api(`/applications/${id}`)).set(c.leader.auth).expect(200)).body;
  const transfersOf = async (c: Cast) => (await t.http.get(api(`/ledger/transfers?fundCode=${c.fundCode}&pageSize=200`)).set(c.finance.auth).expect(200)).body;
  const centre = async (c: Cast) => (await unitFigures(t, c.finance, c.fundCode, YEAR, c.centre.id)).unit;

  let c: Cast;
  let files: string[];

  beforeAll(async () => {
    t.clock.set(at(`${YEAR}-07-01`));
    // The centre holds 700.000.000: enough for 300 + 300, not for 300 + 300 + 200.
    c = await cast(t, YEAR, '700000000');
    files = [];
    for (const support of ['300000000', '300000000', '200000000']) files.push(await initialedFile(t, c, { approvedSupport: support }));
  }, 120_000);

  it('refuses a list that passes the budget, naming the file, and changes nothing', async () => {
    const before = { register: await register(c), transfers: await transfersOf(c), centre: await centre(c) };
    // Given in another order than they are locked and committed: the error names the place given.
    const refused = await t.http.post(api('/decisions')).set(c.leader.auth).send({ applicationIds: [files[2], files[0], files[1]], comment: 'Đồng ý' }).expect(409);
    expect(refused.body.code).toBe('INSUFFICIENT_FUNDS');
    expect(refused.body.errors[0]).toEqual({ field: 'applicationIds[0]', message: expect.stringContaining(files[2]) });
    expect(refused.body.detail).toContain(files[2]);
    for (const id of files) expect(await file(c, id)).toMatchObject({ status: 'initialed', decisionNo: null, listDecisionId: null });
    expect(await transfersOf(c)).toEqual(before.transfers);
    expect(await centre(c)).toEqual(before.centre);
    expect(await register(c)).toEqual(before.register);
  });

  it('refuses a list holding a file in the wrong state, naming it, and changes nothing', async () => {
    const before = { register: await register(c), transfers: await transfersOf(c) };
    const draftId = (await draft(c, await establishment(c.applicant, 'cooperative')).expect(201)).body.id;
    const refused = await t.http.post(api('/decisions')).set(c.leader.auth).send({ applicationIds: [files[0], draftId] }).expect(409);
    expect(refused.body.code).toBe('INVALID_STATE');
    expect(refused.body.errors[0]).toEqual({ field: 'applicationIds[1]', message: expect.stringContaining(draftId) });
    expect(await file(c, files[0])).toMatchObject({ status: 'initialed', decisionNo: null });
    expect(await transfersOf(c)).toEqual(before.transfers);
    expect(await register(c)).toEqual(before.register);
    // Hidden or absent is 404, naming the id given; a list repeating a file is malformed.
    const absent = await t.http.post(api('/decisions')).set(c.leader.auth).send({ applicationIds: [files[0], '01JZZZZZZZZZZZZZZZZZZZZZZZ'] }).expect(404);
    expect(absent.body.errors[0].field).toBe('applicationIds[1]');
    expect(fieldsOf((await t.http.post(api('/decisions')).set(c.leader.auth).send({ applicationIds: [files[0], files[0]] }).expect(400)).body)).toEqual(['applicationIds']);
    expect(fieldsOf((await t.http.post(api('/decisions')).set(c.leader.auth).send({ applicationIds: [] }).expect(400)).body)).toEqual(['applicationIds']);
    await t.http.post(api('/decisions')).set(c.head.auth).send({ applicationIds: [files[0]] }).expect(403);
    await t.http.post(api('/decisions')).set(c.applicant.auth).send({ applicationIds: [files[0]] }).expect(403);
  });

  it('approves the files with one number, committing each file’s support', async () => {
    const before = { register: await register(c), centre: await centre(c) };
    const highest = Math.max(0, ...before.register.map((e) => e.seq ?? 0));
    const res = await t.http.post(api('/decisions')).set(c.leader.auth).send({ applicationIds: [files[1], files[0]], comment: 'Đồng ý hỗ trợ theo danh sách' }).expect(201);
    const number = `${String(highest + 1).padStart(2, '0')}/QĐ-SCT`;
    expect(res.body).toMatchObject({ number, decisionDate: `${YEAR}-07-01`, decidedBy: c.leader.id, decisionCapacity: 'leader', totals: [{ currency: 'VND', approvedSupport: '600000000' }] });
    expect(res.body.applications.map((a: { id: string }) => a.id)).toEqual([files[0], files[1]]);
    for (const id of [files[0], files[1]]) {
      const f = await file(c, id);
      expect(f).toMatchObject({ status: 'approved', decisionNo: number, listDecisionId: res.body.id, decisionDate: `${YEAR}-07-01`, approvedSupport: '300000000' });
      expect(f.timeline.at(-1)).toMatchObject({ action: 'approve', note: `Quyết định số ${number} (phê duyệt theo danh sách 2 hồ sơ) — Đồng ý hỗ trợ theo danh sách` });
    }
    // One line in the register for the two files, and each file's papers list it.
    const after = await register(c);
    expect(after.length).toBe(before.register.length + 1);
    expect(after.find((e) => e.number === number)).toMatchObject({ id: res.body.id, applicationId: null, applicationIds: [files[0], files[1]].sort() });
    const papers = (await t.http.get(api(`/applications/${files[0]}/official-documents`)).set(c.applicant.auth).expect(200)).body;
    expect(papers.map((p: { number: string }) => p.number)).toContain(number);
    const pdf = await t.http.get(api(`/applications/${files[1]}/official-documents/decision?format=pdf`)).set(c.leader.auth).expect(200);
    expect(pdf.headers['content-type']).toMatch(/^application\/pdf/);
    // The budget: 300.000.000 committed to each file under the decision's number.
    const transfers = (await transfersOf(c)).items.filter((x: { kind: string }) => x.kind === 'commitment');
    expect(transfers.map((x: { applicationId: string; amount: string; reference: string }) => [x.applicationId, x.amount, x.reference]).sort()).toEqual(
      [files[0], files[1]].sort().map((id) => [id, '300000000', number]),
    );
    const figures = await centre(c);
    expect(figures).toMatchObject({ committed: '600000000', available: '100000000' });
    // Read back by staff; not by a producer.
    const read = await t.http.get(api(`/decisions/${res.body.id}`)).set(c.auditor.auth).expect(200);
    expect(read.body).toEqual(res.body);
    await t.http.get(api(`/decisions/${res.body.id}`)).set(c.applicant.auth).expect(403);
    await t.http.get(api('/decisions/01JZZZZZZZZZZZZZZZZZZZZZZZ')).set(c.auditor.auth).expect(404);
    // The third file is still there to decide, and now too large for what is left.
    expect((await t.http.post(api('/decisions')).set(c.leader.auth).send({ applicationIds: [files[2]] }).expect(409)).body.code).toBe('INSUFFICIENT_FUNDS');
  });

  it('refuses a typed number the register holds already (409 DUPLICATE), changing nothing', async () => {
    const taken = (await register(c)).at(-1)!.number;
    const other = await initialedFile(t, c, { approvedSupport: '10000000' });
    const res = await t.http.post(api('/decisions')).set(c.leader.auth).send({ applicationIds: [other], decisionNo: taken }).expect(409);
    expect(res.body.code).toBe('DUPLICATE');
    expect(await file(c, other)).toMatchObject({ status: 'initialed', decisionNo: null });
    const typed = `${Date.now().toString(36).toUpperCase()}/QĐ-SCT`;
    const ok = await t.http.post(api('/decisions')).set(c.leader.auth).send({ applicationIds: [other], decisionNo: typed }).expect(201);
    expect(ok.body.number).toBe(typed);
  });

  it('needs the disagreements of consulted units acknowledged, naming the file that has one', async () => {
    const rich = await cast(t, YEAR);
    const consulted = await createUnit(t, 'division', 'Phòng Kế hoạch (thử, không đồng ý)');
    const consultedOfficer = await createActor(t, ['officer'], consulted.id);
    const agreed = await initialedFile(t, rich, { approvedSupport: '100000000' });
    // A file the consulted unit disagreed with, walked to the leader.
    const coop = await establishment(rich.applicant, 'cooperative');
    const disputed = (await draft(rich, coop).expect(201)).body.id;
    await attachRequiredDocuments(t, rich.applicant.auth, disputed);
    await t.http.post(api(`/applications/${disputed}/submit`)).set(rich.applicant.auth).expect(200);
    await t.http.post(api(`/applications/${disputed}/assign`)).set(rich.head.auth).send({ officerId: rich.officer.id, leadUnitId: rich.centre.id, dueDate: `${YEAR}-12-31` }).expect(200);
    const asked = await t.http
      .post(api(`/applications/${disputed}/consultations`))
      .set(rich.officer.auth)
      .send({ unitId: consulted.id, question: 'Đề nghị cho ý kiến', dueDate: `${YEAR}-07-20` })
      .expect(201);
    await t.http.post(api(`/consultations/${asked.body.id}/answer`)).set(consultedOfficer.auth).send({ opinion: 'disagree', comment: 'Chưa phù hợp quy hoạch' }).expect(200);
    await appraise(t, rich.officer, disputed);
    await t.http.post(api(`/applications/${disputed}/recommend`)).set(rich.officer.auth).send({ approvedSupport: '100000000', allocationUnitId: rich.centre.id }).expect(200);
    await t.http.post(api(`/applications/${disputed}/initial`)).set(rich.head.auth).send({}).expect(200);

    const refused = await t.http.post(api('/decisions')).set(rich.leader.auth).send({ applicationIds: [agreed, disputed] }).expect(409);
    expect(refused.body.code).toBe('DISAGREEMENT_NOT_ACKNOWLEDGED');
    expect(refused.body.errors[0]).toEqual({ field: 'applicationIds[1]', message: expect.stringContaining(disputed) });
    expect(refused.body.detail).toContain('Phòng Kế hoạch (thử, không đồng ý) không đồng ý với hồ sơ này');
    expect(await file(rich, agreed)).toMatchObject({ status: 'initialed', decisionNo: null });

    const decided = await t.http.post(api('/decisions')).set(rich.leader.auth).send({ applicationIds: [agreed, disputed], acknowledgeDisagreements: true }).expect(201);
    const disputedNow = await file(rich, disputed);
    expect(disputedNow.status).toBe('approved');
    expect(disputedNow.timeline.at(-1).note).toBe(
      `Quyết định số ${decided.body.number} (phê duyệt theo danh sách 2 hồ sơ) — Đã xem xét ý kiến không đồng ý của Phòng Kế hoạch (thử, không đồng ý)`,
    );
    expect((await file(rich, agreed)).timeline.at(-1).note).toBe(`Quyết định số ${decided.body.number} (phê duyệt theo danh sách 2 hồ sơ)`);
  });

  it('of two list decisions sharing a file at once, one wins; the other changes nothing', async () => {
    const rich = await cast(t, YEAR);
    const g: string[] = [];
    for (let i = 0; i < 3; i++) g.push(await initialedFile(t, rich, { approvedSupport: '100000000' }));
    const [a, b] = await Promise.all([
      t.http.post(api('/decisions')).set(rich.leader.auth).send({ applicationIds: [g[0], g[1]] }),
      t.http.post(api('/decisions')).set(rich.leader.auth).send({ applicationIds: [g[2], g[1]] }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const [won, lost] = a.status === 201 ? [a, b] : [b, a];
    expect(lost.body.code).toBe('INVALID_STATE');
    expect(lost.body.errors[0].message).toContain(g[1]);
    const winners: string[] = won.body.applications.map((x: { id: string }) => x.id);
    const loserOnly = g.find((id) => id !== g[1] && !winners.includes(id))!;
    expect(await file(rich, loserOnly)).toMatchObject({ status: 'initialed', decisionNo: null });
    expect((await unitFigures(t, rich.finance, rich.fundCode, YEAR, rich.centre.id)).unit.committed).toBe('200000000');
  });
});

describe('the pages', () => {
  let c: Cast;
  let callId: string;
  let establishmentId: string;
  /** A password for the login page (the cast's users are made without one). */
  const signable = async (actor: TestActor) => {
    const hash = await t.app.get(PasswordHasher).hash(PASSWORD);
    await t.app.get(DataSource).query('UPDATE users SET password_hash = ? WHERE id = ?', [hash, actor.id]);
  };
  const signedIn = async (actor: TestActor) => {
    const client = new PageClient(t);
    await client.login(actor.email);
    return client;
  };

  beforeAll(async () => {
    t.clock.set(at(`${YEAR}-08-03`));
    c = await cast(t, YEAR);
    for (const actor of [c.applicant, c.leader]) await signable(actor);
    establishmentId = await establishment(c.applicant, 'cooperative');
    const call = await t.http
      .post(api('/calls'))
      .set(c.head.auth)
      .send({ title: 'Đợt tháng 8/2085: máy móc tiên tiến', fiscalYear: YEAR, fundCode: c.fundCode, activityTypeCodes: ['machinery'], opensOn: `${YEAR}-08-01`, closesOn: `${YEAR}-08-31` })
      .expect(201);
    callId = call.body.id;
  }, 60_000);

  it('shows a producer the open calls on the home page, and a form for the call with its choices made', async () => {
    const p = await signedIn(c.applicant);
    const home = await p.get('/');
    expect(home.status).toBe(200);
    expect(home.text).toContain('Đợt đang nhận hồ sơ');
    expect(home.text).toContain('Đợt tháng 8/2085: máy móc tiên tiến');
    expect(home.text).toContain('Nhận hồ sơ đến hết ngày 31/08/2085');
    expect(home.text).toContain(`href="/ho-so/moi?dot=${callId}"`);

    const form = await p.get(`/ho-so/moi?dot=${callId}`);
    expect(form.status).toBe(200);
    expect(hiddenValue(form.text, 'callId')).toBe(callId);
    expect(form.text).toContain('Hồ sơ theo đợt: Đợt tháng 8/2085: máy móc tiên tiến');
    expect(form.text).toMatch(new RegExp(`<option value="${c.fundCode}" selected>`));
    expect(form.text).toMatch(/<option value="machinery" selected>/);
    expect(form.text).not.toContain('value="demo_model"');

    const sent = await p.post(
      '/ho-so/moi',
      {
        callId,
        establishmentId,
        activityTypeCode: 'machinery',
        fundCode: c.fundCode,
        fiscalYear: String(YEAR),
        title: 'Máy sấy theo đợt tháng 8',
        'costLines[0].description': 'Máy sấy lúa',
        'costLines[0].quantity': '1',
        'costLines[0].unitPrice': '400.000.000',
        'costLines[0].eligible': 'on',
        requestedSupport: '150.000.000',
      },
      { from: `/ho-so/moi?dot=${callId}` },
    );
    expect(sent.status).toBe(303);
    const fileId = /^\/ho-so\/([0-9A-Z]{26})$/.exec(sent.headers.location)![1];
    expect((await t.http.get(api(`/applications/${fileId}`)).set(c.applicant.auth).expect(200)).body.callId).toBe(callId);

    // Once the call has closed, its form sends the producer back with the reason.
    t.clock.set(at(`${YEAR}-09-01`));
    const later = await signedIn(c.applicant);
    const closed = await later.get(`/ho-so/moi?dot=${callId}`);
    expect(closed.status).toBe(303);
    expect(closed.headers.location).toBe('/');
    const back = await later.get('/');
    expect(back.text).toContain('đã kết thúc nhận hồ sơ ngày 31/08/2085');
    expect(back.text).not.toContain(`/ho-so/moi?dot=${callId}`);
    t.clock.set(at(`${YEAR}-08-03`));
  });

  it('lets a leader or a head open a call from its page, and staff read the calls', async () => {
    const p = await signedIn(c.leader);
    const page = await p.get('/dot-tiep-nhan');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Đợt tháng 8/2085: máy móc tiên tiến');
    expect(page.text).toContain('Đang nhận hồ sơ');
    const fields = { title: 'Đợt tháng 10/2085 (mở từ trang)', fundCode: c.fundCode, fiscalYear: String(YEAR), activityTypeCodes: ['machinery', 'demo_model'], opensOn: `${YEAR}-10-01`, closesOn: `${YEAR}-10-31` };
    const refused = await p.post('/dot-tiep-nhan', { ...fields, closesOn: `${YEAR}-09-30` }, { from: '/dot-tiep-nhan' });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('không được trước ngày mở đợt');
    const sent = await p.post('/dot-tiep-nhan', fields, { from: '/dot-tiep-nhan' });
    expect(sent.status).toBe(303);
    const listed = (await t.http.get(api(`/calls?fiscalYear=${YEAR}&pageSize=200`)).expect(200)).body.items.find((x: { title: string }) => x.title === fields.title);
    expect(listed).toMatchObject({ activityTypeCodes: ['machinery', 'demo_model'], opensOn: `${YEAR}-10-01`, closesOn: `${YEAR}-10-31`, status: 'upcoming' });
    expect((await p.get('/dot-tiep-nhan')).text).toContain('Chưa mở');
  });

  it("lets the leader approve several initialed files with one decision from the work queue", async () => {
    const ids = [await initialedFile(t, c, { approvedSupport: '120000000' }), await initialedFile(t, c, { approvedSupport: '80000000' })];
    const p = await signedIn(c.leader);
    expect((await p.get('/')).text).toContain('href="/quyet-dinh/moi"');
    const form = await p.get('/quyet-dinh/moi');
    expect(form.status).toBe(200);
    for (const id of ids) expect(form.text).toContain(`name="applicationIds" value="${id}"`);

    // A file already decided in the list: the page answers 409, names it, and nothing is approved.
    const other = await approvedFile(t, c, { approvedSupport: '10000000' });
    const refused = await p.post('/quyet-dinh/moi', { applicationIds: [ids[0], other] }, { from: '/quyet-dinh/moi' });
    expect(refused.status).toBe(409);
    expect(refused.text).toContain(other);
    expect((await t.http.get(api(`/applications/${ids[0]}`)).set(c.leader.auth).expect(200)).body.status).toBe('initialed');

    const sent = await p.post('/quyet-dinh/moi', { applicationIds: ids, comment: 'Đồng ý theo danh sách' }, { from: '/quyet-dinh/moi' });
    expect(sent.status).toBe(303);
    const decisionId = /^\/quyet-dinh\/([0-9A-Z]{26})$/.exec(sent.headers.location)![1];
    const decision = (await t.http.get(api(`/decisions/${decisionId}`)).set(c.leader.auth).expect(200)).body;
    expect(decision.applications.map((a: { id: string }) => a.id).sort()).toEqual([...ids].sort());
    const page = await p.get(`/quyet-dinh/${decisionId}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`Quyết định số ${decision.number}`);
    expect(page.text).toContain('200.000.000 ₫');
    expect(page.text).toContain('Đồng ý theo danh sách');
  });

  it('fits a 390-px phone, with no serious accessibility problem, on each of these pages', async () => {
    const decided = [await initialedFile(t, c, { approvedSupport: '20000000' }), await initialedFile(t, c, { approvedSupport: '30000000' })];
    await initialedFile(t, c, { approvedSupport: '40000000' });
    const decisionId = (await t.http.post(api('/decisions')).set(c.leader.auth).send({ applicationIds: decided }).expect(201)).body.id;
    const browser = await openBrowser(t);
    try {
      const problems: string[] = [];
      for (const [actor, paths] of [
        [c.applicant, ['/', `/ho-so/moi?dot=${callId}`]],
        [c.leader, ['/', '/dot-tiep-nhan', '/quyet-dinh/moi', `/quyet-dinh/${decisionId}`]],
      ] as const) {
        const page = await browser.newPage({ viewport: PHONE });
        await page.goto(`${browser.base}/dang-nhap`);
        await page.fill('input[name=email]', actor.email);
        await page.fill('input[name=password]', PASSWORD);
        await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.click('form[action="/dang-nhap"] button[type=submit]')]);
        for (const path of paths) {
          const response = await page.goto(`${browser.base}${path}`);
          if (response?.status() !== 200) problems.push(`${path}: HTTP ${response?.status()}`);
          const width = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
          if (width > PHONE.width) problems.push(`${path}: ${width} px wide`);
          for (const v of await accessibilityViolations(page)) problems.push(`${path}: ${v.rule} (${v.impact}) ${v.targets.join(' ')}`);
        }
      }
      expect(problems).toEqual([]);
      expect(browser.scriptErrors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
