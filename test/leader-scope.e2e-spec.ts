import { DataSource } from 'typeorm';
import type { Actor } from '../src/common/auth/actor';
import { ActorSource } from '../src/common/auth/actor';
import { Money } from '../src/common/money/decimal';
import { TransactionRunner } from '../src/database/transaction';
import { addDays } from '../src/modules/disbursements/contracts.service';
import { DelegationService } from '../src/modules/identity/delegation.service';
import type { LeaderScope } from '../src/modules/identity/user.entity';
import { createActor, createUnit, TestActor } from './support/actors';
import { unitFigures } from './support/budget';
import { startTestApp, TestApp } from './support/test-app';
import { approvedFile, cast, Cast, initialedFile } from './support/workflow';
import { csrfOf, PageClient, webUser } from './web-support';

/**
 * Leaders' fields of work (leaderScope: a deputy director decides only the files of the field
 * assigned to them) and heads' routine delegations (ủy quyền công việc thường xuyên).
 */

const api = (path: string) => `/api/v1${path}`;
const YEAR = 2049; // a year no other test files in (they share the run's database)

let t: TestApp;
let c: Cast;
let admin: TestActor;
/** The centre of the cast sits under this department: a field naming the department holds the centre's files. */
let department: { id: string };
let otherUnit: { id: string };
let decisionSeq = 0;

beforeAll(async () => {
  t = await startTestApp();
  c = await cast(t, YEAR, '50000000000');
  admin = await createActor(t, ['admin']);
  department = await createUnit(t, 'department');
  otherUnit = await createUnit(t, 'office');
  await t.app.get(DataSource).query('UPDATE units SET parent_id = ? WHERE id = ?', [department.id, c.centre.id]);
});
afterAll(() => t.close());

/** A deputy director: a leader whose field of work the administrator sets. */
async function deputy(scope: LeaderScope, make: () => Promise<TestActor> = () => createActor(t, ['leader'])): Promise<TestActor> {
  const user = await make();
  await t.http.patch(api(`/users/${user.id}`)).set(admin.auth).send({ leaderScope: scope }).expect(200);
  return user;
}

function decide(by: TestActor, id: string, decision: 'approve' | 'reject' = 'approve') {
  return t.http
    .post(api(`/applications/${id}/decide`))
    .set(by.auth)
    .send({ decision, decisionNo: `LS${++decisionSeq}/QĐ-SCT`, reason: 'Theo đề xuất' });
}

function delegate(from: TestActor, to: TestActor, body: Record<string, unknown> = {}) {
  return t.http
    .post(api('/delegations'))
    .set(from.auth)
    .send({ toUserId: to.id, validFrom: t.clock.today(), validTo: addDays(t.clock.today(), 3), reason: 'Đi công tác', ...body });
}

async function centreFigures() {
  return (await unitFigures(t, c.finance, c.fundCode, YEAR, c.centre.id)).unit;
}

/** The file as its owner sees it, and the transfers recorded for it. */
async function fileState(id: string) {
  const file = (await t.http.get(api(`/applications/${id}`)).set(c.applicant.auth).expect(200)).body;
  const transfers = (await t.http.get(api('/ledger/transfers')).query({ applicationId: id }).set(c.finance.auth).expect(200)).body.items;
  return { status: file.status, decidedBy: file.decidedBy, decisionNo: file.decisionNo, transfers };
}

