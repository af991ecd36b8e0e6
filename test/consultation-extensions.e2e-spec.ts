import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { createActor, createUnit, TestActor } from './support/actors';
import { openBrowser, PHONE, SCREENSHOTS } from './support/browser';
import { attachRequiredDocuments, registerEstablishment, sampleFileBody } from './support/files';
import { startTestApp, TestApp } from './support/test-app';
import { appraise, Cast, cast } from './support/workflow';
import { csrfOf, PageClient, PASSWORD, webUser } from './web-support';

// The browser's own globals, inside page.evaluate (the tests compile without the DOM library).
declare const document: any;

/**
 * Extensions and escalation of consultations (xin ý kiến), Điều 13 of the working regulation: a
 * consulted unit that does not answer in time "mà không có văn bản đề nghị gia hạn" is taken to
 * agree (13.5), so while its request for more time awaits the decision of the file's officer or
 * head, its silence is not consent; a disagreement goes up to the director (13.4), who must
 * acknowledge it to decide.
 *
 * A request after the due date is refused with 409 INVALID_STATE (not 400): the body is valid, the
 * consultation's state is not — its silence has already counted as agreement, as a late answer's
 * refusal says.
 */

const YEAR = 2078;
/** 09:00 in Hồ Chí Minh City on Tuesday 1 March 2078. */
const START = '2078-03-01T02:00:00Z';
const TODAY = '2078-03-01';
const day = (offset: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
const dayVi = (offset: number) => day(offset).split('-').reverse().join('/');
const UNIT_NAME = 'Phòng Quản lý Công nghiệp (gia hạn)';
const api = (path: string) => `/api/v1${path}`;

interface World {
  t: TestApp;
  c: Cast;
  consulted: { id: string };
  /** Staff of the consulted unit, who answer and ask for more time. */
  consultedOfficer: TestActor;
  /** An officer of the lead unit the file is not assigned to. */
  otherOfficer: TestActor;
  /** An officer of a unit that neither leads nor was consulted: the file is hidden from them. */
  outsider: TestActor;
  auditor: TestActor;
}

let w: World;

beforeAll(async () => {
  const t = await startTestApp();
  t.clock.set(START);
  const c = await cast(t, YEAR);
  const consulted = await createUnit(t, 'division', UNIT_NAME);
  const elsewhere = await createUnit(t, 'division');
  w = {
    t,
    c,
    consulted,
    consultedOfficer: await createActor(t, ['officer'], consulted.id),
    otherOfficer: await createActor(t, ['officer'], c.centre.id),
    outsider: await createActor(t, ['officer'], elsewhere.id),
    auditor: c.auditor,
  };
}, 120_000);
afterAll(() => w?.t.close());
afterEach(() => w.t.clock.set(START));

/** A file in review, led by the cast's centre, assigned to the cast's officer. */
async function fileInReview(): Promise<string> {
  const { t, c } = w;
  const establishment = await registerEstablishment(t, c.applicant, 'Hợp tác xã cơ khí Tân Phú');
  const created = await t.http
    .post(api('/applications'))
    .set(c.applicant.auth)
    .send(sampleFileBody({ establishmentId: establishment.id, year: YEAR, fundCode: c.fundCode, requestedSupport: '200000000' }))
    .expect(201);
  const id = created.body.id;
  await attachRequiredDocuments(t, c.applicant.auth, id);
  await t.http.post(api(`/applications/${id}/submit`)).set(c.applicant.auth).expect(200);
  await t.http.post(api(`/applications/${id}/assign`)).set(c.head.auth).send({ officerId: c.officer.id, leadUnitId: c.centre.id, dueDate: `${YEAR}-12-31` }).expect(200);
  return id;
}

/** The consulted unit asked by the file's officer (or `by`), answer due `dueDate`. */
async function consult(fileId: string, dueDate: string, by: TestActor = w.c.officer): Promise<string> {
  const res = await w.t.http
    .post(api(`/applications/${fileId}/consultations`))
    .set(by.auth)
    .send({ unitId: w.consulted.id, question: 'Đề nghị cho ý kiến về công suất máy sấy', dueDate })
    .expect(201);
  return res.body.id;
}

const request = (id: string, body: Record<string, unknown>, who: TestActor = w.consultedOfficer) =>
  w.t.http.post(api(`/consultations/${id}/extension`)).set(who.auth).send(body);
const decideExtension = (id: string, decision: 'approve' | 'reject', who: TestActor, body: Record<string, unknown> = {}) =>
  w.t.http.post(api(`/consultations/${id}/extension/${decision}`)).set(who.auth).send(body);
const read = async (id: string, who: TestActor = w.consultedOfficer) => (await w.t.http.get(api(`/consultations/${id}`)).set(who.auth).expect(200)).body;
const file = async (id: string) => (await w.t.http.get(api(`/applications/${id}`)).set(w.c.officer.auth).expect(200)).body;
const listed = async (status: 'open' | 'answered' | 'silent') =>
  (await w.t.http.get(api('/consultations')).query({ unitId: w.consulted.id, status, pageSize: 200 }).set(w.consultedOfficer.auth).expect(200)).body.items.map(
    (c: { id: string }) => c.id,
  );

describe('a request for more time (đề nghị gia hạn)', () => {
  it('keeps the consultation open past its due date, not silent, and the unit may still answer', async () => {
    const fileId = await fileInReview();
    const id = await consult(fileId, day(2));

    const asked = await request(id, { newDueDate: day(7), reason: 'Cần khảo sát thực tế tại cơ sở' }).expect(200);
    expect(asked.body).toMatchObject({
      id,
      dueDate: day(2),
      status: 'open',
      silent: false,
      awaitingExtensionDecision: true,
      originalDueDate: null,
      extension: { requestedUntil: day(7), reason: 'Cần khảo sát thực tế tại cơ sở', status: 'requested', requestedBy: w.consultedOfficer.id, decidedBy: null, decidedAt: null },
    });
    // Once per consultation.
    const again = await request(id, { newDueDate: day(9), reason: 'Thêm thời gian' }).expect(409);
    expect(again.body).toMatchObject({ code: 'INVALID_STATE', detail: expect.stringContaining('chỉ được đề nghị gia hạn một lần') });

    // Three days past the due date, nobody has decided: still open, listed as open, not silent.
    w.t.clock.advanceDays(5);
    expect(await read(id)).toMatchObject({ status: 'open', silent: false, opinion: null, awaitingExtensionDecision: true, dueDate: day(2) });
    expect(await listed('open')).toContain(id);
    expect(await listed('silent')).not.toContain(id);
    const during = await file(fileId);
    expect(during.timeline.map((e: { action: string }) => e.action)).not.toContain('silent_consent');
    expect(during.timeline.find((e: { action: string }) => e.action === 'extension_request')).toMatchObject({
      actorId: w.consultedOfficer.id,
      capacity: 'officer',
      note: `${UNIT_NAME} đề nghị gia hạn trả lời xin ý kiến từ ${dayVi(2)} đến ${dayVi(7)}: Cần khảo sát thực tế tại cơ sở`,
    });

    // The answer is taken while the request waits; afterwards there is nothing left to decide.
    const answered = await w.t.http.post(api(`/consultations/${id}/answer`)).set(w.consultedOfficer.auth).send({ opinion: 'agree', comment: 'Thống nhất' }).expect(200);
    expect(answered.body).toMatchObject({ status: 'answered', opinion: 'agree', awaitingExtensionDecision: false });
    expect((await decideExtension(id, 'approve', w.c.officer).expect(409)).body.code).toBe('INVALID_STATE');
  });

  it('approved: the due date moves (the original kept), and after the new date silence counts', async () => {
    const fileId = await fileInReview();
    const id = await consult(fileId, day(2));
    await request(id, { newDueDate: day(6), reason: 'Chờ kết quả kiểm định thiết bị' }).expect(200);

    w.t.clock.advanceDays(1);
    const approved = await decideExtension(id, 'approve', w.c.officer, { reason: 'Đồng ý, đề nghị trả lời đúng hạn mới' }).expect(200);
    expect(approved.body).toMatchObject({
      dueDate: day(6),
      originalDueDate: day(2),
      status: 'open',
      awaitingExtensionDecision: false,
      extension: { requestedUntil: day(6), status: 'approved', decidedBy: w.c.officer.id, decisionReason: 'Đồng ý, đề nghị trả lời đúng hạn mới' },
    });
    expect((await decideExtension(id, 'approve', w.c.officer).expect(409)).body.code).toBe('INVALID_STATE');
    expect((await decideExtension(id, 'reject', w.c.head).expect(409)).body.code).toBe('INVALID_STATE');
    expect((await request(id, { newDueDate: day(10), reason: 'Lần hai' }).expect(409)).body.code).toBe('INVALID_STATE');

    // Open through the new due date (past the original one)…
    w.t.clock.set(`${day(6)}T16:59:00Z`);
    expect(await read(id)).toMatchObject({ status: 'open', silent: false });
    expect(await listed('open')).toContain(id);
    // …silent agreement the day after it.
    w.t.clock.set(`${day(7)}T02:00:00Z`);
    expect(await read(id)).toMatchObject({ status: 'silent', silent: true, opinion: 'agree' });
    expect(await listed('silent')).toContain(id);
    expect(await listed('open')).not.toContain(id);
    const late = await w.t.http.post(api(`/consultations/${id}/answer`)).set(w.consultedOfficer.auth).send({ opinion: 'disagree' }).expect(409);
    expect(late.body.code).toBe('INVALID_STATE');

    const { timeline } = await file(fileId);
    expect(timeline.find((e: { action: string }) => e.action === 'extension_approve')).toMatchObject({
      actorId: w.c.officer.id,
      capacity: 'officer',
      note: `Đồng ý gia hạn trả lời xin ý kiến của ${UNIT_NAME} đến ${dayVi(6)} (hạn cũ ${dayVi(2)}) — Đồng ý, đề nghị trả lời đúng hạn mới`,
    });
    expect(timeline.at(-1)).toMatchObject({ action: 'silent_consent', at: `${day(6)}T17:00:00.000Z`, note: `${UNIT_NAME} không trả lời trước hạn ${dayVi(6)}: coi như đồng ý (im lặng là đồng ý).` });

    // Audited like every step on a file.
    const audit = await w.t.http.get(api('/audit')).query({ entity: 'application', entityId: fileId, action: 'application.extension_approve' }).set(w.auditor.auth).expect(200);
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        actorId: w.c.officer.id,
        before: expect.objectContaining({ consultationId: id, dueDate: day(2), extensionStatus: 'requested' }),
        after: expect.objectContaining({ consultationId: id, dueDate: day(6), extensionStatus: 'approved' }),
      }),
    ]);
  });

  it('rejected: the original due date stands, and once passed the silence counts from it', async () => {
    const fileId = await fileInReview();
    const id = await consult(fileId, day(2));
    await request(id, { newDueDate: day(9), reason: 'Cán bộ phụ trách đi công tác' }).expect(200);

    w.t.clock.advanceDays(4);
    expect(await read(id)).toMatchObject({ status: 'open', awaitingExtensionDecision: true });
    // A head of the lead unit decides as well as the officer; the body is optional.
    const rejected = await decideExtension(id, 'reject', w.c.head).expect(200);
    expect(rejected.body).toMatchObject({
      dueDate: day(2),
      originalDueDate: null,
      status: 'silent',
      silent: true,
      opinion: 'agree',
      awaitingExtensionDecision: false,
      extension: { requestedUntil: day(9), status: 'rejected', decidedBy: w.c.head.id, decisionReason: null },
    });
    expect(await listed('silent')).toContain(id);
    expect(await listed('open')).not.toContain(id);
    expect((await w.t.http.post(api(`/consultations/${id}/answer`)).set(w.consultedOfficer.auth).send({ opinion: 'agree' }).expect(409)).body.code).toBe('INVALID_STATE');
    const { timeline } = await file(fileId);
    expect(timeline.find((e: { action: string }) => e.action === 'extension_reject')).toMatchObject({
      actorId: w.c.head.id,
      capacity: 'head',
      note: `Không đồng ý gia hạn trả lời xin ý kiến của ${UNIT_NAME}; giữ hạn ${dayVi(2)}`,
    });
    expect(timeline.find((e: { action: string }) => e.action === 'silent_consent')).toMatchObject({ at: `${day(2)}T17:00:00.000Z` });
  });

  it('refused before the due date: the unit still answers until it', async () => {
    const fileId = await fileInReview();
    const id = await consult(fileId, day(3));
    await request(id, { newDueDate: day(9), reason: 'Chờ họp phòng' }).expect(200);
    await decideExtension(id, 'reject', w.c.officer, { reason: 'Hồ sơ cần xử lý gấp' }).expect(200);
    w.t.clock.advanceDays(3);
    expect(await read(id)).toMatchObject({ status: 'open', dueDate: day(3), extension: { status: 'rejected', decisionReason: 'Hồ sơ cần xử lý gấp' } });
    await w.t.http.post(api(`/consultations/${id}/answer`)).set(w.consultedOfficer.auth).send({ opinion: 'agree' }).expect(200);
  });

  it('is asked on or before the due date (after it: 409), for a later date (else 400 naming newDueDate), with a reason', async () => {
    const fileId = await fileInReview();
    const id = await consult(fileId, day(2));
    for (const newDueDate of [day(2), day(1), '2078-02-30', 'ngày mai']) {
      const bad = await request(id, { newDueDate, reason: 'Lý do' }).expect(400);
      expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'newDueDate' })] });
    }
    for (const reason of [undefined, '', '   ']) {
      const bad = await request(id, { newDueDate: day(5), reason }).expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    }
    // On the due date itself it is still in time…
    const onTime = await consult(fileId, day(2));
    w.t.clock.set(`${day(2)}T16:00:00Z`);
    await request(onTime, { newDueDate: day(4), reason: 'Chờ số liệu' }).expect(200);
    // …the day after, the silence has already counted.
    w.t.clock.set(`${day(3)}T02:00:00Z`);
    const late = await request(id, { newDueDate: day(6), reason: 'Xin thêm thời gian' }).expect(409);
    expect(late.body).toMatchObject({ code: 'INVALID_STATE', detail: expect.stringContaining(`Đã quá hạn trả lời (${dayVi(2)})`) });
    expect(await read(id)).toMatchObject({ status: 'silent', extension: null });
  });

  it('is asked by the consulted unit only, and decided by the file\'s officer or a head of its lead unit', async () => {
    const fileId = await fileInReview();
    const id = await consult(fileId, day(5));
    const body = { newDueDate: day(8), reason: 'Thêm thời gian' };
    expect((await request(id, body, w.c.officer).expect(403)).body.code).toBe('NOT_ASSIGNED');
    expect((await request(id, body, w.otherOfficer).expect(403)).body.code).toBe('NOT_ASSIGNED');
    expect((await request(id, body, w.auditor).expect(403)).body.code).toBe('FORBIDDEN');
    expect((await request(id, body, w.c.applicant).expect(403)).body.code).toBe('FORBIDDEN');
    expect((await request(id, body, w.outsider).expect(404)).body.code).toBe('NOT_FOUND');
    await request('01ARZ3NDEKTSV4RRFFQ69G5FAV', body).expect(404);
    // Nothing to decide yet: the file's officer hears 409, everyone else the same refusals as below.
    expect((await decideExtension(id, 'approve', w.c.officer).expect(409)).body.code).toBe('INVALID_STATE');

    await request(id, body).expect(200);
    for (const decision of ['approve', 'reject'] as const) {
      expect((await decideExtension(id, decision, w.consultedOfficer).expect(403)).body.code).toBe('NOT_ASSIGNED');
      expect((await decideExtension(id, decision, w.otherOfficer).expect(403)).body.code).toBe('NOT_ASSIGNED');
      expect((await decideExtension(id, decision, w.c.leader).expect(403)).body.code).toBe('FORBIDDEN');
      expect((await decideExtension(id, decision, w.c.finance).expect(403)).body.code).toBe('FORBIDDEN');
      expect((await decideExtension(id, decision, w.outsider).expect(404)).body.code).toBe('NOT_FOUND');
      await decideExtension('01ARZ3NDEKTSV4RRFFQ69G5FAV', decision, w.c.officer).expect(404);
    }
    // None of them changed anything.
    expect(await read(id)).toMatchObject({ dueDate: day(5), extension: { status: 'requested', decidedBy: null } });
  });
});

