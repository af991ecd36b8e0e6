import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { CreateEstablishmentDto } from './dto/create-establishment.dto';
import { EstablishmentQuery } from './dto/establishment-query.dto';
import { EstablishmentsService } from './establishments.service';

@ApiTags('establishments')
@ApiBearerAuth()
@Controller('establishments')
export class EstablishmentsController {
  constructor(private readonly establishments: EstablishmentsService) {}

  @Post()
  @Roles('applicant')
  @ApiOperation({ summary: 'Đăng ký cơ sở công nghiệp nông thôn' })
  register(@CurrentActor() actor: Actor, @Body() dto: CreateEstablishmentDto) {
    return this.establishments.register(actor, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Danh sách cơ sở (người nộp chỉ thấy cơ sở của mình)' })
  list(@CurrentActor() actor: Actor, @Query() query: EstablishmentQuery) {
    return this.establishments.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Thông tin một cơ sở' })
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.establishments.get(actor, id);
  }
}
