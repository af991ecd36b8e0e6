import { Unit } from '../modules/organization/unit.entity';
import { User } from '../modules/identity/user.entity';

/** Every entity of the service; each module adds its own here. */
export const ENTITIES: Function[] = [Unit, User];
