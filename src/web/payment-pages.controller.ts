import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Actor, hasRole, STAFF_ROLES } from '../common/auth/actor';
import { Clock } from '../common/clock';
import { ApplicationsService } from '../modules/applications/applications.service';
import { DisbursementsService } from '../modules/disbursements/disbursements.service';
import { PayDisbursementDto, RejectDisbursementDto, ReturnDisbursementDto } from '../modules/disbursements/dto/disbursement.dto';
import { ReceiveRecoveryDto } from '../modules/settlement/dto/settlement.dto';
import { RecoveryService } from '../modules/settlement/recovery.service';
import { SettlementService } from '../modules/settlement/settlement.service';
import { ApiLinks } from './api-links';
import { FormPages } from './forms/form-pages';
import { amount, FormBody, text } from './forms/form-input';
import { validated } from './forms/form-validation';
import { WebIdempotency } from './forms/web-idempotency.service';
import { PageController } from './page-controller';
import { PageResponder } from './page-responder';
import { PAGE_PARAM, pageOfList, pagerOf } from './pager';
import { DirectoryService } from './pages/directory.service';
import { STATEMENT_ROUTE } from './pages/file-page.service';
import { moneyVi } from './web-views';
import { PageActor, PageRoles, WebRequest } from './web-context';

const REPLAYED = 'Biểu mẫu này đã được gửi trước đó; hệ thống không ghi nhận lần nữa.';
/** The page parameter of the disbursements waiting (the list of those done takes `trang`). */
const WAITING_PAGE_PARAM = 'cho';

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
    this.pages.render(req, res, 'disbursements', await this.disbursementModel(actor, req.query));
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

  /** 💰 The treasury sent a paid amount back: money and records move together, once per rendered form. */
  @Post('giai-ngan/:id/tra-lai')
  @PageRoles('finance')
  async returnPayment(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string, @Body() body: FormBody) {
    return this.disbursementStep(req, res, actor, `return-${id}`, async () => {
      const dto = await validated(ReturnDisbursementDto, { treasuryRef: text(body, 'treasuryRef').trim(), valueDate: text(body, 'valueDate'), reason: text(body, 'reason') });
      const { result, replayed } = await this.idempotency.once(actor, body.idempotencyKey, `/giai-ngan/${id}/tra-lai`, dto, req, () =>
        this.disbursements.returnPayment(actor, id, dto),
      );
      return replayed ? REPLAYED : `Đã ghi nhận Kho bạc trả lại ${moneyVi(result.amount)} (chứng từ ${dto.treasuryRef}); khoản tiền trở về kinh phí đã cam kết của đề án.`;
    });
  }

  // ---- settlements -----------------------------------------------------------------------------

  @Get('quyet-toan')
  @PageRoles(...STAFF_ROLES)
  async settlementList(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Query(PAGE_PARAM) asked?: string) {
    const page = await pageOfList(asked, (slice) => this.settlements.list(actor, slice));
    const files = await this.applications.titles(actor, page.items.map((s) => s.applicationId));
    this.pages.render(req, res, 'settlements', {
      title: 'Quyết toán',
      settlements: page.items.map((s) => ({ ...s, file: files.get(s.applicationId) })),
      paging: pagerOf(page, '/quyet-toan'),
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
  async recoveryList(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Query(PAGE_PARAM) asked?: string) {
    this.pages.render(req, res, 'recoveries', await this.recoveryModel(actor, asked));
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

  private disbursementStep(req: WebRequest, res: Response, actor: Actor, form: string, run: () => Promise<string>) {
    return this.forms.handle(req, res, {
      template: 'disbursements',
      model: async () => ({ ...(await this.disbursementModel(actor)), activeForm: form }),
      submit: async () => ({ redirect: '/giai-ngan', flash: await run() }),
    });
  }

  /** What waits (to approve, to pay) and what is done (paid, rejected): two lists, each newest first and paged. */
  private async disbursementModel(actor: Actor, query: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const [waiting, done, names] = await Promise.all([
      pageOfList(query[WAITING_PAGE_PARAM], (slice) => this.disbursements.list(actor, { ...slice, status: ['requested', 'approved'] }, 'newest')),
      pageOfList(query[PAGE_PARAM], (slice) => this.disbursements.list(actor, { ...slice, status: ['paid', 'rejected', 'returned'] }, 'newest')),
      this.directory.for(actor),
    ]);
    const items = [...waiting.items, ...done.items];
    const files = await this.applications.titles(actor, items.map((d) => d.applicationId));
    const pages = { [WAITING_PAGE_PARAM]: String(waiting.page), [PAGE_PARAM]: String(done.page) };
    const rows = items
      .map((d) => ({
        ...d,
        file: files.get(d.applicationId),
        requestedByName: names.personName(d.requestedBy),
        approvedByName: d.approvedBy ? names.personName(d.approvedBy) : null,
        payKey: d.status === 'approved' ? this.idempotency.newKey() : null,
        returnKey: d.status === 'paid' && hasRole(actor, 'finance') ? this.idempotency.newKey() : null,
        mayApprove: this.disbursements.mayApprove(actor, d),
      }));
    return {
      title: 'Giải ngân',
      waiting: rows.slice(0, waiting.items.length),
      done: rows.slice(waiting.items.length),
      waitingPaging: pagerOf(waiting, '/giai-ngan', pages, WAITING_PAGE_PARAM),
      donePaging: pagerOf(done, '/giai-ngan', pages),
      isFinance: hasRole(actor, 'finance'),
      today: this.clock.today(),
    };
  }

  private async settlementModel(actor: Actor, id: string): Promise<Record<string, unknown>> {
    const settlement = await this.settlements.get(actor, id);
    const [app, signed] = await Promise.all([this.applications.get(actor, settlement.applicationId), this.settlements.signatories(actor, id)]);
    // The step is offered exactly when the service would take it (capacity, field, maker-checker, pending requests).
    const mayAct = await this.settlements.mayApprove(actor, id);
    return {
      title: `Quyết toán: ${app.title}`,
      settlement,
      app,
      checkedByName: settlement.checkedBy ? (signed.checkedBy ?? '—') : null,
      approvedByName: settlement.approvedBy ? (signed.approvedBy ?? '—') : null,
      approvedOnBehalfOfName: signed.approvedOnBehalfOf,
      mayAct,
      actLabel: settlement.status === 'submitted' ? 'Xác nhận đã kiểm tra' : 'Phê duyệt quyết toán',
      statementUrl: settlement.status === 'approved' && this.apiLinks.has('GET', STATEMENT_ROUTE) ? STATEMENT_ROUTE.replace(':id', settlement.id) : null,
    };
  }

  private async recoveryModel(actor: Actor, asked?: string): Promise<Record<string, unknown>> {
    const page = await pageOfList(asked, (slice) => this.recoveries.list(actor, slice, 'newest'));
    const files = await this.applications.titles(actor, page.items.map((r) => r.applicationId));
    return {
      title: 'Thu hồi kinh phí',
      recoveries: page.items.map((r) => ({ ...r, file: files.get(r.applicationId), receiveKey: r.status === 'open' ? this.idempotency.newKey() : null })),
      paging: pagerOf(page, '/thu-hoi'),
      isFinance: hasRole(actor, 'finance'),
      today: this.clock.today(),
    };
  }
}
