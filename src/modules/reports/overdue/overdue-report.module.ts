import { Module } from '@nestjs/common';
import { OverdueReportController } from './overdue-report.controller';
import { OverdueReportService } from './overdue-report.service';

@Module({ controllers: [OverdueReportController], providers: [OverdueReportService], exports: [OverdueReportService] })
export class OverdueReportModule {}
