import type { Test } from 'supertest';
import { createActor, TestActor } from './actors';
import { fundWithBudget, postMoney, uniqueCode } from './budget';
import { attachRequiredDocuments, registerEstablishment, sampleFileBody } from './files';
import type { TestApp } from './test-app';

/**
 * The callers of the access matrix, one per column: who they are and where they stand.
 *
 * The province: a Sở (department) with, under it, the extension centre (TTKC) and a division of
 * the Sở outside the centre. Under the centre: the lead unit (a division) and another division.
 *
 * | column | role      | unit                                  | relation to the files the matrix acts on           |
 * |--------|-----------|---------------------------------------|----------------------------------------------------|
 * | anon   | —         | —                                     | no token                                           |
 * | own    | applicant | —                                     | owns every file of the world                       |
 * | strg   | applicant | —                                     | owns none                                          |
 * | oAsg   | officer   | lead unit                             | the files' responsible officer                     |
 * | oUnit  | officer   | lead unit                             | same unit, not assigned                            |
 * | oRtn   | officer   | lead unit                             | not assigned; holds hLead's routine delegation,    |
 * |        |           |                                       | in force today (assigns and initials for hLead)    |
 * | oOth   | officer   | other division of the centre          | another unit (inside the centre: sees the intake)  |
 * | oCons  | officer   | division of the Sở outside the centre | the unit consulted on the files once in review     |
 * | hCons  | head      | division of the Sở outside the centre | head of the unit consulted                         |
 * | hLead  | head      | lead unit                             | head of the lead unit                              |
 * | hUp    | head      | the centre                            | head of the unit above the lead unit               |
 * | hOth   | head      | other division of the centre          | head of another unit (inside the centre)           |
 * | hDlg   | head      | other division of the centre          | as hOth, but holds the director's delegation to    |
 * |        |           |                                       | decide, in force today (sees what the director     |
 * |        |           |                                       | sees, decides, approves checked settlements)       |
 * | lead   | leader    | —                                     | the director (no field of work: every file)        |
 * | dep    | leader    | —                                     | a deputy director whose field is demo models only  |
 * | depIn  | leader    | —                                     | a deputy director whose field is machinery: inside |
 * | fin    | finance   | —                                     |                                                    |
 * | aud    | auditor   | —                                     |                                                    |
 * | adm    | admin     | —                                     | placed in no unit                                  |
 */
export const CALLERS = ['anon', 'own', 'strg', 'oAsg', 'oUnit', 'oRtn', 'oOth', 'oCons', 'hCons', 'hLead', 'hUp', 'hOth', 'hDlg', 'lead', 'dep', 'depIn', 'fin', 'aud', 'adm'] as const;
export type Caller = (typeof CALLERS)[number];
export type User = Exclude<Caller, 'anon'>;

/** Support every file of the world asks for and is granted: small, so the allocation lasts. */
export const SUPPORT = '10000000';
/** The advance paid on the world's money file: the most its rule allows (70 %). */
const ADVANCE = '7000000';

export interface World {
  t: TestApp;
  as: Record<User, TestActor>;
  /** A second finance user: asks, approves or pays where `fin` must not have (maker-checker). */
  fin2: TestActor;
  /** An officer of the centre itself, to whom its head may hand routine work. */
  centreOfficer: TestActor;
  units: { department: string; centre: string; lead: string; other: string; consulted: string };
  today: string;
  tomorrow: string;
  /** A due date a month ahead (assignments, consultations, returns). */
  due: string;
  year: number;
  fundCode: string;
  establishments: { own: { id: string; taxCode: string }; strg: { id: string; taxCode: string } };
  /** Files of the world, read by the matrix and never changed by it. */
  files: {
    draft: string;
    /** Submitted, not yet assigned: the intake queue. */
    intake: string;
    /** In review, led by the lead unit, the consulted unit asked (open consultation). */
    review: string;
    /** In review, nobody consulted. */
    quiet: string;
    /** Contracted: the disbursements the matrix approves, rejects, pays and returns are asked on it, small. */
    paying: string;
  };
  /** Titles that find each world file with `GET /applications?q=`. */
  titles: { review: string; intake: string };
  consultationId: string;
  /** A consultation on the file in review whose unit asked for more time; nobody decided it. */
  pendingExtensionId: string;
  /** The owner's document on the file in review. */
  documentId: string;
  /** A file walked to a recovery: advance paid, accepted, settlement approved below what was paid. */
  money: { fileId: string; advanceId: string; advanceTransferId: string; settlementId: string; recoveryId: string };
  reversalRequestId: string;
  importId: string;
  /** From the leader to the lead unit's head. */
  leaderDelegationId: string;
  /** Between two people who are not in the matrix. */
  foreignDelegationId: string;
  /** What makes fresh records for the calls that change state. */
  make: Factory;
}

