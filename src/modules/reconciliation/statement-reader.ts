import busboy from 'busboy';
import { parse, type CsvError } from 'csv-parse';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import type { FieldError } from '../../common/http/domain-error';
import { watchMultipartLimits } from '../../common/http/multipart-limits';
import { ReconciliationError } from './reconciliation.error';
import { movementKey } from './reconciliation.rules';
import { readSpreadsheetRows } from './statement-spreadsheet';
import { csvDelimiterOf, isBlankRecord, parseStatementRecord, placeInStatement, readStatementHeader, StatementLayout, StatementRow } from './statement-line.rules';

/** Largest statement file accepted. */
export const MAX_STATEMENT_BYTES = 64 * 1024 * 1024;
/**
 * Largest XLSX accepted: a workbook is opened whole, taking about 50 times its size in memory
 * (100,000 lines: 3.5 MB, 500 MB while read); 200,000 lines of a statement fit in about 8 MB.
 */
export const MAX_SPREADSHEET_BYTES = 10 * 1024 * 1024;
/** Most data lines in one statement (a year of a province's treasury movements fits many times over). */
export const MAX_STATEMENT_LINES = 200_000;
/** A line longer than this is not a statement line (and would otherwise be held whole in memory). */
const MAX_LINE_CHARACTERS = 4096;
/** Problems reported for one file; past this, reading goes on only to finish the upload. */
const MAX_REPORTED_PROBLEMS = 100;
/** Bytes looked at to tell the kind of file and the CSV separator, if no line ends before. */
const SNIFF_BYTES = 64 * 1024;

/** What reading a statement file found: its rows, and the problems of its lines (none when it is well formed). */
export interface StatementReading {
  /** SHA-256 of the file's bytes as uploaded: the same file twice is a duplicate. */
  sha256: string;
  fileName: string | null;
  rows: StatementRow[];
  /** movementKey of every row, with its line. */
  keys: ReadonlyMap<string, number>;
  firstValueDate: string;
  lastValueDate: string;
  /** Each naming its line and column (`dòng 3, cột Số tiền`); at most 100. */
  problems: FieldError[];
  /** More problems than those listed. */
  problemsTruncated: boolean;
}

/** A statement whose every line is valid, with what its import needs. */
export type ParsedStatement = Omit<StatementReading, 'problems' | 'problemsTruncated'>;

/**
 * Reads the multipart upload's `file` part as it arrives: the bytes are hashed and parsed in one
 * pass (a CSV is never held whole; an XLSX is, as a zip must be), every line is checked and the
 * upload is read to its end whatever is found. A file that cannot be a statement (no file part, too
 * large, an old .xls, UTF-16 text) is refused here, and so is a form past its limits (more fields
 * or files than it has, a value cut short: nothing of it is used); problems of lines are in the reading.
 */
export async function readStatementUpload(request: IncomingMessage): Promise<StatementReading> {
  let form: busboy.Busboy;
  try {
    form = busboy({
      headers: request.headers,
      defParamCharset: 'utf8',
      limits: { files: 1, fileSize: MAX_STATEMENT_BYTES, fields: 10, fieldSize: 1024, parts: 20 },
    });
  } catch {
    throw ReconciliationError.badUpload('gửi tệp sao kê (CSV hoặc XLSX) dạng multipart/form-data, trong trường "file"');
  }
  const limitPassed = watchMultipartLimits(form);
  let reading: Promise<StatementReading> | undefined;
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
  const passed = limitPassed();
  if (passed) {
    await reading?.catch(() => undefined);
    throw ReconciliationError.uploadLimitPassed(passed);
  }
  if (!reading) throw ReconciliationError.badUpload('bắt buộc: tệp sao kê Kho bạc (CSV hoặc XLSX)');
  return reading;
}

/** The statement when every line is valid; otherwise the refusal naming each problem (400, nothing imported). */
export function requireWellFormed(reading: StatementReading): ParsedStatement {
  if (reading.problems.length) throw ReconciliationError.malformedStatement(reading.problems, reading.problemsTruncated);
  return reading;
}

/** Where the lines of a file go as its bytes arrive: a CSV parser, a spreadsheet buffer, or nowhere. */
interface LineSource {
  /** Some bytes were written. */
  readonly started: boolean;
  write(chunk: Buffer): Promise<void>;
  /** Reads what is left; throws a refusal of the whole file. */
  end(): Promise<void>;
}

