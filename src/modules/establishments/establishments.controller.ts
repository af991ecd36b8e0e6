import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { CreateEstablishmentDto } from './dto/create-establishment.dto';
import { EstablishmentQuery } from './dto/establishment-query.dto';
import { UpdateEstablishmentDto } from './dto/update-establishment.dto';
import { VerifyClassificationDto } from './dto/verify-classification.dto';
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

  @Patch(':id')
  @Roles('applicant')
  @ApiOperation({ summary: 'Chủ cơ sở sửa số lao động và phân loại (làng nghề, nghề truyền thống, nghệ nhân, lao động nữ, lao động khuyết tật); sửa phân loại thì mất xác nhận' })
  update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: UpdateEstablishmentDto) {
    return this.establishments.update(actor, id, dto);
  }

  @Post(':id/verify-classification')
  @Roles('officer', 'head')
  @HttpCode(200)
  @ApiOperation({ summary: 'Chuyên viên, trưởng phòng xác nhận phân loại cơ sở' })
  verifyClassification(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: VerifyClassificationDto) {
    return this.establishments.verifyClassification(actor, id, dto);
  }
}
