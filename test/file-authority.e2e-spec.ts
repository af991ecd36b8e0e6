import { DataSource } from 'typeorm';
import { createActor, createUnit, TestActor } from './support/actors';
import { fundWithBudget, postMoney } from './support/budget';
import { attachRequiredDocuments, registerEstablishment, sampleFileBody } from './support/files';
import { startTestApp, TestApp } from './support/test-app';
import { PageClient, webUser } from './web-support';

/**
 * Who sees a file and who acts on it (API.md "Authority"): the lead unit and the units above it,
 * the responsible officer, the consulted units, the intake queue; the steps belong to the
 * responsible officer and the lead unit's heads. Every refusal changes nothing, and the pages
 * offer only what the API would take.
 *
 *   SCT (department)
 *   ├── TTKC (centre) ── PTV (division: the lead unit)
 *   ├── QLCN (division: strangers to the file)
 *   └── KHTC (division: consulted on the file)
 */
describe('who sees a file and who acts on it', () => {
  let t: TestApp;
  const YEAR = 2026;
  const api = (path: string) => `/api/v1${path}`;
  const units = {} as Record<'sct' | 'ttkc' | 'ptv' | 'qlcn' | 'khtc', string>;
  const who = {} as Record<
    'applicant' | 'responsible' | 'colleague' | 'headPtv' | 'headTtkc' | 'stranger' | 'strangerHead' | 'consultedOfficer' | 'consultedHead' | 'leader' | 'finance' | 'admin',
    TestActor
  >;
  let fundCode: string;
  let establishmentId: string;

  const status = async (id: string) => (await t.http.get(api(`/applications/${id}`)).set(who.leader.auth).expect(200)).body.status as string;
  const timelineLength = async (id: string) => (await t.http.get(api(`/applications/${id}`)).set(who.leader.auth).expect(200)).body.timeline.length as number;

  async function submittedFile(): Promise<string> {
    const created = await t.http
      .post(api('/applications'))
      .set(who.applicant.auth)
      .send(sampleFileBody({ establishmentId, year: YEAR, fundCode, requestedSupport: '200000000' }))
      .expect(201);
    await attachRequiredDocuments(t, who.applicant.auth, created.body.id);
    await t.http.post(api(`/applications/${created.body.id}/submit`)).set(who.applicant.auth).expect(200);
    return created.body.id;
  }

  async function assignedFile(): Promise<string> {
    const id = await submittedFile();
    await t.http.post(api(`/applications/${id}/assign`)).set(who.headPtv.auth).send({ officerId: who.responsible.id, leadUnitId: units.ptv, dueDate: `${YEAR}-12-31` }).expect(200);
    await t.http
      .post(api(`/applications/${id}/consultations`))
      .set(who.responsible.auth)
      .send({ unitId: units.khtc, question: 'Ý kiến về địa điểm', dueDate: `${YEAR}-12-30` })
      .expect(201);
    return id;
  }

  async function recommendedFile(): Promise<string> {
    const id = await assignedFile();
    await t.http.post(api(`/applications/${id}/appraisals`)).set(who.responsible.auth).send({ score: 80, recommendation: 'approve' }).expect(201);
    await t.http.post(api(`/applications/${id}/recommend`)).set(who.responsible.auth).send({ approvedSupport: '200000000', allocationUnitId: units.ttkc }).expect(200);
    return id;
  }

  async function approvedFile(): Promise<string> {
    const id = await recommendedFile();
    await t.http.post(api(`/applications/${id}/initial`)).set(who.headPtv.auth).send({}).expect(200);
    await t.http.post(api(`/applications/${id}/decide`)).set(who.leader.auth).send({ decision: 'approve', decisionNo: `${id.slice(-5)}/QĐ-SCT` }).expect(200);
    return id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    // A fixed day of the year the files are for: due dates ahead, contracts and acceptances behind.
    t.clock.set('2026-10-01T02:00:00Z');
    const db = t.app.get(DataSource);
    units.sct = (await createUnit(t, 'department', 'Sở Công Thương')).id;
    units.ttkc = (await createUnit(t, 'centre', 'Trung tâm Khuyến công')).id;
    units.ptv = (await createUnit(t, 'division', 'Phòng Tư vấn')).id;
    units.qlcn = (await createUnit(t, 'division', 'Phòng Quản lý công nghiệp')).id;
    units.khtc = (await createUnit(t, 'division', 'Phòng Kế hoạch – Tài chính')).id;
    for (const [child, parent] of [
      [units.ttkc, units.sct],
      [units.ptv, units.ttkc],
      [units.qlcn, units.sct],
      [units.khtc, units.sct],
    ]) {
      await db.query('UPDATE units SET parent_id = ? WHERE id = ?', [parent, child]);
    }
    who.applicant = await createActor(t, ['applicant']);
    who.responsible = await webUser(t, ['officer'], units.ptv, 'Nguyễn Văn Phụ Trách');
    who.colleague = await webUser(t, ['officer'], units.ptv, 'Trần Thị Đồng Nghiệp');
    who.headPtv = await webUser(t, ['head'], units.ptv, 'Lê Văn Trưởng Phòng');
    who.headTtkc = await webUser(t, ['head'], units.ttkc, 'Võ Văn Giám Đốc Trung Tâm');
    who.stranger = await createActor(t, ['officer'], units.qlcn);
    who.strangerHead = await webUser(t, ['head'], units.qlcn, 'Phạm Văn Phòng Khác');
    who.consultedOfficer = await createActor(t, ['officer'], units.khtc);
    who.consultedHead = await webUser(t, ['head'], units.khtc, 'Đỗ Thị Phòng Được Hỏi');
    who.leader = await createActor(t, ['leader']);
    who.finance = await createActor(t, ['finance']);
    who.admin = await createActor(t, ['admin']);
    ({ fundCode } = await fundWithBudget(t, who.finance, { year: YEAR, appropriated: '10000000000' }));
    await postMoney(t, who.finance, '/allocations', { fundCode, fiscalYear: YEAR, unitId: units.ttkc, amount: '5000000000', decisionNo: 'PB-2026' }).expect(201);
    establishmentId = (await registerEstablishment(t, who.applicant, 'Hợp tác xã Phú Thành')).id;
  });
  afterAll(() => t.close());

  it('a stranger officer or head reads a file as absent (404); the lead line, the consulted unit and the province read it', async () => {
    const id = await assignedFile();
    for (const reader of [who.stranger, who.strangerHead, who.admin]) {
      const res = await t.http.get(api(`/applications/${id}`)).set(reader.auth).expect(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    for (const reader of [who.applicant, who.responsible, who.colleague, who.headPtv, who.headTtkc, who.consultedOfficer, who.consultedHead, who.leader, who.finance]) {
      await t.http.get(api(`/applications/${id}`)).set(reader.auth).expect(200);
    }
    // Its money rows and consultations are hidden from a stranger as well.
    const consultations = await t.http.get(api('/consultations')).query({ applicationId: id }).set(who.stranger.auth).expect(200);
    expect(consultations.body.items).toEqual([]);
  });

  it("the intake queue is the centre's: its heads and officers see a submitted file, a stranger unit does not", async () => {
    const id = await submittedFile();
    await t.http.get(api(`/applications/${id}`)).set(who.headTtkc.auth).expect(200);
    await t.http.get(api(`/applications/${id}`)).set(who.colleague.auth).expect(200);
    await t.http.get(api(`/applications/${id}`)).set(who.strangerHead.auth).expect(404);
    // A stranger head cannot assign it; a head of the centre's units can.
    await t.http.post(api(`/applications/${id}/assign`)).set(who.strangerHead.auth).send({ officerId: who.responsible.id, leadUnitId: units.ptv, dueDate: `${YEAR}-12-31` }).expect(404);
    await t.http.post(api(`/applications/${id}/assign`)).set(who.headTtkc.auth).send({ officerId: who.responsible.id, leadUnitId: units.ptv, dueDate: `${YEAR}-12-31` }).expect(200);
  });

  it("a division head gives an intake file to their own division only: another division's is 403 NOT_ASSIGNED, and the page offers only theirs", async () => {
    // A second division of the centre, with its head and an officer.
    const ttdt = (await createUnit(t, 'division', 'Phòng Thông tin – Dữ liệu')).id;
    await t.app.get(DataSource).query('UPDATE units SET parent_id = ? WHERE id = ?', [units.ttkc, ttdt]);
    const headTtdt = await webUser(t, ['head'], ttdt, 'Hồ Văn Phòng Thông Tin');
    const officerTtdt = await webUser(t, ['officer'], ttdt, 'Mai Thị Chuyên Viên');
    const id = await submittedFile();

    // The page's assignment form: their division and its officers, not the other division's.
    const page = new PageClient(t);
    await page.login(headTtdt.email);
    const form = (await page.get(`/ho-so/${id}`)).text;
    const assignForm = form.slice(form.indexOf(`action="/ho-so/${id}/giao"`));
    const formPart = assignForm.slice(0, assignForm.indexOf('</form>'));
    expect(formPart).toContain(`value="${ttdt}"`);
    expect(formPart).toContain(`value="${officerTtdt.id}"`);
    expect(formPart).not.toContain(`value="${units.ptv}"`);
    expect(formPart).not.toContain(`value="${who.responsible.id}"`);

    // A hand-made assignment to the other division is refused, and the file still waits at intake.
    const refused = await t.http.post(api(`/applications/${id}/assign`)).set(headTtdt.auth).send({ officerId: who.responsible.id, leadUnitId: units.ptv, dueDate: `${YEAR}-12-31` }).expect(403);
    expect(refused.body.code).toBe('NOT_ASSIGNED');
    expect(await status(id)).toBe('submitted');
    await t.http.post(api(`/applications/${id}/assign`)).set(headTtdt.auth).send({ officerId: officerTtdt.id, leadUnitId: ttdt, dueDate: `${YEAR}-12-31` }).expect(200);
    expect(await status(id)).toBe('under_review');
  });

  it('every list shows exactly the files its reader may open', async () => {
    await assignedFile();
    await submittedFile();
    // The files of this test's establishment (the run's database holds other tests' files too).
    const ours = { pageSize: 200, establishmentId };
    const all: Array<{ id: string }> = (await t.http.get(api('/applications')).query(ours).set(who.leader.auth).expect(200)).body.items;
    expect(all.length).toBeGreaterThanOrEqual(2);
    for (const reader of Object.values(who)) {
      const listed = await t.http.get(api('/applications')).query(ours).set(reader.auth).expect(200);
      const ids: string[] = listed.body.items.map((a: { id: string }) => a.id);
      for (const file of all) {
        const open = await t.http.get(api(`/applications/${file.id}`)).set(reader.auth);
        expect([reader.fullName, file.id, open.status === 200]).toEqual([reader.fullName, file.id, ids.includes(file.id)]);
      }
    }
  });

  it('an officer of the unit not assigned, or of a consulted unit, may not take the steps (403 NOT_ASSIGNED), and nothing changes', async () => {
    const reviewing = await assignedFile();
    const before = await timelineLength(reviewing);
    for (const actor of [who.colleague, who.consultedOfficer]) {
      for (const [path, body] of [
        ['recommend', { approvedSupport: '200000000', allocationUnitId: units.ttkc }],
        ['appraisals', { score: 80, recommendation: 'approve' }],
        ['return', { reason: 'Thiếu giấy tờ', dueDate: `${YEAR}-12-20` }],
      ] as const) {
        const res = await t.http.post(api(`/applications/${reviewing}/${path}`)).set(actor.auth).send(body);
        expect([path, res.status, res.body.code]).toEqual([path, 403, 'NOT_ASSIGNED']);
      }
      const upload = await t.http.post(api(`/applications/${reviewing}/documents`)).set(actor.auth).field('kind', 'other').attach('file', Buffer.from('%PDF-1.4\n%%EOF'), 'a.pdf');
      expect([upload.status, upload.body.code]).toEqual([403, 'NOT_ASSIGNED']);
    }
    expect(await timelineLength(reviewing)).toBe(before);

    // The head of a consulted unit does not initial the file; the lead unit's head does.
    const recommended = await recommendedFile();
    const initial = await t.http.post(api(`/applications/${recommended}/initial`)).set(who.consultedHead.auth).send({});
    expect([initial.status, initial.body.code]).toEqual([403, 'NOT_ASSIGNED']);
    expect(await status(recommended)).toBe('recommended');

    const approved = await approvedFile();
    const contract = await t.http.post(api(`/applications/${approved}/contract`)).set(who.consultedOfficer.auth).send({ contractNo: `HĐ-${approved.slice(-6)}`, signedDate: `${YEAR}-06-01` });
    expect([contract.status, contract.body.code]).toEqual([403, 'NOT_ASSIGNED']);
    const advance = await postMoney(t, who.consultedOfficer, '/disbursements', { applicationId: approved, kind: 'advance', amount: '10000000' });
    expect([advance.status, advance.body.code]).toEqual([403, 'NOT_ASSIGNED']);
    await t.http.post(api(`/applications/${approved}/contract`)).set(who.responsible.auth).send({ contractNo: `HĐ-${approved.slice(-6)}`, signedDate: `${YEAR}-06-01` }).expect(200);
    const acceptance = await t.http
      .post(api(`/applications/${approved}/acceptance`))
      .set(who.colleague.auth)
      .send({ result: 'passed', date: `${YEAR}-09-01`, minutesNo: `NT-${approved.slice(-6)}` });
    expect([acceptance.status, acceptance.body.code]).toEqual([403, 'NOT_ASSIGNED']);
    expect(await status(approved)).toBe('contracted');
    // The stranger officer does not even learn the file exists.
    const stranger = await t.http.post(api(`/applications/${approved}/acceptance`)).set(who.stranger.auth).send({ result: 'passed', date: `${YEAR}-09-01`, minutesNo: 'NT-X' });
    expect(stranger.status).toBe(404);
    // The lead unit's head may record it; finance may ask for a payment on the file.
    await t.http.post(api(`/applications/${approved}/acceptance`)).set(who.headPtv.auth).send({ result: 'passed', date: `${YEAR}-09-01`, minutesNo: `NT-${approved.slice(-6)}` }).expect(200);
    await postMoney(t, who.finance, '/disbursements', { applicationId: approved, kind: 'payment', amount: '10000000' }).expect(201);
  });

  it('a consultation is answered by the consulted unit only; an officer does not consult their own unit', async () => {
    const id = await assignedFile();
    const [consultation] = (await t.http.get(api('/consultations')).query({ applicationId: id }).set(who.responsible.auth).expect(200)).body.items;
    const wrong = await t.http.post(api(`/consultations/${consultation.id}/answer`)).set(who.colleague.auth).send({ opinion: 'agree' });
    expect([wrong.status, wrong.body.code]).toEqual([403, 'NOT_ASSIGNED']);
    await t.http.post(api(`/consultations/${consultation.id}/answer`)).set(who.consultedOfficer.auth).send({ opinion: 'agree' }).expect(200);
    const own = await t.http.post(api(`/applications/${id}/consultations`)).set(who.responsible.auth).send({ unitId: units.ptv, question: 'x', dueDate: `${YEAR}-12-30` }).expect(400);
    expect(own.body.errors).toEqual([expect.objectContaining({ field: 'unitId' })]);
  });

  it('the responsible officer must belong to the lead unit; a recommendation draws on the lead line’s allocation only', async () => {
    const id = await submittedFile();
    const wrongOfficer = await t.http.post(api(`/applications/${id}/assign`)).set(who.headPtv.auth).send({ officerId: who.stranger.id, leadUnitId: units.ptv, dueDate: `${YEAR}-12-31` }).expect(400);
    expect(wrongOfficer.body.errors).toEqual([expect.objectContaining({ field: 'officerId' })]);
    const reviewing = await assignedFile();
    const elsewhere = await t.http.post(api(`/applications/${reviewing}/recommend`)).set(who.responsible.auth).send({ approvedSupport: '200000000', allocationUnitId: units.qlcn }).expect(400);
    expect(elsewhere.body.errors).toEqual([expect.objectContaining({ field: 'allocationUnitId' })]);
    expect(await status(reviewing)).toBe('under_review');
  });

  it("a head's routine delegate assigns and initials for the head, only while the delegation stands", async () => {
    const recommended = await recommendedFile();
    const refused = await t.http.post(api(`/applications/${recommended}/initial`)).set(who.colleague.auth).send({});
    expect([refused.status, refused.body.code]).toEqual([403, 'NOT_ASSIGNED']);
    const today = t.clock.today();
    const delegation = await t.http
      .post(api('/delegations'))
      .set(who.headPtv.auth)
      .send({ toUserId: who.colleague.id, validFrom: today, validTo: today, reason: 'Trưởng phòng đi công tác', scope: 'routine' })
      .expect(201);
    // While it stands, the delegate's home page lists the head's files to initial and the intake to assign.
    const waiting = await submittedFile();
    const delegateHome = new PageClient(t);
    await delegateHome.login(who.colleague.email);
    const homeSection = async (key: string) => {
      const html = (await delegateHome.get('/')).text;
      const start = html.indexOf(`<section class="card" id="${key}">`);
      return start < 0 ? '' : html.slice(start, html.indexOf('</section>', start));
    };
    expect(await homeSection('initial')).toContain(`/ho-so/${recommended}`);
    expect(await homeSection('assign')).toContain(`/ho-so/${waiting}`);
    const initialed = await t.http.post(api(`/applications/${recommended}/initial`)).set(who.colleague.auth).send({}).expect(200);
    expect(initialed.body.timeline.at(-1)).toMatchObject({ action: 'initial', actorId: who.colleague.id, capacity: 'head', onBehalfOf: who.headPtv.id });
    const intake = await submittedFile();
    const assigned = await t.http
      .post(api(`/applications/${intake}/assign`))
      .set(who.colleague.auth)
      .send({ officerId: who.responsible.id, leadUnitId: units.ptv, dueDate: `${YEAR}-12-31` })
      .expect(200);
    expect(assigned.body.timeline.at(-1)).toMatchObject({ action: 'assign', capacity: 'head', onBehalfOf: who.headPtv.id });
    // The routine delegation gives no right to decide.
    const decide = await t.http.post(api(`/applications/${recommended}/decide`)).set(who.colleague.auth).send({ decision: 'approve', decisionNo: 'X/QĐ' });
    expect(decide.status).toBe(403);
    await t.http.delete(api(`/delegations/${delegation.body.id}`)).set(who.headPtv.auth).expect(204);
    const again = await recommendedFile();
    // Revoked: the queues are gone from the delegate's home page.
    expect(await homeSection('initial')).toBe('');
    expect(await homeSection('assign')).toBe('');
    const after = await t.http.post(api(`/applications/${again}/initial`)).set(who.colleague.auth).send({});
    expect([after.status, after.body.code]).toEqual([403, 'NOT_ASSIGNED']);
  });

  describe('the pages', () => {
    it('offer the steps only to the one who may take them, and refuse a hand-made request the same way', async () => {
      const id = await assignedFile();
      const responsible = new PageClient(t);
      await responsible.login(who.responsible.email);
      const own = await responsible.get(`/ho-so/${id}`);
      expect(own.text).toContain(`action="/ho-so/${id}/de-xuat"`);

      const colleague = new PageClient(t);
      await colleague.login(who.colleague.email);
      const page = await colleague.get(`/ho-so/${id}`);
      expect(page.status).toBe(200);
      expect(page.text).not.toContain(`action="/ho-so/${id}/de-xuat"`);
      expect(page.text).not.toContain(`action="/ho-so/${id}/tham-dinh"`);
      const handMade = await colleague.post(`/ho-so/${id}/de-xuat`, { approvedSupport: '200000000', allocationUnitId: units.ttkc }, { from: `/ho-so/${id}` });
      expect(handMade.status).toBe(403);
      expect(handMade.text).toContain('Bạn không được giao xử lý hồ sơ này');
      expect(await status(id)).toBe('under_review');

      const stranger = new PageClient(t);
      await stranger.login(who.strangerHead.email);
      expect((await stranger.get(`/ho-so/${id}`)).status).toBe(404);
    });

    it("show a head their unit's files and the intake queue, not another unit's", async () => {
      const intake = await submittedFile();
      const ours = await assignedFile();
      const head = new PageClient(t);
      await head.login(who.headPtv.email);
      const home = await head.get('/');
      expect(home.text).toContain(`/ho-so/${intake}`);
      expect(home.text).toContain(`/ho-so/${ours}`);
      const other = new PageClient(t);
      await other.login(who.strangerHead.email);
      const theirs = await other.get('/');
      expect(theirs.text).not.toContain(`/ho-so/${intake}`);
      expect(theirs.text).not.toContain(`/ho-so/${ours}`);
    });

    it("show a head of the centre its divisions' files, and put in a head's initial queue only the files whose initial is theirs", async () => {
      const inReview = await assignedFile();
      const toInitial = await recommendedFile();
      const conflicted = await recommendedFile();
      await t.http.post(api(`/applications/${conflicted}/conflict-declarations`)).set(who.headPtv.auth).send({ hasConflict: true, relation: 'kin', note: 'Anh ruột của chủ cơ sở' }).expect(201);
      const home = async (actor: TestActor) => {
        const client = new PageClient(t);
        await client.login(actor.email);
        const page = await client.get('/');
        expect(page.status).toBe(200);
        return page.text;
      };
      /** One section of the home queue (empty when the page has none). */
      const section = (html: string, key: string) => {
        const start = html.indexOf(`<section class="card" id="${key}">`);
        return start < 0 ? '' : html.slice(start, html.indexOf('</section>', start));
      };

      // The centre's head: the division's file in "Hồ sơ đơn vị tôi"; its initial is the division head's, not theirs.
      const centre = await home(who.headTtkc);
      expect(section(centre, 'unit')).toContain(`/ho-so/${inReview}`);
      expect(section(centre, 'initial')).not.toContain(`/ho-so/${toInitial}`);
      // The lead unit's head: both, but not a file they declared a conflict on.
      const lead = await home(who.headPtv);
      expect(section(lead, 'unit')).toContain(`/ho-so/${inReview}`);
      expect(section(lead, 'initial')).toContain(`/ho-so/${toInitial}`);
      expect(section(lead, 'initial')).not.toContain(`/ho-so/${conflicted}`);
      // The consulted unit's head sees the files (to answer) but neither leads nor initials them.
      const consulted = await home(who.consultedHead);
      expect(section(consulted, 'unit')).not.toContain(`/ho-so/${inReview}`);
      expect(section(consulted, 'initial')).not.toContain(`/ho-so/${toInitial}`);
      // Another unit's head: none of them anywhere.
      const stranger = await home(who.strangerHead);
      for (const id of [inReview, toInitial, conflicted]) expect(stranger).not.toContain(`/ho-so/${id}`);
    });
  });
});
