import { DataSource } from 'typeorm';
import { DomainError } from '../src/common/http/domain-error';
import { TransactionRunner } from '../src/database/transaction';
import { createActor, createUnit } from './support/actors';
import { expectBalanced, fundWithBudget, postMoney } from './support/budget';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The transaction runner sends nothing before it is needed: START TRANSACTION and deferred writes
 * ride in front of the next statement, and what is left goes with COMMIT in one round trip.
 * Round trips are counted at the driver: every command a connection sends is one call of its
 * `query` method.
 */
describe('transaction runner: round trips and deferred writes', () => {
  let t: TestApp;
  let tx: TransactionRunner;
  let db: DataSource;
  let sent: jest.SpyInstance;

  beforeAll(async () => {
    t = await startTestApp();
    tx = t.app.get(TransactionRunner);
    db = t.app.get(DataSource);
    await db.query('CREATE TABLE IF NOT EXISTS tx_probe (id INT PRIMARY KEY, note VARCHAR(50) NOT NULL)');
    // Refuses (SIGNAL '<code> <tag>') while the probe table holds a row.
    await db.query(`
      CREATE PROCEDURE tx_probe_refuse(IN p_message VARCHAR(128))
      BEGIN
        IF (SELECT COUNT(*) FROM tx_probe) > 0 THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = p_message; END IF;
      END`);
    // The prototype that owns the driver's `query`: every command of every pooled connection.
    const runner = db.createQueryRunner();
    await runner.connect();
    let owner = (runner as unknown as { databaseConnection: object }).databaseConnection;
    while (!Object.prototype.hasOwnProperty.call(owner, 'query')) owner = Object.getPrototypeOf(owner);
    await runner.release();
    sent = jest.spyOn(owner as { query: (...args: unknown[]) => unknown }, 'query');
  });
  beforeEach(async () => {
    await db.query('DELETE FROM tx_probe');
    sent.mockClear();
  });
  afterAll(async () => {
    sent.mockRestore();
    await db.query('DROP PROCEDURE tx_probe_refuse');
    await db.query('DROP TABLE tx_probe');
    await t.close();
  });

  const insert = (id: number, note = `n${id}`) => ({ sql: 'INSERT INTO tx_probe (id, note) VALUES (?, ?)', params: [id, note] });
  const rows = async () => (await db.query('SELECT id, note FROM tx_probe ORDER BY id')) as Array<{ id: number; note: string }>;

  it('sends START, deferred writes, the final batch and COMMIT as one round trip', async () => {
    await tx.run(async () => {
      await tx.defer(insert(1));
      await tx.defer(insert(2));
      tx.atCommit(insert(3));
    });
    expect(sent).toHaveBeenCalledTimes(1);
    const [sql] = sent.mock.calls[0] as [string];
    expect(sql.indexOf('START TRANSACTION')).toBeLessThan(sql.indexOf('INSERT'));
    expect(sql.trimEnd().endsWith('COMMIT')).toBe(true);
    expect(await rows()).toEqual([
      { id: 1, note: 'n1' },
      { id: 2, note: 'n2' },
      { id: 3, note: 'n3' },
    ]);
  });

  it('sends nothing for a transaction that fails before its first statement', async () => {
    await expect(
      tx.run(async () => {
        await tx.defer(insert(1));
        throw new Error('refused before any statement');
      }),
    ).rejects.toThrow('refused before any statement');
    expect(sent).not.toHaveBeenCalled();
    expect(await rows()).toEqual([]);
  });

  it('puts deferred writes in front of the next read, which sees them and gets only its own rows', async () => {
    const seen = await tx.run(async (em) => {
      await tx.defer(insert(1, 'a ? b'));
      await tx.defer(insert(2));
      const own = await em.query('SELECT note FROM tx_probe WHERE id >= ? ORDER BY id', [1]);
      const none = await em.query('SELECT note FROM tx_probe WHERE id = ?', [99]);
      return { own, none };
    });
    // The text "a ? b" in a deferred value did not take the read's parameter.
    expect(seen.own).toEqual([{ note: 'a ? b' }, { note: 'n2' }]);
    expect(seen.none).toEqual([]);
    expect(sent).toHaveBeenCalledTimes(3); // START + writes + first read, second read, COMMIT
    expect(await rows()).toHaveLength(2);
  });

  it('answers a deferred write’s SIGNAL with its refusal and rolls the whole transaction back', async () => {
    const refusal = new DomainError('INSUFFICIENT_FUNDS', 'không đủ');
    await expect(
      tx.run(async () => {
        await tx.defer(insert(1));
        await tx.defer({
          sql: 'CALL tx_probe_refuse(?)',
          params: ['PROBE_REFUSED probe-1'],
          refusals: { tag: 'probe-1', errors: { PROBE_REFUSED: () => refusal } },
        });
        tx.atCommit(insert(2));
      }),
    ).rejects.toBe(refusal);
    // The batch stopped at the SIGNAL, before COMMIT; the runner then rolled back.
    expect(sent).toHaveBeenCalledTimes(2);
    expect(sent.mock.calls[1][0]).toBe('ROLLBACK');
    expect(await rows()).toEqual([]);
  });

  it('keeps a deferred write that fails on a constraint a database error, and commits nothing', async () => {
    await db.query('INSERT INTO tx_probe (id, note) VALUES (1, ?)', ['there']);
    await expect(
      tx.run(async () => {
        await tx.defer(insert(2));
        await tx.defer(insert(1));
      }),
    ).rejects.toMatchObject({ driverError: { errno: 1062 } });
    expect(await rows()).toEqual([{ id: 1, note: 'there' }]);
  });

  it('sends held writes on their own once 64 are waiting, so one packet stays bounded', async () => {
    await tx.run(async () => {
      for (let id = 1; id <= 130; id++) await tx.defer(insert(id));
    });
    // Two flushes of 64 (the first with START), then the last two with COMMIT.
    expect(sent).toHaveBeenCalledTimes(3);
    expect(await rows()).toHaveLength(130);
  });

  it('sends what is held before a streamed read, which reads inside the same transaction', async () => {
    const notes = await tx.run(async (em) => {
      await tx.defer(insert(7));
      const stream = await em.queryRunner!.stream('SELECT note FROM tx_probe');
      const found: string[] = [];
      for await (const row of stream as AsyncIterable<{ note: string }>) found.push(row.note);
      return found;
    });
    expect(notes).toEqual(['n7']);
    expect(await rows()).toHaveLength(1);
  });

  /** A finance user, a fund of year 2033 (no other suite uses it) and two units, the first holding 100. */
  async function twoUnits() {
    const year = 2033;
    const finance = await createActor(t, ['finance']);
    const { fundCode } = await fundWithBudget(t, finance, { year, appropriated: '1000' });
    const [a, b] = [await createUnit(t), await createUnit(t)];
    await postMoney(t, finance, '/allocations', { fundCode, fiscalYear: year, unitId: a.id, amount: '100', decisionNo: 'QĐ-1' }).expect(201);
    return { year, finance, fundCode, a, b };
  }

  it('moves money between two known units in one round trip after the caller check, and refuses there too', async () => {
    const { year, finance, fundCode, a, b } = await twoUnits();
    const transfer = (amount: string) => postMoney(t, finance, '/allocations/transfer', { fundCode, fiscalYear: year, fromUnitId: a.id, toUnitId: b.id, amount, reason: 'điều chuyển' });
    // The first uses read the units and the accounts (an account created by a transaction is
    // trusted once another one finds it).
    await transfer('10').expect(201);
    await transfer('10').expect(201);

    sent.mockClear();
    await transfer('5').expect(201);
    // START … the caller still active and unchanged … the receiving unit still active … guarded
    // update … key, audit rows … COMMIT.
    expect(sent).toHaveBeenCalledTimes(1);
    const [money] = sent.mock.calls[0] as [string];
    expect(money).toMatch(
      /^(SET SESSION [^;]*;\n)?START TRANSACTION;\nCALL confirm_actor\([^)]*\);\nCALL confirm_unit_active\(\?\);\nCALL ledger_post\([^)]*\);\nINSERT INTO idempotency_keys[\s\S]*;\nINSERT INTO audit_log[\s\S]*;\nCOMMIT$/,
    );

    // A use case's own words for the refusal travel with the deferred statement.
    const overAllocated = await postMoney(t, finance, '/allocations', { fundCode, fiscalYear: year, unitId: b.id, amount: '901', decisionNo: 'QĐ-9' }).expect(409);
    expect(overAllocated.body).toMatchObject({ code: 'INSUFFICIENT_FUNDS', detail: 'Số tiền phân bổ vượt quá kinh phí chưa phân bổ của nguồn.' });

    sent.mockClear();
    const refused = await transfer('76').expect(409);
    expect(refused.body.code).toBe('INSUFFICIENT_FUNDS');
    // The refused batch and its ROLLBACK, then the replay look-up and the refusal stored under
    // its key (START + INSERT, COMMIT).
    expect(sent.mock.calls.map((c) => String(c[0]).split(/\s/)[0])).toEqual(['START', 'ROLLBACK', 'SELECT', 'START', 'COMMIT']);

    await db.query("UPDATE fiscal_years SET status = 'closed' WHERE year = ?", [year]);
    try {
      const closed = await transfer('1').expect(409);
      expect(closed.body.code).toBe('INVALID_STATE');
      expect(closed.body.detail).toContain(String(year));
    } finally {
      await db.query("UPDATE fiscal_years SET status = 'open' WHERE year = ?", [year]);
    }
    const figures = await db.query(
      "SELECT a.unit_id AS unitId, a.balance FROM ledger_accounts a JOIN funds f ON f.id = a.fund_id WHERE f.code = ? AND a.fiscal_year = ? AND a.kind = 'allocation' ORDER BY a.balance",
      [fundCode, year],
    );
    expect(figures).toEqual([
      { unitId: b.id, balance: '25.00' },
      { unitId: a.id, balance: '75.00' },
    ]);
    await expectBalanced(t, finance, { fundCode, fiscalYear: year });
  });

  it('refuses a remembered caller who was deactivated or changed, in the money’s own round trip, and moves nothing', async () => {
    const { year, finance, fundCode, a, b } = await twoUnits();
    const body = { fundCode, fiscalYear: year, fromUnitId: a.id, toUnitId: b.id, amount: '1', reason: 'điều chuyển' };
    await postMoney(t, finance, '/allocations/transfer', body).expect(201); // remembered from here on
    const moved = async () => Number((await db.query('SELECT COUNT(*) AS n FROM ledger_transfers WHERE unit_id = ?', [a.id]))[0].n);
    const before = await moved();

    // A role taken away: 401 on the money request (its key keeps no answer), then 403 on a resend.
    await db.query("UPDATE users SET roles = 'officer' WHERE id = ?", [finance.id]);
    const changed = await postMoney(t, finance, '/allocations/transfer', body, 'key-after-role-change').expect(401);
    expect(changed.body.detail).toContain('thay đổi');
    await postMoney(t, finance, '/allocations/transfer', body, 'key-after-role-change').expect(403);

    // Deactivated while remembered: 401, nothing moved.
    await db.query("UPDATE users SET roles = 'finance' WHERE id = ?", [finance.id]);
    await postMoney(t, finance, '/allocations/transfer', body).expect(201);
    await db.query('UPDATE users SET active = 0 WHERE id = ?', [finance.id]);
    const inactive = await postMoney(t, finance, '/allocations/transfer', body).expect(401);
    expect(inactive.body.detail).toContain('không còn hoạt động');
    expect(await moved()).toBe(before + 1);
    await db.query('UPDATE users SET active = 1 WHERE id = ?', [finance.id]);
  });

  it('refuses a remembered caller whose sign-in ended, in the money’s own round trip', async () => {
    const { year, fundCode, a, b } = await twoUnits();
    const email = `ky${Date.now().toString(36)}@transaction.test.vn`;
    const password = 'mat-khau-du-dai-2026';
    const { id } = (await t.http.post('/api/v1/auth/register').send({ email, password, fullName: 'Kế toán thử' }).expect(201)).body;
    await db.query("UPDATE users SET roles = 'finance' WHERE id = ?", [id]);
    const session = (await t.http.post('/api/v1/auth/login').send({ email, password }).expect(200)).body;
    const caller = { auth: { Authorization: `Bearer ${session.accessToken}` } } as Parameters<typeof postMoney>[1];
    const body = { fundCode, fiscalYear: year, fromUnitId: a.id, toUnitId: b.id, amount: '1', reason: 'điều chuyển' };
    await postMoney(t, caller, '/allocations/transfer', body).expect(201);
    await postMoney(t, caller, '/allocations/transfer', body).expect(201);
    sent.mockClear();
    await postMoney(t, caller, '/allocations/transfer', body).expect(201);
    expect(sent).toHaveBeenCalledTimes(1); // remembered: the check rode with the money
    const moved = async () => Number((await db.query('SELECT COUNT(*) AS n FROM ledger_transfers WHERE unit_id = ?', [a.id]))[0].n);
    const before = await moved();
    await t.http.post('/api/v1/auth/logout').set(caller.auth).send({ refreshToken: session.refreshToken }).expect(204);
    const refused = await postMoney(t, caller, '/allocations/transfer', body).expect(401);
    expect(refused.body.detail).toContain('Phiên đăng nhập đã kết thúc');
    expect(await moved()).toBe(before);
  });
});
