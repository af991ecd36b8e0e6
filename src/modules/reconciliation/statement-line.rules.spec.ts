import fc from 'fast-check';
import { Decimal } from '../../common/money/decimal';
import { formatDateVi, formatNumberVi } from '../../common/money/format-vi';
import { STATEMENT_COLUMNS } from './dto/statement-format';
import {
  csvDelimiterOf,
  isBlankRecord,
  isCalendarDate,
  parseStatementAmount,
  parseStatementDate,
  parseStatementDirection,
  parseStatementRecord,
  placeInStatement,
  readStatementHeader,
  STANDARD_LAYOUT,
} from './statement-line.rules';

const VIETNAMESE_HEADER = ['Số tham chiếu', 'Ngày giá trị', 'Số tiền', 'Chiều', 'Mã số thuế người nhận', 'Nội dung'];

describe('placeInStatement', () => {
  it('names the line, and the column by its Vietnamese header', () => {
    expect(placeInStatement(3, 'amount')).toBe('dòng 3, cột Số tiền');
    expect(placeInStatement(4, 'valueDate')).toBe('dòng 4, cột Ngày giá trị');
    expect(placeInStatement(5, 'treasuryRef')).toBe('dòng 5, cột Số tham chiếu');
    expect(placeInStatement(6, 'direction')).toBe('dòng 6, cột Chiều');
    expect(placeInStatement(9)).toBe('dòng 9');
    expect(placeInStatement(1, 'header')).toBe('dòng 1 (tiêu đề)');
  });
});

describe('readStatementHeader', () => {
  it('reads the API names in the API order as the standard layout', () => {
    expect(readStatementHeader([...STATEMENT_COLUMNS])).toEqual({ layout: STANDARD_LAYOUT });
  });

  it('reads the Vietnamese headers, also without diacritics, in another case or with a note in brackets', () => {
    expect(readStatementHeader(VIETNAMESE_HEADER)).toEqual({ layout: STANDARD_LAYOUT });
    expect(readStatementHeader(['SO THAM CHIEU', 'ngay gia tri', 'Số tiền (đồng)', 'Chiều', 'Mã số thuế', 'Diễn giải '])).toEqual({ layout: STANDARD_LAYOUT });
    expect(readStatementHeader(['treasuryref', 'VALUEDATE', 'Amount', 'direction', 'payeeTaxCode', 'description'])).toEqual({ layout: STANDARD_LAYOUT });
  });

  it('reads the columns in any order, past a numbering column and blank headers', () => {
    const header = readStatementHeader(['STT', 'Ngày giá trị', 'Số tham chiếu', 'Chiều', 'Số tiền', 'Nội dung', 'Mã số thuế người nhận', '']);
    expect(header).toEqual({ layout: { width: 8, at: [2, 1, 4, 3, 6, 5] } });
  });

  it('names an unknown column, a column twice and the missing ones, on the header line', () => {
    const { problems } = readStatementHeader(['Số tham chiếu', 'Ngày giá trị', 'Số tiền', 'Số tiền', 'Ghi chú'], 2);
    expect(problems).toEqual([
      { field: 'dòng 2 (tiêu đề)', message: 'cột “Số tiền” có hai lần (cột thứ 3 và 4)' },
      { field: 'dòng 2 (tiêu đề)', message: expect.stringContaining('cột “Ghi chú” không phải cột của sao kê') },
      { field: 'dòng 2 (tiêu đề)', message: expect.stringContaining('thiếu cột “Chiều”, “Mã số thuế người nhận”, “Nội dung”') },
    ]);
  });
});

describe('csvDelimiterOf', () => {
  it('takes the separator the header line uses: a semicolon from a Vietnamese Excel, a comma, a tab', () => {
    expect(csvDelimiterOf('Số tham chiếu;Ngày giá trị;Số tiền;Chiều;Mã số thuế người nhận;Nội dung')).toBe(';');
    expect(csvDelimiterOf('treasuryRef,valueDate,amount,direction,payeeTaxCode,description')).toBe(',');
    expect(csvDelimiterOf('treasuryRef\tvalueDate\tamount\tdirection\tpayeeTaxCode\tdescription')).toBe('\t');
    expect(csvDelimiterOf('"Số tiền, đồng";Chiều;Nội dung')).toBe(';');
    expect(csvDelimiterOf('')).toBe(',');
  });
});

