import { FileDeadlines } from './file-deadlines.service';
import { NotificationsModule } from '../notifications/notifications.module';
import { Module } from '@nestjs/common';
import { AdminUnitsModule } from '../admin-units/admin-units.module';
import { BudgetModule } from '../budget/budget.module';
import { CalendarModule } from '../calendar/calendar.module';
import { CallsModule } from '../calls/calls.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { EstablishmentsModule } from '../establishments/establishments.module';
import { OrganizationModule } from '../organization/organization.module';
import { DocumentRegisterModule } from '../document-register/document-register.module';
import { ApplicationDecisionService } from './application-decision.service';
import { ApplicationDocumentsService } from './application-documents.service';
import { ApplicationReviewService } from './application-review.service';
import { ApplicationStore } from './application-store';
import { ApplicationFiles } from './application-files';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';
import { ConflictDeclarationsController } from './conflict-declarations.controller';
import { ConflictDeclarationsService } from './conflict-declarations.service';
import { ConsultationsController } from './consultations.controller';
import { ConsultationsService } from './consultations.service';
import { DueDates } from './due-dates';
import { FundDirectory } from './fund-directory';
import { FileAccess } from './file-access';
import { FileNamesService } from './file-names.service';
import { ListDecisionService } from './list-decision.service';
import { ListDecisionsController } from './list-decisions.controller';

@Module({
  imports: [AdminUnitsModule, CalendarModule, CallsModule, CatalogueModule, EstablishmentsModule, OrganizationModule, BudgetModule, DocumentRegisterModule, NotificationsModule],
  controllers: [ApplicationsController, ConsultationsController, ConflictDeclarationsController, ListDecisionsController],
  providers: [
    FileDeadlines,
    ApplicationStore,
    FileAccess,
    ApplicationFiles,
    ApplicationsService,
    ApplicationReviewService,
    ApplicationDecisionService,
    ListDecisionService,
    ConsultationsService,
    ApplicationDocumentsService,
    ConflictDeclarationsService,
    FundDirectory,
    FileNamesService,
    DueDates,
  ],
  exports: [ApplicationsService, ApplicationFiles, ApplicationReviewService, ApplicationDecisionService, ListDecisionService, ConsultationsService, ApplicationDocumentsService, ConflictDeclarationsService, FileNamesService, FileDeadlines],
})
export class ApplicationsModule {}
