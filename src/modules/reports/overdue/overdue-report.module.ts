import { Module } from '@nestjs/common';
import { ReportRenderingModule } from '../../../rendering/report/report-rendering.module';
import { OverdueReportController } from './overdue-report.controller';
import { OverdueReportExport } from './overdue-report.export';
import { OverdueReportService } from './overdue-report.service';
import { DocumentRegisterModule } from '../../document-register/document-register.module';
import { ReportSignatures } from '../report-signature';

@Module({
  imports: [ReportRenderingModule, DocumentRegisterModule],
  controllers: [OverdueReportController],
  providers: [OverdueReportService, OverdueReportExport, ReportSignatures],
  exports: [OverdueReportService, ReportSignatures],
})
export class OverdueReportModule {}