describe('parseStatementDate', () => {
  it.each([
    ['03/12/2026', '2026-12-03'],
    ['3/12/2026', '2026-12-03'],
    ['03-12-2026', '2026-12-03'],
    ['03.12.2026', '2026-12-03'],
    ['29/02/2024', '2024-02-29'],
    ['2026-12-03', '2026-12-03'],
  ])('reads %j as %s (day first)', (text, iso) => {
    expect(parseStatementDate(text)).toEqual({ value: iso });
  });

  it.each([['30/02/2026'], ['12/13/2026'], ['29/02/2100'], ['2026-02-30'], ['2026-13-01']])('refuses %j: not on the calendar', (text) => {
    expect(parseStatementDate(text).problem).toContain('không có trên lịch');
  });

  it.each([['2026/12/03'], ['03/12/26'], ['03/12-2026'], ['2026-3-15'], ['ngày 3 tháng 12']])('refuses %j, saying the form expected', (text) => {
    expect(parseStatementDate(text).problem).toBe('phải là ngày dạng dd/mm/yyyy, ví dụ 03/12/2026');
  });

  it('refuses an empty date', () => {
    expect(parseStatementDate('').problem).toBe('không được để trống');
  });

  it('gives back any date written dd/mm/yyyy the way the pages write it', () => {
    const dates = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(fc.property(dates, (iso) => parseStatementDate(formatDateVi(iso)).value === iso && parseStatementDate(iso).value === iso));
  });
});

describe('isCalendarDate', () => {
  it('knows leap years', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2100-02-29')).toBe(false);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('2026-04-31')).toBe(false);
    expect(isCalendarDate('2026-00-10')).toBe(false);
    expect(isCalendarDate('03/12/2026')).toBe(false);
  });
});

describe('parseStatementAmount', () => {
  it.each([
    ['70.000.000', '70000000'],
    ['70.000.000,00', '70000000'],
    ['70000000', '70000000'],
    ['70000000,00', '70000000'],
    ['1.000', '1000'],
    ['999', '999'],
    ['1', '1'],
    ['70.000.000 ₫', '70000000'],
    ['70.000.000đ', '70000000'],
    ['70.000.000 VNĐ', '70000000'],
    ['999.999.999.999.999.999', '999999999999999999'],
  ])('reads %j as %s đồng', (text, digits) => {
    expect(parseStatementAmount(text)).toEqual({ value: digits });
  });

  it.each([
    ['', 'không được để trống'],
    ['0', 'phải lớn hơn 0'],
    ['0,00', 'phải lớn hơn 0'],
    ['-5', 'không có dấu trừ'],
    ['-500.000.000', 'không có dấu trừ'],
    ['12.5', 'dấu chấm chỉ dùng để phân cách hàng nghìn'],
    ['1500000.00', 'dấu chấm chỉ dùng để phân cách hàng nghìn'],
    ['70.000.00', 'dấu chấm chỉ dùng để phân cách hàng nghìn'],
    ['70,000,000', 'ví dụ 70.000.000'],
    ['1.500.000,50', 'không có phần lẻ'],
    ['1e6', 'ví dụ 70.000.000'],
    ['70 000 000', 'ví dụ 70.000.000'],
    ['0100', 'không được bắt đầu bằng chữ số 0'],
    ['1234567890123456789', 'tối đa 18 chữ số'],
  ])('refuses %j, saying %j', (text, message) => {
    expect(parseStatementAmount(text).problem).toContain(message);
  });

  const amounts = fc.bigInt({ min: 1n, max: 10n ** 18n - 1n });

  it('gives back any amount formatted the vi-VN way (70.000.000), with or without ,00', () => {
    fc.assert(
      fc.property(amounts, (n) => {
        const formatted = formatNumberVi(new Decimal(n.toString()));
        return parseStatementAmount(formatted).value === n.toString() && parseStatementAmount(`${formatted},00`).value === n.toString();
      }),
    );
  });

  it('keeps plain digits working', () => {
    fc.assert(fc.property(amounts, (n) => parseStatementAmount(n.toString()).value === n.toString()));
  });
});

describe('parseStatementDirection', () => {
  it.each([
    ['Chi', 'out'],
    ['chi', 'out'],
    ['CHI', 'out'],
    ['Thu', 'in'],
    ['Thu hồi', 'in'],
    ['out', 'out'],
    ['in', 'in'],
    ['OUT', 'out'],
  ])('reads %j as %s', (text, direction) => {
    expect(parseStatementDirection(text)).toEqual({ value: direction });
  });

  it.each([[''], ['sideways'], ['chuyển']])('refuses %j, saying what to write', (text) => {
    expect(parseStatementDirection(text).problem).toContain('ghi “Chi” (khoản chi) hoặc “Thu” (khoản thu hồi)');
  });
});

describe('isBlankRecord', () => {
  it('is a line of empty or blank fields', () => {
    expect(isBlankRecord(['', ' ', '\u00a0'])).toBe(true);
    expect(isBlankRecord(['', 'x'])).toBe(false);
  });
});

