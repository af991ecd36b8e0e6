import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../../common/auth/actor';
import { CurrentActor, Roles } from '../../../common/auth/decorators';
import { OverdueQuery } from './dto/overdue-query.dto';
import { OverdueReportExport } from './overdue-report.export';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports/overdue')
export class OverdueReportController {
  constructor(private readonly overdue: OverdueReportExport) {}

  @Get()
  @Roles('head', 'leader', 'auditor')
  @ApiProduces('application/json', 'application/pdf', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: 'Hồ sơ và yêu cầu xin ý kiến quá hạn, theo đơn vị và người chịu trách nhiệm' })
  report(@CurrentActor() actor: Actor, @Query() query: OverdueQuery) {
    return this.overdue.report(actor, query);
  }
}
