import { docxText, docxXml, flat, pdfPages, pdfText } from '../../../test/support/documents';
import { officialPaperDocx } from '../docx/official-paper.docx';
import { officialPaperPdf } from '../pdf/official-paper.pdf';
import { PdfService } from '../pdf/pdf.service';
import { paperLines, type OfficialPaper } from './official-paper';

const paper: OfficialPaper = {
  fileName: 'quyet-dinh-12-qd-sct',
  title: 'Quyết định hỗ trợ kinh phí khuyến công',
  issuingBody: 'Sở Công Thương tỉnh Đồng Tháp',
  number: '12/QĐ-SCT',
  place: 'Đồng Tháp',
  date: '2026-03-05',
  kind: 'Quyết định',
  subject: 'Về việc hỗ trợ kinh phí khuyến công đề án "Ứng dụng máy sấy lúa"',
  authority: 'Giám đốc Sở Công Thương tỉnh Đồng Tháp',
  bases: ['Căn cứ Nghị định số 45/2012/NĐ-CP của Chính phủ về khuyến công;', 'Xét đề nghị của Trung tâm Khuyến công,'],
  decides: 'QUYẾT ĐỊNH:',
  blocks: [
    { kind: 'article', label: 'Điều 1.', text: 'Hỗ trợ Hợp tác xã Phú Thành thực hiện đề án.', items: ['1. Thời gian thực hiện: từ 01/04/2026 đến 31/10/2026.'] },
    { kind: 'amount', label: 'Kinh phí hỗ trợ', figure: '270.000.000 đồng', words: 'Hai trăm bảy mươi triệu đồng' },
    { kind: 'table', columns: [{ header: 'TT', weight: 0.4 }, { header: 'Nội dung chi', weight: 3 }, { header: 'Thành tiền (đồng)', align: 'right' }], rows: [['1', 'Máy sấy lúa 10 tấn/mẻ', '800.000.000'], ['', 'Tổng cộng', '800.000.000']], totalRows: 1 },
    { kind: 'article', label: 'Điều 2.', text: 'Quyết định có hiệu lực kể từ ngày ký./.' },
  ],
  recipients: ['Như Điều 2;', 'Lưu: VT, TTKC.'],
  signatures: [{ lines: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], name: 'Trần Văn Bình' }],
};

describe('an official paper in PDF and DOCX', () => {
  const pdf = new PdfService();
  afterAll(() => pdf.onModuleDestroy());

  it('lists its text in reading order: motto, number, kind, bases, articles, amounts in words, recipients, signing form and name', () => {
    const lines = paperLines(paper);
    expect(lines.slice(0, 6)).toEqual(['SỞ CÔNG THƯƠNG TỈNH ĐỒNG THÁP', 'Số: 12/QĐ-SCT', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Đồng Tháp, ngày 05 tháng 3 năm 2026', 'QUYẾT ĐỊNH']);
    expect(lines).toContain('Kinh phí hỗ trợ: 270.000.000 đồng');
    expect(lines).toContain('Bằng chữ: Hai trăm bảy mươi triệu đồng.');
    expect(lines.slice(-3)).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Trần Văn Bình']);
  });

  it('the PDF and the DOCX carry every line of it', async () => {
    const fromPdf = flat(pdfText(await pdf.renderToBuffer(officialPaperPdf(paper))));
    const fromDocx = flat(await docxText(await officialPaperDocx(paper)));
    const missing = (text: string) => paperLines(paper).map(flat).filter((line) => !text.includes(line));
    expect({ pdf: missing(fromPdf), docx: missing(fromDocx) }).toEqual({ pdf: [], docx: [] });
  }, 60_000);
});

/**
 * A paper whose `items` filler lines push a lead-in ("… như sau:") and its table down page 1 one
 * line at a time. The README's decision showed the lead-in alone at the foot of page 1.
 */
function leadInPaper(items: number): OfficialPaper {
  return {
    ...paper,
    blocks: [
      { kind: 'article', label: 'Điều 1.', text: 'Các nội dung thực hiện:', items: Array.from({ length: items }, (_, i) => `${i + 1}. Nội dung đệm số ${i + 1}.`) },
      { kind: 'paragraph', text: 'Chi tiết các khoản chi như sau:' },
      { kind: 'table', columns: [{ header: 'TT', weight: 0.4 }, { header: 'Khoản mục', weight: 3 }, { header: 'Thành tiền (đồng)', align: 'right' }], rows: [['1', 'Máy sấy lúa 10 tấn/mẻ', '800.000.000'], ['2', 'Lắp đặt', '20.000.000']] },
      { kind: 'article', label: 'Điều 2.', text: 'Quyết định có hiệu lực kể từ ngày ký./.' },
    ],
  };
}

/** Filler lines from a lead-in well up page 1 to one pushed onto page 2 with the filler still on page 1. */
const FIRST_FILLER = 16;
const LAST_FILLER = 24;

describe("a paper's lead-in and its table (rendered, read back page by page)", () => {
  const pdf = new PdfService();
  afterAll(() => pdf.onModuleDestroy());

  it('in the PDF, the line before a table is on the page of its header and first row, wherever it falls', async () => {
    let pushed = 0;
    for (let items = FIRST_FILLER; items <= LAST_FILLER; items++) {
      const pages = pdfPages(await pdf.renderToBuffer(officialPaperPdf(leadInPaper(items))));
      const at = pages.findIndex((p) => p.includes('Chi tiết các khoản chi như sau:'));
      const page = pages[at];
      expect({ items, header: page.includes('Khoản mục'), firstRow: page.includes('Máy sấy lúa 10 tấn/mẻ') }).toEqual({ items, header: true, firstRow: true });
      if (at === 1 && pages[0].includes(`Nội dung đệm số ${items}.`)) pushed++;
    }
    expect(pushed).toBeGreaterThan(0);
  }, 120_000);

  it('in the DOCX, the line before a table and the table header keep with the next (keepNext)', async () => {
    const xml = await docxXml(await officialPaperDocx(leadInPaper(3)));
    const paragraph = (text: string) => [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((p) => p.includes(text))!;
    expect(paragraph('Chi tiết các khoản chi như sau:')).toContain('<w:keepNext');
    expect(paragraph('Khoản mục')).toContain('<w:keepNext');
    // not every paragraph: a filler line keeps with nothing
    expect(paragraph('Nội dung đệm số 1.')).not.toContain('<w:keepNext');
  });
});
