import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { MovesMoney } from '../../common/http/idempotency.interceptor';
import { ReceiveRecoveryDto, RecoveryQuery, SubmitSettlementDto } from './dto/settlement.dto';
import { RequiredReasonDto } from '../applications/dto/workflow.dto';
import { FileCancellationService } from './file-cancellation.service';
import { RecoveryService } from './recovery.service';
import { SettlementService } from './settlement.service';

@ApiTags('settlement')
@ApiBearerAuth()
@Controller()
export class SettlementController {
  constructor(
    private readonly settlements: SettlementService,
    private readonly recoveries: RecoveryService,
    private readonly cancellations: FileCancellationService,
  ) {}

  @Post('applications/:id/cancel')
  @HttpCode(200)
  @Roles('leader')
  @ApiOperation({ summary: 'Hủy đề án đã phê duyệt: hoàn trả kinh phí chưa giải ngân, mở lệnh thu hồi số đã chi (recoveryId)' })
  cancel(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: RequiredReasonDto) {
    return this.cancellations.cancel(actor, id, dto);
  }

  @Post('applications/:id/settlement')
  @Roles('applicant')
  @ApiOperation({ summary: 'Nộp hồ sơ quyết toán (chi phí thực tế)' })
  submit(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: SubmitSettlementDto) {
    return this.settlements.submit(actor, id, dto);
  }

  @Post('settlements/:id/approve')
  @HttpCode(200)
  @Roles('finance', 'leader', 'head', 'officer')
  @ApiOperation({ summary: 'Tài chính kiểm tra, sau đó lãnh đạo (hoặc người được ủy quyền) phê duyệt quyết toán' })
  approve(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.settlements.approve(actor, id);
  }

  @Get('settlements/:id')
  @ApiOperation({ summary: 'Quyết toán với các số liệu' })
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.settlements.get(actor, id);
  }

  @Get('settlements/:id/statement.pdf')
  @ApiOperation({ summary: 'Biên bản quyết toán (PDF)' })
  @ApiProduces('application/pdf')
  statement(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.settlements.statement(actor, id);
  }

  @Get('recoveries')
  @ApiOperation({ summary: 'Các lệnh thu hồi' })
  listRecoveries(@CurrentActor() actor: Actor, @Query() query: RecoveryQuery) {
    return this.recoveries.list(actor, query);
  }

  @Get('recoveries/:id')
  @ApiOperation({ summary: 'Một lệnh thu hồi' })
  getRecovery(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.recoveries.get(actor, id);
  }

  @Post('recoveries/:id/receive')
  @HttpCode(200)
  @Roles('finance')
  @MovesMoney()
  @ApiOperation({ summary: 'Ghi nhận tiền thu hồi nộp về (có thể nhiều lần)' })
  receive(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ReceiveRecoveryDto) {
    return this.recoveries.receive(actor, id, dto);
  }
}