describe("deciding inside and outside a deputy director's field of work", () => {
  it('outside the activity types of their field: 403 OUT_OF_SCOPE naming the activity type, and nothing changes', async () => {
    const machineryDeputy = await deputy({ activityTypeCodes: ['machinery'] });
    const id = await initialedFile(t, c, { activityTypeCode: 'technology_line' });
    const before = await centreFigures();

    for (const decision of ['approve', 'reject'] as const) {
      const res = await decide(machineryDeputy, id, decision).expect(403);
      expect(res.body).toMatchObject({ code: 'OUT_OF_SCOPE', status: 403 });
      expect(res.body.detail).toBe(
        'Hồ sơ không thuộc lĩnh vực bạn được phân công: loại hoạt động technology_line không thuộc lĩnh vực bạn phụ trách.',
      );
    }
    expect(await fileState(id)).toEqual({ status: 'initialed', decidedBy: null, decisionNo: null, transfers: [] });
    expect(await centreFigures()).toEqual(before);
  });

  it('outside the units of their field: 403 OUT_OF_SCOPE naming the lead unit', async () => {
    const otherDeputy = await deputy({ unitIds: [otherUnit.id] });
    const id = await initialedFile(t, c);
    const res = await decide(otherDeputy, id).expect(403);
    expect(res.body.code).toBe('OUT_OF_SCOPE');
    expect(res.body.detail).toContain('đơn vị chủ trì của hồ sơ không thuộc lĩnh vực bạn phụ trách');
    expect((await fileState(id)).status).toBe('initialed');
  });

  it('inside their field a deputy decides in their own right: by activity type, and by a unit above the lead unit', async () => {
    const machineryDeputy = await deputy({ activityTypeCodes: ['machinery', 'demo_model'] });
    const departmentDeputy = await deputy({ activityTypeCodes: ['technology_line'], unitIds: [department.id] });
    const before = await centreFigures();

    const first = await initialedFile(t, c, { approvedSupport: '200000000' });
    const approved = await decide(machineryDeputy, first).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', decisionCapacity: 'leader', decidedBy: machineryDeputy.id, decidedOnBehalfOf: null });

    const second = await initialedFile(t, c, { activityTypeCode: 'technology_line', approvedSupport: '100000000' });
    const byLine = await decide(departmentDeputy, second).expect(200);
    expect(byLine.body).toMatchObject({ status: 'approved', decisionCapacity: 'leader', decidedBy: departmentDeputy.id });

    // The money committed is exactly the two decisions'.
    expect(BigInt(before.available) - BigInt((await centreFigures()).available)).toBe(300_000_000n);
  });

  it("outside their field, a deputy holding the director's delegation decides on the director's behalf", async () => {
    const otherDeputy = await deputy({ unitIds: [otherUnit.id] });
    await delegate(c.leader, otherDeputy).expect(201);
    const id = await initialedFile(t, c);
    const res = await decide(otherDeputy, id).expect(200);
    expect(res.body).toMatchObject({
      status: 'approved',
      decisionCapacity: 'delegated',
      decidedBy: otherDeputy.id,
      decidedOnBehalfOf: c.leader.id,
    });
    expect(res.body.timeline.at(-1)).toMatchObject({ action: 'approve', actorId: otherDeputy.id, capacity: 'delegated', onBehalfOf: c.leader.id });
  });

  it("a deputy's delegation covers only the deputy's field: their delegate is refused outside it (OUT_OF_SCOPE) and decides inside it", async () => {
    const machineryDeputy = await deputy({ activityTypeCodes: ['machinery'] });
    const stand_in = await createActor(t, ['officer'], c.centre.id);
    await delegate(machineryDeputy, stand_in).expect(201);

    const outside = await initialedFile(t, c, { activityTypeCode: 'technology_line' });
    const refused = await decide(stand_in, outside).expect(403);
    expect(refused.body.code).toBe('OUT_OF_SCOPE');
    expect(refused.body.detail).toContain('loại hoạt động technology_line không thuộc lĩnh vực người ủy quyền phụ trách');
    expect(await fileState(outside)).toEqual({ status: 'initialed', decidedBy: null, decisionNo: null, transfers: [] });

    const inside = await initialedFile(t, c);
    const taken = await decide(stand_in, inside).expect(200);
    expect(taken.body).toMatchObject({ decisionCapacity: 'delegated', decidedBy: stand_in.id, decidedOnBehalfOf: machineryDeputy.id });
  });

  it('the director (no field) decides any file; a deputy with a field listing nothing is the director too', async () => {
    const unlimited = await deputy({ activityTypeCodes: [], unitIds: [] });
    const id = await initialedFile(t, c, { activityTypeCode: 'technology_line' });
    await decide(unlimited, id, 'reject').expect(200);
  });

  it('cancelling an approved file outside the leader\'s field: 403 OUT_OF_SCOPE, the file stays approved; inside it is cancelled', async () => {
    const machineryDeputy = await deputy({ activityTypeCodes: ['machinery'] });
    const technologyDeputy = await deputy({ activityTypeCodes: ['technology_line'] });
    const id = await approvedFile(t, c, { activityTypeCode: 'technology_line' });
    const before = await centreFigures();

    const refused = await t.http.post(api(`/applications/${id}/cancel`)).set(machineryDeputy.auth).send({ reason: 'Cơ sở xin dừng' }).expect(403);
    expect(refused.body).toMatchObject({ code: 'OUT_OF_SCOPE' });
    expect(refused.body.detail).toContain('technology_line');
    expect((await fileState(id)).status).toBe('approved');
    expect(await centreFigures()).toEqual(before);

    const cancelled = await t.http.post(api(`/applications/${id}/cancel`)).set(technologyDeputy.auth).send({ reason: 'Cơ sở xin dừng' }).expect(200);
    expect(cancelled.body.status).toBe('cancelled');
  });
});

