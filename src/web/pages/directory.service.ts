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

/** A province's units, communes included, with room to spare. */
const UNITS_AT_MOST = 2000;

@Injectable()
export class DirectoryService {
  constructor(
    private readonly units: UnitService,
    private readonly users: UsersService,
  ) {}

  async for(actor: Actor): Promise<Directory> {
    // Every unit and person, active or not, for their names (a record keeps naming a unit since
    // closed or a person who has left); only the active ones are offered as choices.
    const [allUnits, everyone] = isStaff(actor)
      ? await Promise.all([this.units.listUnits(actor, { page: 1, pageSize: UNITS_AT_MOST }).then((p) => p.items), this.users.staffDirectory(actor, { includeInactive: true })])
      : [[], []];
    const unitById = new Map(allUnits.map((u) => [u.id, u]));
    const personById = new Map(everyone.map((p) => [p.id, p]));
    return {
      units: allUnits.filter((u) => u.active),
      staff: everyone.filter((p) => p.active).map(({ active: _active, ...p }) => p),
      // An id is never shown for a name: an unknown one reads as a dash.
      unitName: (id) => (id ? (unitById.get(id)?.name ?? '—') : '—'),
      personName: (id) => (id ? (personById.get(id)?.fullName ?? (id === actor.id ? actor.fullName : '—')) : '—'),
    };
  }
}
