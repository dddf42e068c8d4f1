/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    // Transpile only; types are checked by `tsc --noEmit`.
    '^.+\\.ts$': ['ts-jest', { tsconfig: { isolatedModules: true } }],
    // jose ships only ES modules; Node 20 loads them through require(esm), jest needs them compiled to CommonJS.
    '/node_modules/jose/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, isolatedModules: true } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
  globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
  maxWorkers: 2,
  // A worker that ran many suites holds ~900 MB, and on this VM the kernel takes longer than jest's
  // 500 ms grace to unmap that at exit: jest then force-kills it and warns "A worker process has failed
  // to exit gracefully". Recycling a worker once it idles above 512 MB keeps exits quick, at no
  // measurable cost in run time (test/http: 106 s against 104-111 s).
  workerIdleMemoryLimit: '512MB',
  reporters: ['default', '<rootDir>/test/support/summaryReporter.js'],
  testTimeout: 30000,
};
