import type { TestActor } from './actors';
import type { TestApp } from './test-app';

let taxSeq = 0;
/** A tax code (mã số thuế) no other test uses: 10 digits. */
export const uniqueTaxCode = () => `${(Date.now() % 1e7).toString().padStart(7, '0')}${(taxSeq++ % 1000).toString().padStart(3, '0')}`;

/** An establishment registered by `applicant` through the API. */
export async function registerEstablishment(
  t: TestApp,
  applicant: TestActor,
  name: string,
  taxCode = uniqueTaxCode(),
  { kind = 'cooperative', employees = 12 }: { kind?: string; employees?: number } = {},
): Promise<{ id: string; taxCode: string }> {
  const res = await t.http
    .post('/api/v1/establishments')
    .set(applicant.auth)
    .send({ name, kind, taxCode, communeCode: '29263', address: 'Ấp Phú Thành', representative: 'Nguyễn Văn An', phone: '0912345678', employees })
    .expect(201);
  return { id: res.body.id, taxCode };
}

/**
 * Draft files made through the API (the real use case), a few at a time: `count` of them, the i-th
 * titled `title(i)` and filed for `establishmentOf(i)`. Returns their ids in the order made.
 */
export async function draftFiles(
  t: TestApp,
  applicant: TestActor,
  options: { count: number; fundCode: string; year: number; title: (i: number) => string; establishmentOf: (i: number) => string },
): Promise<string[]> {
  const ids: string[] = new Array(options.count);
  let next = 0;
  const worker = async () => {
    while (next < options.count) {
      const i = next++;
      const res = await t.http
        .post('/api/v1/applications')
        .set(applicant.auth)
        .send({
          establishmentId: options.establishmentOf(i),
          activityTypeCode: 'machinery',
          fiscalYear: options.year,
          fundCode: options.fundCode,
          title: options.title(i),
          communeCode: '29263',
          startDate: `${options.year}-04-01`,
          endDate: `${options.year}-10-31`,
          costLines: [{ description: 'Máy sấy 10 tấn/mẻ', quantity: '1', unitPrice: '400000000', eligible: true }],
          requestedSupport: '100000000',
        });
      if (res.status !== 201) throw new Error(`file ${i}: ${res.status} ${JSON.stringify(res.body)}`);
      ids[i] = res.body.id;
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  return ids;
}

/**
 * The body of the sample file the workflow helpers walk to approval: advanced machinery (50 %,
 * cap 300.000.000), one eligible cost line of `eligibleCost`, asking `requestedSupport`.
 */
export function sampleFileBody(input: {
  establishmentId: string;
  year: number;
  fundCode: string;
  requestedSupport: string;
  eligibleCost?: string;
  activityTypeCode?: string;
}) {
  return {
    establishmentId: input.establishmentId,
    activityTypeCode: input.activityTypeCode ?? 'machinery',
    fiscalYear: input.year,
    fundCode: input.fundCode,
    title: 'Ứng dụng máy sấy lúa tiên tiến',
    communeCode: '29263',
    startDate: `${input.year}-04-01`,
    endDate: `${input.year}-10-31`,
    costLines: [{ description: 'Máy sấy lúa 10 tấn/mẻ', quantity: '1', unitPrice: input.eligibleCost ?? '800000000', eligible: true }],
    requestedSupport: input.requestedSupport,
  };
}

/**
 * The kinds of document the seeded activity types ask for before submission (migration
 * RequireFileDocuments): every type the project plan with its cost estimate, the types that buy
 * equipment or services a quotation too. Attaching both suits every seeded type.
 */
export const SEEDED_REQUIRED_KINDS = ['project_plan', 'quotation'] as const;

/** The smallest content the service takes for a PDF (its type is read from the first bytes). */
export const SAMPLE_PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'utf8');

/** Attaches, as the file's owner, one small PDF of each kind the seeded activity types require before submission. */
export async function attachRequiredDocuments(t: TestApp, owner: Pick<TestActor, 'auth'> | TestActor['auth'], id: string): Promise<void> {
  const auth = 'auth' in owner ? owner.auth : owner;
  for (const kind of SEEDED_REQUIRED_KINDS) {
    await t.http
      .post(`/api/v1/applications/${id}/documents`)
      .set(auth)
      .field('kind', kind)
      .attach('file', SAMPLE_PDF, { filename: `${kind}.pdf`, contentType: 'application/pdf' })
      .expect(201);
  }
}
