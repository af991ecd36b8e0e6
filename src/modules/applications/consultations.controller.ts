import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { STAFF_ROLES } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { ANSWERING_ROLES, ConsultationsService } from './consultations.service';
import { ConsultationQuery } from './dto/application-query.dto';
import { AnswerDto } from './dto/workflow.dto';

@ApiTags('consultations')
@ApiBearerAuth()
@Controller('consultations')
export class ConsultationsController {
  constructor(private readonly consultations: ConsultationsService) {}

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Các yêu cầu xin ý kiến gửi một đơn vị (?unitId=&status=open|answered|silent)' })
  list(@CurrentActor() actor: Actor, @Query() query: ConsultationQuery) {
    return this.consultations.list(actor, query);
  }

  @Get(':id')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Một yêu cầu xin ý kiến; quá hạn không trả lời được coi là đồng ý' })
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.consultations.get(actor, id);
  }

  @Post(':id/answer')
  @HttpCode(200)
  @Roles(...ANSWERING_ROLES)
  @ApiOperation({ summary: 'Đơn vị được xin ý kiến trả lời (trước hạn)' })
  answer(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: AnswerDto) {
    return this.consultations.answer(actor, id, dto);
  }
}
