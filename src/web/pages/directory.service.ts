import { Injectable } from '@nestjs/common';
import { Actor, isStaff, Role } from '../../common/auth/actor';
import { UsersService } from '../../modules/identity/users.service';
import { UnitService } from '../../modules/organization/unit.service';
import type { UnitView } from '../../modules/organization/unit.view';

export interface StaffMember {
  id: string;
  fullName: string;
  roles: Role[];
  unitId: string | null;
}

/** Names of units and staff for a page, as the actor may see them (staff only; producers see none). */
export interface Directory {
  units: UnitView[];
  staff: StaffMember[];
  unitName(id: string | null | undefined): string;
  personName(id: string | null | undefined): string;
}

@Injectable()
export class DirectoryService {
  constructor(
    private readonly units: UnitService,
    private readonly users: UsersService,
  ) {}

  async for(actor: Actor): Promise<Directory> {
    const [units, staff] = isStaff(actor)
      ? await Promise.all([this.units.listUnits(actor, { page: 1, pageSize: 200 }).then((p) => p.items.filter((u) => u.active)), this.users.staffDirectory(actor)])
      : [[], []];
    const unitById = new Map(units.map((u) => [u.id, u]));
    const personById = new Map(staff.map((p) => [p.id, p]));
    return {
      units,
      staff,
      unitName: (id) => (id ? (unitById.get(id)?.name ?? id) : '—'),
      personName: (id) => (id ? (personById.get(id)?.fullName ?? (id === actor.id ? actor.fullName : id)) : '—'),
    };
  }
}
