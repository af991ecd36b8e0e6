import { CreateUnitsAndUsers1763884800000 } from './1763884800000-CreateUnitsAndUsers';
import { CreateAuditLog1763884800100 } from './1763884800100-CreateAuditLog';

/** Every migration; TypeORM orders them by the timestamp in their name. Never edit a landed one. */
export const MIGRATIONS: Function[] = [
  CreateUnitsAndUsers1763884800000,
  CreateAuditLog1763884800100,
];
