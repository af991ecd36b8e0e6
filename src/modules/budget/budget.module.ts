import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { BudgetSummaryService } from './budget-summary.service';
import { BudgetController } from './budget.controller';
import { BudgetService } from './budget.service';
import { YearCloseService } from './year-close.service';

@Module({
  imports: [LedgerModule],
  controllers: [BudgetController],
  providers: [BudgetService, BudgetSummaryService, YearCloseService],
  exports: [BudgetService, BudgetSummaryService],
})
export class BudgetModule {}
