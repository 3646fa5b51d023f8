/**
 * @jest-environment node
 */
// WeChat's own verdict on the production build (dist/weapp, opened through the repository root's
// project.config.json as DevTools does): its compiler must accept every page, and every 代码质量 check
// DevTools shows before an upload must pass (compression on, lazy code loading, package sizes, no
// unused or misplaced files). miniprogram-ci runs once for the whole file, offline.
import fs from 'fs'
import path from 'path'
import { assertBuilt, WEAPP_DIR } from './harness'
import { packageSizes, wechatReport, type WechatReport } from '../support/wechat'

let report: WechatReport

beforeAll(async () => {
  assertBuilt()
  report = await wechatReport()
}, 5 * 60_000)

test("WeChat's compiler compiles the build", () => {
  if (!report.compile.ok) throw new Error(`WeChat's compiler failed:\n${report.compile.error}`)
  const app = JSON.parse(fs.readFileSync(path.join(WEAPP_DIR, 'app.json'), 'utf8')) as {
    pages: string[]
    subPackages?: { root: string; pages: string[] }[]
  }
  const pages = [...app.pages, ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))]
  const compiled = report.compile.files
  expect(pages.filter((p) => !(`${p}.js` in compiled && `${p}.wxml` in compiled))).toEqual([])
})

test("WeChat's WXML and WXSS compilers accept every file", () => {
  if (!report.markup.ok) throw new Error(`WeChat's WXML/WXSS compiler failed:\n${report.markup.error}`)
})

test("every one of WeChat's code-quality checks passes", () => {
  expect(report.quality.length).toBeGreaterThan(0)
  // Each failure as NAME: WeChat's text (detail), so the jest diff says what to fix.
  const failed = report.quality
    .filter((c) => !c.success)
    .map((c) => `${c.name}: ${c.text}${c.detail ? ` ${JSON.stringify(c.detail)}` : ''}`)
  expect(failed).toEqual([])
})

test('WeChat counts the main package and every sub-package', () => {
  const sizes = new Map(packageSizes(report))
  expect(sizes.get('__APP__')).toBeGreaterThan(0)
  for (const root of Object.keys(report.packages)) expect(sizes.has(root)).toBe(true)
})

// DevTools opens the repository root; config/project.weapp.json is the copy Taro puts in dist/weapp for
// opening that folder alone. Both must compile the same way.
test('both project configs carry the same compile settings', () => {
  const setting = (file: string) => (JSON.parse(fs.readFileSync(path.join(__dirname, '../..', file), 'utf8')) as { setting: unknown }).setting
  expect(setting('config/project.weapp.json')).toEqual(setting('project.config.json'))
})
