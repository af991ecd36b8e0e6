import busboy from 'busboy';
import { parse, type CsvError } from 'csv-parse';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import type { FieldError } from '../../common/http/domain-error';
import { ReconciliationError } from './reconciliation.error';
import { headerProblems, lineField, movementKey, parseStatementRecord, StatementRow } from './reconciliation.rules';

/** Largest statement file accepted. */
export const MAX_STATEMENT_BYTES = 64 * 1024 * 1024;
/** Most data lines in one statement (a year of a province's treasury movements fits many times over). */
export const MAX_STATEMENT_LINES = 200_000;
/** A line longer than this is not a statement line (and would otherwise be held whole in memory). */
const MAX_LINE_CHARACTERS = 4096;
/** Problems reported for one file; past this, reading goes on only to finish the upload. */
const MAX_REPORTED_PROBLEMS = 100;

/** A statement whose every line is valid, with what its import needs. */
export interface ParsedStatement {
  /** SHA-256 of the file's bytes as uploaded: the same file twice is a duplicate. */
  sha256: string;
  fileName: string | null;
  rows: StatementRow[];
  /** movementKey of every row, with its line. */
  keys: ReadonlyMap<string, number>;
  firstValueDate: string;
  lastValueDate: string;
}

const CSV_ERROR_MESSAGES: Partial<Record<CsvError['code'], string>> = {
  CSV_QUOTE_NOT_CLOSED: 'dấu ngoặc kép mở nhưng không được đóng',
  CSV_INVALID_CLOSING_QUOTE: 'dấu ngoặc kép đóng đặt sai vị trí',
  INVALID_OPENING_QUOTE: 'dấu ngoặc kép mở đặt sai vị trí',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'có ký tự sau dấu ngoặc kép đóng',
  CSV_MAX_RECORD_SIZE: `dòng dài quá ${MAX_LINE_CHARACTERS} ký tự`,
};

/**
 * Reads the multipart upload's `file` part as it arrives: the bytes are hashed and parsed in one
 * pass, never held whole. Every line is checked; if any is malformed the whole statement is refused
 * (400 naming each line and column, up to 100), after the upload has been read to its end.
 */
export async function readStatementUpload(request: IncomingMessage): Promise<ParsedStatement> {
  let form: busboy.Busboy;
  try {
    form = busboy({
      headers: request.headers,
      defParamCharset: 'utf8',
      limits: { files: 1, fileSize: MAX_STATEMENT_BYTES, fields: 10, fieldSize: 1024, parts: 20 },
    });
  } catch {
    throw ReconciliationError.badUpload('gửi tệp CSV sao kê dạng multipart/form-data, trong trường "file"');
  }
  let reading: Promise<ParsedStatement> | undefined;
  form.on('file', (name, stream, info) => {
    if (name !== 'file' || reading) {
      stream.resume();
      return;
    }
    reading = readStatementFile(stream, info.filename ?? null);
    // Awaited below, once the whole form is read; until then a refusal must not count as unhandled.
    reading.catch(() => undefined);
  });
  try {
    await pipeline(request, form);
  } catch {
    await reading?.catch(() => undefined);
    throw ReconciliationError.badUpload('dữ liệu multipart không đọc được hoặc chưa gửi trọn vẹn');
  }
  if (!reading) throw ReconciliationError.badUpload('bắt buộc: tệp CSV sao kê kho bạc');
  return reading;
}

/** Hashes and parses one file stream to its end, even after a problem, so the upload completes. */
async function readStatementFile(file: Readable & { truncated?: boolean }, fileName: string | null): Promise<ParsedStatement> {
  const hash = createHash('sha256');
  const collector = new StatementCollector();
  let syntaxError: CsvError | undefined;
  const csv = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    record_delimiter: ['\r\n', '\n'],
    max_record_size: MAX_LINE_CHARACTERS,
    // Each record is checked here and kept in compact form; nothing is pushed downstream.
    on_record: (fields: string[], context) => {
      collector.add(fields, context.empty_lines);
      return null;
    },
  });
  csv.on('error', (error: CsvError) => {
    syntaxError ??= error;
  });
  for await (const chunk of file as AsyncIterable<Buffer>) {
    hash.update(chunk);
    if (syntaxError || collector.stopped) continue;
    if (!csv.write(chunk) && !syntaxError) await once(csv, 'drain').catch(() => undefined);
  }
  if (!syntaxError && !collector.stopped) {
    csv.end();
    await finished(csv, { readable: false }).catch(() => undefined);
  }
  if (file.truncated) throw ReconciliationError.badUpload(`tệp sao kê tối đa ${MAX_STATEMENT_BYTES / 1024 / 1024} MB`);
  if (syntaxError) collector.syntaxProblem(syntaxError);
  return collector.statement(hash.digest('hex'), fileName);
}

