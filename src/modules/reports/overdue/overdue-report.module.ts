import { Module } from '@nestjs/common';
import { ReportRenderingModule } from '../../../rendering/report/report-rendering.module';
import { OverdueReportController } from './overdue-report.controller';
import { OverdueReportExport } from './overdue-report.export';
import { OverdueReportService } from './overdue-report.service';

@Module({ imports: [ReportRenderingModule], controllers: [OverdueReportController], providers: [OverdueReportService, OverdueReportExport], exports: [OverdueReportService] })
export class OverdueReportModule {}
