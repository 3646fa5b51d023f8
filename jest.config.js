/**
 * One jest run, several projects: node-side unit and local-cloud tests, component tests in jsdom,
 * mini-program build-output tests, and browser journeys. `npm test` runs them all.
 */
module.exports = {
  testTimeout: 60000,
  projects: [
    '<rootDir>/test/jest/node.config.js',
    '<rootDir>/test/jest/dom.config.js',
    '<rootDir>/test/jest/weapp.config.js',
    '<rootDir>/test/jest/e2e.config.js',
  ].filter((p) => require('fs').existsSync(p.replace('<rootDir>', __dirname))),
}
