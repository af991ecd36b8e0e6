import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { STAFF_ROLES } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { CreateUnitDto } from './dto/create-unit.dto';
import { UnitQuery } from './dto/unit-query.dto';
import { UpdateUnitDto } from './dto/update-unit.dto';
import { UnitService } from './unit.service';

@ApiTags('organisation')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Tạo đơn vị (sở, phòng, trung tâm, xã/phường, văn phòng)' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUnitDto) {
    return this.units.createUnit(actor, dto);
  }

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Danh sách đơn vị' })
  list(@CurrentActor() actor: Actor, @Query() query: UnitQuery) {
    return this.units.listUnits(actor, query);
  }

  @Get('tree')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Cây đơn vị đang hoạt động' })
  tree(@CurrentActor() actor: Actor) {
    return this.units.unitTree(actor);
  }

  @Get(':id')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Một đơn vị' })
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.units.getUnit(actor, id);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Đổi tên hoặc chuyển đơn vị sang đơn vị cấp trên khác (không tạo vòng)' })
  update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: UpdateUnitDto) {
    return this.units.updateUnit(actor, id, dto);
  }
}
