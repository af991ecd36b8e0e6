import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Actor, hasRole, STAFF_ROLES } from '../common/auth/actor';
import { Clock } from '../common/clock';
import { CatalogueService } from '../modules/catalogue/catalogue.service';
import { DelegationService, ROUTINE_DELEGATE_ROLES } from '../modules/identity/delegation.service';
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

/**
 * Ủy quyền: a leader delegates deciding for a period, a head the unit's routine work (assigning,
 * initialing) to a member of the unit; everyone sees what they gave or received.
 */
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
    this.pages.render(req, res, 'delegations', await this.model(actor, asked));
  }

  /** One address for both forms: a hidden `scope` says which (a leader's decision, a head's routine work). */
  @Post()
  @PageRoles('leader', 'head')
  async create(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Body() body: FormBody) {
    const scope = text(body, 'scope') === 'routine' ? 'routine' : 'decision';
    return this.forms.handle(req, res, {
      template: 'delegations',
      model: async () => ({ ...(await this.model(actor)), activeForm: scope }),
      submit: async () => {
        const window = { toUserId: text(body, 'toUserId'), validFrom: text(body, 'validFrom'), validTo: text(body, 'validTo'), reason: text(body, 'reason') };
        const dto = await validated(
          CreateDelegationDto,
          scope === 'routine'
            ? { ...window, scope }
            : { ...window, maxAmount: amount(body, 'maxAmount'), activityTypeCodes: list(body, 'activityTypeCodes') },
        );
        await this.delegations.createDelegation(actor, dto);
        return { redirect: '/uy-quyen', flash: scope === 'routine' ? 'Đã ủy quyền công việc thường xuyên.' : 'Đã ủy quyền.' };
      },
    });
  }

  @Post(':id/thu-hoi')
  @PageRoles('leader', 'head')
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
    const today = this.clock.today();
    const activityName = new Map(rules.map((r) => [r.code, r.name]));
    return {
      title: 'Ủy quyền',
      today,
      delegations: page.items.map((d) => ({
        ...d,
        fromName: names.personName(d.fromUserId),
        toName: names.personName(d.toUserId),
        activityNames: d.activityTypeCodes ? d.activityTypeCodes.map((code) => activityName.get(code) ?? code) : null,
        mine: d.fromUserId === actor.id,
      })),
      paging: pagerOf(page, '/uy-quyen'),
      canDelegate: hasRole(actor, 'leader'),
      delegates: names.staff.filter((p) => p.id !== actor.id && p.roles.some((r) => DELEGATE_ROLES.includes(r))),
      canDelegateRoutine: hasRole(actor, 'head') && actor.unitId !== null,
      unitName: names.unitName(actor.unitId),
      // Members of the head's own unit who work its files (as the delegation service requires).
      routineDelegates: names.staff.filter(
        (p) => p.id !== actor.id && actor.unitId !== null && p.unitId === actor.unitId && p.roles.some((r) => ROUTINE_DELEGATE_ROLES.includes(r)),
      ),
      activityTypes: [...new Map(rules.map((r) => [r.code, { code: r.code, name: r.name }])).values()],
    };
  }
}
