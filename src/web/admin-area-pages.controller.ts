import { Get, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor } from '../common/auth/actor';
import { clientProblem } from '../common/http/problem.filter';
import { Money } from '../common/money/decimal';
import { formatNumberVi } from '../common/money/format-vi';
import { ADMIN_UNIT_KIND_LABELS } from '../modules/admin-units/admin-units.labels';
import { AdminUnitsService } from '../modules/admin-units/admin-units.service';
import { FormPages } from './forms/form-pages';
import { PageController } from './page-controller';
import { PageResponder } from './page-responder';
import { PageActor, PageRoles, WebRequest } from './web-context';

/**
 * Danh mục địa bàn: the national list of administrative units in force (its counts and where it
 * came from) and the upload of a new one, in the format `POST /admin-units/import` takes. Admins
 * only: the page's role is checked by the guard from the headers, and the use case checks it again
 * before it reads the body, which it reads itself with the API's limits. A refused file shows
 * every line's problem; nothing of it is loaded.
 */
@PageController('quan-tri/dia-ban')
@PageRoles('admin')
export class AdminAreaPagesController {
  constructor(
    private readonly adminUnits: AdminUnitsService,
    private readonly pages: PageResponder,
    private readonly forms: FormPages,
  ) {}

  @Get()
  async page(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor) {
    this.pages.render(req, res, 'admin-areas', await this.model(actor));
  }

  /** The upload goes to the service as it arrives (it reads the multipart body itself). */
  @Post()
  async upload(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor) {
    try {
      const loaded = await this.adminUnits.importList(actor, req);
      return this.pages.redirect(req, res, '/quan-tri/dia-ban', `Đã nạp danh mục đơn vị hành chính: ${countsInWords(loaded.counts)}.`);
    } catch (error) {
      const problem = clientProblem(error, req);
      if (!problem || problem.status === 404 || problem.status === 401) throw error;
      // The body was the upload: no form values to show again.
      req.body = {};
      return this.forms.refused(req, res, { template: 'admin-areas', model: () => this.model(actor) }, problem);
    }
  }

  private async model(actor: Actor): Promise<Record<string, unknown>> {
    const status = await this.adminUnits.status(actor);
    return {
      title: 'Danh mục đơn vị hành chính',
      loaded: status.counts.provinces + status.counts.communes > 0,
      counts: (Object.keys(ADMIN_UNIT_KIND_LABELS) as Array<keyof typeof ADMIN_UNIT_KIND_LABELS>).map((kind) => ({ label: ADMIN_UNIT_KIND_LABELS[kind], count: status.counts[kind] })),
      provinces: status.counts.provinces,
      communes: status.counts.communes,
      loadedBy: status.loadedBy,
    };
  }
}

/** `34 tỉnh, thành phố; 3.321 xã, phường, đặc khu`. */
function countsInWords(counts: { provinces: number; communes: number }): string {
  const vi = (n: number) => formatNumberVi(new Money(n));
  return `${vi(counts.provinces)} tỉnh, thành phố; ${vi(counts.communes)} xã, phường, đặc khu`;
}
