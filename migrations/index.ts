import { CreateUnitsAndUsers1763884800000 } from './1763884800000-CreateUnitsAndUsers';
import { CreateAuditLog1763884800100 } from './1763884800100-CreateAuditLog';
import { CreateRefreshTokens1763884800200 } from './1763884800200-CreateRefreshTokens';
import { CreateDelegations1763884800210 } from './1763884800210-CreateDelegations';
import { CreateBudgetAndLedger1763884800300 } from './1763884800300-CreateBudgetAndLedger';
import { CreateEstablishments1763884800400 } from './1763884800400-CreateEstablishments';
import { CreateActivityRules1763884800410 } from './1763884800410-CreateActivityRules';
import { SeedNationalActivityRules1763884800420 } from './1763884800420-SeedNationalActivityRules';
import { CreateApplications1763884800430 } from './1763884800430-CreateApplications';
import { CreatePaymentsAndSettlement1763884800500 } from './1763884800500-CreatePaymentsAndSettlement';
import { AddReportIndexes1763884800600 } from './1763884800600-AddReportIndexes';
import { CreateWebSessions1763884800700 } from './1763884800700-CreateWebSessions';
import { AddAccountSummaryIndex1763884800800 } from './1763884800800-AddAccountSummaryIndex';
import { CreateLedgerProcedures1763884800900 } from './1763884800900-CreateLedgerProcedures';
import { CreateSettings1763884801000 } from './1763884801000-CreateSettings';
import { AddUserAdministration1763884801100 } from './1763884801100-AddUserAdministration';
import { CreateReversalRequests1763884801300 } from './1763884801300-CreateReversalRequests';
import { AddDisbursementReturns1763884801400 } from './1763884801400-AddDisbursementReturns';
import { AddDelegationScope1763884801600 } from './1763884801600-AddDelegationScope';
import { CreateConflictDeclarations1763884801700 } from './1763884801700-CreateConflictDeclarations';
import { GuardLedgerBalanceRange1763884801800 } from './1763884801800-GuardLedgerBalanceRange';
import { AddRuleCapCurrency1763884801900 } from './1763884801900-AddRuleCapCurrency';
import { GuardAuditHead1763884801950 } from './1763884801950-GuardAuditHead';
import { AddCancellationRecoveries1763884802000 } from './1763884802000-AddCancellationRecoveries';
import { CreateReconciliationPreviews1763884802200 } from './1763884802200-CreateReconciliationPreviews';
import { AddRequiredDocumentKinds1763884802300 } from './1763884802300-AddRequiredDocumentKinds';
import { AddWebSessionKeptForm1763884802400 } from './1763884802400-AddWebSessionKeptForm';
import { CreateOutgoingDocuments1763884802500 } from './1763884802500-CreateOutgoingDocuments';
import { CreateNotifications1763884802600 } from './1763884802600-CreateNotifications';
import { CreateHolidays1763884802700 } from './1763884802700-CreateHolidays';
import { SeedHolidays1763884802710 } from './1763884802710-SeedHolidays';
import { AddConsultationExtensions1763884802800 } from './1763884802800-AddConsultationExtensions';
import { CreateAdminUnits1763884802900 } from './1763884802900-CreateAdminUnits';
import { CreateProgrammeTables1763884803000 } from './1763884803000-CreateProgrammeTables';
import { AddAcceptanceOutcomes1763884803010 } from './1763884803010-AddAcceptanceOutcomes';
import { AddEstablishmentClassification1763884803200 } from './1763884803200-AddEstablishmentClassification';
import { CreateCalls1763884803100 } from './1763884803100-CreateCalls';
import { AddActivityEligibility1763884803110 } from './1763884803110-AddActivityEligibility';
import { CreateListDecisions1763884803120 } from './1763884803120-CreateListDecisions';
import { RequireFileDocuments1763884803500 } from './1763884803500-RequireFileDocuments';
import { CreateExchangeRates1763884803400 } from './1763884803400-CreateExchangeRates';
import { CreateActingAppointments1763884803600 } from './1763884803600-CreateActingAppointments';
import { CreateScheduledRuns1763884803700 } from './1763884803700-CreateScheduledRuns';

/** Every migration; TypeORM orders them by the timestamp in their name. Never edit a landed one. */
export const MIGRATIONS: Function[] = [
  CreateUnitsAndUsers1763884800000,
  CreateAuditLog1763884800100,
  CreateRefreshTokens1763884800200,
  CreateDelegations1763884800210,
  CreateBudgetAndLedger1763884800300,
  CreateEstablishments1763884800400,
  CreateActivityRules1763884800410,
  SeedNationalActivityRules1763884800420,
  CreateApplications1763884800430,
  CreatePaymentsAndSettlement1763884800500,
  AddReportIndexes1763884800600,
  CreateWebSessions1763884800700,
  AddAccountSummaryIndex1763884800800,
  CreateLedgerProcedures1763884800900,
  CreateSettings1763884801000,
  AddUserAdministration1763884801100,
  CreateReversalRequests1763884801300,
  AddDisbursementReturns1763884801400,
  AddDelegationScope1763884801600,
  CreateConflictDeclarations1763884801700,
  GuardLedgerBalanceRange1763884801800,
  AddRuleCapCurrency1763884801900,
  GuardAuditHead1763884801950,
  AddCancellationRecoveries1763884802000,
  CreateReconciliationPreviews1763884802200,
  AddRequiredDocumentKinds1763884802300,
  AddWebSessionKeptForm1763884802400,
  CreateOutgoingDocuments1763884802500,
  CreateNotifications1763884802600,
  CreateHolidays1763884802700,
  SeedHolidays1763884802710,
  AddConsultationExtensions1763884802800,
  CreateAdminUnits1763884802900,
  CreateProgrammeTables1763884803000,
  AddAcceptanceOutcomes1763884803010,
  AddEstablishmentClassification1763884803200,
  CreateCalls1763884803100,
  AddActivityEligibility1763884803110,
  CreateListDecisions1763884803120,
  CreateExchangeRates1763884803400,
  RequireFileDocuments1763884803500,
  CreateActingAppointments1763884803600,
  CreateScheduledRuns1763884803700,
];
