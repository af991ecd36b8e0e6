import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor } from '../common/auth/actor';
import { CreateEstablishmentDto } from '../modules/establishments/dto/create-establishment.dto';
import { UpdateEstablishmentDto } from '../modules/establishments/dto/update-establishment.dto';
import type { EstablishmentView } from '../modules/establishments/establishment.view';
import { ESTABLISHMENT_KIND_LABELS } from '../modules/establishments/establishments.labels';
import { EstablishmentsService } from '../modules/establishments/establishments.service';
import { FormPages } from './forms/form-pages';
import { FormBody, optionalText, text, wholeNumber } from './forms/form-input';
import { validated } from './forms/form-validation';
import { PageController } from './page-controller';
import { PageResponder } from './page-responder';
import { PAGE_PARAM, pageOfList, pagerOf } from './pager';
import { PageActor, PageRoles, WebRequest } from './web-context';

/**
 * The classification as a form sends it: the village and craft as typed, the counts as numbers
 * (anything else left for validation to name); a blank field is none, or not declared.
 */
function classificationInput(body: FormBody) {
  return {
    craftVillage: optionalText(body, 'craftVillage') ?? null,
    traditionalCraft: optionalText(body, 'traditionalCraft') ?? null,
    artisans: wholeNumber(body, 'artisans') ?? null,
    womenWorkers: wholeNumber(body, 'womenWorkers') ?? null,
    disabledWorkers: wholeNumber(body, 'disabledWorkers') ?? null,
  };
}

/** An establishment's facts as its classification form shows them. */
function classificationValues(e: EstablishmentView): Record<string, unknown> {
  return {
    employees: e.employees,
    craftVillage: e.craftVillage,
    traditionalCraft: e.traditionalCraft,
    artisans: e.artisans,
    womenWorkers: e.womenWorkers,
    disabledWorkers: e.disabledWorkers,
  };
}

/** A producer's establishments (cơ sở): the list, the registration form and the classification form. */
@PageController('co-so')
@PageRoles('applicant')
export class EstablishmentPagesController {
  constructor(
    private readonly establishments: EstablishmentsService,
    private readonly pages: PageResponder,
    private readonly forms: FormPages,
  ) {}

  @Get()
  async list(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Query(PAGE_PARAM) asked?: string) {
    const page = await pageOfList(asked, (slice) => this.establishments.list(actor, slice));
    this.pages.render(req, res, 'establishments', { title: 'Cơ sở của tôi', establishments: page.items, paging: pagerOf(page, '/co-so') });
  }

  @Get('moi')
  async form(@Req() req: WebRequest, @Res() res: Response, @Query('chao') welcome?: string) {
    this.pages.render(req, res, 'establishment-form', { title: 'Đăng ký cơ sở', kinds: Object.keys(ESTABLISHMENT_KIND_LABELS), welcome: welcome === '1' });
  }

  @Post('moi')
  async create(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Body() body: FormBody) {
    return this.forms.handle(req, res, {
      template: 'establishment-form',
      model: async () => ({ title: 'Đăng ký cơ sở', kinds: Object.keys(ESTABLISHMENT_KIND_LABELS) }),
      submit: async () => {
        const dto = await validated(CreateEstablishmentDto, {
          name: text(body, 'name'),
          kind: text(body, 'kind'),
          taxCode: text(body, 'taxCode').trim(),
          communeCode: text(body, 'communeCode').trim(),
          address: text(body, 'address'),
          representative: text(body, 'representative'),
          phone: text(body, 'phone').trim(),
          employees: wholeNumber(body, 'employees') ?? '',
          ...classificationInput(body),
        });
        const established = await this.establishments.register(actor, dto);
        return { redirect: '/co-so', flash: `Đã đăng ký cơ sở “${established.name}”. Bạn có thể lập đề án cho cơ sở này.` };
      },
    });
  }

  @Get(':id/phan-loai')
  async classificationForm(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string) {
    const establishment = await this.establishments.get(actor, id);
    this.pages.render(req, res, 'establishment-classification', { title: 'Phân loại cơ sở', establishment, values: classificationValues(establishment) });
  }

  @Post(':id/phan-loai')
  async classify(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string, @Body() body: FormBody) {
    return this.forms.handle(req, res, {
      template: 'establishment-classification',
      model: async () => ({ title: 'Phân loại cơ sở', establishment: await this.establishments.get(actor, id) }),
      submit: async () => {
        const dto = await validated(UpdateEstablishmentDto, { employees: wholeNumber(body, 'employees') ?? '', ...classificationInput(body) });
        const before = await this.establishments.get(actor, id);
        const after = await this.establishments.update(actor, id, dto);
        const cleared = before.classificationVerifiedAt !== null && after.classificationVerifiedAt === null;
        const flash = after.classificationVersion === before.classificationVersion
          ? 'Không có gì thay đổi.'
          : `Đã lưu phân loại cơ sở “${after.name}”.${cleared ? ' Phân loại đã thay đổi nên cần cán bộ xác nhận lại.' : ' Cán bộ Trung tâm sẽ xác nhận khi xem hồ sơ.'}`;
        return { redirect: '/co-so', flash };
      },
    });
  }
}
