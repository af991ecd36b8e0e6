// Medium tests: the services as use cases on a real MariaDB, without HTTP (test/support/use-cases.ts),
// in a database created for the run (global-setup) and dropped after it (global-teardown).
const base = require('../jest.config.js');

module.exports = {
  ...base,
  rootDir: '..',
  testMatch: ['<rootDir>/test/medium/**/*.medium-spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
};
