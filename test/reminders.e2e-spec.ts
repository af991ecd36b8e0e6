import { DataSource } from 'typeorm';
import { RemindersService } from '../src/modules/deadlines/reminders.service';
import { NotificationWorker } from '../src/modules/notifications/notification-worker.service';
import { createActor, createUnit, TestActor } from './support/actors';
import { attachRequiredDocuments, registerEstablishment, sampleFileBody } from './support/files';
import { startTestApp, TestApp } from './support/test-app';
import { appraise, approvedFile, cast, Cast } from './support/workflow';

/**
 * Reminders of due dates, counted in working days with the holiday calendar: due soon (2
 * working days before, by default), due today and overdue, once each, to the person who must act
 * and to the heads of the unit; supplements and settlements to the producer, consultations to
 * the consulted unit. The run's database is shared: events about other files are set aside
 * before the worker runs, so each step looks only at this file's own.
 */
describe('reminders', () => {
  const api = (path: string) => `/api/v1${path}`;
  let t: TestApp;
  let c: Cast;
  let db: DataSource;
  let reminders: RemindersService;
  let worker: NotificationWorker;
  let admin: TestActor;
  let consultedHead: TestActor;
  let consultedUnit: string;
  const files: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    reminders = t.app.get(RemindersService);
    worker = t.app.get(NotificationWorker);
    t.clock.set('2080-02-20T02:00:00Z');
    c = await cast(t, 2080);
    admin = await createActor(t, ['admin']);
    consultedUnit = (await createUnit(t, 'division')).id;
    consultedHead = await createActor(t, ['head'], consultedUnit);

    // A file accepted on 26/02, its settlement due fifteen days later (12/03).
    files.settlement = await approvedFile(t, c, { approvedSupport: '100000000' });
    await t.http.post(api(`/applications/${files.settlement}/contract`)).set(c.officer.auth).send({ contractNo: `HĐ-NH-${files.settlement.slice(-6)}`, signedDate: '2080-02-20' }).expect(200);
    t.clock.set('2080-02-26T02:00:00Z');
    await t.http.post(api(`/applications/${files.settlement}/acceptance`)).set(c.officer.auth).send({ result: 'passed', date: '2080-02-26', minutesNo: `BB-NH-${files.settlement.slice(-4)}`, note: 'Đạt' }).expect(200);

    // Under review, due Monday 11/03; consulted, the answer due Wednesday 13/03.
    files.review = await submitted();
    await t.http.post(api(`/applications/${files.review}/assign`)).set(c.head.auth).send({ officerId: c.officer.id, leadUnitId: c.centre.id, dueDate: '2080-03-11' }).expect(200);
    await appraise(t, c.officer, files.review);
    await t.http.post(api(`/applications/${files.review}/consultations`)).set(c.officer.auth).send({ unitId: consultedUnit, question: 'Ý kiến về dự toán thiết bị?', dueDate: '2080-03-13' }).expect(201);

    // Returned to the producer, the supplement due Wednesday 13/03.
    files.supplement = await submitted();
    await t.http.post(api(`/applications/${files.supplement}/assign`)).set(c.head.auth).send({ officerId: c.officer.id, leadUnitId: c.centre.id, dueDate: '2080-04-30' }).expect(200);
    await t.http.post(api(`/applications/${files.supplement}/return`)).set(c.officer.auth).send({ reason: 'Thiếu giấy phép kinh doanh', dueDate: '2080-03-13' }).expect(200);
    await db.query('UPDATE notification_outbox SET processed_at = NOW(3) WHERE processed_at IS NULL');
  });
  afterAll(() => t.close());

  async function submitted(): Promise<string> {
    const establishment = await registerEstablishment(t, c.applicant, 'Cơ sở mộc Tân Phú');
    const created = await t.http.post(api('/applications')).set(c.applicant.auth).send(sampleFileBody({ establishmentId: establishment.id, year: 2080, fundCode: c.fundCode, requestedSupport: '150000000' })).expect(201);
    await attachRequiredDocuments(t, c.applicant.auth, created.body.id);
    await t.http.post(api(`/applications/${created.body.id}/submit`)).set(c.applicant.auth).expect(200);
    return created.body.id as string;
  }

  /** Runs the reminders on `day` and delivers this file's own; returns what each person was told, as `kind file`. */
  async function remindOn(day: string): Promise<{ added: number; told: Record<string, string[]> }> {
    t.clock.set(`${day}T01:00:00Z`);
    const run = await reminders.run();
    if (!run.ran) throw new Error('the reminder lock was taken');
    const mine = Object.values(files);
    await db.query(`UPDATE notification_outbox SET processed_at = NOW(3) WHERE processed_at IS NULL AND (application_id IS NULL OR application_id NOT IN (${mine.map(() => '?').join(',')}))`, mine);
    const added: Array<{ n: number }> = await db.query(`SELECT COUNT(*) AS n FROM notification_outbox WHERE processed_at IS NULL`);
    await worker.runOnce();
    const told: Record<string, string[]> = {};
    const names = Object.fromEntries(Object.entries(files).map(([k, v]) => [v, k]));
    for (const [who, actor] of Object.entries({ officer: c.officer, head: c.head, producer: c.applicant, consulted: consultedHead })) {
      const rows: Array<{ kind: string; application_id: string }> = await db.query(
        "SELECT kind, application_id FROM notifications WHERE user_id = ? AND kind LIKE 'reminder.%' AND created_at >= ? ORDER BY kind, application_id",
        [actor.id, new Date(`${day}T00:00:00Z`)],
      );
      told[who] = rows.map((r) => `${r.kind.replace('reminder.', '')} ${names[r.application_id] ?? 'other'}`).sort();
    }
    return { added: Number(added[0].n), told };
  }

  it('reminds nobody three working days before a due date', async () => {
    const { told } = await remindOn('2080-03-06');
    expect(told).toEqual({ officer: [], head: [], producer: [], consulted: [] });
  });

  it('counts a holiday the administrator adds: two working days before, the officer hears the file is due soon, once', async () => {
    await t.http.post(api('/calendar/holidays')).set(admin.auth).send({ date: '2080-03-08', name: 'Ngày nghỉ bù' }).expect(201);
    t.clock.set('2080-03-06T01:00:00Z');
    const first = await remindOn('2080-03-06');
    expect(first.told.officer).toEqual(['due_soon review']);
    expect(first.told.head).toEqual([]);
    const again = await remindOn('2080-03-06');
    expect(again.added).toBe(0);
  });

  it('on the day, tells the officer and the unit’s heads; the consulted unit and the producer hear their own dates are near', async () => {
    const { told } = await remindOn('2080-03-11');
    expect(told.officer).toEqual(['due_today review']);
    expect(told.head).toEqual(['due_today review']);
    expect(told.consulted).toEqual(['due_soon review']);
    // The settlement (12/03) is one working day away, the supplement (13/03) two: both due soon.
    expect(told.producer).toEqual(['due_soon settlement', 'due_soon supplement']);
  });

  it('the next day: the review is overdue, the settlement due today', async () => {
    const { told } = await remindOn('2080-03-12');
    expect(told.officer).toEqual(['overdue review']);
    expect(told.head).toEqual(['overdue review']);
    expect(told.producer).toEqual(['due_today settlement']);
  });

  it('after the dates: the producer’s overdue supplement reaches the officer; the consulted unit hears nothing (its silence counted as consent)', async () => {
    const { told } = await remindOn('2080-03-14');
    expect(told.producer).toEqual(['overdue settlement', 'overdue supplement']);
    expect(told.officer).toEqual(['overdue settlement', 'overdue supplement']);
    expect(told.consulted).toEqual([]);
    const [text] = await db.query("SELECT title, body, link FROM notifications WHERE user_id = ? AND kind = 'reminder.overdue' AND application_id = ?", [c.applicant.id, files.supplement]);
    expect(text.title).toMatch(/^Quá hạn bổ sung hồ sơ \(13\/03\/2080\): /);
    expect(text.body).toContain('13/03/2080');
    expect(text.link).toBe(`/ho-so/${files.supplement}`);
  });
});
