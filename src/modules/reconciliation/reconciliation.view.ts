import type { LineStatus } from './reconciliation.rules';
import type { FieldError } from '../../common/http/domain-error';
import type { Direction, StatementRow } from './statement-line.rules';
import type { ReconciliationImport } from './reconciliation-import.entity';

/** One line of the statement and what matching found for it. */
export interface StatementLineView {
  line: number;
  treasuryRef: string;
  direction: Direction;
  status: LineStatus;
  statementAmount: string;
  /** What KCFund recorded under this reference; null when `unknown`. */
  systemAmount: string | null;
}

/** A payment or receipt KCFund recorded inside the statement's dates that the statement lacks. */
export interface MissingMovementView {
  treasuryRef: string;
  direction: Direction;
  amount: string;
  valueDate: string;
}

/** An import as the list shows it. */
export interface ReconciliationImportSummary {
  id: string;
  fileName: string | null;
  fileSha256: string;
  firstValueDate: string | null;
  lastValueDate: string | null;
  lineCount: number;
  matched: number;
  amountMismatch: number;
  unknownInStatement: number;
  missingFromStatement: number;
  importedBy: string;
  createdAt: string;
}

/** An import with its lines: the answer to the upload, and to every later read of it. */
export interface ReconciliationImportView extends ReconciliationImportSummary {
  lines: StatementLineView[];
  missing: MissingMovementView[];
}

export type StoredLine = [line: number, treasuryRef: string, direction: Direction, status: LineStatus, statementAmount: string, systemAmount: string | null];
export type StoredMissing = [treasuryRef: string, direction: Direction, amount: string, valueDate: string];

/**
 * What `result_json` holds: arrays rather than objects, so a 100,000-line statement is stored in
 * about 6 MB, well under the server's 16 MB packet (objects would take about 14 MB).
 */
export interface StoredResult {
  format: 1;
  lines: StoredLine[];
  missing: StoredMissing[];
}

export function toImportSummary(entity: ReconciliationImport): ReconciliationImportSummary {
  return {
    id: entity.id,
    fileName: entity.fileName,
    fileSha256: entity.fileSha256,
    firstValueDate: entity.firstValueDate,
    lastValueDate: entity.lastValueDate,
    lineCount: entity.lineCount,
    matched: entity.matched,
    amountMismatch: entity.amountMismatch,
    unknownInStatement: entity.unknownInStatement,
    missingFromStatement: entity.missingFromStatement,
    importedBy: entity.importedBy,
    createdAt: entity.createdAt.toISOString(),
  };
}

export function toImportView(entity: ReconciliationImport, result: StoredResult): ReconciliationImportView {
  return {
    ...toImportSummary(entity),
    lines: result.lines.map(([line, treasuryRef, direction, status, statementAmount, systemAmount]) => ({
      line,
      treasuryRef,
      direction,
      status,
      statementAmount,
      systemAmount,
    })),
    missing: result.missing.map(([treasuryRef, direction, amount, valueDate]) => ({ treasuryRef, direction, amount, valueDate })),
  };
}

/** A statement row as a preview keeps it until the import: `[line, treasuryRef, valueDate, amount, direction]`. */
export type StoredRow = [line: number, treasuryRef: string, valueDate: string, amount: string, direction: Direction];

export function toStoredRow(row: StatementRow): StoredRow {
  return [row.line, row.treasuryRef, row.valueDate, row.amount, row.direction];
}

export function fromStoredRow([line, treasuryRef, valueDate, amount, direction]: StoredRow): StatementRow {
  return { line, treasuryRef, valueDate, amount, direction };
}

/** Lines and the sum of their amounts, for one direction of a statement. */
export interface DirectionTotal {
  lines: number;
  amount: string;
}

/**
 * A statement read and shown before it is imported. With problems, nothing is kept and `id` is
 * null: the file must be corrected. Without, `id` confirms the import of exactly these rows.
 */
export interface StatementPreviewView {
  id: string | null;
  fileName: string | null;
  /** Transaction lines read without a problem. */
  lineCount: number;
  firstValueDate: string | null;
  lastValueDate: string | null;
  totals: { out: DirectionTotal; in: DirectionTotal };
  /** The first lines, in file order; `lineCount` says how many there are in all. */
  rows: StatementRow[];
  /** Each naming the line and the column in Vietnamese (`dòng 3, cột Số tiền`). */
  problems: FieldError[];
  problemsTruncated: boolean;
  /** Until when the import may be confirmed. */
  expiresAt: string | null;
}
