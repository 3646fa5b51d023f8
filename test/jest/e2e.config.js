const path = require('path')

/** Browser journeys (*.e2e.ts): Debian's Chromium driven by playwright-core against the local cloud serving dist/h5. */
module.exports = {
  displayName: 'e2e',
  rootDir: path.resolve(__dirname, '../..'),
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/e2e/setup.ts'],
  transform: { '^.+\\.tsx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2021' }, module: { type: 'commonjs' } }] },
}
