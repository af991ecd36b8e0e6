import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createActor, createUnit, TestActor } from './support/actors';
import { fundWithBudget, postMoney, unitFigures } from './support/budget';
import { startTestApp, TestApp } from './support/test-app';
import { attachRequiredDocuments } from './support/files';

/**
 * The application workflow end to end: draft → submitted → under review → recommended →
 * initialed → approved / rejected, with the exact figures, the timeline, the budget commitment,
 * and every refusal the working rules call for.
 */

const YEAR = 2026;
/** 09:00 in Hồ Chí Minh City on Monday 2 March 2026. */
const START = '2026-03-02T02:00:00Z';
const TODAY = '2026-03-02';
const day = (offset: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
/** The same day as people read it in the timeline's notes: dd/mm/yyyy. */
const dayVi = (offset: number) => day(offset).split('-').reverse().join('/');
const DIVISION_NAME = 'Phòng Quản lý Công nghiệp (thử)';

let taxSeq = 0;
const freshTaxCode = () => `${(Date.now() % 1e8).toString().padStart(8, '0')}${(taxSeq++ % 100).toString().padStart(2, '0')}`;

/** Demo model: 2 × 1.000.000.000 + 500.000.000 eligible, 1,5 × 200.000.000 counterpart only. */
const DEMO_LINES = [
  { description: 'Thiết bị trình diễn công nghệ sấy', quantity: '2', unitPrice: '1000000000', eligible: true },
  { description: 'Hội thảo, tham quan mô hình', quantity: '1', unitPrice: '500000000', eligible: true },
  { description: 'Cải tạo nhà xưởng (vốn đối ứng)', quantity: '1.5', unitPrice: '200000000', eligible: false },
];

interface World {
  t: TestApp;
  fundCode: string;
  centre: { id: string };
  division: { id: string };
  poorUnit: { id: string };
  finance: TestActor;
  applicant: TestActor;
  otherApplicant: TestActor;
  officer: TestActor;
  otherOfficer: TestActor;
  head: TestActor;
  otherHead: TestActor;
  leader: TestActor;
  otherLeader: TestActor;
  divisionStaff: TestActor;
  auditor: TestActor;
  establishmentId: string;
}

let w: World;

async function registerEstablishment(t: TestApp, owner: TestActor): Promise<string> {
  const res = await t.http
    .post('/api/v1/establishments')
    .set(owner.auth)
    .send({
      name: 'Cơ sở sấy nông sản Tân Hòa',
      kind: 'household_business',
      taxCode: freshTaxCode(),
      communeCode: '29263',
      address: 'Ấp Tân Hòa',
      representative: 'Trần Thị Bình',
      phone: '0987654321',
      employees: 12,
    })
    .expect(201);
  return res.body.id;
}

function draftBody(overrides: Record<string, unknown> = {}) {
  return {
    establishmentId: w.establishmentId,
    activityTypeCode: 'demo_model',
    fiscalYear: YEAR,
    fundCode: w.fundCode,
    title: 'Mô hình trình diễn máy sấy nông sản năng lượng mặt trời',
    communeCode: '29263',
    startDate: '2026-04-01',
    endDate: '2026-10-31',
    costLines: DEMO_LINES,
    requestedSupport: '750000000',
    ...overrides,
  };
}

const api = (path: string) => `/api/v1${path}`;

async function draft(overrides: Record<string, unknown> = {}, owner = w.applicant): Promise<string> {
  const res = await w.t.http.post(api('/applications')).set(owner.auth).send(draftBody(overrides)).expect(201);
  return res.body.id;
}

async function submitted(overrides: Record<string, unknown> = {}): Promise<string> {
  const id = await draft(overrides);
  await attachRequiredDocuments(w.t, w.applicant.auth, id);
  await w.t.http.post(api(`/applications/${id}/submit`)).set(w.applicant.auth).expect(200);
  return id;
}

async function underReview(options: { officer?: TestActor; overrides?: Record<string, unknown> } = {}): Promise<string> {
  const id = await submitted(options.overrides);
  await w.t.http
    .post(api(`/applications/${id}/assign`))
    .set(w.head.auth)
    .send({ officerId: (options.officer ?? w.officer).id, leadUnitId: w.centre.id, dueDate: day(10) })
    .expect(200);
  return id;
}

async function recommended(options: { officer?: TestActor; approvedSupport?: string; allocationUnitId?: string } = {}): Promise<string> {
  const officer = options.officer ?? w.officer;
  const id = await underReview({ officer });
  await w.t.http.post(api(`/applications/${id}/appraisals`)).set(officer.auth).send({ score: 85, recommendation: 'approve' }).expect(201);
  await w.t.http
    .post(api(`/applications/${id}/recommend`))
    .set(officer.auth)
    .send({ approvedSupport: options.approvedSupport ?? '750000000', allocationUnitId: options.allocationUnitId ?? w.centre.id, note: 'Đủ điều kiện' })
    .expect(200);
  return id;
}

async function initialed(options: { officer?: TestActor; head?: TestActor; allocationUnitId?: string } = {}): Promise<string> {
  const id = await recommended(options);
  await w.t.http.post(api(`/applications/${id}/initial`)).set((options.head ?? w.head).auth).send({}).expect(200);
  return id;
}

async function read(id: string, actor = w.officer) {
  return (await w.t.http.get(api(`/applications/${id}`)).set(actor.auth).expect(200)).body;
}

async function centreFigures() {
  return (await unitFigures(w.t, w.finance, w.fundCode, YEAR, w.centre.id)).unit;
}

beforeAll(async () => {
  const t = await startTestApp();
  t.clock.set(START);
  const [centre, division, poorUnit] = await Promise.all([createUnit(t, 'centre'), createUnit(t, 'division', DIVISION_NAME), createUnit(t, 'department')]);
  // The centre sits under a department holding no money (an allocation unit above the lead unit);
  // the division is another unit, consulted on files.
  await t.app.get(DataSource).query('UPDATE units SET parent_id = ? WHERE id = ?', [poorUnit.id, centre.id]);
  const finance = await createActor(t, ['finance']);
  const { fundCode } = await fundWithBudget(t, finance, { year: YEAR, appropriated: '20000000000', source: 'local' });
  await postMoney(t, finance, '/allocations', { fundCode, fiscalYear: YEAR, unitId: centre.id, amount: '15000000000', decisionNo: '12/QĐ-SCT' }).expect(201);
  await postMoney(t, finance, '/allocations', { fundCode, fiscalYear: YEAR, unitId: poorUnit.id, amount: '100000000', decisionNo: '13/QĐ-SCT' }).expect(201);
  const applicant = await createActor(t, ['applicant']);
  w = {
    t,
    fundCode,
    centre,
    division,
    poorUnit,
    finance,
    applicant,
    otherApplicant: await createActor(t, ['applicant']),
    officer: await createActor(t, ['officer'], centre.id),
    otherOfficer: await createActor(t, ['officer'], centre.id),
    head: await createActor(t, ['head'], centre.id),
    otherHead: await createActor(t, ['head'], centre.id),
    leader: await createActor(t, ['leader'], centre.id),
    otherLeader: await createActor(t, ['leader'], centre.id),
    divisionStaff: await createActor(t, ['officer'], division.id),
    auditor: await createActor(t, ['auditor']),
    establishmentId: await registerEstablishment(t, applicant),
  };
});

afterAll(() => w.t.close());

afterEach(() => w.t.clock.set(START));

describe('a file from draft to approval', () => {
  it('walks every step with the exact figures, commits the money and shows the whole timeline', async () => {
    const { t, applicant, officer, head, leader } = w;
    const before = await centreFigures();

    const created = await t.http.post(api('/applications')).set(applicant.auth).send(draftBody({ requestedSupport: '700000000' })).expect(201);
    expect(created.body).toMatchObject({
      status: 'draft',
      establishmentId: w.establishmentId,
      activityTypeCode: 'demo_model',
      fiscalYear: YEAR,
      fundCode: w.fundCode,
      totalCost: '2800000000',
      eligibleCost: '2500000000',
      maxSupport: '750000000',
      requestedSupport: '700000000',
      approvedSupport: null,
      counterpartFunding: '2100000000',
      allocationUnitId: null,
      leadUnitId: null,
      officerId: null,
      dueDate: null,
      decisionNo: null,
    });
    expect(created.body.costLines).toEqual([
      { description: DEMO_LINES[0].description, quantity: '2', unitPrice: '1000000000', amount: '2000000000', eligible: true },
      { description: DEMO_LINES[1].description, quantity: '1', unitPrice: '500000000', amount: '500000000', eligible: true },
      { description: DEMO_LINES[2].description, quantity: '1.5', unitPrice: '200000000', amount: '300000000', eligible: false },
    ]);
    const id = created.body.id;

    const edited = await t.http.patch(api(`/applications/${id}`)).set(applicant.auth).send({ requestedSupport: '750000000' }).expect(200);
    expect(edited.body).toMatchObject({ status: 'draft', requestedSupport: '750000000', maxSupport: '750000000' });

    await attachRequiredDocuments(t, applicant.auth, id);
    expect((await t.http.post(api(`/applications/${id}/submit`)).set(applicant.auth).expect(200)).body.status).toBe('submitted');

    const assigned = await t.http
      .post(api(`/applications/${id}/assign`))
      .set(head.auth)
      .send({ officerId: officer.id, leadUnitId: w.centre.id, dueDate: day(14) })
      .expect(200);
    expect(assigned.body).toMatchObject({ status: 'under_review', officerId: officer.id, leadUnitId: w.centre.id, dueDate: day(14) });

    const consultation = await t.http
      .post(api(`/applications/${id}/consultations`))
      .set(officer.auth)
      .send({ unitId: w.division.id, question: 'Đề nghị cho ý kiến về tính mới của công nghệ', dueDate: day(5) })
      .expect(201);
    expect(consultation.body).toMatchObject({ applicationId: id, unitId: w.division.id, status: 'open', opinion: null, silent: false, answeredAt: null });
    const answered = await t.http
      .post(api(`/consultations/${consultation.body.id}/answer`))
      .set(w.divisionStaff.auth)
      .send({ opinion: 'agree', comment: 'Công nghệ phù hợp' })
      .expect(200);
    expect(answered.body).toMatchObject({ status: 'answered', opinion: 'agree', silent: false, comment: 'Công nghệ phù hợp' });

    const appraisal = await t.http
      .post(api(`/applications/${id}/appraisals`))
      .set(officer.auth)
      .send({ score: 86, recommendation: 'approve', comment: 'Hiệu quả kinh tế rõ' })
      .expect(201);
    expect(appraisal.body).toMatchObject({ id: expect.any(String), applicationId: id, memberId: officer.id, score: 86, recommendation: 'approve' });
    await t.http.post(api(`/applications/${id}/appraisals`)).set(head.auth).send({ score: 80, recommendation: 'approve' }).expect(201);

    const rec = await t.http
      .post(api(`/applications/${id}/recommend`))
      .set(officer.auth)
      .send({ approvedSupport: '750000000', allocationUnitId: w.centre.id, note: 'Đề xuất hỗ trợ tối đa' })
      .expect(200);
    expect(rec.body).toMatchObject({ status: 'recommended', approvedSupport: '750000000', allocationUnitId: w.centre.id, counterpartFunding: '2050000000' });

    expect((await t.http.post(api(`/applications/${id}/initial`)).set(head.auth).send({ note: 'Đã kiểm tra' }).expect(200)).body.status).toBe('initialed');

    const decided = await t.http
      .post(api(`/applications/${id}/decide`))
      .set(leader.auth)
      .send({ decision: 'approve', decisionNo: '125/QĐ-SCT', reason: 'Phù hợp kế hoạch khuyến công 2026' })
      .expect(200);
    expect(decided.body).toMatchObject({
      status: 'approved',
      approvedSupport: '750000000',
      maxSupport: '750000000',
      decisionNo: '125/QĐ-SCT',
      decisionDate: TODAY,
      decidedBy: leader.id,
      decisionCapacity: 'leader',
      decidedOnBehalfOf: null,
    });

    // The timeline: every step, who, in which capacity, when, and the note.
    const file = await read(id, applicant);
    expect(file.timeline.map((e: { action: string; capacity: string; actorId: string; toStatus: string }) => [e.action, e.capacity, e.actorId, e.toStatus])).toEqual([
      ['create', 'applicant', applicant.id, 'draft'],
      ['edit', 'applicant', applicant.id, 'draft'],
      ['submit', 'applicant', applicant.id, 'submitted'],
      ['assign', 'head', head.id, 'under_review'],
      ['consult', 'officer', officer.id, 'under_review'],
      ['answer', 'officer', w.divisionStaff.id, 'under_review'],
      ['appraise', 'officer', officer.id, 'under_review'],
      ['appraise', 'head', head.id, 'under_review'],
      ['recommend', 'officer', officer.id, 'recommended'],
      ['initial', 'head', head.id, 'initialed'],
      ['approve', 'leader', leader.id, 'approved'],
    ]);
    for (const entry of file.timeline) {
      expect(entry.at).toBe(new Date(START).toISOString());
      expect(entry.actorName).toEqual(expect.any(String));
    }
    expect(file.timeline[3].note).toContain(`hạn xử lý ${dayVi(14)}`);
    expect(file.timeline[10].note).toBe('Quyết định số 125/QĐ-SCT — Phù hợp kế hoạch khuyến công 2026');
    expect(file.consultations).toEqual([expect.objectContaining({ status: 'answered', opinion: 'agree' })]);
    expect(file.appraisals.map((a: { score: number }) => a.score)).toEqual([86, 80]);

    // The money: 750.000.000 moved from the centre's allocation to the file's commitment.
    const after = await centreFigures();
    expect(BigInt(before.available) - BigInt(after.available)).toBe(750_000_000n);
    expect(BigInt(after.committed) - BigInt(before.committed)).toBe(750_000_000n);
    const transfers = await t.http.get(api('/ledger/transfers')).query({ applicationId: id }).set(w.finance.auth).expect(200);
    expect(transfers.body.items).toEqual([
      expect.objectContaining({ kind: 'commitment', amount: '750000000', reference: '125/QĐ-SCT', actorId: leader.id, capacity: 'leader' }),
    ]);

    // Every step is in the audit log.
    const audit = await t.http.get(api('/audit')).query({ entity: 'application', entityId: id, pageSize: 200 }).set(w.auditor.auth).expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['application.create', 'application.submit', 'application.assign', 'application.recommend', 'application.initial', 'application.approve']),
    );
  });

  it('rejection: no money moves and the decision is recorded', async () => {
    const id = await initialed();
    const before = await centreFigures();
    const res = await w.t.http
      .post(api(`/applications/${id}/decide`))
      .set(w.leader.auth)
      .send({ decision: 'reject', decisionNo: '126/QĐ-SCT', reason: 'Trùng nội dung đã hỗ trợ' })
      .expect(200);
    expect(res.body).toMatchObject({ status: 'rejected', decisionNo: '126/QĐ-SCT', decisionCapacity: 'leader', approvedSupport: '750000000' });
    expect(res.body.timeline.at(-1)).toMatchObject({ action: 'reject', capacity: 'leader', actorId: w.leader.id, note: 'Quyết định số 126/QĐ-SCT — Trùng nội dung đã hỗ trợ' });
    expect(await centreFigures()).toEqual(before);
    const transfers = await w.t.http.get(api('/ledger/transfers')).query({ applicationId: id }).set(w.finance.auth).expect(200);
    expect(transfers.body.total).toBe(0);
  });

  it('machinery is capped: 800.000.000 eligible gives 300.000.000 at most', async () => {
    const res = await w.t.http
      .post(api('/applications'))
      .set(w.applicant.auth)
      .send(
        draftBody({
          activityTypeCode: 'machinery',
          costLines: [{ description: 'Máy đóng gói tự động', quantity: '1', unitPrice: '800000000', eligible: true }],
          requestedSupport: '300000000',
        }),
      )
      .expect(201);
    expect(res.body).toMatchObject({ totalCost: '800000000', eligibleCost: '800000000', maxSupport: '300000000' });
  });

  it('a supplement round trip: returned in review, edited, back to the same officer', async () => {
    const id = await underReview();
    const returned = await w.t.http
      .post(api(`/applications/${id}/return`))
      .set(w.officer.auth)
      .send({ reason: 'Bổ sung báo giá thiết bị', dueDate: day(7) })
      .expect(200);
    expect(returned.body).toMatchObject({ status: 'needs_supplement', supplementDueDate: day(7) });
    await w.t.http.patch(api(`/applications/${id}`)).set(w.applicant.auth).send({ title: 'Mô hình trình diễn (đã bổ sung báo giá)' }).expect(200);
    const back = await w.t.http.post(api(`/applications/${id}/submit`)).set(w.applicant.auth).expect(200);
    expect(back.body).toMatchObject({ status: 'under_review', officerId: w.officer.id, supplementDueDate: null });
    expect(back.body.timeline.map((e: { action: string }) => e.action).slice(-3)).toEqual(['return', 'edit', 'resubmit']);
  });

  it('a file returned at intake goes back to intake', async () => {
    const id = await submitted();
    await w.t.http.post(api(`/applications/${id}/return`)).set(w.otherOfficer.auth).send({ reason: 'Thiếu giấy phép', dueDate: day(3) }).expect(200);
    expect((await w.t.http.post(api(`/applications/${id}/submit`)).set(w.applicant.auth).expect(200)).body.status).toBe('submitted');
  });

  it('the owner withdraws a file before the decision', async () => {
    const id = await underReview();
    const res = await w.t.http.post(api(`/applications/${id}/withdraw`)).set(w.applicant.auth).send({ reason: 'Đổi kế hoạch sản xuất' }).expect(200);
    expect(res.body.status).toBe('withdrawn');
    await w.t.http.post(api(`/applications/${id}/submit`)).set(w.applicant.auth).expect(409);
  });

  it('a leader cancels an approved file and the unpaid commitment goes back to the unit', async () => {
    const id = await initialed();
    const before = await centreFigures();
    await w.t.http.post(api(`/applications/${id}/decide`)).set(w.leader.auth).send({ decision: 'approve', decisionNo: '130/QĐ-SCT' }).expect(200);
    expect(BigInt(before.available) - BigInt((await centreFigures()).available)).toBe(750_000_000n);
    const res = await w.t.http.post(api(`/applications/${id}/cancel`)).set(w.leader.auth).send({ reason: 'Cơ sở không triển khai' }).expect(200);
    expect(res.body.status).toBe('cancelled');
    expect(res.body.timeline.at(-1)).toMatchObject({ action: 'cancel', capacity: 'leader', note: 'Cơ sở không triển khai — hoàn trả kinh phí cam kết chưa giải ngân 750.000.000 ₫' });
    expect(await centreFigures()).toEqual(before);
  });
});

