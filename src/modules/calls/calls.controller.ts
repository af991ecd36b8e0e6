import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Public, Roles } from '../../common/auth/decorators';
import { CallsService } from './calls.service';
import { CallQuery } from './dto/call-query.dto';
import { CreateCallDto } from './dto/create-call.dto';

@ApiTags('calls')
@Controller('calls')
export class CallsController {
  constructor(private readonly calls: CallsService) {}

  @Post()
  @ApiBearerAuth()
  @Roles('leader', 'head')
  @ApiOperation({ summary: 'Mở đợt tiếp nhận hồ sơ đề án (lãnh đạo, trưởng phòng)' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCallDto) {
    return this.calls.create(actor, dto);
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'Các đợt tiếp nhận hồ sơ (công khai, không cần đăng nhập); ?open=true: đang nhận hồ sơ hôm nay' })
  list(@Query() query: CallQuery) {
    return this.calls.list(query);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'Một đợt tiếp nhận hồ sơ (công khai, không cần đăng nhập)' })
  get(@Param('id') id: string) {
    return this.calls.get(id);
  }
}
