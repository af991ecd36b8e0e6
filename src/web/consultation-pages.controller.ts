import { Body, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor } from '../common/auth/actor';
import { isId } from '../common/ids';
import { NotFound } from '../common/http/domain-error';
import { formatDateVi } from '../common/money/format-vi';
import { FILE_ACT_ROLES } from '../modules/applications/applications.service';
import { ANSWERING_ROLES, ConsultationsService } from '../modules/applications/consultations.service';
import { ExtensionRequestDto } from '../modules/applications/dto/extension.dto';
import { AnswerDto, ReasonDto } from '../modules/applications/dto/workflow.dto';
import { FormPages } from './forms/form-pages';
import { FormBody, optionalText, text } from './forms/form-input';
import { validated } from './forms/form-validation';
import { PageController } from './page-controller';
import { FilePageService } from './pages/file-page.service';
import { PageActor, PageRoles, WebRequest } from './web-context';

/**
 * A consulted unit answers (xin ý kiến) or asks for more time (đề nghị gia hạn); the file's officer
 * or head decides that request. From the file page, through the service the API calls.
 */
@PageController('y-kien')
export class ConsultationPagesController {
  constructor(
    private readonly consultations: ConsultationsService,
    private readonly filePage: FilePageService,
    private readonly forms: FormPages,
  ) {}

  @Post(':id/tra-loi')
  @PageRoles(...ANSWERING_ROLES)
  async answer(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string, @Body() body: FormBody) {
    return this.step(req, res, actor, id, `answer-${id}`, async () => {
      await this.consultations.answer(actor, id, await validated(AnswerDto, { opinion: text(body, 'opinion'), comment: optionalText(body, 'comment') }));
      return 'Đã gửi ý kiến của đơn vị.';
    });
  }

  @Post(':id/gia-han')
  @PageRoles(...ANSWERING_ROLES)
  async requestExtension(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string, @Body() body: FormBody) {
    return this.step(req, res, actor, id, `extension-${id}`, async () => {
      const dto = await validated(ExtensionRequestDto, { newDueDate: text(body, 'newDueDate'), reason: text(body, 'reason') });
      const asked = await this.consultations.requestExtension(actor, id, dto);
      return `Đã gửi đề nghị gia hạn đến ${formatDateVi(asked.extension!.requestedUntil)}; trong khi chờ quyết định, đơn vị vẫn trả lời được.`;
    });
  }

  @Post(':id/gia-han/dong-y')
  @PageRoles(...FILE_ACT_ROLES.decide_extension)
  async approveExtension(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string, @Body() body: FormBody) {
    return this.step(req, res, actor, id, `extension-decision-${id}`, async () => {
      const decided = await this.consultations.approveExtension(actor, id, await validated(ReasonDto, { reason: optionalText(body, 'reason') }));
      return `Đã đồng ý gia hạn; hạn trả lời mới ${formatDateVi(decided.dueDate)}.`;
    });
  }

  @Post(':id/gia-han/khong-dong-y')
  @PageRoles(...FILE_ACT_ROLES.decide_extension)
  async rejectExtension(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string, @Body() body: FormBody) {
    return this.step(req, res, actor, id, `extension-decision-${id}`, async () => {
      const decided = await this.consultations.rejectExtension(actor, id, await validated(ReasonDto, { reason: optionalText(body, 'reason') }));
      return `Đã không đồng ý gia hạn; hạn trả lời giữ nguyên ${formatDateVi(decided.dueDate)}.`;
    });
  }

  /** A step on a consultation, from its file's page: back to the consultations with a message, or the page with the refusal beside the form. */
  private async step(req: WebRequest, res: Response, actor: Actor, id: string, form: string, run: () => Promise<string>) {
    const applicationId = (await this.consultations.get(actor, id)).applicationId;
    if (!isId(applicationId)) throw new NotFound('Hồ sơ');
    return this.forms.handle(req, res, {
      template: 'application',
      model: async () => ({ ...(await this.filePage.model(actor, applicationId)), activeForm: form }),
      submit: async () => ({ redirect: `/ho-so/${applicationId}#y-kien`, flash: await run() }),
    });
  }
}
