import { Injectable } from '@nestjs/common';
import { requireRole } from '../../../common/auth/access';
import type { Actor } from '../../../common/auth/actor';
import { ReportRenderer } from '../../../rendering/report/report-renderer.service';
import type { OverdueQuery } from './dto/overdue-query.dto';
import { overdueReportDocument } from './overdue-report.document';
import { OverdueReportService } from './overdue-report.service';
import { ReportSignatures } from '../report-signature';

/**
 * GET /reports/overdue in every format: the JSON is exactly OverdueReportService's report; PDF, CSV
 * and XLSX are rendered from it.
 */
@Injectable()
export class OverdueReportExport {
  constructor(
    private readonly overdue: OverdueReportService,
    private readonly renderer: ReportRenderer,
    private readonly signatures: ReportSignatures,
  ) {}

  async report(actor: Actor, query: OverdueQuery) {
    requireRole(actor, 'head', 'leader', 'auditor');
    const { format, ...filters } = query;
    const report = await this.overdue.report(actor, filters);
    const leader = format && format !== 'json' ? await this.signatures.leaderFor(actor) : undefined;
    return this.renderer.render(format, () => report, () => overdueReportDocument(report, actor.fullName, leader));
  }
}
