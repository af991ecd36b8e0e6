import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { STAFF_ROLES, type Actor } from '../common/auth/actor';
import { ApplicationDecisionService, DECIDING_ROLES } from '../modules/applications/application-decision.service';
import { ConflictDeclarationsService } from '../modules/applications/conflict-declarations.service';
import { ApplicationsService } from '../modules/applications/applications.service';
import { ListDecisionDto, MAX_LIST_DECISION_FILES } from '../modules/applications/dto/list-decision.dto';
import { ListDecisionService } from '../modules/applications/list-decision.service';
import { CatalogueService } from '../modules/catalogue/catalogue.service';
import { EstablishmentsService } from '../modules/establishments/establishments.service';
import { OFFICIAL_DOCUMENT_LABELS } from '../modules/document-register/document-register.labels';
import { FormPages } from './forms/form-pages';
import { checkbox, FormBody, list, optionalText } from './forms/form-input';
import { validated } from './forms/form-validation';
import { PageController } from './page-controller';
import { PageResponder } from './page-responder';
import { DirectoryService } from './pages/directory.service';
import { moneyVi } from './web-views';
import { PageActor, PageRoles, WebRequest } from './web-context';

/**
 * Quyết định theo danh sách: the leader picks several initialed files from their queue and
 * approves them with one decision (all or none, within the budget); the decision's page lists its
 * files, its number and what it committed. The same services as POST /decisions and GET /decisions/:id.
 */
@PageController('quyet-dinh')
export class DecisionPagesController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly listDecisions: ListDecisionService,
    private readonly decisions: ApplicationDecisionService,
    private readonly conflicts: ConflictDeclarationsService,
    private readonly establishments: EstablishmentsService,
    private readonly catalogue: CatalogueService,
    private readonly directory: DirectoryService,
    private readonly pages: PageResponder,
    private readonly forms: FormPages,
  ) {}

  @Get('moi')
  @PageRoles(...DECIDING_ROLES)
  async form(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor) {
    this.pages.render(req, res, 'list-decision-form', await this.formModel(actor));
  }

  @Post('moi')
  @PageRoles(...DECIDING_ROLES)
  async decide(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Body() body: FormBody) {
    return this.forms.handle(req, res, {
      template: 'list-decision-form',
      model: () => this.formModel(actor),
      // The refusal names the file in its message; the ticks are one field on the page.
      fieldNames: (field) => field.replace(/^applicationIds\[\d+\]$/, 'applicationIds'),
      submit: async () => {
        const dto = await validated(ListDecisionDto, {
          applicationIds: list(body, 'applicationIds') ?? [],
          decisionNo: optionalText(body, 'decisionNo'),
          comment: optionalText(body, 'comment'),
          ...(checkbox(body, 'acknowledgeDisagreements') ? { acknowledgeDisagreements: true } : {}),
        });
        const decision = await this.listDecisions.decide(actor, dto);
        const total = decision.totals.map((t) => moneyVi(t.approvedSupport, t.currency)).join(', ');
        return { redirect: `/quyet-dinh/${decision.id}`, flash: `Đã ban hành Quyết định số ${decision.number}: phê duyệt ${decision.applications.length} hồ sơ, tổng kinh phí ${total}.` };
      },
    });
  }

  @Get(':id')
  @PageRoles(...STAFF_ROLES)
  async show(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string) {
    const decision = await this.listDecisions.get(actor, id);
    const [names, establishments] = await Promise.all([this.directory.for(actor), this.establishments.namesOf(actor, decision.applications.map((a) => a.establishmentId))]);
    this.pages.render(req, res, 'list-decision', {
      title: `Quyết định số ${decision.number}`,
      decision,
      signerName: names.personName(decision.decidedBy),
      onBehalfOfName: decision.decidedOnBehalfOf ? names.personName(decision.decidedOnBehalfOf) : null,
      registerHref: `/so-van-ban-di?year=${decision.decisionDate.slice(0, 4)}&type=decision`,
      typeLabel: OFFICIAL_DOCUMENT_LABELS.decision,
      files: decision.applications.map((a) => ({
        ...a,
        establishmentName: establishments.get(a.establishmentId)?.name ?? '—',
        paperUrl: `/api/v1/applications/${a.id}/official-documents/decision?format=pdf`,
      })),
    });
  }

  /**
   * The initialed files the actor sees, oldest first, each with its conflict-of-interest
   * declarations, whether a consulted unit disagreed with it, and whether the actor may decide it
   * (the decision's own first checks: field of work, delegation, conflicts, maker-checker); a
   * file they may not decide is shown with why, and not offered.
   */
  private async formModel(actor: Actor): Promise<Record<string, unknown>> {
    const [page, rules] = await Promise.all([
      this.applications.list(actor, { page: 1, pageSize: MAX_LIST_DECISION_FILES, status: 'initialed' }),
      this.catalogue.listInForce(actor, {}),
    ]);
    const items = [...page.items].reverse();
    const activityName = new Map(rules.map((r) => [r.code, r.name]));
    const [establishments, refusals, declarations] = await Promise.all([
      this.establishments.namesOf(actor, items.map((a) => a.establishmentId)),
      this.decisions.decisionRefusals(actor, items.map((a) => a.id)),
      Promise.all(items.map((a) => this.conflicts.list(actor, a.id))),
    ]);
    const files = items.map((a, i) => ({
      id: a.id,
      title: a.title,
      establishmentName: establishments.get(a.establishmentId)?.name ?? '—',
      activityName: activityName.get(a.activityTypeCode) ?? a.activityTypeCode,
      fundCode: a.fundCode,
      fiscalYear: a.fiscalYear,
      approvedSupport: a.approvedSupport,
      currency: a.currency,
      disagreements: a.disagreements.map((d) => d.unitName),
      conflictDeclarations: declarations[i],
      mayDecide: refusals.get(a.id) === null,
      refusal: refusals.get(a.id)?.detail ?? null,
    }));
    return {
      title: 'Quyết định phê duyệt theo danh sách',
      files,
      total: page.total,
      anyDisagreement: files.some((f) => f.disagreements.length > 0),
    };
  }
}
