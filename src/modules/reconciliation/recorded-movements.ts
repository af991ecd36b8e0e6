import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Money } from '../../common/money/decimal';
import { movementKey, RecordedMovement } from './reconciliation.rules';
import { Direction, DIRECTIONS, StatementRow } from './statement-line.rules';

/** Statement lines per lookup: one round trip for each 2,000. */
const LOOKUP_CHUNK = 2000;

interface MovementRow {
  id: string;
  treasuryRef: string;
  amount: string;
  valueDate: string;
  currency: string;
}

interface Source {
  table: string;
  joins: string;
  where: string;
  /** The columns of the movement's treasury reference and value date in `table` (aliased m). */
  ref: string;
  valueDate: string;
}

/**
 * What KCFund recorded as moved through the treasury, read in SQL by the reconciliation only,
 * never changed here: paid disbursements (`out`, and still `out` once the treasury sent them
 * back: the money did leave), recovery receipts and disbursements the treasury returned (`in`,
 * under the return's own reference and value date).
 */
const SOURCES: Record<Direction, Source[]> = {
  out: [
    {
      table: 'disbursements',
      joins: 'LEFT JOIN funds f ON f.id = m.fund_id',
      where: `m.status IN ('paid','returned') AND m.treasury_ref IS NOT NULL`,
      ref: 'm.treasury_ref',
      valueDate: 'm.value_date',
    },
  ],
  in: [
    {
      table: 'recovery_receipts',
      joins: 'LEFT JOIN recoveries r ON r.id = m.recovery_id LEFT JOIN funds f ON f.id = r.fund_id',
      where: '1 = 1',
      ref: 'm.treasury_ref',
      valueDate: 'm.value_date',
    },
    {
      table: 'disbursements',
      joins: 'LEFT JOIN funds f ON f.id = m.fund_id',
      where: `m.status = 'returned' AND m.return_treasury_ref IS NOT NULL`,
      ref: 'm.return_treasury_ref',
      valueDate: 'm.return_value_date',
    },
  ],
};

const columnsOf = (source: Source) =>
  `m.id AS id, ${source.ref} AS treasuryRef, m.amount AS amount, ${source.valueDate} AS valueDate, COALESCE(f.currency, 'VND') AS currency`;

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
        for (const source of SOURCES[direction]) {
          parts.push(
            `SELECT '${direction}' AS direction, ${columnsOf(source)} FROM ${source.table} m ${source.joins} WHERE ${source.where} AND ${source.ref} IN (${refs.map(() => '?').join(',')})`,
          );
          params.push(...refs);
        }
      }
      const result: Array<MovementRow & { direction: Direction }> = await em.query(parts.join(' UNION ALL '), params);
      const recorded = new Map<string, RecordedMovement>();
      for (const row of result) recorded.set(movementKey(row.direction, row.treasuryRef), toMovement(row.direction, row));
      yield { rows: chunk, recorded };
    }
  }

  /**
   * KCFund's movements with a value date from `first` to `last` that `keep` selects, read as one
   * streamed query: rows arrive one at a time and only the kept ones are held. (One plain query
   * lets the optimizer choose a table scan when the dates cover most of the table; walking the
   * value-date index in batches cost a random read per row.)
   */
  async withValueDates(
    em: EntityManager,
    { first, last, keep }: { first: string; last: string; keep: (movement: Pick<RecordedMovement, 'direction' | 'treasuryRef' | 'valueDate'>) => boolean },
  ): Promise<RecordedMovement[]> {
    const runner = em.queryRunner;
    if (!runner) throw new Error('streaming reads need the transaction of the use case');
    const kept: RecordedMovement[] = [];
    for (const direction of DIRECTIONS) {
      for (const source of SOURCES[direction]) {
        const rows = await runner.stream(`SELECT ${columnsOf(source)} FROM ${source.table} m ${source.joins} WHERE ${source.where} AND ${source.valueDate} BETWEEN ? AND ?`, [first, last]);
        for await (const row of rows as AsyncIterable<MovementRow>) {
          if (keep({ direction, treasuryRef: row.treasuryRef, valueDate: row.valueDate })) kept.push(toMovement(direction, row));
        }
      }
    }
    return kept;
  }
}

function toMovement(direction: Direction, row: MovementRow): RecordedMovement {
  return { treasuryRef: row.treasuryRef, direction, amount: new Money(row.amount), valueDate: row.valueDate, currency: row.currency };
}
