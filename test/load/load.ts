/**
 * `npm run load [-- --clients 200 --seconds 60 --data <folder>]`: starts the local cloud (its own process,
 * demo team seeded, no timers) on a fresh folder, runs N keep-alive clients for S seconds over a mix of
 * reads and writes as the demo members (optionally pausing --think ms between calls), prints throughput, errors and p50/p95/p99 per action, stops the
 * server with SIGTERM and checks that every acknowledged write is stored in the database file.
 * Exits 1 on any error, lost write, or p99 over --p99 ms (default 2000).
 */
import http from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO_ADMIN, DEMO_PEOPLE } from '../../emulator/seed'
import { Store } from '../../emulator/store'
import { startServerProcess, stopServerProcess } from './server-process'
import { percentile, report, type Sample } from './report'

const args = parseArgs(process.argv.slice(2))
const CLIENTS = Number(args.clients ?? 200)
const SECONDS = Number(args.seconds ?? 60)
const P99_LIMIT_MS = Number(args.p99 ?? 2000)
/** Mean pause between a client's calls (uniform 0.5×–1.5×), as a person tapping through the app; 0 = flat out. */
const THINK_MS = Number(args.think ?? 0)

type Caller = (fn: string, action: string, data: unknown, requestId?: string) => Promise<{ ok: boolean; data?: unknown; error?: unknown }>

interface Action {
  name: string
  write: boolean
  run(call: Caller, n: number): Promise<{ ok: boolean; data?: unknown; error?: unknown }>
}

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
const READS: Action[] = [
  { name: 'team.me', write: false, run: (c) => c('team', 'me', {}) },
  { name: 'analytics.dashboard', write: false, run: (c) => c('analytics', 'dashboard', { range: 'week' }) },
  { name: 'content.monthView', write: false, run: (c) => c('content', 'monthView', { month: today().slice(0, 7) }) },
  { name: 'results.pendingToday', write: false, run: (c) => c('results', 'pendingToday', { withinDays: 30 }) },
  { name: 'review.inbox', write: false, run: (c) => c('review', 'inbox', {}) },
]
const LOG_LEADS: Action = {
  name: 'results.logLeads',
  write: true,
  run: (c, n) => c('results', 'logLeads', { date: today(), channel: 'wecom', count: 1 + (n % 5) }, `load-${process.pid}-${n}`),
}
// Everyone reads; only the roles that may log leads write (about a third of their calls).
const LOGGERS = new Set(['admin', 'manager', 'operator', 'field'])
const MEMBERS = [{ openid: DEMO_ADMIN.openid, role: 'admin' }, ...DEMO_PEOPLE.map((p) => ({ openid: p.openid, role: p.role }))]

function request(agent: http.Agent, url: URL, path: string, body: unknown, token?: string) {
  return new Promise<{ status: number; json: unknown; newSocket: boolean }>((resolve, reject) => {
    const data = Buffer.from(JSON.stringify(body))
    const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json', 'content-length': data.length }
    if (token) headers.authorization = `Bearer ${token}`
    const req = http.request({ host: url.hostname, port: url.port, path, method: 'POST', agent, headers, timeout: 120_000 }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString()), newSocket: !req.reusedSocket })
        } catch (e) {
          reject(e)
        }
      })
      res.on('error', reject)
    })
    req.on('timeout', () => req.destroy(new Error('timeout after 120 s')))
    req.on('error', reject)
    req.end(data)
  })
}

async function main(): Promise<void> {
  const dataDir = typeof args.data === 'string' ? args.data : mkdtempSync(join(tmpdir(), 'load-'))
  console.log(`• starting the local cloud on ${dataDir} (demo team)…`)
  const server = await startServerProcess(dataDir)
  const url = new URL(server.url)
  console.log(`• ${CLIENTS} keep-alive clients for ${SECONDS} s (think ${THINK_MS} ms) against ${server.url}`)

  const samples: Sample[] = []
  const acked: string[] = []
  const errors = new Map<string, number>()
  const fail = (key: string) => errors.set(key, (errors.get(key) ?? 0) + 1)
  let n = 0
  const deadline = Date.now() + SECONDS * 1000

  const client = async (i: number) => {
    const member = MEMBERS[i % MEMBERS.length]
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
    let token: string | undefined
    const call: Caller = async (fn, action, data, requestId) => {
      const started = Date.now()
      const r = await request(agent, url, `/api/fn/${fn}`, { action, data, requestId }, token)
      samples.push({ action: `${fn}.${action}`, ms: Date.now() - started, newSocket: r.newSocket })
      return r.json as { ok: boolean }
    }
    try {
      const t0 = Date.now()
      const s = await request(agent, url, '/api/session', { openid: member.openid })
      samples.push({ action: 'session', ms: Date.now() - t0, newSocket: s.newSocket })
      token = (s.json as { token: string }).token
      while (Date.now() < deadline) {
        if (THINK_MS > 0) await new Promise((r) => setTimeout(r, THINK_MS * (0.5 + Math.random())))
        const k = n++
        const action = LOGGERS.has(member.role) && k % 3 === 0 ? LOG_LEADS : READS[k % READS.length]
        try {
          const res = await action.run(call, k)
          if (!res.ok) fail(`${action.name}: ${JSON.stringify(res.error)}`)
          else if (action.write) acked.push((res.data as { id: string }).id)
        } catch (e) {
          fail(`${action.name}: ${(e as Error).message}`)
        }
      }
    } catch (e) {
      fail(`session: ${(e as Error).message}`)
    } finally {
      agent.destroy()
    }
  }
  const started = Date.now()
  await Promise.all(Array.from({ length: CLIENTS }, (_x, i) => client(i)))
  const took = (Date.now() - started) / 1000

  console.log(report(samples, took))
  const p99 = percentile(samples.map((s) => s.ms), 0.99)
  console.log(`errors: ${[...errors.values()].reduce((a, b) => a + b, 0)}`)
  for (const [k, v] of [...errors].slice(0, 10)) console.log(`  ${v} × ${k.slice(0, 200)}`)

  await stopServerProcess(server)
  const store = new Store(join(dataDir, 'cloud.sqlite'))
  const stored = new Set<string>()
  for (const coll of store.listCollections()) {
    for (const d of store.find(coll, { query: { _id: { $in: acked } }, limit: acked.length + 1 })) stored.add(d._id)
  }
  store.close()
  const lost = acked.filter((id) => !stored.has(id))
  console.log(`acknowledged writes: ${acked.length}, stored: ${acked.length - lost.length}, lost: ${lost.length}`)
  if (typeof args.data !== 'string') rmSync(dataDir, { recursive: true, force: true })

  const bad = errors.size > 0 || lost.length > 0 || p99 > P99_LIMIT_MS
  console.log(bad ? `✗ goal missed (0 errors, p99 ≤ ${P99_LIMIT_MS} ms, nothing lost)` : `✓ 0 errors, p99 ${p99} ms ≤ ${P99_LIMIT_MS} ms, nothing lost`)
  process.exit(bad ? 1 : 0)
}

function parseArgs(argv: string[]): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {}
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith('--')) continue
    const [k, v] = argv[i].slice(2).split('=', 2)
    out[k] = v ?? (argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : true)
  }
  return out
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
