import { cellForMachines, romanNumeral } from './cells';
import type { ReportDocument, ReportRow, ReportTable } from './report-document';

/** Spreadsheet programs open a UTF-8 CSV as UTF-8 (and show Vietnamese) only with this mark. */
export const UTF8_BOM = '\uFEFF';

/**
 * One CSV field (RFC 4180): quoted when it holds a separator, a quote or a line break. Text a
 * person typed that starts like a formula gets a leading apostrophe so a spreadsheet never runs it.
 */
export function csvField(value: string, { text = false }: { text?: boolean } = {}): string {
  const safe = text && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvLine(fields: string[]): string {
  return `${fields.join(',')}\r\n`;
}

function rowLine(table: ReportTable, row: ReportRow): string {
  return csvLine(table.columns.map((c) => csvField(cellForMachines(row.cells[c.key] ?? null, c, row.currency), { text: c.kind === 'text' })));
}

/**
 * The report as one CSV in UTF-8 with a BOM: the title, then each section as a block — its numbered
 * heading alone on a line, the Vietnamese header line, the rows, the totals — and a blank line.
 * Values are in the API's forms, so each cell equals the JSON field it comes from.
 */
export function renderCsv(document: ReportDocument): string {
  const parts: string[] = [UTF8_BOM, csvLine([csvField(document.title, { text: true })])];
  if (document.subtitle) parts.push(csvLine([csvField(document.subtitle, { text: true })]));
  parts.push('\r\n');
  document.sections.forEach((section, index) => {
    const { table } = section;
    parts.push(csvLine([csvField(`${romanNumeral(index + 1)}. ${section.title}`, { text: true })]));
    parts.push(csvLine(table.columns.map((c) => csvField(c.header))));
    for (const row of table.rows) parts.push(rowLine(table, row));
    for (const row of table.totals ?? []) parts.push(rowLine(table, row));
    parts.push('\r\n');
  });
  return parts.join('');
}
