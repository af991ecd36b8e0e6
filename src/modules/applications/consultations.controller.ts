import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { STAFF_ROLES } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { ANSWERING_ROLES, ConsultationsService } from './consultations.service';
import { ConsultationQuery } from './dto/application-query.dto';
import { ExtensionRequestDto } from './dto/extension.dto';
import { AnswerDto, ReasonDto } from './dto/workflow.dto';
import { ACT_ROLES } from './file-access.rules';

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
  @ApiOperation({ summary: 'Một yêu cầu xin ý kiến; quá hạn không trả lời (và không có đề nghị gia hạn chờ quyết định) được coi là đồng ý' })
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.consultations.get(actor, id);
  }

  @Post(':id/answer')
  @HttpCode(200)
  @Roles(...ANSWERING_ROLES)
  @ApiOperation({ summary: 'Đơn vị được xin ý kiến trả lời (trước hạn, hoặc khi đề nghị gia hạn đang chờ quyết định)' })
  answer(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: AnswerDto) {
    return this.consultations.answer(actor, id, dto);
  }

  @Post(':id/extension')
  @HttpCode(200)
  @Roles(...ANSWERING_ROLES)
  @ApiOperation({ summary: 'Đơn vị được xin ý kiến đề nghị gia hạn trả lời, một lần, đến hết ngày hạn (quá hạn: 409)' })
  requestExtension(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ExtensionRequestDto) {
    return this.consultations.requestExtension(actor, id, dto);
  }

  @Post(':id/extension/approve')
  @HttpCode(200)
  @Roles(...ACT_ROLES.decide_extension)
  @ApiOperation({ summary: 'Chuyên viên được giao hoặc lãnh đạo đơn vị chủ trì đồng ý gia hạn: hạn trả lời chuyển sang ngày đề nghị' })
  approveExtension(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ReasonDto) {
    return this.consultations.approveExtension(actor, id, dto);
  }

  @Post(':id/extension/reject')
  @HttpCode(200)
  @Roles(...ACT_ROLES.decide_extension)
  @ApiOperation({ summary: 'Chuyên viên được giao hoặc lãnh đạo đơn vị chủ trì không đồng ý gia hạn: giữ hạn cũ' })
  rejectExtension(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ReasonDto) {
    return this.consultations.rejectExtension(actor, id, dto);
  }
}