const api = (path: string) => `/api/v1${path}`;
let seq = 0;
const tag = () => `${Date.now().toString(36)}${(seq++).toString(36)}`.toUpperCase();
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Awaits a request the world needs to succeed; says what failed and why when it does not. */
export async function must<T = Record<string, any>>(request: Test, status: number, what: string): Promise<T> {
  const res = await request;
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

/**
 * Fresh records, each made through the API by the people whose job the step is (the owner
 * submits, the lead unit's head assigns, the responsible officer consults, recommends, contracts,
 * a second finance user approves and pays), so they keep working under any authority rule that
 * lets the right person act.
 */
export class Factory {
  constructor(private readonly w: World) {}

  private get t() {
    return this.w.t;
  }

  private get as() {
    return this.w.as;
  }

  async draft(title = 'Ứng dụng máy sấy lúa tiên tiến'): Promise<string> {
    const body = { ...sampleFileBody({ establishmentId: this.w.establishments.own.id, year: this.w.year, fundCode: this.w.fundCode, requestedSupport: SUPPORT }), title };
    return (await must(this.t.http.post(api('/applications')).set(this.as.own.auth).send(body), 201, 'draft')).id;
  }

  /** A draft carrying the documents its activity type requires: ready to submit. */
  async completeDraft(title?: string): Promise<string> {
    const id = await this.draft(title);
    await attachRequiredDocuments(this.t, this.as.own, id);
    return id;
  }

  async submitted(title?: string): Promise<string> {
    const id = await this.completeDraft(title);
    await must(this.t.http.post(api(`/applications/${id}/submit`)).set(this.as.own.auth), 200, 'submit');
    return id;
  }

  /** Assigned to the lead unit and its officer `oAsg`; unless told, the officer consults the consulted unit. */
  async review(options: { title?: string; consulted?: boolean } = {}): Promise<string> {
    const id = await this.submitted(options.title);
    await must(
      this.t.http.post(api(`/applications/${id}/assign`)).set(this.as.hLead.auth).send({ officerId: this.as.oAsg.id, leadUnitId: this.w.units.lead, dueDate: this.w.due }),
      200,
      'assign',
    );
    if (options.consulted !== false) await this.consultation(id);
    return id;
  }

  /** An open consultation of the consulted unit on file `id`, asked by its responsible officer. */
  async consultation(id: string): Promise<string> {
    const body = { unitId: this.w.units.consulted, question: 'Đề nghị cho ý kiến về tính khả thi của máy sấy', dueDate: this.w.due };
    return (await must(this.t.http.post(api(`/applications/${id}/consultations`)).set(this.as.oAsg.auth).send(body), 201, 'consult')).id;
  }

  /** An open consultation on file `id` whose unit asked for a week more; nobody has decided yet. */
  async extensionRequested(id: string): Promise<string> {
    const consultationId = await this.consultation(id);
    const body = { newDueDate: addDays(this.w.due, 7), reason: 'Cần thêm thời gian khảo sát' };
    await must(this.t.http.post(api(`/consultations/${consultationId}/extension`)).set(this.as.oCons.auth).send(body), 200, 'extension request');
    return consultationId;
  }

  /** A file in review that its responsible officer has appraised (a recommendation rests on an appraisal). */
  async appraised(): Promise<string> {
    const id = await this.review();
    const body = { score: 85, recommendation: 'approve', comment: 'Khả thi' };
    await must(this.t.http.post(api(`/applications/${id}/appraisals`)).set(this.as.oAsg.auth).send(body), 201, 'appraise');
    return id;
  }

  async recommended(): Promise<string> {
    const id = await this.appraised();
    const body = { approvedSupport: SUPPORT, allocationUnitId: this.w.units.lead, note: 'Đủ điều kiện' };
    await must(this.t.http.post(api(`/applications/${id}/recommend`)).set(this.as.oAsg.auth).send(body), 200, 'recommend');
    return id;
  }

  async initialed(): Promise<string> {
    const id = await this.recommended();
    await must(this.t.http.post(api(`/applications/${id}/initial`)).set(this.as.hLead.auth).send({}), 200, 'initial');
    return id;
  }

  async approved(): Promise<string> {
    const id = await this.initialed();
    const body = { decision: 'approve', decisionNo: `${tag()}/QĐ-SCT`, reason: 'Đồng ý' };
    await must(this.t.http.post(api(`/applications/${id}/decide`)).set(this.as.lead.auth).send(body), 200, 'decide');
    return id;
  }

  async contracted(): Promise<string> {
    const id = await this.approved();
    const body = { contractNo: `${tag()}/HĐ-KC`, signedDate: this.w.today };
    await must(this.t.http.post(api(`/applications/${id}/contract`)).set(this.as.oAsg.auth).send(body), 200, 'contract');
    return id;
  }

  async accept(id: string): Promise<string> {
    const body = { result: 'passed', date: this.w.today, minutesNo: `${tag()}/BB-NT` };
    await must(this.t.http.post(api(`/applications/${id}/acceptance`)).set(this.as.oAsg.auth).send(body), 200, 'acceptance');
    return id;
  }

  async accepted(): Promise<string> {
    return this.accept(await this.contracted());
  }

  /** An advance on a fresh contracted file (or on `fileId`), requested by `by`, then taken to `state`. */
  async advance(
    state: 'requested' | 'approved' | 'paid',
    options: { by?: TestActor; fileId?: string; amount?: string } = {},
  ): Promise<{ fileId: string; id: string; transferId: string | null }> {
    const fileId = options.fileId ?? (await this.contracted());
    const by = options.by ?? this.as.oAsg;
    const requested = await must(
      postMoney(this.t, by, '/disbursements', { applicationId: fileId, kind: 'advance', amount: options.amount ?? '1000000', note: 'Tạm ứng' }),
      201,
      'request an advance',
    );
    if (state !== 'requested') await must(this.t.http.post(api(`/disbursements/${requested.id}/approve`)).set(this.w.fin2.auth), 200, 'approve the advance');
    let transferId: string | null = null;
    if (state === 'paid') {
      const treasuryRef = `KB-${tag()}`;
      await must(postMoney(this.t, this.w.fin2, `/disbursements/${requested.id}/pay`, { treasuryRef, valueDate: this.w.today }), 200, 'pay the advance');
      const transfers = await must(this.t.http.get(api('/ledger/transfers')).query({ applicationId: fileId, pageSize: 200 }).set(this.w.fin2.auth), 200, 'transfers');
      transferId = (transfers.items as Array<{ id: string; reference: string }>).find((x) => x.reference === treasuryRef)!.id;
    }
    return { fileId, id: requested.id, transferId };
  }

  /** A settlement of actual eligible costs `eligibleCost` on accepted file `fileId` (fresh unless given), then taken to `state`. */
  async settlement(state: 'submitted' | 'checked' | 'approved', options: { fileId?: string; eligibleCost?: string } = {}) {
    const fileId = options.fileId ?? (await this.accepted());
    const body = { actualCostLines: [{ description: 'Máy sấy lúa 10 tấn/mẻ', amount: options.eligibleCost ?? '20000000', eligible: true, documentRef: 'HĐ GTGT 0001' }] };
    const submitted = await must(this.t.http.post(api(`/applications/${fileId}/settlement`)).set(this.as.own.auth).send(body), 201, 'settlement');
    if (state === 'submitted') return { fileId, id: submitted.id as string, recoveryId: null };
    await must(this.t.http.post(api(`/settlements/${submitted.id}/approve`)).set(this.w.fin2.auth), 200, 'check the settlement');
    if (state === 'checked') return { fileId, id: submitted.id as string, recoveryId: null };
    const approved = await must(this.t.http.post(api(`/settlements/${submitted.id}/approve`)).set(this.as.lead.auth), 200, 'approve the settlement');
    return { fileId, id: submitted.id as string, recoveryId: approved.recoveryId as string | null };
  }

  /** A file whose settlement asks part of the advance back: 7.000.000 paid, final support 2.000.000. */
  async recovery() {
    const advance = await this.advance('paid', { amount: ADVANCE });
    await this.accept(advance.fileId);
    const settlement = await this.settlement('approved', { fileId: advance.fileId, eligibleCost: '4000000' });
    if (!settlement.recoveryId) throw new Error('the settlement opened no recovery');
    return { fileId: advance.fileId, advanceId: advance.id, advanceTransferId: advance.transferId!, settlementId: settlement.id, recoveryId: settlement.recoveryId };
  }

  /** An allocation to the lead unit made by `by`, and its reversal asked by the same person. */
  async reversalRequest(by: TestActor): Promise<string> {
    const allocation = await must(
      postMoney(this.t, by, '/allocations', { fundCode: this.w.fundCode, fiscalYear: this.w.year, unitId: this.w.units.lead, amount: '1000', decisionNo: `${tag()}/QĐ` }),
      201,
      'allocation',
    );
    return (await must(this.t.http.post(api(`/ledger/transfers/${allocation.id}/reverse`)).set(by.auth).send({ reason: 'Nhập nhầm' }), 201, 'ask a reversal')).id;
  }

  /**
   * A delegation from `from` to `to`: a leader's decisions, or a head's routine work. Valid
   * tomorrow only (not in force while the matrix runs), unless `inForce`: from today to `due`.
   */
  async delegation(from: TestActor, to: TestActor, scope: 'decision' | 'routine' = 'decision', inForce = false): Promise<string> {
    const window = inForce ? { validFrom: this.w.today, validTo: this.w.due } : { validFrom: this.w.tomorrow, validTo: this.w.tomorrow };
    const body = { scope, toUserId: to.id, ...window, reason: 'Đi công tác' };
    return (await must(this.t.http.post(api('/delegations')).set(from.auth).send(body), 201, 'delegation')).id;
  }

  /** A unit made by the administrator; `active: false` deactivates it at once. */
  async unit(kind: string, parentId?: string, active = true): Promise<string> {
    const body = { code: uniqueCode('MX'), name: `Đơn vị thử ${tag()}`, kind, ...(parentId ? { parentId } : {}) };
    const { id } = await must(this.t.http.post(api('/units')).set(this.as.adm.auth).send(body), 201, 'unit');
    if (!active) await must(this.t.http.post(api(`/units/${id}/deactivate`)).set(this.as.adm.auth), 200, 'deactivate unit');
    return id;
  }

  /** An officer of the lead unit made by the administrator; `active: false` deactivates them. */
  async officer(active = true): Promise<string> {
    const body = { email: `mx${tag().toLowerCase()}@matrix.test.vn`, password: 'mat-khau-du-dai', fullName: 'Cán bộ thử', unitId: this.w.units.lead, roles: ['officer'] };
    const { id } = await must(this.t.http.post(api('/users')).set(this.as.adm.auth).send(body), 201, 'user');
    if (!active) await must(this.t.http.post(api(`/users/${id}/deactivate`)).set(this.as.adm.auth), 200, 'deactivate user');
    return id;
  }

  /** A fiscal year no one uses, opened by finance. */
  async emptyYear(year: number): Promise<number> {
    await must(this.t.http.post(api('/fiscal-years')).set(this.as.fin.auth).send({ year }), 201, `open ${year}`);
    return year;
  }
}

/** A treasury statement of one line that matches nothing, different each time (the same file twice is refused). */
export function statement(): Buffer {
  return Buffer.from(`treasuryRef,valueDate,amount,direction,payeeTaxCode,description\nKB-MX-${tag()},2011-03-01,1000,out,,Sao kê thử\n`, 'utf8');
}

/** The smallest content the service takes for a PDF (its type is read from the first bytes). */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'utf8');

