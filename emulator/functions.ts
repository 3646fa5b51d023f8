/**
 * Hosts the cloud functions of a folder (`<dir>/<name>/index.ts` exporting `main`), unchanged:
 * invoke(name, event, identity) runs main inside that identity's context, `cloud.callFunction` is
 * answered locally with the caller's identity, and timer triggers from each function's config.json run
 * on schedule once startTimers() is called.
 *
 * The process must already be able to require TypeScript (run under tsx, or jest with @swc/jest).
 */
import fs from 'fs'
import path from 'path'
import { randomUUID } from 'crypto'
import { parseCron, type Cron } from './cron'
import { runWithIdentity, setFunctionInvoker, type Identity } from './cloud'

export type Main = (event: unknown, context: FunctionContext) => unknown

export interface FunctionContext {
  callbackWaitsForEmptyEventLoop: boolean
  function_name: string
  function_version: string
  namespace: string
  request_id: string
  memory_limit_in_mb: number
  time_limit_in_ms: number
}

export interface TimerTrigger {
  fn: string
  name: string
  config: string
  cron: Cron
}

interface FunctionConfig {
  timeout?: number
  triggers?: { name?: string; type?: string; config?: string }[]
}

/** Who a timer trigger runs as. */
export const TRIGGER_IDENTITY: Identity = { OPENID: '', SOURCE: 'wx_trigger' }

export class FunctionNotFoundError extends Error {
  constructor(readonly fn: string) {
    super(`cloud function not found: ${fn}`)
  }
}

/** Results travel as JSON in the real cloud; over 1 MB they fail there, so they fail here too. */
export const MAX_RESULT_BYTES = 1024 * 1024

export interface FunctionHostOptions {
  functionsDir: string
  now?: () => Date
  /** Warn on stderr when main runs longer than config.json's timeout (default 3 s). */
  warnSlow?: boolean
}

export class FunctionHost {
  private readonly dir: string
  private readonly names: string[]
  private readonly loaded = new Map<string, Main>()
  private readonly configs = new Map<string, FunctionConfig>()
  private timer: NodeJS.Timeout | undefined
  private lastTick = 0
  private readonly now: () => Date
  private running = 0
  private idleWaiters: (() => void)[] = []

  constructor(private readonly opts: FunctionHostOptions) {
    this.dir = path.resolve(opts.functionsDir)
    this.now = opts.now ?? (() => new Date())
    this.names = fs.existsSync(this.dir)
      ? fs
          .readdirSync(this.dir, { withFileTypes: true })
          .filter((e) => e.isDirectory() && e.name !== 'common' && fs.existsSync(path.join(this.dir, e.name, 'index.ts')))
          .map((e) => e.name)
          .sort()
      : []
    for (const name of this.names) this.configs.set(name, readConfig(path.join(this.dir, name, 'config.json')))
    // cloud.callFunction inside a function runs the target here, as the same caller.
    setFunctionInvoker((name, event, identity) => this.invoke(name, event, identity))
  }

  list(): string[] {
    return [...this.names]
  }

  has(name: string): boolean {
    return this.names.includes(name)
  }

  /** Loads (requires) every function now, so a broken one fails at start rather than on first call. */
  loadAll(): void {
    for (const name of this.names) this.load(name)
  }

  private load(name: string): Main {
    let main = this.loaded.get(name)
    if (main) return main
    if (!this.has(name)) throw new FunctionNotFoundError(name)
    const dir = path.join(this.dir, name)
    // A function folder with its own node_modules/wx-server-sdk would get an unpatched copy.
    const theirs = require.resolve('wx-server-sdk', { paths: [dir] })
    const ours = require.resolve('wx-server-sdk')
    if (theirs !== ours) throw new Error(`${name}: resolves its own wx-server-sdk (${theirs}); remove ${dir}/node_modules`)
    const mod = require(path.join(dir, 'index.ts')) as { main?: Main; default?: { main?: Main } }
    main = mod.main ?? mod.default?.main
    if (typeof main !== 'function') throw new Error(`cloud function ${name} does not export main`)
    this.loaded.set(name, main)
    return main
  }

