import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Actor, hasRole } from '../common/auth/actor';
import { Clock } from '../common/clock';
import { ValidationFailed } from '../common/http/domain-error';
import { formatMoneyVi } from '../common/money/format-vi';
import { Money } from '../common/money/decimal';
import { BudgetService } from '../modules/budget/budget.service';
import { CatalogueService } from '../modules/catalogue/catalogue.service';
import { OUTCOME_FIELDS, OUTCOME_LABELS } from '../modules/disbursements/disbursements.labels';
import type { EstablishmentQuery } from '../modules/establishments/dto/establishment-query.dto';
import { EstablishmentsService } from '../modules/establishments/establishments.service';
import { UnitService } from '../modules/organization/unit.service';
import { AnnualNarrativeService } from '../modules/programme/annual-narrative.service';
import { AnnualPlanService } from '../modules/programme/annual-plan.service';
import { CommendationsService } from '../modules/programme/commendations.service';
import { CreateCommendationDto } from '../modules/programme/dto/commendation.dto';
import { PutNarrativeDto } from '../modules/programme/dto/narrative.dto';
import { PutPlanDto } from '../modules/programme/dto/plan.dto';
import { AnnualReportService } from '../modules/reports/annual/annual-report.service';
import { rowRenamer } from './forms/application-input';
import { FormPages } from './forms/form-pages';
import { amountForInput, FormBody, normaliseAmount, optionalText, rows, text } from './forms/form-input';
import { validated } from './forms/form-validation';
import { PageController } from './page-controller';
import { PageResponder } from './page-responder';
import { unitRows } from './pages/unit-rows';
import { PageActor, PageRoles, WebRequest } from './web-context';

/** Blank lines the plan form offers beyond the plan's own. */
const BLANK_PLAN_LINES = 3;

const NARRATIVE_PARTS = [
  { field: 'results', label: 'Kết quả đạt được' },
  { field: 'difficulties', label: 'Khó khăn, vướng mắc' },
  { field: 'causes', label: 'Nguyên nhân' },
  { field: 'proposals', label: 'Đề xuất, kiến nghị' },
] as const;

/** A whole number typed in a form as a number; anything else left for validation to name. */
const count = (value: string | undefined) => {
  const typed = (value ?? '').trim();
  return /^\d{1,9}$/.test(typed) ? Number.parseInt(typed, 10) : typed;
};

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Kế hoạch và kết quả thực hiện: a year's plan set against what was done, the outcomes of the
 * accepted files, the assessment and the commendations, as the annual review says them (the same
 * service as GET /reports/annual/:year); finance and leaders edit the plan and the assessment
 * (PUT /plans/:year, PUT /reports/annual/:year/narrative), a leader records a commendation
 * (POST /commendations), through the services the API calls.
 */
@PageController('bao-cao/ke-hoach')
@PageRoles('finance', 'leader', 'auditor')
export class ProgrammePagesController {
  constructor(
    private readonly clock: Clock,
    private readonly annual: AnnualReportService,
    private readonly plans: AnnualPlanService,
    private readonly narratives: AnnualNarrativeService,
    private readonly commendations: CommendationsService,
    private readonly catalogue: CatalogueService,
    private readonly units: UnitService,
    private readonly budget: BudgetService,
    private readonly establishments: EstablishmentsService,
    private readonly pages: PageResponder,
    private readonly forms: FormPages,
  ) {}

  @Get()
  async thisYear(@Req() req: WebRequest, @Res() res: Response) {
    return this.pages.redirect(req, res, `/bao-cao/ke-hoach/${this.clock.today().slice(0, 4)}`);
  }

  @Get(':year')
  async page(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('year') year: string) {
    this.pages.render(req, res, 'programme', await this.model(actor, year));
  }

  @Post(':year')
  @PageRoles('finance', 'leader')
  async savePlan(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('year') year: string, @Body() body: FormBody) {
    const found = rows(body, 'items');
    return this.forms.handle(req, res, {
      template: 'programme',
      model: () => this.model(actor, year, 'plan'),
      fieldNames: rowRenamer('items', found.map((r) => r.index)),
      submit: async () => {
        const items = found.map(({ fields }) => ({
          activityTypeCode: fields.activityTypeCode ?? '',
          unitId: fields.unitId ?? '',
          fundCode: fields.fundCode ?? '',
          plannedCount: count(fields.plannedCount),
          plannedBudget: normaliseAmount(fields.plannedBudget ?? ''),
        }));
        const plan = await this.plans.replacePlan(actor, year, await validated(PutPlanDto, { items }));
        const totals = plan.totals.map((t) => `${t.plannedCount} đề án, dự toán ${formatMoneyVi(new Money(t.plannedBudget), t.currency)}`).join('; ');
        return { redirect: `/bao-cao/ke-hoach/${plan.fiscalYear}`, flash: plan.items.length ? `Đã lưu kế hoạch năm ${plan.fiscalYear}: ${totals}.` : `Đã xóa kế hoạch năm ${plan.fiscalYear}.` };
      },
    });
  }

