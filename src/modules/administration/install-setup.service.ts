import { Injectable } from '@nestjs/common';
import { requireRole } from '../../common/auth/access';
import type { Actor } from '../../common/auth/actor';
import { AdminUnitsService } from '../admin-units/admin-units.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import { UsersService } from '../identity/users.service';
import { UnitService } from '../organization/unit.service';
import type { UnitTreeNode } from '../organization/unit.view';
import { InstallStep, installSteps } from './install-setup.rules';

export type { InstallStep } from './install-setup.rules';

/** The installation's set-up steps still to take, for the administrator's home page. */
@Injectable()
export class InstallSetupService {
  constructor(
    private readonly units: UnitService,
    private readonly users: UsersService,
    private readonly catalogue: CatalogueService,
    private readonly adminUnits: AdminUnitsService,
  ) {}

  async steps(actor: Actor): Promise<InstallStep[]> {
    requireRole(actor, 'admin');
    const [tree, staff, rules, provinces] = await Promise.all([
      this.units.unitTree(actor),
      this.users.staffDirectory(actor),
      this.catalogue.listInForce(actor, {}),
      this.adminUnits.list({}),
    ]);
    const flat = (nodes: UnitTreeNode[]): UnitTreeNode[] => nodes.flatMap((n) => [n, ...flat(n.children)]);
    return installSteps({
      activeCentres: flat(tree.items).filter((u) => u.kind === 'centre' && u.active).length,
      rolesHeld: [...new Set(staff.filter((u) => u.active).flatMap((u) => u.roles))],
      rulesInForce: rules.length,
      adminUnitsLoaded: provinces.length > 0,
    });
  }
}
