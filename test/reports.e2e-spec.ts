import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { Money } from '../src/common/money/decimal';
import { formatMoneyVi, formatNumberVi } from '../src/common/money/format-vi';
import { newId } from '../src/common/ids';
import { TransactionRunner } from '../src/database/transaction';
import { BudgetService } from '../src/modules/budget/budget.service';
import { LedgerService } from '../src/modules/ledger/ledger.service';
import { placeDateLine } from '../src/rendering/pdf/official-layout';
import { createActor, createUnit, TestActor } from './support/actors';
import { fundWithBudget, postMoney } from './support/budget';
import { binary, pdfText } from './support/documents';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Reports against the ledger: a year seeded through the HTTP API (funds, appropriations,
 * allocations) and, where the workflow's services are not the point, files, payments and recoveries
 * written straight to the database and the ledger. Every report's figures must equal the budget
 * summary's, in every format.
 */

type Json = Record<string, any>;
const YEAR = 2046;
const M = (v: string | number) => new Money(String(v));
const sum = (values: string[]) => values.reduce((a, b) => a.plus(b), M(0));

/** Splits the report CSV into its blocks: heading, header line, rows (totals last). */
function csvBlocks(text: string): Array<{ heading: string; header: string[]; rows: string[][] }> {
  const parseLine = (line: string): string[] => {
    const out: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') {
        out.push(cur);
        cur = '';
      } else cur += ch;
    }
    out.push(cur);
    return out;
  };
  const blocks = text.split('\r\n\r\n').map((b) => b.split('\r\n').filter((l) => l.length));
  return blocks
    .filter((lines) => lines.length >= 2 && /^[IVXLC]+\. /.test(parseLine(lines[0])[0]))
    .map((lines) => ({ heading: parseLine(lines[0])[0], header: parseLine(lines[1]), rows: lines.slice(2).map(parseLine) }));
}

