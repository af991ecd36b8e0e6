import type { PdfDocumentDefinition } from './pdf.service';
import { officialLayout } from './reports-directory';
import { issuerLines, MOTTO, MOTTO_SUB, numberLine, placeDateLine } from '../paper/official-text';

export { MOTTO, MOTTO_SUB, numberLine, placeDateLine };

/** pdfmake content as data (no functions: definitions cross into the render worker). */
export type PdfContent = string | { [key: string]: unknown } | PdfContent[];

/** One person who signs, by capacity (chức danh ký). */
export interface PdfSigner {
  capacity: string;
  name?: string;
  hint?: string;
}

/** A short rule under a heading, as the motto and the issuing body are underlined. */
function underline(width: number): PdfContent {
  return { canvas: [{ type: 'line', x1: 0, y1: 1, x2: width, y2: 1, lineWidth: 0.6 }], alignment: 'center', margin: [0, 1, 0, 0] };
}

/** The styles of the header: a report's (smaller, for wide tables) or an official paper's. */
const HEADER_STYLES = {
  report: { parent: 'issuer', issuer: 'issuer', number: 'docNumber', motto: 'motto', mottoSub: 'mottoSub', placeDate: 'placeDate' },
  paper: { parent: 'paperParent', issuer: 'paperIssuer', number: 'paperNumber', motto: 'paperMotto', mottoSub: 'paperMottoSub', placeDate: 'paperPlaceDate' },
} as const;

/**
 * The header of an official document: the issuing body on the left (its parent above it when
 * given) with the number line; the national motto on the right with the place-date line. The
 * number line is "Số: <number>/<suffix>", or `numberText` as it stands (a paper's registered number).
 */
export function officialHeader(options: { issuingBody: string; parentBody?: string; numberSuffix?: string; number?: string; numberText?: string; place: string; date: string; size?: 'report' | 'paper' }): PdfContent {
  const style = HEADER_STYLES[options.size ?? 'report'];
  const left: PdfContent[] = [];
  if (options.parentBody) left.push({ text: options.parentBody.toUpperCase(), style: style.parent, bold: false });
  // a paper breaks a long name before its province; a report (smaller type) keeps it on one line
  const issuer = options.size === 'paper' ? issuerLines(options.issuingBody).join('\n') : options.issuingBody.toUpperCase();
  left.push({ text: issuer, style: style.issuer });
  left.push({ columns: [{ width: '*', text: '' }, { width: 70, ...(underline(70) as object) }, { width: '*', text: '' }] });
  left.push({ text: options.numberText ?? numberLine(options.numberSuffix ?? '', options.number), style: style.number });
  const right: PdfContent[] = [
    { text: MOTTO, style: style.motto },
    { text: MOTTO_SUB, style: style.mottoSub },
    { columns: [{ width: '*', text: '' }, { width: 150, ...(underline(150) as object) }, { width: '*', text: '' }] },
    { text: placeDateLine(options.place, options.date), style: style.placeDate },
  ];
  return { columns: [{ width: '40%', stack: left }, { width: '60%', stack: right }], columnGap: 8 };
}

/** A two-column table of labels and values (the settlement statement's figures). */
export function keyValueTable(rows: Array<[string, string]>, options: { labelWidth?: string } = {}): PdfContent {
  return {
    table: {
      widths: [options.labelWidth ?? '45%', '*'],
      body: rows.map(([label, value]) => [{ text: label, style: 'key' }, { text: value }]),
    },
    layout: 'report',
    style: 'table',
    fontSize: 9.5,
    margin: [0, 4, 0, 8],
  };
}

/**
 * The signature block: one column per capacity (người lập biểu, kế toán trưởng or trưởng phòng,
 * giám đốc), each with its hint and room to sign, and the name when known. The list of
 * recipients (Nơi nhận) sits under it on the left, as official documents place it.
 */
export function signatureBlock(signers: PdfSigner[], recipients?: string[]): PdfContent {
  const block: PdfContent[] = [
    {
      columns: signers.map((s) => ({
        width: '*',
        stack: [
          { text: s.capacity.toUpperCase(), style: 'signCapacity' },
          { text: s.hint ?? '(Ký, ghi rõ họ tên)', style: 'signHint' },
          { text: s.name ?? ' ', style: 'signName' },
        ],
      })),
      columnGap: 6,
      margin: [0, 18, 0, 0],
      unbreakable: true,
    },
  ];
  if (recipients?.length) {
    block.push({
      stack: [{ text: 'Nơi nhận:', style: 'recipientsTitle' }, ...recipients.map((r) => ({ text: `- ${r}`, style: 'recipients' }))],
      margin: [0, 16, 0, 0],
      unbreakable: true,
    });
  }
  return { stack: block };
}

/**
 * A whole official document: A4, the header, the title, the content, the signature block, and
 * "Trang x/y" at the foot of every page. Page and styles come from reports/layouts.
 */
export function officialDocument(options: {
  issuingBody: string;
  parentBody?: string;
  numberSuffix: string;
  number?: string;
  place: string;
  date: string;
  title: string;
  subtitle?: string;
  content: PdfContent[];
  signers: PdfSigner[];
  recipients?: string[];
  orientation?: 'portrait' | 'landscape';
  info?: { title?: string; author?: string; subject?: string };
  /** Style of text that names none (a report with large tables sets the table's here: cheaper per cell). */
  defaultStyle?: Record<string, unknown>;
}): PdfDocumentDefinition {
  const layout = officialLayout();
  const orientation = options.orientation ?? 'portrait';
  return {
    pageSize: layout.pageSize,
    pageOrientation: orientation,
    pageMargins: layout.pageMargins[orientation],
    info: { title: options.info?.title ?? options.title, author: options.info?.author ?? options.issuingBody, subject: options.info?.subject ?? options.subtitle ?? '', creator: 'KCFund', producer: 'KCFund' },
    language: 'vi-VN',
    defaultStyle: options.defaultStyle ?? layout.defaultStyle,
    styles: layout.styles,
    // A marker the worker turns into the footer function (functions do not cross threads).
    footer: { pageNumbers: layout.footer },
    content: [
      officialHeader(options),
      { text: options.title.toUpperCase(), style: 'title' },
      ...(options.subtitle ? [{ text: options.subtitle, style: 'subtitle' }] : [{ text: ' ', margin: [0, 0, 0, 6] }]),
      ...options.content,
      signatureBlock(options.signers, options.recipients),
    ],
  };
}
