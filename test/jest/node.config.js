const path = require('path')

/** Pure core/ tests (*.test.ts) and tests through the local cloud (*.int.test.ts), in Node. */
module.exports = {
  displayName: 'node',
  rootDir: path.resolve(__dirname, '../..'),
  testEnvironment: 'node',
  roots: ['<rootDir>/core', '<rootDir>/cloudfunctions', '<rootDir>/emulator', '<rootDir>/test', '<rootDir>/scripts'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/test/components/', '<rootDir>/test/weapp/', '<rootDir>/test/e2e/'],
  setupFilesAfterEnv: ['<rootDir>/test/jest/node.setup.ts'],
  transform: { '^.+\\.tsx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2021' }, module: { type: 'commonjs' } }] },
}
