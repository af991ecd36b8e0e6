import { pdfPages } from '../../../test/support/documents';
import { Money } from '../../common/money/decimal';
import { PdfService } from '../pdf/pdf.service';
import { reportPdf } from './pdf-report.layout';
import type { ReportDocument } from './report-document';

/**
 * Fix on the way (issue 18): a section's heading and its table's header were left alone at the
 * foot of a page. Here a filler section of `rows` rows pushes the next section's heading down the
 * page one row at a time, across the whole foot of page 1: wherever it lands, the heading, the
 * column header and the first row are printed on one page.
 */
/** Filler rows from a heading well up page 1 to one pushed onto page 2 with the filler still on page 1 (portrait A4). */
const FIRST = 33;
const LAST = 45;

function twoSections(rows: number): ReportDocument {
  return {
    fileName: 'bao-cao-thu',
    numberSuffix: 'BC-SCT',
    generatedAt: new Date('2026-03-05T03:00:00Z'),
    title: 'Báo cáo thử ngắt trang',
    sections: [
      {
        key: 'filler',
        title: 'Phần đệm',
        table: {
          columns: [{ key: 'name', header: 'Nội dung', kind: 'text' }, { key: 'amount', header: 'Số tiền', kind: 'money' }],
          rows: Array.from({ length: rows }, (_, i) => ({ cells: { name: `Dòng đệm ${i + 1}`, amount: new Money(1000 * (i + 1)) } })),
        },
      },
      {
        key: 'probe',
        title: 'Phần cần giữ với dòng đầu',
        note: 'Ghi chú dưới đề mục của phần.',
        table: {
          columns: [{ key: 'name', header: 'Cột đầu tiên', kind: 'text' }, { key: 'amount', header: 'Số tiền', kind: 'money' }],
          rows: [{ cells: { name: 'Dòng đầu tiên của bảng', amount: new Money(5000) } }, { cells: { name: 'Dòng thứ hai', amount: new Money(6000) } }],
        },
      },
    ],
    signers: [{ capacity: 'NGƯỜI LẬP BIỂU' }],
  };
}

describe('a report section at the foot of a page (rendered, read back page by page)', () => {
  const pdf = new PdfService();
  afterAll(() => pdf.onModuleDestroy());
  const render = async (rows: number) => pdfPages(await pdf.renderToBuffer(reportPdf(twoSections(rows), { issuingBody: 'Sở Công Thương tỉnh Đồng Tháp', place: 'Đồng Tháp', date: '2026-03-05' })));

  it('keeps the heading, the column header and the first row on one page wherever the heading falls', async () => {
    const heading = 'II. Phần cần giữ với dòng đầu';
    let pushed = 0;
    // From a page 1 with room to spare to one whose filler runs onto page 2: every position of the
    // heading at the foot of page 1 is rendered once.
    for (let rows = FIRST; rows <= LAST; rows++) {
      const pages = await render(rows);
      const at = pages.findIndex((p) => p.includes(heading));
      const page = pages[at];
      expect({ rows, header: page.includes('Cột đầu tiên'), firstRow: page.includes('Dòng đầu tiên của bảng') }).toEqual({ rows, header: true, firstRow: true });
      // the filler's last row stayed on page 1 while the heading went over: the case the fix is for
      if (at === 1 && pages[0].includes(`Dòng đệm ${rows}`)) pushed++;
    }
    expect(pushed).toBeGreaterThan(0);
  }, 120_000);
});
