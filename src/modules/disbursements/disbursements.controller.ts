import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { MovesMoney } from '../../common/http/idempotency.interceptor';
import { ContractsService } from './contracts.service';
import { DisbursementsService } from './disbursements.service';
import { AcceptanceDto, ContractDto, DisbursementQuery, PayDisbursementDto, RejectDisbursementDto, RequestDisbursementDto, ReturnDisbursementDto } from './dto/disbursement.dto';
import { FILE_ACT_ROLES } from '../applications/application-files';

@ApiTags('disbursements')
@ApiBearerAuth()
@Controller()
export class DisbursementsController {
  constructor(
    private readonly disbursements: DisbursementsService,
    private readonly contracts: ContractsService,
  ) {}

  @Post('applications/:id/contract')
  @HttpCode(200)
  @Roles(...FILE_ACT_ROLES.contract)
  @ApiOperation({ summary: 'Ghi nhận hợp đồng hỗ trợ' })
  contract(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ContractDto) {
    return this.contracts.contract(actor, id, dto);
  }

  @Post('applications/:id/acceptance')
  @HttpCode(200)
  @Roles(...FILE_ACT_ROLES.accept)
  @ApiOperation({ summary: 'Ghi nhận kết quả nghiệm thu' })
  accept(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: AcceptanceDto) {
    return this.contracts.accept(actor, id, dto);
  }

  @Post('disbursements')
  @Roles(...FILE_ACT_ROLES.request_payment)
  @MovesMoney()
  @ApiOperation({ summary: 'Đề nghị tạm ứng hoặc thanh toán' })
  request(@CurrentActor() actor: Actor, @Body() dto: RequestDisbursementDto) {
    return this.disbursements.request(actor, dto);
  }

  @Get('disbursements')
  @ApiOperation({ summary: 'Danh sách khoản chi (chủ hồ sơ chỉ thấy của mình)' })
  list(@CurrentActor() actor: Actor, @Query() query: DisbursementQuery) {
    return this.disbursements.list(actor, query);
  }

  @Get('disbursements/:id')
  @ApiOperation({ summary: 'Một khoản chi' })
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.disbursements.get(actor, id);
  }

  @Post('disbursements/:id/approve')
  @HttpCode(200)
  @Roles('finance')
  @ApiOperation({ summary: 'Duyệt khoản chi (không phải người đề nghị)' })
  approve(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.disbursements.approve(actor, id);
  }

  @Post('disbursements/:id/pay')
  @HttpCode(200)
  @Roles('finance')
  @MovesMoney()
  @ApiOperation({ summary: 'Chi tiền qua Kho bạc: chuyển từ cam kết sang người thụ hưởng' })
  pay(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: PayDisbursementDto) {
    return this.disbursements.pay(actor, id, dto);
  }

  @Post('disbursements/:id/return')
  @HttpCode(200)
  @Roles('finance')
  @MovesMoney()
  @ApiOperation({ summary: 'Ghi nhận Kho bạc hoàn trả khoản đã chi: chuyển từ người thụ hưởng về cam kết' })
  returnPayment(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ReturnDisbursementDto) {
    return this.disbursements.returnPayment(actor, id, dto);
  }

  @Post('disbursements/:id/reject')
  @HttpCode(200)
  @Roles('finance')
  @ApiOperation({ summary: 'Từ chối khoản chi' })
  reject(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: RejectDisbursementDto) {
    return this.disbursements.reject(actor, id, dto);
  }
}
