import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Actor, hasRole } from '../common/auth/actor';
import { Clock } from '../common/clock';
import { BudgetSetupService } from '../modules/budget/budget-setup.service';
import { BudgetSummaryService } from '../modules/budget/budget-summary.service';
import { BudgetService } from '../modules/budget/budget.service';
import { AllocationDto, AppropriationDto, CreateFundDto, OpenFiscalYearDto, SplitAllocationDto } from '../modules/budget/dto/budget.dto';
import { ReasonDto } from '../modules/ledger/dto/reason.dto';
import { FUND_SOURCE_LABELS } from '../modules/ledger/ledger.labels';
import { ReversalRequestsService } from '../modules/ledger/reversal-requests.service';
import { budgetChart } from './budget-chart';
import { rowRenamer } from './forms/application-input';
import { FormPages } from './forms/form-pages';
import { amount, FormBody, optionalText, rows, text, wholeNumber } from './forms/form-input';
import { validated } from './forms/form-validation';
import { WebIdempotency } from './forms/web-idempotency.service';
import { PageController } from './page-controller';
import { PageResponder } from './page-responder';
import { DirectoryService } from './pages/directory.service';
import { setupLinks } from './pages/setup-links';
import { moneyVi } from './web-views';
import { PageActor, PageRoles, WebRequest } from './web-context';

/**
 * Ngân sách: the summary by fund and unit with its chart, and finance's forms that move money
 * (appropriation, allocation, split: each once per rendered form) or set up the books.
 */
@PageController('ngan-sach')
@PageRoles('finance', 'leader', 'auditor')
export class BudgetPagesController {
  constructor(
    private readonly clock: Clock,
    private readonly budget: BudgetService,
    private readonly summaries: BudgetSummaryService,
    private readonly setup: BudgetSetupService,
    private readonly reversals: ReversalRequestsService,
    private readonly directory: DirectoryService,
    private readonly idempotency: WebIdempotency,
    private readonly pages: PageResponder,
    private readonly forms: FormPages,
  ) {}

  @Get()
  async summary(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Query('nam') year?: string, @Query('nguon') fundCode?: string) {
    const fiscalYear = /^\d{4}$/.test(year ?? '') ? Number.parseInt(year!, 10) : Number.parseInt(this.clock.today().slice(0, 4), 10);
    const isFinance = hasRole(actor, 'finance');
    const [summary, names, funds, years, setup] = await Promise.all([
      this.summaries.summary(actor, { fiscalYear, fundCode: fundCode || undefined }),
      this.directory.for(actor),
      this.budget.listFunds(actor),
      this.budget.listFiscalYears(actor),
      isFinance ? this.setup.setup(actor) : Promise.resolve(null),
    ]);
    const books = summary.funds.map((fund) => {
      const units = fund.units.map((u) => ({ ...u, name: names.unitName(u.unitId) })).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
      const fundInfo = funds.find((f) => f.code === fund.fundCode);
      return {
        ...fund,
        name: fundInfo?.name ?? fund.fundCode,
        units,
        chart: budgetChart(
          units.map((u) => ({ label: u.name, disbursed: u.disbursed, committed: u.committed, available: u.available })),
          fund.currency,
        ),
      };
    });
    this.pages.render(req, res, 'budget', {
      title: 'Ngân sách',
      fiscalYear,
      fundCode: fundCode ?? '',
      books,
      funds,
      years,
      isFinance,
      // Finance's next set-up steps, each a link to its form, and the year a new one would be opened for.
      setupSteps: setup ? setupLinks(setup.steps) : [],
      proposedYear: setup?.proposedYear ?? null,
      hasFunds: funds.length > 0,
      sources: Object.keys(FUND_SOURCE_LABELS),
    });
  }

  // ---- books -----------------------------------------------------------------------------------

  /** The form to open a year, proposing the year to open (the current one, or the next not yet opened). */
  @Get('nam')
  @PageRoles('finance')
  async yearForm(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor) {
    const model = await this.formModel(actor, 'year');
    this.pages.render(req, res, 'budget-form', { ...model, values: { year: String(model.proposedYear) } });
  }

  @Post('nam')
  @PageRoles('finance')
  async openYear(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Body() body: FormBody) {
    return this.forms.handle(req, res, {
      template: 'budget-form',
      model: () => this.formModel(actor, 'year'),
      submit: async () => {
        const dto = await validated(OpenFiscalYearDto, { year: wholeNumber(body, 'year') ?? '' });
        await this.budget.openFiscalYear(actor, dto);
        return { redirect: `/ngan-sach?nam=${dto.year}`, flash: `Đã mở năm ngân sách ${dto.year}.` };
      },
    });
  }

  @Get('nguon-kinh-phi')
  @PageRoles('finance')
  async fundForm(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor) {
    this.pages.render(req, res, 'budget-form', { ...(await this.formModel(actor, 'fund')), values: { currency: 'VND' } });
  }

