import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { newId } from '../../common/ids';
import { Page, pageOf } from '../../common/http/page';
import { TransactionRunner } from '../../database/transaction';
import { AuditEntry } from './audit-entry.entity';
import {
  chainEndProblem,
  ChainedFields,
  contentHashOfCanonical,
  firstBrokenLink,
  GENESIS_HASH,
  StoredLink,
} from './audit-chain.rules';
import { canonicalValue } from './canonical-json';
import { AuditEntryView, AuditRecord, AuditVerification } from './audit.types';
import type { AuditQuery } from './dto/audit-query.dto';

const VERIFY_BATCH = 2000;

/**
 * The only writer of the audit log. `record` joins the caller's transaction: entries are kept
 * until just before COMMIT and then inserted in one statement, so the chain head (taken by the
 * insert trigger) is held only for that statement and the commit.
 */
@Injectable()
export class AuditService {
  private readonly pending = new WeakMap<EntityManager, ChainedFields[]>();

  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  record(record: AuditRecord): void {
    if (!this.tx.inTransaction) throw new Error('audit entries are written inside the transaction of the change');
    const manager = this.tx.manager;
    let queue = this.pending.get(manager);
    if (!queue) {
      queue = [];
      this.pending.set(manager, queue);
      const entries = queue;
      this.tx.beforeCommit(() => this.flush(manager, entries));
    }
    queue.push({
      id: newId(),
      at: new Date(Math.floor(this.clock.now().getTime())).toISOString(),
      actorId: record.actor?.id ?? null,
      capacity: record.capacity,
      onBehalfOf: record.onBehalfOf ?? null,
      action: record.action,
      entity: record.entity,
      entityId: record.entityId,
      // Canonical copies, taken now: a later change to the caller's objects does not reach the log.
      before: canonicalValue(record.before),
      after: canonicalValue(record.after),
    });
  }

  /** Queues the transaction's entries as one INSERT in the final round trip before COMMIT. */
  private async flush(manager: EntityManager, entries: ChainedFields[]): Promise<void> {
    this.pending.delete(manager);
    if (entries.length === 0) return;
    const placeholders = entries.map(() => '(?,0,?,?,?,?,?,?,?,?,?,?)').join(',');
    const params = entries.flatMap((e) => [
      e.id,
      new Date(e.at),
      e.actorId,
      e.capacity,
      e.onBehalfOf,
      e.action,
      e.entity,
      e.entityId,
      e.before === null ? null : JSON.stringify(e.before),
      e.after === null ? null : JSON.stringify(e.after),
      contentHashOfCanonical(e),
    ]);
    this.tx.atCommit({
      sql: `INSERT INTO audit_log (id, seq, at, actor_id, capacity, on_behalf_of, action, entity, entity_id, before_json, after_json, content_hash) VALUES ${placeholders}`,
      params,
    });
  }

