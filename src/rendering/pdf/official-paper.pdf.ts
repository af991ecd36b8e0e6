import { inWordsText, paperNumberLine, type OfficialPaper, type PaperBlock, type PaperSignature } from '../paper/official-paper';
import { officialHeader, type PdfContent } from './official-layout';
import type { PdfDocumentDefinition } from './pdf.service';
import { officialLayout } from './reports-directory';

/**
 * Text whose numbers and symbols never break nor stretch: a token with a slash or a hyphen inside
 * ("01/QĐ-SCT", "02/03/2043") is kept whole (pdfmake would otherwise split it there, and a
 * justified line would open gaps inside it).
 */
export function keepTokens(text: string): PdfContent {
  const parts = text.split(/(\s+)/);
  if (!parts.some((p) => /\S[/-]\S/.test(p))) return text;
  const out: PdfContent[] = [];
  let plain = '';
  for (const part of parts) {
    if (/\S[/-]\S/.test(part)) {
      if (plain) out.push(plain);
      plain = '';
      out.push({ text: part, noWrap: true });
    } else plain += part;
  }
  if (plain) out.push(plain);
  return out;
}

/** pdfmake widths as percentages of the table, from the columns' relative weights. */
function widths(weights: number[]): string[] {
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => `${Math.floor((w / total) * 1000) / 10}%`);
}

const NO_BORDER = [false, false, false, false];

/**
 * The paper's blocks in order. A block just before a table is its lead-in ("Nội dung chi như
 * sau:"): its last line rides in the table as a borderless header row, so pdfmake keeps it with
 * the column header and the first row (keepWithHeaderRows) and it is never left alone at the
 * foot of a page. As the reports' section headings do, it is repeated over the header on every
 * page the table runs to. (pdfmake's pageBreakBefore cannot do this: it sees the positions of a
 * table's kept rows from before they moved to the next page.)
 */
function blocksContent(blocks: readonly PaperBlock[]): PdfContent[] {
  const out: PdfContent[] = [];
  let leadIn: PdfContent | null = null;
  blocks.forEach((block, i) => {
    const content = blockContent(block, leadIn);
    leadIn = null;
    if (block.kind !== 'table' && blocks[i + 1]?.kind === 'table' && content.length) leadIn = content.pop()!;
    out.push(...content);
  });
  return out;
}

function blockContent(block: PaperBlock, leadIn: PdfContent | null = null): PdfContent[] {
  switch (block.kind) {
    case 'paragraph':
      return [{ text: keepTokens(block.text), style: block.item ? 'paperItem' : 'paperBody', ...(block.emphasis === 'bold' ? { bold: true } : block.emphasis === 'italic' ? { italics: true } : {}), ...(block.centred ? { alignment: 'center' } : {}) }];
    case 'article':
      return [
        { text: [{ text: `${block.label} `, bold: true }, ...[keepTokens(block.text)].flat()], style: 'paperBody' },
        ...(block.items ?? []).map((item) => ({ text: keepTokens(item), style: 'paperItem' })),
      ];
    case 'amount':
      return [
        // A figure and its words stay on one page.
        { stack: [{ text: `${block.label}: ${block.figure}`, style: 'paperItem' }, { text: inWordsText(block.words), style: 'paperWords' }], unbreakable: true },
      ];
    case 'table': {
      const align = block.columns.map((c) => c.align ?? 'left');
      const totalsFrom = block.rows.length - (block.totalRows ?? 0);
      // the lead-in's cell spans the table, its padding taken back so it lines up with the body text
      const leadInRows = leadIn ? [[{ ...(leadIn as object), colSpan: block.columns.length, border: NO_BORDER, margin: [-3, 0, -3, 3] }, ...block.columns.slice(1).map(() => ({ text: '', border: NO_BORDER }))]] : [];
      return [
        {
          table: {
            headerRows: leadInRows.length + 1,
            // neither the lead-in nor the header stands alone at the foot of a page: they keep with the first row
            keepWithHeaderRows: 1,
            dontBreakRows: true,
            widths: widths(block.columns.map((c) => c.weight ?? 1)),
            body: [
              ...leadInRows,
              block.columns.map((c) => ({ text: c.header, style: 'tableHeader' })),
              ...block.rows.map((row, r) => row.map((cell, i) => ({ text: cell, alignment: align[i], ...(r >= totalsFrom ? { bold: true } : {}) }))),
            ],
          },
          // no line above a lead-in
          layout: leadInRows.length ? 'reportSection' : 'report',
          style: 'paperTable',
        },
      ];
    }
  }
}

