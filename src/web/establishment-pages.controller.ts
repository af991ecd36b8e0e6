import { Body, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor } from '../common/auth/actor';
import { AdminUnitsService, communeWithProvince } from '../modules/admin-units/admin-units.service';
import { CreateEstablishmentDto } from '../modules/establishments/dto/create-establishment.dto';
import { ESTABLISHMENT_KIND_LABELS } from '../modules/establishments/establishments.labels';
import { EstablishmentsService } from '../modules/establishments/establishments.service';
import { FormPages } from './forms/form-pages';
import { FormBody, text, wholeNumber } from './forms/form-input';
import { validated } from './forms/form-validation';
import { PageController } from './page-controller';
import { PageResponder } from './page-responder';
import { PAGE_PARAM, pageOfList, pagerOf } from './pager';
import { PageActor, PageRoles, WebRequest } from './web-context';

/** A producer's establishments (cơ sở): the list and the registration form. */
@PageController('co-so')
@PageRoles('applicant')
export class EstablishmentPagesController {
  constructor(
    private readonly establishments: EstablishmentsService,
    private readonly adminUnits: AdminUnitsService,
    private readonly pages: PageResponder,
    private readonly forms: FormPages,
  ) {}

  @Get()
  async list(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Query(PAGE_PARAM) asked?: string) {
    const page = await pageOfList(asked, (slice) => this.establishments.list(actor, slice));
    const communes = await this.adminUnits.communeNames(page.items.map((e) => e.communeCode));
    const communeNames = Object.fromEntries([...communes].map(([code, c]) => [code, communeWithProvince(c)]));
    this.pages.render(req, res, 'establishments', { title: 'Cơ sở của tôi', establishments: page.items, communeNames, paging: pagerOf(page, '/co-so') });
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
        });
        const established = await this.establishments.register(actor, dto);
        return { redirect: '/co-so', flash: `Đã đăng ký cơ sở “${established.name}”. Bạn có thể lập đề án cho cơ sở này.` };
      },
    });
  }
}
