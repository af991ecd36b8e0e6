import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Actor, Role, ROLES } from '../common/auth/actor';
import { CatalogueService } from '../modules/catalogue/catalogue.service';
import { CreateUserAccountDto } from '../modules/identity/dto/create-user-account.dto';
import { UpdateUserDto } from '../modules/identity/dto/update-user.dto';
import { UsersService } from '../modules/identity/users.service';
import { UnitService } from '../modules/organization/unit.service';
import { FormPages } from './forms/form-pages';
import { FormBody, list, optionalText, text } from './forms/form-input';
import { validated } from './forms/form-validation';
import { PageController } from './page-controller';
import { PageResponder } from './page-responder';
import { unitRows } from './pages/unit-rows';
import { PageActor, PageRoles, WebRequest } from './web-context';

/** A leader's field of work as the API names it → the form's checkboxes. */
const scopeFieldNames = (field: string) =>
  field.startsWith('leaderScope.activityTypeCodes') ? 'scopeActivityTypeCodes' : field.startsWith('leaderScope.unitIds') ? 'scopeUnitIds' : field;

/** A leader's field of work as the form sends it: null when nothing is ticked (no limit). */
function leaderScopeOf(body: FormBody): { activityTypeCodes?: string[]; unitIds?: string[] } | null {
  const activityTypeCodes = list(body, 'scopeActivityTypeCodes');
  const unitIds = list(body, 'scopeUnitIds');
  return activityTypeCodes || unitIds ? { activityTypeCodes, unitIds } : null;
}

/**
 * Quản trị người dùng: find, open an account (a temporary password shown once), edit (roles,
 * unit, a leader's scope), reset a password. Admins only, as the API.
 */
@PageController('quan-tri')
@PageRoles('admin')
export class AdminUserPagesController {
  constructor(
    private readonly users: UsersService,
    private readonly units: UnitService,
    private readonly catalogue: CatalogueService,
    private readonly pages: PageResponder,
    private readonly forms: FormPages,
  ) {}

  @Get()
  async home(@Req() req: WebRequest, @Res() res: Response) {
    return this.pages.redirect(req, res, '/quan-tri/nguoi-dung');
  }

  /** `?vai-tro=officer`: the new account's form opens with that role ticked (the set-up step's link). */
  @Get('nguoi-dung')
  async list(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Query('q') q?: string, @Query('vai-tro') role?: string) {
    const query = typeof q === 'string' && q.trim() ? q.trim().slice(0, 100) : undefined;
    const roles = ROLES.includes(role as Role) ? [role] : [];
    this.pages.render(req, res, 'admin-users', { ...(await this.listModel(actor, query)), values: { roles } });
  }

  /**
   * Thêm người dùng: `POST /users`'s checks and audit, with a temporary password made by the
   * service (as a reset makes it) shown on this answer only, never kept in a message or a log;
   * the user changes it at their first sign-in.
   */
  @Post('nguoi-dung')
  async create(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Body() body: FormBody) {
    return this.forms.handle(req, res, {
      template: 'admin-users',
      model: () => this.listModel(actor),
      submit: async () => {
        const dto = await validated(CreateUserAccountDto, {
          email: text(body, 'email'),
          fullName: text(body, 'fullName'),
          phone: optionalText(body, 'phone'),
          unitId: text(body, 'unitId'),
          roles: list(body, 'roles') ?? [],
          leaderScope: leaderScopeOf(body),
        });
        const { user, temporaryPassword } = await this.users.createUserWithTemporaryPassword(actor, dto);
        return { answer: { template: 'admin-password-reset', model: { title: 'Mật khẩu tạm thời', user, temporaryPassword, opened: true }, status: 201 } };
      },
      fieldNames: scopeFieldNames,
    });
  }

  @Get('nguoi-dung/:id')
  async editPage(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string) {
    const model = await this.editModel(actor, id);
    const user = model.user as Awaited<ReturnType<UsersService['getUser']>>;
    this.pages.render(req, res, 'admin-user', {
      ...model,
      values: {
        fullName: user.fullName,
        phone: user.phone ?? '',
        unitId: user.unitId ?? '',
        roles: user.roles,
        scopeActivityTypeCodes: user.leaderScope?.activityTypeCodes ?? [],
        scopeUnitIds: user.leaderScope?.unitIds ?? [],
      },
    });
  }

  @Post('nguoi-dung/:id')
  async update(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string, @Body() body: FormBody) {
    return this.forms.handle(req, res, {
      template: 'admin-user',
      model: () => this.editModel(actor, id),
      submit: async () => {
        const dto = await validated(UpdateUserDto, {
          fullName: text(body, 'fullName'),
          phone: optionalText(body, 'phone') ?? null,
          unitId: optionalText(body, 'unitId') ?? null,
          roles: list(body, 'roles') ?? [],
          leaderScope: leaderScopeOf(body),
        });
        await this.users.updateUser(actor, id, dto);
        return { redirect: `/quan-tri/nguoi-dung/${id}`, flash: 'Đã lưu thông tin người dùng; thay đổi có hiệu lực từ yêu cầu kế tiếp của người đó.' };
      },
      fieldNames: scopeFieldNames,
    });
  }

  /** The temporary password is shown on this answer only: never kept in a message or a log. */
  @Post('nguoi-dung/:id/dat-lai-mat-khau')
  async resetPassword(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string) {
    const { temporaryPassword } = await this.users.resetPassword(actor, id);
    const user = await this.users.getUser(actor, id);
    this.pages.render(req, res, 'admin-password-reset', { title: 'Mật khẩu tạm thời', user, temporaryPassword });
  }

  private async listModel(actor: Actor, query?: string): Promise<Record<string, unknown>> {
    const [page, unitNames, choices] = await Promise.all([
      this.users.listUsers(actor, { page: 1, pageSize: 100, q: query }),
      this.unitNames(actor),
      this.choices(actor),
    ]);
    return {
      title: 'Quản trị người dùng',
      q: query ?? '',
      total: page.total,
      users: page.items.map((u) => ({ ...u, unitName: u.unitId ? (unitNames.get(u.unitId) ?? '—') : '—' })),
      ...choices,
    };
  }

  private async editModel(actor: Actor, id: string): Promise<Record<string, unknown>> {
    const [user, choices] = await Promise.all([this.users.getUser(actor, id), this.choices(actor)]);
    return { title: `Người dùng: ${user.fullName}`, user, ...choices };
  }

  /** What a user's form offers: the roles, the active units by name in the tree, the activity types in force. */
  private async choices(actor: Actor): Promise<Record<string, unknown>> {
    const [tree, rules] = await Promise.all([this.units.unitTree(actor), this.catalogue.listInForce(actor, {})]);
    return {
      roles: ROLES,
      units: unitRows(tree.items).map((u) => ({ value: u.id, label: `${'— '.repeat(u.depth)}${u.name} (${u.code})` })),
      activityTypes: [...new Map(rules.map((r) => [r.code, { code: r.code, name: r.name }])).values()],
    };
  }

  private async unitNames(actor: Actor): Promise<Map<string, string>> {
    const tree = await this.units.unitTree(actor, { includeInactive: true });
    return new Map(unitRows(tree.items).map((u) => [u.id, u.name]));
  }
}
