import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { inWordsText, paperNumberLine, type OfficialPaper, type PaperBlock, type PaperSignature } from '../paper/official-paper';
import { issuerLines, MOTTO, MOTTO_SUB, placeDateLine } from '../paper/official-text';
import { officialLayout } from '../pdf/reports-directory';

/**
 * The editable copy of an official paper (Word, .docx): the office adjusts the wording before it
 * is signed. Same paper, same text and order as the PDF (official-paper.pdf.ts); sizes and
 * emphasis from the paper* styles of reports/layouts/official-document.json, in Times New Roman
 * (the font Nghị định 30/2020/NĐ-CP asks for).
 */

type Style = { fontSize?: number; bold?: boolean; italics?: boolean; alignment?: string; margin?: number[] };

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED } as const;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '555555' } as const;
const LINES = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

function style(name: string): Style {
  return (officialLayout().styles[name] ?? {}) as Style;
}

/** Points to twentieths of a point (Word's spacing unit). */
const twips = (points: number | undefined) => Math.round((points ?? 0) * 20);

/** One paragraph in a named paper style; `runs` override the text (a bold label before the text). */
function para(text: string, styleName: string, options: { runs?: Array<{ text: string; bold?: boolean; italics?: boolean }>; bold?: boolean; italics?: boolean; alignment?: keyof typeof ALIGN; keepNext?: boolean } = {}): Paragraph {
  const s = style(styleName);
  const font = officialLayout().docx.font;
  const size = Math.round((s.fontSize ?? 13) * 2);
  const runs = options.runs ?? [{ text }];
  const margin = s.margin ?? [0, 0, 0, 0];
  return new Paragraph({
    alignment: ALIGN[(options.alignment ?? (s.alignment as keyof typeof ALIGN | undefined)) ?? 'left'],
    spacing: { before: twips(margin[1]), after: twips(margin[3]) },
    indent: margin[0] ? { left: twips(margin[0]) } : undefined,
    keepNext: options.keepNext,
    children: runs.map(
      (r) =>
        new TextRun({
          text: r.text,
          font,
          size,
          bold: r.bold ?? options.bold ?? s.bold ?? false,
          italics: r.italics ?? options.italics ?? s.italics ?? false,
        }),
    ),
  });
}

/** A short centred rule (underlined spaces), as under the issuing body and the motto. */
function rule(width: number): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '\u00a0'.repeat(width), underline: {}, size: 10 })] });
}

function cell(children: Paragraph[], percent: number, borders = false): TableCell {
  return new TableCell({ children, width: { size: percent, type: WidthType.PERCENTAGE }, borders: borders ? undefined : { top: NONE, bottom: NONE, left: NONE, right: NONE } });
}

/** A borderless table of columns laid side by side (header, closing block). */
function columns(cols: Array<{ percent: number; children: Paragraph[] }>): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: cols.map((c) => cell(c.children, c.percent)) })],
  });
}

function header(paper: OfficialPaper): Table {
  const left = [
    ...(paper.parentBody ? [para(paper.parentBody.toUpperCase(), 'paperParent')] : []),
    ...issuerLines(paper.issuingBody).map((line) => para(line, 'paperIssuer')),
    rule(18),
    para(paperNumberLine(paper.number), 'paperNumber'),
  ];
  const right = [para(MOTTO, 'paperMotto'), para(MOTTO_SUB, 'paperMottoSub'), rule(36), para(placeDateLine(paper.place, paper.date), 'paperPlaceDate')];
  return columns([
    { percent: 40, children: left },
    { percent: 60, children: right },
  ]);
}

