import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Actor, hasRole, isStaff, STAFF_ROLES } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { ApplicationsService } from '../applications/applications.service';
import { DomainError } from '../../common/http/domain-error';
import { Money } from '../../common/money/decimal';
import { DelegationService } from '../identity/delegation.service';
import { DisbursementsService } from '../disbursements/disbursements.service';
import { PayDisbursementDto, RejectDisbursementDto } from '../disbursements/dto/disbursement.dto';
import { ReceiveRecoveryDto } from '../settlement/dto/settlement.dto';
import { RecoveryService } from '../settlement/recovery.service';
import { SettlementService } from '../settlement/settlement.service';
import { ApiLinks } from './api-links';
import { FormPages } from './forms/form-pages';
import { amount, FormBody, text } from './forms/form-input';
import { validated } from './forms/form-validation';
import { WebIdempotency } from './forms/web-idempotency.service';
import { PageController } from './page-controller';
import { PageResponder } from './page-responder';
import { DirectoryService } from './pages/directory.service';
import { STATEMENT_ROUTE } from './pages/file-page.service';
import { moneyVi } from './web-views';
import { PageActor, PageRoles, WebRequest } from './web-context';

const PAGE = { page: 1, pageSize: 200 };
const REPLAYED = 'Biểu mẫu này đã được gửi trước đó; hệ thống không ghi nhận lần nữa.';

/** Titles and currencies of the files a list of money items belongs to, each read once. */
async function filesOf(applications: ApplicationsService, actor: Actor, ids: string[]) {
  const files = new Map<string, { title: string; currency: string }>();
  for (const id of new Set(ids)) {
    const app = await applications.get(actor, id);
    files.set(id, { title: app.title, currency: app.currency });
  }
  return files;
}

/**
 * Giải ngân, quyết toán, thu hồi: finance approves and pays disbursements (paying once per
 * rendered form), checks settlements before a leader approves them, and records recoveries.
 */
@PageController()
export class PaymentPagesController {
  constructor(
    private readonly clock: Clock,
    private readonly applications: ApplicationsService,
    private readonly disbursements: DisbursementsService,
    private readonly settlements: SettlementService,
    private readonly recoveries: RecoveryService,
    private readonly delegations: DelegationService,
    private readonly directory: DirectoryService,
    private readonly idempotency: WebIdempotency,
    private readonly apiLinks: ApiLinks,
    private readonly pages: PageResponder,
    private readonly forms: FormPages,
  ) {}

  // ---- disbursements ---------------------------------------------------------------------------

  @Get('giai-ngan')
  @PageRoles('officer', 'finance', 'auditor')
  async disbursementList(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor) {
    this.pages.render(req, res, 'disbursements', await this.disbursementModel(actor));
  }

  @Post('giai-ngan/:id/duyet')
  @PageRoles('finance')
  async approve(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string) {
    return this.disbursementStep(req, res, actor, `approve-${id}`, async () => {
      const d = await this.disbursements.approve(actor, id);
      return `Đã duyệt khoản chi ${moneyVi(d.amount)}; chờ chi qua Kho bạc.`;
    });
  }

  @Post('giai-ngan/:id/tu-choi')
  @PageRoles('finance')
  async reject(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string, @Body() body: FormBody) {
    return this.disbursementStep(req, res, actor, `reject-${id}`, async () => {
      await this.disbursements.reject(actor, id, await validated(RejectDisbursementDto, { reason: text(body, 'reason') }));
      return 'Đã từ chối khoản chi.';
    });
  }

  /** 💰 Paying moves the money: once per rendered form, as with the API's Idempotency-Key. */
  @Post('giai-ngan/:id/chi')
  @PageRoles('finance')
  async pay(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string, @Body() body: FormBody) {
    return this.disbursementStep(req, res, actor, `pay-${id}`, async () => {
      const dto = await validated(PayDisbursementDto, { treasuryRef: text(body, 'treasuryRef').trim(), valueDate: text(body, 'valueDate') });
      const { result, replayed } = await this.idempotency.once(actor, body.idempotencyKey, `/giai-ngan/${id}/chi`, dto, req, () => this.disbursements.pay(actor, id, dto));
      return replayed ? REPLAYED : `Đã chi ${moneyVi(result.amount)} (chứng từ ${result.treasuryRef}).`;
    });
  }

