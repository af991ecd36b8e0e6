import type { Type } from '@nestjs/common';
import { AuditModule } from './modules/audit/audit.module';
import { IdentityModule } from './modules/identity/identity.module';
import { OrganizationModule } from './modules/organization/organization.module';
import { LedgerModule } from './modules/ledger/ledger.module';
import { BudgetModule } from './modules/budget/budget.module';

/** The domain modules, in the order the domain builds on them. */
export const FEATURE_MODULES: Type[] = [AuditModule, OrganizationModule, IdentityModule, LedgerModule, BudgetModule];
