// Tests run the TypeScript sources through SWC as CommonJS: fast on two cores, and no
// experimental VM modules. ESM-only dependencies are transformed the same way.
const esmOnly = [
  'ical\\.js',
  'jose',
  '@seriousme',
  'pkijs',
  'asn1js',
  'bytestreamjs',
  'pvtsutils',
  'pvutils',
  '@peculiar',
  '@noble',
  'double-metaphone',
];
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j|mj)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          target: 'es2022',
          transform: { react: { runtime: 'automatic' } },
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleNameMapper: {
    '^#core/(.*)\\.js$': '<rootDir>/core/$1',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  globalSetup: '<rootDir>/test/global-setup.cjs',
  // Generous: PGlite setups take seconds each and a 2-core machine may run two suites at once.
  testTimeout: 90000,
  maxWorkers: 2,
  testSequencer: '<rootDir>/test/sequencer.mjs',
};
