import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { STAFF_ROLES, type Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { AnnualPlanService } from './annual-plan.service';
import { PutPlanDto } from './dto/plan.dto';

@ApiTags('programme')
@ApiBearerAuth()
@Controller('plans')
export class PlansController {
  constructor(private readonly plans: AnnualPlanService) {}

  @Put(':year')
  @Roles('leader', 'finance')
  @ApiOperation({ summary: 'Đặt kế hoạch năm: số đề án và dự toán theo loại hoạt động, đơn vị, nguồn kinh phí (thay toàn bộ kế hoạch trước)' })
  replace(@CurrentActor() actor: Actor, @Param('year') year: string, @Body() dto: PutPlanDto) {
    return this.plans.replacePlan(actor, year, dto);
  }

  @Get(':year')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Kế hoạch năm' })
  get(@CurrentActor() actor: Actor, @Param('year') year: string) {
    return this.plans.getPlan(actor, year);
  }
}
