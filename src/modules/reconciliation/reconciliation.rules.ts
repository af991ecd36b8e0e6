import { Decimal, Money } from '../../common/money/decimal';
import type { Direction, StatementRow } from './statement-line.rules';

export const LINE_STATUSES = ['matched', 'amount_mismatch', 'unknown'] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];

/** A payment or receipt as KCFund recorded it. */
export interface RecordedMovement {
  treasuryRef: string;
  direction: Direction;
  amount: Decimal;
  valueDate: string;
  currency: string;
}

/**
 * The key a statement row and a KCFund record match on: the direction and the treasury reference.
 * References compare without regard to case, as the database's unique keys on them do
 * (utf8mb4_unicode_ci): "KB-1" and "kb-1" cannot both be recorded, so they are one reference.
 */
export function movementKey(direction: Direction, treasuryRef: string): string {
  return `${direction}:${treasuryRef.toUpperCase()}`;
}

/**
 * The matching rule for one statement line: `unknown` when KCFund recorded no payment or receipt
 * with its reference (and direction), `matched` when it did for the same amount, otherwise
 * `amount_mismatch`. Amounts compare as decimals ("1500000" equals 1500000.00).
 */
export function matchStatementLine({ statementAmount, recordedAmount }: { statementAmount: string; recordedAmount: Decimal | null }): LineStatus {
  if (recordedAmount === null) return 'unknown';
  return new Money(statementAmount).eq(recordedAmount) ? 'matched' : 'amount_mismatch';
}

/**
 * Whether a payment or receipt KCFund recorded should have been on the statement but is not: its
 * value date is inside the statement's first–last value dates, and no line carries its key.
 */
export function isMissingFromStatement(
  movement: Pick<RecordedMovement, 'direction' | 'treasuryRef' | 'valueDate'>,
  {
    statementKeys,
    firstValueDate,
    lastValueDate,
  }: {
    /** movementKey of every line (a Set, or a Map keyed by them). */
    statementKeys: { has(key: string): boolean };
    firstValueDate: string;
    lastValueDate: string;
  },
): boolean {
  if (movement.valueDate < firstValueDate || movement.valueDate > lastValueDate) return false;
  return !statementKeys.has(movementKey(movement.direction, movement.treasuryRef));
}

export interface StatusCounts {
  matched: number;
  amountMismatch: number;
  unknownInStatement: number;
}

export function countStatuses(statuses: Iterable<LineStatus>): StatusCounts {
  const counts: StatusCounts = { matched: 0, amountMismatch: 0, unknownInStatement: 0 };
  for (const status of statuses) {
    if (status === 'matched') counts.matched++;
    else if (status === 'amount_mismatch') counts.amountMismatch++;
    else counts.unknownInStatement++;
  }
  return counts;
}

/** How many lines go each way and what they add up to, as the preview shows a statement. */
export function directionTotals(rows: Iterable<Pick<StatementRow, 'direction' | 'amount'>>): Record<Direction, { lines: number; amount: Money }> {
  const totals = { out: { lines: 0, amount: new Money(0) }, in: { lines: 0, amount: new Money(0) } };
  for (const row of rows) {
    const total = totals[row.direction];
    total.lines++;
    total.amount = total.amount.plus(row.amount);
  }
  return totals;
}
