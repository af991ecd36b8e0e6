/** The treasury statement's columns, by their API names (API.md, Reconciliation), in the template's order. */
export const STATEMENT_COLUMNS = ['treasuryRef', 'valueDate', 'amount', 'direction', 'payeeTaxCode', 'description'] as const;
export type StatementColumn = (typeof STATEMENT_COLUMNS)[number];

/**
 * Each column's Vietnamese header: the template writes these, and every problem names the column
 * by it (a person reading "dòng 3, cột Số tiền" finds the cell; "amount" means nothing to them).
 */
export const STATEMENT_COLUMN_LABELS: Record<StatementColumn, string> = {
  treasuryRef: 'Số tham chiếu',
  valueDate: 'Ngày giá trị',
  amount: 'Số tiền',
  direction: 'Chiều',
  payeeTaxCode: 'Mã số thuế người nhận',
  description: 'Nội dung',
};