  // ---- settlements -----------------------------------------------------------------------------

  @Get('quyet-toan')
  @PageRoles(...STAFF_ROLES)
  async settlementList(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor) {
    const page = await this.settlements.list(actor, PAGE);
    const files = await filesOf(this.applications, actor, page.items.map((s) => s.applicationId));
    this.pages.render(req, res, 'settlements', {
      title: 'Quyết toán',
      settlements: page.items.map((s) => ({ ...s, file: files.get(s.applicationId) })),
    });
  }

  @Get('quyet-toan/:id')
  async settlement(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string) {
    this.pages.render(req, res, 'settlement', await this.settlementModel(actor, id));
  }

  @Post('quyet-toan/:id/duyet')
  @PageRoles('finance', 'leader', 'head', 'officer')
  async approveSettlement(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string) {
    return this.forms.handle(req, res, {
      template: 'settlement',
      model: () => this.settlementModel(actor, id),
      submit: async () => {
        const s = await this.settlements.approve(actor, id);
        const flash =
          s.status === 'checked'
            ? 'Đã kiểm tra quyết toán; chuyển lãnh đạo phê duyệt.'
            : `Đã phê duyệt quyết toán: kinh phí hỗ trợ cuối cùng ${moneyVi(s.finalSupport)}, chênh lệch ${moneyVi(s.balance)}.`;
        return { redirect: `/quyet-toan/${id}`, flash };
      },
    });
  }

  // ---- recoveries ------------------------------------------------------------------------------

  @Get('thu-hoi')
  @PageRoles(...STAFF_ROLES)
  async recoveryList(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor) {
    this.pages.render(req, res, 'recoveries', await this.recoveryModel(actor));
  }

  /** 💰 A receipt moves money back to the unit: once per rendered form. */
  @Post('thu-hoi/:id/nhan')
  @PageRoles('finance')
  async receive(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string, @Body() body: FormBody) {
    return this.forms.handle(req, res, {
      template: 'recoveries',
      model: async () => ({ ...(await this.recoveryModel(actor)), activeForm: `receive-${id}` }),
      submit: async () => {
        const dto = await validated(ReceiveRecoveryDto, { amount: amount(body, 'amount') ?? '', treasuryRef: text(body, 'treasuryRef').trim(), valueDate: text(body, 'valueDate') });
        const { result, replayed } = await this.idempotency.once(actor, body.idempotencyKey, `/thu-hoi/${id}/nhan`, dto, req, () => this.recoveries.receive(actor, id, dto));
        return { redirect: '/thu-hoi', flash: replayed ? REPLAYED : `Đã ghi nhận thu hồi ${moneyVi(dto.amount)}; còn phải thu ${moneyVi(result.outstanding)}.` };
      },
    });
  }

  // ---- models ----------------------------------------------------------------------------------

  /** The last page of a list that runs oldest first: the most recent items. */
  private async latest<T>(list: (page: number) => Promise<{ items: T[]; total: number; pageSize: number }>): Promise<T[]> {
    const first = await list(1);
    const last = Math.max(1, Math.ceil(first.total / first.pageSize));
    return last === 1 ? first.items : (await list(last)).items;
  }

  private disbursementStep(req: WebRequest, res: Response, actor: Actor, form: string, run: () => Promise<string>) {
    return this.forms.handle(req, res, {
      template: 'disbursements',
      model: async () => ({ ...(await this.disbursementModel(actor)), activeForm: form }),
      submit: async () => ({ redirect: '/giai-ngan', flash: await run() }),
    });
  }

