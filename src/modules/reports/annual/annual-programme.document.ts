import { formatMoneyVi, formatNumberVi, formatPercentVi } from '../../../common/money/format-vi';
import { Decimal } from '../../../common/money/decimal';
import type { ReportColumn, ReportDocument, ReportSection } from '../../../rendering/report/report-document';
import { totalsRows } from '../../../rendering/report/table-totals';
import { OUTCOME_FIELDS, OUTCOME_LABELS } from '../../disbursements/disbursements.labels';
import type { LeaderSignature } from '../report-signature';
import { annualReportDocument } from './annual-report.document';
import type { AnnualFigures, ProgrammeFigures } from './annual-report.types';

const col = (key: string, header: string, kind: ReportColumn['kind'], weight?: number, machineOnly?: boolean): ReportColumn => ({ key, header, kind, weight, machineOnly });
const codeCol = (key: string, header: string, weight?: number): ReportColumn => ({ key, header, kind: 'text', weight, keepWhole: true });

/** The headings of the assessment, as the review prints them (API field → heading). */
export const NARRATIVE_HEADINGS = [
  ['results', 'Kết quả đạt được'],
  ['difficulties', 'Khó khăn, vướng mắc'],
  ['causes', 'Nguyên nhân'],
  ['proposals', 'Đề xuất, kiến nghị'],
] as const;

/**
 * The annual review with its programme sections after the budget's: the plan against what was
 * done, the outcomes of the accepted files, the assessment (đánh giá chung) and the
 * commendations, numbered on from the budget's sections; the plan and outcomes in the summary.
 */
export function annualReviewDocument(f: AnnualFigures, p: ProgrammeFigures, preparedBy: string, leader?: LeaderSignature): ReportDocument {
  const doc = annualReportDocument(f, preparedBy, leader);
  return { ...doc, summary: [...(doc.summary ?? []), ...programmeSummary(p)], sections: [...doc.sections, ...programmeSections(p)] };
}

function programmeSummary(p: ProgrammeFigures): string[] {
  const lines = p.planTotals
    .filter((t) => t.plannedCount > 0 || !t.plannedBudget.isZero())
    .map((t) => {
      const rate = t.plannedBudget.isZero() ? '' : ` (${formatPercentVi(t.approvedSupport.div(t.plannedBudget))} dự toán kế hoạch)`;
      return `Kế hoạch năm: ${formatNumberVi(new Decimal(t.plannedCount))} đề án, dự toán ${formatMoneyVi(t.plannedBudget, t.currency)}; thực hiện: ${formatNumberVi(new Decimal(t.actualCount))} đề án được phê duyệt, kinh phí ${formatMoneyVi(t.approvedSupport, t.currency)}${rate}.`;
    });
  const o = p.outcomes;
  if (o.acceptedFiles > 0) {
    const n = (v: number) => formatNumberVi(new Decimal(v));
    lines.push(
      `Kết quả các đề án nghiệm thu đạt (${n(o.acceptedFiles)} đề án): tạo việc làm mới cho ${n(o.jobsCreated)} lao động, duy trì việc làm cho ${n(o.jobsKept)} lao động (nữ ${n(o.womenWorkers)}, khuyết tật ${n(o.disabledWorkers)}); đào tạo ${n(o.trainees)} người; xây dựng ${n(o.modelsBuilt)} mô hình.`,
    );
  }
  return lines;
}

