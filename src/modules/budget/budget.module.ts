import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { OrganizationModule } from '../organization/organization.module';
import { BudgetSetupService } from './budget-setup.service';
import { BudgetSummaryService } from './budget-summary.service';
import { BudgetController } from './budget.controller';
import { BudgetService } from './budget.service';
import { YearCloseService } from './year-close.service';

@Module({
  imports: [LedgerModule, OrganizationModule],
  controllers: [BudgetController],
  providers: [BudgetService, BudgetSummaryService, BudgetSetupService, YearCloseService],
  exports: [BudgetService, BudgetSummaryService, BudgetSetupService],
})
export class BudgetModule {}
