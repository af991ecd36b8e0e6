import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binary } from './support/documents';
import { startTestApp, TestApp } from './support/test-app';
import { approvedFile, cast, Cast } from './support/workflow';

/** The text of each page of a PDF (pdftotext, page by page). */
function pagesOf(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'kcfund-pages-'));
  const file = join(dir, 'r.pdf');
  writeFileSync(file, pdf);
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  return Array.from({ length: count }, (_, i) => execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }));
}

/**
 * Fix on the way (issue 18): the annual review left a section's heading and its table's header
 * alone at the foot of a page (section III on page 1 of a one-file report). A heading keeps with
 * its table's header, and the header with the first rows: each section's heading, column header
 * and first row are on one page.
 */
describe('report pages: headings and table headers keep with their first rows', () => {
  const YEAR = 2055;
  let t: TestApp;
  let c: Cast;

  beforeAll(async () => {
    t = await startTestApp();
    c = await cast(t, YEAR, '5000000000');
    await approvedFile(t, c);
  });
  afterAll(() => t.close());

  it('a one-file annual review: every section starts on the page of its column header and first row', async () => {
    const res = await t.http.get(`/api/v1/reports/annual/${YEAR}`).query({ format: 'pdf' }).set(c.finance.auth).buffer(true).parse(binary).expect(200);
    const pages = pagesOf(res.body);
    expect(pages.length).toBeGreaterThan(1);
    // heading, the first column's header, a cell of the first row (or the empty table's line)
    const sections: Array<[string, string, string]> = [
      ['I. Kinh phí theo nguồn', 'Mã nguồn', 'Ngân sách địa'],
      ['II. Phân bổ và thực hiện theo đơn vị', 'Mã đơn vị', 'Đơn vị thử'],
      ['III. Thực hiện theo loại hoạt động khuyến công', 'Loại hoạt động', 'Hỗ trợ ứng dụng máy móc thiết bị'],
      ['IV. Thực hiện theo xã, phường', 'Mã xã, phường', '29263'],
      ['V. Danh sách đề án', 'Tên đề án', 'Ứng dụng máy sấy lúa tiên tiến'],
      ['VI. Quyết toán', 'Tên đề án', 'Không có số liệu.'],
      ['VII. Các khoản thu hồi còn phải thu', 'Tên đề án', 'Không có số liệu.'],
      ['VIII. Việc quá hạn', 'Loại việc', 'Không có số liệu.'],
      ['IX. Kế hoạch và kết quả thực hiện theo loại hoạt động, đơn vị, nguồn kinh phí', 'Loại hoạt động', 'Hỗ trợ ứng dụng máy móc thiết bị'],
      ['X. Kết quả, hiệu quả của các đề án đã nghiệm thu', 'Loại hoạt động', 'Không có số liệu.'],
      ['XI. Đánh giá chung', '1. Kết quả đạt được', '(Chưa có nội dung.)'],
      ['XII. Khen thưởng', 'Thành tích', 'Không có số liệu.'],
    ];
    for (const [heading, header, firstRow] of sections) {
      const page = pages.find((p) => p.includes(heading));
      expect({ heading, page: page !== undefined }).toEqual({ heading, page: true });
      expect({ heading, header: page!.includes(header), firstRow: page!.includes(firstRow) }).toEqual({ heading, header: true, firstRow: true });
    }
    // no page ends with a heading or a unit line: the last text above the page number is a row
    for (const page of pages) {
      const lines = page.split('\n').map((l) => l.trim()).filter((l) => l && !/^Trang \d+\/\d+$/.test(l));
      expect(lines.at(-1)).not.toMatch(/^(?:[IVX]+\. |Đơn vị tính:)/);
    }
  });
});
