import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Money } from '../../common/money/decimal';
import { Direction, movementKey, RecordedMovement, StatementRow } from './reconciliation.rules';

/** References per lookup: one round trip per thousand statement lines. */
const LOOKUP_CHUNK = 1000;
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
const SOURCES: Record<Direction, { from: string; where: string }> = {
  out: {
    from: `disbursements m LEFT JOIN funds f ON f.id = m.fund_id`,
    where: `m.status = 'paid' AND m.treasury_ref IS NOT NULL AND m.value_date IS NOT NULL`,
  },
  in: {
    from: `recovery_receipts m LEFT JOIN recoveries r ON r.id = m.recovery_id LEFT JOIN funds f ON f.id = r.fund_id`,
    where: `1 = 1`,
  },
};

const COLUMNS = `m.id AS id, m.treasury_ref AS treasuryRef, m.amount AS amount, m.value_date AS valueDate, COALESCE(f.currency, 'VND') AS currency`;

@Injectable()
export class RecordedMovements {
  /** KCFund's movements with the references (and directions) of these rows, by movementKey. */
  async findForRows(em: EntityManager, rows: readonly StatementRow[]): Promise<Map<string, RecordedMovement>> {
    const found = new Map<string, RecordedMovement>();
    for (const direction of ['out', 'in'] as const) {
      const refs = rows.filter((row) => row.direction === direction).map((row) => row.treasuryRef);
      for (let start = 0; start < refs.length; start += LOOKUP_CHUNK) {
        const chunk = refs.slice(start, start + LOOKUP_CHUNK);
        const { from, where } = SOURCES[direction];
        const result: MovementRow[] = await em.query(
          `SELECT ${COLUMNS} FROM ${from} WHERE ${where} AND m.treasury_ref IN (${chunk.map(() => '?').join(',')})`,
          chunk,
        );
        for (const row of result) found.set(movementKey(direction, row.treasuryRef), toMovement(direction, row));
      }
    }
    return found;
  }

  /** KCFund's movements with a value date from `first` to `last`, a batch at a time, in value-date order. */
  async *withValueDates(em: EntityManager, first: string, last: string): AsyncGenerator<RecordedMovement[]> {
    for (const direction of ['out', 'in'] as const) {
      const { from, where } = SOURCES[direction];
      let after = { valueDate: first, id: '' };
      for (;;) {
        const batch: MovementRow[] = await em.query(
          `SELECT ${COLUMNS} FROM ${from}
            WHERE ${where} AND m.value_date BETWEEN ? AND ?
              AND (m.value_date > ? OR (m.value_date = ? AND m.id > ?))
            ORDER BY m.value_date, m.id LIMIT ${SCAN_BATCH}`,
          [first, last, after.valueDate, after.valueDate, after.id],
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
