// Package sizes of the production builds: the weapp's own count, WeChat's count per package, and the H5 first route's JS.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { compiledSizes, MAIN_PACKAGE, packageSizes, wechatReport } from '../support/wechat'
import { rows } from './measure'

export const ROOT = resolve(__dirname, '../..')
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    return statSync(p).isDirectory() ? files(p) : [p]
  })
}

export function weappSizes(): void {
  const dir = join(ROOT, 'dist/weapp')
  const app = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] }
  const subRoots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/?$/, '/'))
  let total = 0
  let main = 0
  for (const f of files(dir)) {
    if (f.endsWith('.map')) continue
    const size = statSync(f).size
    total += size
    if (!subRoots.some((r) => relative(dir, f).startsWith(r))) main += size
  }
  rows.push(['weapp total (production, no maps)', kb(total)], ['weapp main package (limit 2048 KB, bar 800 KB)', kb(main)])
}

/** WeChat's own byte counts (miniprogram-ci's PACKAGE_SIZE_LIMIT check), next to our count above. */
export async function wechatSizes(): Promise<void> {
  const report = await wechatReport()
  const compiled = compiledSizes(report)
  const label = (pkg: string) => (pkg === MAIN_PACKAGE ? 'main package (goal ≤ 500 KB, limit 2048 KB)' : `sub-package ${pkg.replace(/\/$/, '')} (limit 2048 KB)`)
  for (const [pkg, bytes] of packageSizes(report)) {
    const after = compiled[pkg] === undefined ? '' : ` · compiled ${kb(compiled[pkg])}`
    rows.push([`weapp ${label(pkg)}, WeChat's count`, `${kb(bytes)} (${bytes} B)${after}`])
  }
  const failed = report.quality.filter((c) => !c.success).map((c) => c.name)
  rows.push(["WeChat's compile · code-quality checks", `${report.compile.ok ? 'ok' : 'FAILED'} · ${failed.length ? `failing: ${failed.join(', ')}` : 'all pass'}`])
}

export async function h5FirstRoute(url: string): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
  const scripts = new Set<string>()
  page.on('response', (r) => {
    const u = new URL(r.url())
    if (u.pathname.endsWith('.js')) scripts.add(u.pathname)
  })
  await page.goto(url, { waitUntil: 'networkidle' })
  await browser.close()
  let raw = 0
  let gz = 0
  for (const p of scripts) {
    const buf = readFileSync(join(ROOT, 'dist/h5', decodeURIComponent(p)))
    raw += buf.length
    gz += gzipSync(buf, { level: 9 }).length
  }
  rows.push([`H5 first-route JS (${scripts.size} files, goal ≤ 150 KB gzip)`, `${kb(raw)} raw / ${kb(gz)} gzip`])
}
