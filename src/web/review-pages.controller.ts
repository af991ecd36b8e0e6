import { FILE_ACT_ROLES } from '../modules/applications/applications.service';
import { Body, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor } from '../common/auth/actor';
import { ApplicationDecisionService } from '../modules/applications/application-decision.service';
import { ApplicationReviewService } from '../modules/applications/application-review.service';
import { ConsultationsService } from '../modules/applications/consultations.service';
import { FileCancellationService } from '../modules/settlement/file-cancellation.service';
import { AppraisalDto, AssignDto, ConsultDto, DecideDto, NoteDto, RecommendDto, RequiredReasonDto, ReturnDto } from '../modules/applications/dto/workflow.dto';
import { amount, checkbox, FormBody, optionalText, text, wholeNumber } from './forms/form-input';
import { validated } from './forms/form-validation';
import { PageController } from './page-controller';
import { FileSteps } from './pages/file-steps';
import { moneyVi } from './web-views';
import { PageActor, PageRoles, WebRequest } from './web-context';

/**
 * The office's steps on a file up to its decision: assign, return for supplement, consult,
 * appraise, recommend, initial (ký tắt), decide, cancel. Each through the service the API calls,
 * with the same actor.
 */
@PageController('ho-so')
export class ReviewPagesController {
  constructor(
    private readonly review: ApplicationReviewService,
    private readonly decisions: ApplicationDecisionService,
    private readonly consultations: ConsultationsService,
    private readonly cancellations: FileCancellationService,
    private readonly fileSteps: FileSteps,
  ) {}

  @Post(':id/giao')
  @PageRoles(...FILE_ACT_ROLES.assign)
  async assign(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string, @Body() body: FormBody) {
    return this.fileSteps.run(req, res, actor, id, 'assign', async () => {
      const dto = await validated(AssignDto, {
        officerId: text(body, 'officerId'),
        leadUnitId: text(body, 'leadUnitId'),
        dueDate: text(body, 'dueDate'),
        note: optionalText(body, 'note'),
      });
      await this.review.assign(actor, id, dto);
      return 'Đã giao xử lý hồ sơ.';
    });
  }

  @Post(':id/tra-lai')
  @PageRoles(...FILE_ACT_ROLES.return)
  async returnFile(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string, @Body() body: FormBody) {
    return this.fileSteps.run(req, res, actor, id, 'return', async () => {
      await this.review.returnForSupplement(actor, id, await validated(ReturnDto, { reason: text(body, 'reason'), dueDate: text(body, 'dueDate') }));
      return 'Đã trả hồ sơ để cơ sở bổ sung.';
    });
  }

  @Post(':id/xin-y-kien')
  @PageRoles(...FILE_ACT_ROLES.consult)
  async consult(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string, @Body() body: FormBody) {
    return this.fileSteps.run(req, res, actor, id, 'consult', async () => {
      const dto = await validated(ConsultDto, { unitId: text(body, 'unitId'), question: text(body, 'question'), dueDate: text(body, 'dueDate') });
      await this.consultations.consult(actor, id, dto);
      return 'Đã gửi xin ý kiến.';
    });
  }

  @Post(':id/tham-dinh')
  @PageRoles(...FILE_ACT_ROLES.appraise)
  async appraise(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string, @Body() body: FormBody) {
    return this.fileSteps.run(req, res, actor, id, 'appraise', async () => {
      const dto = await validated(AppraisalDto, {
        score: wholeNumber(body, 'score') ?? '',
        recommendation: text(body, 'recommendation'),
        comment: optionalText(body, 'comment'),
      });
      await this.review.appraise(actor, id, dto);
      return 'Đã ghi nhận ý kiến thẩm định.';
    });
  }

  @Post(':id/de-xuat')
  @PageRoles(...FILE_ACT_ROLES.recommend)
  async recommend(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string, @Body() body: FormBody) {
    return this.fileSteps.run(req, res, actor, id, 'recommend', async () => {
      const dto = await validated(RecommendDto, {
        approvedSupport: amount(body, 'approvedSupport') ?? '',
        allocationUnitId: text(body, 'allocationUnitId'),
        note: optionalText(body, 'note'),
        skipAppraisalReason: optionalText(body, 'skipAppraisalReason'),
      });
      await this.review.recommend(actor, id, dto);
      return 'Đã đề xuất mức hỗ trợ; hồ sơ chuyển trưởng phòng ký tắt.';
    });
  }

  @Post(':id/tra-lai-chuyen-vien')
  @PageRoles(...FILE_ACT_ROLES.send_back)
  async sendBack(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string, @Body() body: FormBody) {
    return this.fileSteps.run(req, res, actor, id, 'sendBack', async () => {
      await this.review.sendBack(actor, id, await validated(RequiredReasonDto, { reason: text(body, 'reason') }));
      return 'Đã trả hồ sơ về chuyên viên xử lý để đề xuất lại.';
    });
  }

  @Post(':id/ky-tat')
  @PageRoles(...FILE_ACT_ROLES.initial)
  async initial(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string, @Body() body: FormBody) {
    return this.fileSteps.run(req, res, actor, id, 'initial', async () => {
      await this.review.initial(actor, id, await validated(NoteDto, { note: optionalText(body, 'note') }));
      return 'Đã ký tắt; hồ sơ chuyển lãnh đạo quyết định.';
    });
  }

  @Post(':id/quyet-dinh')
  @PageRoles('leader', 'head', 'officer', 'finance')
  async decide(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string, @Body() body: FormBody) {
    return this.fileSteps.run(req, res, actor, id, 'decide', async () => {
      const dto = await validated(DecideDto, {
        decision: text(body, 'decision'),
        decisionNo: optionalText(body, 'decisionNo'),
        reason: optionalText(body, 'reason'),
        // The box the page shows when a consulted unit disagreed (Điều 13.4); the service requires it then.
        acknowledgeDisagreement: checkbox(body, 'acknowledgeDisagreement'),
      });
      const app = await this.decisions.decide(actor, id, dto);
      return app.status === 'approved'
        ? `Đã phê duyệt hỗ trợ ${moneyVi(app.approvedSupport, app.currency)} (Quyết định số ${app.decisionNo}).`
        : `Đã quyết định không phê duyệt (Quyết định số ${app.decisionNo}).`;
    });
  }

  @Post(':id/huy')
  @PageRoles('leader')
  async cancel(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string, @Body() body: FormBody) {
    return this.fileSteps.run(req, res, actor, id, 'cancel', async () => {
      const cancelled = await this.cancellations.cancel(actor, id, await validated(RequiredReasonDto, { reason: text(body, 'reason') }));
      return cancelled.recoveryId
        ? 'Đã hủy đề án; kinh phí chưa giải ngân đã hoàn trả đơn vị, số đã chi được lập lệnh thu hồi.'
        : 'Đã hủy đề án; kinh phí chưa giải ngân đã hoàn trả đơn vị.';
    });
  }
}
