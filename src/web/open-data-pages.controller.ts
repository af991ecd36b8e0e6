import { Get, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Clock } from '../common/clock';
import { GrantsQuery } from '../modules/reports/grants/dto/grants-query.dto';
import { GrantsExportService } from '../modules/reports/grants/grants-export.service';
import { optionalText } from './forms/form-input';
import { validatedQuery } from './forms/form-validation';
import { PageController } from './page-controller';
import { PageResponder } from './page-responder';
import { WebPublic, WebRequest } from './web-context';

/**
 * Dữ liệu mở: the approved grants of a year for anyone, without a login, with their totals by
 * activity type and by commune, and links to the same grants as 360Giving JSON and CSV.
 */
@PageController('du-lieu-mo')
@WebPublic()
export class OpenDataPagesController {
  constructor(
    private readonly grants: GrantsExportService,
    private readonly pages: PageResponder,
    private readonly clock: Clock,
  ) {}

  @Get()
  async year(@Req() req: WebRequest, @Res() res: Response, @Query() query: Record<string, unknown>) {
    // ?nam=2087; this year when absent. A year the API would refuse is refused here with its message.
    const asked = optionalText(query, 'nam') ?? this.clock.today().slice(0, 4);
    const { fiscalYear } = await validatedQuery(GrantsQuery, { fiscalYear: asked });
    const year = await this.grants.publishedYear(fiscalYear!);
    const data = `/api/v1/open-data/grants?fiscalYear=${fiscalYear}`;
    this.pages.render(req, res, 'open-data', { title: `Dữ liệu mở: kinh phí khuyến công năm ${fiscalYear}`, ...year, jsonUrl: data, csvUrl: `${data}&format=csv` });
  }
}
