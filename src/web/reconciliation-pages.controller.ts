import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Actor, hasRole } from '../common/auth/actor';
import { clientProblem } from '../common/http/problem.filter';
import { ReconciliationService } from '../modules/reconciliation/reconciliation.service';
import { STATEMENT_COLUMN_LABELS, STATEMENT_COLUMNS } from '../modules/reconciliation/dto/statement-format';
import { FormPages } from './forms/form-pages';
import { PageController } from './page-controller';
import { PageResponder } from './page-responder';
import { PAGE_PARAM, pageOfList, pagerOf } from './pager';
import { PageActor, PageRoles, WebRequest } from './web-context';

/**
 * Đối chiếu Kho bạc: finance uploads a treasury statement (CSV or XLSX), checks it on a preview
 * (its lines, totals and every problem), then confirms; the result shows each line matched, with a
 * different amount, or unknown, and what KCFund recorded that the statement lacks. The
 * confirmation sends only the preview's id: the statement waits on the server, not in the page.
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
  @Post('xem-truoc')
  @PageRoles('finance')
  async preview(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor) {
    try {
      const preview = await this.reconciliation.previewStatement(actor, req);
      const status = preview.problems.length ? 400 : 200;
      return this.pages.render(req, res, 'reconciliation-preview', { title: 'Xem trước sao kê', preview, ...this.formats() }, status);
    } catch (error) {
      return this.refused(req, res, actor, error);
    }
  }

  @Post('nhap')
  @PageRoles('finance')
  async confirm(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Body('previewId') previewId: unknown) {
    try {
      const result = await this.reconciliation.importPreviewed(actor, typeof previewId === 'string' ? previewId : '');
      return this.pages.redirect(req, res, `/doi-chieu/${result.id}`, `Đã đối chiếu ${result.lineCount} dòng sao kê.`);
    } catch (error) {
      return this.refused(req, res, actor, error);
    }
  }

  /** The address a refused upload or confirmation leaves in the bar opens the page it came from. */
  @Get(['xem-truoc', 'nhap'])
  async back(@Req() req: WebRequest, @Res() res: Response) {
    return this.pages.redirect(req, res, '/doi-chieu');
  }

  @Get(':id')
  async result(@Req() req: WebRequest, @Res() res: Response, @Param('id') id: string, @PageActor() actor: Actor) {
    const result = await this.reconciliation.get(actor, id);
    this.pages.render(req, res, 'reconciliation-result', { title: 'Kết quả đối chiếu', result });
  }

  private async refused(req: WebRequest, res: Response, actor: Actor, error: unknown): Promise<void> {
    const problem = clientProblem(error, req);
    if (!problem || problem.status === 404 || problem.status === 401) throw error;
    // The body was a multipart upload, or only the preview's id: no form values to show again.
    req.body = {};
    return this.forms.refused(req, res, { template: 'reconciliation', model: () => this.model(actor) }, problem);
  }

  private async model(actor: Actor, asked?: string): Promise<Record<string, unknown>> {
    const page = await pageOfList(asked, (slice) => this.reconciliation.list(actor, slice));
    return { title: 'Đối chiếu với Kho bạc', imports: page.items, paging: pagerOf(page, '/doi-chieu'), isFinance: hasRole(actor, 'finance'), ...this.formats() };
  }

  /** What the pages say about the file: its columns, and where the templates are. */
  private formats(): Record<string, unknown> {
    return {
      columns: STATEMENT_COLUMNS.map((column) => STATEMENT_COLUMN_LABELS[column]),
      apiColumns: STATEMENT_COLUMNS.join(','),
      templates: { csv: '/api/v1/reconciliation/template.csv', xlsx: '/api/v1/reconciliation/template.xlsx' },
    };
  }
}
