import ExcelJS from 'exceljs';
import { readSpreadsheetRows, spreadsheetCellText } from './statement-spreadsheet';
import { statementTemplateCsv, statementTemplateXlsx } from './statement-template';
import { csvDelimiterOf, parseStatementRecord, readStatementHeader } from './statement-line.rules';

describe('spreadsheetCellText', () => {
  it('writes each kind of cell as the text a CSV of it would hold', () => {
    expect(spreadsheetCellText(null)).toBe('');
    expect(spreadsheetCellText(undefined)).toBe('');
    expect(spreadsheetCellText('70.000.000')).toBe('70.000.000');
    expect(spreadsheetCellText(70000000)).toBe('70000000');
    expect(spreadsheetCellText(1500000.5)).toBe('1500000,5');
    expect(spreadsheetCellText(2 ** 60)).toBe('1.152921504606847e+18'); // a double cannot hold it: refused, not rounded
    expect(spreadsheetCellText(new Date('2026-12-03T00:00:00Z'))).toBe('2026-12-03');
    expect(spreadsheetCellText({ richText: [{ text: 'Tạm ' }, { text: 'ứng' }] })).toBe('Tạm ứng');
    expect(spreadsheetCellText({ formula: 'A1*3', result: 300000 })).toBe('300000');
    expect(spreadsheetCellText({ formula: 'A1' })).toBe('');
    expect(spreadsheetCellText({ text: 'KB-1', hyperlink: 'https://example.vn' })).toBe('KB-1');
    expect(spreadsheetCellText({ error: '#N/A' })).toBe('#N/A');
    expect(spreadsheetCellText(true)).toBe('TRUE');
  });
});

describe('the templates', () => {
  it('CSV: BOM, semicolons, the Vietnamese header and two example lines every rule accepts', () => {
    const text = statementTemplateCsv('2026-12-03').toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...lines] = text.slice(1).trimEnd().split('\r\n');
    expect(csvDelimiterOf(header)).toBe(';');
    const { layout } = readStatementHeader(header.split(';'));
    expect(layout).toBeDefined();
    expect(lines.map((line, i) => parseStatementRecord(line.split(';'), i + 2, layout).row)).toEqual([
      { line: 2, treasuryRef: 'VI-DU-0001', valueDate: '2026-12-03', amount: '70000000', direction: 'out' },
      { line: 3, treasuryRef: 'VI-DU-0002', valueDate: '2026-12-03', amount: '5000000', direction: 'in' },
    ]);
  });

  it('XLSX: the sheet to fill first, read back by the import as the same two lines', async () => {
    const file = await statementTemplateXlsx('2026-12-03');
    const rows: Array<[string[], number]> = [];
    await readSpreadsheetRows(file, { width: () => 6, row: (fields, line) => rows.push([fields, line]), stopped: () => false });
    expect(rows).toEqual([
      [['Số tham chiếu', 'Ngày giá trị', 'Số tiền', 'Chiều', 'Mã số thuế người nhận', 'Nội dung'], 1],
      [['VI-DU-0001', '2026-12-03', '70000000', 'Chi', '0312345678', expect.stringContaining('Dòng ví dụ')], 2],
      [['VI-DU-0002', '2026-12-03', '5000000', 'Thu', '', expect.stringContaining('Dòng ví dụ')], 3],
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as never);
    expect(book.worksheets[1].name).toBe('Hướng dẫn');
  });
});
