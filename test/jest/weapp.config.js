const path = require('path')

/**
 * Mini-program build-output tests: load the production weapp build (dist/weapp) with stubbed
 * App/Page/wx globals and render what Taro hands to setData through miniprogram-simulate.
 * The built JS runs as is (`transform: {}` for it); the test files themselves are TypeScript.
 */
module.exports = {
  displayName: 'weapp',
  rootDir: path.resolve(__dirname, '../..'),
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/test/weapp'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2021' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/', '/dist/'],
}
