import type { FieldError } from '../../common/http/domain-error';
import { TREASURY_REF_PATTERN } from '../../common/http/validators';
import { MAX_INTEGER_DIGITS } from '../../common/money/money';
import { isTaxCode } from '../establishments/dto/tax-code';
import { STATEMENT_COLUMN_LABELS, STATEMENT_COLUMNS, StatementColumn } from './dto/statement-format';

/**
 * How a treasury statement is read, line by line, as Vietnamese offices write it: headers in
 * Vietnamese or by the API's names, dates as 03/12/2026 or 2026-12-03, amounts as 70.000.000,
 * 70.000.000,00 or 70000000, directions as Chi/Thu or out/in. Pure functions; the reader
 * (statement-reader.ts) feeds them the fields of each line.
 */

/** `out`: a payment KCFund made (disbursement); `in`: money received back (recovery receipt). */
export const DIRECTIONS = ['out', 'in'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** One valid row of a statement; `line` counts the header as line 1. */
export interface StatementRow {
  line: number;
  treasuryRef: string;
  /** `YYYY-MM-DD`. */
  valueDate: string;
  /** Canonical: digits only, no leading zero, greater than zero (whole đồng). */
  amount: string;
  direction: Direction;
}

const MAX_DESCRIPTION_LENGTH = 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** dd/mm/yyyy, also d/m/yyyy and with `-` or `.` (the same separator twice). */
const VI_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;
const PLAIN_DIGITS = /^\d+$/;
/** Thousands grouped by dots, the vi-VN way: 70.000.000. */
const VI_GROUPED_DIGITS = /^\d{1,3}(?:\.\d{3})+$/;
const CURRENCY_SUFFIX = /\s*(?:₫|đ|vnđ|vnd)$/i;

/** Where a problem is, as the person who made the file reads it: `dòng 3, cột Số tiền`. */
export function placeInStatement(line: number, column?: StatementColumn | 'header'): string {
  if (column === undefined) return `dòng ${line}`;
  if (column === 'header') return `dòng ${line} (tiêu đề)`;
  return `dòng ${line}, cột ${STATEMENT_COLUMN_LABELS[column]}`;
}

function problemAt(line: number, column: StatementColumn | 'header' | undefined, message: string): FieldError {
  return { field: placeInStatement(line, column), message };
}

// ---- the header line -------------------------------------------------------------------------

/** A header as compared: no case, no diacritics, no note in brackets or marks, single spaces. */
export function headerKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[*:.]/g, ' ')
    .replace(/[\s_]+/g, ' ')
    .trim();
}

/** The headers each column is known by, as headerKey writes them. */
const COLUMN_HEADERS: Record<StatementColumn, string[]> = {
  treasuryRef: ['treasuryref', 'so tham chieu', 'so tham chieu kho bac', 'ma tham chieu', 'so chung tu', 'so chung tu kho bac', 'so ct'],
  valueDate: ['valuedate', 'ngay gia tri'],
  amount: ['amount', 'so tien'],
  direction: ['direction', 'chieu', 'chieu giao dich', 'thu/chi', 'chi/thu'],
  payeeTaxCode: ['payeetaxcode', 'ma so thue nguoi nhan', 'ma so thue', 'mst', 'mst nguoi nhan'],
  description: ['description', 'noi dung', 'dien giai', 'noi dung thanh toan'],
};
/** Columns a spreadsheet often has that the statement does not need: read past. */
const IGNORED_HEADERS = new Set(['stt', 'tt', 'so thu tu']);

const COLUMN_OF_HEADER = new Map<string, StatementColumn>(
  STATEMENT_COLUMNS.flatMap((column) => COLUMN_HEADERS[column].map((key) => [key, column] as [string, StatementColumn])),
);

/** Which column a header names, `ignored` for a numbering column, or null. */
export function statementColumnOf(header: string): StatementColumn | 'ignored' | null {
  const key = headerKey(header);
  if (key === '' || IGNORED_HEADERS.has(key)) return 'ignored';
  return COLUMN_OF_HEADER.get(key) ?? null;
}

/** Where each column is on a line: `at[i]` is the field of STATEMENT_COLUMNS[i]; `width` the fields a line has. */
export interface StatementLayout {
  width: number;
  at: readonly number[];
}

/** The layout of a header written with the API's names in the API's order. */
export const STANDARD_LAYOUT: StatementLayout = { width: STATEMENT_COLUMNS.length, at: STATEMENT_COLUMNS.map((_, i) => i) };

const EXPECTED_HEADERS = `${STATEMENT_COLUMNS.map((c) => STATEMENT_COLUMN_LABELS[c]).join('; ')} (hoặc ${STATEMENT_COLUMNS.join(',')})`;

