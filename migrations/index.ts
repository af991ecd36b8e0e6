import { CreateUnitsAndUsers1763884800000 } from './1763884800000-CreateUnitsAndUsers';

/** Every migration; TypeORM orders them by the timestamp in their name. Never edit a landed one. */
export const MIGRATIONS: Function[] = [CreateUnitsAndUsers1763884800000];