describe('delegation (ủy quyền)', () => {
  async function delegate(to: TestActor, terms: Record<string, unknown>) {
    return w.t.http
      .post(api('/delegations'))
      .set(w.leader.auth)
      .send({ toUserId: to.id, validFrom: TODAY, validTo: day(2), reason: 'Giám đốc đi công tác', ...terms })
      .expect(201);
  }

  it('a delegate decides within the delegation; the decision records both people', async () => {
    const deputy = await createActor(w.t, ['head'], w.centre.id);
    await delegate(deputy, { maxAmount: '1000000000', activityTypeCodes: ['demo_model'] });
    const id = await initialed();
    const res = await w.t.http.post(api(`/applications/${id}/decide`)).set(deputy.auth).send({ decision: 'approve', decisionNo: '140/QĐ-SCT' }).expect(200);
    expect(res.body).toMatchObject({ status: 'approved', decisionCapacity: 'delegated', decidedBy: deputy.id, decidedOnBehalfOf: w.leader.id });
    expect(res.body.timeline.at(-1)).toMatchObject({
      action: 'approve',
      actorId: deputy.id,
      capacity: 'delegated',
      onBehalfOf: w.leader.id,
      onBehalfOfName: expect.any(String),
    });
  });

  it('out of its window, over its amount or outside its activity types, a delegate is refused (403) and nothing changes', async () => {
    const early = await createActor(w.t, ['head'], w.centre.id);
    await delegate(early, { validFrom: day(5), validTo: day(9) });
    const expired = await createActor(w.t, ['head'], w.centre.id);
    await delegate(expired, { validFrom: TODAY, validTo: day(1) });
    const small = await createActor(w.t, ['head'], w.centre.id);
    await delegate(small, { maxAmount: '500000000' });
    const other = await createActor(w.t, ['head'], w.centre.id);
    await delegate(other, { activityTypeCodes: ['machinery'] });

    const id = await initialed();
    const decide = (actor: TestActor) =>
      w.t.http.post(api(`/applications/${id}/decide`)).set(actor.auth).send({ decision: 'approve', decisionNo: '141/QĐ-SCT' });
    expect((await decide(early)).status).toBe(403);
    expect((await decide(small)).status).toBe(403);
    expect((await decide(other)).status).toBe(403);
    w.t.clock.advanceDays(3);
    expect((await decide(expired)).status).toBe(403);
    const file = await read(id);
    expect(file.status).toBe('initialed');
    expect(file.timeline.at(-1).action).toBe('initial');
  });

  it('a head without any delegation may not decide', async () => {
    const id = await initialed();
    const res = await w.t.http.post(api(`/applications/${id}/decide`)).set(w.otherHead.auth).send({ decision: 'reject', decisionNo: 'x' }).expect(403);
    expect(res.body.status).toBe(403);
  });
});

