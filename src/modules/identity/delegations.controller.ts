import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { STAFF_ROLES } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { DelegationService } from './delegation.service';
import { CreateDelegationDto } from './dto/create-delegation.dto';
import { DelegationQuery } from './dto/delegation-query.dto';

@ApiTags('organisation')
@ApiBearerAuth()
@Controller('delegations')
export class DelegationsController {
  constructor(private readonly delegations: DelegationService) {}

  @Post()
  @Roles('leader', 'head')
  @ApiOperation({ summary: 'Ủy quyền quyết định (lãnh đạo) hoặc công việc thường xuyên (trưởng đơn vị) cho người khác trong một thời hạn' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateDelegationDto) {
    return this.delegations.createDelegation(actor, dto);
  }

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Ủy quyền đã giao hoặc đã nhận (thanh tra: tất cả)' })
  list(@CurrentActor() actor: Actor, @Query() query: DelegationQuery) {
    return this.delegations.listDelegations(actor, query);
  }

  @Get(':id')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Một ủy quyền' })
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.delegations.getDelegation(actor, id);
  }

  @Delete(':id')
  @Roles('leader', 'head')
  @HttpCode(204)
  @ApiOperation({ summary: 'Thu hồi ủy quyền' })
  revoke(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.delegations.revokeDelegation(actor, id);
  }
}
