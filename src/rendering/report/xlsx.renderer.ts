import ExcelJS from 'exceljs';
import { currencyScale } from '../../common/money/currency';
import { Decimal, plainString } from '../../common/money/decimal';
import { romanNumeral } from './cells';
import type { CellValue, ReportColumn, ReportDocument, ReportRow } from './report-document';

/** Excel's number formats; a vi-VN Excel shows them as 1.250.000 and 12,50 (its own separators). */
const MONEY_FORMAT: Record<number, string> = { 0: '#,##0', 2: '#,##0.00' };
const COUNT_FORMAT = '#,##0';
const DATE_FORMAT = 'dd/mm/yyyy';
const PERCENT_FORMAT = '0.0%';

/**
 * A spreadsheet number for an amount. The XLSX format stores every number as an IEEE double, so a
 * money cell is a JS number at this very edge and nowhere else: exact for any amount below 2^53
 * in the currency's smallest unit (9 million billion đồng). An amount a double cannot hold
 * exactly is written as text instead of being silently rounded.
 */
export function spreadsheetNumber(amount: Decimal, scale: number): number | string {
  const text = plainString(amount, scale);
  const minorUnits = amount.times(new Decimal(10).pow(scale));
  if (!minorUnits.abs().lte(Number.MAX_SAFE_INTEGER)) return text;
  return Number(text); // the XLSX edge: see above
}

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\ and unique in the book. */
export function sheetName(index: number, title: string, taken: Set<string>): string {
  const base = `${index}. ${title}`.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31).trim();
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 27)} (${n})`;
  taken.add(name.toLowerCase());
  return name;
}

function cellValue(value: CellValue, column: ReportColumn, currency: string): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (Decimal.isDecimal(value)) {
    if (column.kind === 'money') return spreadsheetNumber(value, currencyScale(currency));
    // a rate (percent column) is a fraction, not money
    return spreadsheetNumber(value, 6);
  }
  if (column.kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
  return value;
}

function numberFormat(column: ReportColumn, currency: string): string | undefined {
  if (column.kind === 'money') return MONEY_FORMAT[currencyScale(currency)];
  if (column.kind === 'count') return COUNT_FORMAT;
  if (column.kind === 'date') return DATE_FORMAT;
  if (column.kind === 'percent') return PERCENT_FORMAT;
  return undefined;
}

function addRow(sheet: ExcelJS.Worksheet, columns: ReportColumn[], row: ReportRow, bold: boolean): void {
  const currency = row.currency ?? 'VND';
  const added = sheet.addRow(columns.map((c) => cellValue(row.cells[c.key] ?? null, c, currency)));
  columns.forEach((column, i) => {
    const cell = added.getCell(i + 1);
    const format = numberFormat(column, currency);
    if (format && typeof cell.value !== 'string') cell.numFmt = format;
    if (column.kind !== 'text') cell.alignment = { horizontal: 'right' };
  });
  if (bold) added.font = { bold: true };
}

/**
 * The report as an XLSX workbook: one sheet per section, the Vietnamese header on row 1 (frozen),
 * real numeric cells with number formats, the totals in bold at the bottom.
 */
export async function renderXlsx(document: ReportDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'KCFund';
  workbook.title = document.title;
  workbook.created = document.generatedAt;
  const taken = new Set<string>();
  document.sections.forEach((section, index) => {
    const sheet = workbook.addWorksheet(sheetName(index + 1, section.sheetTitle ?? section.title, taken), {
      views: [{ state: 'frozen', ySplit: 1 }],
      properties: { defaultColWidth: 14 },
    });
    const { columns } = section.table;
    sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.kind === 'text' ? Math.min(60, 14 * (c.weight ?? 1.5)) : 18 }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).alignment = { vertical: 'middle', wrapText: true };
    for (const row of section.table.rows) addRow(sheet, columns, row, false);
    for (const row of section.table.totals ?? []) addRow(sheet, columns, row, true);
    sheet.headerFooter = { oddFooter: `${romanNumeral(index + 1)}. ${section.title} — Trang &P/&N` };
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
