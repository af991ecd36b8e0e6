import { Module } from '@nestjs/common';
import { BrowserSessionSource } from '../common/auth/browser-session';
import { BrowserErrorPage } from '../common/http/browser-error-page';
import { ApiErrorPage } from './api-error-page';
import { AdminUnitsModule } from '../modules/admin-units/admin-units.module';
import { AdministrationModule } from '../modules/administration/administration.module';
import { ApplicationsModule } from '../modules/applications/applications.module';
import { BudgetModule } from '../modules/budget/budget.module';
import { CalendarModule } from '../modules/calendar/calendar.module';
import { CallsModule } from '../modules/calls/calls.module';
import { CatalogueModule } from '../modules/catalogue/catalogue.module';
import { DisbursementsModule } from '../modules/disbursements/disbursements.module';
import { EstablishmentsModule } from '../modules/establishments/establishments.module';
import { LedgerModule } from '../modules/ledger/ledger.module';
import { NotificationsModule } from '../modules/notifications/notifications.module';
import { OrganizationModule } from '../modules/organization/organization.module';
import { ProgrammeModule } from '../modules/programme/programme.module';
import { ReconciliationModule } from '../modules/reconciliation/reconciliation.module';
import { ReportsModule } from '../modules/reports/reports.module';
import { SettlementModule } from '../modules/settlement/settlement.module';
import { OfficialDocumentsModule } from '../modules/official-documents/official-documents.module';
import { AdminActivityPagesController } from './admin-activity-pages.controller';
import { AdminHolidayPagesController } from './admin-holiday-pages.controller';
import { AdminUnitPagesController } from './admin-unit-pages.controller';
import { AdminAreaPagesController } from './admin-area-pages.controller';
import { AdminUserPagesController } from './admin-user-pages.controller';
import { ApiLinks } from './api-links';
import { ApplicationPagesController } from './application-pages.controller';
import { ReviewPagesController } from './review-pages.controller';
import { ExecutionPagesController } from './execution-pages.controller';
import { AuthPagesController } from './auth-pages.controller';
import { BudgetPagesController } from './budget-pages.controller';
import { ConflictPagesController } from './conflict-pages.controller';
import { ConsultationPagesController } from './consultation-pages.controller';
import { CallPagesController } from './call-pages.controller';
import { DecisionPagesController } from './decision-pages.controller';
import { DelegationPagesController } from './delegation-pages.controller';
import { EstablishmentPagesController } from './establishment-pages.controller';
import { FormAddresses } from './form-addresses';
import { FormPages } from './forms/form-pages';
import { WebIdempotency } from './forms/web-idempotency.service';
import { HomePagesController } from './home-pages.controller';
import { NotificationPagesController } from './notification-pages.controller';
import { OpenDataPagesController } from './open-data-pages.controller';
import { PageResponder } from './page-responder';
import { DirectoryService } from './pages/directory.service';
import { FilePageService } from './pages/file-page.service';
import { FileSteps } from './pages/file-steps';
import { ProducerHomeService } from './pages/producer-home.service';
import { WorkQueueService } from './pages/work-queue.service';
import { PaymentPagesController } from './payment-pages.controller';
import { ReconciliationPagesController } from './reconciliation-pages.controller';
import { ReportPagesController } from './report-pages.controller';
import { ProgrammePagesController } from './programme-pages.controller';
import { DocumentRegisterPagesController } from './document-register-pages.controller';
import { WebSessionService } from './session/web-session.service';
import { WebGuard } from './session/web.guard';
import { WebExceptionFilter } from './web-exception.filter';
import { WebViews } from './web-views';

/**
 * The web application in Vietnamese for producers, staff and finance: server-rendered pages that
 * call the same services as the API with the same actor, so rules, validation and access are the
 * API's own. Sessions live in web_sessions; the session source is exported for the API's guard
 * (documents and reports the pages link to).
 */
@Module({
  imports: [
    AdminUnitsModule,
    AdministrationModule,
    ApplicationsModule,
    BudgetModule,
    CalendarModule,
    CallsModule,
    CatalogueModule,
    DisbursementsModule,
    EstablishmentsModule,
    LedgerModule,
    NotificationsModule,
    OrganizationModule,
    ProgrammeModule,
    ReconciliationModule,
    ReportsModule,
    SettlementModule,
    OfficialDocumentsModule,
  ],
  controllers: [
    AuthPagesController,
    HomePagesController,
    EstablishmentPagesController,
    OpenDataPagesController,
    ApplicationPagesController,
    ReviewPagesController,
    ExecutionPagesController,
    ConsultationPagesController,
    ConflictPagesController,
    DelegationPagesController,
    DecisionPagesController,
    CallPagesController,
    BudgetPagesController,
    PaymentPagesController,
    ReconciliationPagesController,
    ReportPagesController,
    ProgrammePagesController,
    DocumentRegisterPagesController,
    AdminUnitPagesController,
    AdminAreaPagesController,
    AdminActivityPagesController,
    AdminHolidayPagesController,
    AdminUserPagesController,
    NotificationPagesController,
  ],
  providers: [
    WebViews,
    WebSessionService,
    { provide: BrowserSessionSource, useExisting: WebSessionService },
    { provide: BrowserErrorPage, useClass: ApiErrorPage },
    WebGuard,
    WebExceptionFilter,
    PageResponder,
    FormPages,
    WebIdempotency,
    ApiLinks,
    FormAddresses,
    DirectoryService,
    FilePageService,
    FileSteps,
    WorkQueueService,
    ProducerHomeService,
  ],
  // The session service for housekeeping (ended sessions are purged on a schedule); the error page
  // the API's problem filter shows a person who followed a page's link to a download.
  exports: [BrowserSessionSource, BrowserErrorPage, WebSessionService],
})
export class WebModule {}
