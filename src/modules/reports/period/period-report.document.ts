import { formatMoneyVi } from '../../../common/money/format-vi';
import { FINANCE_RECIPIENTS, financeSigners } from '../annual/annual-report.document';
import type { LeaderSignature } from '../report-signature';
import type { ReportColumn, ReportDocument, ReportRow, ReportSection } from '../../../rendering/report/report-document';
import { totalsRows } from '../../../rendering/report/table-totals';
import type { PeriodFigures } from './period-report.types';

const col = (key: string, header: string, kind: ReportColumn['kind'], weight?: number, machineOnly?: boolean): ReportColumn => ({ key, header, kind, weight, machineOnly });
/** A code people read (fund, unit, decision number, treasury reference): kept on one line in the PDF. */
const codeCol = (key: string, header: string, weight?: number): ReportColumn => ({ key, header, kind: 'text', weight, keepWhole: true });

function section(key: string, title: string, columns: ReportColumn[], rows: ReportRow[], note?: string, rowCountKey?: string): ReportSection {
  return { key, title, sheetTitle: SHEET_TITLES[key], note, table: { columns, rows, totals: totalsRows(columns, rows, { rowCountKey }) } };
}

/**
 * The totals of a table of ledger movements: one per kind of movement ("Cộng: Giao dự toán",
 * "Cộng: Phân bổ cho đơn vị"…), where a kind has more than one row to add up; never one sum of
 * appropriations, allocations, commitments and payments together, which means nothing.
 */
function totalsByKind(columns: ReportColumn[], rows: ReportRow[]): ReportRow[] {
  const labelKey = columns.find((c) => c.kind === 'text' && !c.machineOnly)!.key;
  const kinds = [...new Set(rows.map((r) => r.cells.kind))];
  return kinds.flatMap((kind) => {
    const mine = rows.filter((r) => r.cells.kind === kind);
    if (mine.length < 2) return [];
    // The label stands in the kind's own column, beside the figures it adds up.
    return totalsRows(columns, mine, { label: `Cộng: ${String(mine[0].cells.kindLabel)}` }).map((t) => ({ ...t, cells: { ...t.cells, [labelKey]: null, kindLabel: t.cells[labelKey] } }));
  });
}

const SHEET_TITLES: Record<string, string> = {
  movements: 'Theo nguồn và nghiệp vụ',
  units: 'Theo đơn vị',
  approvals: 'Phê duyệt trong kỳ',
  payments: 'Chi trả trong kỳ',
  returns: 'Hoàn trả trong kỳ',
  receipts: 'Thu hồi trong kỳ',
};

