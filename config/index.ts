import fs from 'node:fs'
import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

const root = path.resolve(__dirname, '..')
/** Shared TypeScript outside src/ that the app imports (schemas, labels, errors): compile it like src/. */
const sharedSources = [path.join(root, 'core')]

/**
 * NutUI React Taro is drawn on a 375 px design, the app on Taro's default 750 px one
 * (NutUI "快速上手": designWidth as a function of the file being transformed).
 */
function designWidth(input?: string | number | { file?: string }): number {
  const file = typeof input === 'object' && input ? input.file ?? '' : ''
  return file.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750
}

/** Writes which modules each emitted chunk holds, with their sizes (for the bundle analysis: scripts/analyze-weapp.mjs). */
class ModuleSizes {
  constructor(private readonly file: string) {}
  apply(compiler: any): void {
    compiler.hooks.done.tap('module-sizes', (stats: any) => {
      const { compilation } = stats
      // Concatenated modules hold their parts in `modules`; the parts carry the names and sizes worth reading.
      const flat = (m: any): any[] => (m.modules ? [...m.modules].flatMap(flat) : [{ name: m.resource ?? m.identifier(), size: m.size() }])
      const out = [...compilation.chunks].map((c: any) => ({
        files: [...c.files],
        modules: compilation.chunkGraph.getChunkModules(c).flatMap(flat),
      }))
      fs.writeFileSync(this.file, JSON.stringify(out))
    })
  }
}

/** A page unmounted before its mount rendered must not take another page with it (see the patch's comment). */
function patchPageUnmount(chain: { module: any }) {
  chain.module
    .rule('unmount-pending-page')
    .test(/[\\/]@tarojs[\\/]plugin-framework-react[\\/]dist[\\/]runtime\.js$/)
    .use('patch')
    .loader(path.join(__dirname, 'patches/unmount-pending-page.js'))
}

/** lodash.kebabcase → a few lines with the same answers on NutUI's theme keys (config/shims/kebab-case.js). */
function slimKebabCase(chain: { resolve: any }) {
  chain.resolve.alias.set('lodash.kebabcase', path.join(__dirname, 'shims/kebab-case.js'))
}

/** TARO_APP_* values may come from the shell as well as from .env files (Taro itself only reads the files). */
function envConstant(name: string): string {
  return JSON.stringify(process.env[name] ?? '')
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'channels-ops',
    date: '2025-1-1',
    designWidth,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: ['@tarojs/plugin-html'],
    env: {
      TARO_APP_CLOUD_ENV: envConstant('TARO_APP_CLOUD_ENV'),
      TARO_APP_API_BASE: envConstant('TARO_APP_API_BASE'),
      // Subscribe-message template ids (comma-separated) the mini-program asks the member to accept.
      TARO_APP_SUBSCRIBE_TEMPLATES: envConstant('TARO_APP_SUBSCRIBE_TEMPLATES'),
    },
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    // WeChat cannot recurse a template, so Taro writes one copy of every container's template per level of
    // nesting (base.wxml). Six levels instead of sixteen: deeper nodes continue in Taro's `comp` component (the
    // build-output tests render through it), and base.wxml loses two fifths of its size (issue 15).
    baseLevel: 6,
    compiler: {
      type: 'webpack5',
      // NutUI's own advice: prebundling it breaks template lookup in mini-programs.
      prebundle: { exclude: ['@nutui/nutui-react-taro', '@nutui/icons-react-taro'] },
    },
    cache: { enable: true },
    // The copy in dist/weapp is opened on its own: its paths are relative to dist/weapp.
    projectConfigName: 'config/project.weapp.json',
    mini: {
      compile: { include: sharedSources },
      postcss: {
        pxtransform: { enable: true, config: {} },
        './config/postcss-drop-rtl.js': { enable: true, config: {} },
        './config/postcss-nutui-static-vars.js': { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      optimizeMainPackage: { enable: true },
      webpackChain(chain) {
        patchPageUnmount(chain)
        slimKebabCase(chain)
        if (process.env.WEAPP_STATS) chain.plugin('module-sizes').use(ModuleSizes, [process.env.WEAPP_STATS])
      },
      // Styles are component-scoped by class prefix, so cross-chunk CSS order does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: sharedSources },
      esnextModules: ['nutui-react-taro', 'icons-react-taro'],
      // Images and fonts are files, not base64 inside the first screen's script (the tab icons and NutUI's icon
      // font were 22 KB of it). Taro reads `limit: true` as "inline nothing".
      imageUrlLoaderOption: { limit: true },
      fontUrlLoaderOption: { limit: true },
      // The router draws a page only if its address is still current (see the patch's comment).
      webpackChain(chain) {
        chain.module
          .rule('router-draws-current-location')
          // Whichever copy of the router's render webpack resolves (browser field: router/spa.js).
          .test(/[\\/]@tarojs[\\/]router[\\/]dist[\\/](router[\\/]spa|index\.esm|index\.cjs)\.js$/)
          .use('patch')
          .loader(path.join(__dirname, 'patches/router-draws-current-location.js'))
        chain.module
          .rule('router-show-cancels-hide')
          .test(/[\\/]@tarojs[\\/]router[\\/]dist[\\/](router[\\/]page|index\.esm|index\.cjs)\.js$/)
          .use('patch')
          .loader(path.join(__dirname, 'patches/router-show-cancels-hide.js'))
        patchPageUnmount(chain)
        // Taro.request imports fetch and AbortController polyfills and a JSONP helper into the first screen's
        // script; the browsers this build targets (package.json browserslist: Safari 12.1+, Chrome 66+) have
        // both, and the app never asks for JSONP (issue 15).
        chain.merge({ resolve: { alias: { 'whatwg-fetch': false, 'abortcontroller-polyfill/dist/abortcontroller-polyfill-only': false, 'jsonp-retry': false } } })
        slimKebabCase(chain)
        if (process.env.H5_STATS) chain.plugin('module-sizes').use(ModuleSizes, [process.env.H5_STATS])
      },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        './config/postcss-drop-rtl.js': { enable: true, config: {} },
        './config/postcss-nutui-static-vars.js': { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
