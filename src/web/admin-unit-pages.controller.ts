import { Body, Param, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor } from '../common/auth/actor';
import { UnitAdministrationService } from '../modules/administration/unit-administration.service';
import { CreateUnitDto } from '../modules/organization/dto/create-unit.dto';
import { UpdateUnitDto } from '../modules/organization/dto/update-unit.dto';
import { UNIT_KIND_LABELS } from '../modules/organization/organization.labels';
import { UnitService } from '../modules/organization/unit.service';
import { FormPages } from './forms/form-pages';
import { FormBody, optionalText, text } from './forms/form-input';
import { validated } from './forms/form-validation';
import { PageController } from './page-controller';
import { PageResponder } from './page-responder';
import { unitRows } from './pages/unit-rows';
import { PageActor, PageRoles, WebRequest } from './web-context';

/** The form that adds a unit (its values and messages when refused), beside the rows' forms. */
const NEW_UNIT_FORM = 'new';

/**
 * Quản trị đơn vị: the whole tree (closed units too), add a unit, rename, move, close and reopen.
 * A refusal (a loop, money or files still held) is shown above the tree with the unit it concerns;
 * the new unit's refusals beside its fields.
 */
@PageController('quan-tri/don-vi')
@PageRoles('admin')
export class AdminUnitPagesController {
  constructor(
    private readonly units: UnitService,
    private readonly administration: UnitAdministrationService,
    private readonly pages: PageResponder,
    private readonly forms: FormPages,
  ) {}

  /** `?loai=centre`: the add form opens with that kind chosen (the set-up step's link). */
  @Get()
  async tree(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Query('loai') kind?: string) {
    const newKind = typeof kind === 'string' && kind in UNIT_KIND_LABELS ? kind : '';
    this.pages.render(req, res, 'admin-units', { ...(await this.model(actor)), newKind });
  }

  /** Thêm đơn vị: the API's `POST /units` (admins), the same DTO and use case. */
  @Post()
  async create(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Body() body: FormBody) {
    return this.forms.handle(req, res, {
      template: 'admin-units',
      model: () => this.model(actor, NEW_UNIT_FORM),
      submit: async () => {
        const dto = await validated(CreateUnitDto, {
          code: text(body, 'code').trim(),
          name: text(body, 'name'),
          kind: text(body, 'kind'),
          parentId: optionalText(body, 'parentId'),
        });
        const unit = await this.units.createUnit(actor, dto);
        return { redirect: `/quan-tri/don-vi#don-vi-${unit.id}`, flash: `Đã thêm đơn vị ${unit.name}.` };
      },
    });
  }

  @Post(':id')
  async update(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string, @Body() body: FormBody) {
    return this.forms.handle(req, res, {
      template: 'admin-units',
      model: () => this.model(actor, id),
      submit: async () => {
        const dto = await validated(UpdateUnitDto, { name: text(body, 'name'), parentId: optionalText(body, 'parentId') ?? null });
        const unit = await this.units.updateUnit(actor, id, dto);
        return { redirect: '/quan-tri/don-vi', flash: `Đã lưu đơn vị ${unit.name}.` };
      },
    });
  }

  @Post(':id/ngung-hoat-dong')
  async deactivate(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string) {
    return this.forms.handle(req, res, {
      template: 'admin-units',
      model: () => this.model(actor, id),
      submit: async () => {
        const unit = await this.administration.deactivateUnit(actor, id);
        return { redirect: '/quan-tri/don-vi', flash: `Đơn vị ${unit.name} đã ngừng hoạt động.` };
      },
    });
  }

  @Post(':id/hoat-dong-lai')
  async activate(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string) {
    return this.forms.handle(req, res, {
      template: 'admin-units',
      model: () => this.model(actor, id),
      submit: async () => {
        const unit = await this.administration.activateUnit(actor, id);
        return { redirect: '/quan-tri/don-vi', flash: `Đơn vị ${unit.name} đã hoạt động trở lại.` };
      },
    });
  }

  /** `activeForm`: the unit whose form was refused (its values and messages show on its row). */
  private async model(actor: Actor, activeForm = ''): Promise<Record<string, unknown>> {
    const rows = unitRows((await this.units.unitTree(actor, { includeInactive: true })).items);
    return {
      title: 'Quản trị đơn vị',
      units: rows.map((u) => ({ ...u, indent: '— '.repeat(u.depth) })),
      parents: rows.filter((u) => u.active).map((u) => ({ value: u.id, label: `${'— '.repeat(u.depth)}${u.name} (${u.code})` })),
      kinds: Object.entries(UNIT_KIND_LABELS).map(([value, label]) => ({ value, label })),
      activeForm,
      refusedUnit: rows.find((u) => u.id === activeForm)?.name ?? null,
    };
  }
}