/** The state of reading one statement: rows so far, their keys, the value-date range, problems. */
class StatementCollector {
  private readonly rows: StatementRow[] = [];
  private readonly lineOfKey = new Map<string, number>();
  private readonly problems: FieldError[] = [];
  private headerRead = false;
  private headerBroken = false;
  private dataLines = 0;
  /** Physical line where the last record ended; csv-parse miscounts CRLF inside quotes, so we count. */
  private lastLine = 0;
  private emptyLinesSeen = 0;
  private firstValueDate = '';
  private lastValueDate = '';

  /** Nothing more is worth checking: the header is wrong, too many problems, or too many lines. */
  get stopped(): boolean {
    return this.headerBroken || this.problems.length >= MAX_REPORTED_PROBLEMS;
  }

  add(fields: string[], emptyLinesSoFar: number): void {
    if (this.stopped) return;
    const line = this.lastLine + 1 + (emptyLinesSoFar - this.emptyLinesSeen);
    this.emptyLinesSeen = emptyLinesSoFar;
    this.lastLine = line + fields.reduce((n, f) => n + countNewlines(f), 0);
    if (!this.headerRead) {
      this.headerRead = true;
      const problems = headerProblems(fields, line);
      this.problems.push(...problems);
      this.headerBroken = problems.length > 0;
      return;
    }
    if (++this.dataLines > MAX_STATEMENT_LINES) {
      this.problems.push({ field: lineField(line), message: `một sao kê tối đa ${MAX_STATEMENT_LINES} dòng giao dịch; hãy chia theo khoảng ngày` });
      this.headerBroken = true;
      return;
    }
    const parsed = parseStatementRecord(fields, line);
    if (parsed.problems) {
      this.problems.push(...parsed.problems.slice(0, MAX_REPORTED_PROBLEMS - this.problems.length));
      return;
    }
    const row = parsed.row;
    const key = movementKey(row.direction, row.treasuryRef);
    const earlier = this.lineOfKey.get(key);
    if (earlier !== undefined) {
      this.problems.push({ field: lineField(line, 'treasuryRef'), message: `số chứng từ ${row.treasuryRef} (chiều ${row.direction}) đã có ở dòng ${earlier}` });
      return;
    }
    this.lineOfKey.set(key, line);
    this.rows.push(row);
    if (this.firstValueDate === '' || row.valueDate < this.firstValueDate) this.firstValueDate = row.valueDate;
    if (row.valueDate > this.lastValueDate) this.lastValueDate = row.valueDate;
  }

  syntaxProblem(error: CsvError): void {
    const emptyLines = typeof error.empty_lines === 'number' ? error.empty_lines : this.emptyLinesSeen;
    const line = this.lastLine + 1 + Math.max(0, emptyLines - this.emptyLinesSeen);
    this.problems.push({ field: lineField(line), message: `sai cú pháp CSV: ${CSV_ERROR_MESSAGES[error.code] ?? 'dòng không đọc được'}` });
  }

  /** The statement, or the refusal naming every problem found. */
  statement(sha256: string, fileName: string | null): ParsedStatement {
    if (!this.headerRead && this.problems.length === 0) {
      this.problems.push({ field: lineField(1, 'header'), message: 'tệp rỗng: thiếu dòng tiêu đề và các dòng giao dịch' });
    } else if (this.problems.length === 0 && this.rows.length === 0) {
      this.problems.push({ field: lineField(this.lastLine + 1), message: 'sao kê không có dòng giao dịch nào' });
    }
    if (this.problems.length) throw ReconciliationError.malformedStatement(this.problems, this.problems.length >= MAX_REPORTED_PROBLEMS);
    return {
      sha256,
      fileName,
      rows: this.rows,
      keys: this.lineOfKey,
      firstValueDate: this.firstValueDate,
      lastValueDate: this.lastValueDate,
    };
  }
}

function countNewlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return count;
}
