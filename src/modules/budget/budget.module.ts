import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { OrganizationModule } from '../organization/organization.module';
import { BudgetSummaryService } from './budget-summary.service';
import { BudgetController } from './budget.controller';
import { BudgetService } from './budget.service';
import { YearCloseService } from './year-close.service';

@Module({
  imports: [LedgerModule, OrganizationModule],
  controllers: [BudgetController],
  providers: [BudgetService, BudgetSummaryService, YearCloseService],
  exports: [BudgetService, BudgetSummaryService],
})
export class BudgetModule {}
