import { issuerLines, MOTTO, MOTTO_SUB, placeDateLine } from './official-text';

/**
 * A Vietnamese administrative document (văn bản hành chính, Nghị định 30/2020/NĐ-CP) as data, in
 * the order it is read: the issuing body and the number on the left, the national motto and the
 * place-date on the right, the kind and subject, the authority and legal bases, the body
 * (paragraphs, articles, figures with their amounts in words, tables), the recipients and the
 * signature block. The PDF (official-paper.pdf.ts) and the DOCX (official-paper.docx.ts) are both
 * drawn from it, and `paperLines` is the text both must carry: tests read each back and compare.
 *
 * The model knows no domain: a module builds a paper from its facts, the renderers lay it out.
 */
export interface OfficialPaper {
  /** An ASCII file name without extension: `quyet-dinh-12-qd-sct`. */
  fileName: string;
  /** Document properties: the title shown by a reader. */
  title: string;
  issuingBody: string;
  /** The body above the issuer (cơ quan chủ quản), when printed. */
  parentBody?: string;
  /** Number and symbol as printed after "Số: " (`12/QĐ-SCT`). */
  number: string;
  place: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** The kind of paper, printed in capitals: "Quyết định", "Hợp đồng", "Biên bản nghiệm thu". */
  kind: string;
  /** Trích yếu under the kind: "Về việc hỗ trợ kinh phí khuyến công …". */
  subject?: string;
  /** "Kính gửi: …" lines of a notice or a request. */
  addressees?: string[];
  /** Who decides, above the legal bases (a decision): "GIÁM ĐỐC SỞ CÔNG THƯƠNG TỈNH ĐỒNG THÁP". */
  authority?: string;
  /** Legal bases, one per line ("Căn cứ …;"), set in italics. */
  bases?: string[];
  /** The word that opens the articles of a decision: "QUYẾT ĐỊNH:". */
  decides?: string;
  blocks: PaperBlock[];
  /** Nơi nhận, one recipient per line (without the leading dash). */
  recipients?: string[];
  /** One signature (right of the recipients) or two side by side (the parties of a contract). */
  signatures: PaperSignature[];
}

export type PaperBlock =
  /** A paragraph; `emphasis` sets it in bold (a heading) or italics (a note); `item` indents it as a numbered point. */
  | { kind: 'paragraph'; text: string; emphasis?: 'bold' | 'italic'; centred?: boolean; item?: boolean }
  /** "Điều 1. …": the label in bold, then the text; `items` are its numbered points, one per line. */
  | { kind: 'article'; label: string; text: string; items?: string[] }
  /** A figure a signer vouches for and its amount in words ("Bằng chữ: …") on the line below. */
  | { kind: 'amount'; label: string; figure: string; words: string }
  /** A table: headers, rows of text, the last rows in bold when `totalRows` says so. */
  | { kind: 'table'; columns: PaperColumn[]; rows: string[][]; totalRows?: number };

export interface PaperColumn {
  header: string;
  /** Relative width (default 1). */
  weight?: number;
  align?: 'left' | 'right' | 'center';
}

export interface PaperSignature {
  /** Above the signing form: "ĐẠI DIỆN BÊN A" on a contract. */
  heading?: string;
  /** The signing form and title, one per line: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]. */
  lines: string[];
  /** Under the lines, in italics: "(Ký, ghi rõ họ tên, đóng dấu)". */
  hint?: string;
  name: string;
}

/** The "Bằng chữ" line of an amount. */
export function inWordsText(words: string): string {
  return `Bằng chữ: ${words}.`;
}

/** "Số: 12/QĐ-SCT". */
export function paperNumberLine(number: string): string {
  return `Số: ${number}`;
}

/**
 * Every line of text the paper prints, in reading order: what the PDF and the DOCX both carry.
 * Tables give one line per cell.
 */
export function paperLines(paper: OfficialPaper): string[] {
  const lines: string[] = [];
  if (paper.parentBody) lines.push(paper.parentBody.toUpperCase());
  lines.push(issuerLines(paper.issuingBody).join(' '), paperNumberLine(paper.number), MOTTO, MOTTO_SUB, placeDateLine(paper.place, paper.date));
  lines.push(paper.kind.toUpperCase());
  if (paper.subject) lines.push(paper.subject);
  for (const a of paper.addressees ?? []) lines.push(a);
  if (paper.authority) lines.push(paper.authority.toUpperCase());
  lines.push(...(paper.bases ?? []));
  if (paper.decides) lines.push(paper.decides);
  for (const block of paper.blocks) {
    switch (block.kind) {
      case 'paragraph':
        lines.push(block.text);
        break;
      case 'article':
        lines.push(`${block.label} ${block.text}`, ...(block.items ?? []));
        break;
      case 'amount':
        lines.push(`${block.label}: ${block.figure}`, inWordsText(block.words));
        break;
      case 'table':
        // cell by cell: a reader of the PDF meets a table's cells column by column, not row by row
        lines.push(...block.columns.map((c) => c.header), ...block.rows.flat().filter((cell) => cell !== ''));
        break;
    }
  }
  if (paper.recipients?.length) lines.push('Nơi nhận:', ...paper.recipients.map((r) => `- ${r}`));
  for (const s of paper.signatures) {
    if (s.heading) lines.push(s.heading.toUpperCase());
    lines.push(...s.lines.map((l) => l.toUpperCase()));
    if (s.hint) lines.push(s.hint);
    lines.push(s.name);
  }
  return lines;
}