describe('maker-checker', () => {
  it('a head who prepared the file may not initial it', async () => {
    const both = await createActor(w.t, ['officer', 'head'], w.centre.id);
    const id = await recommended({ officer: both });
    await w.t.http.post(api(`/applications/${id}/initial`)).set(both.auth).send({}).expect(403);
    expect((await read(id)).status).toBe('recommended');
  });

  it('a leader who initialed the file may not decide it', async () => {
    const both = await createActor(w.t, ['head', 'leader'], w.centre.id);
    const id = await initialed({ head: both });
    await w.t.http.post(api(`/applications/${id}/decide`)).set(both.auth).send({ decision: 'approve', decisionNo: '150/QĐ-SCT' }).expect(403);
    expect((await read(id)).status).toBe('initialed');
  });

  it('a leader who prepared the file may not decide it', async () => {
    const both = await createActor(w.t, ['officer', 'leader'], w.centre.id);
    const id = await initialed({ officer: both });
    await w.t.http.post(api(`/applications/${id}/decide`)).set(both.auth).send({ decision: 'reject', decisionNo: '151/QĐ-SCT' }).expect(403);
  });

  it('a delegate who initialed the file may not decide it under the delegation', async () => {
    const deputy = await createActor(w.t, ['head'], w.centre.id);
    await w.t.http
      .post(api('/delegations'))
      .set(w.otherLeader.auth)
      .send({ toUserId: deputy.id, validFrom: TODAY, validTo: day(2), reason: 'Đi công tác' })
      .expect(201);
    const id = await initialed({ head: deputy });
    await w.t.http.post(api(`/applications/${id}/decide`)).set(deputy.auth).send({ decision: 'approve', decisionNo: '152/QĐ-SCT' }).expect(403);
  });
});