  async list(query: AuditQuery): Promise<Page<AuditEntryView>> {
    const qb = this.tx.manager.createQueryBuilder(AuditEntry, 'a');
    if (query.entity) qb.andWhere('a.entity = :entity', { entity: query.entity });
    if (query.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: query.entityId });
    if (query.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: query.actorId });
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    if (query.from) qb.andWhere('a.at >= :from', { from: new Date(query.from) });
    if (query.to) qb.andWhere('a.at <= :to', { to: new Date(query.to) });
    const [rows, total] = await qb
      .orderBy('a.seq', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(rows.map(toView), total, query);
  }

  /**
   * Proves the log whole: every entry links to the one before (a changed row breaks its link,
   * `altered`, naming the first such entry), the chain ends at the stored head (entries removed
   * from its end leave the head ahead, `truncated`), and the triggers that keep the log
   * append-only and the head moving forward are in place (`trigger_missing`).
   *
   * The head is read first and the chain walked up to it: a writer holds the head until its
   * COMMIT, so every entry up to a committed head is committed, and entries appended meanwhile
   * are beyond it.
   */
  async verify(): Promise<AuditVerification> {
    const head = await this.readHead();
    let prevHash = GENESIS_HASH;
    let lastSeq = '0';
    let count = 0;
    for (;;) {
      const rows = await this.tx.manager
        .createQueryBuilder(AuditEntry, 'a')
        .where('a.seq > :lastSeq AND a.seq <= :headSeq', { lastSeq, headSeq: head.seq })
        .orderBy('a.seq', 'ASC')
        .take(VERIFY_BATCH)
        .getMany();
      if (rows.length === 0) break;
      const links: StoredLink[] = rows.map((row) => ({
        ...fields(row),
        contentHash: row.contentHash,
        prevHash: row.prevHash,
        hash: row.hash,
      }));
      const { brokenId, lastHash } = firstBrokenLink(links, prevHash);
      if (brokenId) {
        const index = links.findIndex((l) => l.id === brokenId);
        return { ok: false, reason: 'altered', entries: count + index, firstBrokenId: brokenId };
      }
      prevHash = lastHash;
      count += rows.length;
      lastSeq = rows[rows.length - 1].seq;
    }
    const end = chainEndProblem({ headSeq: head.seq, headHash: head.hash, lastSeq, lastHash: prevHash });
    if (end) return { ok: false, reason: end, entries: count };
    const missing = await this.unguardedTriggers();
    if (missing.length) return { ok: false, reason: 'trigger_missing', entries: count, missingTriggers: missing };
    return { ok: true, entries: count };
  }

  private async readHead(): Promise<{ seq: string; hash: string }> {
    const rows: Array<{ seq: string | number; hash: string }> = await this.tx.manager.query('SELECT seq, hash FROM audit_head WHERE id = 1');
    // No head row at all: nothing can be proved; the chain is measured against an empty one.
    return rows[0] ? { seq: String(rows[0].seq), hash: rows[0].hash } : { seq: '-1', hash: '' };
  }

  /**
   * The triggers the proof rests on, tried rather than looked up (the service's database user may
   * not see information_schema.TRIGGERS, and a trigger kept under its name but emptied would pass a
   * look-up): inside a transaction that is always rolled back, an entry is appended (the chain
   * trigger must link it to the head), the newest entry is updated and deleted, and the head is set
   * back and deleted; each guard must refuse (SIGNAL). Returns the names of those that did not.
   * The head is held for the few statements of the probe, as by any audited write.
   */
  private async unguardedTriggers(): Promise<string[]> {
    const runner = this.tx.manager.connection.createQueryRunner();
    await runner.connect();
    const missing: string[] = [];
    const refused = async (sql: string, params: unknown[] = []): Promise<boolean> => {
      try {
        await runner.query(sql, params);
        return false;
      } catch (error) {
        if (isSignal(error)) return true;
        throw error;
      }
    };
    try {
      await runner.startTransaction('READ COMMITTED');
      const [head] = await runner.query('SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE');
      const probeId = newId();
      const linked = await runner
        .query(
          `INSERT INTO audit_log (id, seq, at, actor_id, capacity, on_behalf_of, action, entity, entity_id, before_json, after_json, content_hash)
           VALUES (?, 0, ?, NULL, 'system', NULL, 'audit.verify_probe', 'audit', 'probe', NULL, NULL, ?)`,
          [probeId, this.clock.now(), GENESIS_HASH],
        )
        .then(async () => {
          const [probe] = await runner.query('SELECT seq, prev_hash AS prevHash FROM audit_log WHERE id = ?', [probeId]);
          return Boolean(head) && String(probe.seq) === String(BigInt(head.seq) + 1n) && probe.prevHash === head.hash;
        })
        // Without the chain trigger every entry keeps seq 0, and a second one is a duplicate key.
        .catch((error: unknown) => (isDuplicateKey(error) ? false : Promise.reject(error)));
      if (!linked) missing.push('audit_log_chain');
      if (!(await refused('UPDATE audit_log SET capacity = capacity ORDER BY seq DESC LIMIT 1'))) missing.push('audit_log_no_update');
      if (!(await refused('DELETE FROM audit_log ORDER BY seq DESC LIMIT 1'))) missing.push('audit_log_no_delete');
      if (!(await refused('UPDATE audit_head SET seq = seq WHERE id = 1'))) missing.push('audit_head_forward_only');
      if (!(await refused('DELETE FROM audit_head WHERE id = 1'))) missing.push('audit_head_no_delete');
    } finally {
      await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
    }
    return missing;
  }
}

function errnoOf(error: unknown): number | undefined {
  const e = error as { errno?: number; driverError?: { errno?: number } };
  return e?.driverError?.errno ?? e?.errno;
}

/** ER_SIGNAL_EXCEPTION: a trigger refused the statement. */
const isSignal = (error: unknown) => errnoOf(error) === 1644;
/** ER_DUP_ENTRY. */
const isDuplicateKey = (error: unknown) => errnoOf(error) === 1062;

function parse(json: string | null): unknown {
  return json === null ? null : JSON.parse(json);
}

function fields(row: AuditEntry): ChainedFields {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actorId,
    capacity: row.capacity,
    onBehalfOf: row.onBehalfOf,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    before: parse(row.beforeJson),
    after: parse(row.afterJson),
  };
}

function toView(row: AuditEntry): AuditEntryView {
  return { ...fields(row), seq: Number(row.seq), hash: row.hash, prevHash: row.prevHash };
}
