/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  // tsconfig's isolatedModules makes ts-jest transpile per file (fast); type checking is `npm run typecheck`.
  transform: { '^.+\\.ts$': 'ts-jest' },
  setupFiles: ['reflect-metadata'],
  // every file: no buyer data in any log line its servers wrote
  setupFilesAfterEnv: ['<rootDir>/test/support/no-personal-data-in-logs.ts'],
  globalSetup: '<rootDir>/test/global-setup.js',
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
};
