import { createActor, createUnit } from './support/actors';
import { postMoney } from './support/budget';
import { attachRequiredDocuments, registerEstablishment, sampleFileBody } from './support/files';
import { startTestApp, TestApp } from './support/test-app';
import { appraise, approvedFile, cast, Cast } from './support/workflow';

/**
 * The guards the working regulation expects on a file's way: appraisal before recommendation (or
 * a stated reason), the file sent back to its officer by the head or the leader, the documents an
 * activity type requires before submission, voucher numbers on settlement lines, and no date in
 * the future for what has already happened.
 */
describe('process guards', () => {
  let t: TestApp;
  let c: Cast;
  const YEAR = 2058; // a year of its own: the register test needs 2052 to itself
  const TODAY = `${YEAR}-06-15`;
  const TOMORROW = `${YEAR}-06-16`;
  const api = (path: string) => `/api/v1${path}`;
  let seq = 0;
  const ref = (label: string) => `KB-PG-${label}-${Date.now().toString(36)}${(seq++).toString(36)}`.toUpperCase();

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(`${TODAY}T02:00:00Z`);
    c = await cast(t, YEAR);
  });
  afterAll(() => t.close());

  const read = async (id: string) => (await t.http.get(api(`/applications/${id}`)).set(c.officer.auth).expect(200)).body;

  /** A file of the cast submitted and assigned to the cast's officer: under review, not appraised. */
  async function fileInReview(activityTypeCode = 'machinery'): Promise<string> {
    const establishment = await registerEstablishment(t, c.applicant, 'Hợp tác xã cơ khí Phú Thành');
    const created = await t.http
      .post(api('/applications'))
      .set(c.applicant.auth)
      .send(sampleFileBody({ establishmentId: establishment.id, year: YEAR, fundCode: c.fundCode, requestedSupport: '300000000', activityTypeCode }))
      .expect(201);
    const id: string = created.body.id;
    await attachRequiredDocuments(t, c.applicant.auth, id);
    await t.http.post(api(`/applications/${id}/submit`)).set(c.applicant.auth).expect(200);
    await t.http.post(api(`/applications/${id}/assign`)).set(c.head.auth).send({ officerId: c.officer.id, leadUnitId: c.centre.id, dueDate: `${YEAR}-12-31` }).expect(200);
    return id;
  }
  const recommend = (id: string, extra: object = {}) =>
    t.http.post(api(`/applications/${id}/recommend`)).set(c.officer.auth).send({ approvedSupport: '300000000', allocationUnitId: c.centre.id, note: 'Đủ điều kiện', ...extra });
  const sendBack = (id: string, who: { auth: { Authorization: string } }, body: object = { reason: 'Đề nghị làm rõ báo giá thiết bị' }) =>
    t.http.post(api(`/applications/${id}/send-back`)).set(who.auth).send(body);

  describe('appraisal before recommendation', () => {
    it('refuses a recommendation on a file nobody appraised (409 INVALID_STATE), and changes nothing', async () => {
      const id = await fileInReview();
      const refused = await recommend(id).expect(409);
      expect(refused.body).toMatchObject({ code: 'INVALID_STATE' });
      expect(refused.body.detail).toContain('chưa có thẩm định');
      expect(await read(id)).toMatchObject({ status: 'under_review', approvedSupport: null });
      // An empty reason is no reason.
      await recommend(id, { skipAppraisalReason: '   ' }).expect(409);
    });

    it('takes it after an appraisal', async () => {
      const id = await fileInReview();
      await appraise(t, c.officer, id);
      expect((await recommend(id).expect(200)).body.status).toBe('recommended');
    });

    it('takes it without one when the recommender states why, and records the reason on the timeline and in the audit', async () => {
      const id = await fileInReview();
      const reason = 'Đề án nhắc lại mô hình đã thẩm định năm trước, cùng thiết bị và nhà cung cấp';
      const done = await recommend(id, { skipAppraisalReason: reason }).expect(200);
      expect(done.body.status).toBe('recommended');
      expect(done.body.timeline.at(-1)).toMatchObject({ action: 'recommend', actorId: c.officer.id });
      expect(done.body.timeline.at(-1).note).toContain(`Không thẩm định: ${reason}`);
      const audit = await t.http.get(api(`/audit?entity=application&entityId=${id}`)).set(c.auditor.auth).expect(200);
      const entry = audit.body.items.find((e: { action: string }) => e.action === 'application.recommend');
      expect(entry.after).toMatchObject({ skipAppraisalReason: reason });
    });
  });

  describe('back to the officer', () => {
    async function recommendedFile(): Promise<string> {
      const id = await fileInReview();
      await appraise(t, c.officer, id);
      await recommend(id).expect(200);
      return id;
    }

    it('the head sends a recommended file back: under review again, the reason on the timeline, recommended anew', async () => {
      const id = await recommendedFile();
      // Only a head of the lead unit: not the officer, not the leader while the head has it.
      expect((await sendBack(id, c.officer).expect(403)).body.code).toBe('FORBIDDEN');
      expect((await sendBack(id, c.leader).expect(403)).body.code).toBe('NOT_ASSIGNED');
      const otherHead = await createActor(t, ['head'], (await createUnit(t, 'division')).id);
      await sendBack(id, otherHead).expect(404);
      const noReason = await sendBack(id, c.head, {}).expect(400);
      expect(noReason.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);

      const back = await sendBack(id, c.head).expect(200);
      expect(back.body.status).toBe('under_review');
      expect(back.body.timeline.at(-1)).toMatchObject({ action: 'send_back', fromStatus: 'recommended', toStatus: 'under_review', actorId: c.head.id, capacity: 'head', note: 'Đề nghị làm rõ báo giá thiết bị' });
      // The head cannot initial what is no longer recommended; the officer recommends again (the appraisal stands).
      await t.http.post(api(`/applications/${id}/initial`)).set(c.head.auth).send({}).expect(409);
      await recommend(id, { approvedSupport: '250000000' }).expect(200);
      expect((await t.http.post(api(`/applications/${id}/initial`)).set(c.head.auth).send({}).expect(200)).body.status).toBe('initialed');
    });

    it('the leader sends an initialed file back to the officer, through the head again; sending back is refused in other states', async () => {
      const id = await recommendedFile();
      await t.http.post(api(`/applications/${id}/initial`)).set(c.head.auth).send({}).expect(200);
      // The head initialed it: now it is the leader's to send back, not the head's.
      expect((await sendBack(id, c.head).expect(403)).body.code).toBe('NOT_ASSIGNED');
      const back = await sendBack(id, c.leader, { reason: 'Xem lại đơn vị cấp kinh phí' }).expect(200);
      expect(back.body).toMatchObject({ status: 'under_review', officerId: c.officer.id });
      expect(back.body.timeline.at(-1)).toMatchObject({ action: 'send_back', fromStatus: 'initialed', capacity: 'leader', note: 'Xem lại đơn vị cấp kinh phí' });
      // Nothing to decide now; the officer recommends, the head initials, the leader decides.
      await t.http.post(api(`/applications/${id}/decide`)).set(c.leader.auth).send({ decision: 'approve', decisionNo: `${id.slice(-5)}/QĐ-SCT` }).expect(409);
      expect((await sendBack(id, c.head).expect(409)).body.code).toBe('INVALID_STATE');
      await recommend(id).expect(200);
      await t.http.post(api(`/applications/${id}/initial`)).set(c.head.auth).send({}).expect(200);
      expect((await t.http.post(api(`/applications/${id}/decide`)).set(c.leader.auth).send({ decision: 'approve', decisionNo: `${id.slice(-5)}/QĐ-SCT` }).expect(200)).body.status).toBe('approved');
      expect((await sendBack(id, c.leader).expect(409)).body.code).toBe('INVALID_STATE');
    });

    it("a deputy director sends back only files of their field of work (403 OUT_OF_SCOPE)", async () => {
      const id = await recommendedFile();
      await t.http.post(api(`/applications/${id}/initial`)).set(c.head.auth).send({}).expect(200);
      const admin = await createActor(t, ['admin']);
      const deputy = await createActor(t, ['leader']);
      await t.http.patch(api(`/users/${deputy.id}`)).set(admin.auth).send({ leaderScope: { activityTypeCodes: ['demo_model'] } }).expect(200);
      expect((await sendBack(id, deputy).expect(403)).body.code).toBe('OUT_OF_SCOPE');
      expect((await read(id)).status).toBe('initialed');
    });
  });

  describe('documents an activity type requires before submission', () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const upload = (id: string, kind: string) =>
      t.http.post(api(`/applications/${id}/documents`)).set(c.applicant.auth).field('kind', kind).attach('file', pdf, { filename: `${kind}.pdf`, contentType: 'application/pdf' }).expect(201);

    it('refuses a file missing a required kind with 400 naming documents and the kinds in Vietnamese, and takes it once they are attached', async () => {
      const admin = await createActor(t, ['admin']);
      const code = `may_moc_${Date.now().toString(36)}`;
      const published = await t.http
        .post(api('/activity-types'))
        .set(admin.auth)
        .send({ code, name: 'Máy móc (hồ sơ đủ giấy tờ)', supportRate: '0.5', supportCap: '300000000', advanceRate: '0.7', effectiveFrom: TODAY, requiredDocumentKinds: ['business_license', 'quotation'] })
        .expect(201);
      expect(published.body.requiredDocumentKinds).toEqual(['business_license', 'quotation']);
      const listed = await t.http.get(api('/activity-types')).query({ on: TODAY }).set(c.applicant.auth).expect(200);
      expect(listed.body.find((r: { code: string }) => r.code === code).requiredDocumentKinds).toEqual(['business_license', 'quotation']);
      // The seeded national types ask for the project plan, and machinery for a quotation too.
      expect(listed.body.find((r: { code: string }) => r.code === 'machinery').requiredDocumentKinds).toEqual(['project_plan', 'quotation']);

      const establishment = await registerEstablishment(t, c.applicant, 'Cơ sở cơ khí Tân Hòa');
      const created = await t.http
        .post(api('/applications'))
        .set(c.applicant.auth)
        .send(sampleFileBody({ establishmentId: establishment.id, year: YEAR, fundCode: c.fundCode, requestedSupport: '300000000', activityTypeCode: code }))
        .expect(201);
      const id: string = created.body.id;
      const none = await t.http.post(api(`/applications/${id}/submit`)).set(c.applicant.auth).expect(400);
      expect(none.body.errors).toEqual([{ field: 'documents', message: 'còn thiếu tài liệu bắt buộc: Giấy chứng nhận đăng ký kinh doanh; Báo giá thiết bị, dịch vụ' }]);
      await upload(id, 'business_license');
      await upload(id, 'other');
      const one = await t.http.post(api(`/applications/${id}/submit`)).set(c.applicant.auth).expect(400);
      expect(one.body.errors).toEqual([{ field: 'documents', message: 'còn thiếu tài liệu bắt buộc: Báo giá thiết bị, dịch vụ' }]);
      expect((await t.http.get(api(`/applications/${id}`)).set(c.applicant.auth).expect(200)).body.status).toBe('draft');
      await upload(id, 'quotation');
      expect((await t.http.post(api(`/applications/${id}/submit`)).set(c.applicant.auth).expect(200)).body.status).toBe('submitted');
    });

    it('refuses a kind of document it does not know, naming the field', async () => {
      const admin = await createActor(t, ['admin']);
      const res = await t.http
        .post(api('/activity-types'))
        .set(admin.auth)
        .send({ code: `sai_${Date.now().toString(36)}`, name: 'Sai', supportRate: '0.5', supportCap: '1000', advanceRate: '0.7', effectiveFrom: TODAY, requiredDocumentKinds: ['passport'] })
        .expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'requiredDocumentKinds' })]);
    });
  });

  describe('what has already happened is not dated in the future', () => {
    const tooLate = (res: { status: number; body: { errors: Array<{ field: string; message: string }> } }, field: string) => {
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field, message: 'không được sau ngày hôm nay' }]);
    };

    it('contract, acceptance, payment, treasury return, recovery receipt: tomorrow refused naming the field, today taken', async () => {
      const id = await approvedFile(t, c);
      tooLate(await t.http.post(api(`/applications/${id}/contract`)).set(c.officer.auth).send({ contractNo: `HĐ-PG-${id}`, signedDate: TOMORROW }), 'signedDate');
      expect((await read(id)).status).toBe('approved');
      await t.http.post(api(`/applications/${id}/contract`)).set(c.officer.auth).send({ contractNo: `HĐ-PG-${id}`, signedDate: TODAY }).expect(200);

      const advance = (await postMoney(t, c.officer, '/disbursements', { applicationId: id, kind: 'advance', amount: '210000000' }).expect(201)).body;
      await t.http.post(api(`/disbursements/${advance.id}/approve`)).set(c.finance.auth).send({}).expect(200);
      tooLate(await postMoney(t, c.finance2, `/disbursements/${advance.id}/pay`, { treasuryRef: ref('PAY'), valueDate: TOMORROW }), 'valueDate');
      expect((await t.http.get(api(`/disbursements/${advance.id}`)).set(c.finance.auth).expect(200)).body.status).toBe('approved');
      await postMoney(t, c.finance2, `/disbursements/${advance.id}/pay`, { treasuryRef: ref('PAY'), valueDate: TODAY }).expect(200);
      tooLate(await postMoney(t, c.finance, `/disbursements/${advance.id}/return`, { treasuryRef: ref('BACK'), valueDate: TOMORROW, reason: 'Sai số tài khoản' }), 'valueDate');
      expect((await t.http.get(api(`/disbursements/${advance.id}`)).set(c.finance.auth).expect(200)).body.status).toBe('paid');

      tooLate(await t.http.post(api(`/applications/${id}/acceptance`)).set(c.officer.auth).send({ result: 'passed', date: TOMORROW, minutesNo: 'BB-PG' }), 'date');
      expect((await read(id)).status).toBe('contracted');
      await t.http.post(api(`/applications/${id}/acceptance`)).set(c.officer.auth).send({ result: 'passed', date: TODAY, minutesNo: 'BB-PG' }).expect(200);

      // Settled at 300.000.000 × 50 % = 150.000.000 against 210.000.000 paid: 60.000.000 to recover.
      const filed = await t.http
        .post(api(`/applications/${id}/settlement`))
        .set(c.applicant.auth)
        .send({ actualCostLines: [{ description: 'Máy sấy lúa', amount: '300000000', eligible: true, documentRef: 'HĐ GTGT 0007' }] })
        .expect(201);
      await t.http.post(api(`/settlements/${filed.body.id}/approve`)).set(c.finance.auth).send({}).expect(200);
      const { recoveryId } = (await t.http.post(api(`/settlements/${filed.body.id}/approve`)).set(c.leader.auth).send({}).expect(200)).body;
      tooLate(await postMoney(t, c.finance, `/recoveries/${recoveryId}/receive`, { amount: '1000000', treasuryRef: ref('THU'), valueDate: TOMORROW }), 'valueDate');
      expect((await t.http.get(api(`/recoveries/${recoveryId}`)).set(c.finance.auth).expect(200)).body.received).toBe('0');
      await postMoney(t, c.finance, `/recoveries/${recoveryId}/receive`, { amount: '1000000', treasuryRef: ref('THU'), valueDate: TODAY }).expect(200);
    });
  });

  describe('voucher numbers on settlement lines', () => {
    it('refuses an eligible line without its voucher, naming the line; lines the producer pays need none', async () => {
      const id = await approvedFile(t, c);
      await t.http.post(api(`/applications/${id}/contract`)).set(c.officer.auth).send({ contractNo: `HĐ-VC-${id}`, signedDate: TODAY }).expect(200);
      await t.http.post(api(`/applications/${id}/acceptance`)).set(c.officer.auth).send({ result: 'passed', date: TODAY, minutesNo: 'BB-VC' }).expect(200);
      const settle = (lines: object[]) => t.http.post(api(`/applications/${id}/settlement`)).set(c.applicant.auth).send({ actualCostLines: lines });
      const refused = await settle([
        { description: 'Máy sấy lúa', amount: '500000000', eligible: true, documentRef: 'HĐ GTGT 0001' },
        { description: 'Lắp đặt', amount: '20000000', eligible: true },
        { description: 'Vận chuyển', amount: '10000000', eligible: true, documentRef: '  ' },
        { description: 'Nhà xưởng', amount: '100000000', eligible: false },
      ]).expect(400);
      expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['actualCostLines[1].documentRef', 'actualCostLines[2].documentRef']);
      expect(refused.body.errors[0].message).toContain('số hóa đơn, chứng từ');
      expect((await read(id)).status).toBe('accepted');
      const filed = await settle([
        { description: 'Máy sấy lúa', amount: '500000000', eligible: true, documentRef: 'HĐ GTGT 0001' },
        { description: 'Nhà xưởng', amount: '100000000', eligible: false },
      ]).expect(201);
      expect(filed.body.actualEligibleCost).toBe('500000000');
    });
  });
});