/** A period report (tháng, 6 tháng, any range) as people read it, from the same figures as the JSON. */
export function periodReportDocument(f: PeriodFigures, preparedBy: string, leader?: LeaderSignature): ReportDocument {
  const multi = new Set([...f.movements.map((m) => m.currency), ...f.approvals.map((a) => a.currency)]).size > 1;
  const cur = multi ? [col('currency', 'Tiền tệ', 'text', 0.6)] : [];
  const movements = section(
    'movements',
    'Biến động kinh phí theo nguồn và loại nghiệp vụ',
    [codeCol('fundCode', 'Mã nguồn', 1), col('kind', 'Mã nghiệp vụ', 'text', 1, true), col('kindLabel', 'Nghiệp vụ', 'text', 2.5), ...cur, col('transfers', 'Số bút toán', 'count', 0.8), col('amount', 'Số tiền', 'money', 1.4)],
    f.movements.map((m) => ({ currency: m.currency, cells: { ...m } })),
    'Các bút toán sổ cái ghi trong kỳ (theo giờ Việt Nam).',
  );
  movements.table.totals = totalsByKind(movements.table.columns, movements.table.rows);
  const units = section(
    'units',
    'Biến động kinh phí theo đơn vị',
    [col('unitId', 'Mã định danh đơn vị', 'text', 1, true), codeCol('unitCode', 'Mã đơn vị', 1), col('unitName', 'Tên đơn vị', 'text', 2.4), col('kind', 'Mã nghiệp vụ', 'text', 1, true), col('kindLabel', 'Nghiệp vụ', 'text', 2.2), ...cur, col('transfers', 'Số bút toán', 'count', 0.8), col('amount', 'Số tiền', 'money', 1.4)],
    f.units.map((u) => ({ currency: u.currency, cells: { ...u } })),
    'Mỗi bút toán được tính một lần cho mỗi đơn vị có tài khoản liên quan (điều chuyển giữa hai đơn vị xuất hiện ở cả hai).',
  );
  units.table.totals = totalsByKind(units.table.columns, units.table.rows);
  const approvals = section(
    'approvals',
    'Đề án được phê duyệt trong kỳ',
    [col('applicationId', 'Mã hồ sơ', 'text', 1, true), col('title', 'Tên đề án', 'text', 3), col('establishmentName', 'Cơ sở', 'text', 2), col('unitCode', 'Mã đơn vị', 'text', 0.9, true), col('unitName', 'Đơn vị', 'text', 1.6), col('statusLabel', 'Trạng thái', 'text', 1.2), codeCol('decisionNo', 'Số quyết định', 1.1), col('decisionDate', 'Ngày quyết định', 'date', 1), ...cur, col('approvedSupport', 'Kinh phí phê duyệt', 'money', 1.4)],
    f.approvals.map((a) => ({ currency: a.currency, cells: { ...a } })),
  );
  const payments = section(
    'payments',
    'Các khoản đã chi trả trong kỳ',
    [
      col('disbursementId', 'Mã khoản chi', 'text', 1, true),
      col('applicationId', 'Mã hồ sơ', 'text', 1, true),
      col('title', 'Tên đề án', 'text', 3),
      col('kindLabel', 'Loại', 'text', 1.3),
      col('statusLabel', 'Tình trạng', 'text', 1.1),
      codeCol('treasuryRef', 'Số chứng từ kho bạc', 1.4),
      col('valueDate', 'Ngày giá trị', 'date', 1),
      ...cur,
      col('amount', 'Số tiền', 'money', 1.4),
    ],
    f.payments.map((p) => ({ currency: p.currency, cells: { ...p } })),
    'Kể cả các khoản Kho bạc đã trả lại sau đó (ghi ở mục kế tiếp theo ngày tiền về).',
  );
  const returns = section(
    'returns',
    'Các khoản chi được Kho bạc trả lại trong kỳ',
    [
      col('disbursementId', 'Mã khoản chi', 'text', 1, true),
      col('applicationId', 'Mã hồ sơ', 'text', 1, true),
      col('title', 'Tên đề án', 'text', 3),
      col('kindLabel', 'Loại', 'text', 1.3),
      col('paidOn', 'Ngày đã chi', 'date', 1),
      codeCol('treasuryRef', 'Số chứng từ hoàn trả', 1.4),
      col('valueDate', 'Ngày tiền về', 'date', 1),
      col('reason', 'Lý do', 'text', 2),
      ...cur,
      col('amount', 'Số tiền', 'money', 1.4),
    ],
    f.returns.map((r) => ({ currency: r.currency, cells: { ...r } })),
  );
  const receipts = section(
    'receipts',
    'Các khoản thu hồi đã nhận trong kỳ',
    [col('receiptId', 'Mã chứng từ', 'text', 1, true), col('recoveryId', 'Mã khoản thu hồi', 'text', 1, true), col('applicationId', 'Mã hồ sơ', 'text', 1, true), col('title', 'Tên đề án', 'text', 3), codeCol('treasuryRef', 'Số chứng từ kho bạc', 1.4), col('valueDate', 'Ngày giá trị', 'date', 1), ...cur, col('amount', 'Số tiền', 'money', 1.4)],
    f.receipts.map((r) => ({ currency: r.currency, cells: { ...r } })),
  );
  const summary = f.totals.flatMap((t) => [
    `Phân bổ trong kỳ: ${formatMoneyVi(t.allocated, t.currency)}; cam kết: ${formatMoneyVi(t.committed, t.currency)}.`,
    `Phê duyệt ${t.approvals} đề án, tổng kinh phí ${formatMoneyVi(t.approvedSupport, t.currency)}.`,
    `Chi trả ${t.payments} khoản, tổng số tiền ${formatMoneyVi(t.paid, t.currency)}.`,
    `Kho bạc trả lại ${t.returns} khoản, tổng số tiền ${formatMoneyVi(t.paidBack, t.currency)}; chi thực tế trong kỳ ${formatMoneyVi(t.netPaid, t.currency)}.`,
    `Thu hồi ${t.receipts} khoản, tổng số tiền ${formatMoneyVi(t.received, t.currency)}.`,
  ]);

  return {
    fileName: `bao-cao-ky-${f.from}-${f.to}${f.unitId ? `-${f.unitId.toLowerCase()}` : ''}`,
    numberSuffix: 'BC-SCT',
    title: 'Báo cáo',
    subtitle: `Tình hình thực hiện kinh phí khuyến công ${f.periodName}${f.unitName ? ` — ${f.unitName}` : ''}`,
    summary,
    sections: [movements, units, approvals, payments, returns, receipts],
    signers: financeSigners(preparedBy, leader),
    recipients: FINANCE_RECIPIENTS,
    orientation: 'landscape',
    generatedAt: f.generatedAt,
  };
}
