// WeChat's verdict on the production mini-program build: its compiler, its 代码质量 checks and its own
// package byte counts, from miniprogram-ci run offline in a child process (see wechat-ci.cjs for why).
// Used by test/weapp/wechat.test.ts and test/bench/sizes.ts.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export interface QualityCheck {
  /** e.g. JS_COMPRESS_OPEN, LAZYCODE_LOADING_OPEN, PACKAGE_SIZE_LIMIT */
  name: string
  success: boolean
  text: string
  detail?: unknown
}

export interface WechatReport {
  projectPath: string
  /** Compiled file → bytes when WeChat's compiler succeeded; its message when it did not. */
  compile: { ok: true; ms: number; files: Record<string, number> } | { ok: false; error: string }
  /** WeChat's WXML and WXSS compilers (wcc, wcsc) over every .wxml/.wxss file. */
  markup: { ok: true } | { ok: false; error: string }
  quality: QualityCheck[]
  /** Package ('__APP__' for the main package, else the sub-package root with its slash) → file → bytes. */
  packages: Record<string, Record<string, number>>
}

export const MAIN_PACKAGE = '__APP__'
const ROOT = resolve(__dirname, '../..')
const SCRIPT = join(__dirname, 'wechat-ci.cjs')

/** Runs miniprogram-ci once over the project (default: the repository root, as DevTools opens it). */
export function wechatReport(projectPath = ROOT, timeoutMs = 5 * 60_000): Promise<WechatReport> {
  // Its own temp folder, removed afterwards, so nothing miniprogram-ci writes outlives the run.
  const tmp = mkdtempSync(join(tmpdir(), 'wechat-ci-'))
  const reportPath = join(tmp, 'report.json')
  return new Promise<WechatReport>((resolvePromise, reject) => {
    const child = spawn(process.execPath, [SCRIPT, reportPath, projectPath], {
      cwd: ROOT,
      env: { ...process.env, TMPDIR: tmp },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    // miniprogram-ci logs its progress; keep it for the error message only.
    let log = ''
    child.stdout.on('data', (d) => (log += d))
    child.stderr.on('data', (d) => (log += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      try {
        if (code !== 0) throw new Error(`miniprogram-ci exited with ${code ?? signal}:\n${log.slice(-4000)}`)
        resolvePromise(JSON.parse(readFileSync(reportPath, 'utf8')) as WechatReport)
      } catch (e) {
        reject(e)
      } finally {
        rmSync(tmp, { recursive: true, force: true })
      }
    })
  })
}

/** WeChat's own byte count per package (the PACKAGE_SIZE_LIMIT check's detail), main package first. */
export function packageSizes(report: WechatReport): [string, number][] {
  const check = report.quality.find((c) => c.name === 'PACKAGE_SIZE_LIMIT')
  const detail = (check?.detail ?? {}) as Record<string, number>
  return Object.entries(detail).sort(([a], [b]) => (a === MAIN_PACKAGE ? -1 : b === MAIN_PACKAGE ? 1 : a.localeCompare(b)))
}

/** Bytes of WeChat's compiled output (what an upload would carry) per package, by the same roots. */
export function compiledSizes(report: WechatReport): Record<string, number> {
  if (!report.compile.ok) return {}
  const roots = Object.keys(report.packages).filter((p) => p !== MAIN_PACKAGE)
  const out: Record<string, number> = {}
  for (const [file, bytes] of Object.entries(report.compile.files)) {
    const pkg = roots.find((r) => file.startsWith(r)) ?? MAIN_PACKAGE
    out[pkg] = (out[pkg] ?? 0) + bytes
  }
  return out
}