describe('the lists and the overdue report read silence by the same rule as the views', () => {
  it('puts each consultation in the one status its view shows', async () => {
    const fileId = await fileInReview();
    const ids = {
      open: await consult(fileId, day(9)),
      awaiting: await consult(fileId, day(1)),
      silent: await consult(fileId, day(1)),
      answered: await consult(fileId, day(1)),
      approved: await consult(fileId, day(1)),
      rejected: await consult(fileId, day(1)),
    };
    for (const key of ['awaiting', 'approved', 'rejected'] as const) await request(ids[key], { newDueDate: day(6), reason: 'Cần thêm thời gian' }).expect(200);
    await decideExtension(ids.approved, 'approve', w.c.officer).expect(200);
    await w.t.http.post(api(`/consultations/${ids.answered}/answer`)).set(w.consultedOfficer.auth).send({ opinion: 'agree' }).expect(200);
    w.t.clock.advanceDays(3);
    await decideExtension(ids.rejected, 'reject', w.c.officer).expect(200);

    const expected = { open: 'open', awaiting: 'open', silent: 'silent', answered: 'answered', approved: 'open', rejected: 'silent' } as const;
    const lists = { open: await listed('open'), answered: await listed('answered'), silent: await listed('silent') };
    for (const [key, id] of Object.entries(ids) as Array<[keyof typeof ids, string]>) {
      const view = await read(id);
      expect([key, view.status]).toEqual([key, expected[key]]);
      for (const status of ['open', 'answered', 'silent'] as const) expect([key, status, lists[status].includes(id)]).toEqual([key, status, status === view.status]);
    }

    // The overdue report lists the silent ones, not the one awaiting its decision.
    const report = await w.t.http.get(api('/reports/overdue')).query({ unitId: w.consulted.id, fiscalYear: YEAR }).set(w.c.leader.auth).expect(200);
    const inReport = report.body.consultations.map((c: { consultationId: string }) => c.consultationId);
    expect(inReport).toEqual(expect.arrayContaining([ids.silent, ids.rejected]));
    for (const id of [ids.open, ids.awaiting, ids.answered, ids.approved]) expect(inReport).not.toContain(id);
  });
});

