import { currencyScale } from '../../common/money/currency';
import { Decimal, plainString } from '../../common/money/decimal';
import { formatDateVi, formatNumberVi, formatPercentVi } from '../../common/money/format-vi';
import { formatMoneyForApi } from '../../common/money/money';
import type { CellValue, ReportColumn } from './report-document';

function isDecimal(value: CellValue): value is Decimal {
  return Decimal.isDecimal(value);
}

/**
 * A cell as people read it in the PDF: amounts in vi-VN form without the currency sign (the
 * table says "Đơn vị tính: đồng"), counts grouped, dates dd/mm/yyyy.
 */
export function cellForPeople(value: CellValue, column: ReportColumn, currency = 'VND'): string {
  if (value === null || value === undefined) return '';
  switch (column.kind) {
    case 'money':
      return isDecimal(value) ? formatNumberVi(value, currencyScale(currency)) : String(value);
    case 'count':
      return typeof value === 'number' ? formatNumberVi(new Decimal(value)) : String(value);
    case 'date':
      return typeof value === 'string' && value ? formatDateVi(value) : '';
    case 'percent':
      return isDecimal(value) ? formatPercentVi(value) : String(value);
    default:
      return String(value);
  }
}

/**
 * A cell as machines read it (CSV): the API's own forms, so a CSV cell equals the JSON field —
 * money as a plain decimal in the currency's places, dates `YYYY-MM-DD`, counts as integers.
 */
export function cellForMachines(value: CellValue, column: ReportColumn, currency = 'VND'): string {
  if (value === null || value === undefined) return '';
  if (column.kind === 'money' && isDecimal(value)) return formatMoneyForApi(value, currency);
  if (isDecimal(value)) return plainString(value);
  return String(value);
}

/** Roman numerals for section numbers (I, II, III, IV…), as Vietnamese official documents number parts. */
export function romanNumeral(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 4000) throw new RangeError('a section number is 1 to 3999');
  const table: Array<[number, string]> = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let rest = n;
  let out = '';
  for (const [value, letters] of table) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}
