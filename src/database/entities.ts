import { Unit } from '../modules/organization/unit.entity';
import { User } from '../modules/identity/user.entity';
import { AuditEntry } from '../modules/audit/audit-entry.entity';

/** Every entity of the service; each module adds its own here. */
export const ENTITIES: Function[] = [Unit, User, AuditEntry];