function signatureColumn(s: PaperSignature): PdfContent {
  return {
    stack: [
      ...(s.heading ? [{ text: s.heading.toUpperCase(), style: 'paperSignHeading' }] : []),
      ...s.lines.map((line) => ({ text: line.toUpperCase(), style: 'paperSignLine' })),
      ...(s.hint ? [{ text: s.hint, style: 'paperSignHint' }] : []),
      { text: s.name, style: 'paperSignName' },
    ],
  };
}

function recipientsContent(recipients: string[]): PdfContent {
  return { stack: [{ text: 'Nơi nhận:', style: 'paperRecipientsTitle' }, ...recipients.map((r) => ({ text: `- ${r}`, style: 'paperRecipients' }))] };
}

/**
 * The signature block as administrative documents place it: the recipients (Nơi nhận) on the
 * left and the signature on the right; two signatures (the parties of a contract) side by side,
 * the recipients under them. Never split across pages.
 */
function closingContent(paper: OfficialPaper): PdfContent {
  const recipients = paper.recipients?.length ? recipientsContent(paper.recipients) : null;
  if (paper.signatures.length === 1) {
    return {
      columns: [
        { width: '45%', stack: recipients ? [recipients] : [{ text: '' }] },
        { width: '55%', ...(signatureColumn(paper.signatures[0]) as object) },
      ],
      columnGap: 8,
      margin: [0, 14, 0, 0],
      unbreakable: true,
    };
  }
  return {
    stack: [
      { columns: paper.signatures.map((s) => ({ width: '*', ...(signatureColumn(s) as object) })), columnGap: 12 },
      ...(recipients ? [{ ...(recipients as object), margin: [0, 14, 0, 0] }] : []),
    ],
    margin: [0, 14, 0, 0],
    unbreakable: true,
  };
}

/**
 * An official paper as a pdfmake definition (pure data): A4 portrait with the layout's margins,
 * the header of official-layout.ts in the paper's sizes, the kind and subject with a short rule
 * under them, the body, the closing block, and "Trang x/y" at the foot.
 */
export function officialPaperPdf(paper: OfficialPaper): PdfDocumentDefinition {
  const layout = officialLayout();
  const content: PdfContent[] = [
    officialHeader({ issuingBody: paper.issuingBody, parentBody: paper.parentBody, numberText: paperNumberLine(paper.number), place: paper.place, date: paper.date, size: 'paper' }),
    { text: paper.kind.toUpperCase(), style: 'paperKind' },
  ];
  if (paper.subject) content.push({ text: paper.subject, style: 'paperSubject' });
  // a short rule under the kind and subject, centred
  content.push({ columns: [{ width: '*', text: '' }, { width: 120, canvas: [{ type: 'line', x1: 0, y1: 0, x2: 120, y2: 0, lineWidth: 0.6 }] }, { width: '*', text: '' }], margin: [0, 0, 0, 10] });
  for (const a of paper.addressees ?? []) content.push({ text: a, style: 'paperAddressee' });
  if (paper.authority) content.push({ text: paper.authority.toUpperCase(), style: 'paperAuthority' });
  for (const basis of paper.bases ?? []) content.push({ text: keepTokens(basis), style: 'paperBasis' });
  if (paper.decides) content.push({ text: paper.decides, style: 'paperDecides' });
  content.push(...blocksContent(paper.blocks));
  content.push(closingContent(paper));
  return {
    pageSize: layout.pageSize,
    pageOrientation: 'portrait',
    pageMargins: layout.pageMargins.portrait,
    info: { title: paper.title, author: paper.issuingBody, subject: paper.subject ?? '', creator: 'KCFund', producer: 'KCFund' },
    language: 'vi-VN',
    defaultStyle: layout.defaultStyle,
    styles: layout.styles,
    footer: { pageNumbers: layout.footer },
    content,
  };
}
