import { addDays } from '../src/modules/disbursements/contracts.service';
import { createActor, createUnit, TestActor } from './support/actors';
import { postMoney } from './support/budget';
import { binary, flat, pdfText } from './support/documents';
import { startTestApp, TestApp } from './support/test-app';
import { cast, Cast, initialedFile } from './support/workflow';

/**
 * Signing forms (thể thức ký, Điều 24 of the working regulation) from who actually signed and in
 * what capacity: the director directly, a deputy "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC", a delegate
 * "TUQ. GIÁM ĐỐC" over their own title. The register records them beside the number, as the
 * timeline records the capacity; the reports' signature block follows the leader who signs them.
 */
describe('signing forms', () => {
  const YEAR = 2053;
  const api = (path: string) => `/api/v1${path}`;
  let t: TestApp;
  let c: Cast;
  let admin: TestActor;
  let deputy: TestActor;

  beforeAll(async () => {
    t = await startTestApp();
    // a year of its own: the register's numbers here collide with no other file's typed ones
    t.clock.set(`${YEAR}-05-04T03:00:00Z`);
    c = await cast(t, YEAR, '50000000000');
    admin = await createActor(t, ['admin']);
    deputy = await createActor(t, ['leader']);
    await t.http.patch(api(`/users/${deputy.id}`)).set(admin.auth).send({ leaderScope: { activityTypeCodes: ['machinery'] } }).expect(200);
  });
  afterAll(() => t.close());

  /** The file's decision as the timeline and the register record it. */
  async function decisionRecords(id: string) {
    const file = (await t.http.get(api(`/applications/${id}`)).set(c.finance.auth).expect(200)).body;
    const step = file.timeline.find((e: { action: string }) => e.action === 'approve');
    const year = Number.parseInt(file.decisionDate.slice(0, 4), 10);
    const items = (await t.http.get(api('/document-register')).query({ year, type: 'decision' }).set(c.finance.auth).expect(200)).body.items;
    return { file, step, entry: items.find((i: { applicationId: string }) => i.applicationId === id) };
  }

  /** The text of a file's paper of `type` as the PDF prints it, white space made one space. */
  async function paperText(id: string, type: string): Promise<string> {
    const pdf = (await t.http.get(api(`/applications/${id}/official-documents/${type}`)).set(c.finance.auth).buffer(true).parse(binary).expect(200)).body;
    return flat(pdfText(pdf));
  }

  it('the director signs directly: GIÁM ĐỐC', async () => {
    const id = await initialedFile(t, c);
    await t.http.post(api(`/applications/${id}/decide`)).set(c.leader.auth).send({ decision: 'approve' }).expect(200);
    const { step, entry, file } = await decisionRecords(id);
    expect(step).toMatchObject({ capacity: 'leader', onBehalfOf: null, actorId: c.leader.id });
    expect(entry).toMatchObject({ number: file.decisionNo, signerId: c.leader.id, signerCapacity: 'leader', signingForm: 'direct', signingTitle: ['GIÁM ĐỐC'] });
  });

  it('a deputy director signs for the director: KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC', async () => {
    const id = await initialedFile(t, c);
    await t.http.post(api(`/applications/${id}/decide`)).set(deputy.auth).send({ decision: 'approve' }).expect(200);
    const { step, entry } = await decisionRecords(id);
    expect(step).toMatchObject({ capacity: 'leader', actorId: deputy.id });
    expect(entry).toMatchObject({ signerId: deputy.id, signerName: deputy.fullName, signerCapacity: 'leader', signingForm: 'KT.', signingTitle: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'] });
  });

  it("a delegate signs TUQ. GIÁM ĐỐC over their own title, naming the director whose delegation it is", async () => {
    const otherCentre = await createUnit(t, 'centre');
    const delegate = await createActor(t, ['head'], otherCentre.id);
    await t.http
      .post(api('/delegations'))
      .set(c.leader.auth)
      .send({ toUserId: delegate.id, validFrom: t.clock.today(), validTo: addDays(t.clock.today(), 3), reason: 'Giám đốc đi công tác' })
      .expect(201);
    const id = await initialedFile(t, c);
    await t.http.post(api(`/applications/${id}/decide`)).set(delegate.auth).send({ decision: 'approve' }).expect(200);
    const { step, entry } = await decisionRecords(id);
    expect(step).toMatchObject({ capacity: 'delegated', actorId: delegate.id, onBehalfOf: c.leader.id });
    expect(entry).toMatchObject({
      signerId: delegate.id,
      signerCapacity: 'delegated',
      onBehalfOf: c.leader.id,
      onBehalfOfName: c.leader.fullName,
      signingForm: 'TUQ.',
      signingTitle: ['TUQ. GIÁM ĐỐC', 'GIÁM ĐỐC TRUNG TÂM'],
    });
    const paper = await paperText(id, 'decision');
    expect(paper).toContain('TUQ. GIÁM ĐỐC GIÁM ĐỐC TRUNG TÂM');
    expect(paper).toContain(delegate.fullName);
  });

  it('the head of the office signs TL. GIÁM ĐỐC / CHÁNH VĂN PHÒNG: a contract of a file the office leads', async () => {
    const office = await createUnit(t, 'office');
    const [officeOfficer, officeHead] = await Promise.all([createActor(t, ['officer'], office.id), createActor(t, ['head'], office.id)]);
    await postMoney(t, c.finance, '/allocations', { fundCode: c.fundCode, fiscalYear: YEAR, unitId: office.id, amount: '1000000000', decisionNo: `PB-VP-${YEAR}` }).expect(201);
    const id = await initialedFile(t, c, { lead: { unit: office, officer: officeOfficer, head: officeHead } });
    await t.http.post(api(`/applications/${id}/decide`)).set(c.leader.auth).send({ decision: 'approve' }).expect(200);
    await t.http.post(api(`/applications/${id}/contract`)).set(officeHead.auth).send({ signedDate: t.clock.today() }).expect(200);
    const file = (await t.http.get(api(`/applications/${id}`)).set(c.finance.auth).expect(200)).body;
    expect(file.timeline.find((e: { action: string }) => e.action === 'contract')).toMatchObject({ capacity: 'head', actorId: officeHead.id });
    const entry = (await t.http.get(api(`/applications/${id}/official-documents`)).set(c.finance.auth).expect(200)).body.find((e: { type: string }) => e.type === 'contract');
    expect(entry).toMatchObject({ signerId: officeHead.id, signerCapacity: 'head', signingForm: 'TL.', signingTitle: ['TL. GIÁM ĐỐC', 'CHÁNH VĂN PHÒNG'] });
    const paper = await paperText(id, 'contract');
    expect(paper).toContain('TL. GIÁM ĐỐC CHÁNH VĂN PHÒNG');
    expect(paper).toContain(officeHead.fullName);
  });

  describe('an acting head of the Sở (quyền Giám đốc)', () => {
    const appoint = (who: TestActor, body: Record<string, unknown>) => t.http.post(api('/acting-appointments')).set(who.auth).send(body);

    it('is appointed by an administrator only, a leader only, one at a time', async () => {
      const from = addDays(t.clock.today(), 200);
      const body = { userId: deputy.id, validFrom: from, validTo: addDays(from, 5), reason: 'Giám đốc nghỉ phép dài ngày' };
      await appoint(c.leader, body).expect(403);
      const refused = await appoint(admin, { ...body, userId: c.officer.id }).expect(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'userId' })]);
      const made = await appoint(admin, body).expect(201);
      expect(made.body).toMatchObject({ userId: deputy.id, validFrom: from, status: 'scheduled', revokedAt: null });
      await appoint(admin, { ...body, userId: c.leader.id, validFrom: addDays(from, 5), validTo: addDays(from, 9) }).expect(409);
      await t.http.delete(api(`/acting-appointments/${made.body.id}`)).set(admin.auth).expect(204);
      // revoked, the days are free again; the audit log holds both acts
      const again = await appoint(admin, { ...body, userId: c.leader.id }).expect(201);
      await t.http.delete(api(`/acting-appointments/${again.body.id}`)).set(admin.auth).expect(204);
      const listed = (await t.http.get(api('/acting-appointments')).set(c.officer.auth).expect(200)).body.items;
      expect(listed.find((a: { id: string }) => a.id === made.body.id)).toMatchObject({ status: 'revoked' });
      const audit = (await t.http.get(api('/audit')).query({ entityId: made.body.id }).set(c.auditor.auth).expect(200)).body.items;
      expect(audit.map((e: { action: string }) => e.action).sort()).toEqual(['acting_appointment.create', 'acting_appointment.revoke']);
    });

    it("decides in the director's field and signs Q. GIÁM ĐỐC; revoked, the deputy signs KT. again", async () => {
      const made = await appoint(admin, { userId: deputy.id, validFrom: t.clock.today(), validTo: addDays(t.clock.today(), 3), decisionNo: '15/QĐ-UBND', reason: 'Giám đốc Sở nghỉ hưu' }).expect(201);
      // a file outside the deputy's own field (machinery): acting, they hold the director's
      const id = await initialedFile(t, c, { activityTypeCode: 'technology_line' });
      await t.http.post(api(`/applications/${id}/decide`)).set(deputy.auth).send({ decision: 'approve' }).expect(200);
      const { step, entry } = await decisionRecords(id);
      expect(step).toMatchObject({ capacity: 'leader', actorId: deputy.id });
      expect(entry).toMatchObject({ signerId: deputy.id, signerCapacity: 'leader', signingForm: 'Q.', signingTitle: ['Q. GIÁM ĐỐC'] });
      const paper = await paperText(id, 'decision');
      expect(paper).toContain('Q. GIÁM ĐỐC');
      expect(paper).not.toContain('KT. GIÁM ĐỐC');
      expect(paper).toContain(deputy.fullName);

      await t.http.delete(api(`/acting-appointments/${made.body.id}`)).set(admin.auth).expect(204);
      const outside = await initialedFile(t, c, { activityTypeCode: 'technology_line' });
      await t.http.post(api(`/applications/${outside}/decide`)).set(deputy.auth).send({ decision: 'approve' }).expect(403);
      const inside = await initialedFile(t, c);
      await t.http.post(api(`/applications/${inside}/decide`)).set(deputy.auth).send({ decision: 'approve' }).expect(200);
      expect((await decisionRecords(inside)).entry).toMatchObject({ signingForm: 'KT.', signingTitle: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'] });
    }, 60_000);
  });

  it('a report a deputy makes no longer prints the leader as "Giám đốc": KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC with their name', async () => {
    const report = async (who: TestActor) => pdfText((await t.http.get(api(`/reports/annual/${YEAR}`)).query({ format: 'pdf' }).set(who.auth).buffer(true).parse(binary).expect(200)).body);
    const byDeputy = await report(deputy);
    expect(byDeputy).toContain('KT. GIÁM ĐỐC');
    expect(byDeputy).toContain('PHÓ GIÁM ĐỐC');
    expect(byDeputy).toContain(deputy.fullName);
    const byDirector = await report(c.leader);
    expect(byDirector).not.toContain('KT. GIÁM ĐỐC');
    expect(byDirector).not.toContain('PHÓ GIÁM ĐỐC');
    expect(byDirector).toMatch(/GIÁM ĐỐC/);
    const byFinance = await report(c.finance);
    expect(byFinance).not.toContain('KT. GIÁM ĐỐC');
    expect(byFinance).toMatch(/GIÁM ĐỐC/);
    const period = pdfText((await t.http.get(api('/reports/period')).query({ from: t.clock.today(), to: t.clock.today(), format: 'pdf' }).set(deputy.auth).buffer(true).parse(binary).expect(200)).body);
    expect(period).toContain('KT. GIÁM ĐỐC');
  }, 120_000);
});
