/** @type {import('jest').Config} */
// One real MongoDB-wire server per `npm test` run (started in globalSetup), one database per test file.
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: ['<rootDir>/test/helpers/env.ts'],
};
module.exports = {
  globalSetup: '<rootDir>/test/helpers/global-setup.ts',
  globalTeardown: '<rootDir>/test/helpers/global-teardown.ts',
  testTimeout: 60000,
  // A leaked handle in one test file (a socket, a poller) must not hang CI after the run has
  // finished; the run's result is already known by then.
  forceExit: true,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/**/*.test.ts'], testPathIgnorePatterns: ['/resilience/'] },
    { ...common, displayName: 'resilience', testMatch: ['<rootDir>/test/resilience/**/*.test.ts'] },
  ],
};