describe('parseStatementRecord', () => {
  const good = ['KB-2026-000123', '2026-03-15', '1500000', 'out', '0312345678', 'Tạm ứng đề án'];

  it('keeps a valid line (tax code and description may be empty)', () => {
    expect(parseStatementRecord(good, 2)).toEqual({ row: { line: 2, treasuryRef: 'KB-2026-000123', valueDate: '2026-03-15', amount: '1500000', direction: 'out' } });
    expect(parseStatementRecord(['KB-1', '2024-02-29', '1', 'in', '', ''], 7).row).toMatchObject({ line: 7, direction: 'in' });
    expect(parseStatementRecord(['KB-1', '2024-02-29', '1', 'in', '0312345678-001', ''], 7).row).toBeDefined();
  });

  it('reads a line as a Vietnamese office writes it, trimming the spaces around values', () => {
    const line = ['KB-2026-000123 ', '03/12/2026', ' 70.000.000 ', 'Chi', ' ', 'Tạm ứng'];
    expect(parseStatementRecord(line, 4).row).toEqual({ line: 4, treasuryRef: 'KB-2026-000123', valueDate: '2026-12-03', amount: '70000000', direction: 'out' });
  });

  it('reads the columns where the header put them', () => {
    const header = readStatementHeader(['STT', 'Chiều', 'Số tiền', 'Ngày giá trị', 'Số tham chiếu', 'Nội dung', 'Mã số thuế người nhận']);
    const line = ['1', 'Thu', '5.000.000', '15/12/2026', 'TH-1', 'Thu hồi', ''];
    expect(parseStatementRecord(line, 2, header.layout).row).toEqual({ line: 2, treasuryRef: 'TH-1', valueDate: '2026-12-15', amount: '5000000', direction: 'in' });
    expect(parseStatementRecord(['1', 'Thu', 'abc', '15/12/2026', 'TH-1', '', ''], 3, header.layout).problems).toEqual([
      { field: 'dòng 3, cột Số tiền', message: expect.stringContaining('ví dụ 70.000.000') },
    ]);
  });

  it.each([['1e6'], ['-5'], ['1,000,000'], ['12.5'], ['1500000.00'], [''], ['0'], ['0100'], ['1234567890123456789']])(
    'refuses the amount %j, naming line and column in Vietnamese',
    (amount) => {
      const fields = [...good];
      fields[2] = amount;
      expect(parseStatementRecord(fields, 3).problems).toEqual([{ field: 'dòng 3, cột Số tiền', message: expect.any(String) }]);
    },
  );

  it.each([['2026-02-30'], ['2026-13-01'], ['31/02/2026'], ['2026-3-15'], ['']])('refuses the value date %j', (valueDate) => {
    const fields = [...good];
    fields[1] = valueDate;
    expect(parseStatementRecord(fields, 4).problems).toEqual([{ field: 'dòng 4, cột Ngày giá trị', message: expect.any(String) }]);
  });

  it.each([['ra'], ['chi tiền'], ['']])('refuses the direction %j', (direction) => {
    const fields = [...good];
    fields[3] = direction;
    expect(parseStatementRecord(fields, 5).problems).toEqual([{ field: 'dòng 5, cột Chiều', message: expect.any(String) }]);
  });

  it('refuses a bad reference, tax code, a wrong number of columns, and text that was not UTF-8', () => {
    expect(parseStatementRecord(['', ...good.slice(1)], 2).problems?.[0]).toEqual({ field: 'dòng 2, cột Số tham chiếu', message: 'không được để trống' });
    expect(parseStatementRecord(['KB 1', ...good.slice(1)], 2).problems?.[0].field).toBe('dòng 2, cột Số tham chiếu');
    expect(parseStatementRecord(['x'.repeat(65), ...good.slice(1)], 2).problems?.[0].field).toBe('dòng 2, cột Số tham chiếu');
    expect(parseStatementRecord([...good.slice(0, 4), '12345', ''], 2).problems?.[0].field).toBe('dòng 2, cột Mã số thuế người nhận');
    expect(parseStatementRecord([...good.slice(0, 5), 'x'.repeat(1001)], 2).problems?.[0]).toEqual({ field: 'dòng 2, cột Nội dung', message: 'tối đa 1000 ký tự, dòng này có 1001' });
    expect(parseStatementRecord(good.slice(0, 5), 9).problems).toEqual([{ field: 'dòng 9', message: 'cần đúng 6 cột như dòng tiêu đề, dòng này có 5 cột' }]);
    expect(parseStatementRecord([...good.slice(0, 5), 'T\uFFFDm ứng'], 2).problems).toEqual([
      { field: 'dòng 2, cột Nội dung', message: 'tệp phải được mã hóa UTF-8 (trong Excel: Lưu thành › CSV UTF-8)' },
    ]);
  });

  it('reports every problem of a line at once', () => {
    const problems = parseStatementRecord(['KB-1', '2026-02-30', '1e6', 'sideways', '', ''], 6).problems;
    expect(problems?.map((p) => p.field)).toEqual(['dòng 6, cột Ngày giá trị', 'dòng 6, cột Số tiền', 'dòng 6, cột Chiều']);
  });
});
