import { FILE_ACT_ROLES } from '../modules/applications/applications.service';
import { Body, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor } from '../common/auth/actor';
import { ContractsService } from '../modules/disbursements/contracts.service';
import { DisbursementsService } from '../modules/disbursements/disbursements.service';
import { DISBURSEMENT_KIND_LABELS } from '../modules/disbursements/disbursements.labels';
import { OUTCOME_FIELDS } from '../modules/disbursements/disbursements.labels';
import { AcceptanceDto, ContractDto, RequestDisbursementDto } from '../modules/disbursements/dto/disbursement.dto';
import { amount, FormBody, optionalText, text } from './forms/form-input';
import { validated } from './forms/form-validation';
import { WebIdempotency } from './forms/web-idempotency.service';
import { PageController } from './page-controller';
import { FileSteps } from './pages/file-steps';
import { moneyVi } from './web-views';
import { PageActor, PageRoles, WebRequest } from './web-context';

/**
 * The outcomes typed in the acceptance form (kết quả của đề án): none when every field is blank;
 * otherwise each field, a blank one as 0, and anything not a whole number left for validation to name.
 */
export function outcomesOf(body: FormBody): Record<string, number | string> | undefined {
  const typed = OUTCOME_FIELDS.map((field) => [field, optionalText(body, `outcomes.${field}`)] as const);
  if (typed.every(([, value]) => value === undefined)) return undefined;
  return Object.fromEntries(typed.map(([field, value]) => [field, value === undefined ? 0 : /^\d{1,9}$/.test(value) ? Number.parseInt(value, 10) : value]));
}

/**
 * A file's steps after its decision: the contract (hợp đồng), the acceptance (nghiệm thu) and the
 * requests for advances and payments. Each through the service the API calls, with the same actor.
 */
@PageController('ho-so')
export class ExecutionPagesController {
  constructor(
    private readonly contracts: ContractsService,
    private readonly disbursements: DisbursementsService,
    private readonly idempotency: WebIdempotency,
    private readonly fileSteps: FileSteps,
  ) {}

  @Post(':id/hop-dong')
  @PageRoles(...FILE_ACT_ROLES.contract)
  async contract(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string, @Body() body: FormBody) {
    return this.fileSteps.run(req, res, actor, id, 'contract', async () => {
      await this.contracts.contract(actor, id, await validated(ContractDto, { contractNo: optionalText(body, 'contractNo'), signedDate: text(body, 'signedDate') }));
      return 'Đã ghi nhận hợp đồng.';
    });
  }

  @Post(':id/nghiem-thu')
  @PageRoles(...FILE_ACT_ROLES.accept)
  async accept(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string, @Body() body: FormBody) {
    return this.fileSteps.run(req, res, actor, id, 'accept', async () => {
      const dto = await validated(AcceptanceDto, {
        result: text(body, 'result'),
        date: text(body, 'date'),
        minutesNo: optionalText(body, 'minutesNo'),
        note: optionalText(body, 'note'),
        outcomes: outcomesOf(body),
      });
      const app = await this.contracts.accept(actor, id, dto);
      return app.status === 'accepted' ? 'Đã ghi nhận nghiệm thu đạt; cơ sở được yêu cầu nộp quyết toán.' : 'Đã ghi nhận nghiệm thu không đạt.';
    });
  }

  /** 💰 An advance or a payment request: once per rendered form, as with the API's Idempotency-Key. */
  @Post(':id/de-nghi-chi')
  @PageRoles(...FILE_ACT_ROLES.request_payment)
  async requestDisbursement(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string, @Body() body: FormBody) {
    return this.fileSteps.run(req, res, actor, id, 'disbursement', async () => {
      const dto = await validated(RequestDisbursementDto, {
        applicationId: id,
        kind: text(body, 'kind'),
        amount: amount(body, 'amount') ?? '',
        note: optionalText(body, 'note'),
      });
      const { result, replayed } = await this.idempotency.once(actor, body.idempotencyKey, `/ho-so/${id}/de-nghi-chi`, dto, req, () =>
        this.disbursements.request(actor, dto),
      );
      if (replayed) return 'Đề nghị này đã được gửi trước đó; không tạo thêm đề nghị mới.';
      return `Đã đề nghị ${DISBURSEMENT_KIND_LABELS[result.kind]?.toLowerCase() ?? result.kind} ${moneyVi(result.amount)}; chờ tài chính duyệt.`;
    });
  }
}