export function programmeSections(p: ProgrammeFigures): ReportSection[] {
  const multi = new Set(p.plan.map((r) => r.currency)).size > 1;
  const planColumns: ReportColumn[] = [
    col('activityTypeCode', 'Mã hoạt động', 'text', 1.2, true),
    col('activityTypeName', 'Loại hoạt động', 'text', 3.2),
    col('unitId', 'Mã định danh đơn vị', 'text', 1, true),
    codeCol('unitCode', 'Mã đơn vị', 0.9),
    col('unitName', 'Tên đơn vị', 'text', 2),
    codeCol('fundCode', 'Nguồn', 0.8),
    ...(multi ? [col('currency', 'Tiền tệ', 'text', 0.6)] : []),
    col('plannedCount', 'Số đề án kế hoạch', 'count', 0.8),
    col('plannedBudget', 'Dự toán kế hoạch', 'money', 1.3),
    col('actualCount', 'Số đề án được phê duyệt', 'count', 0.8),
    col('approvedSupport', 'Kinh phí phê duyệt', 'money', 1.3),
    col('disbursed', 'Đã giải ngân', 'money', 1.3),
    col('remark', 'Ghi chú', 'text', 1.3),
  ];
  const planRows = p.plan.map((r) => ({
    currency: r.currency,
    cells: {
      activityTypeCode: r.activityTypeCode ?? '(không xác định)',
      activityTypeName: r.activityTypeName ?? '(không xác định)',
      unitId: r.unitId,
      unitCode: r.unitCode,
      unitName: r.unitName,
      fundCode: r.fundCode,
      currency: r.currency,
      plannedCount: r.plannedCount,
      plannedBudget: r.plannedBudget,
      actualCount: r.actualCount,
      approvedSupport: r.approvedSupport,
      disbursed: r.disbursed,
      remark: r.inPlan ? null : 'Ngoài kế hoạch',
    },
  }));
  const plan: ReportSection = {
    key: 'plan',
    title: 'Kế hoạch và kết quả thực hiện theo loại hoạt động, đơn vị, nguồn kinh phí',
    sheetTitle: 'Kế hoạch và thực hiện',
    note: 'Thực hiện: các đề án được phê duyệt còn hiệu lực và kinh phí của chúng; đã giải ngân theo số dư sổ cái.',
    table: { columns: planColumns, rows: planRows, totals: totalsRows(planColumns, planRows) },
  };

  const outcomeColumns: ReportColumn[] = [
    col('code', 'Mã hoạt động', 'text', 1.2, true),
    col('name', 'Loại hoạt động', 'text', 3.2),
    col('acceptedFiles', 'Số đề án nghiệm thu đạt', 'count', 0.9),
    col('reportedFiles', 'Số đề án ghi kết quả', 'count', 0.9),
    ...OUTCOME_FIELDS.map((field) => col(field, OUTCOME_LABELS[field], 'count', 1)),
  ];
  const outcomeRows = p.outcomes.byActivityType.map(({ code, name, acceptedFiles, reportedFiles, ...counts }) => ({ cells: { code, name, acceptedFiles, reportedFiles, ...counts } }));
  const outcomes: ReportSection = {
    key: 'outcomes',
    title: 'Kết quả, hiệu quả của các đề án đã nghiệm thu',
    sheetTitle: 'Kết quả các đề án',
    note: 'Theo biên bản nghiệm thu đạt gần nhất của mỗi đề án được phê duyệt trong năm; lao động nữ và khuyết tật nằm trong số lao động có việc làm mới và được duy trì.',
    table: { columns: outcomeColumns, rows: outcomeRows, totals: totalsRows(outcomeColumns, outcomeRows) },
  };

  const narrative = p.narrative;
  const blocks = NARRATIVE_HEADINGS.map(([field, heading]) => ({ heading, text: narrative?.[field] ?? '' }));
  const assessment: ReportSection = {
    key: 'assessment',
    title: 'Đánh giá chung',
    sheetTitle: 'Đánh giá chung',
    table: { columns: [col('heading', 'Nội dung', 'text', 1), col('text', 'Đánh giá', 'text', 4)], rows: blocks.map((b) => ({ cells: { heading: b.heading, text: b.text } })) },
    prose: blocks,
  };

  const commendationColumns: ReportColumn[] = [
    col('id', 'Mã khen thưởng', 'text', 1, true),
    col('recipient', 'Tổ chức, cá nhân được khen thưởng', 'text', 2.6),
    col('form', 'Hình thức khen thưởng', 'text', 2),
    codeCol('decisionNo', 'Số quyết định', 1.1),
    col('decisionDate', 'Ngày quyết định', 'date', 0.9),
    col('reason', 'Thành tích', 'text', 3.4),
  ];
  const commendations: ReportSection = {
    key: 'commendations',
    title: 'Khen thưởng',
    sheetTitle: 'Khen thưởng',
    table: {
      columns: commendationColumns,
      rows: p.commendations.map((c) => ({ cells: { id: c.id, recipient: c.recipient, form: c.form, decisionNo: c.decisionNo, decisionDate: c.decisionDate, reason: c.reason } })),
      totals: [{ cells: { recipient: `Tổng cộng: ${p.commendations.length} lượt khen thưởng` } }],
    },
  };
  return [plan, outcomes, assessment, commendations];
}