describe('reports', () => {
  let t: TestApp;
  let finance: TestActor;
  let leader: TestActor;
  let auditor: TestActor;
  let head: TestActor;
  let officer: TestActor;
  let applicant: TestActor;
  const units: Record<string, { id: string; code: string }> = {};
  const funds: Record<string, string> = {};
  const apps: Record<string, string> = {};
  /**
   * A commune code of the right form (Xã Mỹ Hiệp, Tỉnh Đồng Tháp). The run's database has no list of
   * administrative units loaded (test/admin-units.e2e-spec.ts loads one on a database of its own), so
   * the reports print the code where the list's name would be.
   */
  const communeCode = '30112';
  /** The commune's own unit (it receives an allocation): a short code, as a commune's would be. */
  const communeUnitCode = `X${Date.now().toString(36).toUpperCase()}`.slice(0, 16);
  const db = () => t.app.get(DataSource);
  const asActor = (a: TestActor) => ({ id: a.id, email: a.email, fullName: 'x', roles: a.roles, unitId: null });

  async function insertApplication(o: {
    key: string;
    fund: string;
    unit: string;
    activity: string;
    commune: string | null;
    status: string;
    title: string;
    approvedSupport?: string;
    dueDate?: string;
    officer?: TestActor;
    decisionDate?: string;
  }): Promise<string> {
    const establishmentId = newId();
    const taxCode = String(1_000_000_000 + Math.floor(Math.random() * 8_999_999_999)).slice(0, 10);
    await db().query(
      `INSERT INTO establishments (id, owner_id, name, kind, tax_code, commune_code, address, representative, phone, employees, created_at)
       VALUES (?,?,?,?,?,?,?,?,?,?,NOW(3))`,
      [establishmentId, applicant.id, `Hợp tác xã ${o.key} Đồng Tháp`, 'cooperative', taxCode, o.commune ?? '00000', 'Ấp Phú Hòa', 'Nguyễn Văn Ả', '0900000000', 12],
    );
    const id = newId();
    const [{ source }] = await db().query('SELECT source FROM funds WHERE code = ?', [o.fund]);
    await db().query(
      `INSERT INTO applications (id, owner_id, establishment_id, activity_type_code, fiscal_year, fund_code, fund_source, currency, title, commune_code,
          start_date, end_date, status, total_cost, eligible_cost, max_support, requested_support, approved_support, allocation_unit_id, lead_unit_id,
          officer_id, due_date, decision_no, decision_date, created_at, updated_at)
       VALUES (?,?,?,?,?,?,?,'VND',?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,NOW(3),NOW(3))`,
      [
        id,
        applicant.id,
        establishmentId,
        o.activity,
        YEAR,
        o.fund,
        source,
        o.title,
        o.commune,
        `${YEAR}-03-01`,
        `${YEAR}-10-31`,
        o.status,
        '2000000000',
        '1800000000',
        '900000000',
        o.approvedSupport ?? null,
        o.approvedSupport ?? null,
        units[o.unit].id,
        units[o.unit].id,
        o.officer?.id ?? null,
        o.dueDate ?? null,
        o.approvedSupport ? `${o.key}/QĐ-SCT` : null,
        o.approvedSupport ? (o.decisionDate ?? t.clock.today()) : null,
      ],
    );
    apps[o.key] = id;
    if (o.approvedSupport) {
      await t.app.get(TransactionRunner).run(() =>
        t.app.get(BudgetService).commitToApplication({
          fundCode: o.fund,
          fiscalYear: YEAR,
          unitId: units[o.unit].id,
          applicationId: id,
          amount: M(o.approvedSupport!),
          actor: asActor(leader),
          capacity: 'leader',
          reference: `${o.key}/QĐ-SCT`,
        }),
      );
    }
    return id;
  }

  /** A paid disbursement: the ledger moves commitment → payee, and the disbursement row records it. */
  async function pay(key: string, fund: string, unit: string, amount: string, kind: 'advance' | 'payment' = 'advance') {
    const applicationId = apps[key];
    const unitId = units[unit].id;
    const transfer = await t.app.get(TransactionRunner).run(async () => {
      const books = await t.app.get(BudgetService).books(fund, YEAR);
      return t.app.get(LedgerService).post({
        books,
        kind: 'disbursement',
        from: { kind: 'commitment', unitId, applicationId },
        to: { kind: 'payee', unitId, applicationId },
        amount: M(amount),
        reference: `KB-${key}`,
        actor: asActor(finance),
        capacity: 'finance',
        unitId,
        applicationId,
      });
    });
    const [{ fund_id }] = await db().query('SELECT id AS fund_id FROM funds WHERE code = ?', [fund]);
    await db().query(
      `INSERT INTO disbursements (id, application_id, fund_id, fiscal_year, unit_id, kind, amount, status, requested_by, requested_at, approved_by, approved_at, paid_by, paid_at, treasury_ref, value_date, transfer_id)
       VALUES (?,?,?,?,?,?,?,'paid',?,NOW(3),?,NOW(3),?,NOW(3),?,?,?)`,
      [newId(), applicationId, fund_id, YEAR, unitId, kind, amount, officer.id, finance.id, finance.id, `KB-${key}-${newId().slice(-6)}`, t.clock.today(), transfer.id],
    );
  }

  beforeAll(async () => {
    t = await startTestApp();
    [finance, leader, auditor, head, officer, applicant] = await Promise.all([
      createActor(t, ['finance']),
      createActor(t, ['leader']),
      createActor(t, ['auditor']),
      createActor(t, ['head']),
      createActor(t, ['officer']),
      createActor(t, ['applicant']),
    ]);
    await db().query("UPDATE users SET full_name = 'Trần Thị Lập Biểu' WHERE id = ?", [finance.id]);
    units.a = await createUnit(t, 'centre', 'Trung tâm Khuyến công và Tư vấn phát triển công nghiệp');
    units.b = await createUnit(t, 'division', 'Phòng Quản lý công nghiệp');
    units.c = await createUnit(t, 'commune', 'Xã Mỹ Hiệp');
    await db().query('UPDATE units SET code = ? WHERE id = ?', [communeUnitCode, units.c.id]);
    units.c.code = communeUnitCode;

    funds.central = (await fundWithBudget(t, finance, { year: YEAR, appropriated: '5000000000', source: 'central' })).fundCode;
    funds.local = (await fundWithBudget(t, finance, { year: YEAR, appropriated: '3000000000', source: 'local' })).fundCode;
    const allocate = (fund: string, unit: string, amount: string) =>
      postMoney(t, finance, '/allocations', { fundCode: funds[fund], fiscalYear: YEAR, unitId: units[unit].id, amount, decisionNo: '45/QĐ-SCT' }).expect(201);
    await allocate('central', 'a', '2000000000');
    await allocate('central', 'b', '1000000000');
    await allocate('local', 'a', '500000000');
    await allocate('local', 'c', '1000000000');
    await postMoney(t, finance, '/allocations/transfer', { fundCode: funds.central, fiscalYear: YEAR, fromUnitId: units.a.id, toUnitId: units.b.id, amount: '100000000', reason: 'Điều chỉnh kế hoạch' }).expect(201);

    const vietnameseTitle = 'Ứng dụng máy sấy nông sản: ạ ả ấ ầ ẩ ẫ ậ ắ ằ ẳ ẵ ặ ẹ ẻ ẽ ế ề ể ễ ệ ỉ ị ọ ỏ ố ồ ổ ỗ ộ ớ ờ ở ỡ ợ ụ ủ ứ ừ ử ữ ự ỳ ỵ ỷ ỹ đ Đ';
    await insertApplication({ key: 'm1', fund: funds.central, unit: 'a', activity: 'machinery', commune: communeCode, status: 'approved', title: vietnameseTitle, approvedSupport: '300000000' });
    await insertApplication({ key: 'd1', fund: funds.central, unit: 'b', activity: 'demo_model', commune: communeCode, status: 'contracted', title: 'Mô hình trình diễn dệt chiếu Định Yên', approvedSupport: '750000000' });
    await insertApplication({ key: 'm2', fund: funds.local, unit: 'c', activity: 'machinery', commune: null, status: 'accepted', title: 'Máy ép dầu dừa', approvedSupport: '250000000' });
    await insertApplication({ key: 'r1', fund: funds.local, unit: 'a', activity: 'demo_model', commune: 'X-OTHER', status: 'rejected', title: 'Đề án bị từ chối' });
    await insertApplication({ key: 'draft', fund: funds.local, unit: 'a', activity: 'demo_model', commune: 'X-OTHER', status: 'draft', title: 'Bản nháp' });
    await insertApplication({ key: 'late', fund: funds.local, unit: 'a', activity: 'machinery', commune: communeCode, status: 'under_review', title: 'Hồ sơ trễ hạn thẩm định', dueDate: '2020-01-15', officer });
    await pay('m1', funds.central, 'a', '210000000');
    await pay('d1', funds.central, 'b', '500000000');
    await pay('m2', funds.local, 'c', '175000000');
    await pay('m2', funds.local, 'c', '50000000', 'payment');

    // m2 settled below what was paid: a recovery of 25.000.000 is opened and 10.000.000 received.
    const settlementId = newId();
    await db().query(
      `INSERT INTO settlements (id, application_id, status, actual_total_cost, actual_eligible_cost, submitted_by, submitted_at, approved_by, approved_at,
          approved_support, final_support, paid, balance, released)
       VALUES (?,?,'approved','500000000','400000000',?,NOW(3),?,NOW(3),'250000000','200000000','225000000','-25000000','25000000')`,
      [settlementId, apps.m2, applicant.id, leader.id],
    );
    const recoveryId = newId();
    const [{ fund_id }] = await db().query('SELECT id AS fund_id FROM funds WHERE code = ?', [funds.local]);
    await db().query(
      `INSERT INTO recoveries (id, application_id, settlement_id, fund_id, fiscal_year, unit_id, amount, received, status, created_at)
       VALUES (?,?,?,?,?,?,'25000000','10000000','open',NOW(3))`,
      [recoveryId, apps.m2, settlementId, fund_id, YEAR, units.c.id],
    );
    const receipt = await t.app.get(TransactionRunner).run(async () => {
      const books = await t.app.get(BudgetService).books(funds.local, YEAR);
      return t.app.get(LedgerService).post({
        books,
        kind: 'recovery_receipt',
        from: { kind: 'recovery', unitId: units.c.id, applicationId: apps.m2 },
        to: { kind: 'allocation', unitId: units.c.id },
        amount: M('10000000'),
        reference: 'KB-THU-1',
        actor: asActor(finance),
        capacity: 'finance',
        unitId: units.c.id,
        applicationId: apps.m2,
      });
    });
    await db().query(
      `INSERT INTO recovery_receipts (id, recovery_id, amount, treasury_ref, value_date, transfer_id, received_by, created_at) VALUES (?,?,'10000000',?,?,?,?,NOW(3))`,
      [newId(), recoveryId, `KB-THU-${newId().slice(-8)}`, t.clock.today(), receipt.id, finance.id],
    );

    // The programme's part of the review: a plan (one line done, one done elsewhere than planned,
    // one not done), the outcomes m2 recorded at its acceptance, the assessment and two commendations.
    await t.http
      .put(`/api/v1/plans/${YEAR}`)
      .set(finance.auth)
      .send({
        items: [
          { activityTypeCode: 'machinery', unitId: units.a.id, fundCode: funds.central, plannedCount: 3, plannedBudget: '900000000' },
          { activityTypeCode: 'machinery', unitId: units.c.id, fundCode: funds.local, plannedCount: 2, plannedBudget: '400000000' },
          { activityTypeCode: 'technology_line', unitId: units.a.id, fundCode: funds.local, plannedCount: 1, plannedBudget: '350000000' },
        ],
      })
      .expect(200);
    await db().query(
      `INSERT INTO acceptances (id, application_id, result, accepted_date, minutes_no, settlement_due_date, jobs_created, jobs_kept, women_workers, disabled_workers, trainees, models_built, created_by, created_at)
       VALUES (?,?,'passed',?,?,NULL,14,26,18,3,45,1,?,NOW(3))`,
      [newId(), apps.m2, t.clock.today(), `NT-m2-${newId().slice(-6)}`, officer.id],
    );
    await t.http
      .put(`/api/v1/reports/annual/${YEAR}/narrative`)
      .set(leader.auth)
      .send({
        results: 'Hoàn thành 3 đề án, giải ngân 935.000.000 đồng.\nCác cơ sở đã đưa máy vào sản xuất.',
        difficulties: 'Một số cơ sở chậm nộp hồ sơ quyết toán.',
        causes: 'Chứng từ của nhà cung cấp thiết bị chậm.',
        proposals: 'Đề nghị UBND tỉnh bổ sung kinh phí khuyến công địa phương.',
      })
      .expect(200);
    // A commendation of the year is decided in the year or the next: the clock is there meanwhile.
    const started = t.clock.now();
    t.clock.set(`${YEAR + 1}-01-20T03:00:00Z`);
    try {
      const [{ establishment_id: establishmentId }] = await db().query('SELECT establishment_id FROM applications WHERE id = ?', [apps.m2]);
      const commend = (body: object) => t.http.post('/api/v1/commendations').set(leader.auth).send({ fiscalYear: YEAR, form: 'Bằng khen của Chủ tịch UBND tỉnh', decisionNo: `35/QĐ-UBND-${communeCode}`, decisionDate: `${YEAR + 1}-01-15`, ...body }).expect(201);
      await commend({ establishmentId, reason: 'Đổi mới thiết bị ép dầu dừa' });
      await commend({ personName: 'Lê Văn Khánh', unitId: units.a.id, form: 'Giấy khen của Giám đốc Sở', decisionNo: `7/QĐ-SCT-${communeCode}`, decisionDate: `${YEAR}-12-28`, reason: 'Hướng dẫn cơ sở lập hồ sơ' });
    } finally {
      t.clock.set(started);
    }
  });
  afterAll(() => t.close());

  const annual = (actor: TestActor, query: Json = {}) => t.http.get(`/api/v1/reports/annual/${YEAR}`).query(query).set(actor.auth);
  const summary = async () => (await t.http.get('/api/v1/budget/summary').query({ fiscalYear: YEAR }).set(finance.auth).expect(200)).body;

  it('annual review (JSON): funds, units, activity types and communes add up to the budget summary', async () => {
    const report = (await annual(leader).expect(200)).body;
    const budget = await summary();
    expect(report.fiscalYear).toBe(YEAR);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['fiscalYear', 'generatedAt', 'funds', 'units', 'activityTypes', 'communes', 'applications', 'settlements', 'recoveriesOutstanding', 'overdue']));

    // by source (fund): exactly the summary's figures
    for (const book of budget.funds) {
      const fund = report.funds.find((f: Json) => f.fundCode === book.fundCode);
      expect(fund).toMatchObject({ source: book.source, currency: book.currency, appropriated: book.appropriated, unallocated: book.unallocated });
      for (const field of ['allocated', 'committed', 'disbursed', 'recovered', 'available']) {
        expect(fund[field]).toBe(sum(book.units.map((u: Json) => u[field])).toFixed());
      }
    }
    const central = report.funds.find((f: Json) => f.fundCode === funds.central);
    expect(central).toMatchObject({ source: 'central', appropriated: '5000000000', unallocated: '2000000000', allocated: '3000000000', committed: '340000000', disbursed: '710000000', recovered: '0', available: '1950000000' });

    // by unit: the summary's units, added up over the funds
    const expectedUnits = new Map<string, Json>();
    for (const book of budget.funds) {
      for (const u of book.units) {
        const e = expectedUnits.get(u.unitId) ?? { allocated: M(0), committed: M(0), disbursed: M(0), recovered: M(0), available: M(0) };
        for (const f of Object.keys(e)) e[f] = e[f].plus(u[f]);
        expectedUnits.set(u.unitId, e);
      }
    }
    expect(report.units).toHaveLength(expectedUnits.size);
    for (const u of report.units) {
      const e = expectedUnits.get(u.unitId)!;
      for (const f of Object.keys(e)) expect(u[f]).toBe(e[f].toFixed());
    }
    expect(report.units.find((u: Json) => u.unitId === units.c.id)).toEqual({
      unitId: units.c.id,
      unitCode: units.c.code,
      unitName: 'Xã Mỹ Hiệp',
      currency: 'VND',
      allocated: '1000000000',
      committed: '25000000',
      disbursed: '225000000',
      recovered: '10000000',
      available: '760000000',
      applications: 1,
    });

    // by activity type and by commune: the same totals as the summary
    const ledgerTotal = (field: string) => sum(budget.funds.flatMap((b: Json) => b.units.map((u: Json) => u[field]))).toFixed();
    for (const groups of [report.activityTypes, report.communes]) {
      for (const field of ['committed', 'disbursed', 'recovered']) expect(sum(groups.map((g: Json) => g[field])).toFixed()).toBe(ledgerTotal(field));
    }
    expect(report.activityTypes.find((a: Json) => a.code === 'machinery')).toMatchObject({ applications: 2, approvedSupport: '550000000', disbursed: '435000000', recovered: '10000000' });
    expect(report.activityTypes.find((a: Json) => a.code === 'machinery').name).toMatch(/máy móc thiết bị/);
    expect(report.communes.find((c: Json) => c.communeCode === communeCode)).toMatchObject({ communeName: communeCode, provinceName: null, applications: 2, approvedSupport: '1050000000', disbursed: '710000000' });
    expect(report.communes.find((c: Json) => c.communeCode === null)).toMatchObject({ applications: 1, approvedSupport: '250000000', disbursed: '225000000' });

    // the totals line
    const [vnd] = report.totals;
    expect(vnd).toMatchObject({ currency: 'VND', appropriated: '8000000000', allocated: ledgerTotal('allocated'), disbursed: ledgerTotal('disbursed'), approvedSupport: '1300000000', applications: 3 });

    // the plan against what was done: the plan's lines, and what was done adds up to the summary and the totals line
    expect(report.plan.map((r: Json) => [r.activityTypeCode, r.unitId, r.fundCode, r.inPlan, r.plannedCount, r.plannedBudget, r.actualCount, r.approvedSupport, r.disbursed])).toEqual([
      ['demo_model', units.b.id, funds.central, false, 0, '0', 1, '750000000', '500000000'],
      ['machinery', units.a.id, funds.central, true, 3, '900000000', 1, '300000000', '210000000'],
      ['machinery', units.c.id, funds.local, true, 2, '400000000', 1, '250000000', '225000000'],
      ['technology_line', units.a.id, funds.local, true, 1, '350000000', 0, '0', '0'],
    ]);
    expect(report.planTotals).toEqual([{ currency: 'VND', plannedCount: 6, plannedBudget: '1650000000', actualCount: vnd.applications, approvedSupport: vnd.approvedSupport, disbursed: ledgerTotal('disbursed') }]);
    expect(report.outcomes).toMatchObject({ acceptedFiles: 1, reportedFiles: 1, jobsCreated: 14, jobsKept: 26, womenWorkers: 18, disabledWorkers: 3, trainees: 45, modelsBuilt: 1 });
    expect(report.narrative.difficulties).toBe('Một số cơ sở chậm nộp hồ sơ quyết toán.');
    expect(report.commendations.map((x: Json) => x.recipient)).toEqual(['Lê Văn Khánh (Trung tâm Khuyến công và Tư vấn phát triển công nghiệp)', 'Hợp tác xã m2 Đồng Tháp']);
  });

  it('annual review (JSON): files with status and amounts, settlements, recoveries outstanding, overdue items', async () => {
    const report = (await annual(auditor).expect(200)).body;
    const mine = report.applications.filter((a: Json) => Object.values(apps).includes(a.applicationId));
    expect(mine.map((a: Json) => a.status).sort()).toEqual(['accepted', 'approved', 'contracted', 'rejected', 'under_review']);
    expect(mine.find((a: Json) => a.applicationId === apps.m2)).toMatchObject({ statusLabel: 'đã nghiệm thu', approvedSupport: '250000000', committed: '25000000', disbursed: '225000000', recovered: '10000000', decisionNo: 'm2/QĐ-SCT' });
    expect(mine.find((a: Json) => a.applicationId === apps.r1)).toMatchObject({ approvedSupport: null, committed: '0' });
    // What is still to recover is read from the records now: 25.000.000 owed, 10.000.000 received (as section VII says).
    expect(report.settlements.find((s: Json) => s.applicationId === apps.m2)).toMatchObject({ status: 'approved', finalSupport: '200000000', paid: '225000000', recovered: '10000000', balance: '-15000000' });
    expect(report.recoveriesOutstanding.find((r: Json) => r.applicationId === apps.m2)).toMatchObject({ amount: '25000000', received: '10000000', outstanding: '15000000' });
    expect(report.overdue.find((o: Json) => o.applicationId === apps.late)).toMatchObject({ kind: 'file', dueDate: '2020-01-15', unitName: units.a && 'Trung tâm Khuyến công và Tư vấn phát triển công nghiệp' });
  });

  it('annual review for one unit holds that unit only', async () => {
    const report = (await annual(finance, { unitId: units.c.id }).expect(200)).body;
    expect(report.units.map((u: Json) => u.unitId)).toEqual([units.c.id]);
    const local = report.funds.find((f: Json) => f.fundCode === funds.local);
    expect(local).toMatchObject({ appropriated: '3000000000', allocated: '1000000000', disbursed: '225000000' });
    expect(report.applications.map((a: Json) => a.applicationId)).toEqual([apps.m2]);
    expect(sum(report.activityTypes.map((a: Json) => a.disbursed)).toFixed()).toBe('225000000');
  });

  it('annual review as CSV: UTF-8 with BOM, Vietnamese headers, the same figures as the JSON', async () => {
    const json = (await annual(finance).expect(200)).body;
    const res = await annual(finance, { format: 'csv' }).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toContain(`bao-cao-tong-ket-${YEAR}.csv`);
    const text: string = res.text;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const blocks = csvBlocks(text);
    expect(blocks.map((b) => b.heading)).toEqual([
      'I. Kinh phí theo nguồn',
      'II. Phân bổ và thực hiện theo đơn vị',
      'III. Thực hiện theo loại hoạt động khuyến công',
      'IV. Thực hiện theo xã, phường',
      'V. Danh sách đề án',
      'VI. Quyết toán',
      'VII. Các khoản thu hồi còn phải thu',
      'VIII. Việc quá hạn',
      'IX. Kế hoạch và kết quả thực hiện theo loại hoạt động, đơn vị, nguồn kinh phí',
      'X. Kết quả, hiệu quả của các đề án đã nghiệm thu',
      'XI. Đánh giá chung',
      'XII. Khen thưởng',
    ]);
    const unitsBlock = blocks[1];
    expect(unitsBlock.header).toEqual(['Mã định danh đơn vị', 'Mã đơn vị', 'Tên đơn vị', 'Số đề án', 'Đã phân bổ', 'Đang cam kết', 'Đã giải ngân', 'Đã thu hồi', 'Còn khả dụng']);
    const body = unitsBlock.rows.slice(0, -1);
    expect(body).toHaveLength(json.units.length);
    for (const u of json.units) {
      const row = body.find((r) => r[0] === u.unitId)!;
      expect(row).toEqual([u.unitId, u.unitCode, u.unitName, String(u.applications), u.allocated, u.committed, u.disbursed, u.recovered, u.available]);
    }
    const fileCount = json.units.reduce((n: number, u: Json) => n + u.applications, 0);
    expect(unitsBlock.rows.at(-1)).toEqual(['', 'Tổng cộng', '', String(fileCount), json.totals[0].allocated, json.totals[0].committed, json.totals[0].disbursed, json.totals[0].recovered, json.totals[0].available]);
    const files = blocks[4];
    const m1 = files.rows.find((r) => r[0] === apps.m1)!;
    expect(m1[files.header.indexOf('Tên đề án')]).toMatch(/^Ứng dụng máy sấy nông sản: ạ ả ấ/);
    expect(m1[files.header.indexOf('Kinh phí phê duyệt')]).toBe('300000000');
    expect(m1[files.header.indexOf('Xã, phường')]).toBe(communeCode);

    // IX: each plan row as the JSON says it, the totals line the JSON's plan totals
    const [planBlock, outcomeBlock, assessment, commendations] = blocks.slice(8);
    expect(planBlock.header).toEqual(['Mã hoạt động', 'Loại hoạt động', 'Mã định danh đơn vị', 'Mã đơn vị', 'Tên đơn vị', 'Nguồn', 'Số đề án kế hoạch', 'Dự toán kế hoạch', 'Số đề án được phê duyệt', 'Kinh phí phê duyệt', 'Đã giải ngân', 'Ghi chú']);
    expect(planBlock.rows.slice(0, -1)).toEqual(
      json.plan.map((r: Json) => [r.activityTypeCode, r.activityTypeName, r.unitId, r.unitCode, r.unitName, r.fundCode, String(r.plannedCount), r.plannedBudget, String(r.actualCount), r.approvedSupport, r.disbursed, r.inPlan ? '' : 'Ngoài kế hoạch']),
    );
    const [planTotal] = json.planTotals;
    expect(planBlock.rows.at(-1)).toEqual(['', 'Tổng cộng', '', '', '', '', String(planTotal.plannedCount), planTotal.plannedBudget, String(planTotal.actualCount), planTotal.approvedSupport, planTotal.disbursed, '']);
    // …and what was done is the totals line's: the budget summary's
    expect([planTotal.actualCount, planTotal.approvedSupport, planTotal.disbursed]).toEqual([json.totals[0].applications, json.totals[0].approvedSupport, json.totals[0].disbursed]);
    // X: the outcomes by activity type, totalled as the JSON totals them
    const o = json.outcomes;
    expect(outcomeBlock.rows.at(-1)).toEqual(['', 'Tổng cộng', ...[o.acceptedFiles, o.reportedFiles, o.jobsCreated, o.jobsKept, o.womenWorkers, o.disabledWorkers, o.trainees, o.modelsBuilt].map(String)]);
    // XI and XII: the assessment's four parts and the commendations, as written
    expect(assessment.rows).toEqual([
      ['Kết quả đạt được', json.narrative.results],
      ['Khó khăn, vướng mắc', json.narrative.difficulties],
      ['Nguyên nhân', json.narrative.causes],
      ['Đề xuất, kiến nghị', json.narrative.proposals],
    ]);
    expect(commendations.rows.slice(0, -1).map((r) => r.slice(1))).toEqual(json.commendations.map((x: Json) => [x.recipient, x.form, x.decisionNo, x.decisionDate, x.reason]));
    expect(commendations.rows.at(-1)![1]).toBe('Tổng cộng: 2 lượt khen thưởng');
  });

  it('annual review as XLSX: a sheet per section, frozen header, numeric cells equal to the JSON', async () => {
    const json = (await annual(finance).expect(200)).body;
    const res = await annual(finance, { format: 'xlsx' }).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '1. Nguồn kinh phí',
      '2. Theo đơn vị',
      '3. Theo loại hoạt động',
      '4. Theo xã, phường',
      '5. Danh sách đề án',
      '6. Quyết toán',
      '7. Thu hồi còn phải thu',
      '8. Việc quá hạn',
      '9. Kế hoạch và thực hiện',
      '10. Kết quả các đề án',
      '11. Đánh giá chung',
      '12. Khen thưởng',
    ]);
    const sheet = book.worksheets[0];
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toContain('Dự toán được giao');
    const col = (name: string) => headers.indexOf(name) + 1;
    for (const fund of json.funds) {
      const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === fund.fundCode)!;
      for (const [field, header] of [['appropriated', 'Dự toán được giao'], ['allocated', 'Đã phân bổ'], ['disbursed', 'Đã giải ngân'], ['available', 'Còn khả dụng']]) {
        const cell = row.getCell(col(header));
        expect(typeof cell.value).toBe('number');
        expect(M(cell.value as number).toFixed()).toBe(fund[field]);
        expect(cell.numFmt).toBe('#,##0');
      }
    }
    const total = sheet.getRow(sheet.rowCount);
    expect(total.getCell(1).value).toBe('Tổng cộng');
    expect(M(total.getCell(col('Dự toán được giao')).value as number).toFixed()).toBe(json.totals[0].appropriated);
    expect(total.font?.bold).toBe(true);

    // the plan sheet: numbers equal to the JSON's, row by row and in the totals
    const planSheet = book.worksheets[8];
    const planHeaders = (planSheet.getRow(1).values as unknown[]).slice(1);
    const at = (name: string) => planHeaders.indexOf(name) + 1;
    const planRows = planSheet.getRows(2, planSheet.rowCount - 2)!;
    expect(planRows).toHaveLength(json.plan.length);
    json.plan.forEach((r: Json, i: number) => {
      const row = planRows[i];
      expect([row.getCell(at('Mã hoạt động')).value, row.getCell(at('Mã định danh đơn vị')).value]).toEqual([r.activityTypeCode, r.unitId]);
      expect(row.getCell(at('Số đề án kế hoạch')).value).toBe(r.plannedCount);
      expect(row.getCell(at('Số đề án được phê duyệt')).value).toBe(r.actualCount);
      for (const [field, header] of [['plannedBudget', 'Dự toán kế hoạch'], ['approvedSupport', 'Kinh phí phê duyệt'], ['disbursed', 'Đã giải ngân']]) {
        expect(typeof row.getCell(at(header)).value).toBe('number');
        expect(M(row.getCell(at(header)).value as number).toFixed()).toBe(r[field]);
      }
    });
    const planTotal = planSheet.getRow(planSheet.rowCount);
    expect(planTotal.getCell(at('Loại hoạt động')).value).toBe('Tổng cộng');
    expect(M(planTotal.getCell(at('Dự toán kế hoạch')).value as number).toFixed()).toBe(json.planTotals[0].plannedBudget);
    expect(M(planTotal.getCell(at('Đã giải ngân')).value as number).toFixed()).toBe(json.totals[0].disbursed);
    const outcomeSheet = book.worksheets[9];
    const outcomeHeaders = (outcomeSheet.getRow(1).values as unknown[]).slice(1);
    expect(outcomeSheet.getRow(outcomeSheet.rowCount).getCell(outcomeHeaders.indexOf('Lao động có việc làm mới') + 1).value).toBe(json.outcomes.jobsCreated);
    expect(outcomeSheet.getRow(outcomeSheet.rowCount).getCell(outcomeHeaders.indexOf('Trong đó: lao động nữ') + 1).value).toBe(json.outcomes.womenWorkers);
    expect(book.worksheets[10].getRow(4).getCell(2).value).toBe(json.narrative.causes);
    expect(book.worksheets[11].getRow(2).getCell(2).value).toBe(json.commendations[0].recipient);
  });

  it('annual review as PDF: official header, Vietnamese headings and the JSON totals in vi-VN form', async () => {
    const json = (await annual(finance).expect(200)).body;
    const res = await annual(finance, { format: 'pdf' }).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(res.body);
    const flatText = text.replace(/\s+/g, ' ');
    for (const expected of [
      t.config.ISSUING_BODY,
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      placeDateLine(t.config.ISSUING_PLACE, t.clock.today()),
      'Số: .......',
      'BÁO CÁO',
      `Tổng kết tình hình thực hiện kinh phí khuyến công năm ${YEAR}`,
      'I. Kinh phí theo nguồn',
      'II. Phân bổ và thực hiện theo đơn vị',
      'III. Thực hiện theo loại hoạt động khuyến công',
      'IV. Thực hiện theo xã, phường',
      'V. Danh sách đề án',
      'VI. Quyết toán',
      'VII. Các khoản thu hồi còn phải thu',
      'VIII. Việc quá hạn',
      'IX. Kế hoạch và kết quả thực hiện theo loại hoạt động, đơn vị, nguồn kinh phí',
      'X. Kết quả, hiệu quả của các đề án đã nghiệm thu',
      'XI. Đánh giá chung',
      '1. Kết quả đạt được',
      '2. Khó khăn, vướng mắc',
      '3. Nguyên nhân',
      '4. Đề xuất, kiến nghị',
      'XII. Khen thưởng',
      'Tổng cộng: 2 lượt khen thưởng',
      'Biểu đồ: kinh phí phân bổ và giải ngân theo đơn vị',
      'Tổng cộng',
      'NGƯỜI LẬP BIỂU',
      'KẾ TOÁN TRƯỞNG',
      'GIÁM ĐỐC',
      'Trần Thị Lập Biểu',
      'Nơi nhận:',
    ]) {
      expect(text).toContain(expected);
    }
    // every Vietnamese letter of the file's title came through the font (the title itself wraps in its cell)
    for (const letter of 'ỨạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđĐ') expect(text).toContain(letter);
    const totals = json.totals[0];
    for (const field of ['appropriated', 'allocated', 'committed', 'disbursed', 'available']) expect(text).toContain(formatNumberVi(M(totals[field])));
    expect(text).toContain(`Dự toán được giao: ${formatMoneyVi(M(totals.appropriated))}`);
    expect(text).toContain(`Đã giải ngân: ${formatMoneyVi(M(totals.disbursed))}`);
    // the programme's figures in vi-VN form: the plan's totals, the outcomes, the assessment as written, the commendations
    const [plan] = json.planTotals;
    for (const amount of [plan.plannedBudget, plan.approvedSupport, plan.disbursed]) expect(text).toContain(formatNumberVi(M(amount)));
    expect(text).toContain(`Kế hoạch năm: ${plan.plannedCount} đề án, dự toán ${formatMoneyVi(M(plan.plannedBudget))}`);
    expect(flatText).toContain(`tạo việc làm mới cho ${json.outcomes.jobsCreated} lao động, duy trì việc làm cho ${json.outcomes.jobsKept} lao động`);
    for (const part of ['results', 'difficulties', 'causes', 'proposals']) for (const paragraph of json.narrative[part].split('\n')) expect(flatText).toContain(paragraph);
    for (const commendation of json.commendations) expect(flatText).toContain(commendation.recipient);
    expect(text).toMatch(/Trang 1\/\d+/);
    const pages = Number(/Trang 1\/(\d+)/.exec(text)![1]);
    expect(text).toContain(`Trang ${pages}/${pages}`);
    // the chart is vector graphics: rectangles filled in the series' colours, no embedded image
    expect(res.body.includes(Buffer.from('/Subtype /Image'))).toBe(false);
  });

  it('period report: movements by kind and unit, approvals, payments and receipts of the period', async () => {
    const today = t.clock.today();
    const res = await t.http.get('/api/v1/reports/period').query({ from: today, to: today }).set(leader.auth).expect(200);
    const report = res.body;
    const mine = (kind: string) => report.movements.filter((m: Json) => [funds.central, funds.local].includes(m.fundCode) && m.kind === kind);
    expect(sum(mine('appropriation').map((m: Json) => m.amount)).toFixed()).toBe('8000000000');
    expect(sum(mine('allocation').map((m: Json) => m.amount)).toFixed()).toBe('4500000000');
    expect(sum(mine('disbursement').map((m: Json) => m.amount)).toFixed()).toBe('935000000');
    expect(mine('disbursement').reduce((n: number, m: Json) => n + m.transfers, 0)).toBe(4);
    const unitB = report.units.filter((u: Json) => u.unitId === units.b.id);
    expect(unitB.find((u: Json) => u.kind === 'allocation_transfer')).toMatchObject({ transfers: 1, amount: '100000000', kindLabel: 'Điều chuyển giữa đơn vị' });
    expect(report.units.find((u: Json) => u.unitId === units.a.id && u.kind === 'allocation_transfer')).toMatchObject({ amount: '100000000' });
    const ours = report.payments.filter((p: Json) => Object.values(apps).includes(p.applicationId));
    expect(sum(ours.map((p: Json) => p.amount)).toFixed()).toBe('935000000');
    expect(report.approvals.filter((a: Json) => Object.values(apps).includes(a.applicationId)).map((a: Json) => a.approvedSupport).sort()).toEqual(['250000000', '300000000', '750000000']);
    expect(report.receipts.find((r: Json) => r.applicationId === apps.m2)).toMatchObject({ amount: '10000000' });
    expect(report.totals[0].paid).toBe(sum(report.payments.map((p: Json) => p.amount)).toFixed());

    const forUnit = (await t.http.get('/api/v1/reports/period').query({ from: today, to: today, unitId: units.c.id }).set(finance.auth).expect(200)).body;
    expect(forUnit.payments.map((p: Json) => p.amount).sort()).toEqual(['175000000', '50000000']);
    expect(new Set(forUnit.units.map((u: Json) => u.unitId))).toEqual(new Set([units.c.id]));

    const csv = await t.http.get('/api/v1/reports/period').query({ from: today, to: today, format: 'csv' }).set(finance.auth).expect(200);
    const blocks = csvBlocks(csv.text);
    expect(blocks.map((b) => b.heading)).toEqual([
      'I. Biến động kinh phí theo nguồn và loại nghiệp vụ',
      'II. Biến động kinh phí theo đơn vị',
      'III. Đề án được phê duyệt trong kỳ',
      'IV. Các khoản đã chi trả trong kỳ',
      'V. Các khoản chi được Kho bạc trả lại trong kỳ',
      'VI. Các khoản thu hồi đã nhận trong kỳ',
    ]);
    expect(blocks[3].rows.at(-1)!.at(-1)).toBe(report.totals[0].paid);

    const pdf = await t.http.get('/api/v1/reports/period').query({ from: today, to: today, format: 'pdf' }).set(finance.auth).buffer(true).parse(binary).expect(200);
    const text = pdfText(pdf.body);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('I. Biến động kinh phí theo nguồn và loại nghiệp vụ');
    expect(text).toContain(`Chi trả ${report.totals[0].payments} khoản, tổng số tiền ${formatMoneyVi(M(report.totals[0].paid))}`);

    const xlsx = await t.http.get('/api/v1/reports/period').query({ from: today, to: today, format: 'xlsx' }).set(finance.auth).buffer(true).parse(binary).expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body);
    expect(book.worksheets).toHaveLength(6);
    const paidSheet = book.worksheets[3];
    expect(M(paidSheet.getRow(paidSheet.rowCount).getCell(paidSheet.columnCount).value as number).toFixed()).toBe(report.totals[0].paid);
  });

  it('annual PDF names activity types in Vietnamese and keeps every code on one line', async () => {
    const json = (await annual(finance).expect(200)).body;
    const res = await annual(finance, { format: 'pdf' }).buffer(true).parse(binary).expect(200);
    const text = pdfText(res.body);
    // The activity type as people call it, never its internal code.
    const machinery = json.activityTypes.find((a: Json) => a.code === 'machinery');
    expect(text).toContain(machinery.name.split(' ').slice(0, 4).join(' '));
    expect(text).not.toMatch(/\bmachinery\b|\bdemo_model\b/);
    // Codes are never broken across lines (a fund code read as "KCDP-202" over "6"): each is a word
    // of some line, and no line holds a piece of it. (pdftotext may put a code on the line of the
    // cell beside it, whose text wraps: what matters is that the code itself does not.)
    const words = text.split('\n').flatMap((l) => l.trim().split(/\s+/));
    for (const code of [funds.central, funds.local, units.a.code, units.b.code, units.c.code]) {
      expect(words).toContain(code);
      const pieces = words.filter((w) => w !== code && w.length >= 2 && (code.startsWith(w) || code.endsWith(w)));
      expect({ code, pieces }).toEqual({ code, pieces: [] });
    }
  });

  it('period report totals each kind of movement, never appropriations, allocations and payments together', async () => {
    const today = t.clock.today();
    const report = (await t.http.get('/api/v1/reports/period').query({ from: today, to: today }).set(finance.auth).expect(200)).body;
    const csv = await t.http.get('/api/v1/reports/period').query({ from: today, to: today, format: 'csv' }).set(finance.auth).expect(200);
    const [movements, byUnit] = csvBlocks(csv.text);
    for (const block of [movements, byUnit]) {
      const kindLabels = block.rows.filter((r) => !r.some((cell) => cell.startsWith('Cộng'))).map((r) => r[block.header.indexOf('Nghiệp vụ')]);
      const totals = block.rows.filter((r) => r.some((cell) => cell.startsWith('Cộng') || cell.startsWith('Tổng cộng')));
      // One total per kind that has several rows, labelled with the kind; no grand total of everything.
      // (Other test files share the run's database: a kind moved in two currencies that day is totalled per currency.)
      const labels = [...new Set(totals.map((r) => r[block.header.indexOf('Nghiệp vụ')].replace(/ \([A-Z]{3}\)$/, '')))];
      expect(labels).toEqual(
        [...new Set(kindLabels)].filter((k) => kindLabels.filter((x) => x === k).length > 1).map((k) => `Cộng: ${k}`),
      );
    }
    // The VND appropriations of the day (another file may have appropriated in another currency the same day:
    // then each currency has its own total, labelled with it).
    const appropriations = report.movements.filter((m: Json) => m.kind === 'appropriation' && m.currency === 'VND');
    expect(appropriations.length).toBeGreaterThan(1);
    const currencies = new Set(report.movements.filter((m: Json) => m.kind === 'appropriation').map((m: Json) => m.currency));
    const vndLabel = currencies.size > 1 ? 'Cộng: Giao dự toán (VND)' : 'Cộng: Giao dự toán';
    const appropriated = movements.rows.find((r) => r[movements.header.indexOf('Nghiệp vụ')] === vndLabel)!;
    expect(appropriated.at(-1)).toBe(sum(appropriations.map((m: Json) => m.amount)).toFixed());
    const pdf = await t.http.get('/api/v1/reports/period').query({ from: today, to: today, format: 'pdf' }).set(finance.auth).buffer(true).parse(binary).expect(200);
    const text = pdfText(pdf.body);
    expect(text).toContain('Cộng: Giao dự toán');
    expect(text).not.toContain(formatNumberVi(sum(report.movements.map((m: Json) => m.amount))));
    // Approvals name the unit that pays, not its code.
    expect(report.approvals.find((a: Json) => a.applicationId === apps.m1)).toMatchObject({ unitName: 'Trung tâm Khuyến công và Tư vấn phát triển công nghiệp' });
  });

  it('names a month, six months and a free range', async () => {
    const names = async (from: string, to: string) => (await t.http.get('/api/v1/reports/period').query({ from, to }).set(finance.auth).expect(200)).body.periodName;
    expect(await names('2046-11-01', '2046-11-30')).toBe('tháng 11 năm 2046');
    expect(await names('2046-01-01', '2046-06-30')).toBe('6 tháng đầu năm 2046');
    expect(await names('2046-02-03', '2046-02-10')).toBe('từ ngày 03/02/2046 đến ngày 10/02/2046');
  });

  it('overdue report keeps its JSON and adds PDF, CSV and XLSX', async () => {
    const json = (await t.http.get('/api/v1/reports/overdue').set(head.auth).expect(200)).body;
    expect(Object.keys(json).sort()).toEqual(['byPerson', 'byUnit', 'consultations', 'files', 'generatedAt', 'settlements', 'today', 'totals']);
    expect(json.files.find((f: Json) => f.applicationId === apps.late)).toBeTruthy();
    const pdf = await t.http.get('/api/v1/reports/overdue').query({ format: 'pdf' }).set(head.auth).buffer(true).parse(binary).expect(200);
    const text = pdfText(pdf.body);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Hồ sơ trễ hạn thẩm định');
    expect(text).toContain(`Tổng số: ${json.totals.files} hồ sơ quá hạn xử lý`);
    expect(text).toContain('TRƯỞNG PHÒNG');
    const csv = await t.http.get('/api/v1/reports/overdue').query({ format: 'csv' }).set(leader.auth).expect(200);
    const files = csvBlocks(csv.text)[2];
    expect(files.rows.length - 1).toBe(json.files.length);
    const xlsx = await t.http.get('/api/v1/reports/overdue').query({ format: 'xlsx' }).set(auditor.auth).buffer(true).parse(binary).expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body);
    expect(book.worksheets.map((s) => s.name)).toEqual(['1. Theo đơn vị', '2. Theo người chịu trách nhiệm', '3. Hồ sơ quá hạn xử lý', '4. Xin ý kiến quá hạn', '5. Quá hạn nộp quyết toán']);
    await t.http.get('/api/v1/reports/overdue').query({ format: 'doc' }).set(head.auth).expect(400);
  });

  it('exports approved grants in the 360Giving Data Standard (required fields, numbers for amounts)', async () => {
    const res = await t.http.get('/api/v1/exports/grants').query({ fiscalYear: YEAR }).set(auditor.auth).expect(200);
    const grants: Json[] = res.body.grants;
    const ours = grants.filter((g) => Object.values(apps).some((id) => g.id.endsWith(id)));
    expect(ours.map((g) => g.amountAwarded).sort((a, b) => a - b)).toEqual([250000000, 300000000, 750000000]);
    const isDate = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
    const isOrgList = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every((o) => typeof o.id === 'string' && o.id.length > 0 && typeof o.name === 'string' && o.name.length > 0);
    for (const g of grants) {
      // the standard's required fields and their types
      expect(typeof g.id).toBe('string');
      expect(g.id.startsWith(`${t.config.GRANT_ID_PREFIX}-`)).toBe(true);
      expect(typeof g.title).toBe('string');
      expect(g.title.length).toBeLessThanOrEqual(140);
      expect(typeof g.description).toBe('string');
      expect(g.currency).toMatch(/^[A-Z]{3}$/);
      expect(typeof g.amountAwarded).toBe('number');
      expect(isDate(g.awardDate)).toBe(true);
      expect(isOrgList(g.recipientOrganization)).toBe(true);
      expect(isOrgList(g.fundingOrganization)).toBe(true);
      for (const location of g.beneficiaryLocation ?? []) expect(typeof location.name).toBe('string');
    }
    const m1 = ours.find((g) => g.id === `${t.config.GRANT_ID_PREFIX}-${apps.m1}`)!;
    expect(m1).toMatchObject({ currency: 'VND', amountAwarded: 300000000, awardDate: t.clock.today(), fundingOrganization: [{ id: t.config.GRANT_ID_PREFIX, name: t.config.ISSUING_BODY }], beneficiaryLocation: [{ name: `Xã, phường mã ${communeCode}`, geoCode: communeCode }] });
    expect(m1.recipientOrganization[0].name).toBe('Hợp tác xã m1 Đồng Tháp');
    expect(ours.some((g) => g.id.endsWith(apps.r1))).toBe(false);
  });

  it('lists the same overdue settlements in the overdue report and the annual review: the latest passed acceptance sets the due date, today in Asia/Ho_Chi_Minh', async () => {
    // Accepted three times, written straight to the database: failed (no due date), passed with a
    // due date of 16/05, then passed again (the latest acceptance) with an earlier one, 05/05.
    // The workflow lets one passed acceptance through today; the reports must not rest on that.
    const id = await insertApplication({ key: 'accepted-twice', fund: funds.local, unit: 'a', activity: 'machinery', commune: communeCode, status: 'accepted', title: 'Nghiệm thu lại', officer });
    const acceptance = (result: string, date: string, due: string | null) =>
      db().query(
        `INSERT INTO acceptances (id, application_id, result, accepted_date, minutes_no, settlement_due_date, created_by, created_at) VALUES (?,?,?,?,?,?,?,NOW(3))`,
        [newId(), id, result, date, `NT-${result}-${date}`, due, officer.id],
      );
    await acceptance('failed', '2020-04-10', null);
    await acceptance('passed', '2020-05-01', '2020-05-16');
    await acceptance('passed', '2020-04-20', '2020-05-05');

    type Late = { applicationId: string; dueDate: string; daysOverdue: number };
    const pick = ({ applicationId, dueDate, daysOverdue }: Late) => ({ applicationId, dueDate, daysOverdue });
    const both = async (unitId?: string) => {
      const query = unitId ? { fiscalYear: YEAR, unitId } : { fiscalYear: YEAR };
      const overdue = (await t.http.get('/api/v1/reports/overdue').query(query).set(head.auth).expect(200)).body;
      const review = (await annual(auditor, unitId ? { unitId } : {}).expect(200)).body;
      return {
        overdue: overdue.settlements.map(pick),
        review: review.overdue.filter((o: Json) => o.kind === 'settlement').map(pick),
      };
    };
    const started = t.clock.now();
    try {
      // 23:30 on 05/05 in Hồ Chí Minh City (16:30 UTC): the due date has not passed yet.
      t.clock.set('2020-05-05T16:30:00Z');
      const onDueDate = await both();
      expect(onDueDate.overdue).toEqual(onDueDate.review);
      expect(onDueDate.overdue.map((s: Late) => s.applicationId)).not.toContain(id);

      // 00:30 on 06/05 there (still 05/05 in UTC): one day overdue, in both reports alike.
      t.clock.set('2020-05-05T17:30:00Z');
      for (const unitId of [undefined, units.a.id]) {
        const next = await both(unitId);
        expect(next.review).toEqual(next.overdue);
        expect(next.overdue).toContainEqual({ applicationId: id, dueDate: '2020-05-05', daysOverdue: 1 });
      }

      // Months later, the same day count in both.
      t.clock.set('2020-08-01T03:00:00Z');
      const later = await both();
      expect(later.review).toEqual(later.overdue);
      expect(later.overdue).toContainEqual({ applicationId: id, dueDate: '2020-05-05', daysOverdue: 88 });
    } finally {
      t.clock.set(started);
    }
  });

  it('lets finance, leader and auditor read reports; others get 403, nobody without a token', async () => {
    await annual(officer).expect(403);
    await annual(head).expect(403);
    await annual(applicant).expect(403);
    await t.http.get(`/api/v1/reports/annual/${YEAR}`).expect(401);
    await t.http.get('/api/v1/reports/period').query({ from: '2046-01-01', to: '2046-01-31' }).set(officer.auth).expect(403);
    await t.http.get('/api/v1/reports/period').query({ from: '2046-01-01', to: '2046-01-31' }).expect(401);
    await t.http.get('/api/v1/exports/grants').set(leader.auth).expect(403);
    await t.http.get('/api/v1/exports/grants').expect(401);
    await t.http.get('/api/v1/exports/grants').set(finance.auth).expect(200);
    await t.http.get('/api/v1/reports/overdue').query({ format: 'pdf' }).set(finance.auth).expect(403);
  });

  it.each([
    [`/reports/annual/abc`, {}, 'year'],
    [`/reports/annual/1999`, {}, 'year'],
    [`/reports/annual/${YEAR}`, { format: 'docx' }, 'format'],
    [`/reports/annual/${YEAR}`, { unitId: 'nope' }, 'unitId'],
    [`/reports/annual/${YEAR}`, { unitId: '01ABCDEFGHJKMNPQRSTVWXYZ00' }, 'unitId'],
    [`/reports/annual/${YEAR}`, { extra: '1' }, 'extra'],
    ['/reports/period', { to: '2046-01-31' }, 'from'],
    ['/reports/period', { from: '2046-01-01' }, 'to'],
    ['/reports/period', { from: '2046-02-30', to: '2046-03-01' }, 'from'],
    ['/reports/period', { from: '2046-03-01', to: '2046-02-01' }, 'to'],
    ['/reports/period', { from: '2040-01-01', to: '2046-02-01' }, 'to'],
    ['/reports/period', { from: '2046-01-01', to: '2046-01-31', format: 'xml' }, 'format'],
    ['/exports/grants', { fiscalYear: 'abc' }, 'fiscalYear'],
  ])('GET %s %p is a 400 naming %s', async (path, query, field) => {
    const res = await t.http.get(`/api/v1${path}`).query(query).set(auditor.auth).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});