/** A block's content; a lead-in (the block before a table) keeps its last paragraph with the table (keepNext). */
function blockContent(block: PaperBlock, leadIn = false): Array<Paragraph | Table> {
  switch (block.kind) {
    case 'paragraph':
      return [para(block.text, block.item ? 'paperItem' : 'paperBody', { bold: block.emphasis === 'bold' ? true : undefined, italics: block.emphasis === 'italic' ? true : undefined, alignment: block.centred ? 'center' : undefined, keepNext: leadIn || undefined })];
    case 'article': {
      const items = block.items ?? [];
      return [
        para('', 'paperBody', { runs: [{ text: `${block.label} `, bold: true }, { text: block.text }], keepNext: (leadIn && items.length === 0) || undefined }),
        ...items.map((item, i) => para(item, 'paperItem', { keepNext: (leadIn && i === items.length - 1) || undefined })),
      ];
    }
    case 'amount':
      return [para(`${block.label}: ${block.figure}`, 'paperItem', { keepNext: true }), para(inWordsText(block.words), 'paperWords', { keepNext: leadIn || undefined })];
    case 'table': {
      const total = block.columns.reduce((sum, c) => sum + (c.weight ?? 1), 0);
      const percents = block.columns.map((c) => Math.floor(((c.weight ?? 1) / total) * 100));
      const totalsFrom = block.rows.length - (block.totalRows ?? 0);
      const row = (cells: string[], bold: boolean, isHeader: boolean) =>
        new TableRow({
          tableHeader: isHeader,
          cantSplit: true,
          // the header row's paragraphs keep with the first row (Word keeps a row marked keepNext with the next)
          children: cells.map((text, i) => cell([para(text, 'paperTable', { bold: bold || undefined, alignment: isHeader ? 'center' : (block.columns[i].align ?? 'left'), keepNext: isHeader || undefined })], percents[i], true)),
        });
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          borders: LINES,
          rows: [row(block.columns.map((c) => c.header), true, true), ...block.rows.map((r, i) => row(r, i >= totalsFrom, false))],
        }),
        para('', 'paperBody'),
      ];
    }
  }
}

function signatureParagraphs(s: PaperSignature): Paragraph[] {
  return [
    ...(s.heading ? [para(s.heading.toUpperCase(), 'paperSignHeading', { keepNext: true })] : []),
    ...s.lines.map((line) => para(line.toUpperCase(), 'paperSignLine', { keepNext: true })),
    ...(s.hint ? [para(s.hint, 'paperSignHint', { keepNext: true })] : []),
    para(s.name, 'paperSignName'),
  ];
}

function recipientParagraphs(recipients: string[]): Paragraph[] {
  return [para('Nơi nhận:', 'paperRecipientsTitle'), ...recipients.map((r) => para(`- ${r}`, 'paperRecipients'))];
}

function closing(paper: OfficialPaper): Array<Paragraph | Table> {
  const recipients = paper.recipients?.length ? recipientParagraphs(paper.recipients) : [];
  if (paper.signatures.length === 1) {
    return [para('', 'paperBody'), columns([{ percent: 45, children: recipients.length ? recipients : [para('', 'paperRecipients')] }, { percent: 55, children: signatureParagraphs(paper.signatures[0]) }])];
  }
  const percent = Math.floor(100 / paper.signatures.length);
  return [para('', 'paperBody'), columns(paper.signatures.map((s) => ({ percent, children: signatureParagraphs(s) }))), ...(recipients.length ? [para('', 'paperBody'), ...recipients] : [])];
}

/** The paper as a .docx file (A4, the layout's margins, "Trang x/y" at the foot). */
export async function officialPaperDocx(paper: OfficialPaper): Promise<Buffer> {
  const layout = officialLayout();
  const margins = layout.docx.marginsMm;
  const body: Array<Paragraph | Table> = [header(paper), para(paper.kind.toUpperCase(), 'paperKind', { keepNext: true })];
  if (paper.subject) body.push(para(paper.subject, 'paperSubject', { keepNext: true }));
  body.push(rule(30));
  for (const a of paper.addressees ?? []) body.push(para(a, 'paperAddressee'));
  if (paper.authority) body.push(para(paper.authority.toUpperCase(), 'paperAuthority'));
  for (const basis of paper.bases ?? []) body.push(para(basis, 'paperBasis'));
  if (paper.decides) body.push(para(paper.decides, 'paperDecides'));
  paper.blocks.forEach((block, i) => body.push(...blockContent(block, block.kind !== 'table' && paper.blocks[i + 1]?.kind === 'table')));
  body.push(...closing(paper));
  const footerSize = Math.round(layout.footer.fontSize * 2);
  const document = new Document({
    creator: 'KCFund',
    title: paper.title,
    description: paper.subject ?? paper.title,
    styles: { default: { document: { run: { font: layout.docx.font, size: 26 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: { top: convertMillimetersToTwip(margins.top), bottom: convertMillimetersToTwip(margins.bottom), left: convertMillimetersToTwip(margins.left), right: convertMillimetersToTwip(margins.right) },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['Trang ', PageNumber.CURRENT, '/', PageNumber.TOTAL_PAGES], font: layout.docx.font, size: footerSize })],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}
