import { Decimal } from '../../common/money/decimal';
import { cellForPeople, romanNumeral } from './cells';
import type { BarChart, ProseBlock, ReportDocument, ReportSection, ReportTable } from './report-document';
import { officialDocument, PdfContent } from '../pdf/official-layout';
import type { PdfDocumentDefinition } from '../pdf/pdf.service';
import { officialLayout } from '../pdf/reports-directory';

/** pdfmake widths as percentages of the table, from the columns' relative weights. */
export function columnWidths(weights: number[]): string[] {
  const total = weights.reduce((a, b) => a + b, 0);
  let used = 0;
  return weights.map((w, i) => {
    if (i === weights.length - 1) return `${Math.max(1, 100 - used)}%`;
    const share = Math.floor((w / total) * 1000) / 10;
    used += share;
    return `${share}%`;
  });
}

/**
 * Points a code takes in a table cell (8 pt Roboto, with the cell's padding), by the widths of its
 * characters: capitals run wide (an M or W nearly 7 pt), digits narrow. An estimate that errs wide:
 * a code never spills out of its cell.
 */
export function codeWidth(code: string): number {
  let points = 10;
  for (const ch of code) {
    if (ch === 'M' || ch === 'W' || ch === 'm' || ch === 'w') points += 7.2;
    else if (/[A-Z]/.test(ch)) points += 5.8;
    else if (/[0-9]/.test(ch)) points += 4.8;
    else if (/[-/.,:]/.test(ch)) points += 3.4;
    else points += 5;
  }
  return points;
}

/**
 * The columns' relative weights, a code column (`keepWhole`) widened until its longest value fits
 * on one line of a table `tableWidth` points wide (at most two fifths of the table).
 */
export function fittedWeights(table: ReportTable, tableWidth: number): number[] {
  const weights = table.columns.map((c) => c.weight ?? (c.kind === 'text' ? 2 : 1.3));
  table.columns.forEach((c, i) => {
    if (!c.keepWhole) return;
    const widest = table.rows.reduce((m, row) => {
      const value = row.cells[c.key];
      return typeof value === 'string' ? Math.max(m, codeWidth(value)) : m;
    }, 0);
    const share = Math.min(0.4, widest / tableWidth);
    const others = weights.reduce((a, b) => a + b, 0) - weights[i];
    weights[i] = Math.max(weights[i], (share * others) / (1 - share));
  });
  return weights;
}

/**
 * A section's table, its heading lines (title, note, unit line) riding as header rows without
 * borders: pdfmake keeps header rows with the first row after them (keepWithHeaderRows) and
 * repeats them on every page the table runs to, so neither the heading nor the column headers
 * ever stand alone at the foot of a page.
 */
function tableContent(full: ReportTable, tableWidth: number, headings: Array<Record<string, unknown>> = []): PdfContent {
  const table = { ...full, columns: full.columns.filter((c) => !c.machineOnly) };
  const header = table.columns.map((c) => ({ text: c.header, style: 'tableHeader' }));
  const span = table.columns.length;
  const noBorder = [false, false, false, false];
  const headingRows: PdfContent[][] = headings.map((h) => [{ ...h, colSpan: span, border: noBorder }, ...table.columns.slice(1).map(() => ({ text: '', border: noBorder }))]);
  const body: PdfContent[][] = [...headingRows, header];
  const numeric = table.columns.map((c) => c.kind !== 'text');
  const whole = table.columns.map((c) => Boolean(c.keepWhole));
  for (const row of table.rows) {
    body.push(table.columns.map((c, i) => {
      const text = cellForPeople(row.cells[c.key] ?? null, c, row.currency);
      // alignment on the cell, not a named style: one less style lookup per cell on large tables
      return numeric[i] ? { text, alignment: 'right' } : whole[i] ? { text, noWrap: true } : text;
    }));
  }
  for (const row of table.totals ?? []) {
    body.push(table.columns.map((c, i) => ({ text: cellForPeople(row.cells[c.key] ?? null, c, row.currency), style: numeric[i] ? ['number', 'total'] : 'total' })));
  }
  if (table.rows.length === 0) {
    body.splice(headingRows.length + 1, 0, [{ text: 'Không có số liệu.', italics: true, colSpan: table.columns.length }, ...table.columns.slice(1).map(() => '')]);
  }
  return {
    // a row is never split across pages
    table: { headerRows: headingRows.length + 1, keepWithHeaderRows: 1, dontBreakRows: true, widths: columnWidths(fittedWeights(table, tableWidth)), body },
    // no style of its own: the document's default style is the table's (see reportPdf); no line
    // above the heading rows
    layout: headingRows.length ? 'reportSection' : 'report',
  };
}

/**
 * Allocation against disbursement by unit as vector bars: one table row per unit, its bars drawn
 * with pdfmake's canvas (rectangles in the PDF, not a picture). Bar lengths are drawing
 * coordinates in points, computed from the amounts with Decimal and only then made numbers.
 */