/**
 * The header line: each of the six columns once, in any order, by its Vietnamese header or its API
 * name; blank headers and a numbering column (STT) are read past. The layout, or what is wrong.
 */
export function readStatementHeader(fields: readonly string[], line = 1): { layout: StatementLayout; problems?: undefined } | { layout?: undefined; problems: FieldError[] } {
  const at = new Map<StatementColumn, number>();
  const problems: FieldError[] = [];
  fields.forEach((field, index) => {
    const column = statementColumnOf(field);
    if (column === 'ignored') return;
    if (column === null) {
      problems.push(problemAt(line, 'header', `cột “${field.trim()}” không phải cột của sao kê; các cột là: ${EXPECTED_HEADERS}`));
    } else if (at.has(column)) {
      problems.push(problemAt(line, 'header', `cột “${STATEMENT_COLUMN_LABELS[column]}” có hai lần (cột thứ ${at.get(column)! + 1} và ${index + 1})`));
    } else {
      at.set(column, index);
    }
  });
  const missing = STATEMENT_COLUMNS.filter((column) => !at.has(column));
  if (missing.length) {
    problems.push(problemAt(line, 'header', `thiếu cột ${missing.map((c) => `“${STATEMENT_COLUMN_LABELS[c]}”`).join(', ')}; dòng tiêu đề cần các cột: ${EXPECTED_HEADERS}`));
  }
  if (problems.length) return { problems };
  return { layout: { width: fields.length, at: STATEMENT_COLUMNS.map((column) => at.get(column)!) } };
}

/**
 * The field separator of a CSV file, from its header line: `;` (what Excel saves on a Windows set
 * to Vietnamese, where the comma is the decimal mark), a tab, or `,`; whichever occurs most
 * outside quotes, a comma when none does.
 */
export function csvDelimiterOf(headerLine: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return ',';
}

// ---- values ----------------------------------------------------------------------------------

/** Whether `value` is a `YYYY-MM-DD` date that exists on the calendar. */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  return existsOnCalendar(Number.parseInt(match[1], 10), Number.parseInt(match[2], 10), Number.parseInt(match[3], 10));
}

