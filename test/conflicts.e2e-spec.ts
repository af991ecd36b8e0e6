import { DataSource } from 'typeorm';
import { PasswordHasher } from '../src/modules/identity/password-hasher';
import { createActor, TestActor } from './support/actors';
import { attachRequiredDocuments, registerEstablishment } from './support/files';
import { sampleFileBody } from './support/files';
import { startTestApp, TestApp } from './support/test-app';
import { cast, Cast } from './support/workflow';
import { PageClient, PASSWORD, webUser } from './web-support';

/**
 * Conflicts of interest (xung đột lợi ích): staff declare, once per file, whether they have a
 * conflict with the file's establishment; a declared conflict keeps them (and, under a delegation,
 * their delegate) from appraising, recommending, initialing and deciding the file, and where the
 * province requires it (REQUIRE_CONFLICT_DECLARATION=true) those steps need a declaration first.
 */

const YEAR = 2027;
/** 09:00 in Hồ Chí Minh City on Tuesday 2 March 2027. */
const START = '2027-03-02T02:00:00Z';
const TODAY = '2027-03-02';
const api = (path: string) => `/api/v1${path}`;

type Stage = 'under_review' | 'recommended' | 'initialed';

describe('conflicts of interest', () => {
  let t: TestApp;
  /** The same service on the same database, where declarations are required before judging. */
  let strict: TestApp;
  let c: Cast;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(START);
    strict = await startTestApp({ REQUIRE_CONFLICT_DECLARATION: 'true' });
    strict.clock.set(START);
    c = await cast(t, YEAR);
  });
  afterAll(async () => {
    await strict.close();
    await t.close();
  });

  /** A file of the cast walked to `stage` (through `app`, the service whose rules apply): steps taken by the cast's officer and head. */
  async function fileAt(stage: Stage, app: TestApp = t): Promise<string> {
    const establishment = await registerEstablishment(t, c.applicant, 'Hợp tác xã cơ khí Phú Thành');
    const created = await t.http
      .post(api('/applications'))
      .set(c.applicant.auth)
      .send(sampleFileBody({ establishmentId: establishment.id, year: YEAR, fundCode: c.fundCode, requestedSupport: '300000000' }))
      .expect(201);
    const id: string = created.body.id;
    await attachRequiredDocuments(t, c.applicant.auth, id);
    await t.http.post(api(`/applications/${id}/submit`)).set(c.applicant.auth).expect(200);
    await t.http.post(api(`/applications/${id}/assign`)).set(c.head.auth).send({ officerId: c.officer.id, leadUnitId: c.centre.id, dueDate: `${YEAR}-12-31` }).expect(200);
    if (stage === 'under_review') return id;
    if (app === strict) await declare(id, c.officer, { hasConflict: false }).expect(201);
    await app.http.post(api(`/applications/${id}/appraisals`)).set(c.officer.auth).send({ score: 80, recommendation: 'approve', comment: 'Đạt' }).expect(201);
    await app.http.post(api(`/applications/${id}/recommend`)).set(c.officer.auth).send({ approvedSupport: '300000000', allocationUnitId: c.centre.id }).expect(200);
    if (stage === 'recommended') return id;
    if (app === strict) await declare(id, c.head, { hasConflict: false }).expect(201);
    await app.http.post(api(`/applications/${id}/initial`)).set(c.head.auth).send({}).expect(200);
    return id;
  }

  const declare = (id: string, who: TestActor, body: object, app: TestApp = t) =>
    app.http.post(api(`/applications/${id}/conflict-declarations`)).set(who.auth).send(body);
  const declarations = (id: string, who: TestActor) => t.http.get(api(`/applications/${id}/conflict-declarations`)).set(who.auth);
  const read = async (id: string) => (await t.http.get(api(`/applications/${id}`)).set(c.officer.auth).expect(200)).body;
  const appraise = (id: string, who: TestActor, app: TestApp = t) =>
    app.http.post(api(`/applications/${id}/appraisals`)).set(who.auth).send({ score: 80, recommendation: 'approve', comment: 'Đạt' });
  const recommend = (id: string, who: TestActor, app: TestApp = t) =>
    app.http.post(api(`/applications/${id}/recommend`)).set(who.auth).send({ approvedSupport: '300000000', allocationUnitId: c.centre.id });
  const initial = (id: string, who: TestActor, app: TestApp = t) => app.http.post(api(`/applications/${id}/initial`)).set(who.auth).send({});
  const decide = (id: string, who: TestActor, app: TestApp = t) =>
    app.http.post(api(`/applications/${id}/decide`)).set(who.auth).send({ decision: 'approve', decisionNo: `${id.slice(-6)}/QĐ-SCT` });

  /** The refusal left the file as it was: same status, the declaration still its last step. */
  async function unchanged(id: string, status: Stage) {
    const file = await read(id);
    expect(file.status).toBe(status);
    expect(file.timeline.at(-1).action).toBe('conflict_declaration');
    return file;
  }

  describe('declaring', () => {
    it('a staff member declares a conflict: 201 with the declaration, listed on the file, on its timeline and in the audit log; the file does not move', async () => {
      const id = await fileAt('under_review');
      const res = await declare(id, c.officer, { hasConflict: true, relation: 'kin', note: '  Em ruột của chủ nhiệm hợp tác xã  ' }).expect(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9A-Z]{26}$/),
        applicationId: id,
        userId: c.officer.id,
        userName: c.officer.fullName,
        hasConflict: true,
        relation: 'kin',
        note: 'Em ruột của chủ nhiệm hợp tác xã',
        declaredAt: new Date(START).toISOString(),
      });
      await declare(id, c.head, { hasConflict: false }).expect(201);

      const list = await declarations(id, c.auditor).expect(200);
      expect(list.body).toEqual([
        res.body,
        expect.objectContaining({ userId: c.head.id, userName: c.head.fullName, hasConflict: false, relation: null, note: null }),
      ]);

      const file = await read(id);
      expect(file.status).toBe('under_review');
      expect(file.timeline.slice(-2)).toEqual([
        expect.objectContaining({ action: 'conflict_declaration', fromStatus: 'under_review', toStatus: 'under_review', actorId: c.officer.id, capacity: 'officer' }),
        expect.objectContaining({ action: 'conflict_declaration', actorId: c.head.id, capacity: 'head' }),
      ]);

      const audit = await t.http
        .get(api(`/audit?entity=application&entityId=${id}&action=application.conflict_declaration`))
        .set(c.auditor.auth)
        .expect(200);
      expect(audit.body.items).toHaveLength(2);
      expect(audit.body.items.find((e: { actorId: string }) => e.actorId === c.officer.id)).toMatchObject({
        action: 'application.conflict_declaration',
        capacity: 'officer',
        after: { status: 'under_review', declarationId: res.body.id, hasConflict: true, relation: 'kin', note: 'Em ruột của chủ nhiệm hợp tác xã' },
      });
    });

    it('one declaration per person per file: a second is 409 DUPLICATE, and a declared conflict cannot be withdrawn', async () => {
      const id = await fileAt('under_review');
      await declare(id, c.officer, { hasConflict: true, relation: 'ownership' }).expect(201);
      const again = await declare(id, c.officer, { hasConflict: false }).expect(409);
      expect(again.body).toMatchObject({ code: 'DUPLICATE', status: 409 });
      expect(again.body.detail).toMatch(/đã kê khai/);
      await declare(id, c.head, { hasConflict: false }).expect(201);
      expect((await declare(id, c.head, { hasConflict: false })).status).toBe(409);
      const list = (await declarations(id, c.head).expect(200)).body;
      expect(list.map((d: { userId: string; hasConflict: boolean }) => [d.userId, d.hasConflict])).toEqual([
        [c.officer.id, true],
        [c.head.id, false],
      ]);
    });

    it('a conflict names its relation (400 VALIDATION_FAILED naming relation, as every invalid input is in the contract); a relation without a conflict, a wrong one or a missing answer is refused too', async () => {
      const id = await fileAt('under_review');
      const cases: Array<[object, string]> = [
        [{ hasConflict: true }, 'relation'],
        [{ hasConflict: true, relation: 'friendship' }, 'relation'],
        [{ hasConflict: false, relation: 'kin' }, 'relation'],
        [{ relation: 'kin' }, 'hasConflict'],
        [{ hasConflict: 'yes', relation: 'kin' }, 'hasConflict'],
        [{ hasConflict: false, note: 'x'.repeat(1001) }, 'note'],
      ];
      for (const [body, field] of cases) {
        const res = await declare(id, c.officer, body);
        expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status: 400, code: 'VALIDATION_FAILED' });
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
      expect((await declarations(id, c.officer).expect(200)).body).toEqual([]);
    });

    it('staff who act on files declare; the producer, finance and auditors may not, and the producer may not read them (403)', async () => {
      const id = await fileAt('under_review');
      for (const who of [c.applicant, c.finance, c.auditor]) {
        const res = await declare(id, who, { hasConflict: false });
        expect(res.status).toBe(403);
      }
      await declare(id, c.leader, { hasConflict: false }).expect(201);
      expect((await declarations(id, c.applicant)).status).toBe(403);
      expect((await declarations(id, c.finance)).status).toBe(200);
      await declare('01JZZZZZZZZZZZZZZZZZZZZZZZ', c.officer, { hasConflict: false }).expect(404);
      await declarations('01JZZZZZZZZZZZZZZZZZZZZZZZ', c.officer).expect(404);
    });
  });

  describe('a declared conflict removes the person from judging the file (403 CONFLICT_OF_INTEREST)', () => {
    it('appraise: refused and nothing recorded; a colleague without a conflict appraises', async () => {
      const id = await fileAt('under_review');
      await declare(id, c.head, { hasConflict: true, relation: 'employment', note: 'Vợ làm kế toán tại cơ sở' }).expect(201);
      const res = await appraise(id, c.head).expect(403);
      expect(res.body).toMatchObject({ code: 'CONFLICT_OF_INTEREST', status: 403 });
      expect(res.body.detail).toContain(c.head.fullName);
      const file = await unchanged(id, 'under_review');
      expect(file.appraisals).toEqual([]);
      const audit = await t.http.get(api(`/audit?entity=application&entityId=${id}&action=application.appraise`)).set(c.auditor.auth).expect(200);
      expect(audit.body.items).toEqual([]);

      await declare(id, c.officer, { hasConflict: false }).expect(201);
      await appraise(id, c.officer).expect(201);
    });

    it('recommend: refused and nothing recorded', async () => {
      const id = await fileAt('under_review');
      await declare(id, c.officer, { hasConflict: true, relation: 'kin' }).expect(201);
      const res = await recommend(id, c.officer).expect(403);
      expect(res.body.code).toBe('CONFLICT_OF_INTEREST');
      const file = await unchanged(id, 'under_review');
      expect(file.approvedSupport).toBeNull();
    });

    it('initial: refused and nothing recorded', async () => {
      const id = await fileAt('recommended');
      await declare(id, c.head, { hasConflict: true, relation: 'ownership', note: 'Góp 10 % vốn' }).expect(201);
      const res = await initial(id, c.head).expect(403);
      expect(res.body.code).toBe('CONFLICT_OF_INTEREST');
      await unchanged(id, 'recommended');
    });

    it('decide: refused and nothing committed; the same for a delegate whose delegator declared a conflict', async () => {
      const id = await fileAt('initialed');
      await declare(id, c.leader, { hasConflict: true, relation: 'other', note: 'Bạn học lâu năm của chủ cơ sở' }).expect(201);
      const res = await decide(id, c.leader).expect(403);
      expect(res.body.code).toBe('CONFLICT_OF_INTEREST');
      const file = await unchanged(id, 'initialed');
      expect(file.decisionNo).toBeNull();

      // The leader's deputy, under the leader's delegation, decides for the leader: refused too,
      // though the deputy declared no conflict themselves.
      const deputy = await createActor(t, ['head'], c.centre.id);
      await t.http
        .post(api('/delegations'))
        .set(c.leader.auth)
        .send({ toUserId: deputy.id, validFrom: TODAY, validTo: '2027-03-04', reason: 'Giám đốc đi công tác' })
        .expect(201);
      await declare(id, deputy, { hasConflict: false }).expect(201);
      const delegated = await decide(id, deputy).expect(403);
      expect(delegated.body.code).toBe('CONFLICT_OF_INTEREST');
      expect(delegated.body.detail).toContain(`${c.leader.fullName} (người ủy quyền)`);
      await unchanged(id, 'initialed');
      const audit = await t.http.get(api(`/audit?entity=application&entityId=${id}&action=application.approve`)).set(c.auditor.auth).expect(200);
      expect(audit.body.items).toEqual([]);

      // Another leader, without a conflict, decides.
      const other = await createActor(t, ['leader']);
      expect((await decide(id, other).expect(200)).body.status).toBe('approved');
    });

    it('a declaration of no conflict changes nothing where none is required', async () => {
      const id = await fileAt('initialed');
      await declare(id, c.leader, { hasConflict: false }).expect(201);
      await decide(id, c.leader).expect(200);
    });
  });

  describe('REQUIRE_CONFLICT_DECLARATION=true: the judging steps need the actor\'s declaration first (409 DECLARATION_REQUIRED)', () => {
    it('appraise, recommend, initial and decide are refused without a declaration, and taken after one of no conflict', async () => {
      const id = await fileAt('under_review');
      const refused = async (res: { status: number; body: { code: string } }, status: Stage) => {
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'DECLARATION_REQUIRED' });
        expect((await read(id)).status).toBe(status);
      };

      await refused(await appraise(id, c.head, strict), 'under_review');
      await declare(id, c.head, { hasConflict: false }, strict).expect(201);
      await appraise(id, c.head, strict).expect(201);

      await refused(await recommend(id, c.officer, strict), 'under_review');
      await declare(id, c.officer, { hasConflict: false }, strict).expect(201);
      await recommend(id, c.officer, strict).expect(200);

      const head = await createActor(t, ['head'], c.centre.id);
      await refused(await initial(id, head, strict), 'recommended');
      await declare(id, head, { hasConflict: false }, strict).expect(201);
      await initial(id, head, strict).expect(200);

      await refused(await decide(id, c.leader, strict), 'initialed');
      await declare(id, c.leader, { hasConflict: false }, strict).expect(201);
      expect((await decide(id, c.leader, strict).expect(200)).body.status).toBe('approved');
    });

    it('a declared conflict is still 403 there, and the default service asks for no declaration', async () => {
      const id = await fileAt('recommended', strict);
      await declare(id, c.leader, { hasConflict: true, relation: 'kin' }, strict).expect(201);
      const head = await createActor(t, ['head'], c.centre.id);
      await declare(id, head, { hasConflict: true, relation: 'employment' }, strict).expect(201);
      expect((await initial(id, head, strict)).body.code).toBe('CONFLICT_OF_INTEREST');
      // Without the requirement the head who has not declared initials.
      await initial(id, c.head).expect(200);
      expect((await decide(id, c.leader, strict)).body.code).toBe('CONFLICT_OF_INTEREST');
    });
  });

  describe('the pages', () => {
    it('the file page lists the declarations and offers a form to staff who have not declared; the decision form shows them; the producer sees none of it', async () => {
      const id = await fileAt('initialed');
      // A head of the lead unit acts on the file (an officer of the unit not assigned to it does not, and is offered no form).
      const bystander = await webUser(t, ['officer'], c.centre.id, 'Lê Thị Hoa');
      const onlooker = new PageClient(t);
      await onlooker.login(bystander.email);
      expect((await onlooker.get(`/ho-so/${id}`)).text).not.toContain(`action="/ho-so/${id}/xung-dot-loi-ich"`);
      const officer = await webUser(t, ['head'], c.centre.id, 'Phạm Văn Kiên');
      const browser = new PageClient(t);
      await browser.login(officer.email);
      const before = await browser.get(`/ho-so/${id}`);
      expect(before.status).toBe(200);
      expect(before.text).toContain('Kê khai xung đột lợi ích');
      expect(before.text).toContain('Chưa có ai kê khai xung đột lợi ích.');
      expect(before.text).toContain(`action="/ho-so/${id}/xung-dot-loi-ich"`);
      expect(before.text).toContain('Quan hệ gia đình');
      expect(before.text).toContain('Sở hữu, góp vốn');

      // A conflict without its relation: the form again, with the API's message beside the field.
      const refused = await browser.post(`/ho-so/${id}/xung-dot-loi-ich`, { hasConflict: 'true', relation: '', note: '' }, { from: `/ho-so/${id}` });
      expect(refused.status).toBe(400);
      expect(refused.text).toMatch(/id="f-relation-error">bắt buộc</);

      const sent = await browser.post(`/ho-so/${id}/xung-dot-loi-ich`, { hasConflict: 'true', relation: 'kin', note: 'Anh ruột của chủ cơ sở' }, { from: `/ho-so/${id}` });
      expect(sent.status).toBe(303);
      expect(sent.headers.location).toBe(`/ho-so/${id}`);
      const after = await browser.get(`/ho-so/${id}`);
      expect(after.text).toContain('Đã kê khai có xung đột lợi ích');
      const section = after.text.slice(after.text.indexOf('id="xung-dot-loi-ich"'));
      expect(section).toContain('Phạm Văn Kiên');
      expect(section).toContain('<span class="badge bad">Có</span>');
      expect(section).toContain('Anh ruột của chủ cơ sở');
      expect(after.text).not.toContain(`action="/ho-so/${id}/xung-dot-loi-ich"`);
      const [stored] = (await declarations(id, c.officer).expect(200)).body;
      expect(stored).toMatchObject({ userId: officer.id, hasConflict: true, relation: 'kin', note: 'Anh ruột của chủ cơ sở' });

      // The leader deciding reads the declarations beside the decision.
      const leader = await webUser(t, ['leader'], null, 'Võ Thị Lan');
      const leaderBrowser = new PageClient(t);
      await leaderBrowser.login(leader.email);
      const page = (await leaderBrowser.get(`/ho-so/${id}`)).text;
      const decision = page.slice(page.indexOf(`action="/ho-so/${id}/quyet-dinh"`), page.indexOf('Ký quyết định'));
      expect(decision).toContain('Kê khai xung đột lợi ích');
      expect(decision).toContain('Phạm Văn Kiên');
      expect(decision).toContain('Quan hệ gia đình');

      // The producer's page says nothing of what was declared.
      const hash = await t.app.get(PasswordHasher).hash(PASSWORD);
      await t.app.get(DataSource).query('UPDATE users SET password_hash = ? WHERE id = ?', [hash, c.applicant.id]);
      const producer = new PageClient(t);
      await producer.login(c.applicant.email);
      const own = await producer.get(`/ho-so/${id}`);
      expect(own.status).toBe(200);
      expect(own.text).not.toContain('id="xung-dot-loi-ich"');
      expect(own.text).not.toContain('Anh ruột của chủ cơ sở');
      expect(own.text).not.toContain('Quan hệ gia đình');
    });

    it("the file page offers no decision to a delegate whose delegator declared a conflict, and a hand-made one is refused the same way", async () => {
      const id = await fileAt('initialed');
      const boss = await createActor(t, ['leader']);
      const deputy = await webUser(t, ['head'], c.centre.id, 'Đặng Văn Phó');
      await t.http.post(api('/delegations')).set(boss.auth).send({ toUserId: deputy.id, validFrom: TODAY, validTo: '2027-03-04', reason: 'Giám đốc đi công tác' }).expect(201);
      const browser = new PageClient(t);
      await browser.login(deputy.email);
      const form = `action="/ho-so/${id}/quyet-dinh"`;
      expect((await browser.get(`/ho-so/${id}`)).text).toContain(form);

      await declare(id, boss, { hasConflict: true, relation: 'ownership' }).expect(201);
      const page = await browser.get(`/ho-so/${id}`);
      expect(page.text).not.toContain(form);
      const posted = await browser.post(`/ho-so/${id}/quyet-dinh`, { decision: 'approve', decisionNo: `${id.slice(-6)}/QĐ-UQ` }, { from: `/ho-so/${id}` });
      expect(posted.status).toBe(403);
      expect(posted.text).toContain('(người ủy quyền)');
      expect((await read(id)).status).toBe('initialed');
    });

    it('the list decision form shows each file\'s declarations and offers no file the leader may not decide: a conflict declared, a file they initialed', async () => {
      const leader = await webUser(t, ['leader', 'head'], c.centre.id, 'Trịnh Văn Quyết');
      const [clear, conflicted, initialedByLeader] = [await fileAt('initialed'), await fileAt('initialed'), await fileAt('recommended')];
      await initial(initialedByLeader, leader).expect(200);
      await declare(conflicted, leader, { hasConflict: true, relation: 'kin', note: 'Em rể của chủ cơ sở' }).expect(201);
      await declare(clear, c.officer, { hasConflict: false }).expect(201);

      const browser = new PageClient(t);
      await browser.login(leader.email);
      const form = (await browser.get('/quyet-dinh/moi')).text;
      const card = (id: string) => {
        const at = form.indexOf(`href="/ho-so/${id}"`);
        expect(at).toBeGreaterThan(0);
        return form.slice(form.lastIndexOf('<div class="card pick', at), at);
      };
      expect(form).toContain(`name="applicationIds" value="${clear}"`);
      expect(card(clear)).toContain('Kê khai xung đột lợi ích (1)');
      expect(form).not.toContain(`name="applicationIds" value="${conflicted}"`);
      expect(card(conflicted)).toContain('Trịnh Văn Quyết');
      expect(card(conflicted)).toContain('Quan hệ gia đình');
      expect(card(conflicted)).toContain('Em rể của chủ cơ sở');
      expect(card(conflicted)).toContain('Bạn không thể quyết định hồ sơ này');
      expect(form).not.toContain(`name="applicationIds" value="${initialedByLeader}"`);
      expect(card(initialedByLeader)).toContain('Người đã ký tắt hồ sơ không được tự quyết định');

      // A hand-made list naming the conflicted file is refused the same way, and nothing is approved.
      const posted = await browser.post('/quyet-dinh/moi', { applicationIds: [clear, conflicted] }, { from: '/quyet-dinh/moi' });
      expect(posted.status).toBe(403);
      expect((await read(clear)).status).toBe('initialed');
      expect((await read(conflicted)).status).toBe('initialed');
    });
  });
});
