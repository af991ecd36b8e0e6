import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { CatalogueService } from './catalogue.service';
import { ActivityTypeQuery } from './dto/activity-type-query.dto';
import { CreateActivityTypeDto } from './dto/create-activity-type.dto';

@ApiTags('activity-types')
@ApiBearerAuth()
@Controller('activity-types')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get()
  @ApiOperation({ summary: 'Loại hoạt động khuyến công và quy định hỗ trợ đang có hiệu lực (?on= ngày khác)' })
  list(@CurrentActor() actor: Actor, @Query() query: ActivityTypeQuery) {
    return this.catalogue.listInForce(actor, query);
  }

  @Get(':code/versions')
  @ApiOperation({ summary: 'Mọi phiên bản quy định của một loại hoạt động' })
  versions(@CurrentActor() actor: Actor, @Param('code') code: string) {
    return this.catalogue.versions(actor, code);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Ban hành phiên bản quy định mới từ một ngày (không sửa phiên bản cũ)' })
  publish(@CurrentActor() actor: Actor, @Body() dto: CreateActivityTypeDto) {
    return this.catalogue.publish(actor, dto);
  }
}
