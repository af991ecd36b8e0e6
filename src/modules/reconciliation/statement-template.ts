import ExcelJS from 'exceljs';
import { Decimal } from '../../common/money/decimal';
import { formatDateVi, formatNumberVi } from '../../common/money/format-vi';
import { STATEMENT_COLUMN_LABELS, STATEMENT_COLUMNS } from './dto/statement-format';

/**
 * Two lines showing how each column is written; the preview shows them if they are left in. The
 * amounts are small constants, written as Excel numbers in the XLSX (its cells hold doubles).
 */
const EXAMPLES = [
  { ref: 'VI-DU-0001', amount: 70_000_000, direction: 'Chi', taxCode: '0312345678', description: 'Dòng ví dụ: tạm ứng kinh phí đề án (xóa trước khi nhập)' },
  { ref: 'VI-DU-0002', amount: 5_000_000, direction: 'Thu', taxCode: '', description: 'Dòng ví dụ: thu hồi kinh phí (xóa trước khi nhập)' },
];

const HEADERS = STATEMENT_COLUMNS.map((column) => STATEMENT_COLUMN_LABELS[column]);

const GUIDE: Array<[string, string]> = [
  [STATEMENT_COLUMN_LABELS.treasuryRef, 'Số chứng từ Kho bạc của khoản chi hoặc khoản thu, như đã ghi khi chi trả (chữ không dấu, chữ số và . _ / -). Mỗi số chỉ một lần cho mỗi chiều.'],
  [STATEMENT_COLUMN_LABELS.valueDate, 'Ngày giá trị dạng dd/mm/yyyy, ví dụ 03/12/2026 (cũng nhận 2026-12-03).'],
  [STATEMENT_COLUMN_LABELS.amount, 'Số tiền bằng đồng, ví dụ 70.000.000 hoặc 70000000; không có phần lẻ.'],
  [STATEMENT_COLUMN_LABELS.direction, '“Chi” cho khoản chi (tạm ứng, thanh toán), “Thu” cho khoản thu hồi hoặc tiền Kho bạc trả về.'],
  [STATEMENT_COLUMN_LABELS.payeeTaxCode, 'Mã số thuế người nhận: 10 chữ số, hoặc 10 chữ số-3 chữ số (chi nhánh); có thể để trống.'],
  [STATEMENT_COLUMN_LABELS.description, 'Nội dung giao dịch, tối đa 1000 ký tự; có thể để trống.'],
];

/**
 * The statement template as CSV: UTF-8 with a BOM and `;` between fields, which Excel on a
 * Windows set to Vietnamese opens in columns and saves back the same way.
 */
export function statementTemplateCsv(today: string): Buffer {
  const quote = (field: string) => (/[;"\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);
  const examples = EXAMPLES.map((e) => [e.ref, formatDateVi(today), formatNumberVi(new Decimal(e.amount)), e.direction, e.taxCode, e.description]);
  const lines = [HEADERS, ...examples].map((fields) => fields.map(quote).join(';'));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/**
 * The statement template as XLSX: the sheet to fill first (the import reads the first sheet),
 * reference and tax code columns as text so Excel keeps their leading zeros, then a guide.
 */
export async function statementTemplateXlsx(today: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'KCFund';
  const sheet = workbook.addWorksheet('Sao kê', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = HEADERS.map((header, i) => ({ header, width: [18, 14, 18, 8, 24, 60][i] }));
  sheet.getRow(1).font = { bold: true };
  for (const column of [1, 5]) sheet.getColumn(column).numFmt = '@';
  sheet.getColumn(2).numFmt = 'dd/mm/yyyy';
  sheet.getColumn(3).numFmt = '#,##0';
  for (const e of EXAMPLES) sheet.addRow([e.ref, new Date(`${today}T00:00:00Z`), e.amount, e.direction, e.taxCode, e.description]);
  const guide = workbook.addWorksheet('Hướng dẫn');
  guide.columns = [
    { header: 'Cột', width: 26 },
    { header: 'Cách ghi', width: 100 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const line of GUIDE) guide.addRow(line);
  guide.addRow([]);
  guide.addRow(['Lưu ý', 'Dòng 1 của trang “Sao kê” là dòng tiêu đề; mỗi dòng sau là một giao dịch. Xóa hai dòng ví dụ trước khi nhập.']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
