import type { LineStatus } from './reconciliation.rules';
import type { Direction } from './statement-line.rules';
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