  @Post(':year/danh-gia')
  @PageRoles('finance', 'leader')
  async saveNarrative(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('year') year: string, @Body() body: FormBody) {
    return this.forms.handle(req, res, {
      template: 'programme',
      model: () => this.model(actor, year, 'narrative'),
      submit: async () => {
        const dto = await validated(PutNarrativeDto, Object.fromEntries(NARRATIVE_PARTS.map((p) => [p.field, text(body, p.field)])));
        const saved = await this.narratives.saveNarrative(actor, year, dto);
        return { redirect: `/bao-cao/ke-hoach/${saved.fiscalYear}#danh-gia`, flash: `Đã lưu phần đánh giá của báo cáo tổng kết năm ${saved.fiscalYear}.` };
      },
    });
  }

  @Post(':year/khen-thuong')
  @PageRoles('leader')
  async commend(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('year') year: string, @Body() body: FormBody) {
    return this.forms.handle(req, res, {
      template: 'programme',
      model: () => this.model(actor, year, 'commendation'),
      // The form names an establishment by its tax code (mã số thuế), the API by its id.
      fieldNames: (field) => (field === 'establishmentId' ? 'taxCode' : field),
      submit: async () => {
        const taxCode = optionalText(body, 'taxCode');
        let establishmentId: string | undefined;
        if (taxCode) {
          const query: EstablishmentQuery = { taxCode, page: 1, pageSize: 1 };
          const found = await this.establishments.list(actor, query);
          if (!found.items.length) throw ValidationFailed.field('establishmentId', 'không có cơ sở nào với mã số thuế này');
          establishmentId = found.items[0].id;
        }
        const dto = await validated(CreateCommendationDto, {
          fiscalYear: /^\d{4}$/.test(year) ? Number.parseInt(year, 10) : year,
          establishmentId,
          personName: optionalText(body, 'personName'),
          unitId: optionalText(body, 'unitId'),
          form: text(body, 'form'),
          decisionNo: text(body, 'decisionNo'),
          decisionDate: text(body, 'decisionDate'),
          reason: text(body, 'reason'),
        });
        const saved = await this.commendations.commend(actor, dto);
        return { redirect: `/bao-cao/ke-hoach/${saved.fiscalYear}#khen-thuong`, flash: `Đã ghi nhận khen thưởng: ${saved.recipient} (${saved.form}).` };
      },
    });
  }

  private async model(actor: Actor, yearParam: string, activeForm?: 'plan' | 'narrative' | 'commendation'): Promise<Record<string, unknown>> {
    // The review's own figures (and its 400 for a year that is no year).
    const report = (await this.annual.report(actor, yearParam, {})) as Json;
    const year = report.fiscalYear as number;
    const [plan, activityTypes, tree, funds] = await Promise.all([
      this.plans.getPlan(actor, String(year)),
      this.catalogue.listInForce(actor, { on: `${year}-12-31` }),
      this.units.unitTree(actor),
      this.budget.fundList(),
    ]);
    const units = unitRows(tree.items);
    const formLines = [
      ...plan.items.map((i) => ({ ...i, plannedBudget: amountForInput(i.plannedBudget), plannedCount: String(i.plannedCount) })),
      ...Array.from({ length: BLANK_PLAN_LINES }, () => ({ activityTypeCode: '', unitId: '', fundCode: '', plannedBudget: '', plannedCount: '' })),
    ];
    const narrative = report.narrative as Json | null;
    return {
      title: `Kế hoạch và kết quả thực hiện năm ${year}`,
      year,
      previousYear: year > 2000 ? year - 1 : null,
      nextYear: year < 2100 ? year + 1 : null,
      activeForm,
      plan: report.plan,
      planTotals: report.planTotals,
      outcomes: report.outcomes,
      outcomeFields: OUTCOME_FIELDS.map((field) => ({ field, label: OUTCOME_LABELS[field] })),
      narrative,
      narrativeParts: NARRATIVE_PARTS.map((p) => ({ ...p, text: narrative?.[p.field] ?? '' })),
      commendations: report.commendations,
      canEdit: hasRole(actor, 'finance', 'leader'),
      canCommend: hasRole(actor, 'leader'),
      formLines,
      activityChoices: [...new Map(activityTypes.map((a) => [a.code, { value: a.code, label: a.name }])).values()],
      unitChoices: units.map((u) => ({ value: u.id, label: `${'— '.repeat(u.depth)}${u.name} (${u.code})` })),
      fundChoices: funds.map((f) => ({ value: f.code, label: `${f.code} — ${f.name}` })),
      today: this.clock.today(),
    };
  }
}
