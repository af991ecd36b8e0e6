import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { FixedClock } from '../../src/common/clock';
import { newId } from '../../src/common/ids';
import { IdempotencyService } from '../../src/common/http/idempotency.service';
import { TransactionRunner } from '../../src/database/transaction';
import { runExclusively } from '../../src/database/exclusive-run';
import { AppConfig } from '../../src/config/app-config';
import { HousekeepingService } from '../../src/housekeeping/housekeeping.service';
import { ApplicationDocumentsService } from '../../src/modules/applications/application-documents.service';
import { ApplicationsService } from '../../src/modules/applications/applications.service';
import { EstablishmentsService } from '../../src/modules/establishments/establishments.service';
import { AuthService } from '../../src/modules/identity/auth.service';
import { WebSessionService } from '../../src/web/session/web-session.service';
import { createActor, TestActor } from '../support/actors';
import { sampleFileBody, uniqueTaxCode } from '../support/files';
import { cast, Cast, startUseCases, UseCases } from '../support/use-cases';

const HOUR = 3600_000;
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n${text}\n%%EOF\n`);

/**
 * Records and the bytes and rows around them: a document's bytes are placed only after its row
 * commits and never lost to a lost COMMIT answer; housekeeping removes what nothing needs any
 * more (orphan files, old Idempotency-Keys, ended sessions, expired refresh tokens) and keeps the
 * rest; one instance at a time runs it.
 */
describe('records: document bytes and housekeeping', () => {
  const YEAR = 2047;
  let u: UseCases;
  let dataDir: string;
  let c: Cast;
  let documents: ApplicationDocumentsService;
  let tx: TransactionRunner;
  let db: DataSource;
  let applicationId: string;

  beforeAll(async () => {
    // A data directory of this suite's own: the sweep must see no other run's files.
    dataDir = mkdtempSync(join(tmpdir(), 'kcfund-records-'));
    u = await startUseCases({ DATA_DIR: dataDir });
    u.clock.set(`${YEAR}-03-02T02:00:00Z`);
    documents = u.get(ApplicationDocumentsService);
    tx = u.get(TransactionRunner);
    db = u.get(DataSource);
    c = await cast(u, YEAR);
    const establishment = await u.get(EstablishmentsService).register(c.applicant, {
      name: 'Cơ sở dệt chiếu Định Yên',
      kind: 'household_business',
      taxCode: uniqueTaxCode(),
      communeCode: '29263',
      address: 'Ấp An Ninh',
      representative: 'Trần Thị Bé',
      phone: '0912345678',
      employees: 8,
    });
    ({ id: applicationId } = await u
      .get(ApplicationsService)
      .create(c.applicant, sampleFileBody({ establishmentId: establishment.id, year: YEAR, fundCode: c.fundCode, requestedSupport: '100000000' })));
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    await u.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const appDir = () => join(dataDir, 'applications', applicationId);
  const upload = (text: string) => documents.upload(c.applicant, applicationId, { originalname: `${text}.pdf`, size: pdf(text).length, buffer: pdf(text) }, { kind: 'other' });
  const rowCount = async (id: string) => Number((await db.query('SELECT COUNT(*) AS n FROM application_documents WHERE id = ?', [id]))[0].n);
  const tempFiles = () => readdirSync(appDir()).filter((name) => name.includes('.tmp-'));
  /** Sets a file's modification time `ageMs` before the application's clock. */
  const age = (path: string, ageMs: number) => {
    const at = new Date(u.clock.now().getTime() - ageMs);
    utimesSync(path, at, at);
  };

  describe('a document’s bytes', () => {
    it('are placed under their storage key once the row has committed, and no temporary file stays', async () => {
      const view = await upload('placed');
      expect(await rowCount(view.id)).toBe(1);
      expect(readFileSync(join(appDir(), view.id), 'utf8')).toContain('placed');
      expect(tempFiles()).toEqual([]);
    });

    it('stay when the COMMIT went through but its answer was lost: the upload answers as done', async () => {
      const run = tx.run.bind(tx);
      jest.spyOn(tx, 'run').mockImplementationOnce(async (work) => {
        await run(work);
        throw new Error('Connection lost: The server closed the connection.');
      });
      const before = new Set(readdirSync(appDir()));
      const view = await upload('committed-answer-lost');
      const added = readdirSync(appDir()).filter((name) => !before.has(name));
      expect(added).toEqual([view.id]);
      expect(await rowCount(view.id)).toBe(1);
      expect(readFileSync(join(appDir(), view.id), 'utf8')).toContain('committed-answer-lost');
    });

    it('are removed when the transaction failed before its COMMIT', async () => {
      jest.spyOn(tx, 'run').mockImplementationOnce(async () => {
        throw new Error('Connection lost before COMMIT');
      });
      const before = readdirSync(appDir()).sort();
      await expect(upload('rolled-back')).rejects.toThrow(/before COMMIT/);
      expect(readdirSync(appDir()).sort()).toEqual(before);
    });

    it('stay under their temporary name when even the row cannot be looked for; the sweep puts them in place once old', async () => {
      const run = tx.run.bind(tx);
      const manager = Object.getOwnPropertyDescriptor(TransactionRunner.prototype, 'manager')!.get!;
      jest.spyOn(tx, 'run').mockImplementationOnce(async (work) => {
        await run(work);
        // From here the database answers nothing: neither the COMMIT nor the look-up.
        jest.spyOn(tx, 'manager', 'get').mockImplementation(() => {
          throw new Error('database unreachable');
        });
        throw new Error('Connection lost: The server closed the connection.');
      });
      await expect(upload('unknown-outcome')).rejects.toThrow(/Connection lost/);
      jest.spyOn(tx, 'manager', 'get').mockImplementation(function (this: TransactionRunner) {
        return manager.call(this);
      });
      const [temp] = tempFiles();
      expect(temp).toBeDefined();
      const documentId = temp.split('.')[0];
      expect(await rowCount(documentId)).toBe(1);
      expect(existsSync(join(appDir(), documentId))).toBe(false);

      // Young: the sweep leaves it (its upload might still be under way).
      age(join(appDir(), temp), 0);
      expect(await documents.sweepOrphanFiles()).toEqual({ removed: 0, restored: 0 });
      expect(tempFiles()).toEqual([temp]);
      age(join(appDir(), temp), 2 * HOUR);
      expect(await documents.sweepOrphanFiles()).toEqual({ removed: 0, restored: 1 });
      expect(tempFiles()).toEqual([]);
      expect(readFileSync(join(appDir(), documentId), 'utf8')).toContain('unknown-outcome');
    });
  });

  describe('the orphan-file sweep', () => {
    it('removes files no row names and temporary files older than an hour; keeps referenced files, however old, and young ones', async () => {
      const referenced = await upload('referenced');
      const dir = appDir();
      const orphanOld = join(dir, newId());
      const orphanYoung = join(dir, newId());
      const tempOld = join(dir, `${newId()}.tmp-0123456789ab`);
      const tempYoung = join(dir, `${newId()}.tmp-ba9876543210`);
      // A directory of a file that has no row at all, crashed before its first commit.
      const strayDir = join(dataDir, 'applications', newId());
      mkdirSync(strayDir);
      const strayOld = join(strayDir, newId());
      for (const path of [orphanOld, orphanYoung, tempOld, tempYoung, strayOld]) writeFileSync(path, pdf('orphan'));
      age(join(dir, referenced.id), 30 * 24 * HOUR);
      age(orphanOld, HOUR + 1000);
      age(tempOld, 3 * HOUR);
      age(strayOld, 5 * HOUR);
      age(orphanYoung, HOUR - 60_000);
      age(tempYoung, 10 * 60_000);

      expect(await documents.sweepOrphanFiles()).toEqual({ removed: 3, restored: 0 });
      for (const gone of [orphanOld, tempOld, strayOld]) expect(existsSync(gone)).toBe(false);
      for (const kept of [join(dir, referenced.id), orphanYoung, tempYoung]) expect(existsSync(kept)).toBe(true);

      // An hour on, the young ones have aged and go too; the referenced file stays.
      u.clock.set(new Date(u.clock.now().getTime() + HOUR));
      expect(await documents.sweepOrphanFiles()).toEqual({ removed: 2, restored: 0 });
      expect(existsSync(join(dir, referenced.id))).toBe(true);
      expect(readdirSync(dir).filter((name) => [orphanYoung, tempYoung].some((p) => p.endsWith(name)))).toEqual([]);
    });
  });

  describe('housekeeping jobs', () => {
    // The jobs delete across the whole database, which the medium suites share: they run at a
    // time before anything else in the run (year 2000), so only this suite's rows are that old.
    const NOW = new Date('2000-06-15T03:00:00Z');
    let user: TestActor;

    beforeAll(async () => {
      user = await createActor(u, ['applicant']);
    });
    beforeEach(() => u.clock.set(NOW));

    const at = (ms: number) => new Date(NOW.getTime() + ms);
    const DAY = 24 * HOUR;

    it('forgets Idempotency-Keys older than 7 days and keeps younger ones', async () => {
      const keys = { old: `old-${newId()}`, edge: `edge-${newId()}`, young: `young-${newId()}` };
      const created = { old: at(-7 * DAY - 1000), edge: at(-7 * DAY + 60_000), young: at(-DAY) };
      for (const k of ['old', 'edge', 'young'] as const) {
        await db.query(
          'INSERT INTO idempotency_keys (user_id, idem_key, request_hash, status_code, response_body, created_at) VALUES (?,?,?,?,?,?)',
          [user.id, keys[k], 'h'.repeat(64), 201, '{}', created[k]],
        );
      }
      expect(await u.get(IdempotencyService).purgeOlderThan(7 * 24)).toBe(1);
      const left = (await db.query('SELECT idem_key FROM idempotency_keys WHERE user_id = ? ORDER BY idem_key', [user.id])).map((r: { idem_key: string }) => r.idem_key);
      expect(left).toEqual([keys.edge, keys.young].sort());
    });

    it('deletes web sessions past their absolute expiry or idle too long, and keeps live ones', async () => {
      const insert = async (name: string, lastSeen: Date, expires: Date) => {
        const id = `${name}${newId()}`.padEnd(64, '0').slice(0, 64);
        await db.query(
          'INSERT INTO web_sessions (id, user_id, csrf_token, flash, created_at, last_seen_at, expires_at, credentials_version) VALUES (?,?,?,NULL,?,?,?,0)',
          [id, user.id, 'c'.repeat(43), at(-3 * HOUR), lastSeen, expires],
        );
        return id;
      };
      const expired = await insert('expired', at(-60_000), at(-1000));
      const idle = await insert('idle', at(-2 * HOUR - 1000), at(9 * HOUR));
      const live = await insert('live', at(-HOUR), at(9 * HOUR));
      expect(await u.get(WebSessionService).purgeExpired()).toBe(2);
      const left = (await db.query('SELECT id FROM web_sessions WHERE user_id = ?', [user.id])).map((r: { id: string }) => r.id);
      expect(left).toEqual([live]);
      expect(left).not.toContain(expired);
      expect(left).not.toContain(idle);
    });

    it('deletes refresh tokens expired longer than an access token lives, and keeps the rest (revoked ones still in their time included)', async () => {
      const accessTtl = u.config.ACCESS_TOKEN_TTL_SECONDS * 1000;
      const insert = async (expires: Date, revoked: Date | null) => {
        const id = newId();
        await db.query(
          `INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, expires_at, used_at, replaced_by_id, revoked_at, revoked_reason, created_at)
           VALUES (?,?,?,?,?,NULL,NULL,?,?,?)`,
          [id, user.id, newId(), newId().padEnd(64, 'f'), expires, revoked, revoked ? 'logout' : null, at(-40 * DAY)],
        );
        return id;
      };
      const longExpired = await insert(at(-accessTtl - 1000), null);
      const longExpiredRevoked = await insert(at(-DAY), at(-2 * DAY));
      // Its family's access tokens may still live: the revoked row is what ends them.
      const justExpiredRevoked = await insert(at(-1000), at(-2 * DAY));
      const revokedInTime = await insert(at(DAY), at(-HOUR));
      const live = await insert(at(DAY), null);
      expect(await u.get(AuthService).purgeExpiredRefreshTokens()).toBe(2);
      const left = (await db.query('SELECT id FROM refresh_tokens WHERE user_id = ? ORDER BY id', [user.id])).map((r: { id: string }) => r.id);
      expect(left).toEqual([justExpiredRevoked, revokedInTime, live].sort());
      expect(left).not.toContain(longExpired);
      expect(left).not.toContain(longExpiredRevoked);
    });

    it('runs every job in one call', async () => {
      const result = await u.get(HousekeepingService).run();
      expect(result).toEqual({
        ran: true,
        value: { idempotencyKeys: expect.any(Number), webSessions: expect.any(Number), refreshTokens: expect.any(Number), orphanFiles: { removed: 0, restored: 0 } },
      });
    });

    it('of two runs at once, one runs the jobs and the other skips (a database lock)', async () => {
      const housekeeping = u.get(HousekeepingService);
      const idempotency = u.get(IdempotencyService);
      let open!: () => void;
      const gate = new Promise<void>((resolve) => (open = resolve));
      let entered = 0;
      let bothEntered!: () => void;
      const twice = new Promise<void>((resolve) => (bothEntered = resolve));
      const purge = jest.spyOn(idempotency, 'purgeOlderThan').mockImplementation(async () => {
        if (++entered === 2) bothEntered();
        await gate;
        return 0;
      });
      const runs = [housekeeping.run(), housekeeping.run()];
      // The first answer can only be the run that found the lock taken (the other waits at the
      // gate); were both running the jobs, both enter the job and the gate opens for the assertion.
      await Promise.race([...runs, twice]);
      open();
      const results = await Promise.all(runs);
      expect(results.map((r) => r.ran).sort()).toEqual([false, true]);
      expect(purge).toHaveBeenCalledTimes(1);
    });

    /** An instance of the service on this database with its own clock, as another process would be. */
    const instance = (clock: FixedClock, registry = new SchedulerRegistry()) =>
      new HousekeepingService(
        db,
        Object.assign(new AppConfig(), { HOUSEKEEPING_INTERVAL_MINUTES: 30 }),
        clock,
        registry,
        u.get(IdempotencyService),
        u.get(AuthService),
        u.get(WebSessionService),
        documents,
      );

    it('on the schedule, runs the jobs once an interval however many instances fire in it', async () => {
      const purge = jest.spyOn(u.get(IdempotencyService), 'purgeOlderThan');
      try {
        const start = new Date('2099-01-01T00:01:00Z'); // the first minute of a 30-minute slot
        const clockA = new FixedClock(start);
        const clockB = new FixedClock(new Date(start.getTime() + 7 * 60_000));
        const [a, b] = [instance(clockA), instance(clockB)];
        expect((await a.runIfDue()).ran).toBe(true);
        // B's timer fires later in the same interval: A has done the work.
        expect((await b.runIfDue()).ran).toBe(false);
        expect((await a.runIfDue()).ran).toBe(false);
        expect(purge).toHaveBeenCalledTimes(1);
        // The next interval: whichever fires first runs, the other skips.
        clockB.set(new Date(start.getTime() + 31 * 60_000));
        clockA.set(new Date(start.getTime() + 40 * 60_000));
        expect((await b.runIfDue()).ran).toBe(true);
        expect((await a.runIfDue()).ran).toBe(false);
        expect(purge).toHaveBeenCalledTimes(2);
        // A run asked for by hand is not held back by the schedule.
        expect((await a.run()).ran).toBe(true);
      } finally {
        purge.mockRestore();
      }
    });

    it('is put on the schedule every HOUSEKEEPING_INTERVAL_MINUTES, and not at all with 0 (as in the tests)', async () => {
      expect(u.get(SchedulerRegistry).getIntervals()).not.toContain('housekeeping');
      const registry = new SchedulerRegistry();
      const scheduled = instance(new FixedClock(), registry);
      scheduled.onApplicationBootstrap();
      try {
        expect(registry.getIntervals()).toEqual(['housekeeping']);
      } finally {
        registry.deleteInterval('housekeeping');
      }
    });

    it('a lock held elsewhere (another instance) makes a run skip, and it runs once the lock is free', async () => {
      const name = `kcfund:test-lock:${newId()}`;
      let release!: () => void;
      let acquired!: () => void;
      const holding = new Promise<void>((resolve) => (acquired = resolve));
      const held = runExclusively(db, name, () => {
        acquired();
        return new Promise<void>((resolve) => (release = resolve));
      });
      await holding;
      expect(await runExclusively(db, name, async () => 'ran')).toEqual({ ran: false });
      release();
      expect(await held).toEqual({ ran: true, value: undefined });
      expect(await runExclusively(db, name, async () => 'ran')).toEqual({ ran: true, value: 'ran' });
    });
  });
});