/** Hashes and parses one file stream to its end, even after a problem, so the upload completes. */
async function readStatementFile(file: Readable & { truncated?: boolean }, fileName: string | null): Promise<StatementReading> {
  const hash = createHash('sha256');
  const collector = new StatementCollector();
  let source: LineSource | undefined;
  let head: Buffer = Buffer.alloc(0);
  for await (const chunk of file as AsyncIterable<Buffer>) {
    hash.update(chunk);
    if (source) {
      await source.write(chunk);
      continue;
    }
    head = head.length ? Buffer.concat([head, chunk]) : chunk;
    if (!canTellKind(head)) continue;
    source = lineSourceFor(head, collector);
    await source.write(head);
  }
  if (file.truncated) throw ReconciliationError.badUpload(`tệp sao kê tối đa ${MAX_STATEMENT_BYTES / 1024 / 1024} MB`);
  source ??= lineSourceFor(head, collector);
  if (!source.started) await source.write(head);
  await source.end();
  return collector.reading(hash.digest('hex'), fileName);
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** Enough of the file has come to tell an XLSX from a CSV, and a CSV's separator from its header line. */
function canTellKind(head: Buffer): boolean {
  if (head.length < 4) return false;
  if (head.subarray(0, 4).equals(ZIP_MAGIC) || head.subarray(0, 4).equals(OLE_MAGIC)) return true;
  return head.length >= SNIFF_BYTES || /\S[^\n]*\n/.test(head.toString('utf8', 0, Math.min(head.length, SNIFF_BYTES)));
}

function lineSourceFor(head: Buffer, collector: StatementCollector): LineSource {
  const magic = head.subarray(0, 4);
  if (magic.equals(ZIP_MAGIC)) return new SpreadsheetLines(collector);
  if (magic.equals(OLE_MAGIC)) return new RefusedFile('tệp Excel 97–2003 (.xls) không đọc được; trong Excel hãy lưu thành Sổ làm việc Excel (.xlsx) hoặc CSV UTF-8');
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    return new RefusedFile('tệp được lưu dạng UTF-16 (Unicode Text); trong Excel hãy lưu thành CSV UTF-8');
  }
  const text = head.toString('utf8', 0, Math.min(head.length, SNIFF_BYTES)).replace(/^\uFEFF/, '');
  const headerLine = text.split('\n').find((line) => line.trim() !== '') ?? '';
  return new CsvLines(collector, csvDelimiterOf(headerLine));
}

/** A file that is not a statement in a form we read; its bytes are only counted. */
class RefusedFile implements LineSource {
  started = false;
  constructor(private readonly reason: string) {}
  async write(): Promise<void> {
    this.started = true;
  }
  async end(): Promise<void> {
    throw ReconciliationError.badUpload(this.reason);
  }
}

/** An XLSX workbook: held whole (a zip is read from its end), then its first sheet's rows. */
class SpreadsheetLines implements LineSource {
  started = false;
  private readonly chunks: Buffer[] = [];
  private bytes = 0;
  constructor(private readonly collector: StatementCollector) {}
  async write(chunk: Buffer): Promise<void> {
    this.started = true;
    this.bytes += chunk.length;
    if (this.bytes <= MAX_SPREADSHEET_BYTES) this.chunks.push(chunk);
    else this.chunks.length = 0;
  }
  async end(): Promise<void> {
    if (this.bytes > MAX_SPREADSHEET_BYTES) {
      throw ReconciliationError.badUpload(`tệp Excel tối đa ${MAX_SPREADSHEET_BYTES / 1024 / 1024} MB (khoảng 200.000 dòng); tệp lớn hơn hãy lưu thành CSV UTF-8`);
    }
    await readSpreadsheetRows(Buffer.concat(this.chunks), {
      width: () => this.collector.width,
      row: (fields, line) => this.collector.add(fields, line, line),
      stopped: () => this.collector.stopped,
    });
  }
}

const CSV_ERROR_MESSAGES: Partial<Record<CsvError['code'], string>> = {
  CSV_QUOTE_NOT_CLOSED: 'dấu ngoặc kép mở nhưng không được đóng',
  CSV_INVALID_CLOSING_QUOTE: 'dấu ngoặc kép đóng đặt sai vị trí',
  INVALID_OPENING_QUOTE: 'dấu ngoặc kép mở đặt sai vị trí',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'có ký tự sau dấu ngoặc kép đóng',
  CSV_MAX_RECORD_SIZE: `dòng dài quá ${MAX_LINE_CHARACTERS} ký tự`,
};

/** A CSV file, parsed as it arrives, with the separator its header line uses. */
class CsvLines implements LineSource {
  started = false;
  private readonly csv: ReturnType<typeof parse>;
  private syntaxError: CsvError | undefined;
  /** Physical line where the last record ended; csv-parse miscounts CRLF inside quotes, so we count. */
  private lastLine = 0;
  private emptyLinesSeen = 0;

  constructor(
    private readonly collector: StatementCollector,
    delimiter: string,
  ) {
    this.csv = parse({
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      record_delimiter: ['\r\n', '\n'],
      max_record_size: MAX_LINE_CHARACTERS,
      // Each record is checked here and kept in compact form; nothing is pushed downstream.
      on_record: (fields: string[], context) => {
        this.record(fields, context.empty_lines);
        return null;
      },
    });
    this.csv.on('error', (error: CsvError) => {
      this.syntaxError ??= error;
    });
  }

