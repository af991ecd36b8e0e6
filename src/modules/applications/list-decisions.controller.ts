import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { STAFF_ROLES, type Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { DECIDING_ROLES } from './application-decision.service';
import { ListDecisionDto } from './dto/list-decision.dto';
import { ListDecisionService } from './list-decision.service';

@ApiTags('decisions')
@ApiBearerAuth()
@Controller('decisions')
export class ListDecisionsController {
  constructor(private readonly decisions: ListDecisionService) {}

  @Post()
  @Roles(...DECIDING_ROLES)
  @ApiOperation({
    summary: 'Lãnh đạo (hoặc người được ủy quyền) phê duyệt nhiều hồ sơ đã ký tắt bằng một quyết định: tất cả hoặc không hồ sơ nào (409 nêu hồ sơ không đạt)',
  })
  decide(@CurrentActor() actor: Actor, @Body() dto: ListDecisionDto) {
    return this.decisions.decide(actor, dto);
  }

  @Get(':id')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Một quyết định phê duyệt theo danh sách' })
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.decisions.get(actor, id);
  }
}
