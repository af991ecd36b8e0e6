import { Body, Get, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor } from '../common/auth/actor';
import { Clock } from '../common/clock';
import { CatalogueService } from '../modules/catalogue/catalogue.service';
import { CreateActivityTypeDto } from '../modules/catalogue/dto/create-activity-type.dto';
import { DOCUMENT_KIND_LABELS } from '../modules/catalogue/catalogue.labels';
import { FormPages } from './forms/form-pages';
import { amount, checkbox, FormBody, list, optionalText, text, wholeNumber } from './forms/form-input';
import { validated } from './forms/form-validation';
import { PageController } from './page-controller';
import { FUND_SOURCE_LABELS } from '../modules/ledger/ledger.labels';
import { ESTABLISHMENT_KIND_LABELS } from '../modules/establishments/establishments.labels';
import { PageResponder } from './page-responder';
import { PageActor, PageRoles, WebRequest } from './web-context';

/**
 * Quy định hỗ trợ: every version of every activity type's rule, and a new version from a date
 * (the API's POST /activity-types; a past version is never edited).
 */
@PageController('quan-tri/hoat-dong')
@PageRoles('admin')
export class AdminActivityPagesController {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly clock: Clock,
    private readonly pages: PageResponder,
    private readonly forms: FormPages,
  ) {}

  @Get()
  async list(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor) {
    this.pages.render(req, res, 'admin-activities', { ...(await this.model(actor)), values: { effectiveFrom: this.clock.today(), settlementDueDays: '15' } });
  }

  @Post()
  async publish(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Body() body: FormBody) {
    return this.forms.handle(req, res, {
      template: 'admin-activities',
      model: () => this.model(actor),
      submit: async () => {
        const dto = await validated(CreateActivityTypeDto, {
          code: text(body, 'code').trim(),
          name: text(body, 'name'),
          fundSource: optionalText(body, 'fundSource'),
          supportRate: text(body, 'supportRate').trim().replace(',', '.'),
          supportCap: amount(body, 'supportCap') ?? '',
          capCurrency: optionalText(body, 'capCurrency')?.trim().toUpperCase(),
          advanceRate: text(body, 'advanceRate').trim().replace(',', '.'),
          settlementDueDays: wholeNumber(body, 'settlementDueDays'),
          effectiveFrom: text(body, 'effectiveFrom'),
          requiredDocumentKinds: list(body, 'requiredDocumentKinds'),
          eligibility: eligibilityOf(body),
        });
        const rule = await this.catalogue.publish(actor, dto);
        return { redirect: '/quan-tri/hoat-dong', flash: `Đã ban hành quy định "${rule.name}" hiệu lực từ ${rule.effectiveFrom.split('-').reverse().join('/')}.` };
      },
      // The eligibility's fields stand on the form by their own names.
      fieldNames: (field) => field.replace(/^eligibility\./, ''),
    });
  }

  private async model(actor: Actor): Promise<Record<string, unknown>> {
    const versions = await this.catalogue.allVersions(actor);
    const today = this.clock.today();
    const codes = new Map<string, { code: string; name: string; versions: Array<(typeof versions)[number] & { inForce: boolean }> }>();
    for (const v of versions) {
      const entry = codes.get(v.code) ?? { code: v.code, name: v.name, versions: [] };
      entry.name = v.effectiveFrom <= today ? v.name : entry.name;
      entry.versions.push({ ...v, inForce: v.effectiveFrom <= today && (v.effectiveTo === null || v.effectiveTo >= today) });
      codes.set(v.code, entry);
    }
    return {
      title: 'Quy định hỗ trợ theo loại hoạt động',
      activityTypes: [...codes.values()],
      fundSources: Object.keys(FUND_SOURCE_LABELS),
      documentKinds: Object.keys(DOCUMENT_KIND_LABELS),
      establishmentKinds: Object.keys(ESTABLISHMENT_KIND_LABELS),
    };
  }
}

/** Who the rule supports, as the form gives it: nothing chosen is no condition (the API's absent eligibility). */
function eligibilityOf(body: FormBody) {
  const establishmentKinds = list(body, 'establishmentKinds');
  const maxSupportPerEstablishmentPerYear = amount(body, 'maxSupportPerEstablishmentPerYear');
  const requiresCommuneCode = checkbox(body, 'requiresCommuneCode');
  if (!establishmentKinds?.length && maxSupportPerEstablishmentPerYear === undefined && !requiresCommuneCode) return undefined;
  return {
    ...(establishmentKinds?.length ? { establishmentKinds } : {}),
    ...(maxSupportPerEstablishmentPerYear !== undefined ? { maxSupportPerEstablishmentPerYear } : {}),
    ...(requiresCommuneCode ? { requiresCommuneCode } : {}),
  };
}
