import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor';
import { AdminUnitsService, communeWithProvince } from '../admin-units/admin-units.service';
import { UsersService } from '../identity/users.service';
import { UnitService } from '../organization/unit.service';
import { ApplicationStore } from './application-store';
import type { ApplicationView } from './application.view';

/** The names of the units and people a file names, as a person reads them instead of ids. */
export interface NamesOnFile {
  leadUnit: string | null;
  allocationUnit: string | null;
  officer: string | null;
  /** The commune by its administrative code, with its province ("Phường Long Đức, Tỉnh Vĩnh Long"); null when the code is not in the list. */
  commune: string | null;
  /** Every unit the file names (lead, allocation, consulted), by id. */
  units: Record<string, string>;
  /** Every person the file names (officer, appraisers, decision-maker, who answered), by id. */
  people: Record<string, string>;
}

/**
 * Names for one file, for whoever may see it: its producer reads "Trung tâm Khuyến công" and the
 * officer's name on their own file without being shown the staff directory.
 */
@Injectable()
export class FileNamesService {
  constructor(
    private readonly store: ApplicationStore,
    private readonly units: UnitService,
    private readonly users: UsersService,
    private readonly adminUnits: AdminUnitsService,
  ) {}

  async namesOnFile(actor: Actor, file: ApplicationView): Promise<NamesOnFile> {
    // Hidden is 404, as for reading the file itself; the names are read from the stored file.
    const app = await this.store.findVisible(actor, file.id);
    const consultations = file.consultations ?? [];
    const unitIds = [app.leadUnitId, app.allocationUnitId, ...consultations.map((c) => c.unitId)];
    const personIds = [app.officerId, app.decidedBy, app.decidedOnBehalfOf, ...(file.appraisals ?? []).map((a) => a.memberId), ...consultations.map((c) => c.answeredBy)];
    const [unitNames, personNames, communes] = await Promise.all([
      this.units.namesOf(unitIds),
      this.users.fullNamesOf(personIds.filter((id): id is string => Boolean(id))),
      this.adminUnits.communeNames([app.communeCode]),
    ]);
    const unit = (id: string | null) => (id ? (unitNames.get(id) ?? null) : null);
    return {
      leadUnit: unit(app.leadUnitId),
      allocationUnit: unit(app.allocationUnitId),
      officer: app.officerId ? (personNames.get(app.officerId) ?? null) : null,
      commune: app.communeCode && communes.has(app.communeCode) ? communeWithProvince(communes.get(app.communeCode)!) : null,
      units: Object.fromEntries(unitNames),
      people: Object.fromEntries(personNames),
    };
  }
}
