import { NotificationsModule } from '../notifications/notifications.module';
import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { BudgetModule } from '../budget/budget.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { DisbursementsModule } from '../disbursements/disbursements.module';
import { EstablishmentsModule } from '../establishments/establishments.module';
import { LedgerModule } from '../ledger/ledger.module';
import { DocumentRegisterModule } from '../document-register/document-register.module';
import { PdfModule } from '../../rendering/pdf/pdf.module';
import { FileCancellationService } from './file-cancellation.service';
import { RecoveryService } from './recovery.service';
import { SettlementController } from './settlement.controller';
import { SettlementService } from './settlement.service';

@Module({
  imports: [ApplicationsModule, BudgetModule, CatalogueModule, DisbursementsModule, EstablishmentsModule, LedgerModule, PdfModule, DocumentRegisterModule, NotificationsModule],
  controllers: [SettlementController],
  providers: [SettlementService, RecoveryService, FileCancellationService],
  exports: [SettlementService, RecoveryService, FileCancellationService],
})
export class SettlementModule {}
