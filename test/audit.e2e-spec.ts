import { DataSource } from 'typeorm';
import { createActor, createUnit, TestActor } from './support/actors';
import { startTestApp, TestApp } from './support/test-app';

const api = (path: string) => `/api/v1${path}`;
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`.toUpperCase();

/** The trigger as migration 1763884800100-CreateAuditLog creates it, to put it back exactly. */
const NO_UPDATE_TRIGGER = `
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only'`;

interface AuditEntryBody {
  id: string;
  seq: number;
  at: string;
  actorId: string | null;
  capacity: string;
  onBehalfOf: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  hash: string;
  prevHash: string;
}

describe('audit log: every change recorded, in a chain that proves it was not altered', () => {
  let t: TestApp;
  let admin: TestActor;
  let auditor: TestActor;
  let leader: TestActor;
  let head: TestActor;
  let db: DataSource;
  let unitId: string;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    unitId = (await createUnit(t, 'department')).id;
    admin = await createActor(t, ['admin'], unitId);
    auditor = await createActor(t, ['auditor'], unitId);
    leader = await createActor(t, ['leader'], unitId);
    head = await createActor(t, ['head'], unitId);
  });
  afterAll(() => t.close());

  async function entriesFor(entity: string, entityId: string): Promise<AuditEntryBody[]> {
    const res = await t.http.get(api(`/audit?entity=${entity}&entityId=${entityId}`)).set(auditor.auth).expect(200);
    return res.body.items;
  }

  async function verify(): Promise<{ ok: boolean; entries: number; reason?: string; firstBrokenId?: string; missingTriggers?: string[] }> {
    return (await t.http.get(api('/audit/verify')).set(auditor.auth).expect(200)).body;
  }

  it('records a unit created by an admin, in the capacity admin, with what was created', async () => {
    const unit = (await t.http.post(api('/units')).set(admin.auth).send({ code: `A${unique()}`, name: 'Phòng thử', kind: 'office', parentId: unitId }).expect(201)).body;
    const [entry, ...rest] = await entriesFor('unit', unit.id);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ action: 'unit.create', actorId: admin.id, capacity: 'admin', onBehalfOf: null, before: null, after: unit });
    expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(entry.prevHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('records account changes with before and after, and never a password or its hash', async () => {
    const email = `audit${unique()}@audit.test.vn`.toLowerCase();
    const password = 'mat-khau-bi-mat-2026';
    const { id } = (await t.http.post(api('/auth/register')).send({ email, password, fullName: 'Bùi Thị Hạnh' }).expect(201)).body;
    await t.http.post(api('/auth/login')).send({ email, password }).expect(200);
    await t.http.post(api(`/users/${id}/deactivate`)).set(admin.auth).expect(200);

    const entries = await entriesFor('user', id);
    expect(entries.map((e) => [e.action, e.actorId, e.capacity])).toEqual([
      ['user.register', id, 'applicant'],
      ['auth.login', id, 'self'],
      ['user.deactivate', admin.id, 'admin'],
    ]);
    expect(entries[2].before).toMatchObject({ id, active: true });
    expect(entries[2].after).toMatchObject({ id, active: false, revokedRefreshTokens: 1 });
    const raw = JSON.stringify(entries);
    expect(raw).not.toContain(password);
    expect(raw).not.toMatch(/argon2|passwordHash|password_hash/);
  });

  it('records delegations given and revoked, in the capacity leader', async () => {
    const day = t.clock.today();
    const given = (
      await t.http
        .post(api('/delegations'))
        .set(leader.auth)
        .send({ toUserId: head.id, validFrom: day, validTo: day, maxAmount: '100000000', reason: 'Đi họp ở Bộ' })
        .expect(201)
    ).body;
    await t.http.delete(api(`/delegations/${given.id}`)).set(leader.auth).expect(204);
    const entries = await entriesFor('delegation', given.id);
    expect(entries.map((e) => [e.action, e.actorId, e.capacity])).toEqual([
      ['delegation.create', leader.id, 'leader'],
      ['delegation.revoke', leader.id, 'leader'],
    ]);
    expect(entries[0].after).toEqual(given);
    expect(entries[1].before).toMatchObject({ status: 'active', revokedAt: null });
    expect(entries[1].after).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
  });

  it('a refused change leaves no entry behind', async () => {
    const code = `D${unique()}`;
    await t.http.post(api('/units')).set(admin.auth).send({ code, name: 'Một', kind: 'office' }).expect(201);
    const before = await verify();
    await t.http.post(api('/units')).set(admin.auth).send({ code, name: 'Hai', kind: 'office' }).expect(409);
    await t.http.post(api('/units')).set(admin.auth).send({ code: `E${unique()}`, name: 'Ba', kind: 'office', parentId: '01JZZZZZZZZZZZZZZZZZZZZZZZ' }).expect(400);
    expect(await verify()).toEqual(before);
  });

  it('filters by actor and time', async () => {
    const from = new Date(t.clock.now().getTime() - 1000).toISOString();
    const unit = (await t.http.post(api('/units')).set(admin.auth).send({ code: `F${unique()}`, name: 'Lọc', kind: 'office' }).expect(201)).body;
    const res = await t.http
      .get(api(`/audit?actorId=${admin.id}&from=${encodeURIComponent(from)}&pageSize=200`))
      .set(admin.auth)
      .expect(200);
    expect(res.body.items.every((e: AuditEntryBody) => e.actorId === admin.id && e.at >= from)).toBe(true);
    expect(res.body.items.map((e: AuditEntryBody) => e.entityId)).toContain(unit.id);
  });

  it('the database refuses UPDATE and DELETE on the audit table', async () => {
    const [{ id }] = await db.query('SELECT id FROM audit_log ORDER BY seq DESC LIMIT 1');
    await expect(db.query("UPDATE audit_log SET capacity = 'admin' WHERE id = ?", [id])).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_log WHERE id = ?', [id])).rejects.toThrow(/append-only/);
  });

  it('50 concurrent audited writes leave one linear chain that verifies, with the right count', async () => {
    const before = await verify();
    expect(before.ok).toBe(true);
    const codes = Array.from({ length: 50 }, (_, i) => `C${unique()}${i}`);
    const responses = await Promise.all(
      codes.map((code) => t.http.post(api('/units')).set(admin.auth).send({ code, name: `Đơn vị ${code}`, kind: 'commune' })),
    );
    expect(responses.map((r) => r.status)).toEqual(codes.map(() => 201));

    const after = await verify();
    expect(after).toEqual({ ok: true, entries: before.entries + 50 });

    const ids = responses.map((r) => r.body.id);
    const rows: Array<{ seq: string; entity_id: string; prev_hash: string; hash: string }> = await db.query(
      `SELECT seq, entity_id, prev_hash, hash FROM audit_log WHERE entity = 'unit' AND entity_id IN (${ids.map(() => '?').join(',')}) ORDER BY seq`,
      ids,
    );
    expect(rows.map((r) => r.entity_id).sort()).toEqual([...ids].sort());
    // Consecutive numbers, each entry linked to the one before: no fork, no gap.
    const seqs = rows.map((r) => Number(r.seq));
    expect(seqs[seqs.length - 1] - seqs[0]).toBe(49);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
  });

  it('an entry altered directly in SQL is found by /audit/verify, by its id', async () => {
    const baseline = await verify();
    expect(baseline.ok).toBe(true);
    const [victim] = await db.query(
      "SELECT id, seq, after_json FROM audit_log WHERE action = 'unit.create' ORDER BY seq DESC LIMIT 1 OFFSET 10",
    );
    const [{ position }] = await db.query('SELECT COUNT(*) AS position FROM audit_log WHERE seq < ?', [victim.seq]);
    const [{ ACTION_STATEMENT: original }] = await db.query(
      "SELECT ACTION_STATEMENT FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME = 'audit_log_no_update'",
    );

    const rewrite = async (afterJson: string) => {
      await db.query('DROP TRIGGER audit_log_no_update');
      try {
        await db.query('UPDATE audit_log SET after_json = ? WHERE id = ?', [afterJson, victim.id]);
      } finally {
        await db.query(NO_UPDATE_TRIGGER);
      }
    };

    await rewrite(victim.after_json.replace(/"name":"[^"]*"/, '"name":"Đơn vị đã bị sửa"'));
    try {
      const [{ ACTION_STATEMENT: restored }] = await db.query(
        "SELECT ACTION_STATEMENT FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME = 'audit_log_no_update'",
      );
      expect(restored).toBe(original);
      await expect(db.query("UPDATE audit_log SET capacity = 'x' WHERE id = ?", [victim.id])).rejects.toThrow(/append-only/);

      const broken = await verify();
      expect(broken).toEqual({ ok: false, reason: 'altered', entries: Number(position), firstBrokenId: victim.id });
    } finally {
      // Put the entry back, so the chain is whole again for whatever runs next.
      await rewrite(victim.after_json);
    }
    expect(await verify()).toEqual({ ok: true, entries: baseline.entries });
  });

  /** A trigger as the database holds it, to drop it and put it back exactly. */
  async function triggerDefinition(name: string): Promise<string> {
    const [row] = await db.query(
      `SELECT ACTION_TIMING AS timing, EVENT_MANIPULATION AS event, EVENT_OBJECT_TABLE AS tableName, ACTION_STATEMENT AS statement
         FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME = ?`,
      [name],
    );
    expect(row).toBeDefined();
    return `CREATE TRIGGER ${name} ${row.timing} ${row.event} ON ${row.tableName} FOR EACH ROW ${row.statement}`;
  }

  /** Runs `work` with the trigger `name` dropped, and puts it back whatever happens. */
  async function withoutTrigger<T>(name: string, work: () => Promise<T>): Promise<T> {
    const definition = await triggerDefinition(name);
    await db.query(`DROP TRIGGER ${name}`);
    try {
      return await work();
    } finally {
      await db.query(definition);
    }
  }

  it('the newest entries deleted directly in SQL: /audit/verify answers truncated (the chain stops before the stored head)', async () => {
    await t.http.post(api('/units')).set(admin.auth).send({ code: `T${unique()}`, name: 'Cuối chuỗi', kind: 'office' }).expect(201);
    await t.http.post(api('/units')).set(admin.auth).send({ code: `T${unique()}`, name: 'Cuối chuỗi 2', kind: 'office' }).expect(201);
    const baseline = await verify();
    expect(baseline.ok).toBe(true);
    const newest: Array<Record<string, unknown>> = await db.query('SELECT * FROM audit_log ORDER BY seq DESC LIMIT 2');
    const chainTrigger = await triggerDefinition('audit_log_chain');

    await withoutTrigger('audit_log_no_delete', () => db.query('DELETE FROM audit_log WHERE id IN (?, ?)', newest.map((r) => r.id)));
    try {
      // What is left is a whole chain from the first entry: only the head shows what is gone.
      expect(await verify()).toEqual({ ok: false, reason: 'truncated', entries: baseline.entries - 2 });
      // Nor can the head be set back to fit what is left.
      await expect(db.query('UPDATE audit_head SET seq = seq - 2 WHERE id = 1')).rejects.toThrow(/only moves forward/);
      await expect(db.query('DELETE FROM audit_head WHERE id = 1')).rejects.toThrow(/never deleted/);
    } finally {
      // Put the entries back exactly as they were (the chain trigger would link them anew).
      await db.query('DROP TRIGGER audit_log_chain');
      try {
        for (const row of [...newest].reverse()) {
          const columns = Object.keys(row);
          await db.query(`INSERT INTO audit_log (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`, columns.map((c) => row[c]));
        }
      } finally {
        await db.query(chainTrigger);
      }
    }
    expect(await verify()).toEqual({ ok: true, entries: baseline.entries });
  });

  it.each(['audit_log_chain', 'audit_log_no_update', 'audit_log_no_delete', 'audit_head_forward_only', 'audit_head_no_delete'])(
    'a guarding trigger dropped (%s): /audit/verify names it, and the verification touched nothing',
    async (name) => {
      const baseline = await verify();
      expect(baseline.ok).toBe(true);
      const head = await db.query('SELECT seq, hash FROM audit_head');
      await withoutTrigger(name, async () => {
        expect(await verify()).toEqual({ ok: false, reason: 'trigger_missing', entries: baseline.entries, missingTriggers: [name] });
        // The probes ran in a transaction rolled back: the log and its head are as they were.
        expect(await db.query('SELECT seq, hash FROM audit_head')).toEqual(head);
      });
      expect(await verify()).toEqual(baseline);
      expect(await db.query('SELECT seq, hash FROM audit_head')).toEqual(head);
    },
  );

  it('a trigger kept under its name but emptied of its refusal counts as missing', async () => {
    const original = await triggerDefinition('audit_log_no_delete');
    await db.query('DROP TRIGGER audit_log_no_delete');
    try {
      await db.query('CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW SET @kcfund_probe = 1');
      expect(await verify()).toMatchObject({ ok: false, reason: 'trigger_missing', missingTriggers: ['audit_log_no_delete'] });
    } finally {
      await db.query('DROP TRIGGER IF EXISTS audit_log_no_delete');
      await db.query(original);
    }
    expect((await verify()).ok).toBe(true);
  });
});