describe("changing an assignment inside and outside a deputy director's field", () => {
  /** A file of the cast in review with the cast's officer, of this activity type. */
  async function inReview(activityTypeCode: string): Promise<string> {
    const id = await initialedFile(t, c, { activityTypeCode });
    await t.http.post(api(`/applications/${id}/send-back`)).set(c.leader.auth).send({ reason: 'Xem lại hồ sơ' }).expect(200);
    return id;
  }

  it('outside the field: 403 OUT_OF_SCOPE and the assignment stays; inside: changed; the page offers the change inside only', async () => {
    const machineryDeputy = await deputy({ activityTypeCodes: ['machinery'] }, () => webUser(t, ['leader'], null, 'Phó Giám đốc Cơ Khí'));
    const officer2 = await createActor(t, ['officer'], c.centre.id);
    const [outside, inside] = [await inReview('technology_line'), await inReview('machinery')];
    const reassign = (id: string) =>
      t.http.post(api(`/applications/${id}/assign`)).set(machineryDeputy.auth).send({ officerId: officer2.id, leadUnitId: c.centre.id, dueDate: `${YEAR}-12-31`, note: 'Đổi chuyên viên' });

    const refused = await reassign(outside).expect(403);
    expect(refused.body.code).toBe('OUT_OF_SCOPE');
    expect(refused.body.detail).toContain('technology_line');
    expect((await t.http.get(api(`/applications/${outside}`)).set(c.officer.auth).expect(200)).body.officerId).toBe(c.officer.id);
    expect((await reassign(inside).expect(200)).body.officerId).toBe(officer2.id);

    const browser = new PageClient(t);
    await browser.login(machineryDeputy.email);
    expect((await browser.get(`/ho-so/${outside}`)).text).not.toContain(`action="/ho-so/${outside}/giao"`);
    const other = await inReview('machinery');
    expect((await browser.get(`/ho-so/${other}`)).text).toContain(`action="/ho-so/${other}/giao"`);
  });
});

describe("the pages follow a deputy director's field", () => {
  it('the queue shows the files of the field first, marked; a file outside it offers no decision, one inside does', async () => {
    const web = await deputy({ activityTypeCodes: ['demo_model'] }, () => webUser(t, ['leader'], null, 'Phó Giám đốc Lĩnh Vực'));
    const outsideA = await initialedFile(t, c, { activityTypeCode: 'technology_line' });
    const inside = await initialedFile(t, c, { activityTypeCode: 'demo_model', eligibleCost: '1000000000' });
    const outsideB = await initialedFile(t, c);

    const browser = new PageClient(t);
    await browser.login(web.email);
    const queue = (await browser.get('/')).text;
    const decideSection = queue.slice(queue.indexOf('id="decide"'));
    const at = (id: string) => decideSection.indexOf(`href="/ho-so/${id}"`);
    expect(at(inside)).toBeGreaterThanOrEqual(0);
    expect(at(inside)).toBeLessThan(at(outsideA));
    expect(at(inside)).toBeLessThan(at(outsideB));
    const insideItem = decideSection.slice(at(inside), decideSection.indexOf('</li>', at(inside)));
    expect(insideItem).toContain('Thuộc lĩnh vực phụ trách');
    const outsideItem = decideSection.slice(at(outsideA), decideSection.indexOf('</li>', at(outsideA)));
    expect(outsideItem).not.toContain('Thuộc lĩnh vực phụ trách');

    expect((await browser.get(`/ho-so/${outsideA}`)).text).not.toContain(`action="/ho-so/${outsideA}/quyet-dinh"`);
    expect((await browser.get(`/ho-so/${inside}`)).text).toContain(`action="/ho-so/${inside}/quyet-dinh"`);

    // Cancelling an approved file: offered to the deputy only inside the field, to the director always.
    const approvedOutside = await approvedFile(t, c, { activityTypeCode: 'technology_line' });
    expect((await browser.get(`/ho-so/${approvedOutside}`)).text).not.toContain(`action="/ho-so/${approvedOutside}/huy"`);
    const director = await webUser(t, ['leader']);
    const directorBrowser = new PageClient(t);
    await directorBrowser.login(director.email);
    expect((await directorBrowser.get(`/ho-so/${approvedOutside}`)).text).toContain(`action="/ho-so/${approvedOutside}/huy"`);
  });
});

