const path = require('path')

/**
 * Component tests: Taro React screens rendered in jsdom (TOOLCHAIN.md "Tests").
 * @tarojs/components → its React build, @tarojs/taro → a small test double, Taro's compile-time
 * globals defined, ESM packages transformed with lazy CommonJS interop (they have import cycles).
 */
const ESM_PACKAGES = [
  '@tarojs',
  '@stencil',
  '@nutui',
  'swiper',
  'ssr-window',
  'dom7',
  'classnames',
  'query-string',
  'decode-uri-component',
  'split-on-first',
  'filter-obj',
  'tslib',
  // @tarojs/components/lib/react ships its own pnpm-nested ESM tslib.
  '\\.pnpm',
]

module.exports = {
  displayName: 'components',
  rootDir: path.resolve(__dirname, '../..'),
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/test/components'],
  // .ts too: a component-side test without JSX (the outbox's storage per member) runs here as well.
  testMatch: ['**/*.test.ts?(x)'],
  // The first render of a suite transforms Taro and NutUI lazily (several seconds on a cold cache).
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/test/components/taro-mock.ts',
    '^@tarojs/components$': '@tarojs/components-react',
    '\\.(css|scss|sass|less)$': '<rootDir>/test/components/style-stub.js',
    '\\.(png|jpe?g|gif|svg)$': '<rootDir>/test/components/style-stub.js',
  },
  globals: {
    ENABLE_INNER_HTML: true,
    ENABLE_ADJACENT_HTML: true,
    ENABLE_SIZE_APIS: true,
    ENABLE_TEMPLATE_CONTENT: true,
    ENABLE_MUTATION_OBSERVER: true,
    ENABLE_CLONE_NODE: true,
    ENABLE_CONTAINS: true,
    DEPRECATED_ADAPTER_COMPONENT: false,
    __TARO_FRAMEWORK__: 'react',
  },
  setupFiles: ['<rootDir>/test/components/setup-env.js'],
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  transform: {
    '^.+\\.[jt]sx?$': [
      'babel-jest',
      {
        configFile: false,
        babelrc: false,
        presets: [
          ['@babel/preset-env', { targets: { node: 'current' }, modules: false }],
          ['@babel/preset-react', { runtime: 'automatic' }],
          '@babel/preset-typescript',
        ],
        plugins: [
          // Same on-demand NutUI imports as the app (babel.config.js).
          ...require('../../babel.config.js').plugins,
          [
            '@babel/plugin-transform-modules-commonjs',
            { lazy: (name) => !/^(@testing-library\/react|react-dom)(\/|$)/.test(name) },
          ],
        ],
      },
    ],
  },
}
