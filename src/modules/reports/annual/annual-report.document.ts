import { formatMoneyVi, formatPercentVi } from '../../../common/money/format-vi';
import type { ReportColumn, ReportDocument, ReportRow, ReportSection, Signer } from '../../../rendering/report/report-document';
import { totalsRows } from '../../../rendering/report/table-totals';
import { FUND_SOURCE_LABELS } from '../../ledger/ledger.labels';
import { leaderSigner, type LeaderSignature } from '../report-signature';
import type { AnnualFigures } from './annual-report.types';

const col = (key: string, header: string, kind: ReportColumn['kind'], weight?: number, machineOnly?: boolean): ReportColumn => ({ key, header, kind, weight, machineOnly });
/** A code people read (fund, unit, commune, decision number): kept on one line in the PDF. */
const codeCol = (key: string, header: string, weight?: number): ReportColumn => ({ key, header, kind: 'text', weight, keepWhole: true });

/** The signers of a finance report, by capacity; the leader's column as `leader` signs it. */
export function financeSigners(preparedBy: string, leader?: LeaderSignature): Signer[] {
  return [{ capacity: 'Người lập biểu', name: preparedBy }, { capacity: 'Kế toán trưởng' }, leaderSigner(leader)];
}

export const FINANCE_RECIPIENTS = ['UBND tỉnh (để báo cáo);', 'Bộ Công Thương (Cục Công Thương địa phương);', 'Sở Tài chính;', 'Kho bạc Nhà nước tỉnh;', 'Lưu: VT, KHTC.'];

function section(key: string, title: string, columns: ReportColumn[], rows: ReportRow[], options: { note?: string; rowCountKey?: string; totals?: boolean } = {}): ReportSection {
  return {
    key,
    title,
    sheetTitle: SHEET_TITLES[key],
    note: options.note,
    table: { columns, rows, totals: options.totals === false ? undefined : totalsRows(columns, rows, { rowCountKey: options.rowCountKey }) },
  };
}

const SHEET_TITLES: Record<string, string> = {
  funds: 'Nguồn kinh phí',
  units: 'Theo đơn vị',
  activityTypes: 'Theo loại hoạt động',
  communes: 'Theo xã, phường',
  applications: 'Danh sách đề án',
  settlements: 'Quyết toán',
  recoveriesOutstanding: 'Thu hồi còn phải thu',
  overdue: 'Việc quá hạn',
};

/** A currency column only when the report mixes currencies (a VND-only province never sees it). */
function currencyColumn(multi: boolean): ReportColumn[] {
  return multi ? [col('currency', 'Tiền tệ', 'text', 0.6)] : [];
}

/**
 * The annual review (báo cáo tổng kết năm) as people read it: eight numbered sections built from
 * the same figures as the JSON. Landscape, because the budget tables are wide.
 */
