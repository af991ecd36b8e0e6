import { DataSource } from 'typeorm';
import { NotificationWorker } from '../src/modules/notifications/notification-worker.service';
import { createActor, createUnit } from './support/actors';
import { attachRequiredDocuments, registerEstablishment, sampleFileBody } from './support/files';
import { Mailbox } from './support/mailbox';
import { startTestApp, TestApp } from './support/test-app';
import { appraise, cast, Cast } from './support/workflow';

/**
 * Notifications: a step's events are written in its own transaction (a refused step writes
 * none); the worker makes one notification per recipient and an e-mail per recipient who wants
 * one, through a real SMTP server in this process, once; people read their own notifications.
 * The run's database is shared: the outbox other files left is set aside first, so this file's
 * worker runs deliver only what its own steps caused.
 */
describe('notifications', () => {
  const YEAR = 2079;
  const PUBLIC_URL = 'https://kcfund.test';
  const api = (path: string) => `/api/v1${path}`;
  let t: TestApp;
  let c: Cast;
  let db: DataSource;
  let worker: NotificationWorker;
  const mailbox = new Mailbox();

  beforeAll(async () => {
    await mailbox.start();
    t = await startTestApp({ SMTP_URL: mailbox.url, PUBLIC_URL, MAIL_FROM: 'KCFund <kcfund@so-congthuong.test>' });
    t.clock.set(`${YEAR}-03-02T02:00:00Z`);
    db = t.app.get(DataSource);
    worker = t.app.get(NotificationWorker);
    c = await cast(t, YEAR);
    await db.query('UPDATE notification_outbox SET processed_at = NOW(3) WHERE processed_at IS NULL');
    await db.query("UPDATE notification_deliveries SET status = 'failed' WHERE status <> 'sent'");
  });
  afterAll(async () => {
    await t.close();
    await mailbox.stop();
  });

  async function submittedFile(): Promise<string> {
    const establishment = await registerEstablishment(t, c.applicant, 'Cơ sở dệt Phú Hòa');
    const created = await t.http
      .post(api('/applications'))
      .set(c.applicant.auth)
      .send(sampleFileBody({ establishmentId: establishment.id, year: YEAR, fundCode: c.fundCode, requestedSupport: '200000000' }))
      .expect(201);
    await attachRequiredDocuments(t, c.applicant.auth, created.body.id);
    await t.http.post(api(`/applications/${created.body.id}/submit`)).set(c.applicant.auth).expect(200);
    return created.body.id as string;
  }

  const outboxOf = (id: string): Promise<Array<{ kind: string }>> => db.query('SELECT kind FROM notification_outbox WHERE application_id = ? ORDER BY id', [id]);
  const mine = async (actor: { auth: { Authorization: string } }, query = '') => (await t.http.get(api(`/notifications${query}`)).set(actor.auth).expect(200)).body;

  it('writes a step’s event in the step’s transaction, and none for a step refused', async () => {
    const id = await submittedFile();
    expect((await outboxOf(id)).map((e) => e.kind)).toEqual(['file.submit']);
    // An assignment refused (a due date in the past) changes nothing, the outbox included.
    await t.http.post(api(`/applications/${id}/assign`)).set(c.head.auth).send({ officerId: c.officer.id, leadUnitId: c.centre.id, dueDate: `${YEAR - 1}-12-31` }).expect(400);
    expect((await outboxOf(id)).map((e) => e.kind)).toEqual(['file.submit']);
    await t.http.post(api(`/applications/${id}/assign`)).set(c.head.auth).send({ officerId: c.officer.id, leadUnitId: c.centre.id, dueDate: `${YEAR}-04-30` }).expect(200);
    expect((await outboxOf(id)).map((e) => e.kind)).toEqual(['file.submit', 'file.assign']);
  });

  it('tells each person what concerns them, in Vietnamese, in the app and by e-mail, once; nothing they may not see', async () => {
    const stranger = await createActor(t, ['applicant']);
    const id = await submittedFile();
    await t.http.post(api(`/applications/${id}/assign`)).set(c.head.auth).send({ officerId: c.officer.id, leadUnitId: c.centre.id, dueDate: `${YEAR}-04-30` }).expect(200);
    await t.http.post(api(`/applications/${id}/return`)).set(c.officer.auth).send({ reason: 'Thiếu báo giá thiết bị', dueDate: `${YEAR}-03-20` }).expect(200);
    const run = await worker.runOnce();
    expect(run.failed).toBe(0);

    const producer = (await mine(c.applicant)).items.filter((n: { applicationId: string }) => n.applicationId === id);
    expect(producer.map((n: { kind: string }) => n.kind)).toEqual(['file.return', 'file.assign']);
    expect(producer[0]).toMatchObject({ title: expect.stringContaining('Hồ sơ cần bổ sung'), dueDate: `${YEAR}-03-20`, link: `/ho-so/${id}`, readAt: null });
    expect(producer[0].body).toContain('Thiếu báo giá thiết bị');
    expect(producer[0].body).toContain(`20/03/${YEAR}`);
    const officer = (await mine(c.officer)).items.filter((n: { applicationId: string }) => n.applicationId === id);
    expect(officer.map((n: { kind: string }) => n.kind)).toEqual(['file.assign']);
    expect(officer[0].title).toContain('Bạn được giao xử lý hồ sơ');
    const head = (await mine(c.head)).items.filter((n: { applicationId: string }) => n.applicationId === id);
    expect(head.map((n: { kind: string }) => n.kind)).toEqual(['file.submit']);
    expect((await mine(stranger)).total).toBe(0);

    // Every person told of the file may open it.
    for (const who of [c.applicant, c.officer, c.head]) await t.http.get(api(`/applications/${id}`)).set(who.auth).expect(200);
    await t.http.get(api(`/applications/${id}`)).set(stranger.auth).expect(404);

    const mails = mailbox.to(c.applicant.email).filter((m) => m.text.includes(id));
    expect(mails).toHaveLength(2);
    const supplement = mails.find((m) => m.subject.startsWith('[KCFund] Hồ sơ cần bổ sung:'))!;
    expect(supplement.text).toContain(`Kính gửi ${c.applicant.fullName},`);
    expect(supplement.text).toContain('Thiếu báo giá thiết bị');
    expect(supplement.text).toContain(`Xem chi tiết: ${PUBLIC_URL}/ho-so/${id}`);
    expect(supplement.messageId).toMatch(/@kcfund>$/);
    // A producer's e-mail carries no internal note: the officer's assignment words are not in it.
    expect(mails.every((m) => !m.text.includes('chuyên viên chịu trách nhiệm'))).toBe(true);

    // A second run sends nothing again.
    const before = mailbox.received.length;
    expect(await worker.runOnce()).toMatchObject({ events: 0, sent: 0 });
    expect(mailbox.received.length).toBe(before);
  });

  it('retries an e-mail the server refused, after a backoff, and sends it once', async () => {
    const id = await submittedFile();
    // Every head of a centre hears of a new file (the run's other centres too): the first is refused.
    const heads: Array<{ n: number }> = await db.query("SELECT COUNT(*) AS n FROM notification_deliveries WHERE status = 'pending'");
    expect(Number(heads[0].n)).toBe(0);
    mailbox.refuseNext(1);
    const first = await worker.runOnce();
    expect(first.failed).toBe(1);
    const [row] = await db.query("SELECT status, attempts, last_error, to_address FROM notification_deliveries WHERE status <> 'sent' AND body LIKE ?", [`%${id}%`]);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(await worker.runOnce()).toMatchObject({ sent: 0, failed: 0 });
    t.clock.advanceDays(1);
    expect(row.last_error).toContain('Hộp thư tạm thời không nhận thư');
    expect((await worker.runOnce()).sent).toBe(1);
    expect(mailbox.to(row.to_address).filter((m) => m.text.includes(id))).toHaveLength(1);
    expect(mailbox.received.filter((m) => m.text.includes(id)).length).toBe(first.sent + 1);
  });

  it('reads, marks read and keeps each person to their own notifications', async () => {
    const unread = await mine(c.applicant, '?unread=true');
    expect(unread.total).toBeGreaterThan(0);
    const first = unread.items[0];
    await t.http.post(api(`/notifications/${first.id}/read`)).set(c.officer.auth).expect(404);
    const read = await t.http.post(api(`/notifications/${first.id}/read`)).set(c.applicant.auth).expect(200);
    expect(read.body.readAt).not.toBeNull();
    expect((await mine(c.applicant, '?unread=true')).total).toBe(unread.total - 1);
    await t.http.post(api('/notifications/read-all')).set(c.applicant.auth).expect(204);
    expect((await mine(c.applicant, '?unread=true')).total).toBe(0);
    const bad = await t.http.get(api('/notifications?unread=maybe')).set(c.applicant.auth).expect(400);
    expect(bad.body.errors?.map((e: { field: string }) => e.field) ?? [bad.body.detail]).toEqual(expect.arrayContaining([expect.stringContaining('unread')]));
  });

  it('follows each person’s settings: no e-mail when turned off, one digest a day when chosen', async () => {
    expect((await t.http.get(api('/me/notification-settings')).set(c.officer.auth).expect(200)).body).toEqual({ email: true, digest: 'off', emailAvailable: true });
    const bad = await t.http.put(api('/me/notification-settings')).set(c.officer.auth).send({ email: 'yes', digest: 'weekly' }).expect(400);
    expect(JSON.stringify(bad.body)).toContain('digest');
    await t.http.put(api('/me/notification-settings')).set(c.officer.auth).send({ email: false, digest: 'off' }).expect(200);
    await t.http.put(api('/me/notification-settings')).set(c.head.auth).send({ email: true, digest: 'daily' }).expect(200);

    const a = await submittedFile();
    const b = await submittedFile();
    for (const id of [a, b]) await t.http.post(api(`/applications/${id}/assign`)).set(c.head.auth).send({ officerId: c.officer.id, leadUnitId: c.centre.id, dueDate: `${YEAR}-05-29` }).expect(200);
    const before = { officer: mailbox.to(c.officer.email).length, head: mailbox.to(c.head.email).length };
    await worker.runOnce();
    // The officer is told in the app only; the head's news waits for the digest.
    expect((await mine(c.officer)).items.filter((n: { applicationId: string }) => n.applicationId === a || n.applicationId === b)).toHaveLength(2);
    expect(mailbox.to(c.officer.email).length).toBe(before.officer);
    expect(mailbox.to(c.head.email).length).toBe(before.head);

    expect(await worker.queueDigests()).toBeGreaterThanOrEqual(1);
    expect(await worker.queueDigests()).toBe(0);
    await worker.runOnce();
    const digests = mailbox.to(c.head.email).slice(before.head);
    expect(digests).toHaveLength(1);
    expect(digests[0].subject).toMatch(/^\[KCFund\] Tóm tắt thông báo ngày \d{2}\/\d{2}\/\d{4} \(\d+\)$/);
    expect(digests[0].text).toContain(`${PUBLIC_URL}/ho-so/${a}`);
    expect(digests[0].text).toContain(`${PUBLIC_URL}/ho-so/${b}`);
  });

  it('tells the producer of the decision and the payment, and the leaders of a file awaiting decision', async () => {
    const id = await submittedFile();
    await t.http.post(api(`/applications/${id}/assign`)).set(c.head.auth).send({ officerId: c.officer.id, leadUnitId: c.centre.id, dueDate: `${YEAR}-04-30` }).expect(200);
    await appraise(t, c.officer, id);
    await t.http.post(api(`/applications/${id}/recommend`)).set(c.officer.auth).send({ approvedSupport: '150000000', allocationUnitId: c.centre.id, note: 'Đủ điều kiện' }).expect(200);
    await t.http.post(api(`/applications/${id}/initial`)).set(c.head.auth).send({}).expect(200);
    await worker.runOnce();
    expect((await mine(c.leader)).items.find((n: { applicationId: string }) => n.applicationId === id)).toMatchObject({ kind: 'file.initial' });
    await t.http.post(api(`/applications/${id}/decide`)).set(c.leader.auth).send({ decision: 'approve', decisionNo: `${id.slice(-5)}/QĐ-SCT`, reason: 'Đồng ý' }).expect(200);
    await worker.runOnce();
    const decision = (await mine(c.applicant)).items.find((n: { kind: string; applicationId: string }) => n.applicationId === id && n.kind === 'file.decision');
    expect(decision.title).toContain('Hồ sơ được phê duyệt');
    expect(decision.body).toContain('150.000.000');
  });

  it('carries a consultation both ways: the request to the unit, its extension to the officer, the decision back, a disagreement to the leaders', async () => {
    const unit = await createUnit(t, 'division');
    const consultedHead = await createActor(t, ['head'], unit.id);
    const id = await submittedFile();
    await t.http.post(api(`/applications/${id}/assign`)).set(c.head.auth).send({ officerId: c.officer.id, leadUnitId: c.centre.id, dueDate: `${YEAR}-04-30` }).expect(200);
    await appraise(t, c.officer, id);
    const consultation = await t.http.post(api(`/applications/${id}/consultations`)).set(c.officer.auth).send({ unitId: unit.id, question: 'Ý kiến về dự toán?', dueDate: `${YEAR}-03-20` }).expect(201);
    await t.http.post(api(`/consultations/${consultation.body.id}/extension`)).set(consultedHead.auth).send({ newDueDate: `${YEAR}-03-27`, reason: 'Cần khảo sát thực tế' }).expect(200);
    await worker.runOnce();
    const kinds = async (who: { auth: { Authorization: string } }) =>
      (await mine(who)).items.filter((n: { applicationId: string }) => n.applicationId === id).map((n: { kind: string }) => n.kind);
    expect(await kinds(consultedHead)).toEqual(['consultation.request']);
    expect(await kinds(c.officer)).toEqual(['consultation.extension', 'file.assign']);
    await t.http.post(api(`/consultations/${consultation.body.id}/extension/approve`)).set(c.officer.auth).send({}).expect(200);
    await t.http.post(api(`/consultations/${consultation.body.id}/answer`)).set(consultedHead.auth).send({ opinion: 'disagree', comment: 'Dự toán cao' }).expect(200);
    await worker.runOnce();
    expect(await kinds(consultedHead)).toEqual(['consultation.extension', 'consultation.request']);
    expect((await mine(consultedHead)).items.find((n: { kind: string; applicationId: string }) => n.applicationId === id && n.kind === 'consultation.extension').body).toContain(`27/03/${YEAR}`);
    expect(await kinds(c.officer)).toEqual(['consultation.answer', 'consultation.extension', 'file.assign']);
    expect(await kinds(c.leader)).toEqual(['consultation.disagree']);
    // The producer hears of none of it.
    expect(await kinds(c.applicant)).toEqual(['file.assign']);
  });
});
