import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { UnitAdministrationService } from './unit-administration.service';

@ApiTags('organisation')
@ApiBearerAuth()
@Controller('units')
export class UnitAdministrationController {
  constructor(private readonly administration: UnitAdministrationService) {}

  @Post(':id/deactivate')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ngừng hoạt động đơn vị (không còn kinh phí khả dụng và hồ sơ đang xử lý)' })
  deactivate(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.administration.deactivateUnit(actor, id);
  }

  @Post(':id/activate')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cho đơn vị hoạt động trở lại' })
  activate(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.administration.activateUnit(actor, id);
  }
}
