import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { MAX_JSON_DEPTH } from '../src/common/http/json-body';
import { createActor, TestActor } from './support/actors';
import { expectBalanced, fundWithBudget, postMoney } from './support/budget';
import { registerEstablishment, sampleFileBody } from './support/files';
import { startTestApp, TestApp } from './support/test-app';
import { approvedFile, cast, Cast } from './support/workflow';
import { csrfOf, PageClient, webUser } from './web-support';

/**
 * The 500s a client could cause (issue 16), each now a 400 problem naming the field with nothing
 * changed; and uploads refused from their headers when the caller has no right to the file.
 */
describe('hostile input never reaches a 500', () => {
  let t: TestApp;
  let c: Cast;
  let db: DataSource;
  const YEAR = 2027;
  const api = (path: string) => `/api/v1${path}`;
  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params))[0].n);
  const trialBalance = async () => (await t.http.get(api('/ledger/trial-balance')).set(c.finance.auth).expect(200)).body;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set('2027-03-02T02:00:00Z');
    db = t.app.get(DataSource);
    c = await cast(t, YEAR);
  });
  afterAll(() => t.close());

  function expectFieldProblem(res: { status: number; body: { errors?: Array<{ field: string }> }; headers: Record<string, string> }, field: string) {
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  }

  describe('JSON bodies are bounded before any work', () => {
    const brackets = '['.repeat(3000) + ']'.repeat(3000);

    it('3,000 nested [ (6 KB) to POST /auth/register and POST /units: 400 naming the body, nothing created', async () => {
      const admin = await createActor(t, ['admin']);
      const [users, units] = [await count('SELECT COUNT(*) n FROM users'), await count('SELECT COUNT(*) n FROM units')];
      expectFieldProblem(await t.http.post(api('/auth/register')).set('Content-Type', 'application/json').send(brackets), 'body');
      expectFieldProblem(await t.http.post(api('/units')).set(admin.auth).set('Content-Type', 'application/json').send(brackets), 'body');
      // The same depth inside a field the DTO takes is refused as too deep, before class-transformer recurses.
      const email = `deep${Date.now()}@test.kcfund.vn`;
      const deepField = `{"email":"${email}","password":"mat-khau-du-dai","fullName":${brackets}}`;
      const deep = await t.http.post(api('/auth/register')).set('Content-Type', 'application/json').send(deepField);
      expectFieldProblem(deep, 'body');
      expect(deep.body.errors[0].message).toContain(`${MAX_JSON_DEPTH} tầng`);
      const deepObject = `{"code":"DEEP","name":"x","kind":"office","parentId":${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}`;
      expectFieldProblem(await t.http.post(api('/units')).set(admin.auth).set('Content-Type', 'application/json').send(deepObject), 'body');
      expect([await count('SELECT COUNT(*) n FROM users'), await count('SELECT COUNT(*) n FROM units')]).toEqual([users, units]);
      expect(await count('SELECT COUNT(*) n FROM users WHERE email = ?', [email])).toBe(0);
    });

    it('text that is not well-formed Unicode (a lone surrogate) is a 400 naming the field, not a 500 from the e-mail check', async () => {
      const admin = await createActor(t, ['admin']);
      const users = await count('SELECT COUNT(*) n FROM users');
      const lone = '{"email":"a\\ud800@test.kcfund.vn","password":"mat-khau-du-dai","fullName":"Nguyễn Văn An"}';
      expectFieldProblem(await t.http.post(api('/auth/register')).set('Content-Type', 'application/json').send(lone), 'email');
      const staff = { email: 'b\ud800@test.kcfund.vn', password: 'mat-khau-du-dai', fullName: 'Cán bộ', unitId: c.centre.id, roles: ['officer'] };
      expectFieldProblem(await t.http.post(api('/users')).set(admin.auth).send(staff), 'email');
      expect(await count('SELECT COUNT(*) n FROM users')).toBe(users);
    });

    it('a body that is not an object is a 400 naming the body, on any route', async () => {
      const admin = await createActor(t, ['admin']);
      for (const body of ['[]', '[{"code":"X","name":"x","kind":"office"}]', '["a"]']) {
        expectFieldProblem(await t.http.post(api('/units')).set(admin.auth).set('Content-Type', 'application/json').send(body), 'body');
      }
      expectFieldProblem(await postMoney(t, c.finance, '/appropriations', [{ fundCode: c.fundCode }] as unknown as object), 'body');
    });
  });

  it('?page=1e20 (an offset of 5e+21) and other pages past the bound are a 400 naming page', async () => {
    // Each list with a user who may read it: a 403 would prove nothing about the bound.
    const readers: Array<[string, TestActor]> = [
      ['/units', c.auditor],
      ['/ledger/transfers', c.finance],
      ['/applications', c.officer],
      ['/audit', c.auditor],
      ['/disbursements', c.finance],
      ['/recoveries', c.finance],
    ];
    const checked: string[] = [];
    for (const [path, reader] of readers) {
      await t.http.get(api(path)).query({ page: 1 }).set(reader.auth).expect(200);
      for (const page of ['1e20', '99999999999999999999', '1000001']) {
        expectFieldProblem(await t.http.get(api(path)).query({ page }).set(reader.auth), 'page');
      }
      checked.push(path);
    }
    expect(checked).toHaveLength(readers.length);
  });

  it('settlement lines whose sum passes DECIMAL(20,2): 400 naming actualCostLines, no settlement', async () => {
    const id = await approvedFile(t, c);
    await t.http.post(api(`/applications/${id}/contract`)).set(c.officer.auth).send({ contractNo: `HĐ-${id}`, signedDate: '2027-03-02' }).expect(200);
    await t.http.post(api(`/applications/${id}/acceptance`)).set(c.officer.auth).send({ result: 'passed', date: '2027-03-02', minutesNo: `BB-${id.slice(-4)}`, note: 'Đạt' }).expect(200);
    const line = { description: 'Máy sấy', amount: '999999999999999999', eligible: true, documentRef: 'HĐ GTGT 0001' };
    const res = await t.http.post(api(`/applications/${id}/settlement`)).set(c.applicant.auth).send({ actualCostLines: [line, line] });
    expectFieldProblem(res, 'actualCostLines');
    expect(await count('SELECT COUNT(*) n FROM settlements WHERE application_id = ?', [id])).toBe(0);
    expect((await t.http.get(api(`/applications/${id}`)).set(c.applicant.auth).expect(200)).body.status).toBe('accepted');
    // The largest sum that fits is taken.
    await t.http
      .post(api(`/applications/${id}/settlement`))
      .set(c.applicant.auth)
      .send({ actualCostLines: [line, { ...line, amount: '0', eligible: false }] })
      .expect(201);
  });

  it('50 activity codes of 32 characters in a delegation (a VARCHAR(1000)): 400 naming activityTypeCodes; 30 fit', async () => {
    const code = (i: number) => `${String(i).padStart(2, '0')}${'x'.repeat(30)}`;
    const body = (n: number) => ({ toUserId: c.head.id, validFrom: '2027-03-05', validTo: '2027-03-10', activityTypeCodes: Array.from({ length: n }, (_, i) => code(i)), reason: 'Đi công tác' });
    const before = await count('SELECT COUNT(*) n FROM delegations');
    expectFieldProblem(await t.http.post(api('/delegations')).set(c.leader.auth).send(body(50)), 'activityTypeCodes');
    expect(await count('SELECT COUNT(*) n FROM delegations')).toBe(before);
    const longest = await t.http.post(api('/delegations')).set(c.leader.auth).send(body(30)).expect(201);
    expect(longest.body.activityTypeCodes).toHaveLength(30);
  });

  it('split weights above 2^53: 400 naming the weight, nothing allocated', async () => {
    const books = await trialBalance();
    for (const weight of [2 ** 53 + 2, 1e300, 1_000_000_001]) {
      const res = await postMoney(t, c.finance, '/allocations/split', { fundCode: c.fundCode, fiscalYear: YEAR, amount: '1000', shares: [{ unitId: c.centre.id, weight }] });
      expectFieldProblem(res, 'shares[0].weight');
    }
    expect(await trialBalance()).toEqual(books);
    await postMoney(t, c.finance, '/allocations/split', { fundCode: c.fundCode, fiscalYear: YEAR, amount: '1000', shares: [{ unitId: c.centre.id, weight: 1_000_000_000 }] }).expect(201);
  });

  it('appropriations summing past the column: 400 naming amount, the books unchanged and balanced', async () => {
    const { fundCode } = await fundWithBudget(t, c.finance, { year: YEAR });
    const appropriate = (amount: string, n: number) =>
      postMoney(t, c.finance, '/appropriations', { fundCode, fiscalYear: YEAR, amount, decisionNo: `${n}/QĐ-UBND`, decisionDate: '2027-01-10' });
    await appropriate('999999999999999999', 1).expect(201);
    const books = await trialBalance();
    expectFieldProblem(await appropriate('999999999999999999', 2), 'amount');
    expectFieldProblem(await appropriate('1', 3), 'amount');
    expect(await trialBalance()).toEqual(books);
    expect(await count('SELECT COUNT(*) n FROM appropriations a JOIN funds f ON f.id = a.fund_id WHERE f.code = ?', [fundCode])).toBe(1);
    await expectBalanced(t, c.finance, { fundCode, fiscalYear: YEAR });
  });

  describe('uploads', () => {
    const boundary = '----kcfund-hostile-upload';
    const textPart = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const fileHead = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="lon.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`;
    let draft: string;

    beforeAll(async () => {
      const establishment = await registerEstablishment(t, c.applicant, 'Cơ sở tải tệp');
      draft = (await t.http.post(api('/applications')).set(c.applicant.auth).send(sampleFileBody({ establishmentId: establishment.id, year: YEAR, fundCode: c.fundCode, requestedSupport: '100000000' })).expect(201)).body.id;
    });

    /**
     * Sends the headers and `head` of a body declared `declared` bytes long and never the rest;
     * resolves with the answer. A server that reads the body before refusing never answers, and
     * the test fails on its timeout.
     */
    async function answerWhileSending(path: string, who: TestActor | Record<string, string>, head: string, declared = 8 * 1024 * 1024): Promise<{ status: number; text: string; connection?: string }> {
      const credentials = 'auth' in who ? (who as TestActor).auth : who;
      const server = t.app.getHttpServer();
      if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      return new Promise((resolve, reject) => {
        let answered = false;
        const req = httpRequest({
          host: '127.0.0.1',
          port,
          path,
          method: 'POST',
          headers: { ...credentials, 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': String(declared) },
        });
        req.on('response', (res) => {
          answered = true;
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => {
            req.destroy();
            resolve({ status: res.statusCode ?? 0, text, connection: res.headers.connection });
          });
        });
        req.on('error', (error) => {
          if (!answered) reject(error);
        });
        req.write(head);
        req.write(Buffer.alloc(64 * 1024, 0x20));
      });
    }

    it('a stranger’s large upload is refused (404) from its headers, while the client is still sending', async () => {
      const stranger = await createActor(t, ['applicant']);
      const res = await answerWhileSending(api(`/applications/${draft}/documents`), stranger, textPart('kind', 'other') + fileHead);
      expect(res.status).toBe(404);
      expect(res.connection).toBe('close');
      // One who sees the file but does not act on it: 403, as early.
      expect((await answerWhileSending(api(`/applications/${draft}/documents`), c.leader, textPart('kind', 'other') + fileHead)).status).toBe(403);
      expect(await count('SELECT COUNT(*) n FROM application_documents WHERE application_id = ?', [draft])).toBe(0);
    });

    it('the pages refuse a stranger’s upload from its headers too', async () => {
      const stranger = await webUser(t, ['applicant']);
      const browser = new PageClient(t);
      await browser.login(stranger.email);
      const csrf = csrfOf((await browser.get('/co-so/moi')).text);
      const res = await answerWhileSending(`/ho-so/${draft}/tai-lieu`, { Cookie: browser.cookieHeader }, textPart('_csrf', csrf) + textPart('kind', 'other') + fileHead);
      expect(res.status).toBe(404);
      expect(res.text).toContain('không tồn tại');
      expect(await count('SELECT COUNT(*) n FROM application_documents WHERE application_id = ?', [draft])).toBe(0);
    });

    it('more text fields than an upload has are refused by the multipart limit, naming the body', async () => {
      const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 7), Buffer.from('\n%%EOF\n')]);
      let upload = t.http.post(api(`/applications/${draft}/documents`)).set(c.applicant.auth).field('kind', 'other');
      for (let i = 0; i < 10; i++) upload = upload.field(`note${i}`, 'x');
      const res = await upload.attach('file', pdf, 'a.pdf');
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'body', message: 'biểu mẫu tải lên có quá nhiều trường' }]);
      expect(await count('SELECT COUNT(*) n FROM application_documents WHERE application_id = ?', [draft])).toBe(0);
    });

    it('a text field past its size is refused by the multipart limit, naming it; a proper upload still works', async () => {
      const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 7), Buffer.from('\n%%EOF\n')]);
      const long = await t.http.post(api(`/applications/${draft}/documents`)).set(c.applicant.auth).field('kind', 'x'.repeat(100 * 1024)).attach('file', pdf, 'a.pdf');
      expect(long.status).toBe(400);
      expect(long.body.errors).toEqual([{ field: 'kind', message: 'giá trị quá dài' }]);
      await t.http.post(api(`/applications/${draft}/documents`)).set(c.applicant.auth).field('kind', 'other').attach('file', pdf, 'a.pdf').expect(201);
    });
  });
});