  @Post('nguon-kinh-phi')
  @PageRoles('finance')
  async createFund(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Body() body: FormBody) {
    return this.forms.handle(req, res, {
      template: 'budget-form',
      model: () => this.formModel(actor, 'fund'),
      submit: async () => {
        const dto = await validated(CreateFundDto, {
          code: text(body, 'code').trim(),
          name: text(body, 'name'),
          source: text(body, 'source'),
          sponsorName: optionalText(body, 'sponsorName'),
          currency: text(body, 'currency').trim(),
        });
        await this.budget.createFund(actor, dto);
        return { redirect: '/ngan-sach', flash: `Đã tạo nguồn kinh phí ${dto.code}.` };
      },
    });
  }

  // ---- 💰 appropriation, allocation, split -----------------------------------------------------

  @Get('du-toan')
  @PageRoles('finance')
  async appropriationForm(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Query() query: Record<string, unknown>) {
    const model = await this.formModel(actor, 'appropriation');
    this.pages.render(req, res, 'budget-form', { ...model, values: this.defaults(model, query) });
  }

  @Post('du-toan')
  @PageRoles('finance')
  async appropriate(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Body() body: FormBody) {
    return this.forms.handle(req, res, {
      template: 'budget-form',
      model: () => this.formModel(actor, 'appropriation'),
      submit: async () => {
        const dto = await validated(AppropriationDto, {
          fundCode: text(body, 'fundCode'),
          fiscalYear: wholeNumber(body, 'fiscalYear') ?? '',
          amount: amount(body, 'amount') ?? '',
          decisionNo: text(body, 'decisionNo').trim(),
          decisionDate: text(body, 'decisionDate'),
        });
        const { result, replayed } = await this.idempotency.once(actor, body.idempotencyKey, '/ngan-sach/du-toan', dto, req, () => this.budget.appropriate(actor, dto));
        return {
          redirect: `/ngan-sach?nam=${result.fiscalYear}`,
          flash: replayed ? REPLAYED : `Đã giao dự toán ${moneyVi(result.amount, await this.currencyOf(actor, dto.fundCode))} cho nguồn ${result.fundCode} năm ${result.fiscalYear}.`,
        };
      },
    });
  }

  @Get('phan-bo')
  @PageRoles('finance')
  async allocationForm(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Query() query: Record<string, unknown>) {
    const model = await this.formModel(actor, 'allocation');
    this.pages.render(req, res, 'budget-form', { ...model, values: this.defaults(model, query) });
  }

  @Post('phan-bo')
  @PageRoles('finance')
  async allocate(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Body() body: FormBody) {
    return this.forms.handle(req, res, {
      template: 'budget-form',
      model: () => this.formModel(actor, 'allocation'),
      submit: async () => {
        const dto = await validated(AllocationDto, {
          fundCode: text(body, 'fundCode'),
          fiscalYear: wholeNumber(body, 'fiscalYear') ?? '',
          unitId: text(body, 'unitId'),
          amount: amount(body, 'amount') ?? '',
          decisionNo: text(body, 'decisionNo').trim(),
        });
        const { result, replayed } = await this.idempotency.once(actor, body.idempotencyKey, '/ngan-sach/phan-bo', dto, req, () => this.budget.allocate(actor, dto));
        return {
          redirect: `/ngan-sach?nam=${dto.fiscalYear}`,
          flash: replayed ? REPLAYED : `Đã phân bổ ${moneyVi(result.amount, await this.currencyOf(actor, dto.fundCode))}.`,
        };
      },
    });
  }

  @Get('chia')
  @PageRoles('finance')
  async splitForm(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Query() query: Record<string, unknown>) {
    const model = await this.formModel(actor, 'split');
    this.pages.render(req, res, 'budget-form', { ...model, values: this.defaults(model, query) });
  }

  @Post('chia')
  @PageRoles('finance')
  async split(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Body() body: FormBody) {
    const shares = rows(body, 'shares');
    return this.forms.handle(req, res, {
      template: 'budget-form',
      model: () => this.formModel(actor, 'split'),
      fieldNames: rowRenamer('shares', shares.map((s) => s.index)),
      submit: async () => {
        const dto = await validated(SplitAllocationDto, {
          fundCode: text(body, 'fundCode'),
          fiscalYear: wholeNumber(body, 'fiscalYear') ?? '',
          amount: amount(body, 'amount') ?? '',
          decisionNo: optionalText(body, 'decisionNo'),
          shares: shares.map(({ fields }) => ({ unitId: fields.unitId ?? '', weight: /^\d{1,9}$/.test(fields.weight?.trim() ?? '') ? Number.parseInt(fields.weight!, 10) : (fields.weight ?? '') })),
        });
        const { result, replayed } = await this.idempotency.once(actor, body.idempotencyKey, '/ngan-sach/chia', dto, req, () => this.budget.split(actor, dto));
        return {
          redirect: `/ngan-sach?nam=${dto.fiscalYear}`,
          flash: replayed ? REPLAYED : `Đã phân bổ ${moneyVi(result.amount, await this.currencyOf(actor, dto.fundCode))} cho ${result.allocations.length} đơn vị theo trọng số.`,
        };
      },
    });
  }