describe('refusals: wrong role, wrong state, over the maximum, no money', () => {
  it('wrong role is 403', async () => {
    const id = await submitted();
    await w.t.http.post(api(`/applications/${id}/assign`)).set(w.officer.auth).send({ officerId: w.officer.id, leadUnitId: w.centre.id, dueDate: day(5) }).expect(403);
    await w.t.http.post(api(`/applications/${id}/assign`)).set(w.applicant.auth).send({ officerId: w.officer.id, leadUnitId: w.centre.id, dueDate: day(5) }).expect(403);
    await w.t.http.post(api('/applications')).set(w.officer.auth).send(draftBody()).expect(403);
    await w.t.http.post(api(`/applications/${id}/initial`)).set(w.officer.auth).send({}).expect(403);
    await w.t.http.post(api(`/applications/${id}/decide`)).set(w.applicant.auth).send({ decision: 'approve', decisionNo: 'x' }).expect(403);
    await w.t.http.post(api(`/applications/${id}/cancel`)).set(w.head.auth).send({ reason: 'x' }).expect(403);
    // A leader only may assign a first time as a head would: the first assignment is the head's.
    await w.t.http.post(api(`/applications/${id}/assign`)).set(w.leader.auth).send({ officerId: w.officer.id, leadUnitId: w.centre.id, dueDate: day(5) }).expect(403);
    expect((await read(id)).status).toBe('submitted');
  });

  it('only the assigned officer recommends or consults', async () => {
    const id = await underReview();
    await w.t.http.post(api(`/applications/${id}/recommend`)).set(w.otherOfficer.auth).send({ approvedSupport: '1', allocationUnitId: w.centre.id }).expect(403);
    await w.t.http.post(api(`/applications/${id}/consultations`)).set(w.otherOfficer.auth).send({ unitId: w.division.id, question: 'x', dueDate: day(2) }).expect(403);
    expect((await read(id)).status).toBe('under_review');
  });

  it('the head changes the officer; changing the lead unit or the due date needs a leader and is recorded', async () => {
    const id = await underReview();
    const officerChange = await w.t.http
      .post(api(`/applications/${id}/assign`))
      .set(w.head.auth)
      .send({ officerId: w.otherOfficer.id, leadUnitId: w.centre.id, dueDate: day(10) })
      .expect(200);
    expect(officerChange.body.officerId).toBe(w.otherOfficer.id);
    expect(officerChange.body.timeline.at(-1)).toMatchObject({ action: 'reassign_officer', capacity: 'head' });

    const refused = await w.t.http
      .post(api(`/applications/${id}/assign`))
      .set(w.head.auth)
      .send({ officerId: w.otherOfficer.id, leadUnitId: w.division.id, dueDate: day(10) })
      .expect(403);
    expect(refused.body.status).toBe(403);
    await w.t.http.post(api(`/applications/${id}/assign`)).set(w.head.auth).send({ officerId: w.otherOfficer.id, leadUnitId: w.centre.id, dueDate: day(20) }).expect(403);

    const stray = await w.t.http
      .post(api(`/applications/${id}/assign`))
      .set(w.leader.auth)
      .send({ officerId: w.otherOfficer.id, leadUnitId: w.division.id, dueDate: day(20), note: 'Chuyển phòng chuyên môn' })
      .expect(400);
    // The responsible officer must belong to the lead unit.
    expect(stray.body.errors).toEqual([expect.objectContaining({ field: 'officerId' })]);
    const moved = await w.t.http
      .post(api(`/applications/${id}/assign`))
      .set(w.leader.auth)
      .send({ officerId: w.divisionStaff.id, leadUnitId: w.division.id, dueDate: day(20), note: 'Chuyển phòng chuyên môn' })
      .expect(200);
    expect(moved.body).toMatchObject({ status: 'under_review', leadUnitId: w.division.id, dueDate: day(20) });
    const last = moved.body.timeline.at(-1);
    expect(last).toMatchObject({ action: 'reassign', capacity: 'leader', actorId: w.leader.id });
    expect(last.note).toContain(`đổi hạn xử lý ${dayVi(10)} → ${dayVi(20)}`);
    expect(last.note).toContain('Chuyển phòng chuyên môn');
  });

  it('wrong state is 409 INVALID_STATE and changes nothing', async () => {
    const id = await submitted();
    const before = await read(id);
    // (Initialing a file in review is the state refusal for the head of its lead unit.)
    const reviewing = await underReview();
    expect((await w.t.http.post(api(`/applications/${reviewing}/initial`)).set(w.head.auth).send({}).expect(409)).body.code).toBe('INVALID_STATE');
    for (const [path, actor, body] of [
      ['decide', w.leader, { decision: 'approve', decisionNo: 'x' }],
      ['submit', w.applicant, undefined],
      ['cancel', w.leader, { reason: 'x' }],
    ] as const) {
      const res = await w.t.http.post(api(`/applications/${id}/${path}`)).set(actor.auth).send(body ?? {});
      expect([path, res.status, res.body.code]).toEqual([path, 409, 'INVALID_STATE']);
    }
    await w.t.http.patch(api(`/applications/${id}`)).set(w.applicant.auth).send({ title: 'Đổi tên sau khi nộp' }).expect(409);
    const after = await read(id);
    expect(after).toEqual(before);
  });

  it('a decided file takes no second decision, no withdrawal and no edit', async () => {
    const id = await initialed();
    await w.t.http.post(api(`/applications/${id}/decide`)).set(w.leader.auth).send({ decision: 'approve', decisionNo: '160/QĐ-SCT' }).expect(200);
    expect((await w.t.http.post(api(`/applications/${id}/decide`)).set(w.otherLeader.auth).send({ decision: 'reject', decisionNo: '161' })).body.code).toBe('INVALID_STATE');
    await w.t.http.post(api(`/applications/${id}/withdraw`)).set(w.applicant.auth).send({}).expect(409);
    await w.t.http.patch(api(`/applications/${id}`)).set(w.applicant.auth).send({ title: 'x' }).expect(409);
  });

  it('asking more than the maximum is a 400 at submission naming requestedSupport', async () => {
    const id = await draft({ requestedSupport: '750000001' });
    await attachRequiredDocuments(w.t, w.applicant.auth, id);
    const res = await w.t.http.post(api(`/applications/${id}/submit`)).set(w.applicant.auth).expect(400);
    expect(res.body.errors).toEqual([{ field: 'requestedSupport', message: 'vượt quá mức hỗ trợ tối đa 750.000.000 ₫' }]);
    expect((await read(id, w.applicant)).status).toBe('draft');
  });

  it('an incomplete file is a 400 at submission naming each missing field', async () => {
    const id = await draft({ costLines: [], requestedSupport: undefined, startDate: undefined });
    await attachRequiredDocuments(w.t, w.applicant.auth, id);
    const res = await w.t.http.post(api(`/applications/${id}/submit`)).set(w.applicant.auth).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['costLines', 'requestedSupport', 'startDate']);
  });

  it('recommending more than the maximum or the request is 409 LIMIT_EXCEEDED', async () => {
    const id = await underReview();
    const over = await w.t.http
      .post(api(`/applications/${id}/recommend`))
      .set(w.officer.auth)
      .send({ approvedSupport: '750000001', allocationUnitId: w.centre.id })
      .expect(409);
    expect(over.body).toMatchObject({ code: 'LIMIT_EXCEEDED', errors: [expect.objectContaining({ field: 'approvedSupport' })] });
    const lowered = await underReview({ overrides: { requestedSupport: '600000000' } });
    await w.t.http.post(api(`/applications/${lowered}/recommend`)).set(w.officer.auth).send({ approvedSupport: '600000001', allocationUnitId: w.centre.id }).expect(409);
    await w.t.http.post(api(`/applications/${lowered}/appraisals`)).set(w.officer.auth).send({ score: 85, recommendation: 'approve' }).expect(201);
    expect((await w.t.http.post(api(`/applications/${lowered}/recommend`)).set(w.officer.auth).send({ approvedSupport: '600000000', allocationUnitId: w.centre.id }).expect(200)).body.approvedSupport).toBe('600000000');
  });

  it('approval beyond the allocation unit budget is 409 INSUFFICIENT_FUNDS and changes nothing', async () => {
    const id = await initialed({ allocationUnitId: w.poorUnit.id });
    const res = await w.t.http.post(api(`/applications/${id}/decide`)).set(w.leader.auth).send({ decision: 'approve', decisionNo: '170/QĐ-SCT' }).expect(409);
    expect(res.body.code).toBe('INSUFFICIENT_FUNDS');
    const file = await read(id);
    expect(file).toMatchObject({ status: 'initialed', decisionNo: null, decidedBy: null });
    expect(file.timeline.at(-1).action).toBe('initial');
    const poor = (await unitFigures(w.t, w.finance, w.fundCode, YEAR, w.poorUnit.id)).unit;
    expect(poor).toMatchObject({ available: '100000000', committed: '0' });
  });

  it('appraisals: one per member, score 0–100', async () => {
    const id = await underReview();
    await w.t.http.post(api(`/applications/${id}/appraisals`)).set(w.head.auth).send({ score: 100, recommendation: 'approve' }).expect(201);
    expect((await w.t.http.post(api(`/applications/${id}/appraisals`)).set(w.head.auth).send({ score: 90, recommendation: 'approve' }).expect(409)).body.code).toBe('DUPLICATE');
    for (const score of [101, -1, '85', 85.5]) {
      const res = await w.t.http.post(api(`/applications/${id}/appraisals`)).set(w.officer.auth).send({ score, recommendation: 'approve' }).expect(400);
      expect(res.body.errors[0].field).toBe('score');
    }
    await w.t.http.post(api(`/applications/${id}/appraisals`)).set(w.applicant.auth).send({ score: 50, recommendation: 'reject' }).expect(403);
  });
});

