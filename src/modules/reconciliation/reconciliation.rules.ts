import type { FieldError } from '../../common/http/domain-error';
import { currencyScale } from '../../common/money/currency';
import { Decimal, Money } from '../../common/money/decimal';
import { moneyStringProblem } from '../../common/money/money';
import { isTaxCode } from '../establishments/dto/tax-code';
import { STATEMENT_COLUMNS } from './dto/statement-format';

/** `out`: a payment KCFund made (disbursement); `in`: money received back (recovery receipt). */
export const DIRECTIONS = ['out', 'in'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const LINE_STATUSES = ['matched', 'amount_mismatch', 'unknown'] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];

/** The treasury reference as KCFund records it when paying (số chứng từ kho bạc). */
import { TREASURY_REF_PATTERN } from '../../common/http/validators';


/** Statements are in đồng: the treasury pays and receives in VND. */
export const STATEMENT_CURRENCY = 'VND';

const MAX_DESCRIPTION_LENGTH = 1000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** One valid row of a statement; `line` counts the header as line 1. */
export interface StatementRow {
  line: number;
  treasuryRef: string;
  valueDate: string;
  /** Canonical: digits only, no leading zero, greater than zero. */
  amount: string;
  direction: Direction;
}

/** A payment or receipt as KCFund recorded it. */
export interface RecordedMovement {
  treasuryRef: string;
  direction: Direction;
  amount: Decimal;
  valueDate: string;
  currency: string;
}

/** The field name of a problem on one line of the file: `line 3: amount`. */
export function lineField(line: number, column?: string): string {
  return column ? `line ${line}: ${column}` : `line ${line}`;
}

function lineProblem(line: number, column: string | undefined, message: string): FieldError {
  return { field: lineField(line, column), message };
}

/** What is wrong with the header line (line 1 unless blank lines come first), or an empty list. */
export function headerProblems(fields: string[], line = 1): FieldError[] {
  const expected = STATEMENT_COLUMNS.join(',');
  if (fields.length === STATEMENT_COLUMNS.length && fields.every((f, i) => f === STATEMENT_COLUMNS[i])) return [];
  return [lineProblem(line, 'header', `dòng tiêu đề phải đúng là "${expected}", tệp có "${fields.join(',')}"`)];
}

/** Whether `value` is a `YYYY-MM-DD` date that exists on the calendar. */
export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [match[1], match[2], match[3]].map((part) => Number.parseInt(part, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

/**
 * One data line of the statement: the row, or every problem it has, each naming the line and
 * the column. Amounts follow the API's money rules in whole đồng ("1e6", "-5", "1.000.000",
 * "12.5" and "" are refused); text the treasury did not write in UTF-8 shows as U+FFFD and is refused.
 */
export function parseStatementRecord(fields: string[], line: number): { row: StatementRow; problems?: undefined } | { row?: undefined; problems: FieldError[] } {
  if (fields.length !== STATEMENT_COLUMNS.length) {
    return { problems: [lineProblem(line, undefined, `cần đúng ${STATEMENT_COLUMNS.length} cột (${STATEMENT_COLUMNS.join(',')}), dòng này có ${fields.length} cột`)] };
  }
  const [treasuryRef, valueDate, amount, direction, payeeTaxCode, description] = fields;
  const problems: FieldError[] = [];
  const encodingBroken = fields.findIndex((f) => f.includes('\uFFFD'));
  if (encodingBroken >= 0) {
    problems.push(lineProblem(line, STATEMENT_COLUMNS[encodingBroken], 'tệp phải được mã hóa UTF-8'));
    return { problems };
  }
  if (!TREASURY_REF_PATTERN.test(treasuryRef)) {
    problems.push(lineProblem(line, 'treasuryRef', treasuryRef === '' ? 'không được để trống' : 'số chứng từ gồm 1–64 chữ cái không dấu, chữ số và các ký tự . _ / -'));
  }
  if (!isCalendarDate(valueDate)) {
    problems.push(lineProblem(line, 'valueDate', DATE_PATTERN.test(valueDate) ? 'ngày không tồn tại' : 'phải là ngày dạng YYYY-MM-DD'));
  }
  const amountProblem = moneyStringProblem(amount, currencyScale(STATEMENT_CURRENCY)) ?? (/^0+$/.test(amount) ? 'phải lớn hơn 0' : null);
  if (amountProblem) problems.push(lineProblem(line, 'amount', amountProblem));
  if (!(DIRECTIONS as readonly string[]).includes(direction)) {
    problems.push(lineProblem(line, 'direction', 'phải là "out" (khoản chi) hoặc "in" (khoản thu hồi)'));
  }
  if (payeeTaxCode !== '' && !isTaxCode(payeeTaxCode)) {
    problems.push(lineProblem(line, 'payeeTaxCode', 'mã số thuế phải gồm 10 chữ số, hoặc 10 chữ số-3 chữ số (chi nhánh)'));
  }
  if (description.length > MAX_DESCRIPTION_LENGTH) {
    problems.push(lineProblem(line, 'description', `tối đa ${MAX_DESCRIPTION_LENGTH} ký tự`));
  }
  if (problems.length) return { problems };
  return { row: { line, treasuryRef, valueDate, amount, direction: direction as Direction } };
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
