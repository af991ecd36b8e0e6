import { Body, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor } from '../common/auth/actor';
import { isId } from '../common/ids';
import { NotFound } from '../common/http/domain-error';
import { ANSWERING_ROLES, ConsultationsService } from '../modules/applications/consultations.service';
import { AnswerDto } from '../modules/applications/dto/workflow.dto';
import { FormPages } from './forms/form-pages';
import { FormBody, optionalText, text } from './forms/form-input';
import { validated } from './forms/form-validation';
import { PageController } from './page-controller';
import { FilePageService } from './pages/file-page.service';
import { PageActor, PageRoles, WebRequest } from './web-context';

/** A consulted unit answers (xin ý kiến), from the file page. */
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
    const consultation = await this.consultations.get(actor, id);
    const applicationId = consultation.applicationId;
    if (!isId(applicationId)) throw new NotFound('Hồ sơ');
    return this.forms.handle(req, res, {
      template: 'application',
      model: async () => ({ ...(await this.filePage.model(actor, applicationId)), activeForm: `answer-${id}` }),
      submit: async () => {
        await this.consultations.answer(actor, id, await validated(AnswerDto, { opinion: text(body, 'opinion'), comment: optionalText(body, 'comment') }));
        return { redirect: `/ho-so/${applicationId}#y-kien`, flash: 'Đã gửi ý kiến của đơn vị.' };
      },
    });
  }
}