describe('two leaders deciding one file at once', () => {
  it('exactly one decision is taken and the money is committed once', async () => {
    for (let round = 0; round < 3; round++) {
      const id = await initialed();
      const results = await Promise.all([
        w.t.http.post(api(`/applications/${id}/decide`)).set(w.leader.auth).send({ decision: 'approve', decisionNo: `20${round}/QĐ-SCT` }),
        w.t.http.post(api(`/applications/${id}/decide`)).set(w.otherLeader.auth).send({ decision: round === 1 ? 'reject' : 'approve', decisionNo: `21${round}/QĐ-SCT` }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const loser = results.find((r) => r.status === 409)!;
      expect(loser.body.code).toBe('INVALID_STATE');
      const winner = results.find((r) => r.status === 200)!;
      const file = await read(id);
      expect(file.status).toBe(winner.body.status);
      expect(file.timeline.filter((e: { action: string }) => e.action === 'approve' || e.action === 'reject')).toHaveLength(1);
      const transfers = await w.t.http.get(api('/ledger/transfers')).query({ applicationId: id }).set(w.finance.auth).expect(200);
      expect(transfers.body.total).toBe(file.status === 'approved' ? 1 : 0);
    }
  });
});

describe('consultations and silent consent', () => {
  it('unanswered past its due date reads as silent agreement, and a late answer is refused', async () => {
    const id = await underReview();
    const asked = await w.t.http
      .post(api(`/applications/${id}/consultations`))
      .set(w.officer.auth)
      .send({ unitId: w.division.id, question: 'Ý kiến về địa điểm triển khai', dueDate: day(3) })
      .expect(201);
    const cid = asked.body.id;

    await w.t.http.post(api(`/consultations/${cid}/answer`)).set(w.otherOfficer.auth).send({ opinion: 'agree' }).expect(403);
    const divisionAuditor = await createActor(w.t, ['auditor'], w.division.id);
    await w.t.http.post(api(`/consultations/${cid}/answer`)).set(divisionAuditor.auth).send({ opinion: 'agree' }).expect(403);

    w.t.clock.advanceDays(3);
    expect((await w.t.http.get(api(`/consultations/${cid}`)).set(w.divisionStaff.auth).expect(200)).body).toMatchObject({ status: 'open', silent: false });

    w.t.clock.advanceDays(1);
    const silent = await w.t.http.get(api(`/consultations/${cid}`)).set(w.divisionStaff.auth).expect(200);
    expect(silent.body).toMatchObject({ id: cid, applicationId: id, unitId: w.division.id, dueDate: day(3), status: 'silent', opinion: 'agree', silent: true, answeredAt: null, comment: null });

    const late = await w.t.http.post(api(`/consultations/${cid}/answer`)).set(w.divisionStaff.auth).send({ opinion: 'disagree', comment: 'Trả lời muộn' }).expect(409);
    expect(late.body.code).toBe('INVALID_STATE');
    expect((await w.t.http.get(api(`/consultations/${cid}`)).set(w.divisionStaff.auth).expect(200)).body).toMatchObject({ status: 'silent', opinion: 'agree', silent: true });

    const listed = await w.t.http.get(api('/consultations')).query({ unitId: w.division.id, status: 'silent', pageSize: 200 }).set(w.divisionStaff.auth).expect(200);
    expect(listed.body.items.map((c: { id: string }) => c.id)).toContain(cid);
    const open = await w.t.http.get(api('/consultations')).query({ unitId: w.division.id, status: 'open', pageSize: 200 }).set(w.divisionStaff.auth).expect(200);
    expect(open.body.items.map((c: { id: string }) => c.id)).not.toContain(cid);
    const file = await read(id, w.applicant);
    expect(file.consultations).toEqual([expect.objectContaining({ id: cid, status: 'silent', silent: true, opinion: 'agree' })]);
    // The timeline shows the agreement was silent, at the end of the due date in Vietnam.
    expect(file.timeline.at(-1)).toMatchObject({
      action: 'silent_consent',
      capacity: 'system',
      actorId: null,
      at: `${day(3)}T17:00:00.000Z`,
      note: expect.stringContaining('coi như đồng ý'),
    });
    // Named, dated as people read it, never by the unit's id.
    expect(file.timeline.at(-1).note).toBe(`${DIVISION_NAME} không trả lời trước hạn ${dayVi(3)}: coi như đồng ý (im lặng là đồng ý).`);
    const listed2 = await w.t.http.get(api('/applications')).query({ status: 'under_review', pageSize: 200 }).set(w.applicant.auth).expect(200);
    expect(listed2.body.items.find((a: { id: string }) => a.id === id).timeline.at(-1).action).toBe('silent_consent');
  });

  it('a consultation is answered once; due dates before today are refused; producers cannot read them', async () => {
    const id = await underReview();
    await w.t.http.post(api(`/applications/${id}/consultations`)).set(w.officer.auth).send({ unitId: w.division.id, question: 'x', dueDate: day(-1) }).expect(400);
    const asked = await w.t.http.post(api(`/applications/${id}/consultations`)).set(w.officer.auth).send({ unitId: w.division.id, question: 'Ý kiến', dueDate: TODAY }).expect(201);
    await w.t.http.post(api(`/consultations/${asked.body.id}/answer`)).set(w.divisionStaff.auth).send({ opinion: 'disagree', comment: 'Chưa phù hợp' }).expect(200);
    expect((await w.t.http.post(api(`/consultations/${asked.body.id}/answer`)).set(w.divisionStaff.auth).send({ opinion: 'agree' }).expect(409)).body.code).toBe('INVALID_STATE');
    await w.t.http.get(api(`/consultations/${asked.body.id}`)).set(w.applicant.auth).expect(403);
    await w.t.http.get(api('/consultations/01ARZ3NDEKTSV4RRFFQ69G5FAV')).set(w.officer.auth).expect(404);
    // Before assignment the file has no responsible officer to consult for it.
    const sub = await submitted();
    const early = await w.t.http.post(api(`/applications/${sub}/consultations`)).set(w.officer.auth).send({ unitId: w.division.id, question: 'x', dueDate: day(2) }).expect(403);
    expect(early.body.code).toBe('NOT_ASSIGNED');
    // One does not consult one's own unit.
    const own = await w.t.http.post(api(`/applications/${id}/consultations`)).set(w.officer.auth).send({ unitId: w.centre.id, question: 'x', dueDate: day(2) }).expect(400);
    expect(own.body.errors).toEqual([expect.objectContaining({ field: 'unitId' })]);
  });
});

describe('overdue files and consultations', () => {
  it('?overdue=true and GET /reports/overdue list what passed its due date, by unit and person', async () => {
    const late = await underReview();
    const onTime = await submitted();
    const asked = await w.t.http
      .post(api(`/applications/${late}/consultations`))
      .set(w.officer.auth)
      .send({ unitId: w.division.id, question: 'Ý kiến', dueDate: day(2) })
      .expect(201);

    const beforeDue = await w.t.http.get(api('/applications')).query({ overdue: 'true', pageSize: 200 }).set(w.head.auth).expect(200);
    expect(beforeDue.body.items.map((a: { id: string }) => a.id)).not.toContain(late);

    w.t.clock.advanceDays(11);
    const overdue = await w.t.http.get(api('/applications')).query({ overdue: 'true', pageSize: 200 }).set(w.head.auth).expect(200);
    const ids = overdue.body.items.map((a: { id: string }) => a.id);
    expect(ids).toContain(late);
    expect(ids).not.toContain(onTime);
    expect(overdue.body.items.every((a: { overdue: boolean }) => a.overdue)).toBe(true);

    const report = await w.t.http.get(api('/reports/overdue')).query({ fiscalYear: YEAR }).set(w.head.auth).expect(200);
    expect(report.body.today).toBe(day(11));
    expect(report.body.files).toEqual(
      expect.arrayContaining([expect.objectContaining({ applicationId: late, dueDate: day(10), daysOverdue: 1, leadUnitId: w.centre.id, officerId: w.officer.id })]),
    );
    expect(report.body.consultations).toEqual(
      expect.arrayContaining([expect.objectContaining({ consultationId: asked.body.id, unitId: w.division.id, daysOverdue: 9, silent: true })]),
    );
    const centreRow = report.body.byUnit.find((u: { unitId: string }) => u.unitId === w.centre.id);
    expect(centreRow.files).toBe(report.body.files.filter((f: { leadUnitId: string }) => f.leadUnitId === w.centre.id).length);
    expect(report.body.byUnit.find((u: { unitId: string }) => u.unitId === w.division.id).consultations).toBeGreaterThanOrEqual(1);
    const person = report.body.byPerson.find((p: { userId: string }) => p.userId === w.officer.id);
    expect(person.files).toBe(report.body.files.filter((f: { officerId: string }) => f.officerId === w.officer.id).length);

    await w.t.http.get(api('/reports/overdue')).set(w.leader.auth).expect(200);
    await w.t.http.get(api('/reports/overdue')).set(w.auditor.auth).expect(200);
    await w.t.http.get(api('/reports/overdue')).set(w.officer.auth).expect(403);
    await w.t.http.get(api('/reports/overdue')).set(w.applicant.auth).expect(403);
  });
});

describe('reading files: producers see their own, staff all', () => {
  it('scopes lists and reads, and filters by status, year and unit', async () => {
    const mine = await draft();
    const otherEstablishment = await registerEstablishment(w.t, w.otherApplicant);
    const theirs = await draft({ establishmentId: otherEstablishment }, w.otherApplicant);

    const own = await w.t.http.get(api('/applications')).query({ pageSize: 200 }).set(w.otherApplicant.auth).expect(200);
    expect(own.body.items.map((a: { id: string }) => a.id)).toEqual([theirs]);
    await w.t.http.get(api(`/applications/${mine}`)).set(w.otherApplicant.auth).expect(404);
    await w.t.http.get(api('/applications/not-a-ulid')).set(w.officer.auth).expect(404);
    await w.t.http.patch(api(`/applications/${mine}`)).set(w.otherApplicant.auth).send({ title: 'x' }).expect(404);
    await w.t.http.post(api(`/applications/${mine}/submit`)).set(w.otherApplicant.auth).expect(404);

    const drafts = await w.t.http.get(api('/applications')).query({ status: 'draft', fiscalYear: YEAR, pageSize: 200 }).set(w.auditor.auth).expect(200);
    expect(drafts.body.items.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining([mine, theirs]));
    expect(drafts.body.items.every((a: { status: string }) => a.status === 'draft')).toBe(true);

    const reviewed = await underReview();
    const byUnit = await w.t.http.get(api('/applications')).query({ unitId: w.centre.id, pageSize: 200 }).set(w.head.auth).expect(200);
    expect(byUnit.body.items.map((a: { id: string }) => a.id)).toContain(reviewed);
    expect(byUnit.body.items.map((a: { id: string }) => a.id)).not.toContain(mine);
    const otherYear = await w.t.http.get(api('/applications')).query({ fiscalYear: 2098 }).set(w.head.auth).expect(200);
    expect(otherYear.body).toMatchObject({ items: [], total: 0, page: 1, pageSize: 50 });
  });
});

describe('documents', () => {
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 7), Buffer.from('\n%%EOF\n')]);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

  it('the owner attaches a PDF; owner and staff download the same bytes; others get 404', async () => {
    const id = await draft();
    const res = await w.t.http
      .post(api(`/applications/${id}/documents`))
      .set(w.applicant.auth)
      .field('kind', 'business_license')
      .attach('file', pdf, { filename: 'Giấy phép kinh doanh.pdf', contentType: 'application/pdf' })
      .expect(201);
    expect(res.body).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        name: 'Giấy phép kinh doanh.pdf',
        kind: 'business_license',
        size: pdf.length,
        sha256: createHash('sha256').update(pdf).digest('hex'),
        contentType: 'application/pdf',
      }),
    );
    const docPath = api(`/applications/${id}/documents/${res.body.id}`);
    // A draft is its owner's until submitted: staff who see every file (leaders, finance, auditors) read it, an officer does not.
    await w.t.http.get(docPath).set(w.officer.auth).expect(404);
    for (const reader of [w.applicant, w.leader, w.auditor]) {
      const got = await w.t.http.get(docPath).set(reader.auth).buffer(true).parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      }).expect(200);
      expect(got.headers['content-type']).toMatch(/^application\/pdf/);
      expect(Buffer.compare(got.body as Buffer, pdf)).toBe(0);
    }
    await w.t.http.get(docPath).set(w.otherApplicant.auth).expect(404);
    await w.t.http.get(api(`/applications/${id}/documents/01ARZ3NDEKTSV4RRFFQ69G5FAV`)).set(w.applicant.auth).expect(404);
    expect((await read(id, w.applicant)).documents).toEqual([expect.objectContaining({ id: res.body.id, sha256: res.body.sha256 })]);

    const assigned = await underReview();
    const officerUpload = await w.t.http
      .post(api(`/applications/${assigned}/documents`))
      .set(w.officer.auth)
      .field('kind', 'site_photo')
      .attach('file', png, { filename: 'anh.png', contentType: 'image/png' })
      .expect(201);
    expect(officerUpload.body).toMatchObject({ contentType: 'image/png', size: png.length, name: 'anh.png' });
  });

  it('the type is judged from the content; size, file and kind are checked', async () => {
    const id = await draft();
    const upload = (build: (r: ReturnType<typeof w.t.http.post>) => ReturnType<typeof w.t.http.post>, actor = w.applicant) =>
      build(w.t.http.post(api(`/applications/${id}/documents`)).set(actor.auth));

    const disguised = await upload((r) => r.field('kind', 'other').attach('file', Buffer.from('MZ\x90\x00 not a pdf'), { filename: 'hop-dong.pdf', contentType: 'application/pdf' })).expect(400);
    expect(disguised.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);
    const noFile = await upload((r) => r.field('kind', 'other')).expect(400);
    expect(noFile.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);
    const noKind = await upload((r) => r.attach('file', pdf, 'a.pdf')).expect(400);
    expect(noKind.body.errors).toEqual([expect.objectContaining({ field: 'kind' })]);
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await upload((r) => r.field('kind', 'other').attach('file', big, 'lon.pdf'));
    expect(tooBig.status).toBe(413);
    await upload((r) => r.field('kind', 'other').attach('file', pdf, 'a.pdf'), w.otherApplicant).expect(404);
    await upload((r) => r.field('kind', 'other').attach('file', pdf, 'a.pdf'), w.head).expect(404);
    await upload((r) => r.field('kind', 'other').attach('file', pdf, 'a.pdf'), w.auditor).expect(403);
    expect((await read(id, w.applicant)).documents).toEqual([]);
  });
});

