import { createActor, createUnit, TestActor } from './actors';
import { fundWithBudget, postMoney } from './budget';
import type { TestApp } from './test-app';
import { attachRequiredDocuments, sampleFileBody } from './files';

let taxSeq = 0;
const freshTaxCode = () => `${(Date.now() % 1e7).toString().padStart(7, '0')}${(taxSeq++ % 1000).toString().padStart(3, '0')}`;

export interface Cast {
  applicant: TestActor;
  officer: TestActor;
  head: TestActor;
  leader: TestActor;
  finance: TestActor;
  finance2: TestActor;
  auditor: TestActor;
  centre: { id: string };
  fundCode: string;
  year: number;
}

/** The people and the budget a file needs: a centre holding `allocated`, and one user per role. */
export async function cast(t: TestApp, year: number, allocated = '5000000000'): Promise<Cast> {
  const centre = await createUnit(t, 'centre');
  const [applicant, officer, head, leader, finance, finance2, auditor] = await Promise.all([
    createActor(t, ['applicant']),
    createActor(t, ['officer'], centre.id),
    createActor(t, ['head'], centre.id),
    createActor(t, ['leader']),
    createActor(t, ['finance']),
    createActor(t, ['finance']),
    createActor(t, ['auditor']),
  ]);
  const { fundCode } = await fundWithBudget(t, finance, { year, appropriated: '100000000000' });
  await postMoney(t, finance, '/allocations', { fundCode, fiscalYear: year, unitId: centre.id, amount: allocated, decisionNo: `PB-${year}` }).expect(201);
  return { applicant, officer, head, leader, finance, finance2, auditor, centre, fundCode, year };
}

export interface FileOptions {
  eligibleCost?: string;
  approvedSupport?: string;
  activityTypeCode?: string;
  /** The file's commune (mã xã); 29263 unless told. */
  communeCode?: string;
  /** What the establishment registered for the file says, over the sample cooperative's. */
  establishment?: Record<string, unknown>;
  /**
   * The unit that leads the file and holds its budget, with its officer and head (the cast's
   * centre, officer and head unless told); the cast's head still assigns it from the intake queue.
   */
  lead?: { unit: { id: string }; officer: TestActor; head: TestActor };
}

/**
 * A file walked through the workflow to `approved`: machinery (50 %, cap 300.000.000) with the
 * given eligible cost and approved support.
 */
export async function approvedFile(t: TestApp, c: Cast, options: FileOptions = {}): Promise<string> {
  const id = await initialedFile(t, c, options);
  await t.http.post(`/api/v1/applications/${id}/decide`).set(c.leader.auth).send({ decision: 'approve', decisionNo: `${id.slice(-6)}/QĐ-SCT`, reason: 'Đồng ý' }).expect(200);
  return id;
}

/**
 * A file walked through the workflow to `initialed` (awaiting the leader's decision), led by the
 * cast's centre: as `approvedFile`, one step short.
 */
export async function initialedFile(t: TestApp, c: Cast, options: FileOptions = {}): Promise<string> {
  const api = (path: string) => `/api/v1${path}`;
  const establishment = await t.http
    .post(api('/establishments'))
    .set(c.applicant.auth)
    .send({
      name: 'Hợp tác xã cơ khí Phú Thành',
      kind: 'cooperative',
      taxCode: freshTaxCode(),
      communeCode: '29263',
      address: 'Ấp Phú Thành',
      representative: 'Nguyễn Văn An',
      phone: '0912345678',
      employees: 25,
      ...options.establishment,
    })
    .expect(201);
  const approvedSupport = options.approvedSupport ?? '300000000';
  const created = await t.http
    .post(api('/applications'))
    .set(c.applicant.auth)
    .send({
      ...sampleFileBody({ establishmentId: establishment.body.id, year: c.year, fundCode: c.fundCode, requestedSupport: approvedSupport, eligibleCost: options.eligibleCost, activityTypeCode: options.activityTypeCode }),
      ...(options.communeCode ? { communeCode: options.communeCode } : {}),
    })
    .expect(201);
  const id = created.body.id;
  await attachRequiredDocuments(t, c.applicant.auth, id);
  await t.http.post(api(`/applications/${id}/submit`)).set(c.applicant.auth).expect(200);
  const lead = options.lead ?? { unit: c.centre, officer: c.officer, head: c.head };
  // The centre's head takes the file in; a unit outside the centre leads it once a leader moves it there.
  await t.http.post(api(`/applications/${id}/assign`)).set(c.head.auth).send({ officerId: c.officer.id, leadUnitId: c.centre.id, dueDate: `${c.year}-12-31` }).expect(200);
  if (lead.unit.id !== c.centre.id) {
    await t.http.post(api(`/applications/${id}/assign`)).set(c.leader.auth).send({ officerId: lead.officer.id, leadUnitId: lead.unit.id, dueDate: `${c.year}-12-31` }).expect(200);
  }
  await appraise(t, lead.officer, id);
  await t.http.post(api(`/applications/${id}/recommend`)).set(lead.officer.auth).send({ approvedSupport, allocationUnitId: lead.unit.id, note: 'Đủ điều kiện' }).expect(200);
  await t.http.post(api(`/applications/${id}/initial`)).set(lead.head.auth).send({}).expect(200);
  return id;
}

/** The officer's appraisal (thẩm định), which a recommendation needs first. */
export async function appraise(t: TestApp, officer: TestActor, id: string, score = 85): Promise<void> {
  await t.http.post(`/api/v1/applications/${id}/appraisals`).set(officer.auth).send({ score, recommendation: 'approve', comment: 'Đủ điều kiện hỗ trợ' }).expect(201);
}