export function chartContent(chart: BarChart): PdfContent {
  const { width, barHeight, gap, colors } = officialLayout().chart;
  const max = chart.bars.reduce((m, bar) => Decimal.max(m, bar.values[0], bar.values[1]), new Decimal(0));
  const length = (value: Decimal) => (max.isZero() ? 0 : value.div(max).times(width).toDecimalPlaces(2).toNumber());
  const legend = chart.series.map((name, i) => ({
    columns: [
      { width: 12, canvas: [{ type: 'rect', x: 0, y: 2, w: 10, h: 6, color: colors[i] }] },
      { width: 'auto', text: name, style: 'legend' },
    ],
    columnGap: 3,
    width: 'auto',
  }));
  const rows = chart.bars.map((bar) => [
    { text: bar.label, style: 'chartLabel' },
    {
      canvas: [
        { type: 'rect', x: 0, y: 0, w: Math.max(length(bar.values[0]), 0.5), h: barHeight, color: colors[0] },
        { type: 'rect', x: 0, y: barHeight + gap, w: Math.max(length(bar.values[1]), 0.5), h: barHeight, color: colors[1] },
      ],
    },
    { stack: bar.values.map((v) => ({ text: cellForPeople(v, { key: 'v', header: '', kind: 'money' }, chart.currency), style: 'chartLabel', alignment: 'right' })) },
  ]);
  return {
    stack: [
      { text: chart.title, bold: true, fontSize: 9, margin: [0, 8, 0, 3] },
      { columns: legend, columnGap: 14, margin: [0, 0, 0, 4] },
      { table: { widths: [110, width + 4, '*'], body: rows }, layout: 'chart' },
    ],
    unbreakable: chart.bars.length <= 20,
  };
}

/**
 * What a section says in words: each block's numbered heading kept on the page of its first
 * paragraph, and the section's heading (with its note) on the page of the first block.
 */
export function proseContent(heading: PdfContent[], blocks: ProseBlock[]): PdfContent[] {
  return blocks.map((block, i) => {
    const paragraphs = block.text.split(/\n+/).filter((p) => p.trim() !== '');
    const body = paragraphs.length ? paragraphs.map((p) => ({ text: p, style: 'prose' })) : [{ text: '(Chưa có nội dung.)', style: 'prose', italics: true }];
    const opening = [...(i === 0 ? heading : []), { text: `${i + 1}. ${block.heading}`, style: 'proseHeading' }, body[0]];
    return { stack: [{ stack: opening, unbreakable: true }, ...body.slice(1)] };
  });
}

/** A section: its numbered heading, note and unit line heading its table, then its chart. */
function sectionContent(section: ReportSection, index: number, tableWidth: number): PdfContent[] {
  if (section.prose) {
    const heading: PdfContent[] = [{ text: `${romanNumeral(index + 1)}. ${section.title}`, style: 'section' }];
    if (section.note) heading.push({ text: section.note, style: 'note' });
    return section.prose.length ? proseContent(heading, section.prose) : heading;
  }
  const headings: Array<Record<string, unknown>> = [{ text: `${romanNumeral(index + 1)}. ${section.title}`, style: 'section' }];
  if (section.note) headings.push({ text: section.note, style: 'note' });
  if (section.table.columns.some((c) => c.kind === 'money')) headings.push({ text: 'Đơn vị tính: đồng (ngoại tệ theo mã tiền ghi trên dòng)', style: 'unitLine' });
  const parts: PdfContent[] = [tableContent(section.table, tableWidth, headings)];
  if (section.chart && section.chart.bars.length) parts.push(chartContent(section.chart));
  return parts;
}

/** A report as an official PDF: header, title, summary, numbered sections with tables and totals, signatures. */
export function reportPdf(document: ReportDocument, options: { issuingBody: string; place: string; date: string }): PdfDocumentDefinition {
  const content: PdfContent[] = (document.summary ?? []).map((line) => ({ text: line, style: 'summary' }));
  const orientation = document.orientation ?? 'portrait';
  const [left, , right] = officialLayout().pageMargins[orientation];
  // A4 in points, less the margins: the width every table of the report spans.
  const tableWidth = (orientation === 'landscape' ? 841.89 : 595.28) - left - right;
  document.sections.forEach((section, i) => content.push(...sectionContent(section, i, tableWidth)));
  return officialDocument({
    issuingBody: options.issuingBody,
    numberSuffix: document.numberSuffix,
    place: options.place,
    date: options.date,
    title: document.title,
    subtitle: document.subtitle,
    content,
    signers: document.signers,
    recipients: document.recipients,
    orientation: document.orientation,
    // Most text of a report is table cells: making the table's style the default spares pdfmake a
    // style lookup per word on 10,000-row tables; every other text names its style.
    defaultStyle: { ...officialLayout().defaultStyle, ...officialLayout().styles.table },
  });
}
