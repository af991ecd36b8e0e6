import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { newId } from '../../common/ids';
import { Page, pageOf } from '../../common/http/page';
import { TransactionRunner } from '../../database/transaction';
import { AuditEntry } from './audit-entry.entity';
import { ChainedFields, contentHashOfCanonical, firstBrokenLink, GENESIS_HASH, StoredLink } from './audit-chain.rules';
import { canonicalValue } from './canonical-json';
import { AuditEntryView, AuditRecord } from './audit.types';
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

  /** Recomputes the whole chain in seq order, a batch at a time. */
  async verify(): Promise<{ ok: boolean; entries: number; firstBrokenId?: string }> {
    let prevHash = GENESIS_HASH;
    let lastSeq = '0';
    let count = 0;
    for (;;) {
      const rows = await this.tx.manager
        .createQueryBuilder(AuditEntry, 'a')
        .where('a.seq > :lastSeq', { lastSeq })
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
        return { ok: false, entries: count + index, firstBrokenId: brokenId };
      }
      prevHash = lastHash;
      count += rows.length;
      lastSeq = rows[rows.length - 1].seq;
    }
    return { ok: true, entries: count };
  }
}

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