  private record(fields: string[], emptyLinesSoFar: number): void {
    const line = this.lastLine + 1 + (emptyLinesSoFar - this.emptyLinesSeen);
    this.emptyLinesSeen = emptyLinesSoFar;
    this.lastLine = line + fields.reduce((n, f) => n + countNewlines(f), 0);
    this.collector.add(fields, line, this.lastLine);
  }

  async write(chunk: Buffer): Promise<void> {
    this.started = true;
    if (this.syntaxError || this.collector.stopped) return;
    if (!this.csv.write(chunk) && !this.syntaxError) await once(this.csv, 'drain').catch(() => undefined);
  }

  async end(): Promise<void> {
    if (!this.syntaxError && !this.collector.stopped) {
      this.csv.end();
      await finished(this.csv, { readable: false }).catch(() => undefined);
    }
    if (this.syntaxError) {
      const error = this.syntaxError;
      const emptyLines = typeof error.empty_lines === 'number' ? error.empty_lines : this.emptyLinesSeen;
      const line = this.lastLine + 1 + Math.max(0, emptyLines - this.emptyLinesSeen);
      this.collector.problem({ field: placeInStatement(line), message: `sai cú pháp CSV: ${CSV_ERROR_MESSAGES[error.code] ?? 'dòng không đọc được'}` });
    }
  }
}

/** The state of reading one statement: its layout, rows so far, their keys, the value-date range, problems. */
class StatementCollector {
  private readonly rows: StatementRow[] = [];
  private readonly lineOfKey = new Map<string, number>();
  private readonly problems: FieldError[] = [];
  private layout: StatementLayout | null = null;
  private headerBroken = false;
  private dataLines = 0;
  private lastLine = 0;
  private firstValueDate = '';
  private lastValueDate = '';

  /** Nothing more is worth checking: the header is wrong, too many problems, or too many lines. */
  get stopped(): boolean {
    return this.headerBroken || this.problems.length >= MAX_REPORTED_PROBLEMS;
  }

  /** Fields the header line has (0 before it is read). */
  get width(): number {
    return this.layout?.width ?? 0;
  }

  /** One record of the file, on `line` (to `endLine` when a quoted value spans lines). */
  add(fields: string[], line: number, endLine: number): void {
    this.lastLine = endLine;
    if (this.stopped || isBlankRecord(fields)) return;
    if (!this.layout) {
      const header = readStatementHeader(fields, line);
      if (header.problems) {
        this.problems.push(...header.problems);
        this.headerBroken = true;
      } else {
        this.layout = header.layout;
      }
      return;
    }
    if (++this.dataLines > MAX_STATEMENT_LINES) {
      this.problems.push({ field: placeInStatement(line), message: `một sao kê tối đa ${MAX_STATEMENT_LINES} dòng giao dịch; hãy chia theo khoảng ngày` });
      this.headerBroken = true;
      return;
    }
    const parsed = parseStatementRecord(fields, line, this.layout);
    if (parsed.problems) {
      this.problems.push(...parsed.problems.slice(0, MAX_REPORTED_PROBLEMS - this.problems.length));
      return;
    }
    const row = parsed.row;
    const key = movementKey(row.direction, row.treasuryRef);
    const earlier = this.lineOfKey.get(key);
    if (earlier !== undefined) {
      this.problems.push({
        field: placeInStatement(line, 'treasuryRef'),
        message: `số tham chiếu ${row.treasuryRef} (${row.direction === 'out' ? 'Chi' : 'Thu'}) đã có ở dòng ${earlier}`,
      });
      return;
    }
    this.lineOfKey.set(key, line);
    this.rows.push(row);
    if (this.firstValueDate === '' || row.valueDate < this.firstValueDate) this.firstValueDate = row.valueDate;
    if (row.valueDate > this.lastValueDate) this.lastValueDate = row.valueDate;
  }

  problem(problem: FieldError): void {
    if (this.problems.length < MAX_REPORTED_PROBLEMS) this.problems.push(problem);
  }

  /** What was read, with the problem of a file that has no header or no line. */
  reading(sha256: string, fileName: string | null): StatementReading {
    if (!this.layout && this.problems.length === 0) {
      this.problems.push({ field: placeInStatement(1, 'header'), message: 'tệp rỗng: thiếu dòng tiêu đề và các dòng giao dịch' });
    } else if (this.problems.length === 0 && this.rows.length === 0) {
      this.problems.push({ field: placeInStatement(this.lastLine + 1), message: 'sao kê không có dòng giao dịch nào' });
    }
    return {
      sha256,
      fileName,
      rows: this.rows,
      keys: this.lineOfKey,
      firstValueDate: this.firstValueDate,
      lastValueDate: this.lastValueDate,
      problems: this.problems,
      problemsTruncated: this.problems.length >= MAX_REPORTED_PROBLEMS,
    };
  }
}

function countNewlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return count;
}