/** The province, its people, its budget and files in every state the matrix reads, made through the API. */
export async function buildWorld(t: TestApp): Promise<World> {
  const w = { t } as World;
  w.today = t.clock.today();
  w.tomorrow = addDays(w.today, 1);
  w.due = addDays(w.today, 30);
  w.year = Number(w.today.slice(0, 4));
  w.make = new Factory(w);

  const adm = await createActor(t, ['admin']);
  w.as = { adm } as World['as'];
  const department = await w.make.unit('department');
  const centre = await w.make.unit('centre', department);
  const [lead, other, consulted] = [await w.make.unit('division', centre), await w.make.unit('division', centre), await w.make.unit('division', department)];
  w.units = { department, centre, lead, other, consulted };

  const person = (role: Parameters<typeof createActor>[1][number], unitId: string | null = null) => createActor(t, [role], unitId);
  Object.assign(w.as, {
    own: await person('applicant'),
    strg: await person('applicant'),
    oAsg: await person('officer', lead),
    oUnit: await person('officer', lead),
    oRtn: await person('officer', lead),
    oOth: await person('officer', other),
    oCons: await person('officer', consulted),
    hCons: await person('head', consulted),
    hLead: await person('head', lead),
    hUp: await person('head', centre),
    hOth: await person('head', other),
    hDlg: await person('head', other),
    lead: await person('leader'),
    dep: await person('leader'),
    depIn: await person('leader'),
    fin: await person('finance'),
    aud: await person('auditor'),
  });
  w.fin2 = await person('finance');
  w.centreOfficer = await person('officer', centre);
  // A deputy director's field of work (leaderScope): demo models, not the machinery the files are.
  await must(t.http.patch(api(`/users/${w.as.dep.id}`)).set(adm.auth).send({ leaderScope: { activityTypeCodes: ['demo_model'] } }), 200, 'deputy field');
  // Another deputy's field holds the files (machinery): inside it they act as the director does.
  await must(t.http.patch(api(`/users/${w.as.depIn.id}`)).set(adm.auth).send({ leaderScope: { activityTypeCodes: ['machinery'] } }), 200, 'deputy field inside');

  w.fundCode = (await fundWithBudget(t, w.as.fin, { year: w.year, appropriated: '1000000000000' })).fundCode;
  await must(
    postMoney(t, w.as.fin, '/allocations', { fundCode: w.fundCode, fiscalYear: w.year, unitId: lead, amount: '500000000000', decisionNo: `PB-${w.year}-MX` }),
    201,
    'allocate to the lead unit',
  );

  w.establishments = {
    own: await registerEstablishment(t, w.as.own, 'Hợp tác xã cơ khí Phú Thành'),
    strg: await registerEstablishment(t, w.as.strg, 'Hộ kinh doanh Tân Lập'),
  };

  const mark = tag();
  w.titles = { review: `Ma trận ${mark} — hồ sơ đang thẩm định`, intake: `Ma trận ${mark} — hồ sơ chờ phân công` };
  w.files = {
    draft: await w.make.draft(),
    intake: await w.make.submitted(w.titles.intake),
    review: await w.make.review({ title: w.titles.review, consulted: false }),
    quiet: await w.make.review({ consulted: false }),
    paying: await w.make.contracted(),
  };
  w.consultationId = await w.make.consultation(w.files.review);
  w.pendingExtensionId = await w.make.extensionRequested(w.files.review);
  w.documentId = (
    await must(
      t.http.post(api(`/applications/${w.files.review}/documents`)).set(w.as.own.auth).field('kind', 'business_license').attach('file', PDF, { filename: 'giay-phep.pdf', contentType: 'application/pdf' }),
      201,
      'document',
    )
  ).id;
  w.money = await w.make.recovery();
  w.reversalRequestId = await w.make.reversalRequest(w.fin2);
  w.importId = (
    await must(t.http.post(api('/reconciliation/imports')).set(w.as.fin.auth).attach('file', statement(), { filename: 'sao-ke.csv', contentType: 'text/csv' }), 201, 'import')
  ).id;
  // Valid tomorrow: the lead unit's head is no delegate while the cells run.
  w.leaderDelegationId = await w.make.delegation(w.as.lead, w.as.hLead);
  // In force today: the two delegates' columns.
  await w.make.delegation(w.as.lead, w.as.hDlg, 'decision', true);
  await w.make.delegation(w.as.hLead, w.as.oRtn, 'routine', true);
  w.foreignDelegationId = await w.make.delegation(await person('leader'), await person('head', lead));
  return w;
}
