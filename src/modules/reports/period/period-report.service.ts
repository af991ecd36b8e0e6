import { Injectable } from '@nestjs/common';
import { requireRole } from '../../../common/auth/access';
import type { Actor } from '../../../common/auth/actor';
import { ValidationFailed } from '../../../common/http/domain-error';
import { ReportRenderer } from '../../../rendering/report/report-renderer.service';
import { ReportInputs } from '../report-inputs';
import { ReportSignatures } from '../report-signature';
import { periodProblem } from '../reports.rules';
import type { PeriodReportQuery } from './dto/period-report-query.dto';
import { periodReportDocument } from './period-report.document';
import { PeriodReportQueries } from './period-report.queries';
import { periodReportView } from './period-report.view';

/** Reports for a month, six months or any range of days (chế độ báo cáo tháng, 6 tháng). */
@Injectable()
export class PeriodReportService {
  constructor(
    private readonly queries: PeriodReportQueries,
    private readonly inputs: ReportInputs,
    private readonly renderer: ReportRenderer,
    private readonly signatures: ReportSignatures,
  ) {}

  async report(actor: Actor, query: PeriodReportQuery) {
    requireRole(actor, 'finance', 'leader', 'auditor');
    const problem = periodProblem(query.from, query.to);
    if (problem) throw ValidationFailed.field(problem.field, problem.message);
    const unitId = query.unitId ? await this.inputs.unit(query.unitId, 'unitId') : null;
    const figures = await this.queries.figures(query.from, query.to, unitId);
    const leader = query.format && query.format !== 'json' ? await this.signatures.leaderFor(actor) : undefined;
    return this.renderer.render(query.format, () => periodReportView(figures), () => periodReportDocument(figures, actor.fullName, leader));
  }
}
