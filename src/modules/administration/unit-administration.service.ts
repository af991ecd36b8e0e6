import { Injectable } from '@nestjs/common';
import { requireRole } from '../../common/auth/access';
import type { Actor } from '../../common/auth/actor';
import { TransactionRunner } from '../../database/transaction';
import { ApplicationsService } from '../applications/applications.service';
import { BudgetSummaryService } from '../budget/budget-summary.service';
import { UnitService } from '../organization/unit.service';
import type { UnitView } from '../organization/unit.view';
import { AdministrationError } from './administration.error';
import { deactivationRefusal } from './administration.rules';

/**
 * Closing and reopening units. Closing needs facts owned above organisation (the money a unit
 * holds, the files it works on), so the use case lives here and asks budget and applications.
 */
@Injectable()
export class UnitAdministrationService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly units: UnitService,
    private readonly budget: BudgetSummaryService,
    private readonly applications: ApplicationsService,
  ) {}

  /**
   * A unit that holds no money it could commit in an open year and no file in progress stops
   * taking new allocations, files, assignments and members (409 naming what it still holds).
   * The unit row is locked first: work that confirms the unit active holds a shared lock on it
   * until it commits, so what is read below includes it.
   */
  async deactivateUnit(actor: Actor, id: string): Promise<UnitView> {
    const capacity = requireRole(actor, 'admin');
    return this.tx.run(async () => {
      const unit = await this.units.lockUnit(id);
      if (unit.active) {
        const [holdings, openFiles] = [await this.budget.availableOfUnit(unit.id), await this.applications.openFilesOfUnit(unit.id)];
        const refusal = deactivationRefusal({ unitName: unit.name, holdings, openFiles });
        if (refusal) throw AdministrationError.unitStillInUse(refusal);
      }
      return this.units.setUnitActive(unit.id, false, { actor, capacity });
    });
  }

  async activateUnit(actor: Actor, id: string): Promise<UnitView> {
    const capacity = requireRole(actor, 'admin');
    return this.tx.run(async () => {
      const unit = await this.units.lockUnit(id);
      return this.units.setUnitActive(unit.id, true, { actor, capacity });
    });
  }
}
