import fs from 'fs'
import os from 'os'
import path from 'path'

/** The production mini-program build the tests load; `npm test` builds it first. */
export const WEAPP_DIR = path.resolve(__dirname, '../../dist/weapp')

export function assertBuilt(): void {
  if (!fs.existsSync(path.join(WEAPP_DIR, 'app.js'))) {
    throw new Error(
      `No mini-program build at ${WEAPP_DIR}. Build it first: NODE_ENV=production npx taro build --type weapp (npm test does this).`,
    )
  }
}

export interface CloudCall {
  name: string
  data: { action: string; data: unknown; requestId?: string }
}

export interface Navigation {
  kind: 'reLaunch' | 'navigateTo' | 'redirectTo' | 'switchTab'
  url: string
  pagesOpen: number
}

type PageConfig = Record<string, unknown> & { data?: Record<string, unknown> }
type AppConfig = Record<string, unknown>

export interface MiniProgram {
  calls: CloudCall[]
  /** Every wx.reLaunch / navigateTo / redirectTo / switchTab, in order, with the pages open at that moment. */
  navigations: Navigation[]
  app: AppConfig
  /** Requires a page's built js, creates its instance and runs onLoad/onShow; returns the captured setData tree. */
  /** Opens a page as WeChat does, with its query (what `useRouter().params` reads). */
  openPage(route: string, query?: Record<string, string>): Promise<PageInstance>
}

export interface PageInstance {
  route: string
  data: Record<string, unknown>
  setDataCalls: number
}

/**
 * Installs the globals a WeChat mini-program provides (App, Page, getApp, getCurrentPages, wx with
 * wx.cloud.callFunction answered by `answer`), then requires app.js and launches it.
 */
export function launchMiniProgram(answer: (call: CloudCall) => unknown, launchRoute: string): MiniProgram {
  assertBuilt()
  const calls: CloudCall[] = []
  const navigations: Navigation[] = []
  const pages: PageInstance[] = []
  let appConfig: AppConfig | null = null
  let pageConfig: PageConfig | null = null

  const cloud = {
    init: () => undefined,
    callFunction: async (opts: { name: string; data: CloudCall['data'] }) => {
      const call = { name: opts.name, data: opts.data }
      calls.push(call)
      return { result: answer(call), errMsg: 'cloud.callFunction:ok' }
    },
  }
  const systemInfo = { platform: 'devtools', pixelRatio: 2, windowWidth: 375, windowHeight: 812, screenWidth: 375, screenHeight: 812, SDKVersion: '3.4.0', language: 'zh_CN', version: '8.0.50' }
  const known: Record<string, unknown> = {
    cloud,
    getSystemInfoSync: () => systemInfo,
    getWindowInfo: () => systemInfo,
    getDeviceInfo: () => systemInfo,
    getAppBaseInfo: () => systemInfo,
    getStorageSync: () => '',
    canIUse: () => true,
    nextTick: (fn: () => void) => setTimeout(fn, 0),
    getLaunchOptionsSync: () => ({ path: launchRoute, query: {}, scene: 1001 }),
    getEnterOptionsSync: () => ({ path: launchRoute, query: {}, scene: 1001 }),
  }
  for (const kind of ['reLaunch', 'navigateTo', 'redirectTo', 'switchTab'] as const) {
    known[kind] = (opts: { url: string; success?: (r: unknown) => void; complete?: () => void }) => {
      navigations.push({ kind, url: opts.url, pagesOpen: pages.length })
      opts.success?.({ errMsg: `${kind}:ok` })
      opts.complete?.()
    }
  }
  // Anything else Taro touches on wx is a no-op that "succeeds".
  const wx = new Proxy(known, {
    get: (target, key: string) => {
      if (key in target) return target[key]
      if (key === 'webpackJsonp' || key === 'env') return undefined
      return (opts?: { success?: (r: unknown) => void; complete?: () => void }) => {
        opts?.success?.({ errMsg: `${key}:ok` })
        opts?.complete?.()
      }
    },
    set: (target, key: string, value) => {
      target[key] = value
      return true
    },
  })

  const g = globalThis as Record<string, unknown>
  g.wx = wx
  g.App = (config: AppConfig) => {
    appConfig = config
  }
  g.Page = (config: PageConfig) => {
    pageConfig = config
  }
  g.getApp = () => appConfig
  g.getCurrentPages = () => pages

  jest.isolateModules(() => {
    require(path.join(WEAPP_DIR, 'app.js'))
  })
  if (!appConfig) throw new Error('dist/weapp/app.js did not call App()')
  const app = appConfig as AppConfig
  const launch = { path: launchRoute, query: {}, scene: 1001 }
  ;(app.onLaunch as (o: unknown) => void).call(app, launch)
  ;(app.onShow as ((o: unknown) => void) | undefined)?.call(app, launch)

  return {
    calls,
    navigations,
    app,
    async openPage(route: string, query: Record<string, string> = {}) {
      pageConfig = null
      jest.isolateModules(() => {
        require(path.join(WEAPP_DIR, `${route}.js`))
      })
      if (!pageConfig) throw new Error(`${route}.js did not call Page()`)
      const config = pageConfig as PageConfig
      const page = Object.create(config) as PageConfig & PageInstance & { setData: (d: Record<string, unknown>, cb?: () => void) => void }
      page.route = route
      page.data = { ...(config.data ?? {}) }
      page.setDataCalls = 0
      page.setData = (patch, cb) => {
        page.setDataCalls++
        for (const [key, value] of Object.entries(patch)) setPath(page.data, key, value)
        cb?.()
      }
      pages.push(page)
      ;(config.onLoad as (o: unknown) => void).call(page, query)
      ;(config.onShow as (() => void) | undefined)?.call(page)
      ;(config.onReady as (() => void) | undefined)?.call(page)
      return page
    },
  }
}

