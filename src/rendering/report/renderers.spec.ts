import { Money } from '../../common/money/decimal';
import { cellForMachines, cellForPeople, romanNumeral } from './cells';
import { csvField, renderCsv, UTF8_BOM } from './csv.renderer';
import { columnWidths, reportPdf } from './pdf-report.layout';
import type { ReportDocument } from './report-document';
import { totalsRows } from './table-totals';
import { sheetName, spreadsheetNumber } from './xlsx.renderer';

describe('cells', () => {
  const money = { key: 'm', header: 'Số tiền', kind: 'money' as const };
  it('shows money in vi-VN form for people and in the API form for machines', () => {
    expect(cellForPeople(new Money('1250000'), money)).toBe('1.250.000');
    expect(cellForPeople(new Money('1234.5'), money, 'USD')).toBe('1.234,50');
    expect(cellForMachines(new Money('1250000'), money)).toBe('1250000');
    expect(cellForMachines(new Money('12.3'), money, 'USD')).toBe('12.30');
    expect(cellForPeople('2026-11-23', { key: 'd', header: '', kind: 'date' })).toBe('23/11/2026');
    expect(cellForPeople(12500, { key: 'n', header: '', kind: 'count' })).toBe('12.500');
    expect(cellForPeople(null, money)).toBe('');
  });

  it('numbers sections in Roman numerals', () => {
    expect([1, 2, 3, 4, 8, 9, 14, 40].map(romanNumeral)).toEqual(['I', 'II', 'III', 'IV', 'VIII', 'IX', 'XIV', 'XL']);
    expect(() => romanNumeral(0)).toThrow(RangeError);
  });
});

describe('CSV', () => {
  it('quotes separators, quotes and line breaks, and defuses formulas in text', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=SUM(A1)', { text: true })).toBe("'=SUM(A1)");
    expect(csvField('-5')).toBe('-5');
  });

  it('writes a BOM, numbered blocks, Vietnamese headers and totals', () => {
    const columns = [{ key: 'name', header: 'Tên đơn vị', kind: 'text' as const }, { key: 'amount', header: 'Số tiền', kind: 'money' as const }];
    const rows = [{ cells: { name: 'Xã Mỹ Hiệp', amount: new Money('1000') } }, { cells: { name: 'Phường 1, TP', amount: new Money('250') } }];
    const doc: ReportDocument = {
      fileName: 'x',
      numberSuffix: 'BC',
      title: 'Báo cáo',
      sections: [{ key: 's', title: 'Theo đơn vị', table: { columns, rows, totals: totalsRows(columns, rows) } }],
      signers: [],
      generatedAt: new Date(),
    };
    expect(renderCsv(doc)).toBe(`${UTF8_BOM}Báo cáo\r\n\r\nI. Theo đơn vị\r\nTên đơn vị,Số tiền\r\nXã Mỹ Hiệp,1000\r\n"Phường 1, TP",250\r\nTổng cộng,1250\r\n\r\n`);
  });
});

describe('totals rows', () => {
  it('sums money per currency with Decimal and labels each', () => {
    const columns = [{ key: 'name', header: 'Tên', kind: 'text' as const }, { key: 'n', header: 'Số', kind: 'count' as const }, { key: 'a', header: 'Tiền', kind: 'money' as const }];
    const rows = [
      { currency: 'VND', cells: { name: 'A', n: 2, a: new Money('0.1') } },
      { currency: 'USD', cells: { name: 'B', n: 1, a: new Money('12.30') } },
      { currency: 'VND', cells: { name: 'C', n: 3, a: new Money('0.2') } },
    ];
    const totals = totalsRows(columns, rows);
    expect(totals.map((t) => [t.currency, t.cells.name, t.cells.n, String(t.cells.a)])).toEqual([
      ['VND', 'Tổng cộng (VND)', 5, '0.3'],
      ['USD', 'Tổng cộng (USD)', 1, '12.3'],
    ]);
  });
});

describe('XLSX', () => {
  it('makes an amount a spreadsheet number only where a double holds it exactly', () => {
    expect(spreadsheetNumber(new Money('1250000'), 0)).toBe(1250000);
    expect(spreadsheetNumber(new Money('12.30'), 2)).toBe(12.3);
    expect(spreadsheetNumber(new Money('999999999999999999'), 0)).toBe('999999999999999999');
  });

  it('names sheets within Excel limits, uniquely', () => {
    const taken = new Set<string>();
    expect(sheetName(1, 'Theo đơn vị', taken)).toBe('1. Theo đơn vị');
    expect(sheetName(2, 'Thu hồi: còn [phải] thu / tồn đọng rất là dài dòng', taken)).toHaveLength(31);
    expect(sheetName(1, 'Theo đơn vị', taken)).toBe('1. Theo đơn vị (2)');
  });
});

describe('PDF widths', () => {
  it('shares 100 % of the table by weight', () => {
    const widths = columnWidths([2, 1, 1]);
    expect(widths).toEqual(['50%', '25%', '25%']);
    expect(columnWidths([3, 1, 1, 1]).reduce((s, w) => s + Number.parseFloat(w), 0)).toBeCloseTo(100, 5);
  });
});

describe('PDF prose sections', () => {
  it('prints a section written in words as headed paragraphs, not as its table, the heading kept with the first block', () => {
    const doc: ReportDocument = {
      fileName: 'x',
      numberSuffix: 'BC',
      title: 'Báo cáo',
      sections: [
        {
          key: 'assessment',
          title: 'Đánh giá chung',
          table: { columns: [{ key: 'heading', header: 'Nội dung', kind: 'text' }, { key: 'text', header: 'Đánh giá', kind: 'text' }], rows: [{ cells: { heading: 'Kết quả đạt được', text: 'Một.\n\nHai.' } }] },
          prose: [
            { heading: 'Kết quả đạt được', text: 'Một.\n\nHai.' },
            { heading: 'Khó khăn, vướng mắc', text: '' },
          ],
        },
      ],
      signers: [],
      generatedAt: new Date(),
    };
    const json = JSON.stringify(reportPdf(doc, { issuingBody: 'SỞ CÔNG THƯƠNG', place: 'Đồng Tháp', date: '2026-12-01' }).content);
    expect(json).not.toContain('"table"');
    expect(json).not.toContain('Đánh giá"');
    const texts = [...json.matchAll(/"text":"([^"]*)"/g)].map((m) => m[1]);
    expect(texts).toEqual(expect.arrayContaining(['I. Đánh giá chung', '1. Kết quả đạt được', 'Một.', 'Hai.', '2. Khó khăn, vướng mắc', '(Chưa có nội dung.)']));
    // the section's heading and the first block's heading and paragraph in one unbreakable stack
    expect(json).toMatch(/\{"stack":\[\{"text":"I\. Đánh giá chung","style":"section"\},\{"text":"1\. Kết quả đạt được","style":"proseHeading"\},\{"text":"Một\.","style":"prose"\}\],"unbreakable":true\}/);
  });
});