describe('routine delegations (ủy quyền công việc thường xuyên)', () => {
  const actorOf = (a: TestActor) => t.app.get(ActorSource).findActiveActor(a.id) as Promise<Actor>;
  const routine = (from: TestActor, to: TestActor, body: Record<string, unknown> = {}) => delegate(from, to, { scope: 'routine', ...body });
  const fieldOf = (res: { status: number; body: { code: string; errors: Array<{ field: string }> } }) => {
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    return res.body.errors.map((e) => e.field);
  };

  it('a head hands routine work to an officer or head of their own unit, and nothing else', async () => {
    const unit = await createUnit(t, 'office');
    const head = await createActor(t, ['head'], unit.id);
    const [officer, deputyHead, financeMember, stranger] = await Promise.all([
      createActor(t, ['officer'], unit.id),
      createActor(t, ['head'], unit.id),
      createActor(t, ['finance'], unit.id),
      createActor(t, ['officer'], c.centre.id),
    ]);

    const res = await routine(head, officer).expect(201);
    expect(res.body).toMatchObject({ fromUserId: head.id, toUserId: officer.id, scope: 'routine', maxAmount: null, activityTypeCodes: null, status: 'active' });
    await routine(head, deputyHead).expect(201);
    // Listed with its scope; a leader's delegation is a decision one.
    const listed = await t.http.get(api(`/delegations/${res.body.id}`)).set(officer.auth).expect(200);
    expect(listed.body.scope).toBe('routine');
    expect((await delegate(c.leader, officer).expect(201)).body.scope).toBe('decision');

    expect(fieldOf(await routine(head, stranger))).toEqual(['toUserId']);
    expect(fieldOf(await routine(head, financeMember))).toEqual(['toUserId']);
    expect(fieldOf(await routine(head, head))).toEqual(['toUserId']);
    expect(fieldOf(await routine(head, officer, { maxAmount: '100000000' }))).toEqual(['maxAmount']);
    expect(fieldOf(await routine(head, officer, { activityTypeCodes: ['machinery'] }))).toEqual(['activityTypeCodes']);
    expect(fieldOf(await routine(head, officer, { validTo: addDays(t.clock.today(), -1) }))).toEqual(['validTo']);
    expect(fieldOf(await routine(c.leader, officer))).toEqual(['scope']);
    expect(fieldOf(await delegate(head, officer, { scope: 'everything' }))).toEqual(['scope']);
    // A head may not delegate deciding (that is a leader's), nor may an officer delegate anything.
    expect((await delegate(head, officer).expect(403)).body.code).toBe('FORBIDDEN');
    await routine(officer, deputyHead).expect(403);
  });

  it('routinePrincipals: the head while the window is open and the delegation stands, then nobody', async () => {
    const delegations = t.app.get(DelegationService);
    const start = t.clock.now();
    const unit = await createUnit(t, 'office');
    const head = await createActor(t, ['head'], unit.id);
    const officer = await createActor(t, ['officer'], unit.id);
    const principals = async () => delegations.routinePrincipals(await actorOf(officer));
    try {
      const today = t.clock.today();
      const later = await routine(head, officer, { validFrom: addDays(today, 1), validTo: addDays(today, 2) }).expect(201);
      expect(await principals()).toEqual([]);
      t.clock.set(new Date(start.getTime() + 86400_000));
      expect(await principals()).toEqual([{ userId: head.id, unitId: unit.id }]);
      // The same inside a transaction (share-locking what it read).
      expect(await t.app.get(TransactionRunner).run(() => principals())).toEqual([{ userId: head.id, unitId: unit.id }]);
      t.clock.set(new Date(start.getTime() + 3 * 86400_000));
      expect(await principals()).toEqual([]);

      t.clock.set(start);
      const now = await routine(head, officer).expect(201);
      expect(await principals()).toEqual([{ userId: head.id, unitId: unit.id }]);
      // Someone else's delegate gains nothing from it.
      expect(await delegations.routinePrincipals(await actorOf(await createActor(t, ['officer'], unit.id)))).toEqual([]);
      // Only its giver revokes it.
      await t.http.delete(api(`/delegations/${now.body.id}`)).set(c.head.auth).expect(404);
      await t.http.delete(api(`/delegations/${now.body.id}`)).set(head.auth).expect(204);
      expect(await principals()).toEqual([]);
      await t.http.delete(api(`/delegations/${later.body.id}`)).set(head.auth).expect(204);

      // A head no longer head, or no longer active, is nobody's principal.
      await routine(head, officer).expect(201);
      expect(await principals()).toHaveLength(1);
      await t.app.get(DataSource).query("UPDATE users SET roles = 'officer' WHERE id = ?", [head.id]);
      expect(await principals()).toEqual([]);
      await t.app.get(DataSource).query("UPDATE users SET roles = 'head', active = 0 WHERE id = ?", [head.id]);
      expect(await principals()).toEqual([]);
    } finally {
      t.clock.set(start);
    }
  });

  it('a routine delegation gives no right to decide, even from someone who is also a leader', async () => {
    const unit = await createUnit(t, 'office');
    const leaderHead = await createActor(t, ['leader', 'head'], unit.id);
    const officer = await createActor(t, ['officer'], unit.id);
    await routine(leaderHead, officer).expect(201);
    const delegations = t.app.get(DelegationService);
    await expect(
      delegations.decisionCapacity(await actorOf(officer), { amount: new Money('1'), activityTypeCode: 'machinery', on: t.clock.now() }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await delegations.routinePrincipals(await actorOf(officer))).toEqual([{ userId: leaderHead.id, unitId: unit.id }]);
  });

  it('through the pages a head delegates routine work to a member of the unit, sees it listed by its scope, and revokes it', async () => {
    const unit = await createUnit(t, 'office');
    const head = await webUser(t, ['head'], unit.id, 'Trưởng phòng Thường Xuyên');
    const member = await webUser(t, ['officer'], unit.id, 'Chuyên viên Cùng Phòng');
    const outsider = await webUser(t, ['officer'], otherUnit.id, 'Chuyên viên Phòng Khác');
    const today = t.clock.today();
    const browser = new PageClient(t);
    await browser.login(head.email);

    const form = await browser.get('/uy-quyen');
    expect(form.status).toBe(200);
    // Only the routine form, offering the unit's members; a head has no decision form.
    expect(form.text).toContain('Ủy quyền công việc thường xuyên của');
    expect(form.text).not.toContain('Ủy quyền quyết định cho người khác');
    expect(form.text).toContain(`<option value="${member.id}">Chuyên viên Cùng Phòng</option>`);
    expect(form.text).not.toContain(`<option value="${outsider.id}">`);

    const fields = { scope: 'routine', validFrom: today, validTo: addDays(today, 5), reason: 'Nghỉ phép năm' };
    const refused = await browser.post('/uy-quyen', { ...fields, toUserId: outsider.id }, { csrf: csrfOf(form.text) });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('người nhận phải là chuyên viên hoặc trưởng phòng đang làm việc tại đơn vị của bạn');

    const created = await browser.post('/uy-quyen', { ...fields, toUserId: member.id }, { csrf: csrfOf(form.text) });
    expect(created.status).toBe(303);
    const list = await browser.get('/uy-quyen');
    expect(list.text).toContain('Ủy quyền công việc thường xuyên</td>');
    expect(list.text).toContain('Giao xử lý, ký tắt hồ sơ của đơn vị');
    const [{ id }] = await t.app.get(DataSource).query("SELECT id FROM delegations WHERE from_user_id = ? AND scope = 'routine'", [head.id]);
    expect(list.text).toContain(`action="/uy-quyen/${id}/thu-hoi"`);

    const revoked = await browser.post(`/uy-quyen/${id}/thu-hoi`, {}, { csrf: csrfOf(list.text) });
    expect(revoked.status).toBe(303);
    const shown = await t.http.get(api(`/delegations/${id}`)).set(head.auth).expect(200);
    expect(shown.body).toMatchObject({ scope: 'routine', status: 'revoked' });
  });
});

describe("approving a settlement inside and outside a deputy director's field", () => {
  /** A machinery file, contracted, accepted and its settlement filed and checked by finance. */
  async function checkedSettlement(): Promise<string> {
    const id = await approvedFile(t, c, { eligibleCost: '200000000', approvedSupport: '100000000' });
    const today = t.clock.today();
    await t.http.post(api(`/applications/${id}/contract`)).set(c.officer.auth).send({ contractNo: `HĐ-LS-${id}`, signedDate: today }).expect(200);
    await t.http.post(api(`/applications/${id}/acceptance`)).set(c.officer.auth).send({ result: 'passed', date: today, minutesNo: `BB-LS-${id.slice(-4)}` }).expect(200);
    const settlement = (
      await t.http
        .post(api(`/applications/${id}/settlement`))
        .set(c.applicant.auth)
        .send({ actualCostLines: [{ description: 'Máy sấy lúa', amount: '200000000', eligible: true, documentRef: 'HĐ GTGT 0001' }] })
        .expect(201)
    ).body;
    await t.http.post(api(`/settlements/${settlement.id}/approve`)).set(c.finance.auth).send({}).expect(200);
    return settlement.id;
  }

  it('outside the field: 403 OUT_OF_SCOPE and the settlement stays checked; inside: approved', async () => {
    const outsider = await deputy({ activityTypeCodes: ['demo_model'] });
    const insider = await deputy({ activityTypeCodes: ['machinery'] });
    const settlement = { id: await checkedSettlement() };
    const refused = await t.http.post(api(`/settlements/${settlement.id}/approve`)).set(outsider.auth).send({}).expect(403);
    expect(refused.body.code).toBe('OUT_OF_SCOPE');
    expect((await t.http.get(api(`/settlements/${settlement.id}`)).set(c.finance.auth).expect(200)).body.status).toBe('checked');
    const approved = await t.http.post(api(`/settlements/${settlement.id}/approve`)).set(insider.auth).send({}).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', approvedBy: insider.id, approvedCapacity: 'leader' });
  });

  it('the settlement page offers the approval to a deputy inside the field only; a hand-made approval from outside is refused the same way', async () => {
    const outsider = await deputy({ activityTypeCodes: ['demo_model'] }, () => webUser(t, ['leader'], null, 'Phó Giám đốc Ngoài Lĩnh Vực'));
    const insider = await deputy({ activityTypeCodes: ['machinery'] }, () => webUser(t, ['leader'], null, 'Phó Giám đốc Trong Lĩnh Vực'));
    const id = await checkedSettlement();
    const form = `action="/quyet-toan/${id}/duyet"`;

    const outside = new PageClient(t);
    await outside.login(outsider.email);
    const page = await outside.get(`/quyet-toan/${id}`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain(form);
    const posted = await outside.post(`/quyet-toan/${id}/duyet`, {}, { csrf: csrfOf(page.text) });
    expect(posted.status).toBe(403);
    expect(posted.text).toContain('không thuộc lĩnh vực bạn được phân công');
    expect((await t.http.get(api(`/settlements/${id}`)).set(c.finance.auth).expect(200)).body.status).toBe('checked');

    const inside = new PageClient(t);
    await inside.login(insider.email);
    const offered = await inside.get(`/quyet-toan/${id}`);
    expect(offered.text).toContain(form);
    expect((await inside.post(`/quyet-toan/${id}/duyet`, {}, { csrf: csrfOf(offered.text) })).status).toBe(303);
    expect((await t.http.get(api(`/settlements/${id}`)).set(c.finance.auth).expect(200)).body).toMatchObject({ status: 'approved', approvedBy: insider.id });
  });
});
