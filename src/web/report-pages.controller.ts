import { Get, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Actor, hasRole, Role } from '../common/auth/actor';
import { Clock } from '../common/clock';
import { ApiLinks } from './api-links';
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

/**
 * Báo cáo: links to the reports the API serves, in each format, for the roles that may read them.
 * The browser's session opens them (the API accepts the session cookie for reading).
 */
@PageController('bao-cao')
@PageRoles('finance', 'leader', 'auditor', 'head')
export class ReportPagesController {
  constructor(
    private readonly clock: Clock,
    private readonly apiLinks: ApiLinks,
    private readonly pages: PageResponder,
  ) {}

  @Get()
  report(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor) {
    const today = this.clock.today();
    const year = Number.parseInt(today.slice(0, 4), 10);
    const available = Object.fromEntries(
      REPORTS.filter((r) => hasRole(actor, ...r.roles) && this.apiLinks.has('GET', r.route)).map((r) => [r.key, true]),
    );
    this.pages.render(req, res, 'reports', {
      title: 'Báo cáo',
      available,
      years: [year, year - 1, year - 2],
      periodFrom: `${year}-01-01`,
      periodTo: today,
      formats: [
        { code: 'pdf', label: 'PDF' },
        { code: 'xlsx', label: 'Excel (XLSX)' },
        { code: 'csv', label: 'CSV' },
        { code: 'json', label: 'JSON' },
      ],
    });
  }
}
