import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../../common/auth/actor';
import { CurrentActor, Roles } from '../../../common/auth/decorators';
import { PeriodReportQuery } from './dto/period-report-query.dto';
import { PeriodReportService } from './period-report.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports/period')
export class PeriodReportController {
  constructor(private readonly period: PeriodReportService) {}

  @Get()
  @Roles('finance', 'leader', 'auditor')
  @ApiProduces('application/json', 'application/pdf', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: 'Báo cáo kỳ (tháng, 6 tháng, khoảng ngày bất kỳ): biến động kinh phí, phê duyệt, chi trả, thu hồi' })
  report(@CurrentActor() actor: Actor, @Query() query: PeriodReportQuery) {
    return this.period.report(actor, query);
  }
}