export function annualReportDocument(f: AnnualFigures, preparedBy: string, leader?: LeaderSignature): ReportDocument {
  const currencies = new Set([...f.funds.map((x) => x.currency), ...f.applications.map((x) => x.currency)]);
  const multi = currencies.size > 1;
  const cur = currencyColumn(multi);
  const execution = [
    col('allocated', 'Đã phân bổ', 'money'),
    col('committed', 'Đang cam kết', 'money'),
    col('disbursed', 'Đã giải ngân', 'money'),
    col('recovered', 'Đã thu hồi', 'money'),
    col('available', 'Còn khả dụng', 'money'),
  ];

  const funds = section(
    'funds',
    'Kinh phí theo nguồn',
    [codeCol('fundCode', 'Mã nguồn', 0.9), col('fundName', 'Tên nguồn kinh phí', 'text', 2), col('source', 'Loại nguồn', 'text', 1.2), ...cur, col('appropriated', 'Dự toán được giao', 'money'), col('carriedIn', 'Năm trước chuyển sang', 'money'), col('unallocated', 'Chưa phân bổ', 'money'), ...execution],
    f.funds.map((x) => ({ currency: x.currency, cells: { ...x, source: FUND_SOURCE_LABELS[x.source] ?? x.source } })),
    { note: 'Đã phân bổ = còn khả dụng + đang cam kết + đã giải ngân − đã thu hồi (theo số dư sổ cái).' },
  );

  const unitRows = f.units.map((x) => ({ currency: x.currency, cells: { ...x } }));
  const units = section(
    'units',
    'Phân bổ và thực hiện theo đơn vị',
    [col('unitId', 'Mã định danh đơn vị', 'text', 1, true), codeCol('unitCode', 'Mã đơn vị', 0.9), col('unitName', 'Tên đơn vị', 'text', 2.4), ...cur, col('applications', 'Số đề án', 'count', 0.6), ...execution],
    unitRows,
  );
  const vnd = f.units.filter((u) => u.currency === 'VND').sort((a, b) => b.allocated.comparedTo(a.allocated));
  const shown = vnd.slice(0, 25);
  units.chart = {
    title: `Biểu đồ: kinh phí phân bổ và giải ngân theo đơn vị${vnd.length > shown.length ? ` (${shown.length} đơn vị được phân bổ nhiều nhất)` : ''}`,
    series: ['Đã phân bổ', 'Đã giải ngân'],
    currency: 'VND',
    bars: shown.map((u) => ({ label: u.unitName ?? u.unitCode ?? u.unitId, values: [u.allocated, u.disbursed] })),
  };

  const groupColumns = [col('applications', 'Số đề án', 'count', 0.6), col('approvedSupport', 'Kinh phí phê duyệt', 'money'), col('committed', 'Đang cam kết', 'money'), col('disbursed', 'Đã giải ngân', 'money'), col('recovered', 'Đã thu hồi', 'money')];
  const activities = section(
    'activityTypes',
    'Thực hiện theo loại hoạt động khuyến công',
    // The activity type by its Vietnamese name; its internal code ("machinery") only for machines.
    [col('code', 'Mã hoạt động', 'text', 1.2, true), col('name', 'Loại hoạt động', 'text', 4.2), ...cur, ...groupColumns],
    f.activityTypes.map((x) => ({ currency: x.currency, cells: { ...x, code: x.code ?? '(không xác định)', name: x.name ?? '(không xác định)' } })),
    { note: 'Số đề án và kinh phí phê duyệt: các đề án đã phê duyệt còn hiệu lực; cam kết, giải ngân, thu hồi: số dư sổ cái của mọi đề án trong năm.' },
  );
  const communes = section(
    'communes',
    'Thực hiện theo xã, phường',
    [codeCol('communeCode', 'Mã xã, phường', 1), col('communeName', 'Tên xã, phường', 'text', 2.5), col('provinceName', 'Tỉnh, thành phố', 'text', 1.8), ...cur, ...groupColumns],
    f.communes.map((x) => ({ currency: x.currency, cells: { ...x, communeCode: x.communeCode ?? '(không xác định)' } })),
  );

  const applications = section(
    'applications',
    'Danh sách đề án',
    [
      col('applicationId', 'Mã hồ sơ', 'text', 1, true),
      col('title', 'Tên đề án', 'text', 5),
      // The PDF lists 10,000 files in seconds only with few words per row: the details that
      // identify a file beyond its title stay in the CSV and XLSX (machineOnly).
      col('establishmentName', 'Cơ sở thực hiện', 'text', 2.2, true),
      col('activityTypeCode', 'Hoạt động', 'text', 1.3, true),
      col('communeCode', 'Mã xã', 'text', 0.7, true),
      col('communeName', 'Xã, phường', 'text', 1.5, true),
      col('unitCode', 'Đơn vị', 'text', 0.9, true),
      col('fundCode', 'Nguồn', 'text', 0.8, true),
      ...cur,
      col('status', 'Mã trạng thái', 'text', 1, true),
      col('statusLabel', 'Trạng thái', 'text', 1.2),
      codeCol('decisionNo', 'Số quyết định', 1.1),
      col('decisionDate', 'Ngày quyết định', 'date', 1, true),
      col('approvedSupport', 'Kinh phí phê duyệt', 'money', 1.3),
      col('committed', 'Đang cam kết', 'money', 1.2, true),
      col('disbursed', 'Đã giải ngân', 'money', 1.3),
      col('recovered', 'Đã thu hồi', 'money', 1.2, true),
    ],
    f.applications.map((x) => ({ currency: x.currency, cells: { ...x } })),
  );

  const settlements = section(
    'settlements',
    'Quyết toán',
    [
      col('settlementId', 'Mã quyết toán', 'text', 1, true),
      col('applicationId', 'Mã hồ sơ', 'text', 1, true),
      col('title', 'Tên đề án', 'text', 3),
      ...cur,
      col('statusLabel', 'Trạng thái', 'text', 1.1),
      col('actualEligibleCost', 'Chi phí hợp lệ thực tế', 'money'),
      col('approvedSupport', 'Kinh phí phê duyệt', 'money'),
      col('finalSupport', 'Kinh phí quyết toán', 'money'),
      col('paid', 'Đã chi trả', 'money'),
      col('recovered', 'Đã thu hồi', 'money'),
      col('balance', 'Còn phải chi (+) / thu hồi (−)', 'money'),
    ],
    f.settlements.map((x) => ({ currency: x.currency, cells: { ...x } })),
  );

  const recoveries = section(
    'recoveriesOutstanding',
    'Các khoản thu hồi còn phải thu',
    [
      col('recoveryId', 'Mã khoản thu hồi', 'text', 1, true),
      col('applicationId', 'Mã hồ sơ', 'text', 1, true),
      col('title', 'Tên đề án', 'text', 3),
      col('establishmentName', 'Cơ sở', 'text', 2),
      ...cur,
      col('openedOn', 'Ngày lập', 'date', 0.9),
      col('amount', 'Số phải thu', 'money'),
      col('received', 'Đã thu', 'money'),
      col('outstanding', 'Còn phải thu', 'money'),
    ],
    f.recoveriesOutstanding.map((x) => ({ currency: x.currency, cells: { ...x } })),
  );

  const overdueColumns = [
    col('kind', 'Mã loại', 'text', 1, true),
    col('kindLabel', 'Loại việc', 'text', 1.8),
    col('applicationId', 'Mã hồ sơ', 'text', 1, true),
    col('title', 'Tên đề án', 'text', 3),
    col('unitName', 'Đơn vị', 'text', 1.8),
    col('responsible', 'Người chịu trách nhiệm', 'text', 1.6),
    col('dueDate', 'Hạn xử lý', 'date', 0.9),
    col('daysOverdue', 'Số ngày quá hạn', 'count', 0.8),
  ];
  const overdueRows = f.overdue.map((x) => ({ cells: { ...x } }));
  const overdue = section('overdue', 'Việc quá hạn', overdueColumns, overdueRows, { totals: false });
  overdue.table.totals = [{ cells: { kindLabel: `Tổng cộng: ${f.overdue.length} việc` } }];

  const summary = f.totals.flatMap((t) => {
    const rate = t.allocated.isZero() ? '' : ` (${formatPercentVi(t.disbursed.div(t.allocated))} kinh phí đã phân bổ)`;
    const vi = (v: Parameters<typeof formatMoneyVi>[0]) => formatMoneyVi(v, t.currency);
    return [
      `Dự toán được giao: ${vi(t.appropriated)}; đã phân bổ: ${vi(t.allocated)}; chưa phân bổ: ${vi(t.unallocated)}.`,
      `Đã giải ngân: ${vi(t.disbursed)}${rate}; đang cam kết: ${vi(t.committed)}; đã thu hồi: ${vi(t.recovered)}.`,
      `Số đề án được phê duyệt: ${t.applications}, tổng kinh phí phê duyệt: ${vi(t.approvedSupport)}.`,
    ];
  });

  return {
    fileName: `bao-cao-tong-ket-${f.fiscalYear}${f.unitId ? `-${f.unitId.toLowerCase()}` : ''}`,
    numberSuffix: 'BC-SCT',
    title: 'Báo cáo',
    subtitle: `Tổng kết tình hình thực hiện kinh phí khuyến công năm ${f.fiscalYear}${f.unitName ? ` — ${f.unitName}` : ''}`,
    summary,
    sections: [funds, units, activities, communes, applications, settlements, recoveries, overdue],
    signers: financeSigners(preparedBy, leader),
    recipients: FINANCE_RECIPIENTS,
    orientation: 'landscape',
    generatedAt: f.generatedAt,
  };
}
