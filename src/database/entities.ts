import { Unit } from '../modules/organization/unit.entity';
import { User } from '../modules/identity/user.entity';
import { RefreshToken } from '../modules/identity/refresh-token.entity';
import { Delegation } from '../modules/identity/delegation.entity';
import { AuditEntry } from '../modules/audit/audit-entry.entity';
import { Fund } from '../modules/ledger/fund.entity';
import { FiscalYear } from '../modules/ledger/fiscal-year.entity';
import { Account } from '../modules/ledger/account.entity';
import { Transfer } from '../modules/ledger/transfer.entity';

/** Every entity of the service; each module adds its own here. */
export const ENTITIES: Function[] = [Unit, User, RefreshToken, Delegation, AuditEntry, Fund, FiscalYear, Account, Transfer];
