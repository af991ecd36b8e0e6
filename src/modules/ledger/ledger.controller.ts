import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { MovesMoney } from '../../common/http/idempotency.interceptor';
import { BooksQuery, LedgerReadService, TransferQuery } from './ledger-read.service';
import { ReasonDto } from './dto/reason.dto';
import { ReversalRequestQuery, ReversalRequestsService } from './reversal-requests.service';

@ApiTags('ledger')
@ApiBearerAuth()
@Controller('ledger')
export class LedgerController {
  constructor(
    private readonly reversals: ReversalRequestsService,
    private readonly reads: LedgerReadService,
  ) {}

  @Get('transfers')
  @Roles('finance', 'auditor')
  @ApiOperation({ summary: 'Các bút toán chuyển tiền' })
  transfers(@CurrentActor() actor: Actor, @Query() query: TransferQuery) {
    return this.reads.transfers(actor, query);
  }

  @Get('trial-balance')
  @Roles('finance', 'auditor')
  @ApiOperation({ summary: 'Bảng cân đối thử: nợ bằng có, số dư khớp bút toán' })
  trialBalance(@CurrentActor() actor: Actor, @Query() query: BooksQuery) {
    return this.reads.trialBalance(actor, query);
  }

  @Post('transfers/:id/reverse')
  @Roles('finance')
  @ApiOperation({ summary: 'Đề nghị đảo một bút toán (cần một cán bộ tài chính khác duyệt)' })
  requestReversal(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ReasonDto) {
    return this.reversals.request(actor, id, dto.reason);
  }

  @Get('reversal-requests')
  @Roles('finance', 'auditor')
  @ApiOperation({ summary: 'Các đề nghị đảo bút toán' })
  reversalRequests(@CurrentActor() actor: Actor, @Query() query: ReversalRequestQuery) {
    return this.reversals.list(actor, query);
  }

  @Get('reversal-requests/:id')
  @Roles('finance', 'auditor')
  @ApiOperation({ summary: 'Một đề nghị đảo bút toán' })
  reversalRequest(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.reversals.get(actor, id);
  }

  @Post('reversal-requests/:id/approve')
  @HttpCode(200)
  @Roles('finance')
  @MovesMoney()
  @ApiOperation({ summary: 'Duyệt đề nghị đảo bút toán và ghi bút toán đảo (không phải người đề nghị)' })
  approveReversal(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.reversals.approve(actor, id);
  }

  @Post('reversal-requests/:id/reject')
  @HttpCode(200)
  @Roles('finance')
  @ApiOperation({ summary: 'Từ chối đề nghị đảo bút toán (không phải người đề nghị)' })
  rejectReversal(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ReasonDto) {
    return this.reversals.reject(actor, id, dto.reason);
  }
}
