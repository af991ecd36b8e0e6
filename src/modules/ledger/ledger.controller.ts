import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { MovesMoney } from '../../common/http/idempotency.interceptor';
import { BooksQuery, LedgerReadService, TransferQuery } from './ledger-read.service';
import { LedgerService } from './ledger.service';

export class ReverseTransferDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(500) reason: string;
}

@ApiTags('ledger')
@ApiBearerAuth()
@Controller('ledger')
export class LedgerController {
  constructor(
    private readonly ledger: LedgerService,
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
  @MovesMoney()
  @ApiOperation({ summary: 'Đảo một bút toán (bút toán điều chỉnh trỏ về bút toán gốc)' })
  reverse(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ReverseTransferDto) {
    return this.ledger.reverse(actor, id, dto.reason);
  }
}
