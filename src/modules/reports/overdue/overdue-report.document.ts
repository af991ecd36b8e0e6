import { formatDateVi } from '../../../common/money/format-vi';
import type { ReportColumn, ReportDocument, ReportRow, Signer } from '../../../rendering/report/report-document';
import { totalsRows } from '../../../rendering/report/table-totals';
import { type ApplicationStatus } from '../../applications/application-statuses';
import { statusLabel } from '../../applications/applications.labels';
import { leaderSigner, type LeaderSignature } from '../report-signature';
import type { OverdueReport } from './overdue-report.service';

const col = (key: string, header: string, kind: ReportColumn['kind'], weight?: number, machineOnly?: boolean): ReportColumn => ({ key, header, kind, weight, machineOnly });

/** The signers of an office report: the preparer, the head who checks, the leader (as `leader` signs). */
export function officeSigners(preparedBy: string, leader?: LeaderSignature): Signer[] {
  return [{ capacity: 'Người lập biểu', name: preparedBy }, { capacity: 'Trưởng phòng' }, leaderSigner(leader)];
}

/** The overdue report (theo dõi việc quá hạn) as people read it, from the JSON report's own figures. */
export function overdueReportDocument(report: OverdueReport, preparedBy: string, leader?: LeaderSignature): ReportDocument {
  const rows = <T extends object>(items: T[]): ReportRow[] => items.map((x) => ({ cells: { ...(x as Record<string, ReportRow['cells'][string]>) } }));
  const byUnitColumns = [col('unitId', 'Mã định danh đơn vị', 'text', 1, true), { ...col('unitCode', 'Mã đơn vị', 'text', 1), keepWhole: true }, col('unitName', 'Tên đơn vị', 'text', 3), col('files', 'Hồ sơ quá hạn', 'count'), col('consultations', 'Xin ý kiến quá hạn', 'count')];
  const byPersonColumns = [col('userId', 'Mã người dùng', 'text', 1, true), col('fullName', 'Người chịu trách nhiệm', 'text', 3), col('unitId', 'Mã đơn vị', 'text', 1, true), col('files', 'Hồ sơ quá hạn', 'count'), col('oldestDueDate', 'Hạn sớm nhất', 'date')];
  const fileColumns = [
    col('applicationId', 'Mã hồ sơ', 'text', 1, true),
    col('title', 'Tên đề án', 'text', 3),
    col('status', 'Trạng thái', 'text', 1.2),
    col('fiscalYear', 'Năm', 'count', 0.6),
    col('leadUnitName', 'Đơn vị chủ trì', 'text', 2),
    col('officerName', 'Chuyên viên', 'text', 1.6),
    col('dueDate', 'Hạn xử lý', 'date'),
    col('daysOverdue', 'Số ngày quá hạn', 'count', 0.8),
  ];
  const consultationColumns = [
    col('consultationId', 'Mã xin ý kiến', 'text', 1, true),
    col('applicationId', 'Mã hồ sơ', 'text', 1, true),
    col('applicationTitle', 'Tên đề án', 'text', 3),
    col('unitName', 'Đơn vị được xin ý kiến', 'text', 2),
    col('requestedByName', 'Người xin ý kiến', 'text', 1.6),
    col('dueDate', 'Hạn trả lời', 'date'),
    col('daysOverdue', 'Số ngày quá hạn', 'count', 0.8),
  ];
  const settlementColumns = [
    col('applicationId', 'Mã hồ sơ', 'text', 1, true),
    col('title', 'Tên đề án', 'text', 3),
    col('leadUnitName', 'Đơn vị chủ trì', 'text', 2),
    col('officerName', 'Chuyên viên', 'text', 1.6),
    col('dueDate', 'Hạn nộp quyết toán', 'date'),
    col('daysOverdue', 'Số ngày quá hạn', 'count', 0.8),
  ];
  const byUnit = rows(report.byUnit);
  const byPerson = rows(report.byPerson);
  const files = report.files.map((f) => ({ cells: { ...f, status: statusLabel(f.status as ApplicationStatus) ?? f.status } }));
  const consultations = rows(report.consultations);
  return {
    fileName: `bao-cao-qua-han-${report.today}`,
    numberSuffix: 'BC-SCT',
    title: 'Báo cáo',
    subtitle: `Tình hình hồ sơ và xin ý kiến quá hạn đến ngày ${formatDateVi(report.today)}`,
    summary: [
      `Tổng số: ${report.totals.files} hồ sơ quá hạn xử lý; ${report.totals.consultations} yêu cầu xin ý kiến quá hạn chưa trả lời (coi như đồng ý theo Điều 13.5); ${report.totals.settlements} hồ sơ quá hạn nộp quyết toán.`,
    ],
    sections: [
      { key: 'byUnit', title: 'Theo đơn vị', table: { columns: byUnitColumns, rows: byUnit, totals: totalsRows(byUnitColumns, byUnit) } },
      { key: 'byPerson', title: 'Theo người chịu trách nhiệm', table: { columns: byPersonColumns, rows: byPerson, totals: totalsRows(byPersonColumns, byPerson) } },
      { key: 'files', title: 'Hồ sơ quá hạn xử lý', table: { columns: fileColumns, rows: files, totals: [{ cells: { title: `Tổng cộng: ${report.totals.files} hồ sơ` } }] } },
      { key: 'consultations', title: 'Xin ý kiến quá hạn', note: 'Đơn vị không trả lời đúng hạn được coi là đồng ý (Điều 13.5 Quy chế làm việc).', table: { columns: consultationColumns, rows: consultations, totals: [{ cells: { applicationTitle: `Tổng cộng: ${report.totals.consultations} yêu cầu` } }] } },
      { key: 'settlements', title: 'Quá hạn nộp quyết toán', note: 'Hồ sơ đã nghiệm thu đạt nhưng chưa nộp quyết toán trong thời hạn quy định.', table: { columns: settlementColumns, rows: rows(report.settlements), totals: [{ cells: { title: `Tổng cộng: ${report.totals.settlements} hồ sơ` } }] } },
    ],
    signers: officeSigners(preparedBy, leader),
    recipients: ['Giám đốc, các Phó Giám đốc;', 'Các phòng, đơn vị;', 'Lưu: VT, VP.'],
    orientation: 'landscape',
    generatedAt: new Date(report.generatedAt),
  };
}
