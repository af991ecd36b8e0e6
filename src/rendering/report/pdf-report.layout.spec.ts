import fc from 'fast-check';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { Money } from '../../common/money/decimal';
import { codeWidth, reportPdf } from './pdf-report.layout';
import type { ReportDocument } from './report-document';

/** The width pdfkit (under pdfmake) gives a code in the tables' font: 8 pt Roboto. */
const doc = new PDFDocument({ autoFirstPage: false }).font(join(__dirname, '..', '..', '..', 'reports', 'fonts', 'Roboto-Regular.ttf')).fontSize(8);
const printed = (code: string) => doc.widthOfString(code);

describe('the width a code column is given', () => {
  it('never falls short of the code as printed, whatever its letters (a code is never cut or spilled)', () => {
    const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-/.,:_';
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 32 }), (letters) => {
        const code = letters.join('');
        return codeWidth(code) - 10 >= printed(code);
      }),
    );
  });

  it('gives wide capitals more room than digits', () => {
    expect(codeWidth('MMMMWWWW')).toBeGreaterThan(codeWidth('00000000'));
  });
});

/** Every table node of a pdfmake definition, depth first. */
function tablesOf(node: unknown): Array<{ headerRows: number; keepWithHeaderRows?: number; dontBreakRows?: boolean; body: Array<Array<{ text?: string }>> }> {
  if (Array.isArray(node)) return node.flatMap(tablesOf);
  if (!node || typeof node !== 'object') return [];
  const table = (node as { table?: unknown }).table as { headerRows?: number } | undefined;
  const here = table && typeof table.headerRows === 'number' ? [table as never] : [];
  return [...here, ...Object.values(node).flatMap(tablesOf)];
}

describe("a report section's table in the PDF", () => {
  const section = (key: string, note: string | undefined, money: boolean) => ({
    key,
    title: `Phần ${key}`,
    note,
    table: {
      columns: [{ key: 'name', header: 'Tên', kind: 'text' as const }, ...(money ? [{ key: 'amount', header: 'Số tiền', kind: 'money' as const }] : [{ key: 'count', header: 'Số lượng', kind: 'count' as const }])],
      rows: [{ cells: { name: 'Dòng đầu', amount: new Money(1000), count: 1 } }, { cells: { name: 'Dòng hai', amount: new Money(2000), count: 2 } }],
    },
  });
  const document: ReportDocument = {
    fileName: 'bao-cao',
    numberSuffix: 'BC-SCT',
    generatedAt: new Date('2026-03-05T03:00:00Z'),
    title: 'Báo cáo',
    sections: [section('a', 'Ghi chú', true), section('b', undefined, true), section('c', undefined, false)],
    signers: [],
  };
  const tables = tablesOf(reportPdf(document, { issuingBody: 'Sở Công Thương', place: 'Đồng Tháp', date: '2026-03-05' }).content);

  it('carries its heading lines as header rows: headerRows is the headings and the column header', () => {
    // a: title, note, unit line; b: title, unit line; c: title only (no money, no unit line)
    expect(tables.map((t) => t.headerRows)).toEqual([4, 3, 2]);
    expect(tables.map((t) => t.body[0][0].text)).toEqual(['I. Phần a', 'II. Phần b', 'III. Phần c']);
    expect(tables.map((t) => t.body[t.headerRows - 1][0].text)).toEqual(['Tên', 'Tên', 'Tên']);
  });

  it('keeps the header rows with the first row, and never splits a row across pages', () => {
    for (const table of tables) expect({ keepWithHeaderRows: table.keepWithHeaderRows, dontBreakRows: table.dontBreakRows }).toEqual({ keepWithHeaderRows: 1, dontBreakRows: true });
  });
});
