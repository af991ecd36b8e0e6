import { Injectable } from '@nestjs/common';
import { requireRole } from '../../../common/auth/access';
import type { Actor } from '../../../common/auth/actor';
import { ReportRenderer } from '../../../rendering/report/report-renderer.service';
import { ReportInputs } from '../report-inputs';
import { ReportSignatures } from '../report-signature';
import { annualReviewDocument } from './annual-programme.document';
import { AnnualProgrammeQueries } from './annual-programme.queries';
import { annualProgrammeView } from './annual-programme.view';
import { AnnualReportQueries } from './annual-report.queries';
import { annualReportView } from './annual-report.view';
import type { AnnualReportQuery } from './dto/annual-report-query.dto';

/** The annual review (báo cáo tổng kết năm) of a fiscal year, for the whole province or one unit. */
@Injectable()
export class AnnualReportService {
  constructor(
    private readonly queries: AnnualReportQueries,
    private readonly programme: AnnualProgrammeQueries,
    private readonly inputs: ReportInputs,
    private readonly renderer: ReportRenderer,
    private readonly signatures: ReportSignatures,
  ) {}

  async report(actor: Actor, yearParam: string, query: AnnualReportQuery) {
    requireRole(actor, 'finance', 'leader', 'auditor');
    const year = this.inputs.fiscalYear(yearParam, 'year');
    const unitId = query.unitId ? await this.inputs.unit(query.unitId, 'unitId') : null;
    const [figures, programme] = await Promise.all([this.queries.figures(year, unitId), this.programme.figures(year, unitId, actor)]);
    const leader = query.format && query.format !== 'json' ? await this.signatures.leaderFor(actor) : undefined;
    return this.renderer.render(
      query.format,
      () => ({ ...annualReportView(figures), ...annualProgrammeView(programme) }),
      () => annualReviewDocument(figures, programme, actor.fullName, leader),
    );
  }
}
