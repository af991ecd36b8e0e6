import type { Money } from '../../common/money/decimal';

/**
 * A report as people read it, whatever the format: numbered sections, each a table with Vietnamese
 * headers and a totals row. Every format (CSV, XLSX, PDF) is rendered from this one structure, which
 * is built from the same typed figures the JSON carries, so the four formats cannot disagree.
 */
export type ColumnKind = 'text' | 'money' | 'count' | 'date' | 'percent';

/** A cell: text, a whole count, money (with the row's currency), a `YYYY-MM-DD` date, or nothing. */
export type CellValue = string | number | Money | null;

export interface ReportColumn {
  key: string;
  /** The Vietnamese column header (CSV, XLSX and PDF alike). */
  header: string;
  kind: ColumnKind;
  /** Relative width in the PDF table (default 1); text columns usually wider. */
  weight?: number;
  /** Kept in CSV and XLSX but left out of the PDF table (ids machines need, people do not). */
  machineOnly?: boolean;
  /** A code (fund, unit, decision number): never broken across lines in the PDF, its column widened to hold the longest. */
  keepWhole?: boolean;
}

export interface ReportRow {
  cells: Record<string, CellValue>;
  /** The currency of the row's money cells (VND unless told). */
  currency?: string;
}

export interface ReportTable {
  columns: ReportColumn[];
  rows: ReportRow[];
  /** Totals rows (one per currency when a table mixes currencies); the first text column reads "Tổng cộng". */
  totals?: ReportRow[];
}

/** A bar chart of two series per category (allocation against disbursement by unit). */
export interface BarChart {
  title: string;
  series: [string, string];
  /** VND only: one currency per chart. */
  currency: string;
  bars: Array<{ label: string; values: [Money, Money] }>;
}

/** A part of a section written in words (an assessment): its heading and paragraphs (`\n` between them). */
export interface ProseBlock {
  heading: string;
  text: string;
}

export interface ReportSection {
  /** Short name: the XLSX sheet and the CSV block are named after it. */
  key: string;
  /** The section heading, without its number (the renderers number the sections I, II, III…). */
  title: string;
  /** A shorter title for the XLSX sheet (Excel allows 31 characters); the title when absent. */
  sheetTitle?: string;
  /** A sentence under the heading (what the figures mean). */
  note?: string;
  table: ReportTable;
  chart?: BarChart;
  /**
   * A section written in words: the PDF prints these headed paragraphs instead of the table;
   * CSV and XLSX keep the table, which holds the same words (one row per block).
   */
  prose?: ProseBlock[];
}

export interface Signer {
  /** The capacity (NGƯỜI LẬP BIỂU, KẾ TOÁN TRƯỞNG, GIÁM ĐỐC…). */
  capacity: string;
  /** The name, when known (the person who made the report). */
  name?: string;
  /** "(Ký, ghi rõ họ tên)" unless told otherwise. */
  hint?: string;
}

export interface ReportDocument {
  /** An ASCII file name without extension: `bao-cao-tong-ket-2026`. */
  fileName: string;
  /** The document type for the number line: `BC-SCT` gives "Số: …/BC-SCT". */
  numberSuffix: string;
  title: string;
  subtitle?: string;
  /** Lines of summary under the title (the totals in words and figures). */
  summary?: string[];
  sections: ReportSection[];
  signers: Signer[];
  /** Who receives the report (Nơi nhận). */
  recipients?: string[];
  orientation?: 'portrait' | 'landscape';
  generatedAt: Date;
}