  // ---- đảo bút toán: a reversal asked by one finance user waits for a second ------------------

  @Get('dao-but-toan')
  @PageRoles('finance', 'auditor')
  async reversalRequests(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor) {
    this.pages.render(req, res, 'budget-reversals', await this.reversalModel(actor));
  }

  /** 💰 Approving posts the reversing transfer: once per rendered form. */
  @Post('dao-but-toan/:id/duyet')
  @PageRoles('finance')
  async approveReversal(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string, @Body() body: FormBody) {
    return this.forms.handle(req, res, {
      template: 'budget-reversals',
      model: () => this.reversalModel(actor),
      submit: async () => {
        const { result, replayed } = await this.idempotency.once(actor, body.idempotencyKey, `/ngan-sach/dao-but-toan/${id}/duyet`, {}, req, () => this.reversals.approve(actor, id));
        return { redirect: '/ngan-sach/dao-but-toan', flash: replayed ? REPLAYED : `Đã duyệt và ghi bút toán đảo ${moneyVi(result.transfer.amount, await this.currencyOf(actor, result.transfer.fundCode))}.` };
      },
    });
  }

  @Post('dao-but-toan/:id/tu-choi')
  @PageRoles('finance')
  async rejectReversal(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string, @Body() body: FormBody) {
    return this.forms.handle(req, res, {
      template: 'budget-reversals',
      model: async () => ({ ...(await this.reversalModel(actor)), activeForm: `reject-${id}` }),
      submit: async () => {
        const dto = await validated(ReasonDto, { reason: text(body, 'reason').trim() });
        await this.reversals.reject(actor, id, dto.reason);
        return { redirect: '/ngan-sach/dao-but-toan', flash: 'Đã từ chối đề nghị đảo bút toán.' };
      },
    });
  }

  private async reversalModel(actor: Actor): Promise<Record<string, unknown>> {
    const [waiting, names, funds] = await Promise.all([this.reversals.list(actor, { status: 'requested', page: 1, pageSize: 200 }), this.directory.for(actor), this.budget.listFunds(actor)]);
    return {
      title: 'Đề nghị đảo bút toán',
      isFinance: hasRole(actor, 'finance'),
      requests: waiting.items.map((r) => ({
        ...r,
        currency: funds.find((f) => f.code === r.transfer.fundCode)?.currency ?? 'VND',
        fundName: funds.find((f) => f.code === r.transfer.fundCode)?.name ?? r.transfer.fundCode,
        requestedByName: names.personName(r.requestedBy),
        // Shown, not decided here: the service refuses the requester (maker-checker) whatever the page shows.
        askedByMe: r.requestedBy === actor.id,
        approveKey: this.idempotency.newKey(),
      })),
      total: waiting.total,
    };
  }

  /**
   * What a money form starts with: the fund and year a set-up step links to (`?nguon=&nam=`), else
   * the only fund and the only open year when there is one, else the current year if it is open.
   */
  private defaults(model: { funds: Array<{ code: string }>; openYears: Array<{ year: number }> }, query: Record<string, unknown>): Record<string, unknown> {
    const today = this.clock.today();
    const open = model.openYears.map((y) => String(y.year));
    const askedYear = typeof query.nam === 'string' && open.includes(query.nam) ? query.nam : undefined;
    const askedFund = typeof query.nguon === 'string' && model.funds.some((f) => f.code === query.nguon) ? query.nguon : undefined;
    const fiscalYear = askedYear ?? (open.length === 1 ? open[0] : open.includes(today.slice(0, 4)) ? today.slice(0, 4) : '');
    const fundCode = askedFund ?? (model.funds.length === 1 ? model.funds[0].code : '');
    return { fiscalYear, fundCode, decisionDate: today };
  }

  private async currencyOf(actor: Actor, fundCode: string): Promise<string> {
    return (await this.budget.listFunds(actor)).find((f) => f.code === fundCode)?.currency ?? 'VND';
  }

  private async formModel(actor: Actor, form: 'appropriation' | 'allocation' | 'split' | 'fund' | 'year') {
    const [funds, years, names, setup] = await Promise.all([this.budget.listFunds(actor), this.budget.listFiscalYears(actor), this.directory.for(actor), this.setup.setup(actor)]);
    const titles = {
      appropriation: 'Giao dự toán',
      allocation: 'Phân bổ kinh phí cho đơn vị',
      split: 'Phân bổ theo trọng số cho nhiều đơn vị',
      fund: 'Tạo nguồn kinh phí',
      year: 'Mở năm ngân sách',
    };
    return {
      title: titles[form],
      form,
      funds,
      years,
      openYears: years.filter((y) => y.status === 'open'),
      // The year to open: the current one unless it was opened, otherwise the next not yet opened.
      proposedYear: setup.proposedYear,
      units: names.units,
      sources: Object.keys(FUND_SOURCE_LABELS),
      idempotencyKey: this.idempotency.newKey(),
    };
  }
}

const REPLAYED = 'Biểu mẫu này đã được gửi trước đó; hệ thống không ghi nhận lần nữa.';
