import type { Type } from '@nestjs/common';
import { AuditModule } from './modules/audit/audit.module';
import { IdentityModule } from './modules/identity/identity.module';
import { OrganizationModule } from './modules/organization/organization.module';
import { AdminUnitsModule } from './modules/admin-units/admin-units.module';
import { LedgerModule } from './modules/ledger/ledger.module';
import { BudgetModule } from './modules/budget/budget.module';
import { EstablishmentsModule } from './modules/establishments/establishments.module';
import { CatalogueModule } from './modules/catalogue/catalogue.module';
import { CalendarModule } from './modules/calendar/calendar.module';
import { ExchangeRatesModule } from './modules/exchange-rates/exchange-rates.module';
import { CallsModule } from './modules/calls/calls.module';
import { ApplicationsModule } from './modules/applications/applications.module';
import { OverdueReportModule } from './modules/reports/overdue/overdue-report.module';
import { ProgrammeModule } from './modules/programme/programme.module';
import { ReportsModule } from './modules/reports/reports.module';
import { DisbursementsModule } from './modules/disbursements/disbursements.module';
import { SettlementModule } from './modules/settlement/settlement.module';
import { ReconciliationModule } from './modules/reconciliation/reconciliation.module';
import { AdministrationModule } from './modules/administration/administration.module';
import { OfficialDocumentsModule } from './modules/official-documents/official-documents.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { DeadlinesModule } from './modules/deadlines/deadlines.module';
import { WebModule } from './web/web.module';

/** The domain modules, in the order the domain builds on them. */
export const FEATURE_MODULES: Type[] = [AuditModule, OrganizationModule, AdminUnitsModule, IdentityModule, NotificationsModule, LedgerModule, BudgetModule, EstablishmentsModule, ExchangeRatesModule, CatalogueModule, CalendarModule, CallsModule, ApplicationsModule, OverdueReportModule, ProgrammeModule, ReportsModule, DisbursementsModule, SettlementModule, DeadlinesModule, ReconciliationModule, AdministrationModule, OfficialDocumentsModule, WebModule];
