import { createActor, createUnit, TestActor } from './support/actors';
import { attachRequiredDocuments, registerEstablishment } from './support/files';
import { sampleFileBody } from './support/files';
import { startTestApp, TestApp } from './support/test-app';
import { cast, Cast } from './support/workflow';
import { csrfOf, PageClient, webUser } from './web-support';

/** This file's year: no other test file adds holidays or files in it. */
const YEAR = 2076;
/** A Friday; the Monday after it is made a holiday through the API. */
const FRIDAY = `${YEAR}-03-13`;
const MONDAY = `${YEAR}-03-16`;
/** Three working days after FRIDAY: Tuesday, Wednesday, Thursday with the holiday; Monday to Wednesday without it. */
const THREE_WITH_HOLIDAY = `${YEAR}-03-19`;
const THREE_WITHOUT_HOLIDAY = `${YEAR}-03-18`;

const api = (path: string) => `/api/v1${path}`;

/**
 * The holiday calendar (GET for anyone signed in, POST and DELETE for administrators, audited) and
 * the due dates the workflow counts in working days with it: a consultation, a return for
 * supplement and an assignment given `workingDays` skip the weekend and the calendar's holidays,
 * and a change of the calendar counts from the next request on.
 */
describe('holiday calendar and due dates in working days', () => {
  let t: TestApp;
  let c: Cast;
  let admin: TestActor;
  let consulted: { id: string };

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(`${FRIDAY}T02:00:00Z`); // 09:00 in Hà Nội
    c = await cast(t, YEAR);
    admin = await createActor(t, ['admin']);
    consulted = await createUnit(t, 'division');
  }, 60_000);
  afterAll(() => t?.close());

  /** A file of the cast's applicant, submitted (the intake queue). */
  async function submittedFile(): Promise<string> {
    const establishment = await registerEstablishment(t, c.applicant, 'Cơ sở cơ khí Tân Lịch');
    const created = await t.http
      .post(api('/applications'))
      .set(c.applicant.auth)
      .send(sampleFileBody({ establishmentId: establishment.id, year: YEAR, fundCode: c.fundCode, requestedSupport: '100000000' }))
      .expect(201);
    await attachRequiredDocuments(t, c.applicant.auth, created.body.id);
    await t.http.post(api(`/applications/${created.body.id}/submit`)).set(c.applicant.auth).expect(200);
    return created.body.id;
  }

  const addHoliday = (who: TestActor | null, body: object) => {
    const req = t.http.post(api('/calendar/holidays'));
    return (who ? req.set(who.auth) : req).send(body);
  };
  const removeHoliday = (who: TestActor, date: string) => t.http.delete(api(`/calendar/holidays/${date}`)).set(who.auth);
  const holidaysOf = async (year?: number) => (await t.http.get(api(`/calendar/holidays${year ? `?year=${year}` : ''}`)).set(c.applicant.auth).expect(200)).body;

  describe('the calendar', () => {
    it("is seeded with Vietnam's days off of 2026 and 2027, weekdays only, and shown to anyone signed in", async () => {
      const days2026: Array<{ date: string; name: string }> = await holidaysOf(2026);
      expect(days2026.map((d) => d.date)).toEqual(
        expect.arrayContaining(['2026-01-01', '2026-02-16', '2026-02-17', '2026-02-20', '2026-04-27', '2026-04-30', '2026-05-01', '2026-09-01', '2026-09-02']),
      );
      expect(days2026.find((d) => d.date === '2026-02-17')?.name).toMatch(/Tết Âm lịch/);
      expect(days2026.map((d) => d.date)).toEqual([...days2026.map((d) => d.date)].sort());
      const days2027: Array<{ date: string }> = await holidaysOf(2027);
      expect(days2027.map((d) => d.date)).toEqual(expect.arrayContaining(['2027-01-01', '2027-04-16', '2027-04-30', '2027-05-03', '2027-09-02']));
      for (const { date } of [...days2026, ...days2027]) expect([0, 6]).not.toContain(new Date(`${date}T00:00:00Z`).getUTCDay());
      expect((await t.http.get(api('/calendar/holidays?year=2026'))).status).toBe(401);
    });

    it('takes a day from an administrator only, refuses a bad or weekend date naming `date`, and a day twice', async () => {
      expect((await addHoliday(c.head, { date: `${YEAR}-06-02`, name: 'Thử' })).status).toBe(403);
      expect((await addHoliday(null, { date: `${YEAR}-06-02`, name: 'Thử' })).status).toBe(401);
      for (const date of [`${YEAR}-02-30`, '16/03/2076', '', `${YEAR}-03-14` /* a Saturday */, '1999-12-31']) {
        const res = await addHoliday(admin, { date, name: 'Ngày lễ thử' });
        expect({ date, status: res.status, code: res.body.code }).toEqual({ date, status: 400, code: 'VALIDATION_FAILED' });
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['date']);
        expect(res.body.errors[0].message).toMatch(/[à-ỹ]/); // Vietnamese
      }
      const nameless = await addHoliday(admin, { date: `${YEAR}-06-02`, name: '   ' });
      expect({ status: nameless.status, fields: nameless.body.errors?.map((e: { field: string }) => e.field) }).toEqual({ status: 400, fields: ['name'] });

      const added = await addHoliday(admin, { date: `${YEAR}-06-02`, name: '  Ngày lễ thử  ' });
      expect(added.status).toBe(201);
      expect(added.body).toEqual({ date: `${YEAR}-06-02`, name: 'Ngày lễ thử' });
      const again = await addHoliday(admin, { date: `${YEAR}-06-02`, name: 'Lần nữa' });
      expect({ status: again.status, code: again.body.code, field: again.body.errors?.[0]?.field }).toEqual({ status: 409, code: 'DUPLICATE', field: 'date' });
      expect(again.body.detail).toContain('02/06/2076');
      expect(await holidaysOf(YEAR)).toEqual(expect.arrayContaining([{ date: `${YEAR}-06-02`, name: 'Ngày lễ thử' }]));
      // Without a year, the current year (the clock's).
      expect(await holidaysOf()).toEqual(expect.arrayContaining([{ date: `${YEAR}-06-02`, name: 'Ngày lễ thử' }]));
      expect((await t.http.get(api('/calendar/holidays?year=hai')).set(c.applicant.auth)).body.errors?.[0]?.field).toBe('year');
    });

    it('gives a day back by DELETE with the date in the path (administrators), 404 when absent, 400 naming `date` when no date; every change audited', async () => {
      const date = `${YEAR}-06-03`;
      await addHoliday(admin, { date, name: 'Ngày lễ sẽ bỏ' }).expect(201);
      expect((await removeHoliday(c.leader, date)).status).toBe(403);
      expect((await removeHoliday(admin, date)).status).toBe(204);
      expect((await holidaysOf(YEAR)).map((d: { date: string }) => d.date)).not.toContain(date);
      const absent = await removeHoliday(admin, date);
      expect({ status: absent.status, code: absent.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
      const malformed = await removeHoliday(admin, '2076-13-01');
      expect({ status: malformed.status, field: malformed.body.errors?.[0]?.field }).toEqual({ status: 400, field: 'date' });

      const audit = await t.http.get(api(`/audit?entity=holiday&entityId=${date}`)).set(admin.auth).expect(200);
      expect(audit.body.items.map((e: { action: string; actorId: string }) => [e.action, e.actorId])).toEqual([
        ['holiday.create', admin.id],
        ['holiday.delete', admin.id],
      ]);
      expect(audit.body.items[1].before).toEqual({ date, name: 'Ngày lễ sẽ bỏ' });
    });
  });

  describe('due dates counted in working days', () => {
    let fileId: string;

    beforeAll(async () => {
      t.clock.set(`${FRIDAY}T02:00:00Z`);
      await addHoliday(admin, { date: MONDAY, name: 'Ngày nghỉ thử của lịch' }).expect(201);
      fileId = await submittedFile();
    });

    it('an assignment given workingDays: 3 on a Friday is due on Thursday (weekend and Monday holiday skipped)', async () => {
      const res = await t.http
        .post(api(`/applications/${fileId}/assign`))
        .set(c.head.auth)
        .send({ officerId: c.officer.id, leadUnitId: c.centre.id, workingDays: 3 })
        .expect(200);
      expect(res.body.dueDate).toBe(THREE_WITH_HOLIDAY);
    });

    it('so is a consultation', async () => {
      const res = await t.http
        .post(api(`/applications/${fileId}/consultations`))
        .set(c.officer.auth)
        .send({ unitId: consulted.id, question: 'Đề nghị cho ý kiến về công suất máy sấy', workingDays: 3 })
        .expect(201);
      expect(res.body.dueDate).toBe(THREE_WITH_HOLIDAY);
      const timeline = (await t.http.get(api(`/applications/${fileId}`)).set(c.officer.auth).expect(200)).body.timeline;
      expect(JSON.stringify(timeline)).toContain('hạn 19/03/2076');
    });

    it('refuses both a date and workingDays, or neither, naming the field; workingDays is a whole number from 1 to 90', async () => {
      const body = { unitId: consulted.id, question: 'Hỏi lại' };
      const cases: Array<[object, string]> = [
        [{ ...body, dueDate: `${YEAR}-03-30`, workingDays: 3 }, 'workingDays'],
        [body, 'dueDate'],
        [{ ...body, workingDays: 0 }, 'workingDays'],
        [{ ...body, workingDays: 91 }, 'workingDays'],
        [{ ...body, workingDays: 2.5 }, 'workingDays'],
        [{ ...body, workingDays: '3' }, 'workingDays'],
      ];
      for (const [sent, field] of cases) {
        const res = await t.http.post(api(`/applications/${fileId}/consultations`)).set(c.officer.auth).send(sent);
        expect({ sent, status: res.status, fields: res.body.errors?.map((e: { field: string }) => e.field) }).toEqual({ sent, status: 400, fields: [field] });
      }
      const both = await t.http.post(api(`/applications/${fileId}/consultations`)).set(c.officer.auth).send(cases[0][0]);
      expect(both.body.errors[0].message).toBe('gửi workingDays hoặc dueDate, không gửi cả hai');
      // A date alone works as before.
      const dated = await t.http.post(api(`/applications/${fileId}/consultations`)).set(c.officer.auth).send({ ...body, dueDate: `${YEAR}-03-30` }).expect(201);
      expect(dated.body.dueDate).toBe(`${YEAR}-03-30`);
    });

    it('so is a return for supplement', async () => {
      const res = await t.http.post(api(`/applications/${fileId}/return`)).set(c.officer.auth).send({ reason: 'Bổ sung báo giá', workingDays: 3 }).expect(200);
      expect(res.body.supplementDueDate).toBe(THREE_WITH_HOLIDAY);
    });

    it('a holiday taken off the calendar counts as a working day from the next request on', async () => {
      const before = await submittedFile();
      const returned = await t.http.post(api(`/applications/${before}/return`)).set(c.head.auth).send({ reason: 'Thiếu giấy phép', workingDays: 3 }).expect(200);
      expect(returned.body.supplementDueDate).toBe(THREE_WITH_HOLIDAY);
      await removeHoliday(admin, MONDAY).expect(204);
      try {
        const after = await submittedFile();
        const res = await t.http.post(api(`/applications/${after}/assign`)).set(c.head.auth).send({ officerId: c.officer.id, leadUnitId: c.centre.id, workingDays: 3 }).expect(200);
        expect(res.body.dueDate).toBe(THREE_WITHOUT_HOLIDAY);
      } finally {
        await addHoliday(admin, { date: MONDAY, name: 'Ngày nghỉ thử của lịch' }).expect(201);
      }
    });
  });

  describe('pages', () => {
    it('the file page proposes due dates in working days from today, with the hint', async () => {
      t.clock.set(`${FRIDAY}T02:00:00Z`);
      const officer = await webUser(t, ['officer'], c.centre.id);
      const id = await submittedFile();
      await t.http.post(api(`/applications/${id}/assign`)).set(c.head.auth).send({ officerId: officer.id, leadUnitId: c.centre.id, dueDate: `${YEAR}-04-30` }).expect(200);
      const browser = new PageClient(t);
      await browser.login(officer.email);
      const page = (await browser.get(`/ho-so/${id}`)).text;
      const dueOf = (form: string) => new RegExp(`<form method="post" action="/ho-so/${id}/${form}"[\\s\\S]*?name="dueDate" value="([^"]*)"`).exec(page)?.[1];
      // 5 working days after Friday 13/3 with Monday 16/3 off: 17, 18, 19, 20, 23; 10 of them: … 30/3.
      expect(dueOf('xin-y-kien')).toBe(`${YEAR}-03-23`);
      expect(dueOf('tra-lai')).toBe(`${YEAR}-03-30`);
      expect(page).toContain('Đề xuất 5 ngày làm việc kể từ hôm nay (tính theo ngày làm việc, không kể thứ Bảy, Chủ nhật và ngày lễ).');
      expect(page).toContain('Đề xuất 10 ngày làm việc kể từ hôm nay');

      const head = await webUser(t, ['head'], c.centre.id);
      const intake = await submittedFile();
      const asHead = new PageClient(t);
      await asHead.login(head.email);
      const intakePage = (await asHead.get(`/ho-so/${intake}`)).text;
      // 15 working days: 17–20, 23–27, 30/3–3/4, 6/4 (Monday 16 off).
      expect(new RegExp(`action="/ho-so/${intake}/giao"[\\s\\S]*?name="dueDate" value="([^"]*)"`).exec(intakePage)?.[1]).toBe(`${YEAR}-04-06`);
    });

    it('the administrator lists a year, adds and removes a day on the holiday calendar page, linked from the admin tabs', async () => {
      const adminUser = await webUser(t, ['admin']);
      const browser = new PageClient(t);
      await browser.login(adminUser.email);
      expect((await browser.get('/quan-tri/don-vi')).text).toContain('href="/quan-tri/ngay-le"');
      const list = await browser.get('/quan-tri/ngay-le?nam=2026');
      expect(list.status).toBe(200);
      expect(list.text).toContain('Tết Âm lịch Bính Ngọ (mùng 1 tháng Giêng)');
      expect(list.text).toContain('17/02/2026');

      const refused = await browser.post('/quan-tri/ngay-le', { date: `${YEAR}-03-21`, name: 'Thứ Bảy' }, { from: `/quan-tri/ngay-le?nam=${YEAR}` });
      expect(refused.status).toBe(400);
      expect(refused.text).toContain('thứ Bảy hoặc Chủ nhật');

      const added = await browser.post('/quan-tri/ngay-le', { date: `${YEAR}-07-01`, name: 'Ngày lễ thêm trên trang' }, { from: `/quan-tri/ngay-le?nam=${YEAR}` });
      expect(added.status).toBe(303);
      expect(added.headers.location).toBe(`/quan-tri/ngay-le?nam=${YEAR}`);
      const shown = (await browser.get(`/quan-tri/ngay-le?nam=${YEAR}`)).text;
      expect(shown).toContain('Ngày lễ thêm trên trang');
      expect(shown).toContain('Thứ Tư');

      const removed = await browser.post(`/quan-tri/ngay-le/${YEAR}-07-01/xoa`, {}, { csrf: csrfOf(shown) });
      expect(removed.status).toBe(303);
      expect((await browser.get(`/quan-tri/ngay-le?nam=${YEAR}`)).text).not.toContain('Ngày lễ thêm trên trang');

      const officer = await webUser(t, ['officer'], c.centre.id);
      const asOfficer = new PageClient(t);
      await asOfficer.login(officer.email);
      expect((await asOfficer.get('/quan-tri/ngay-le')).status).toBe(403);
    });
  });
});
