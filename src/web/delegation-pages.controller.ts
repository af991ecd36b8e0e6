import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Actor, hasRole, STAFF_ROLES } from '../common/auth/actor';
import { Clock } from '../common/clock';
import { CatalogueService } from '../modules/catalogue/catalogue.service';
import { DelegationService } from '../modules/identity/delegation.service';
import { CreateDelegationDto } from '../modules/identity/dto/create-delegation.dto';
import { FormPages } from './forms/form-pages';
import { amount, FormBody, list, text } from './forms/form-input';
import { validated } from './forms/form-validation';
import { PageController } from './page-controller';
import { PageResponder } from './page-responder';
import { PAGE_PARAM, pageOfList, pagerOf } from './pager';
import { DirectoryService } from './pages/directory.service';
import { PageActor, PageRoles, WebRequest } from './web-context';

/** Roles a delegate may hold (as the delegation service requires). */
const DELEGATE_ROLES = ['leader', 'head', 'officer', 'finance'];

/** Ủy quyền: a leader delegates deciding for a period; everyone sees what they gave or received. */
@PageController('uy-quyen')
@PageRoles(...STAFF_ROLES)
export class DelegationPagesController {
  constructor(
    private readonly clock: Clock,
    private readonly delegations: DelegationService,
    private readonly catalogue: CatalogueService,
    private readonly directory: DirectoryService,
    private readonly pages: PageResponder,
    private readonly forms: FormPages,
  ) {}

  @Get()
  async list(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Query(PAGE_PARAM) asked?: string) {
    this.pages.render(req, res, 'delegations', { ...(await this.model(actor, asked)), values: { validFrom: this.clock.today() } });
  }

  @Post()
  @PageRoles('leader')
  async create(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Body() body: FormBody) {
    return this.forms.handle(req, res, {
      template: 'delegations',
      model: () => this.model(actor),
      submit: async () => {
        const dto = await validated(CreateDelegationDto, {
          toUserId: text(body, 'toUserId'),
          validFrom: text(body, 'validFrom'),
          validTo: text(body, 'validTo'),
          maxAmount: amount(body, 'maxAmount'),
          activityTypeCodes: list(body, 'activityTypeCodes'),
          reason: text(body, 'reason'),
        });
        await this.delegations.createDelegation(actor, dto);
        return { redirect: '/uy-quyen', flash: 'Đã ủy quyền.' };
      },
    });
  }

  @Post(':id/thu-hoi')
  @PageRoles('leader')
  async revoke(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string) {
    await this.delegations.revokeDelegation(actor, id);
    return this.pages.redirect(req, res, '/uy-quyen', 'Đã thu hồi ủy quyền.');
  }

  private async model(actor: Actor, asked?: string): Promise<Record<string, unknown>> {
    const [page, names, rules] = await Promise.all([
      pageOfList(asked, (slice) => this.delegations.listDelegations(actor, slice)),
      this.directory.for(actor),
      this.catalogue.listInForce(actor, {}),
    ]);
    return {
      title: 'Ủy quyền',
      delegations: page.items.map((d) => ({
        ...d,
        fromName: names.personName(d.fromUserId),
        toName: names.personName(d.toUserId),
        mine: d.fromUserId === actor.id,
      })),
      paging: pagerOf(page, '/uy-quyen'),
      canDelegate: hasRole(actor, 'leader'),
      delegates: names.staff.filter((p) => p.id !== actor.id && p.roles.some((r) => DELEGATE_ROLES.includes(r))),
      activityTypes: [...new Map(rules.map((r) => [r.code, { code: r.code, name: r.name }])).values()],
    };
  }
}