function existsOnCalendar(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

export type Parsed<T> = { value: T; problem?: undefined } | { value?: undefined; problem: string };

/** A value date written `03/12/2026` (day first, as in Vietnam) or `2026-12-03`, as `YYYY-MM-DD`. */
export function parseStatementDate(text: string): Parsed<string> {
  if (text === '') return { problem: 'không được để trống' };
  const iso = ISO_DATE.exec(text);
  const vi = iso ? null : VI_DATE.exec(text);
  if (!iso && !vi) return { problem: 'phải là ngày dạng dd/mm/yyyy, ví dụ 03/12/2026' };
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : [vi![4], vi![3], vi![1]];
  if (!existsOnCalendar(Number.parseInt(year, 10), Number.parseInt(month, 10), Number.parseInt(day, 10))) {
    return { problem: `ngày ${text} không có trên lịch (ngày trước, tháng sau: dd/mm/yyyy)` };
  }
  return { value: `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` };
}

const AMOUNT_FORM = 'ví dụ 70.000.000 hoặc 70000000 (dấu chấm phân cách hàng nghìn, dấu phẩy trước phần lẻ)';

/**
 * An amount in whole đồng as written in Vietnam: `70.000.000`, `70.000.000,00`, `70000000`,
 * optionally followed by ₫ or VNĐ; canonical digits. A comma as thousands separator
 * (`70,000,000`), a dot before decimals (`12.5`), a sign or an exponent are refused, each saying
 * the form expected.
 */
export function parseStatementAmount(text: string): Parsed<string> {
  if (text === '') return { problem: 'không được để trống' };
  // Plain digits, as the treasury's own export writes them: the common case, decided at once.
  if (PLAIN_DIGITS.test(text) && text.charCodeAt(0) !== 0x30 && text.length <= MAX_INTEGER_DIGITS) return { value: text };
  const written = isDigit(text.charCodeAt(text.length - 1)) ? text : text.replace(CURRENCY_SUFFIX, '');
  if (/^[-−]/.test(written)) return { problem: `phải là số dương, không có dấu trừ (${AMOUNT_FORM})` };
  const parts = written.split(',');
  if (parts.length > 2 || (parts.length === 2 && !PLAIN_DIGITS.test(parts[1]))) {
    return { problem: `không đúng dạng số tiền: ${AMOUNT_FORM}` };
  }
  const [whole, fraction = ''] = parts;
  let digits: string;
  if (PLAIN_DIGITS.test(whole)) digits = whole;
  else if (VI_GROUPED_DIGITS.test(whole)) digits = whole.replace(/\./g, '');
  else if (/^[\d.]+$/.test(whole) && whole.includes('.')) return { problem: `dấu chấm chỉ dùng để phân cách hàng nghìn (từng nhóm 3 chữ số), ${AMOUNT_FORM}` };
  else return { problem: `không đúng dạng số tiền: ${AMOUNT_FORM}` };
  if (/[1-9]/.test(fraction)) return { problem: 'số tiền đồng Việt Nam không có phần lẻ (chỉ chấp nhận ,00)' };
  if (/^0+$/.test(digits)) return { problem: 'phải lớn hơn 0' };
  if (digits.startsWith('0')) return { problem: `không được bắt đầu bằng chữ số 0 (${AMOUNT_FORM})` };
  if (digits.length > MAX_INTEGER_DIGITS) return { problem: `tối đa ${MAX_INTEGER_DIGITS} chữ số` };
  return { value: digits };
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

const DIRECTION_WORDS: Record<string, Direction> = { out: 'out', in: 'in', chi: 'out', thu: 'in', 'thu hồi': 'in' };

/** `Chi` (a payment) or `Thu` (money received back), or the API's `out` and `in`; any case. */
export function parseStatementDirection(text: string): Parsed<Direction> {
  const direction = DIRECTION_WORDS[text.toLowerCase()];
  if (direction) return { value: direction };
  return { problem: text === '' ? 'không được để trống; ghi “Chi” (khoản chi) hoặc “Thu” (khoản thu hồi)' : `“${text}” không phải chiều giao dịch; ghi “Chi” (khoản chi) hoặc “Thu” (khoản thu hồi)` };
}

// ---- one line --------------------------------------------------------------------------------

export type ParsedRecord = { row: StatementRow; problems?: undefined } | { row?: undefined; problems: FieldError[] };

/** Whether every field of a line is blank (Excel saves rows it once formatted as `;;;;;`). */
export function isBlankRecord(fields: readonly string[]): boolean {
  return fields.every((field) => field.trim() === '');
}

/**
 * One data line of the statement: the row, or every problem it has, each naming the line and the
 * column by its Vietnamese header. Values are read with the spaces around them trimmed. Text that
 * was not saved as UTF-8 shows as U+FFFD and is refused, saying how to save it.
 */
export function parseStatementRecord(fields: readonly string[], line: number, layout: StatementLayout = STANDARD_LAYOUT): ParsedRecord {
  if (fields.length !== layout.width) {
    return { problems: [problemAt(line, undefined, `cần đúng ${layout.width} cột như dòng tiêu đề, dòng này có ${fields.length} cột`)] };
  }
  const value = (i: number) => fields[layout.at[i]].trim();
  const encodingBroken = STATEMENT_COLUMNS.findIndex((_, i) => fields[layout.at[i]].includes('\uFFFD'));
  if (encodingBroken >= 0) {
    return { problems: [problemAt(line, STATEMENT_COLUMNS[encodingBroken], 'tệp phải được mã hóa UTF-8 (trong Excel: Lưu thành › CSV UTF-8)')] };
  }
  const [treasuryRef, valueDateText, amountText, directionText, payeeTaxCode, description] = STATEMENT_COLUMNS.map((_, i) => value(i));
  const problems: FieldError[] = [];
  if (!TREASURY_REF_PATTERN.test(treasuryRef)) {
    problems.push(problemAt(line, 'treasuryRef', treasuryRef === '' ? 'không được để trống' : 'gồm 1–64 chữ cái không dấu, chữ số và các ký tự . _ / -'));
  }
  const valueDate = parseStatementDate(valueDateText);
  if (valueDate.problem) problems.push(problemAt(line, 'valueDate', valueDate.problem));
  const amount = parseStatementAmount(amountText);
  if (amount.problem) problems.push(problemAt(line, 'amount', amount.problem));
  const direction = parseStatementDirection(directionText);
  if (direction.problem) problems.push(problemAt(line, 'direction', direction.problem));
  if (payeeTaxCode !== '' && !isTaxCode(payeeTaxCode)) {
    problems.push(problemAt(line, 'payeeTaxCode', 'gồm 10 chữ số, hoặc 10 chữ số-3 chữ số (chi nhánh); để trống nếu không có'));
  }
  if (description.length > MAX_DESCRIPTION_LENGTH) {
    problems.push(problemAt(line, 'description', `tối đa ${MAX_DESCRIPTION_LENGTH} ký tự, dòng này có ${description.length}`));
  }
  if (problems.length) return { problems };
  return { row: { line, treasuryRef, valueDate: valueDate.value!, amount: amount.value!, direction: direction.value! } };
}
