import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Money } from '../../common/money/decimal';
import { Direction, DIRECTIONS, movementKey, RecordedMovement, StatementRow } from './reconciliation.rules';

/** Statement lines per lookup: one round trip for each 2,000. */
const LOOKUP_CHUNK = 2000;
/** Movements read per round trip when scanning a range of value dates. */
const SCAN_BATCH = 5000;

interface MovementRow {
  id: string;
  treasuryRef: string;
  amount: string;
  valueDate: string;
  currency: string;
}

/**
 * What KCFund recorded as moved through the treasury: paid disbursements (`out`) and recovery
 * receipts (`in`), read in SQL by the reconciliation only, never changed here.
 */
const SOURCES: Record<Direction, { table: string; valueDateIndex: string; joins: string; where: string }> = {
  out: {
    table: 'disbursements',
    valueDateIndex: 'ix_disbursements_value_date',
    joins: 'LEFT JOIN funds f ON f.id = m.fund_id',
    where: `m.status = 'paid' AND m.treasury_ref IS NOT NULL`,
  },
  in: {
    table: 'recovery_receipts',
    valueDateIndex: 'ix_recovery_receipts_value_date',
    joins: 'LEFT JOIN recoveries r ON r.id = m.recovery_id LEFT JOIN funds f ON f.id = r.fund_id',
    where: '1 = 1',
  },
};

const COLUMNS = `m.id AS id, m.treasury_ref AS treasuryRef, m.amount AS amount, m.value_date AS valueDate, COALESCE(f.currency, 'VND') AS currency`;

@Injectable()
export class RecordedMovements {
  /**
   * The statement's rows a chunk at a time, each chunk with what KCFund recorded under its
   * references (by movementKey): one round trip per chunk, and only one chunk's records held at once.
   */
  async *inChunksWithRecords(em: EntityManager, rows: readonly StatementRow[]): AsyncGenerator<{ rows: readonly StatementRow[]; recorded: Map<string, RecordedMovement> }> {
    for (let start = 0; start < rows.length; start += LOOKUP_CHUNK) {
      const chunk = rows.slice(start, start + LOOKUP_CHUNK);
      const parts: string[] = [];
      const params: string[] = [];
      for (const direction of DIRECTIONS) {
        const refs = chunk.filter((row) => row.direction === direction).map((row) => row.treasuryRef);
        if (!refs.length) continue;
        const { table, joins, where } = SOURCES[direction];
        parts.push(`SELECT '${direction}' AS direction, ${COLUMNS} FROM ${table} m ${joins} WHERE ${where} AND m.treasury_ref IN (${refs.map(() => '?').join(',')})`);
        params.push(...refs);
      }
      const result: Array<MovementRow & { direction: Direction }> = await em.query(parts.join(' UNION ALL '), params);
      const recorded = new Map<string, RecordedMovement>();
      for (const row of result) recorded.set(movementKey(row.direction, row.treasuryRef), toMovement(row.direction, row));
      yield { rows: chunk, recorded };
    }
  }

  /** KCFund's movements with a value date from `first` to `last`, a batch at a time, in value-date order. */
  async *withValueDates(em: EntityManager, first: string, last: string): AsyncGenerator<RecordedMovement[]> {
    for (const direction of DIRECTIONS) {
      const { table, valueDateIndex, joins, where } = SOURCES[direction];
      let after = { valueDate: first, id: '' };
      for (;;) {
        // Walk the value-date index (whose entries end with the id) from the last row read: each
        // batch reads only its own rows, already in order. Without the hint the optimizer may scan
        // by status and sort the whole range for every batch.
        const batch: MovementRow[] = await em.query(
          `SELECT ${COLUMNS} FROM ${table} m FORCE INDEX (${valueDateIndex}) ${joins}
            WHERE ${where} AND m.value_date >= ? AND m.value_date <= ? AND (m.value_date > ? OR m.id > ?)
            ORDER BY m.value_date, m.id LIMIT ${SCAN_BATCH}`,
          [after.valueDate, last, after.valueDate, after.id],
        );
        if (batch.length === 0) break;
        yield batch.map((row) => toMovement(direction, row));
        const tail = batch[batch.length - 1];
        after = { valueDate: tail.valueDate, id: tail.id };
        if (batch.length < SCAN_BATCH) break;
      }
    }
  }
}

function toMovement(direction: Direction, row: MovementRow): RecordedMovement {
  return { treasuryRef: row.treasuryRef, direction, amount: new Money(row.amount), valueDate: row.valueDate, currency: row.currency };
}
