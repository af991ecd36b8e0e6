import { Unit } from '../modules/organization/unit.entity';
import { User } from '../modules/identity/user.entity';
import { RefreshToken } from '../modules/identity/refresh-token.entity';
import { Delegation } from '../modules/identity/delegation.entity';
import { AuditEntry } from '../modules/audit/audit-entry.entity';
import { Fund } from '../modules/ledger/fund.entity';
import { FiscalYear } from '../modules/ledger/fiscal-year.entity';
import { Account } from '../modules/ledger/account.entity';
import { Transfer } from '../modules/ledger/transfer.entity';
import { ReversalRequest } from '../modules/ledger/reversal-request.entity';
import { Establishment } from '../modules/establishments/establishment.entity';
import { ActivityRule } from '../modules/catalogue/activity-rule.entity';
import { Application } from '../modules/applications/application.entity';
import { CostLine } from '../modules/applications/cost-line.entity';
import { ApplicationEvent } from '../modules/applications/application-event.entity';
import { ApplicationDocument } from '../modules/applications/application-document.entity';
import { Consultation } from '../modules/applications/consultation.entity';
import { Appraisal } from '../modules/applications/appraisal.entity';
import { ConflictDeclaration } from '../modules/applications/conflict-declaration.entity';
import { Disbursement } from '../modules/disbursements/disbursement.entity';
import { Contract } from '../modules/disbursements/contract.entity';
import { Acceptance } from '../modules/disbursements/acceptance.entity';
import { Settlement, SettlementLine } from '../modules/settlement/settlement.entity';
import { Recovery, RecoveryReceipt } from '../modules/settlement/recovery.entity';
import { ReconciliationImport } from '../modules/reconciliation/reconciliation-import.entity';
import { DocumentSeries, OutgoingDocument } from '../modules/official-documents/outgoing-document.entity';

/** Every entity of the service; each module adds its own here. */
export const ENTITIES: Function[] = [Unit, User, RefreshToken, Delegation, AuditEntry, Fund, FiscalYear, Account, Transfer, ReversalRequest, Establishment, ActivityRule, Application, CostLine, ApplicationEvent, ApplicationDocument, Consultation, Appraisal, ConflictDeclaration, Disbursement, Contract, Acceptance, Settlement, SettlementLine, Recovery, RecoveryReceipt, ReconciliationImport, DocumentSeries, OutgoingDocument];
