import { Body, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { hasRole, STAFF_ROLES, type Actor } from '../common/auth/actor';
import { Clock } from '../common/clock';
import { BudgetService } from '../modules/budget/budget.service';
import { CallsService } from '../modules/calls/calls.service';
import { CreateCallDto } from '../modules/calls/dto/create-call.dto';
import { CatalogueService } from '../modules/catalogue/catalogue.service';
import { FormPages } from './forms/form-pages';
import { FormBody, list, text, wholeNumber } from './forms/form-input';
import { validated } from './forms/form-validation';
import { PageController } from './page-controller';
import { PageResponder } from './page-responder';
import { PAGE_PARAM, pageOfList, pagerOf } from './pager';
import { PageActor, PageRoles, WebRequest } from './web-context';

/** What a call's status reads as. */
const CALL_STATUS_LABELS: Record<string, string> = { upcoming: 'Chưa mở', open: 'Đang nhận hồ sơ', closed: 'Đã kết thúc' };

/**
 * Đợt tiếp nhận hồ sơ: staff see the calls, newest first; a leader or a head opens one for a
 * fund's year and some activities, between two dates (the same use case as POST /calls).
 */
@PageController('dot-tiep-nhan')
@PageRoles(...STAFF_ROLES)
export class CallPagesController {
  constructor(
    private readonly clock: Clock,
    private readonly calls: CallsService,
    private readonly budget: BudgetService,
    private readonly catalogue: CatalogueService,
    private readonly pages: PageResponder,
    private readonly forms: FormPages,
  ) {}

  @Get()
  async list(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Query(PAGE_PARAM) asked?: string) {
    this.pages.render(req, res, 'calls', await this.model(actor, asked));
  }

  @Post()
  @PageRoles('leader', 'head')
  async create(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Body() body: FormBody) {
    return this.forms.handle(req, res, {
      template: 'calls',
      model: () => this.model(actor),
      submit: async () => {
        const dto = await validated(CreateCallDto, {
          title: text(body, 'title'),
          fiscalYear: wholeNumber(body, 'fiscalYear') ?? '',
          fundCode: text(body, 'fundCode'),
          activityTypeCodes: list(body, 'activityTypeCodes') ?? [],
          opensOn: text(body, 'opensOn'),
          closesOn: text(body, 'closesOn'),
        });
        const call = await this.calls.create(actor, dto);
        return { redirect: '/dot-tiep-nhan', flash: `Đã mở đợt "${call.title}".` };
      },
    });
  }

  private async model(actor: Actor, asked?: string): Promise<Record<string, unknown>> {
    const [page, funds, years, rules] = await Promise.all([
      pageOfList(asked, (slice) => this.calls.list(slice)),
      this.budget.listFunds(actor),
      this.budget.listFiscalYears(actor),
      this.catalogue.listInForce(actor, {}),
    ]);
    const activityName = new Map(rules.map((r) => [r.code, r.name]));
    const fundName = new Map(funds.map((f) => [f.code, f.name]));
    return {
      title: 'Đợt tiếp nhận hồ sơ',
      today: this.clock.today(),
      calls: page.items.map((call) => ({
        ...call,
        statusLabel: CALL_STATUS_LABELS[call.status],
        fundName: fundName.get(call.fundCode) ?? call.fundCode,
        activities: call.activityTypeCodes.map((code) => activityName.get(code) ?? code),
      })),
      paging: pagerOf(page, '/dot-tiep-nhan'),
      mayOpen: hasRole(actor, 'leader', 'head'),
      funds: funds.map((f) => ({ value: f.code, label: f.name })),
      years: years.filter((y) => y.status === 'open').map((y) => ({ value: y.year, label: String(y.year) })),
      activityTypes: [...new Map(rules.map((r) => [r.code, { code: r.code, name: r.name }])).values()],
    };
  }
}