  private async disbursementModel(actor: Actor): Promise<Record<string, unknown>> {
    // Everything waiting, and the latest of what is done (the list runs oldest first).
    const [requested, approved, paid, rejected, names] = await Promise.all([
      this.disbursements.list(actor, { ...PAGE, status: 'requested' }),
      this.disbursements.list(actor, { ...PAGE, status: 'approved' }),
      this.latest((page) => this.disbursements.list(actor, { page, pageSize: 50, status: 'paid' })),
      this.latest((page) => this.disbursements.list(actor, { page, pageSize: 20, status: 'rejected' })),
      this.directory.for(actor),
    ]);
    const items = [...requested.items, ...approved.items, ...paid, ...rejected].sort((a, b) => a.id.localeCompare(b.id));
    const files = await filesOf(this.applications, actor, items.map((d) => d.applicationId));
    const rows = items
      .map((d) => ({
        ...d,
        file: files.get(d.applicationId),
        requestedByName: names.personName(d.requestedBy),
        approvedByName: d.approvedBy ? names.personName(d.approvedBy) : null,
        payKey: d.status === 'approved' ? this.idempotency.newKey() : null,
        mayApprove: hasRole(actor, 'finance') && d.status === 'requested' && d.requestedBy !== actor.id,
      }))
      .reverse();
    return {
      title: 'Giải ngân',
      waiting: rows.filter((d) => d.status === 'requested' || d.status === 'approved'),
      done: rows.filter((d) => d.status === 'paid' || d.status === 'rejected'),
      isFinance: hasRole(actor, 'finance'),
      today: this.clock.today(),
    };
  }

  private async settlementModel(actor: Actor, id: string): Promise<Record<string, unknown>> {
    const settlement = await this.settlements.get(actor, id);
    const [app, names] = await Promise.all([this.applications.get(actor, settlement.applicationId), this.directory.for(actor)]);
    const mayAct =
      isStaff(actor) &&
      ((settlement.status === 'submitted' && hasRole(actor, 'finance')) ||
        (settlement.status === 'checked' && ![settlement.checkedBy, settlement.submittedBy].includes(actor.id) && (await this.mayDecide(actor, app))));
    return {
      title: `Quyết toán: ${app.title}`,
      settlement,
      app,
      checkedByName: settlement.checkedBy ? names.personName(settlement.checkedBy) : null,
      approvedByName: settlement.approvedBy ? names.personName(settlement.approvedBy) : null,
      mayAct,
      actLabel: settlement.status === 'submitted' ? 'Xác nhận đã kiểm tra' : 'Phê duyệt quyết toán',
      statementUrl: settlement.status === 'approved' && this.apiLinks.has('GET', STATEMENT_ROUTE) ? STATEMENT_ROUTE.replace(':id', settlement.id) : null,
    };
  }

  /** A leader, or a delegate whose delegation covers this file (as the settlement service decides). */
  private async mayDecide(actor: Actor, app: { approvedSupport: string | null; currency: string; activityTypeCode: string }): Promise<boolean> {
    try {
      await this.delegations.decisionCapacity(actor, {
        amount: new Money(app.approvedSupport ?? '0'),
        currency: app.currency,
        activityTypeCode: app.activityTypeCode,
        on: this.clock.now(),
      });
      return true;
    } catch (error) {
      if (error instanceof DomainError) return false;
      throw error;
    }
  }

  private async recoveryModel(actor: Actor): Promise<Record<string, unknown>> {
    const items = (await this.latest((page) => this.recoveries.list(actor, { page, pageSize: 100 }))).reverse();
    const files = await filesOf(this.applications, actor, items.map((r) => r.applicationId));
    return {
      title: 'Thu hồi kinh phí',
      recoveries: items.map((r) => ({ ...r, file: files.get(r.applicationId), receiveKey: r.status === 'open' ? this.idempotency.newKey() : null })),
      isFinance: hasRole(actor, 'finance'),
      today: this.clock.today(),
    };
  }
}
