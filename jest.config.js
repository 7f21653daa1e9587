/** Jest: unit specs beside the code (no services), integration specs in test/ (real PostgreSQL). */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
const esmPackages = ['@nestjs', 'file-type', 'load-esm', 'uid', 'strtok3', 'token-types', 'peek-readable', '@tokenizer', 'uint8array-extras', '@borewit'];
const common = {
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  moduleNameMapper: {
    '^@charterflow/(kernel|procedure|database|cases|organisations|calendar|platform|delivery|notifications|access|audit|intake|documents)(/.*)?$': '<rootDir>/libs/$1/src$2',
    '^@charterflow/config(/.*)?$': '<rootDir>/config/src$1',
  },
  testEnvironment: 'node',
};
module.exports = {
  // Jest 30 reads the timeout from the root configuration only (a `testTimeout` inside a project is ignored). Hooks
  // and tests get three minutes: a timeout here only stops a test that hangs, it never measures speed, and on a busy
  // two-core machine a test that starts three apps, or the first embedded PGlite, can take a minute. No test sets a
  // lower one.
  testTimeout: 180_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/config/**/*.spec.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      // A database and a Redis database index of the run's own, dropped at the end (test/support/test-services.ts).
      globalSetup: '<rootDir>/test/global-setup.ts', globalTeardown: '<rootDir>/test/global-teardown.ts',
      // PGlite loads Node built-ins with import(), which jest cannot run without --experimental-vm-modules: transpile it (.cjs included) too.
      transform: { '^.+\\.(t|j|mj|cj)s$': swc },
      transformIgnorePatterns: [`/node_modules/(?!(${[...esmPackages, '@electric-sql'].join('|')})/)`] },
  ],
};
