import { FILE_ACT_ROLES } from '../modules/applications/applications.service';
import { Body, Get, Param, Post, Query, Req, Res, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import type { Actor } from '../common/auth/actor';
import { Clock } from '../common/clock';
import { ApplicationDocumentsService, UploadedPart } from '../modules/applications/application-documents.service';
import { ApplicationsService } from '../modules/applications/applications.service';
import type { ApplicationView } from '../modules/applications/application.view';
import { APPLICATION_STATUSES } from '../modules/applications/application-statuses';
import { SEARCH_MAX_LENGTH } from '../modules/applications/dto/application-query.dto';
import { DOCUMENT_UPLOAD_OPTIONS } from '../modules/applications/dto/document-upload';
import { DocumentUploadGuard } from '../modules/applications/document-upload.guard';
import { CreateApplicationDto, UpdateApplicationDto } from '../modules/applications/dto/application-input.dto';
import { DocumentUploadDto, ReasonDto } from '../modules/applications/dto/workflow.dto';
import { BudgetSetupService } from '../modules/budget/budget-setup.service';
import { BudgetService } from '../modules/budget/budget.service';
import { CatalogueService } from '../modules/catalogue/catalogue.service';
import { EstablishmentsService } from '../modules/establishments/establishments.service';
import { SubmitSettlementDto } from '../modules/settlement/dto/settlement.dto';
import { VerifyClassificationDto } from '../modules/establishments/dto/verify-classification.dto';
import { SettlementService } from '../modules/settlement/settlement.service';
import { applicationInput, rowRenamer, settlementInput } from './forms/application-input';
import { FormPages } from './forms/form-pages';
import { amountForInput, FormBody, optionalText, quantityForInput, text, wholeNumber } from './forms/form-input';
import { validated } from './forms/form-validation';
import { PageController } from './page-controller';
import { PageResponder } from './page-responder';
import { PAGE_PARAM, pageOfList, pagerOf } from './pager';
import { FilePageService } from './pages/file-page.service';
import { FileSteps } from './pages/file-steps';
import { moneyVi } from './web-views';
import { PageActor, PageRoles, WebRequest } from './web-context';

/** Rows a cost-line table shows at least, so that a form without script still has room. */
const MIN_ROWS = 3;

/**
 * Files (hồ sơ): the list, the guided application form, the file page with its timeline and the
 * actions the user may take now, and every step of the workflow, each through the service the API
 * calls with the same actor.
 */
@PageController('ho-so')
export class ApplicationPagesController {
  constructor(
    private readonly clock: Clock,
    private readonly applications: ApplicationsService,
    private readonly documents: ApplicationDocumentsService,
    private readonly establishments: EstablishmentsService,
    private readonly catalogue: CatalogueService,
    private readonly budgetSetup: BudgetSetupService,
    private readonly budget: BudgetService,
    private readonly settlements: SettlementService,
    private readonly filePage: FilePageService,
    private readonly fileSteps: FileSteps,
    private readonly pages: PageResponder,
    private readonly forms: FormPages,
  ) {}

  @Get()
  async list(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Query() query: Record<string, unknown>) {
    const status = APPLICATION_STATUSES.find((s) => s === query['trang-thai']);
    const overdue = query['qua-han'] === '1';
    // A search longer than the API takes is cut, not refused: the list still answers.
    const text = typeof query['tu-khoa'] === 'string' ? query['tu-khoa'].trim().slice(0, SEARCH_MAX_LENGTH) : '';
    const page = await pageOfList(query[PAGE_PARAM], (slice) =>
      this.applications.list(actor, { ...slice, status, overdue: overdue ? 'true' : undefined, q: text || undefined }),
    );
    const establishments = await this.establishments.namesOf(actor, page.items.map((a) => a.establishmentId));
    const filters = { 'tu-khoa': text, 'trang-thai': status, 'qua-han': overdue ? '1' : '' };
    this.pages.render(req, res, 'applications', {
      title: 'Hồ sơ',
      files: page.items.map((a) => ({ ...a, establishment: establishments.get(a.establishmentId) ?? null })),
      paging: pagerOf(page, '/ho-so', filters),
      statuses: APPLICATION_STATUSES,
      status: status ?? '',
      overdue,
      search: text,
    });
  }

  // ---- the producer's application form ------------------------------------------------------

  @Get('moi')
  @PageRoles('applicant')
  async newForm(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor) {
    const model = await this.applicationFormModel(actor);
    const establishments = model.establishments as unknown[];
    if (establishments.length === 0) return this.pages.redirect(req, res, '/co-so/moi', 'Hãy đăng ký cơ sở trước khi lập đề án.');
    // One choice only: it is chosen already; of several years, this year when it is one of them.
    const funds = model.funds as Array<{ code: string }>;
    const years = (model.years as Array<{ year: number }>).map((y) => String(y.year));
    const thisYear = this.clock.today().slice(0, 4);
    const fiscalYear = years.length === 1 ? years[0] : years.includes(thisYear) ? thisYear : undefined;
    const values = { ...(funds.length === 1 ? { fundCode: funds[0].code } : {}), ...(fiscalYear ? { fiscalYear } : {}) };
    this.pages.render(req, res, 'application-form', { ...model, values, rowCount: MIN_ROWS });
  }

  @Post('moi')
  @PageRoles('applicant')
  async create(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Body() body: FormBody) {
    const { input, formIndexes } = applicationInput(body);
    return this.forms.handle(req, res, {
      template: 'application-form',
      model: async () => ({ ...(await this.applicationFormModel(actor)), rowCount: this.rowCount(body, 'costLines') }),
      fieldNames: rowRenamer('costLines', formIndexes),
      submit: async () => {
        const created = await this.applications.create(actor, await validated(CreateApplicationDto, input));
        return {
          redirect: `/ho-so/${created.id}`,
          flash: `Đã lưu bản nháp. Mức hỗ trợ tối đa theo quy định: ${moneyVi(created.maxSupport, created.currency)}. Hãy đính kèm tài liệu rồi nộp hồ sơ.`,
        };
      },
    });
  }

  // ---- one file -------------------------------------------------------------------------------

  @Get(':id')
  async file(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string) {
    this.pages.render(req, res, 'application', await this.filePage.model(actor, id));
  }

  @Get(':id/sua')
  @PageRoles('applicant')
  async editForm(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string) {
    const app = await this.applications.get(actor, id);
    const values = this.valuesOf(app);
    this.pages.render(req, res, 'application-form', {
      ...(await this.applicationFormModel(actor, app)),
      app,
      values,
      rowCount: Math.max(MIN_ROWS, app.costLines.length + 1),
    });
  }

  @Post(':id/sua')
  @PageRoles('applicant')
  async update(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string, @Body() body: FormBody) {
    const { input, formIndexes } = applicationInput(body);
    return this.forms.handle(req, res, {
      template: 'application-form',
      model: async () => {
        const app = await this.applications.get(actor, id);
        return { ...(await this.applicationFormModel(actor, app)), app, rowCount: this.rowCount(body, 'costLines') };
      },
      fieldNames: rowRenamer('costLines', formIndexes),
      submit: async () => {
        const dto = await validated(UpdateApplicationDto, input);
        // A blank optional field clears it (JSON null in the API).
        const changes = {
          ...dto,
          communeCode: input.communeCode ?? null,
          startDate: input.startDate ?? null,
          endDate: input.endDate ?? null,
          requestedSupport: input.requestedSupport ?? null,
        };
        const updated = await this.applications.update(actor, id, changes);
        return { redirect: `/ho-so/${id}`, flash: `Đã lưu hồ sơ. Mức hỗ trợ tối đa: ${moneyVi(updated.maxSupport, updated.currency)}.` };
      },
    });
  }

  @Post(':id/nop')
  @PageRoles('applicant')
  async submit(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string) {
    return this.fileSteps.run(req, res, actor, id, 'submit', async () => {
      const app = await this.applications.submit(actor, id);
      return app.status === 'under_review' ? 'Đã nộp lại hồ sơ đã bổ sung cho chuyên viên xử lý.' : 'Đã nộp hồ sơ. Trung tâm Khuyến công sẽ giao chuyên viên xử lý.';
    });
  }

  /** Phân loại cơ sở: an officer or head verifies the classification of the file's establishment, as shown on the page. */
  @Post(':id/xac-nhan-phan-loai')
  @PageRoles('officer', 'head')
  async verifyClassification(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string, @Body() body: FormBody) {
    return this.fileSteps.run(req, res, actor, id, 'verifyClassification', async () => {
      const app = await this.applications.get(actor, id);
      const dto = await validated(VerifyClassificationDto, { classificationVersion: wholeNumber(body, 'classificationVersion') });
      const establishment = await this.establishments.verifyClassification(actor, app.establishmentId, dto);
      return `Đã xác nhận phân loại cơ sở “${establishment.name}”.`;
    });
  }

  @Post(':id/rut')
  @PageRoles('applicant')
  async withdraw(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string, @Body() body: FormBody) {
    return this.fileSteps.run(req, res, actor, id, 'withdraw', async () => {
      await this.applications.withdraw(actor, id, await validated(ReasonDto, { reason: optionalText(body, 'reason') }));
      return 'Đã rút hồ sơ.';
    });
  }

  @Post(':id/tai-lieu')
  @PageRoles(...FILE_ACT_ROLES.upload)
  @UseGuards(DocumentUploadGuard)
  @UseInterceptors(FileInterceptor('file', DOCUMENT_UPLOAD_OPTIONS))
  async upload(
    @Req() req: WebRequest,
    @Res() res: Response,
    @PageActor() actor: Actor,
    @Param('id') id: string,
    @UploadedFile() file: UploadedPart | undefined,
    @Body() body: FormBody,
  ) {
    return this.fileSteps.run(req, res, actor, id, 'upload', async () => {
      const document = await this.documents.upload(actor, id, file, await validated(DocumentUploadDto, { kind: text(body, 'kind') }));
      return `Đã đính kèm “${document.name}”.`;
    });
  }

  @Get(':id/tai-lieu/:docId')
  download(@PageActor() actor: Actor, @Param('id') id: string, @Param('docId') docId: string) {
    return this.documents.download(actor, id, docId);
  }

  // ---- settlement, filed by the producer ------------------------------------------------------

  @Get(':id/quyet-toan')
  @PageRoles('applicant')
  async settlementForm(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string) {
    const app = await this.applications.get(actor, id);
    const values: Record<string, unknown> = {};
    app.costLines.forEach((line, i) => {
      values[`actualCostLines[${i}].description`] = line.description;
      values[`actualCostLines[${i}].amount`] = line.amount;
      values[`actualCostLines[${i}].eligible`] = line.eligible ? 'on' : '';
    });
    this.pages.render(req, res, 'settlement-form', { title: 'Nộp quyết toán', app, values, rowCount: Math.max(MIN_ROWS, app.costLines.length + 1) });
  }

  @Post(':id/quyet-toan')
  @PageRoles('applicant')
  async fileSettlement(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string, @Body() body: FormBody) {
    const { input, formIndexes } = settlementInput(body);
    return this.forms.handle(req, res, {
      template: 'settlement-form',
      model: async () => ({ title: 'Nộp quyết toán', app: await this.applications.get(actor, id), rowCount: this.rowCount(body, 'actualCostLines') }),
      fieldNames: rowRenamer('actualCostLines', formIndexes),
      submit: async () => {
        const settlement = await this.settlements.submit(actor, id, await validated(SubmitSettlementDto, input));
        return { redirect: `/ho-so/${id}`, flash: `Đã nộp quyết toán: chi phí thực tế hợp lệ ${moneyVi(settlement.actualEligibleCost)}.` };
      },
    });
  }

  // ---- helpers --------------------------------------------------------------------------------

  /**
   * The choices of the application form, only those that can succeed: the funds whose year is open
   * and allocated (the budget's open books), those years, and the activity types with a rule in
   * force today for one of those funds' sources. No open books: the page says so instead of a form.
   */
  private async applicationFormModel(actor: Actor, editing?: ApplicationView): Promise<Record<string, unknown>> {
    const [establishments, rules, open] = await Promise.all([
      this.establishments.list(actor, { page: 1, pageSize: 200 }),
      this.catalogue.listInForce(actor, {}),
      this.budgetSetup.openBooks(actor),
    ]);
    // A file being changed keeps its own fund and year on offer (the page says when they cannot be approved).
    const own = editing && !open.some((b) => b.fundCode === editing.fundCode && b.fiscalYear === editing.fiscalYear) ? await this.ownBooks(actor, editing) : [];
    const books = [...open, ...own];
    // Only what the form needs of each fund: code, name, source (which rule applies) and currency.
    const fundChoices = [...new Map(books.map((b) => [b.fundCode, { code: b.fundCode, name: b.fundName, source: b.source, currency: b.currency }])).values()];
    const sources = new Set(fundChoices.map((f) => f.source));
    const usable = rules.filter((r) => r.fundSource === null || sources.has(r.fundSource));
    const activityTypes = [...new Map(usable.map((r) => [r.code, { code: r.code, name: r.name }])).values()];
    const budgets = books.map((b) => ({ fundCode: b.fundCode, fiscalYear: b.fiscalYear }));
    return {
      title: 'Lập đề án khuyến công',
      establishments: establishments.items,
      activityTypes,
      funds: fundChoices,
      years: [...new Set(books.map((b) => b.fiscalYear))].sort((a, b) => a - b).map((year) => ({ year })),
      noBudget: open.length === 0 && !editing,
      // Data for the live totals and the years each fund is open for; `<` escaped so that no text in it can end the script element.
      rulesJson: JSON.stringify({ rules: usable, funds: fundChoices, budgets }).replace(/</g, '\\u003c'),
    };
  }

  /** The fund and year a file was filed for, as a choice of its own edit form. */
  private async ownBooks(actor: Actor, app: ApplicationView) {
    const fund = (await this.budget.listFunds(actor)).find((f) => f.code === app.fundCode);
    return fund ? [{ fundCode: fund.code, fundName: fund.name, source: fund.source, currency: fund.currency, fiscalYear: app.fiscalYear }] : [];
  }

  private valuesOf(app: ApplicationView): Record<string, unknown> {
    const values: Record<string, unknown> = {
      establishmentId: app.establishmentId,
      activityTypeCode: app.activityTypeCode,
      fiscalYear: String(app.fiscalYear),
      fundCode: app.fundCode,
      title: app.title,
      communeCode: app.communeCode ?? '',
      startDate: app.startDate ?? '',
      endDate: app.endDate ?? '',
      // Amounts and quantities as people type them (`180.000.000`, `1,5`); the form reads both back.
      requestedSupport: amountForInput(app.requestedSupport),
    };
    app.costLines.forEach((line, i) => {
      values[`costLines[${i}].description`] = line.description;
      values[`costLines[${i}].quantity`] = quantityForInput(line.quantity);
      values[`costLines[${i}].unitPrice`] = amountForInput(line.unitPrice);
      values[`costLines[${i}].eligible`] = line.eligible ? 'on' : '';
    });
    return values;
  }

  /** How many rows to show again: as many as were sent (script may have added some), plus room. */
  private rowCount(body: FormBody, group: string): number {
    const indexes = Object.keys(body)
      .map((key) => new RegExp(`^${group}\\[(\\d{1,3})\\]`).exec(key)?.[1])
      .filter((i): i is string => i !== undefined)
      .map(Number);
    return Math.max(MIN_ROWS, indexes.length ? Math.max(...indexes) + 1 : 0);
  }
}
