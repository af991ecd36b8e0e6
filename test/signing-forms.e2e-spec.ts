import { addDays } from '../src/modules/disbursements/contracts.service';
import { createActor, createUnit, TestActor } from './support/actors';
import { binary, pdfText } from './support/documents';
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
