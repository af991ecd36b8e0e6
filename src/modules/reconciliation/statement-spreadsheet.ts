import ExcelJS from 'exceljs';
import { ReconciliationError } from './reconciliation.error';

/** Where the rows of the sheet go: the statement collector's side of reading. */
export interface SpreadsheetRowSink {
  /** Fields the header has (0 before it is read): shorter rows are padded to it. */
  width(): number;
  row(fields: string[], line: number): void;
  stopped(): boolean;
}

/**
 * The rows of an XLSX statement's first sheet, as text the way a person sees the cell: a date cell
 * as `YYYY-MM-DD`, a number cell in full (`70000000`), text as written. Row numbers are Excel's
 * (the header is row 1). Empty cells at the end of a row are what Excel leaves out, so a row is
 * padded to the header's width.
 */
export async function readSpreadsheetRows(file: Buffer, sink: SpreadsheetRowSink): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its Buffer as the older generic-less one.
    await workbook.xlsx.load(file as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw ReconciliationError.badUpload('tệp Excel (.xlsx) không mở được; hãy mở và lưu lại bằng Excel, hoặc lưu thành CSV UTF-8');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (sink.stopped()) return;
    const fields: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) fields.push(spreadsheetCellText(row.getCell(column).value));
    while (fields.length > 0 && fields[fields.length - 1].trim() === '') fields.pop();
    while (fields.length < sink.width()) fields.push('');
    sink.row(fields, rowNumber);
  });
}

/**
 * A cell's value as the text a CSV of it would hold. Dates have no time zone in a workbook; exceljs
 * reads them as UTC midnight, so the UTC calendar date is the one typed. A whole number is written
 * in full when a double holds it exactly, otherwise in exponent form (which no column accepts:
 * better refused than rounded); a fraction keeps a decimal comma, as a Vietnamese Excel shows it.
 */
export function spreadsheetCellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return spreadsheetNumberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return spreadsheetCellText(value.result ?? null);
  if ('hyperlink' in value) return String(value.text ?? '');
  if ('error' in value) return value.error;
  return '';
}

function spreadsheetNumberText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return Number.isSafeInteger(value) ? value.toFixed(0) : value.toExponential();
  return String(value).replace('.', ',');
}
