import type { Role } from '../../common/auth/actor';

/**
 * What an installation still lacks before the workflow can run, in the order an administrator
 * sets it up: the extension centre (the unit that takes in files), one person for each role a
 * file passes through, an activity rule in force (the support a file is judged by) and the
 * national list of administrative units (communes are checked and named by it). Pure: the
 * administration service reads the facts.
 */

/** The roles a file passes through, from intake to payment: someone must hold each. */
export const WORKFLOW_ROLES: readonly Role[] = ['head', 'officer', 'leader', 'finance'];

export interface InstallFacts {
  /** Active units of kind centre (Trung tâm Khuyến công). */
  activeCentres: number;
  /** The roles held by at least one active person. */
  rolesHeld: readonly Role[];
  /** Activity rules in force today (any code, any fund source). */
  rulesInForce: number;
  /** Whether the national list of administrative units is loaded. */
  adminUnitsLoaded: boolean;
}

export type InstallStep =
  | { step: 'create_centre' }
  | { step: 'add_staff'; role: Role }
  | { step: 'publish_rule' }
  | { step: 'load_admin_units' };

/** The set-up steps still to take, first things first; empty when the installation is ready. */
export function installSteps(facts: InstallFacts): InstallStep[] {
  const steps: InstallStep[] = [];
  if (facts.activeCentres === 0) steps.push({ step: 'create_centre' });
  for (const role of WORKFLOW_ROLES) if (!facts.rolesHeld.includes(role)) steps.push({ step: 'add_staff', role });
  if (facts.rulesInForce === 0) steps.push({ step: 'publish_rule' });
  if (!facts.adminUnitsLoaded) steps.push({ step: 'load_admin_units' });
  return steps;
}