describe('a disagreement goes up to the one deciding (Điều 13.4)', () => {
  /** A file initialed for the leader, the consulted unit having answered `opinion`. */
  async function initialedWith(opinion: 'agree' | 'disagree', comment?: string): Promise<{ fileId: string; consultationId: string }> {
    const fileId = await fileInReview();
    const consultationId = await consult(fileId, day(3));
    await w.t.http.post(api(`/consultations/${consultationId}/answer`)).set(w.consultedOfficer.auth).send({ opinion, comment }).expect(200);
    await appraise(w.t, w.c.officer, fileId);
    await w.t.http.post(api(`/applications/${fileId}/recommend`)).set(w.c.officer.auth).send({ approvedSupport: '200000000', allocationUnitId: w.c.centre.id, note: 'Đủ điều kiện' }).expect(200);
    await w.t.http.post(api(`/applications/${fileId}/initial`)).set(w.c.head.auth).send({}).expect(200);
    return { fileId, consultationId };
  }

  it('is shown on the file, and deciding needs it acknowledged (409 DISAGREEMENT_NOT_ACKNOWLEDGED), recorded in the timeline', async () => {
    const { fileId, consultationId } = await initialedWith('disagree', 'Công suất máy chưa phù hợp quy mô cơ sở');
    const seen = await file(fileId);
    expect(seen.disagreements).toEqual([
      { consultationId, unitId: w.consulted.id, unitName: UNIT_NAME, comment: 'Công suất máy chưa phù hợp quy mô cơ sở', answeredAt: expect.any(String) },
    ]);
    // The lists carry the flag too (the leader's queue reads them).
    const page = await w.t.http.get(api('/applications')).query({ status: 'initialed', fiscalYear: YEAR, pageSize: 200 }).set(w.c.leader.auth).expect(200);
    expect(page.body.items.find((a: { id: string }) => a.id === fileId).disagreements).toEqual([expect.objectContaining({ consultationId, unitName: UNIT_NAME })]);

    const decision = { decision: 'approve', decisionNo: `${fileId.slice(-8)}/QĐ-GH`, reason: 'Đồng ý hỗ trợ' };
    for (const acknowledgeDisagreement of [undefined, false]) {
      const refused = await w.t.http.post(api(`/applications/${fileId}/decide`)).set(w.c.leader.auth).send({ ...decision, acknowledgeDisagreement }).expect(409);
      expect(refused.body).toMatchObject({ code: 'DISAGREEMENT_NOT_ACKNOWLEDGED', detail: expect.stringContaining(`${UNIT_NAME} không đồng ý với hồ sơ này`) });
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect((await file(fileId)).status).toBe('initialed');
    const bad = await w.t.http.post(api(`/applications/${fileId}/decide`)).set(w.c.leader.auth).send({ ...decision, acknowledgeDisagreement: 'có' }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'acknowledgeDisagreement' })]);

    const decided = await w.t.http.post(api(`/applications/${fileId}/decide`)).set(w.c.leader.auth).send({ ...decision, acknowledgeDisagreement: true }).expect(200);
    expect(decided.body.status).toBe('approved');
    expect(decided.body.timeline.at(-1)).toMatchObject({
      action: 'approve',
      actorId: w.c.leader.id,
      note: `Quyết định số ${decision.decisionNo} — Đã xem xét ý kiến không đồng ý của ${UNIT_NAME} — Đồng ý hỗ trợ`,
    });
  });

  it('is not asked for when every consulted unit agreed', async () => {
    const { fileId } = await initialedWith('agree');
    expect((await file(fileId)).disagreements).toEqual([]);
    const decided = await w.t.http.post(api(`/applications/${fileId}/decide`)).set(w.c.leader.auth).send({ decision: 'reject', decisionNo: `${fileId.slice(-8)}/QĐ-GH`, reason: 'Chưa phù hợp' }).expect(200);
    expect(decided.body.timeline.at(-1).note).toBe(`Quyết định số ${fileId.slice(-8)}/QĐ-GH — Chưa phù hợp`);
  });
});

