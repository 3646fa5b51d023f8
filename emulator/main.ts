/**
 * The local cloud, started from the command line (`tsx emulator/main.ts`) or from code
 * (startEmulator: tests, benchmarks, scripts). Data lives in one folder: cloud.sqlite, files/, secret,
 * and server.lock while a server holds the folder (one server per folder: see lock.ts).
 *
 *   --port 8787 (PORT)  --host 127.0.0.1 (HOST)  --data ./.data (DATA_DIR)  --static dist/h5
 *   --functions cloudfunctions  --no-timers  SEED=empty to skip seeding the demo team
 */
import fs from 'fs'
import os from 'os'
import path from 'path'
import { randomBytes } from 'crypto'
import { Store } from './store'
import { createServer, type LocalServer } from './server'
import { DataDirLockedError, lockDataDir } from './lock'
import { TEAMS } from '../cloudfunctions/common/db/collections'

export interface EmulatorOptions {
  port?: number
  host?: string
  /** Data folder; ':memory:' keeps the database in memory (files then go to a temp folder). */
  dataDir?: string
  staticDir?: string
  functionsDir?: string
  /** Run timer triggers (default false; the CLI turns them on). */
  timers?: boolean
  /** Seed the demo team through emulator/seed.ts when the database has no teams (default false). */
  seed?: boolean
  /**
   * Collections to create up front: CloudBase needs collections to exist before they are read. Default:
   * the `collections` of database.rules.json at the repository root, as deployment creates them.
   */
  collections?: string[]
  now?: () => Date
}

export interface Emulator {
  url: string
  port: number
  store: Store
  server: LocalServer
  invoke(name: string, event: unknown, openid?: string): Promise<unknown>
  close(): Promise<void>
}

const ROOT = path.resolve(__dirname, '..')

function deployedCollections(): string[] {
  const file = path.join(ROOT, 'database.rules.json')
  if (!fs.existsSync(file)) return []
  const rules = JSON.parse(fs.readFileSync(file, 'utf8')) as { collections?: unknown }
  return Array.isArray(rules.collections) ? rules.collections.filter((c): c is string => typeof c === 'string') : []
}

function readSecret(dataDir: string): string {
  const file = path.join(dataDir, 'secret')
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim()
  const secret = randomBytes(32).toString('hex')
  fs.writeFileSync(file, secret + '\n', { mode: 0o600 })
  return secret
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const memory = opts.dataDir === ':memory:'
  const dataDir = memory ? fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-')) : path.resolve(opts.dataDir ?? '.data')
  fs.mkdirSync(dataDir, { recursive: true })
  // Before the database opens: a second server on this folder would lose acknowledged writes.
  const lock = memory ? undefined : lockDataDir(dataDir)
  let store: Store | undefined
  let server: LocalServer | undefined
  try {
    store = new Store(memory ? ':memory:' : path.join(dataDir, 'cloud.sqlite'))
    for (const c of opts.collections ?? deployedCollections()) store.createCollection(c)
    server = createServer({
      store,
      filesDir: path.join(dataDir, 'files'),
      functionsDir: opts.functionsDir ?? path.join(ROOT, 'cloudfunctions'),
      staticDir: opts.staticDir,
      host: opts.host,
      secret: readSecret(dataDir),
      now: opts.now,
    })
    const invoke = (name: string, event: unknown, openid = '') => server!.invoke(name, event, openid)
    const timer = (fn: string, name: string) => server!.functions.runTimer({ fn, name })
    if (opts.seed) await maybeSeed(store, invoke, timer, (opts.now ?? (() => new Date()))())
    const { url, port } = await server.listen(opts.port ?? 0)
    lock?.update({ url })
    if (opts.timers) server.functions.startTimers()
    store.resetStats()
    return emulatorOf({ url, port, store, server, invoke }, () => lock?.release())
  } catch (e) {
    await server?.close()
    store?.close()
    lock?.release()
    throw e
  }
}

function emulatorOf(parts: Omit<Emulator, 'close'>, release: () => void): Emulator {
  let closing: Promise<void> | undefined
  return {
    ...parts,
    /** Drains requests in flight, closes the database, then frees the folder. */
    close() {
      closing ??= (async () => {
        await parts.server.close()
        parts.store.close()
        release()
      })()
      return closing
    },
  }
}

/** Runs emulator/seed.ts (written with the app) once, on a database without teams. */
async function maybeSeed(store: Store, invoke: Emulator['invoke'], timer: (fn: string, name: string) => Promise<unknown>, now: Date): Promise<void> {
  if (process.env.SEED === 'empty') return
  const seedFile = ['seed.ts', 'seed.js'].map((f) => path.join(__dirname, f)).find((f) => fs.existsSync(f))
  if (!seedFile) return
  if (store.hasCollection(TEAMS) && store.count(TEAMS, {}) > 0) return
  const mod = require(seedFile) as { default?: (ctx: { invoke: typeof invoke; store: Store; now: Date; timer: typeof timer }) => Promise<void> }
  if (typeof mod.default !== 'function') return
  await mod.default({ invoke: (fn, event, openid) => invoke(fn, event, openid), store, now, timer })
}

function parseArgs(argv: string[]): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {}
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (!a.startsWith('--')) continue
    const [k, v] = a.slice(2).split('=', 2)
    if (k.startsWith('no-')) out[k.slice(3)] = false
    else if (v !== undefined) out[k] = v
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) out[k] = argv[++i]
    else out[k] = true
  }
  return out
}

async function cli(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  const str = (k: string, env: string | undefined, def: string) => (typeof args[k] === 'string' ? (args[k] as string) : env ?? def)
  // Handlers first: a signal during start-up (or right after the URL is printed) still closes cleanly.
  let stopping: string | undefined
  let emulator: Emulator | undefined
  const stop = (why: string) => {
    // Ctrl-C reaches us twice (from the terminal and forwarded by scripts/start.mjs): stop once.
    if (stopping) return
    stopping = why
    if (emulator) close(emulator, why)
  }
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(signal))
  // Started by scripts/start.mjs with an IPC channel: if the launcher dies (even by kill -9), stop too.
  if (process.send) process.on('disconnect', () => stop('launcher exited'))

  emulator = await startEmulator({
    port: Number(str('port', process.env.PORT, '8787')),
    host: str('host', process.env.HOST, '127.0.0.1'),
    dataDir: str('data', process.env.DATA_DIR, './.data'),
    staticDir: path.resolve(str('static', undefined, 'dist/h5')),
    functionsDir: path.resolve(str('functions', undefined, path.join(ROOT, 'cloudfunctions'))),
    timers: args.timers !== false,
    seed: true,
  })
  console.log(`Channels Ops local cloud: ${emulator.url}`)
  if (stopping) close(emulator, stopping)
}

function close(emulator: Emulator, why: string): void {
  console.log(`\n${why}: closing the local cloud (finishing requests in flight)…`)
  emulator.close().then(
    () => process.exit(0),
    (e) => {
      console.error(e)
      process.exit(1)
    },
  )
}

if (require.main === module) {
  cli().catch((e) => {
    if (e instanceof DataDirLockedError) console.error(`✗ ${e.message}`)
    else console.error(e)
    process.exit(1)
  })
}
