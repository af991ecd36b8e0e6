import { installSteps, WORKFLOW_ROLES } from './install-setup.rules';

const READY = { activeCentres: 1, rolesHeld: [...WORKFLOW_ROLES, 'admin' as const], rulesInForce: 7, adminUnitsLoaded: true };

describe('installSteps', () => {
  it('is empty when a centre, a person for every role of the workflow, a rule in force and the admin-unit list are there', () => {
    expect(installSteps(READY)).toEqual([]);
  });

  it('lists everything a fresh installation lacks, in the order to set it up', () => {
    expect(installSteps({ activeCentres: 0, rolesHeld: ['admin'], rulesInForce: 0, adminUnitsLoaded: false })).toEqual([
      { step: 'create_centre' },
      { step: 'add_staff', role: 'head' },
      { step: 'add_staff', role: 'officer' },
      { step: 'add_staff', role: 'leader' },
      { step: 'add_staff', role: 'finance' },
      { step: 'publish_rule' },
      { step: 'load_admin_units' },
    ]);
  });

  it('names only what is missing: one role nobody holds, the list not loaded', () => {
    expect(installSteps({ ...READY, rolesHeld: ['head', 'officer', 'finance'] })).toEqual([{ step: 'add_staff', role: 'leader' }]);
    expect(installSteps({ ...READY, adminUnitsLoaded: false })).toEqual([{ step: 'load_admin_units' }]);
    expect(installSteps({ ...READY, activeCentres: 0 })).toEqual([{ step: 'create_centre' }]);
    expect(installSteps({ ...READY, rulesInForce: 0 })).toEqual([{ step: 'publish_rule' }]);
  });
});
