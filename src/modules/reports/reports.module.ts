import { Module } from '@nestjs/common';
import { BudgetModule } from '../budget/budget.module';
import { OrganizationModule } from '../organization/organization.module';
import { ProgrammeModule } from '../programme/programme.module';
import { SettlementModule } from '../settlement/settlement.module';
import { AnnualReportController } from './annual/annual-report.controller';
import { AnnualProgrammeQueries } from './annual/annual-programme.queries';
import { AnnualReportQueries } from './annual/annual-report.queries';
import { AnnualReportService } from './annual/annual-report.service';
import { GrantsExportController } from './grants/grants-export.controller';
import { GrantsExportService } from './grants/grants-export.service';
import { OpenDataController } from './grants/open-data.controller';
import { OverdueReportModule } from './overdue/overdue-report.module';
import { PeriodReportController } from './period/period-report.controller';
import { PeriodReportQueries } from './period/period-report.queries';
import { PeriodReportService } from './period/period-report.service';
import { ReportRenderingModule } from '../../rendering/report/report-rendering.module';
import { ReportInputs } from './report-inputs';

/** The annual review, period reports and the open-data export (the overdue report is its own module). */
@Module({
  imports: [BudgetModule, OrganizationModule, OverdueReportModule, ProgrammeModule, ReportRenderingModule, SettlementModule],
  controllers: [AnnualReportController, PeriodReportController, GrantsExportController, OpenDataController],
  providers: [ReportInputs, AnnualReportQueries, AnnualProgrammeQueries, AnnualReportService, PeriodReportQueries, PeriodReportService, GrantsExportService],
  // The pages' period form runs the report itself, so a refused period is shown on the page; the
  // public open-data page reads its year of grants; the plan page shows the annual review's plan,
  // outcomes, assessment and commendations.
  exports: [PeriodReportService, GrantsExportService, AnnualReportService],
})
export class ReportsModule {}