describe('the pages', () => {
  it('offer the consulted unit "Đề nghị gia hạn" before the due date, and the file\'s officer the decision on it', async () => {
    const fileId = await fileInReview();
    const id = await consult(fileId, day(2));
    const unitStaff = await webUser(w.t, ['officer'], w.consulted.id);
    const officer = await webUser(w.t, ['officer'], w.c.centre.id);
    await w.t.http.post(api(`/applications/${fileId}/assign`)).set(w.c.head.auth).send({ officerId: officer.id, leadUnitId: w.c.centre.id, dueDate: `${YEAR}-12-31` }).expect(200);

    const unit = new PageClient(w.t);
    await unit.login(unitStaff.email);
    const before = await unit.get(`/ho-so/${fileId}`);
    expect(before.text).toContain(`action="/y-kien/${id}/gia-han"`);
    expect(before.text).toContain('Đề nghị gia hạn');
    const refused = await unit.post(`/y-kien/${id}/gia-han`, { newDueDate: day(1), reason: 'Thêm thời gian', _form: `extension-${id}` }, { csrf: csrfOf(before.text) });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('phải sau hạn trả lời hiện tại');
    const asked = await unit.post(`/y-kien/${id}/gia-han`, { newDueDate: day(6), reason: 'Cần khảo sát thực tế', _form: `extension-${id}` }, { csrf: csrfOf(before.text) });
    expect(asked.status).toBe(303);
    expect(asked.headers.location).toBe(`/ho-so/${fileId}#y-kien`);
    const after = await unit.get(`/ho-so/${fileId}`);
    expect(after.text).toContain(`Đã gửi đề nghị gia hạn đến ${dayVi(6)}`);
    expect(after.text).toContain('Đang chờ quyết định');
    // Asked once: no second offer, and the unit is not the one to decide it; it may still answer.
    expect(after.text).not.toContain(`action="/y-kien/${id}/gia-han"`);
    expect(after.text).not.toContain(`action="/y-kien/${id}/gia-han/dong-y"`);
    expect(after.text).toContain(`action="/y-kien/${id}/tra-loi"`);

    const staff = new PageClient(w.t);
    await staff.login(officer.email);
    const pending = await staff.get(`/ho-so/${fileId}`);
    expect(pending.text).toContain(`action="/y-kien/${id}/gia-han/dong-y"`);
    expect(pending.text).toContain(`formaction="/y-kien/${id}/gia-han/khong-dong-y"`);
    expect(pending.text).toContain('Đồng ý gia hạn');
    expect(pending.text).not.toContain(`action="/y-kien/${id}/gia-han"`);
    const approved = await staff.post(`/y-kien/${id}/gia-han/dong-y`, { reason: 'Đồng ý', _form: `extension-decision-${id}` }, { csrf: csrfOf(pending.text) });
    expect(approved.status).toBe(303);
    const done = await staff.get(`/ho-so/${fileId}`);
    expect(done.text).toContain(`Đã đồng ý gia hạn; hạn trả lời mới ${dayVi(6)}.`);
    expect(done.text).toContain(`hạn cũ ${dayVi(2)}`);
    expect(done.text).not.toContain(`action="/y-kien/${id}/gia-han/dong-y"`);

    // Past the due date with no request, the unit is offered no request.
    const other = await consult(fileId, day(1), w.c.head);
    w.t.clock.advanceDays(2);
    const late = await unit.get(`/ho-so/${fileId}`);
    expect(late.text).not.toContain(`action="/y-kien/${other}/gia-han"`);
  });

  it('show the leader the disagreement first and ask for the acknowledgement the decision needs', async () => {
    const fileId = await fileInReview();
    const id = await consult(fileId, day(3));
    await w.t.http.post(api(`/consultations/${id}/answer`)).set(w.consultedOfficer.auth).send({ opinion: 'disagree', comment: 'Địa điểm chưa phù hợp quy hoạch' }).expect(200);
    await appraise(w.t, w.c.officer, fileId);
    await w.t.http.post(api(`/applications/${fileId}/recommend`)).set(w.c.officer.auth).send({ approvedSupport: '200000000', allocationUnitId: w.c.centre.id }).expect(200);
    await w.t.http.post(api(`/applications/${fileId}/initial`)).set(w.c.head.auth).send({}).expect(200);
    const leader = await webUser(w.t, ['leader']);

    const boss = new PageClient(w.t);
    await boss.login(leader.email);
    const page = await boss.get(`/ho-so/${fileId}`);
    const block = page.text.indexOf('id="y-kien-khong-dong-y"');
    expect(block).toBeGreaterThan(-1);
    // First: above the file's facts and the decision form.
    expect(block).toBeLessThan(page.text.indexOf('Thông tin đề án'));
    expect(block).toBeLessThan(page.text.indexOf(`action="/ho-so/${fileId}/quyet-dinh"`));
    expect(page.text.slice(block, block + 800)).toContain('Địa điểm chưa phù hợp quy hoạch');
    expect(page.text).toMatch(/<input type="checkbox" name="acknowledgeDisagreement" value="true" required/);

    const decisionNo = `${fileId.slice(-8)}/QĐ-GHW`;
    const unticked = await boss.post(`/ho-so/${fileId}/quyet-dinh`, { decision: 'approve', decisionNo, _form: 'decide' }, { csrf: csrfOf(page.text) });
    expect(unticked.status).toBe(409);
    expect(unticked.text).toContain(`${UNIT_NAME} không đồng ý với hồ sơ này`);
    const ticked = await boss.post(`/ho-so/${fileId}/quyet-dinh`, { decision: 'approve', decisionNo, acknowledgeDisagreement: 'true', _form: 'decide' }, { csrf: csrfOf(page.text) });
    expect(ticked.status).toBe(303);
    expect((await file(fileId)).timeline.at(-1).note).toContain(`Đã xem xét ý kiến không đồng ý của ${UNIT_NAME}`);
  });
});

