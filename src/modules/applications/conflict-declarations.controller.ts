import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { STAFF_ROLES } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { ConflictDeclarationsService, DECLARING_ROLES } from './conflict-declarations.service';
import { ConflictDeclarationDto } from './dto/conflict-declaration.dto';

@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class ConflictDeclarationsController {
  constructor(private readonly conflicts: ConflictDeclarationsService) {}

  @Post(':id/conflict-declarations')
  @Roles(...DECLARING_ROLES)
  @ApiOperation({ summary: 'Kê khai xung đột lợi ích với hồ sơ (mỗi người một lần; có xung đột thì không được thẩm định, đề xuất, ký tắt, quyết định)' })
  declare(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ConflictDeclarationDto) {
    return this.conflicts.declare(actor, id, dto);
  }

  @Get(':id/conflict-declarations')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Các bản kê khai xung đột lợi ích của hồ sơ' })
  list(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.conflicts.list(actor, id);
  }
}
