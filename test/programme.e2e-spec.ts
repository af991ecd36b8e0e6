import { DataSource } from 'typeorm';
import { Money } from '../src/common/money/decimal';
import { PasswordHasher } from '../src/modules/identity/password-hasher';
import { createUnit, TestActor } from './support/actors';
import { postMoney } from './support/budget';
import { startTestApp, TestApp } from './support/test-app';
import { approvedFile, cast, Cast } from './support/workflow';
import { csrfOf, PageClient, PASSWORD } from './web-support';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The programme a year at a time (issue 20), in fiscal year 2083, which no other test file uses:
 * the annual plan (PUT/GET /plans/:year), outcomes recorded with an acceptance, the review's
 * narrative and the commendations, and the annual review's JSON setting the plan against what
 * was done, totalling the outcomes and printing the narrative and the commendations, with exact
 * figures (2084 stays empty until the pages test at the end uses it). The four formats of the review are checked against each other in reports.e2e-spec.ts.
 */
describe('the programme: plan, outcomes, narrative, commendations', () => {
  const YEAR = 2083;
  const DAY = `${YEAR}-06-15`;
  let t: TestApp;
  let c: Cast;
  let other: { id: string; code: string };
  let centreCode: string;
  const files: Record<string, string> = {};
  let seq = 0;
  const ref = (label: string) => `KB-PG-${label}-${Date.now().toString(36)}${(seq++).toString(36)}`.toUpperCase();
  const api = (path: string) => `/api/v1${path}`;
  const putPlan = (actor: TestActor, body: unknown, year: number | string = YEAR) => t.http.put(api(`/plans/${year}`)).set(actor.auth).send(body as object);
  const fields = (res: { body: Json }) => (res.body.errors ?? []).map((e: Json) => e.field);
  const OUTCOMES_A1 = { jobsCreated: 12, jobsKept: 30, womenWorkers: 25, disabledWorkers: 2, trainees: 40, modelsBuilt: 1 };
  const OUTCOMES_A2 = { jobsCreated: 3, jobsKept: 5, womenWorkers: 4, disabledWorkers: 0, trainees: 10, modelsBuilt: 0 };

  async function contract(id: string) {
    await t.http.post(api(`/applications/${id}/contract`)).set(c.officer.auth).send({ contractNo: `HĐ-PG-${id}`, signedDate: DAY }).expect(200);
  }
  async function advance(id: string, amount: string) {
    const request = (await postMoney(t, c.officer, '/disbursements', { applicationId: id, kind: 'advance', amount, note: 'Tạm ứng' }).expect(201)).body.id as string;
    await t.http.post(api(`/disbursements/${request}/approve`)).set(c.finance2.auth).send({}).expect(200);
    await postMoney(t, c.finance, `/disbursements/${request}/pay`, { treasuryRef: ref('TU'), valueDate: DAY }).expect(200);
  }
  const accept = (id: string, body: Json) => t.http.post(api(`/applications/${id}/acceptance`)).set(c.officer.auth).send({ date: DAY, minutesNo: `BB-PG-${id.slice(-6)}-${seq++}`, ...body });

  beforeAll(async () => {
    t = await startTestApp();
    // Every step is dated in June 2083: a date after today is refused.
    t.clock.set(`${DAY}T03:00:00Z`);
    c = await cast(t, YEAR, '5000000000');
    other = await createUnit(t, 'division', 'Phòng Quản lý công nghiệp 2083');
    centreCode = (await t.http.get(api(`/units/${c.centre.id}`)).set(c.officer.auth).expect(200)).body.code;
    files.a1 = await approvedFile(t, c, { approvedSupport: '300000000' });
    files.a2 = await approvedFile(t, c, { approvedSupport: '200000000' });
    files.a3 = await approvedFile(t, c, { approvedSupport: '150000000' });
    files.d1 = await approvedFile(t, c, { activityTypeCode: 'demo_model', eligibleCost: '2000000000', approvedSupport: '500000000' });
    for (const id of [files.a1, files.a2, files.a3, files.d1]) await contract(id);
    await advance(files.a1, '150000000');
    await advance(files.a2, '100000000');
  }, 120_000);
  afterAll(() => t.close());

  const plan = () => [
    { activityTypeCode: 'machinery', unitId: c.centre.id, fundCode: c.fundCode, plannedCount: 4, plannedBudget: '1200000000' },
    { activityTypeCode: 'technology_line', unitId: c.centre.id, fundCode: c.fundCode, plannedCount: 1, plannedBudget: '500000000' },
    { activityTypeCode: 'machinery', unitId: other.id, fundCode: c.fundCode, plannedCount: 2, plannedBudget: '400000000' },
  ];

  describe('the annual plan', () => {
    it('finance sets the plan of a year, staff read it; a leader replaces it whole', async () => {
      const first = await putPlan(c.finance, { items: [plan()[0]] }).expect(200);
      expect(first.body).toMatchObject({ fiscalYear: YEAR, items: [{ activityTypeCode: 'machinery', unitId: c.centre.id, fundCode: c.fundCode, currency: 'VND', plannedCount: 4, plannedBudget: '1200000000' }] });

      const saved = await putPlan(c.leader, { items: plan() }).expect(200);
      expect(saved.body.items).toHaveLength(3);
      expect(saved.body.totals).toEqual([{ currency: 'VND', plannedCount: 7, plannedBudget: '2100000000' }]);
      for (const reader of [c.officer, c.head, c.auditor, c.finance]) {
        const read = await t.http.get(api(`/plans/${YEAR}`)).set(reader.auth).expect(200);
        expect(read.body.items).toEqual(saved.body.items);
        expect(read.body.totals).toEqual(saved.body.totals);
        expect(read.body.updatedAt).toBe(saved.body.updatedAt);
      }
      // A year without a plan is an empty plan.
      expect((await t.http.get(api(`/plans/${YEAR + 1}`)).set(c.officer.auth).expect(200)).body).toEqual({ fiscalYear: YEAR + 1, items: [], totals: [], updatedAt: null });
      // The replacement is in the audit log, with the plan before it.
      const audit = (await t.http.get(api('/audit')).query({ entity: 'plan', entityId: String(YEAR), pageSize: 10 }).set(c.auditor.auth).expect(200)).body.items;
      const replaced = audit.filter((e: Json) => e.action === 'plan.replace' && e.entityId === String(YEAR));
      expect(replaced.length).toBeGreaterThanOrEqual(2);
    });

    it('only finance and leaders set it; producers do not read it', async () => {
      for (const who of [c.officer, c.head, c.auditor, c.applicant]) await putPlan(who, { items: plan() }).expect(403);
      await t.http.get(api(`/plans/${YEAR}`)).set(c.applicant.auth).expect(403);
      await t.http.get(api(`/plans/${YEAR}`)).expect(401);
      // the refused calls changed nothing
      expect((await t.http.get(api(`/plans/${YEAR}`)).set(c.officer.auth).expect(200)).body.totals).toEqual([{ currency: 'VND', plannedCount: 7, plannedBudget: '2100000000' }]);
    });

    const line = (over: Json) => () => [{ ...plan()[0], ...over }];
    it.each([
      ['a year that is no year', () => plan(), 'abc', ['year']],
      ['a year out of range', () => plan(), '1999', ['year']],
      ['an unknown activity type', line({ activityTypeCode: 'khong_co' }), YEAR, ['items[0].activityTypeCode']],
      ['an unknown unit', line({ unitId: '01JZZZZZZZZZZZZZZZZZZZZZZZ' }), YEAR, ['items[0].unitId']],
      ['an unknown fund', line({ fundCode: 'KHONG-CO' }), YEAR, ['items[0].fundCode']],
      ['a budget with đồng fractions', line({ plannedBudget: '1000.5' }), YEAR, ['items[0].plannedBudget']],
      ['a negative budget', line({ plannedBudget: '-1000' }), YEAR, ['items[0].plannedBudget']],
      ['a budget as a number', line({ plannedBudget: 1000 }), YEAR, ['items[0].plannedBudget']],
      ['a budget beyond 18 digits', line({ plannedBudget: '1000000000000000000' }), YEAR, ['items[0].plannedBudget']],
      ['a negative count', line({ plannedCount: -1 }), YEAR, ['items[0].plannedCount']],
      ['a fractional count', line({ plannedCount: 1.5 }), YEAR, ['items[0].plannedCount']],
      ['a count as text', line({ plannedCount: '3' }), YEAR, ['items[0].plannedCount']],
      ['a count beyond 100.000', line({ plannedCount: 100_001 }), YEAR, ['items[0].plannedCount']],
      ['a line without its fund', () => [{ activityTypeCode: 'machinery', unitId: 'x', plannedCount: 1, plannedBudget: '1' }], YEAR, ['items[0].fundCode']],
      ['a field the plan does not have', line({ note: 'x' }), YEAR, ['items[0].note']],
      ['the same activity, unit and fund twice', () => [plan()[0], plan()[1], { ...plan()[0], plannedCount: 1 }], YEAR, ['items[2]']],
      ['a budget whose total passes DECIMAL(20,2)', () => [{ ...plan()[0], plannedBudget: '999999999999999999' }, { ...plan()[1], plannedBudget: '1' }], YEAR, ['items']],
      ['no list', () => undefined, YEAR, ['items']],
      ['a list too long', () => Array.from({ length: 2001 }, () => plan()[0]), YEAR, ['items']],
    ])('refuses %s with 400 naming the field', async (_name, items, year, expected) => {
      const res = await putPlan(c.finance, { items: items() }, year as string).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(fields(res)).toEqual(expected);
    });

    it('names every problem of every line at once', async () => {
      const res = await putPlan(c.finance, { items: [{ ...plan()[0], activityTypeCode: 'khong_co' }, { ...plan()[1], unitId: '01JZZZZZZZZZZZZZZZZZZZZZZZ', plannedBudget: '1.5' }, plan()[0], plan()[0]] }).expect(400);
      expect(fields(res)).toEqual(['items[0].activityTypeCode', 'items[1].unitId', 'items[1].plannedBudget', 'items[3]']);
      expect(res.body.errors.find((e: Json) => e.field === 'items[3]').message).toBe('trùng loại hoạt động, đơn vị và nguồn kinh phí với dòng 3');
    });
  });

  describe('outcomes at acceptance', () => {
    it('a passed acceptance records the outcomes; a second acceptance after a failed one does too', async () => {
      await accept(files.a1, { result: 'passed', outcomes: OUTCOMES_A1 }).expect(200);
      await accept(files.a2, { result: 'failed', note: 'Chưa lắp đặt xong' }).expect(200);
      await accept(files.a2, { result: 'passed', outcomes: OUTCOMES_A2 }).expect(200);
      // passed, without outcomes: accepted, nothing recorded
      await accept(files.d1, { result: 'passed' }).expect(200);
      const a1 = (await t.http.get(api(`/applications/${files.a1}`)).set(c.officer.auth).expect(200)).body;
      expect(a1.status).toBe('accepted');
      const audit = (await t.http.get(api('/audit')).query({ entityId: files.a1, pageSize: 50 }).set(c.auditor.auth).expect(200)).body.items;
      expect(audit.find((e: Json) => e.action === 'application.accept')?.after).toMatchObject({ outcomes: OUTCOMES_A1 });
    });

    const bad = (over: Json) => ({ ...OUTCOMES_A1, ...over });
    it.each([
      ['outcomes on a failed acceptance', { result: 'failed', outcomes: OUTCOMES_A1 }, ['outcomes']],
      ['a negative count', { result: 'passed', outcomes: bad({ jobsCreated: -1 }) }, ['outcomes.jobsCreated']],
      ['a fractional count', { result: 'passed', outcomes: bad({ jobsCreated: 2.5 }) }, ['outcomes.jobsCreated']],
      ['a count as text', { result: 'passed', outcomes: bad({ jobsKept: '12' }) }, ['outcomes.jobsKept']],
      ['a count beyond 1.000.000', { result: 'passed', outcomes: bad({ trainees: 1_000_001 }) }, ['outcomes.trainees']],
      ['a count left out', { result: 'passed', outcomes: { ...OUTCOMES_A1, modelsBuilt: undefined } }, ['outcomes.modelsBuilt']],
      ['outcomes that are no object', { result: 'passed', outcomes: 'nhiều' }, ['outcomes']],
      ['a field outcomes do not have', { result: 'passed', outcomes: bad({ hectares: 3 }) }, ['outcomes.hectares']],
      ['more women than workers', { result: 'passed', outcomes: bad({ jobsCreated: 5, jobsKept: 5, womenWorkers: 11 }) }, ['outcomes.womenWorkers']],
      ['more disabled than workers', { result: 'passed', outcomes: bad({ jobsCreated: 0, jobsKept: 1, womenWorkers: 0, disabledWorkers: 2 }) }, ['outcomes.disabledWorkers']],
    ])('refuses %s with 400 naming the field, and records nothing', async (_name, body, expected) => {
      const res = await accept(files.a3, body).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(fields(res)).toEqual(expected);
      expect((await t.http.get(api(`/applications/${files.a3}`)).set(c.officer.auth).expect(200)).body.status).toBe('contracted');
    });
  });

  describe('the narrative of the review', () => {
    const narrative = {
      results: 'Hoàn thành 4/7 đề án kế hoạch.\r\n\r\nGiải ngân đạt 21,7 % dự toán.   ',
      difficulties: 'Giá thiết bị tăng.',
      causes: 'Thủ tục nhập khẩu kéo dài.',
      proposals: 'Đề nghị bổ sung kinh phí năm 2084.',
    };
    it('finance or a leader writes it; line breaks kept, trailing spaces dropped; saving again replaces it', async () => {
      const first = await t.http.put(api(`/reports/annual/${YEAR}/narrative`)).set(c.leader.auth).send({ ...narrative, proposals: 'Nháp' }).expect(200);
      expect(first.body.proposals).toBe('Nháp');
      const res = await t.http.put(api(`/reports/annual/${YEAR}/narrative`)).set(c.finance.auth).send(narrative).expect(200);
      expect(res.body).toMatchObject({ fiscalYear: YEAR, results: 'Hoàn thành 4/7 đề án kế hoạch.\n\nGiải ngân đạt 21,7 % dự toán.', difficulties: 'Giá thiết bị tăng.', causes: 'Thủ tục nhập khẩu kéo dài.', proposals: 'Đề nghị bổ sung kinh phí năm 2084.' });
    });

    it('refuses the others, and what is not four texts', async () => {
      for (const who of [c.officer, c.head, c.auditor, c.applicant]) await t.http.put(api(`/reports/annual/${YEAR}/narrative`)).set(who.auth).send(narrative).expect(403);
      const cases: Array<[Json, string | number, string[]]> = [
        [{ ...narrative, causes: undefined }, YEAR, ['causes']],
        [{ ...narrative, results: 12 }, YEAR, ['results']],
        [{ ...narrative, difficulties: 'x'.repeat(20_001) }, YEAR, ['difficulties']],
        [{ ...narrative, summary: 'x' }, YEAR, ['summary']],
        [narrative, 'nam-nay', ['year']],
      ];
      for (const [body, year, expected] of cases) {
        const res = await t.http.put(api(`/reports/annual/${year}/narrative`)).set(c.finance.auth).send(body).expect(400);
        expect(fields(res)).toEqual(expected);
      }
    });
  });

  describe('commendations', () => {
    const decision = { form: 'Bằng khen của Chủ tịch UBND tỉnh', decisionNo: '215/QĐ-UBND-2083', decisionDate: `${YEAR}-06-10`, reason: 'Hoàn thành xuất sắc đề án ứng dụng máy sấy' };
    let establishmentId: string;

    it('a leader commends an establishment, a person of a unit and a unit; staff list them by decision date', async () => {
      establishmentId = (await t.http.get(api(`/applications/${files.a1}`)).set(c.officer.auth).expect(200)).body.establishmentId;
      const establishment = await t.http.post(api('/commendations')).set(c.leader.auth).send({ fiscalYear: YEAR, establishmentId, ...decision }).expect(201);
      expect(establishment.body).toMatchObject({ fiscalYear: YEAR, recipient: 'Hợp tác xã cơ khí Phú Thành', establishmentId, personName: null, unitId: null, ...decision });
      const person = await t.http
        .post(api('/commendations'))
        .set(c.leader.auth)
        .send({ fiscalYear: YEAR, personName: '  Nguyễn   Thị Hoa ', unitId: other.id, form: 'Giấy khen của Giám đốc Sở', decisionNo: '12/QĐ-SCT-2083', decisionDate: `${YEAR}-05-20`, reason: 'Thẩm định đúng hạn' })
        .expect(201);
      expect(person.body).toMatchObject({ recipient: 'Nguyễn Thị Hoa (Phòng Quản lý công nghiệp 2083)', personName: 'Nguyễn Thị Hoa', unitId: other.id, unitName: 'Phòng Quản lý công nghiệp 2083' });
      await t.http.post(api('/commendations')).set(c.leader.auth).send({ fiscalYear: YEAR, unitId: c.centre.id, ...decision, decisionNo: '216/QĐ-UBND-2083' }).expect(201);

      for (const reader of [c.officer, c.finance, c.auditor]) {
        const list = (await t.http.get(api('/commendations')).query({ fiscalYear: YEAR }).set(reader.auth).expect(200)).body;
        expect(list.items.map((x: Json) => [x.decisionNo, x.recipient])).toEqual([
          ['12/QĐ-SCT-2083', 'Nguyễn Thị Hoa (Phòng Quản lý công nghiệp 2083)'],
          ['215/QĐ-UBND-2083', 'Hợp tác xã cơ khí Phú Thành'],
          ['216/QĐ-UBND-2083', expect.stringMatching(/^Đơn vị thử /)],
        ]);
      }
      expect((await t.http.get(api('/commendations')).query({ fiscalYear: YEAR + 1 }).set(c.officer.auth).expect(200)).body.items).toEqual([]);
    });

    it('one decision commends a recipient once (409), whatever the spacing of a name', async () => {
      const again = await t.http.post(api('/commendations')).set(c.leader.auth).send({ fiscalYear: YEAR, establishmentId, ...decision, reason: 'Lần hai' }).expect(409);
      expect(again.body.code).toBe('DUPLICATE');
      await t.http
        .post(api('/commendations'))
        .set(c.leader.auth)
        .send({ fiscalYear: YEAR, personName: 'nguyễn thị hoa', unitId: other.id, form: 'Giấy khen', decisionNo: '12/QĐ-SCT-2083', decisionDate: `${YEAR}-05-20`, reason: 'x' })
        .expect(409);
    });

    it('only a leader commends; producers do not read them', async () => {
      for (const who of [c.finance, c.officer, c.head, c.auditor, c.applicant]) {
        await t.http.post(api('/commendations')).set(who.auth).send({ fiscalYear: YEAR, unitId: c.centre.id, ...decision, decisionNo: `9${seq++}/QĐ` }).expect(403);
      }
      await t.http.get(api('/commendations')).query({ fiscalYear: YEAR }).set(c.applicant.auth).expect(403);
    });

    it.each([
      ['nobody commended', {}, ['establishmentId']],
      ['an establishment and a person', { establishmentId: 'E', personName: 'Trần Văn Bình' }, ['personName']],
      ['a decision dated after today', { unitId: 'U', decisionDate: `${YEAR}-06-16` }, ['decisionDate']],
      ['a decision of another year', { unitId: 'U', decisionDate: `${YEAR - 1}-12-31` }, ['decisionDate']],
      ['a date that does not exist', { unitId: 'U', decisionDate: `${YEAR}-02-30` }, ['decisionDate']],
      ['an unknown establishment', { establishmentId: '01JZZZZZZZZZZZZZZZZZZZZZZZ' }, ['establishmentId']],
      ['an unknown unit', { unitId: '01JZZZZZZZZZZZZZZZZZZZZZZZ' }, ['unitId']],
      ['a unit id that is no id', { unitId: 'phong-1' }, ['unitId']],
      ['no form', { unitId: 'U', form: '' }, ['form']],
      ['a reason too long', { unitId: 'U', reason: 'x'.repeat(2001) }, ['reason']],
      ['no year', { unitId: 'U', fiscalYear: undefined }, ['fiscalYear']],
    ])('refuses %s with 400 naming the field', async (_name, over, expected) => {
      const body: Json = { fiscalYear: YEAR, ...decision, decisionNo: `8${seq++}/QĐ`, ...over };
      for (const key of ['establishmentId', 'unitId'] as const) {
        if (body[key] === 'E') body[key] = establishmentId;
        if (body[key] === 'U') body[key] = c.centre.id;
      }
      const res = await t.http.post(api('/commendations')).set(c.leader.auth).send(body).expect(400);
      expect(fields(res)).toEqual(expected);
    });

    it('a list without its year is a 400 naming it', async () => {
      expect(fields(await t.http.get(api('/commendations')).set(c.officer.auth).expect(400))).toEqual(['fiscalYear']);
    });
  });

  describe('the annual review', () => {
    it('sets the plan against what was done, totals the outcomes and prints the narrative and the commendations, with exact figures', async () => {
      const report = (await t.http.get(api(`/reports/annual/${YEAR}`)).set(c.finance.auth).expect(200)).body;
      const unit = (id: string) => (id === c.centre.id ? 'centre' : id === other.id ? 'other' : id);
      const codeOf = (name: string) => (name === 'centre' ? centreCode : other.code);
      expect(report.plan.map((r: Json) => [r.activityTypeCode, unit(r.unitId), r.fundCode, r.inPlan, r.plannedCount, r.plannedBudget, r.actualCount, r.approvedSupport, r.disbursed])).toEqual([
        ['demo_model', 'centre', c.fundCode, false, 0, '0', 1, '500000000', '0'],
        // the machinery lines by unit code (both codes made by the test)
        ...[
          ['machinery', 'centre', c.fundCode, true, 4, '1200000000', 3, '650000000', '250000000'],
          ['machinery', 'other', c.fundCode, true, 2, '400000000', 0, '0', '0'],
        ].sort((a, b) => codeOf(a[1] as string).localeCompare(codeOf(b[1] as string))),
        ['technology_line', 'centre', c.fundCode, true, 1, '500000000', 0, '0', '0'],
      ]);
      const machinery = report.plan.find((r: Json) => r.activityTypeCode === 'machinery' && r.unitId === c.centre.id);
      expect(machinery).toMatchObject({ activityTypeName: expect.stringMatching(/máy móc thiết bị/), unitCode: centreCode, currency: 'VND' });
      expect(report.planTotals).toEqual([{ currency: 'VND', plannedCount: 7, plannedBudget: '2100000000', actualCount: 4, approvedSupport: '1150000000', disbursed: '250000000' }]);
      // what was done is the review's own totals (the budget summary's): every funded file, every payment
      const [totals] = report.totals;
      expect({ actualCount: totals.applications, approvedSupport: totals.approvedSupport, disbursed: totals.disbursed }).toEqual({ actualCount: 4, approvedSupport: '1150000000', disbursed: '250000000' });

      expect(report.outcomes).toEqual({
        acceptedFiles: 3,
        reportedFiles: 2,
        jobsCreated: 15,
        jobsKept: 35,
        womenWorkers: 29,
        disabledWorkers: 2,
        trainees: 50,
        modelsBuilt: 1,
        byActivityType: [
          { code: 'demo_model', name: expect.stringMatching(/mô hình trình diễn/), acceptedFiles: 1, reportedFiles: 0, jobsCreated: 0, jobsKept: 0, womenWorkers: 0, disabledWorkers: 0, trainees: 0, modelsBuilt: 0 },
          { code: 'machinery', name: expect.stringMatching(/máy móc thiết bị/), acceptedFiles: 2, reportedFiles: 2, jobsCreated: 15, jobsKept: 35, womenWorkers: 29, disabledWorkers: 2, trainees: 50, modelsBuilt: 1 },
        ],
      });
      expect(report.narrative).toMatchObject({ fiscalYear: YEAR, results: 'Hoàn thành 4/7 đề án kế hoạch.\n\nGiải ngân đạt 21,7 % dự toán.', proposals: 'Đề nghị bổ sung kinh phí năm 2084.' });
      expect(report.commendations.map((x: Json) => [x.decisionNo, x.decisionDate, x.recipient, x.form])).toEqual([
        ['12/QĐ-SCT-2083', `${YEAR}-05-20`, 'Nguyễn Thị Hoa (Phòng Quản lý công nghiệp 2083)', 'Giấy khen của Giám đốc Sở'],
        ['215/QĐ-UBND-2083', `${YEAR}-06-10`, 'Hợp tác xã cơ khí Phú Thành', 'Bằng khen của Chủ tịch UBND tỉnh'],
        ['216/QĐ-UBND-2083', `${YEAR}-06-10`, expect.stringMatching(/^Đơn vị thử /), 'Bằng khen của Chủ tịch UBND tỉnh'],
      ]);
    });

    it("a unit's review holds that unit's plan, files and commendations, and not the province's assessment", async () => {
      const report = (await t.http.get(api(`/reports/annual/${YEAR}`)).query({ unitId: other.id }).set(c.auditor.auth).expect(200)).body;
      expect(report.plan.map((r: Json) => [r.activityTypeCode, r.unitId, r.plannedCount, r.actualCount])).toEqual([['machinery', other.id, 2, 0]]);
      expect(report.outcomes).toMatchObject({ acceptedFiles: 0, jobsCreated: 0, byActivityType: [] });
      expect(report.narrative).toBeNull();
      expect(report.commendations.map((x: Json) => x.decisionNo)).toEqual(['12/QĐ-SCT-2083']);
    });

    it('a year with nothing planned or done has empty programme sections', async () => {
      const report = (await t.http.get(api(`/reports/annual/${YEAR + 1}`)).set(c.leader.auth).expect(200)).body;
      expect(report).toMatchObject({ plan: [], planTotals: [], narrative: null, commendations: [], outcomes: { acceptedFiles: 0, reportedFiles: 0, jobsCreated: 0, byActivityType: [] } });
    });

    it('the plan outlives a change of plan: lines dropped from it reappear as done outside the plan', async () => {
      // A copy of the plan without the centre's machinery line, then the original back.
      await putPlan(c.finance, { items: plan().slice(1) }).expect(200);
      const report = (await t.http.get(api(`/reports/annual/${YEAR}`)).set(c.finance.auth).expect(200)).body;
      expect(report.plan.find((r: Json) => r.activityTypeCode === 'machinery' && r.unitId === c.centre.id)).toMatchObject({ inPlan: false, plannedCount: 0, plannedBudget: '0', actualCount: 3, approvedSupport: '650000000' });
      expect(report.planTotals[0]).toMatchObject({ plannedCount: 3, plannedBudget: '900000000', actualCount: 4, approvedSupport: '1150000000' });
      await putPlan(c.finance, { items: plan() }).expect(200);
      expect(new Money((await t.http.get(api(`/plans/${YEAR}`)).set(c.officer.auth).expect(200)).body.totals[0].plannedBudget).toFixed()).toBe('2100000000');
    });
  });

  describe('the pages (2084 for what they write)', () => {
    const NEXT = YEAR + 1;
    /** A cast member who can also sign in to the pages. */
    async function pages(actor: TestActor): Promise<PageClient> {
      const hash = await t.app.get(PasswordHasher).hash(PASSWORD);
      await t.app.get(DataSource).query('UPDATE users SET password_hash = ? WHERE id = ?', [hash, actor.id]);
      const client = new PageClient(t);
      await client.login(actor.email);
      return client;
    }
    const compact = (html: string) => html.replace(/\s+/g, ' ');

    it('shows the plan against what was done, the outcomes, the assessment and the commendations of a year, as the review says them', async () => {
      const auditor = await pages(c.auditor);
      const page = await auditor.get(`/bao-cao/ke-hoach/${YEAR}`);
      expect(page.status).toBe(200);
      const html = compact(page.text);
      expect(html).toContain(`Kế hoạch và kết quả thực hiện năm ${YEAR}`);
      // the totals, in vi-VN form
      for (const figure of ['2.100.000.000 ₫', '1.150.000.000 ₫', '250.000.000 ₫']) expect(html).toContain(figure);
      expect(html).toContain('Ngoài kế hoạch');
      expect(html).toContain('<span>Lao động có việc làm mới</span><strong>15</strong>');
      expect(html).toContain('<span>Trong đó: lao động nữ</span><strong>29</strong>');
      expect(html).toContain('<p>Giải ngân đạt 21,7 % dự toán.</p>');
      expect(html).toContain('Nguyễn Thị Hoa (Phòng Quản lý công nghiệp 2083)');
      // an auditor reads, and edits nothing
      expect(html).not.toContain(`action="/bao-cao/ke-hoach/${YEAR}"`);
      expect(html).not.toContain('/khen-thuong"');
      // the reports page links to it; an officer may not open it
      expect((await auditor.get('/bao-cao')).text).toContain(`href="/bao-cao/ke-hoach/${YEAR}"`);
      expect((await (await pages(c.officer)).get(`/bao-cao/ke-hoach/${YEAR}`)).status).toBe(403);
    });

    it('finance edits the plan: a refused line shows its message beside its field, a good one is saved as the API saves it', async () => {
      const finance = await pages(c.finance);
      const path = `/bao-cao/ke-hoach/${NEXT}`;
      const form = await finance.get(path);
      expect(form.status).toBe(200);
      expect(form.text).toContain(`action="${path}"`);
      const line = (i: number, over: Record<string, string> = {}) => {
        const values = { activityTypeCode: 'machinery', unitId: c.centre.id, fundCode: c.fundCode, plannedCount: '3', plannedBudget: '900.000.000', ...over };
        return Object.fromEntries(Object.entries(values).map(([k, v]) => [`items[${i}].${k}`, v]));
      };
      // Row 1 left blank, row 2 with đồng fractions: the message is on row 2's field.
      const refused = await finance.post(path, { _form: 'plan', ...line(1, { plannedBudget: '1000,5' }) }, { csrf: csrfOf(form.text) });
      expect(refused.status).toBe(400);
      expect(refused.text).toMatch(/id="f-items-1-plannedBudget-error"[^>]*>[^<]*(số thập phân|số nguyên đồng)/);
      expect(refused.text).toContain('Kế hoạch, dòng 2: Dự toán');
      expect((await t.http.get(api(`/plans/${NEXT}`)).set(c.finance.auth).expect(200)).body.items).toEqual([]);

      const saved = await finance.post(path, { _form: 'plan', ...line(0), ...line(1, { activityTypeCode: 'demo_model', plannedCount: '1', plannedBudget: '500000000' }) }, { csrf: csrfOf(form.text) });
      expect(saved.status).toBe(303);
      const plan = (await t.http.get(api(`/plans/${NEXT}`)).set(c.finance.auth).expect(200)).body;
      expect(plan.items.map((i: Json) => [i.activityTypeCode, i.plannedCount, i.plannedBudget])).toEqual([
        ['demo_model', 1, '500000000'],
        ['machinery', 3, '900000000'],
      ]);
      // shown again for editing, the amounts grouped as people type them
      const again = await finance.get(path);
      expect(again.text).toContain('name="items[1].plannedBudget" value="900.000.000"');
      expect(compact(again.text)).toContain('1.400.000.000 ₫');
    });

    it('finance writes the assessment; a leader records a commendation by the establishment\'s tax code', async () => {
      const finance = await pages(c.finance);
      const path = `/bao-cao/ke-hoach/${NEXT}`;
      const form = await finance.get(path);
      const written = await finance.post(`${path}/danh-gia`, { _form: 'narrative', results: 'Dòng một.\r\nDòng hai.', difficulties: '', causes: 'Giá tăng.', proposals: '' }, { csrf: csrfOf(form.text) });
      expect(written.status).toBe(303);
      const report = (await t.http.get(api(`/reports/annual/${NEXT}`)).set(c.finance.auth).expect(200)).body;
      expect(report.narrative).toMatchObject({ results: 'Dòng một.\nDòng hai.', difficulties: '', causes: 'Giá tăng.', proposals: '' });
      // finance may not commend: no form, and the route refuses
      expect(form.text).not.toContain(`action="${path}/khen-thuong"`);
      expect((await finance.post(`${path}/khen-thuong`, { form: 'x' }, { csrf: csrfOf(form.text) })).status).toBe(403);

      // A commendation of 2084 is decided in 2084 or 2085: the clock is there meanwhile.
      t.clock.set(`${NEXT}-12-20T03:00:00Z`);
      try {
        const leader = await pages(c.leader);
        const leaderForm = await leader.get(path);
        expect(leaderForm.text).toContain(`action="${path}/khen-thuong"`);
        const body = { _form: 'commendation', form: 'Giấy khen của Giám đốc Sở', decisionNo: '3/QĐ-SCT-2084', decisionDate: `${NEXT}-12-18`, reason: 'Áp dụng máy sấy hiệu quả' };
        const unknown = await leader.post(`${path}/khen-thuong`, { ...body, taxCode: '0000000001' }, { csrf: csrfOf(leaderForm.text) });
        expect(unknown.status).toBe(400);
        expect(unknown.text).toMatch(/id="f-taxCode-error"[^>]*>không có cơ sở nào với mã số thuế này/);
        const [{ tax_code: taxCode }] = await t.app.get(DataSource).query('SELECT e.tax_code FROM establishments e JOIN applications a ON a.establishment_id = e.id WHERE a.id = ?', [files.a1]);
        const recorded = await leader.post(`${path}/khen-thuong`, { ...body, taxCode }, { csrf: csrfOf(leaderForm.text) });
        expect(recorded.status).toBe(303);
        const list = (await t.http.get(api('/commendations')).query({ fiscalYear: NEXT }).set(c.officer.auth).expect(200)).body.items;
        expect(list.map((x: Json) => [x.recipient, x.decisionNo])).toEqual([['Hợp tác xã cơ khí Phú Thành', '3/QĐ-SCT-2084']]);
      } finally {
        t.clock.set(`${DAY}T03:00:00Z`);
      }
    });

    it("the file page's acceptance form records the outcomes; a subgroup larger than the workers is refused beside its field", async () => {
      const officer = await pages(c.officer);
      const page = await officer.get(`/ho-so/${files.a3}`);
      expect(page.text).toContain('name="outcomes.jobsCreated"');
      const body = { _form: 'accept', result: 'passed', date: DAY, minutesNo: `BB-PG-WEB-${seq++}`, 'outcomes.jobsCreated': '4', 'outcomes.jobsKept': '6', 'outcomes.womenWorkers': '11', 'outcomes.trainees': '20' };
      const refused = await officer.post(`/ho-so/${files.a3}/nghiem-thu`, body, { csrf: csrfOf(page.text) });
      expect(refused.status).toBe(400);
      expect(refused.text).toMatch(/id="f-outcomes-womenWorkers-error"[^>]*>không được lớn hơn số lao động có việc làm mới và được duy trì \(10\)/);
      const accepted = await officer.post(`/ho-so/${files.a3}/nghiem-thu`, { ...body, 'outcomes.womenWorkers': '7' }, { csrf: csrfOf(page.text) });
      expect(accepted.status).toBe(303);
      // blank fields are 0; the file page shows what was recorded
      const shown = compact((await officer.get(`/ho-so/${files.a3}`)).text);
      expect(shown).toContain('Lao động có việc làm mới: 4; Lao động được duy trì việc làm: 6; Trong đó: lao động nữ: 7; Trong đó: lao động khuyết tật: 0; Người được đào tạo, tập huấn: 20; Mô hình trình diễn được xây dựng: 0');
      const report = (await t.http.get(api(`/reports/annual/${YEAR}`)).set(c.finance.auth).expect(200)).body;
      expect(report.outcomes).toMatchObject({ acceptedFiles: 4, reportedFiles: 3, jobsCreated: 19, jobsKept: 41, womenWorkers: 36, trainees: 70 });
    });
  });
});
