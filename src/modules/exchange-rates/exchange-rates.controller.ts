import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { CreateExchangeRateDto, ExchangeRateQuery } from './dto/exchange-rate.dto';
import { ExchangeRatesService } from './exchange-rates.service';

@ApiTags('exchange-rates')
@ApiBearerAuth()
@Controller('exchange-rates')
export class ExchangeRatesController {
  constructor(private readonly rates: ExchangeRatesService) {}

  @Get()
  @Roles('finance', 'leader', 'auditor')
  @ApiOperation({ summary: 'Các tỷ giá quy đổi đã ghi nhận, mới nhất trước' })
  list(@CurrentActor() actor: Actor, @Query() query: ExchangeRateQuery) {
    return this.rates.list(actor, query);
  }

  @Post()
  @Roles('finance')
  @ApiOperation({ summary: 'Ghi nhận một tỷ giá quy đổi áp dụng từ một ngày (để đối chiếu mức hỗ trợ tối đa tính bằng đồng tiền khác)' })
  record(@CurrentActor() actor: Actor, @Body() dto: CreateExchangeRateDto) {
    return this.rates.record(actor, dto);
  }
}
