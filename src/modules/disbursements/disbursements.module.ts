import { NotificationsModule } from '../notifications/notifications.module';
import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { BudgetModule } from '../budget/budget.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { LedgerModule } from '../ledger/ledger.module';
import { DocumentRegisterModule } from '../document-register/document-register.module';
import { ContractsService } from './contracts.service';
import { DisbursementsController } from './disbursements.controller';
import { DisbursementsService } from './disbursements.service';

@Module({
  imports: [ApplicationsModule, BudgetModule, CatalogueModule, LedgerModule, DocumentRegisterModule, NotificationsModule],
  controllers: [DisbursementsController],
  providers: [DisbursementsService, ContractsService],
  exports: [DisbursementsService, ContractsService],
})
export class DisbursementsModule {}