describe('on a 390-px phone', () => {
  it('the request form, the decision buttons and the disagreement fit the screen', async () => {
    const fileId = await fileInReview();
    const open = await consult(fileId, day(4));
    const pending = await consult(fileId, day(2));
    await request(pending, { newDueDate: day(8), reason: 'Cần khảo sát thực tế tại cơ sở sản xuất ở xã Phú Thành' }).expect(200);
    const disputed = await fileInReview();
    const asked = await consult(disputed, day(3));
    await w.t.http.post(api(`/consultations/${asked}/answer`)).set(w.consultedOfficer.auth).send({ opinion: 'disagree', comment: 'Công suất máy sấy 10 tấn/mẻ vượt nhu cầu của cơ sở' }).expect(200);
    await appraise(w.t, w.c.officer, disputed);
    await w.t.http.post(api(`/applications/${disputed}/recommend`)).set(w.c.officer.auth).send({ approvedSupport: '200000000', allocationUnitId: w.c.centre.id }).expect(200);
    await w.t.http.post(api(`/applications/${disputed}/initial`)).set(w.c.head.auth).send({}).expect(200);
    const [unitStaff, officer, leader] = [await webUser(w.t, ['officer'], w.consulted.id), await webUser(w.t, ['officer'], w.c.centre.id), await webUser(w.t, ['leader'])];
    await w.t.http.post(api(`/applications/${fileId}/assign`)).set(w.c.head.auth).send({ officerId: officer.id, leadUnitId: w.c.centre.id, dueDate: `${YEAR}-12-31` }).expect(200);

    const browser = await openBrowser(w.t);
    try {
      const page = await browser.newPage({ viewport: PHONE });
      const visit = async (who: TestActor, path: string, shot: string, expected: string, part: string) => {
        await page.context().clearCookies();
        await page.goto(`${browser.base}/dang-nhap`);
        await page.fill('input[name=email]', who.email);
        await page.fill('input[name=password]', PASSWORD);
        await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.click('form[action="/dang-nhap"] button[type=submit]')]);
        await page.goto(`${browser.base}${path}`);
        expect(await page.content()).toContain(expected);
        await widthOf(page, shot, part);
      };
      await visit(unitStaff, `/ho-so/${fileId}`, 'gia-han-don-vi', `action="/y-kien/${open}/gia-han"`, '#y-kien');
      await visit(officer, `/ho-so/${fileId}`, 'gia-han-chuyen-vien', `action="/y-kien/${pending}/gia-han/dong-y"`, `#y-kien-${pending}`);
      await visit(leader, `/ho-so/${disputed}`, 'khong-dong-y-lanh-dao', 'name="acknowledgeDisagreement"', `form[action="/ho-so/${disputed}/quyet-dinh"]`);
      expect(browser.scriptErrors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});

/**
 * The page, with its folded forms open, is no wider than the phone; screenshots of its top and of
 * `part` are kept for people to look at.
 */
async function widthOf(page: Page, shot: string, part: string): Promise<void> {
  const width = await page.evaluate(() => {
    document.querySelectorAll('details').forEach((d: any) => d.setAttribute('open', ''));
    return document.documentElement.scrollWidth;
  });
  await page.screenshot({ path: join(SCREENSHOTS, `${shot}-390.png`) });
  await page.locator(part).screenshot({ path: join(SCREENSHOTS, `${shot}-phan-390.png`) });
  expect([shot, width]).toEqual([shot, PHONE.width]);
}