  /**
   * Runs main(event, context) as `identity` (an OPENID string or a full identity; none = no user, as
   * for timers). Like the real cloud, the result comes back as JSON.
   */
  async invoke(name: string, event: unknown, identity?: Identity | string): Promise<unknown> {
    const main = this.load(name)
    const who: Identity = typeof identity === 'string' ? { OPENID: identity } : identity ?? { OPENID: '' }
    const timeout = (this.configs.get(name)?.timeout ?? 3) * 1000
    const context: FunctionContext = {
      callbackWaitsForEmptyEventLoop: false,
      function_name: name,
      function_version: '$LATEST',
      namespace: 'local',
      request_id: randomUUID(),
      memory_limit_in_mb: 256,
      time_limit_in_ms: timeout,
    }
    // Calls from a user carry userInfo in the event, as the real platform injects it.
    const ev =
      who.OPENID && event && typeof event === 'object' && !Array.isArray(event)
        ? { ...(event as object), userInfo: { appId: who.APPID ?? '', openId: who.OPENID } }
        : event
    const started = Date.now()
    this.running++
    let result: unknown
    try {
      result = await runWithIdentity(who, async () => main(ev, context))
    } finally {
      this.finished()
    }
    const took = Date.now() - started
    if (this.opts.warnSlow !== false && took > timeout) {
      console.warn(`[local cloud] ${name} took ${took} ms, over its ${timeout} ms timeout (the real cloud would kill it)`)
    }
    if (result === undefined) return undefined
    const json = JSON.stringify(result)
    if (Buffer.byteLength(json) > MAX_RESULT_BYTES) throw new Error(`${name}: result exceeds 1 MB (${Buffer.byteLength(json)} bytes)`)
    return JSON.parse(json)
  }

  /** Resolves once no invocation (request, timer or nested call) is running: the database may close then. */
  idle(): Promise<void> {
    if (this.running === 0) return Promise.resolve()
    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  private finished(): void {
    if (--this.running > 0) return
    const waiters = this.idleWaiters
    this.idleWaiters = []
    waiters.forEach((w) => w())
  }

  triggers(): TimerTrigger[] {
    const out: TimerTrigger[] = []
    for (const [fn, config] of this.configs) {
      for (const t of config.triggers ?? []) {
        if (t.type !== 'timer' || !t.config) continue
        out.push({ fn, name: t.name ?? 'timer', config: t.config, cron: parseCron(t.config) })
      }
    }
    return out
  }

  /**
   * Fires one timer trigger now (or as of `at`), exactly as the scheduler would: no caller, and
   * `getWXContext().SOURCE` is 'wx_trigger' — the platform's word, which a client cannot forge.
   */
  runTimer(trigger: Pick<TimerTrigger, 'fn' | 'name'>, at: Date = this.now()): Promise<unknown> {
    return this.invoke(trigger.fn, { Type: 'Timer', TriggerName: trigger.name, Time: at.toISOString() }, TRIGGER_IDENTITY)
  }

  /** Checks every trigger once a second; each matching second fires once. */
  startTimers(): void {
    if (this.timer) return
    const triggers = this.triggers()
    if (!triggers.length) return
    this.lastTick = Math.floor(this.now().getTime() / 1000)
    const tick = () => {
      const nowSec = Math.floor(this.now().getTime() / 1000)
      // Catch up on seconds skipped by a busy event loop, but never more than a minute.
      for (let s = Math.max(this.lastTick + 1, nowSec - 60); s <= nowSec; s++) {
        const at = new Date(s * 1000)
        for (const t of triggers) {
          if (!t.cron.matches(at)) continue
          this.runTimer(t, at).catch((e) => console.error(`[local cloud] timer ${t.fn}/${t.name} failed:`, e))
        }
      }
      this.lastTick = Math.max(this.lastTick, nowSec)
      this.timer = setTimeout(tick, 1000 - (Date.now() % 1000) + 5)
      this.timer.unref()
    }
    this.timer = setTimeout(tick, 1000 - (Date.now() % 1000) + 5)
    this.timer.unref()
  }

  stopTimers(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
  }
}

function readConfig(file: string): FunctionConfig {
  if (!fs.existsSync(file)) return {}
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as FunctionConfig
  } catch (e) {
    throw new Error(`${file}: invalid JSON (${(e as Error).message})`)
  }
}