describe('bad input is a 400 naming the field, never a 500', () => {
  it.each([
    ['costLines[0].unitPrice', { costLines: [{ ...DEMO_LINES[0], unitPrice: 1000000000 }] }],
    ['costLines[0].unitPrice', { costLines: [{ ...DEMO_LINES[0], unitPrice: '1e9' }] }],
    ['costLines[0].unitPrice', { costLines: [{ ...DEMO_LINES[0], unitPrice: '-5' }] }],
    ['costLines[0].unitPrice', { costLines: [{ ...DEMO_LINES[0], unitPrice: '1.000.000' }] }],
    ['costLines[0].unitPrice', { costLines: [{ ...DEMO_LINES[0], unitPrice: '1000.50' }] }],
    ['costLines[0].unitPrice', { costLines: [{ ...DEMO_LINES[0], unitPrice: '' }] }],
    ['costLines[0].quantity', { costLines: [{ ...DEMO_LINES[0], quantity: 2 }] }],
    ['costLines[0].eligible', { costLines: [{ ...DEMO_LINES[0], eligible: 'yes' }] }],
    ['costLines', { costLines: 'many' }],
    ['requestedSupport', { requestedSupport: 750000000 }],
    ['requestedSupport', { requestedSupport: '12.345' }],
    ['fiscalYear', { fiscalYear: '2026' }],
    ['startDate', { startDate: '2026-02-30' }],
    ['endDate', { endDate: '2026-01-01' }],
    ['establishmentId', { establishmentId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }],
    ['activityTypeCode', { activityTypeCode: 'no_such_activity' }],
    ['fundCode', { fundCode: 'NOFUND' }],
    ['title', { title: '' }],
    ['status', { status: 'approved' }],
  ])('%s', async (field, overrides) => {
    const res = await w.t.http.post(api('/applications')).set(w.applicant.auth).send(draftBody(overrides)).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });

  it('PATCH: null clears what a draft may leave empty and is a 400 for the rest', async () => {
    const id = await draft();
    for (const field of ['title', 'costLines', 'fiscalYear', 'fundCode', 'activityTypeCode', 'establishmentId']) {
      const res = await w.t.http.patch(api(`/applications/${id}`)).set(w.applicant.auth).send({ [field]: null });
      expect([field, res.status]).toEqual([field, 400]);
      expect(res.body.errors).toEqual([expect.objectContaining({ field })]);
    }
    const cleared = await w.t.http.patch(api(`/applications/${id}`)).set(w.applicant.auth).send({ startDate: null, requestedSupport: null }).expect(200);
    expect(cleared.body).toMatchObject({ startDate: null, requestedSupport: null, endDate: '2026-10-31', totalCost: '2800000000' });
    const replaced = await w.t.http
      .patch(api(`/applications/${id}`))
      .set(w.applicant.auth)
      .send({ costLines: [{ description: 'Một dòng', quantity: '3', unitPrice: '333', eligible: true }] })
      .expect(200);
    expect(replaced.body).toMatchObject({ totalCost: '999', eligibleCost: '999', maxSupport: '299' });
  });

  it('a cost beyond 18 integer digits names the line', async () => {
    const res = await w.t.http
      .post(api('/applications'))
      .set(w.applicant.auth)
      .send(draftBody({ costLines: [{ description: 'x', quantity: '1000', unitPrice: '999999999999999999', eligible: true }] }))
      .expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'costLines[0].unitPrice' })]);
  });

  it('workflow bodies are checked too', async () => {
    const id = await submitted();
    const cases: Array<[string, object, string]> = [
      ['assign', { officerId: w.officer.id, leadUnitId: w.centre.id, dueDate: day(-1) }, 'dueDate'],
      ['assign', { officerId: w.applicant.id, leadUnitId: w.centre.id, dueDate: day(3) }, 'officerId'],
      ['assign', { officerId: w.officer.id, leadUnitId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', dueDate: day(3) }, 'leadUnitId'],
      ['assign', { officerId: w.officer.id, leadUnitId: w.centre.id }, 'dueDate'],
    ];
    const empty = await w.t.http.post(api(`/applications/${id}/assign`)).set(w.head.auth).send({}).expect(400);
    expect(empty.body.errors).toEqual([
      { field: 'officerId', message: 'bắt buộc' },
      { field: 'leadUnitId', message: 'bắt buộc' },
      { field: 'dueDate', message: 'bắt buộc' },
    ]);
    for (const [path, body, field] of cases) {
      const res = await w.t.http.post(api(`/applications/${id}/${path}`)).set(w.head.auth).send(body);
      expect([path, field, res.status]).toEqual([path, field, 400]);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    }
    const decide = await w.t.http.post(api(`/applications/${id}/decide`)).set(w.leader.auth).send({ decision: 'maybe', decisionNo: '1' }).expect(400);
    expect(decide.body.errors[0].field).toBe('decision');
    const reviewed = await underReview();
    const rec = await w.t.http.post(api(`/applications/${reviewed}/recommend`)).set(w.officer.auth).send({ approvedSupport: '1e6', allocationUnitId: w.centre.id }).expect(400);
    expect(rec.body.errors[0].field).toBe('approvedSupport');
    const unit = await w.t.http.post(api(`/applications/${reviewed}/recommend`)).set(w.officer.auth).send({ approvedSupport: '100', allocationUnitId: 'nope' }).expect(400);
    expect(unit.body.errors[0].field).toBe('allocationUnitId');
    const ret = await w.t.http.post(api(`/applications/${reviewed}/return`)).set(w.officer.auth).send({ dueDate: day(2) }).expect(400);
    expect(ret.body.errors[0].field).toBe('reason');
    const list = await w.t.http.get(api('/applications')).query({ overdue: 'yes' }).set(w.head.auth).expect(400);
    expect(list.body.errors[0].field).toBe('overdue');
  });
});
