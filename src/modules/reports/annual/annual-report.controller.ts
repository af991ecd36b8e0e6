import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../../common/auth/actor';
import { CurrentActor, Roles } from '../../../common/auth/decorators';
import { AnnualReportService } from './annual-report.service';
import { AnnualReportQuery } from './dto/annual-report-query.dto';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports/annual')
export class AnnualReportController {
  constructor(private readonly annual: AnnualReportService) {}

  @Get(':year')
  @Roles('finance', 'leader', 'auditor')
  @ApiProduces('application/json', 'application/pdf', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: 'Báo cáo tổng kết năm: kinh phí theo nguồn, đơn vị, loại hoạt động, xã; danh sách đề án, quyết toán, thu hồi, việc quá hạn' })
  report(@CurrentActor() actor: Actor, @Param('year') year: string, @Query() query: AnnualReportQuery) {
    return this.annual.report(actor, year, query);
  }
}
