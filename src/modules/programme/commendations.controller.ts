import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { STAFF_ROLES, type Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { CommendationsService } from './commendations.service';
import { CommendationQuery, CreateCommendationDto } from './dto/commendation.dto';

@ApiTags('programme')
@ApiBearerAuth()
@Controller('commendations')
export class CommendationsController {
  constructor(private readonly commendations: CommendationsService) {}

  @Post()
  @Roles('leader')
  @ApiOperation({ summary: 'Ghi nhận khen thưởng: một cơ sở, một cá nhân hoặc một đơn vị, theo quyết định' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCommendationDto) {
    return this.commendations.commend(actor, dto);
  }

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Các khen thưởng của một năm tổng kết' })
  list(@CurrentActor() actor: Actor, @Query() query: CommendationQuery) {
    return this.commendations.list(actor, query.fiscalYear);
  }
}
