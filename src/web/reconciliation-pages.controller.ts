import { Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Actor, hasRole } from '../common/auth/actor';
import { clientProblem } from '../common/http/problem.filter';
import { ReconciliationService } from '../modules/reconciliation/reconciliation.service';
import { STATEMENT_COLUMNS } from '../modules/reconciliation/dto/statement-format';
import { FormPages } from './forms/form-pages';
import { PageController } from './page-controller';
import { PageResponder } from './page-responder';
import { PAGE_PARAM, pageOfList, pagerOf } from './pager';
import { PageActor, PageRoles, WebRequest } from './web-context';

/**
 * Đối chiếu Kho bạc: finance uploads a treasury statement (CSV); the result shows each line
 * matched, with a different amount, or unknown, and what KCFund recorded that the statement lacks.
 */
@PageController('doi-chieu')
@PageRoles('finance', 'auditor')
export class ReconciliationPagesController {
  constructor(
    private readonly reconciliation: ReconciliationService,
    private readonly pages: PageResponder,
    private readonly forms: FormPages,
  ) {}

  @Get()
  async list(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Query(PAGE_PARAM) asked?: string) {
    this.pages.render(req, res, 'reconciliation', await this.model(actor, asked));
  }

  /** The upload goes to the service as it arrives (it reads the multipart body itself). */
  @Post()
  @PageRoles('finance')
  async upload(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor) {
    try {
      const result = await this.reconciliation.importStatement(actor, req);
      return this.pages.redirect(req, res, `/doi-chieu/${result.id}`, `Đã đối chiếu ${result.lineCount} dòng sao kê.`);
    } catch (error) {
      const problem = clientProblem(error, req);
      if (!problem || problem.status === 404) throw error;
      // The body was read as a multipart upload: no form values to show again.
      req.body = {};
      return this.forms.refused(req, res, { template: 'reconciliation', model: () => this.model(actor) }, problem);
    }
  }

  @Get(':id')
  async result(@Req() req: WebRequest, @Res() res: Response, @Param('id') id: string, @PageActor() actor: Actor) {
    const result = await this.reconciliation.get(actor, id);
    this.pages.render(req, res, 'reconciliation-result', { title: 'Kết quả đối chiếu', result });
  }

  private async model(actor: Actor, asked?: string): Promise<Record<string, unknown>> {
    const page = await pageOfList(asked, (slice) => this.reconciliation.list(actor, slice));
    return { title: 'Đối chiếu với Kho bạc', imports: page.items, paging: pagerOf(page, '/doi-chieu'), columns: STATEMENT_COLUMNS.join(','), isFinance: hasRole(actor, 'finance') };
  }
}
