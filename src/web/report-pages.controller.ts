import { Get, Query, Req, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { Actor, hasRole, Role } from '../common/auth/actor';
import { Clock } from '../common/clock';
import { clientProblem } from '../common/http/problem.filter';
import { PeriodReportQuery } from '../modules/reports/period/dto/period-report-query.dto';
import { PeriodReportService } from '../modules/reports/period/period-report.service';
import { ApiLinks } from './api-links';
import { optionalText } from './forms/form-input';
import { validatedQuery } from './forms/form-validation';
import { PageController } from './page-controller';
import { PageResponder } from './page-responder';
import { PageActor, PageRoles, WebRequest } from './web-context';

/** The API's report routes, the roles they serve (as their controllers say) and what they are. */
const REPORTS: Array<{ key: string; route: string; roles: Role[] }> = [
  { key: 'annual', route: '/api/v1/reports/annual/:year', roles: ['finance', 'leader', 'auditor'] },
  { key: 'period', route: '/api/v1/reports/period', roles: ['finance', 'leader', 'auditor'] },
  { key: 'overdue', route: '/api/v1/reports/overdue', roles: ['head', 'leader', 'auditor'] },
  { key: 'grants', route: '/api/v1/exports/grants', roles: ['auditor', 'finance'] },
];

const FORMATS = [
  { code: 'pdf', label: 'PDF' },
  { code: 'xlsx', label: 'Excel (XLSX)' },
  { code: 'csv', label: 'CSV' },
  { code: 'json', label: 'JSON' },
];

/**
 * Báo cáo: links to the reports the API serves, in each format, for the roles that may read them
 * (the browser's session opens them: the API accepts the session cookie for reading). The period
 * report's form is answered here, by the same service, so that a period the service refuses (an
 * end before the start) shows this page again with the message rather than the API's JSON.
 */
@PageController('bao-cao')
@PageRoles('finance', 'leader', 'auditor', 'head')
export class ReportPagesController {
  constructor(
    private readonly clock: Clock,
    private readonly apiLinks: ApiLinks,
    private readonly periodReports: PeriodReportService,
    private readonly pages: PageResponder,
  ) {}

  @Get()
  report(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor) {
    this.pages.render(req, res, 'reports', this.model(actor));
  }

  @Get('theo-ky')
  @PageRoles('finance', 'leader', 'auditor')
  async period(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Query() query: Record<string, unknown>) {
    const input = { from: optionalText(query, 'from'), to: optionalText(query, 'to'), format: optionalText(query, 'format') };
    let report: unknown;
    try {
      report = await this.periodReports.report(actor, await validatedQuery(PeriodReportQuery, input));
    } catch (error) {
      const problem = clientProblem(error, req);
      if (!problem || problem.status === 401 || problem.status === 404) throw error;
      const fieldErrors: Record<string, string> = {};
      for (const e of problem.errors ?? []) fieldErrors[e.field] ??= e.message;
      return this.pages.render(req, res, 'reports', { ...this.model(actor), values: input, problem, fieldErrors }, problem.status);
    }
    res.setHeader('Cache-Control', 'no-store');
    if (!(report instanceof StreamableFile)) return void res.json(report);
    const headers = report.getHeaders();
    res.setHeader('Content-Type', headers.type ?? 'application/octet-stream');
    if (headers.disposition) res.setHeader('Content-Disposition', headers.disposition);
    if (headers.length !== undefined) res.setHeader('Content-Length', String(headers.length));
    report.getStream().pipe(res);
  }

  private model(actor: Actor): Record<string, unknown> {
    const today = this.clock.today();
    const year = Number.parseInt(today.slice(0, 4), 10);
    const available = Object.fromEntries(
      REPORTS.filter((r) => hasRole(actor, ...r.roles) && this.apiLinks.has('GET', r.route)).map((r) => [r.key, true]),
    );
    return { title: 'Báo cáo', available, years: [year, year - 1, year - 2], periodFrom: `${year}-01-01`, periodTo: today, formats: FORMATS };
  }
}
