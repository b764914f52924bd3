// One jest run for every project: unit specs beside the code, real-PostgreSQL
// specs and cross-app e2e specs under test/. swc keeps decorator metadata, which
// Nest's dependency injection needs, and transpiles far faster than ts-jest.
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};
// The console's React components (apps/console, jsdom via a per-file docblock).
const swcTsx = {
  jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test', '<rootDir>/tools'],
  testMatch: ['**/*.spec.ts', '**/*.spec.tsx', '**/*.e2e-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/apps/console/e2e/'],
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', swc], '^.+\\.tsx$': ['@swc/jest', swcTsx] },
  moduleNameMapper: {
    '^@qihe/(domain|contracts|data|server|client)$': '<rootDir>/libs/$1/src/index.ts',
  },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
};