/** Applies one setData key such as `root.cn.[0].cn.[2].v` to `target`. */
function setPath(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean)
  let cur: Record<string, unknown> = target
  for (let i = 0; i < parts.length - 1; i++) {
    const p = parts[i]
    if (typeof cur[p] !== 'object' || cur[p] === null) cur[p] = /^\d+$/.test(parts[i + 1]) ? [] : {}
    cur = cur[p] as Record<string, unknown>
  }
  cur[parts[parts.length - 1]] = value
}

/** Waits until `check` passes or the time runs out (Taro batches setData on timers). */
export async function eventually(check: () => void, timeoutMs = 5000): Promise<void> {
  const start = Date.now()
  for (;;) {
    try {
      check()
      return
    } catch (e) {
      if (Date.now() - start > timeoutMs) throw e
      await new Promise((r) => setTimeout(r, 20))
    }
  }
}

/**
 * A probe component whose template is Taro's own: `<template is="taro_tmpl" data="{{root:root}}"/>`
 * from the build's base.wxml, copied with utils.wxs into a temp folder so the build stays untouched.
 */
export function writeProbe(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-probe-'))
  for (const f of ['base.wxml', 'utils.wxs', 'comp.wxml']) fs.copyFileSync(path.join(WEAPP_DIR, f), path.join(dir, f))
  // Nodes deeper than the build's baseLevel continue in Taro's `comp` component (config/index.ts): the build's
  // own template, with a plain component holding the two properties the template hands it.
  fs.writeFileSync(path.join(dir, 'comp.json'), JSON.stringify({ component: true, usingComponents: { comp: './comp' } }))
  fs.writeFileSync(path.join(dir, 'comp.js'), 'Component({ properties: { i: { type: Object, value: {} }, l: { type: String, value: \'\' } } })\n')
  fs.writeFileSync(path.join(dir, 'comp.wxss'), '')
  fs.writeFileSync(path.join(dir, 'probe.json'), JSON.stringify({ component: true, usingComponents: { comp: './comp' } }))
  fs.writeFileSync(path.join(dir, 'probe.wxml'), '<import src="./base.wxml"/>\n<template is="taro_tmpl" data="{{root:root}}"/>\n')
  fs.writeFileSync(path.join(dir, 'probe.js'), 'Component({ properties: { root: { type: Object, value: {} } } })\n')
  fs.writeFileSync(path.join(dir, 'probe.wxss'), '')
  return path.join(dir, 'probe')
}

/** Every text value in Taro's setData tree (`v` holds a text node's value). */
export function texts(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => texts(n, out))
  else if (node && typeof node === 'object') {
    const n = node as Record<string, unknown>
    if (typeof n.v === 'string') out.push(n.v)
    for (const [k, v] of Object.entries(n)) if (k !== 'v') texts(v, out)
  }
  return out
}

/** Every class list in Taro's setData tree (`cl` holds a node's class). */
export function classesOf(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => classesOf(n, out))
  else if (node && typeof node === 'object') {
    const n = node as Record<string, unknown>
    if (typeof n.cl === 'string') out.push(n.cl)
    for (const v of Object.values(n)) classesOf(v, out)
  }
  return out
}

/**
 * A stubbed cloud that answers `function.action` keys with fixed data, and NOT_FOUND otherwise.
 *
 * @example
 * answering({ 'team.me': ME, 'content.monthView': MONTH_VIEW })
 */
export function answering(answers: Record<string, unknown>): (call: CloudCall) => unknown {
  return (call) => {
    const key = `${call.name}.${call.data.action}`
    return key in answers ? { ok: true, data: answers[key] } : { ok: false, error: { code: 'NOT_FOUND', message: `没有 ${key}` } }
  }
}
