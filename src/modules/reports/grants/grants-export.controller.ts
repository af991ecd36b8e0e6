import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../../common/auth/actor';
import { CurrentActor, Roles } from '../../../common/auth/decorators';
import { GrantsQuery } from './dto/grants-query.dto';
import { GrantsExportService } from './grants-export.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('exports/grants')
export class GrantsExportController {
  constructor(private readonly exports: GrantsExportService) {}

  @Get()
  @Roles('auditor', 'finance')
  @ApiOperation({ summary: 'Dữ liệu mở: các đề án được phê duyệt theo chuẩn 360Giving (số tiền là số JSON theo chuẩn)' })
  grants(@CurrentActor() actor: Actor, @Query() query: GrantsQuery) {
    return this.exports.grants(actor, query);
  }
}
