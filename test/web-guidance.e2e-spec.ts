import { DataSource } from 'typeorm';
import { dropDatabase } from '../src/database/ensure-database';
import { parseDatabaseUrl, withDatabase } from '../src/database/database-url';
import { createActor, createUnit, TestActor } from './support/actors';
import { attachRequiredDocuments, registerEstablishment, sampleFileBody } from './support/files';
import { startTestAppOnFreshDatabase, TestApp } from './support/test-app';
import { csrfOf, hiddenValue, PageClient, webUser } from './web-support';

/**
 * Every role's home page says what to do next, and the forms offer only what can succeed: walked
 * on a province of its own, from no fund at all to a file the leader can approve. The tests run
 * in order: the first sets up the books the others use.
 */
describe('home pages that say what to do next, forms that offer only what can succeed', () => {
  const base = process.env.DATABASE_URL!;
  const url = withDatabase(base, `${parseDatabaseUrl(base).database}_guidance`);
  const api = (path: string) => `/api/v1${path}`;
  const FUND = 'KCDP-HD';
  let t: TestApp;
  let year: number;
  let centre: { id: string };
  let finance: TestActor;
  let producer: TestActor;
  let officer: TestActor;
  let head: TestActor;
  let leader: TestActor;
  let money: PageClient;
  let farmer: PageClient;

  beforeAll(async () => {
    t = await startTestAppOnFreshDatabase(url);
    year = Number.parseInt(t.clock.today().slice(0, 4), 10);
    centre = await createUnit(t, 'centre', 'Trung tâm Khuyến công (thử)');
    [finance, producer, officer, head, leader] = [
      await webUser(t, ['finance'], null, 'Kế toán Hoàng Thị Lan'),
      await webUser(t, ['applicant'], null, 'Chủ cơ sở Trần Văn Bình'),
      await webUser(t, ['officer'], centre.id, 'Chuyên viên Lê Văn Cường'),
      await webUser(t, ['head'], centre.id, 'Trưởng phòng Ngô Thị Dung'),
      await webUser(t, ['leader'], null, 'Giám đốc Phạm Minh Đức'),
    ];
    await registerEstablishment(t, producer, 'Hợp tác xã cơ khí Phú Thành');
    money = new PageClient(t);
    await money.login(finance.email);
    farmer = new PageClient(t);
    await farmer.login(producer.email);
  });
  afterAll(async () => {
    await t?.close();
    await dropDatabase(url);
  });

  /** The set-up section of finance's home page, or null when the books are ready. */
  const setupSection = async () => {
    const home = await money.get('/');
    expect(home.status).toBe(200);
    const start = home.text.indexOf('id="setup"');
    return start < 0 ? null : home.text.slice(start, home.text.indexOf('</section>', start));
  };
  const noBudgetYet = 'Hiện chưa nhận hồ sơ đề án';

  /** A section of a person's home page, or null when it has none. */
  const homeSection = async (client: PageClient, key: string) => {
    const home = await client.get('/');
    expect(home.status).toBe(200);
    const start = home.text.indexOf(`id="${key}"`);
    return start < 0 ? null : home.text.slice(start, home.text.indexOf('</section>', start));
  };

  it("tells the administrator what the installation lacks, and the head that the books are not ready, before anything is set up", async () => {
    // The administrator: a centre, a person in every role and the seeded rules are there; the
    // communes' list is not loaded in a fresh installation.
    const admin = await webUser(t, ['admin'], null, 'Quản trị Vũ Thị Hạnh');
    const desk = new PageClient(t);
    await desk.login(admin.email);
    const install = (await homeSection(desk, 'install'))!;
    expect(install).toContain('Thiết lập hệ thống');
    expect(install).toContain('Nạp danh mục đơn vị hành chính');
    expect(install).toContain('ADMIN_UNITS_FILE');
    expect(install).not.toContain('Tạo đơn vị Trung tâm Khuyến công');
    expect(install).not.toContain('Giao vai trò');
    expect(install).not.toContain('Ban hành quy định');
    // A role nobody holds any more is a step, with the link to the people's page.
    await t.app.get(DataSource).query('UPDATE users SET active = 0 WHERE id = ?', [leader.id]);
    const withoutLeader = (await homeSection(desk, 'install'))!;
    await t.app.get(DataSource).query('UPDATE users SET active = 1 WHERE id = ?', [leader.id]);
    expect(withoutLeader).toContain('<a href="/quan-tri/nguoi-dung?vai-tro=leader#them-nguoi-dung">Giao vai trò Lãnh đạo Sở cho một người</a>');

    // The head: no fund yet, so nothing can go ahead; finance is the one to ask.
    const desk2 = new PageClient(t);
    await desk2.login(head.email);
    const books = (await homeSection(desk2, 'books'))!;
    expect(books).toContain('Sổ sách ngân sách chưa sẵn sàng');
    expect(books).toContain('Chưa có nguồn kinh phí nào');
    expect(books).toContain('phòng Kế hoạch – Tài chính');
    expect(books).not.toContain('Không có việc nào');
  });

  it('walks finance through the set-up one step at a time, each a link to its form; the producer is told plainly until then', async () => {
    // 1. No fund: create one. The producer has no empty list to choose from, only who to ask.
    expect(await setupSection()).toContain('href="/ngan-sach/nguon-kinh-phi"');
    const producerHome = await farmer.get('/');
    expect(producerHome.text).toContain(noBudgetYet);
    expect(producerHome.text).toContain('Trung tâm Khuyến công');
    expect(producerHome.text).not.toContain('href="/ho-so/moi"');
    const emptyForm = await farmer.get('/ho-so/moi');
    expect(emptyForm.status).toBe(200);
    expect(emptyForm.text).toContain(noBudgetYet);
    expect(emptyForm.text).not.toContain('name="fundCode"');
    // On the budget page, creating a fund is the first (filled) button while there is none.
    expect((await money.get('/ngan-sach')).text).toContain('<a class="button" href="/ngan-sach/nguon-kinh-phi">');
    expect((await money.post('/ngan-sach/nguon-kinh-phi', { code: FUND, name: 'Kinh phí khuyến công địa phương', source: 'local', currency: 'VND' })).status).toBe(303);

    // 2. A fund, no open year: open this year. The appropriation form says how instead of an empty list.
    let steps = (await setupSection())!;
    expect(steps).toContain(`href="/ngan-sach/nam?nam=${year}"`);
    expect(steps).toContain(`Mở năm ngân sách ${year}`);
    expect(steps).not.toContain('href="/ngan-sach/nguon-kinh-phi"');
    const noYear = await money.get('/ngan-sach/du-toan');
    expect(noYear.text).toContain('Chưa có năm ngân sách nào đang mở');
    expect(noYear.text).toContain(`href="/ngan-sach/nam?nam=${year}"`);
    // The year form proposes the year to open; nobody types over a guess.
    const yearForm = await money.get('/ngan-sach/nam');
    expect(yearForm.status).toBe(200);
    expect(yearForm.text).toContain(`name="year" value="${year}"`);
    expect((await money.post('/ngan-sach/nam', { year: String(year) })).status).toBe(303);
    expect((await money.get('/ngan-sach/nam')).text).toContain(`name="year" value="${year + 1}"`);
    expect((await money.get(`/ngan-sach?nam=${year}`)).text).toContain(`id="f-year" name="year" inputmode="numeric" value="${year + 1}"`);

    // 3. The year open, nothing appropriated: appropriate, the form opened on this fund and year.
    steps = (await setupSection())!;
    expect(steps).toContain(`href="/ngan-sach/du-toan?nguon=${FUND}&amp;nam=${year}"`);
    const appropriation = await money.get(`/ngan-sach/du-toan?nguon=${FUND}&nam=${year}`);
    expect(appropriation.text).not.toContain('Chưa có năm ngân sách nào đang mở');
    expect(appropriation.text).toContain(`<option value="${year}" selected>`);
    expect(appropriation.text).toContain(`<option value="${FUND}" selected>`);
    const appropriated = await money.post(
      '/ngan-sach/du-toan',
      { idempotencyKey: hiddenValue(appropriation.text, 'idempotencyKey'), fundCode: FUND, fiscalYear: String(year), amount: '5.000.000.000', decisionNo: '01/QĐ-UBND', decisionDate: t.clock.today() },
      { csrf: csrfOf(appropriation.text) },
    );
    expect(appropriated.status).toBe(303);
    expect((await farmer.get('/')).text).toContain(noBudgetYet);

    // 4. Appropriated, not allocated: allocate to the units.
    steps = (await setupSection())!;
    expect(steps).toContain(`href="/ngan-sach/phan-bo?nguon=${FUND}&amp;nam=${year}"`);
    const allocation = await money.get(`/ngan-sach/phan-bo?nguon=${FUND}&nam=${year}`);
    const allocated = await money.post(
      '/ngan-sach/phan-bo',
      { idempotencyKey: hiddenValue(allocation.text, 'idempotencyKey'), fundCode: FUND, fiscalYear: String(year), unitId: centre.id, amount: '3.000.000.000', decisionNo: '02/QĐ-SCT' },
      { csrf: csrfOf(allocation.text) },
    );
    expect(allocated.status).toBe(303);

    // 5. Ready: no set-up left; the producer may apply, to this fund and this year only.
    expect(await setupSection()).toBeNull();
    const ready = await farmer.get('/');
    expect(ready.text).not.toContain(noBudgetYet);
    expect(ready.text).toContain('href="/ho-so/moi"');
    expect(ready.text).toContain(`Kinh phí khuyến công địa phương năm ${year}`);
    const form = await farmer.get('/ho-so/moi');
    expect(form.text).toContain(`<option value="${FUND}" selected>`);
    expect(form.text).toContain(`<option value="${year}" selected>`);
    expect(form.text).not.toContain(`<option value="${year + 1}"`);
  });

  it('no longer tells the head the books are not ready once a fund and an open year exist', async () => {
    const desk = new PageClient(t);
    await desk.login(head.email);
    expect(await homeSection(desk, 'books')).toBeNull();
  });

  it('offers the producer only the activity types with a rule in force for the funds open to them', async () => {
    const admin = await createActor(t, ['admin']);
    const sponsorOnly = `tai_tro_${Date.now().toString(36)}`;
    await t.http
      .post(api('/activity-types'))
      .set(admin.auth)
      .send({ code: sponsorOnly, name: 'Hoạt động chỉ nguồn tài trợ', fundSource: 'sponsor', supportRate: '0.5', supportCap: '100000000', advanceRate: '0.7', effectiveFrom: t.clock.today() })
      .expect(201);
    const form = await farmer.get('/ho-so/moi');
    expect(form.text).toContain('<option value="machinery">');
    expect(form.text).not.toContain(`<option value="${sponsorOnly}">`);
  });

  /** A file of the producer for `fiscalYear`, submitted and assigned to the officer. */
  async function fileInReview(fiscalYear: number, title: string, activityTypeCode = 'machinery', fundCode = FUND): Promise<string> {
    const establishment = await registerEstablishment(t, producer, `Cơ sở ${title}`);
    const created = await t.http
      .post(api('/applications'))
      .set(producer.auth)
      .send({ ...sampleFileBody({ establishmentId: establishment.id, year: fiscalYear, fundCode, requestedSupport: '300000000', activityTypeCode }), title })
      .expect(201);
    await attachRequiredDocuments(t, producer.auth, created.body.id);
    await t.http.post(api(`/applications/${created.body.id}/submit`)).set(producer.auth).expect(200);
    await t.http.post(api(`/applications/${created.body.id}/assign`)).set(head.auth).send({ officerId: officer.id, leadUnitId: centre.id, dueDate: `${year + 1}-12-31` }).expect(200);
    return created.body.id;
  }
  const appraise = (id: string) => t.http.post(api(`/applications/${id}/appraisals`)).set(officer.auth).send({ score: 85, recommendation: 'approve' }).expect(201);
  const recommend = (id: string) => t.http.post(api(`/applications/${id}/recommend`)).set(officer.auth).send({ approvedSupport: '300000000', allocationUnitId: centre.id }).expect(200);
  const initial = (id: string) => t.http.post(api(`/applications/${id}/initial`)).set(head.auth).send({}).expect(200);
  const page = async (who: TestActor, path: string) => {
    const browser = new PageClient(t);
    await browser.login(who.email);
    return { browser, res: await browser.get(path) };
  };
  const sectionOf = (html: string, key: string) => {
    const start = html.indexOf(`id="${key}"`);
    return start < 0 ? '' : html.slice(start, html.indexOf('</section>', start));
  };

  it("shows on every to-do list why a file of a year that is not open would be refused at the decision, with the form that fixes it for finance", async () => {
    const next = year + 1;
    const title = `Máy sấy năm sau ${Date.now().toString(36)}`;
    const id = await fileInReview(next, title);
    // The officer sees it in their review list with the reason, before doing the work.
    const review = sectionOf((await page(officer, '/')).res.text, 'review');
    expect(review).toContain(title);
    expect(review).toContain(`Năm ngân sách ${next} chưa mở`);
    await appraise(id);
    await recommend(id);
    await initial(id);

    // The leader: in the decision list, marked, and listed with why; the decision is indeed refused.
    const leaderHome = (await page(leader, '/')).res.text;
    expect(sectionOf(leaderHome, 'decide')).toContain(`Năm ngân sách ${next} chưa mở`);
    const blocked = sectionOf(leaderHome, 'blocked');
    expect(blocked).toContain(title);
    expect(blocked).toContain('phòng Kế hoạch – Tài chính');
    expect(blocked).toContain(`href="/ho-so/${id}"`);
    const filePage = (await page(leader, `/ho-so/${id}`)).res.text;
    expect(filePage).toContain('Chưa thể phê duyệt:');
    const refused = await t.http.post(api(`/applications/${id}/decide`)).set(leader.auth).send({ decision: 'approve', decisionNo: '09/QĐ-SCT' }).expect(409);
    expect(refused.body.detail).toContain(`Năm ngân sách ${next} chưa mở`);

    // Finance: the same file, linked to the form that opens that year.
    const financeBlocked = sectionOf((await money.get('/')).text, 'blocked');
    expect(financeBlocked).toContain(title);
    expect(financeBlocked).toContain(`href="/ngan-sach/nam?nam=${next}"`);

    // A file of the open year carries no such note.
    const fine = await fileInReview(year, `Máy sấy năm nay ${Date.now().toString(36)}`);
    expect(sectionOf((await page(officer, '/')).res.text, 'blocked')).not.toContain(fine);
  });

  it("offers as allocation unit only the units holding the file's fund money of its year, with what remains; a fund nobody was allocated is a blocker", async () => {
    // A second unit with no money of FUND: never offered.
    const emptyUnit = await createUnit(t, 'department', 'Phòng Quản lý công nghiệp (chưa được phân bổ)');
    const id = await fileInReview(year, `Máy đóng gói ${Date.now().toString(36)}`);
    await appraise(id);
    const form = (await page(officer, `/ho-so/${id}`)).res.text;
    const select = form.slice(form.indexOf('name="allocationUnitId"'), form.indexOf('</select>', form.indexOf('name="allocationUnitId"')));
    expect(select).toMatch(new RegExp(`<option value="${centre.id}"[^>]*>Trung tâm Khuyến công \\(thử\\) — còn [0-9.]+ ₫</option>`));
    expect(select).not.toContain(emptyUnit.id);
    expect(select).not.toContain('Phòng Quản lý công nghiệp');

    // A fund appropriated in the open year but allocated to no unit: the officer cannot pick a unit
    // and every to-do list says why; finance is led to the allocation form of that fund and year.
    const bare = `KCTW-${Date.now().toString(36)}`.toUpperCase().slice(0, 16);
    await t.http.post(api('/funds')).set(finance.auth).send({ code: bare, name: 'Kinh phí khuyến công quốc gia (chưa phân bổ)', source: 'central', currency: 'VND' }).expect(201);
    await t.http.post(api('/appropriations')).set(finance.auth).set('Idempotency-Key', `ap-${bare}`).send({ fundCode: bare, fiscalYear: year, amount: '500000000', decisionNo: `${bare}/QĐ-BCT`, decisionDate: t.clock.today() }).expect(201);
    const title = `Máy ép dầu ${Date.now().toString(36)}`;
    const stuck = await fileInReview(year, title, 'machinery', bare);
    await appraise(stuck);
    const stuckPage = (await page(officer, `/ho-so/${stuck}`)).res.text;
    expect(stuckPage).toContain('id="khong-co-don-vi-cap-kinh-phi"');
    expect(stuckPage).not.toContain('name="allocationUnitId"');
    const review = sectionOf((await page(officer, '/')).res.text, 'review');
    expect(review).toContain(title);
    expect(review).toContain(`Nguồn ${bare} năm ${year} chưa có đơn vị nào còn kinh phí được phân bổ`);
    expect(sectionOf((await money.get('/')).text, 'blocked')).toContain(`href="/ngan-sach/phan-bo?nguon=${bare}&amp;nam=${year}"`);
    // Once finance allocates, the blocker is gone and the unit is offered.
    await t.http.post(api('/allocations')).set(finance.auth).set('Idempotency-Key', `pb-${bare}`).send({ fundCode: bare, fiscalYear: year, unitId: centre.id, amount: '400000000', decisionNo: `PB-${bare}` }).expect(201);
    expect(sectionOf((await page(officer, '/')).res.text, 'review')).not.toContain('chưa có đơn vị nào còn kinh phí');
    expect((await page(officer, `/ho-so/${stuck}`)).res.text).toContain('— còn 400.000.000 ₫</option>');
  });

  it('folds the recommendation behind the appraisal, and asks for a reason to recommend without one', async () => {
    const id = await fileInReview(year, `Máy ép dầu ${Date.now().toString(36)}`);
    const { browser, res } = await page(officer, `/ho-so/${id}`);
    expect(res.text).toMatch(/<details class="step" open>\s*<summary>Thẩm định<\/summary>/);
    expect(res.text).toMatch(/<details class="step" id="de-xuat">\s*<summary>Đề xuất mức hỗ trợ \(sau khi thẩm định\)<\/summary>/);
    expect(res.text).toContain('name="skipAppraisalReason"');
    // Sent without an appraisal and without a reason: the service's refusal, on the page.
    const refused = await browser.post(`/ho-so/${id}/de-xuat`, { approvedSupport: '300.000.000', allocationUnitId: centre.id }, { csrf: csrfOf(res.text) });
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('chưa có thẩm định');
    expect(refused.text).toMatch(/<details class="step" id="de-xuat" open>/);

    await appraise(id);
    const after = await browser.get(`/ho-so/${id}`);
    expect(after.text).toMatch(/<details class="step" id="de-xuat" open>\s*<summary>Đề xuất mức hỗ trợ<\/summary>/);
    expect(after.text).not.toContain('name="skipAppraisalReason"');
  });

  it('offers the head and the leader to send the file back to its officer, and takes it from the page', async () => {
    const id = await fileInReview(year, `Máy dệt ${Date.now().toString(36)}`);
    await appraise(id);
    await recommend(id);
    const form = `action="/ho-so/${id}/tra-lai-chuyen-vien"`;
    expect((await page(officer, `/ho-so/${id}`)).res.text).not.toContain(form);
    expect((await page(leader, `/ho-so/${id}`)).res.text).not.toContain(form);
    const { browser, res } = await page(head, `/ho-so/${id}`);
    expect(res.text).toContain(form);
    const empty = await browser.post(`/ho-so/${id}/tra-lai-chuyen-vien`, { reason: '' }, { csrf: csrfOf(res.text) });
    expect(empty.status).toBe(400);
    const sent = await browser.post(`/ho-so/${id}/tra-lai-chuyen-vien`, { reason: 'Bổ sung so sánh báo giá' }, { csrf: csrfOf(res.text) });
    expect(sent.status).toBe(303);
    const back = await browser.get(`/ho-so/${id}`);
    expect(back.text).toContain('Đã trả hồ sơ về chuyên viên xử lý');
    expect(back.text).toContain('Trả lại chuyên viên');
    expect(back.text).toContain('Bổ sung so sánh báo giá');
    expect((await t.http.get(api(`/applications/${id}`)).set(officer.auth).expect(200)).body.status).toBe('under_review');

    // Initialed: the leader's to send back now, not the head's.
    await recommend(id);
    await initial(id);
    expect((await page(head, `/ho-so/${id}`)).res.text).not.toContain(form);
    const boss = await page(leader, `/ho-so/${id}`);
    expect(boss.res.text).toContain(form);
    expect((await boss.browser.post(`/ho-so/${id}/tra-lai-chuyen-vien`, { reason: 'Xem lại mức hỗ trợ' }, { csrf: csrfOf(boss.res.text) })).status).toBe(303);
    expect((await t.http.get(api(`/applications/${id}`)).set(officer.auth).expect(200)).body.status).toBe('under_review');
  });

  it("lists on the producer's file the documents its activity type requires, and which are still missing", async () => {
    const admin = await createActor(t, ['admin']);
    const code = `giay_to_${Date.now().toString(36)}`;
    await t.http
      .post(api('/activity-types'))
      .set(admin.auth)
      .send({ code, name: 'Máy móc (đủ giấy tờ)', supportRate: '0.5', supportCap: '300000000', advanceRate: '0.7', effectiveFrom: t.clock.today(), requiredDocumentKinds: ['business_license', 'quotation'] })
      .expect(201);
    const establishment = await registerEstablishment(t, producer, 'Cơ sở giấy tờ');
    const created = await t.http
      .post(api('/applications'))
      .set(producer.auth)
      .send(sampleFileBody({ establishmentId: establishment.id, year, fundCode: FUND, requestedSupport: '300000000', activityTypeCode: code }))
      .expect(201);
    const id = created.body.id;
    await t.http
      .post(api(`/applications/${id}/documents`))
      .set(producer.auth)
      .field('kind', 'business_license')
      .attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), { filename: 'gcn.pdf', contentType: 'application/pdf' })
      .expect(201);
    const file = await farmer.get(`/ho-so/${id}`);
    const list = file.text.slice(file.text.indexOf('class="required-documents"'), file.text.indexOf('</ul>', file.text.indexOf('class="required-documents"')));
    expect(list).toContain('Giấy chứng nhận đăng ký kinh doanh: <span class="badge ok">đã đính kèm</span>');
    expect(list).toContain('Báo giá thiết bị, dịch vụ: <span class="badge warn">còn thiếu</span>');
    const refused = await farmer.post(`/ho-so/${id}/nop`, {}, { csrf: csrfOf(file.text) });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('còn thiếu tài liệu bắt buộc: Báo giá thiết bị, dịch vụ');
  });
});
