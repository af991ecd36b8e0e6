import { join } from 'node:path';
import { numberLine, officialDocument, placeDateLine } from './official-layout';
import { bodyInSentence, issuerLines } from '../paper/official-text';
import { reportsDirectory } from './reports-directory';

describe('official document layout', () => {
  it('writes the place-date line as administrative documents do', () => {
    expect(placeDateLine('Đồng Tháp', '2026-11-23')).toBe('Đồng Tháp, ngày 23 tháng 11 năm 2026');
    expect(placeDateLine('Đồng Tháp', '2026-02-05')).toBe('Đồng Tháp, ngày 05 tháng 02 năm 2026');
    expect(placeDateLine('Hải Phòng', '2026-03-09')).toBe('Hải Phòng, ngày 09 tháng 3 năm 2026');
  });

  it('breaks a long issuing body before its province, and names it in a sentence', () => {
    expect(issuerLines('Sở Công Thương tỉnh Đồng Tháp')).toEqual(['SỞ CÔNG THƯƠNG', 'TỈNH ĐỒNG THÁP']);
    expect(issuerLines('SỞ CÔNG THƯƠNG THÀNH PHỐ HẢI PHÒNG')).toEqual(['SỞ CÔNG THƯƠNG', 'THÀNH PHỐ HẢI PHÒNG']);
    expect(issuerLines('SỞ CÔNG THƯƠNG')).toEqual(['SỞ CÔNG THƯƠNG']);
    expect(bodyInSentence('SỞ CÔNG THƯƠNG TỈNH ĐỒNG THÁP')).toBe('Sở Công Thương tỉnh Đồng Tháp');
    expect(bodyInSentence('SỞ CÔNG THƯƠNG THÀNH PHỐ HẢI PHÒNG')).toBe('Sở Công Thương thành phố Hải Phòng');
  });

  it('leaves the number for the office to fill in', () => {
    expect(numberLine('BC-SCT')).toBe('Số: ......./BC-SCT');
    expect(numberLine('QĐ-SCT', '12')).toBe('Số: 12/QĐ-SCT');
  });

  it('builds an A4 definition of pure data with the motto, the title and a page-number footer marker', () => {
    const doc = officialDocument({ issuingBody: 'Sở Công Thương tỉnh Đồng Tháp', numberSuffix: 'BC-SCT', place: 'Đồng Tháp', date: '2026-11-23', title: 'Báo cáo', content: ['x'], signers: [{ capacity: 'Giám đốc' }] });
    expect(doc.pageSize).toBe('A4');
    expect(doc.footer).toEqual({ pageNumbers: expect.objectContaining({ template: 'Trang {page}/{pages}' }) });
    const text = JSON.stringify(doc);
    for (const s of ['SỞ CÔNG THƯƠNG TỈNH ĐỒNG THÁP', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'BÁO CÁO', 'GIÁM ĐỐC']) expect(text).toContain(s);
    expect(JSON.parse(text)).toEqual(doc);
  });

  it('ships fonts with every Vietnamese letter and the đồng sign', () => {
    // fontkit is pdfkit's own font reader (pdfmake → pdfkit → fontkit).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fontkit = require('fontkit');
    const letters = 'ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđĐăâêôơưĂÂÊÔƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ₫';
    for (const file of ['Roboto-Regular.ttf', 'Roboto-Medium.ttf', 'Roboto-Italic.ttf', 'Roboto-MediumItalic.ttf']) {
      const font = fontkit.openSync(join(reportsDirectory(), 'fonts', file));
      expect([...letters].filter((c) => !font.hasGlyphForCodePoint(c.codePointAt(0)!))).toEqual([]);
    }
  });
});
