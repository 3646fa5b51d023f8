// Kill test (issue 5): the local cloud is killed with SIGKILL during a burst of logging; after a
// restart on the same data folder every acknowledged snapshot is there and the rollups equal a rebuild.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { ItemHistory, PendingToday, SnapshotView } from '../../core/results/views'
import { DEMO_ADMIN, DEMO_PEOPLE } from '../../emulator/seed'

const ROOT = resolve(__dirname, '../..')
const FIELD = DEMO_PEOPLE.find((p) => p.role === 'field')!.openid
let dataDir: string
let child: ChildProcess | null = null

/** Starts the local cloud CLI as its own process and resolves with its URL. */
function startCloud(): Promise<string> {
  // One process (tsx as a loader, not its CLI, which forks a child): SIGKILL must hit the server itself.
  const proc = spawn(process.execPath, ['--import', 'tsx', 'emulator/main.ts', '--port', '0', '--data', dataDir, '--no-timers'], {
    cwd: ROOT,
    env: { ...process.env, SEED: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child = proc
  return new Promise((ok, fail) => {
    let out = ''
    proc.stdout!.on('data', (b: Buffer) => {
      out += b.toString()
      const m = out.match(/local cloud: (http:\/\/\S+)/)
      if (m) ok(m[1])
    })
    proc.stderr!.on('data', (b: Buffer) => (out += b.toString()))
    proc.on('exit', (code) => fail(new Error(`local cloud exited (${code}) before it was ready:\n${out}`)))
  })
}

async function session(url: string, openid: string) {
  const res = await fetch(`${url}api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) })
  const { token } = (await res.json()) as { token: string }
  return async <T>(fn: string, action: string, data: unknown, requestId?: string): Promise<{ ok: boolean; data?: T }> => {
    const r = await fetch(`${url}api/fn/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ action, data, requestId }),
    })
    return (await r.json()) as { ok: boolean; data?: T }
  }
}

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'kill-test-'))
})
afterAll(async () => {
  const last = child
  if (last && last.exitCode === null) {
    const exited = new Promise((r) => last.once('exit', r))
    last.kill('SIGKILL')
    await exited
  }
  rmSync(dataDir, { recursive: true, force: true })
})

test('every acknowledged snapshot survives SIGKILL mid-burst, and rollups equal a rebuild', async () => {
  let url = await startCloud()
  const field = await session(url, FIELD)
  const pending = await field<PendingToday>('results', 'pendingToday', { withinDays: 30 })
  const items = pending.data!.items.slice(0, 6)
  expect(items.length).toBeGreaterThan(0)

  const acked: SnapshotView[] = []
  const refused: unknown[] = []
  let stop = false
  let running = items.length
  const worker = async (item: (typeof items)[number], w: number) => {
    const last = (item.last?.metrics ?? {}) as Record<string, number>
    for (let i = 0; !stop; i++) {
      const plays = (last.plays ?? 0) + 1000 + i * 10
      const metrics = { ...last, plays, impressions: Math.max(last.impressions ?? 0, plays) + 1000 + i * 10 }
      try {
        const res = await field<SnapshotView>('results', 'logSnapshot', { itemId: item.id, date: pending.data!.today, metrics }, `kill-${w}-${i}`)
        if (res.ok) acked.push(res.data!)
        else refused.push(res)
      } catch (e) {
        if (!stop) refused.push(e)
        break // the connection died with the process
      }
    }
    running--
  }
  const burst = items.map((item, w) => worker(item, w))
  while (acked.length < 25 && running > 0 && refused.length === 0) await new Promise((r) => setTimeout(r, 5))
  expect(refused).toEqual([])
  child!.kill('SIGKILL')
  stop = true
  await Promise.all(burst)
  const ackedIds = new Set(acked.map((s) => s.id))
  expect(ackedIds.size).toBeGreaterThanOrEqual(25)

  url = await startCloud()
  const reader = await session(url, FIELD)
  const stored = new Set<string>()
  for (const item of items) {
    const history = await reader<ItemHistory>('results', 'itemHistory', { itemId: item.id })
    for (const e of history.data!.entries) stored.add(e.id)
  }
  const missing = [...ackedIds].filter((id) => !stored.has(id))
  expect(missing).toEqual([])

  const admin = await session(url, DEMO_ADMIN.openid)
  const rebuilt = await admin<{ changedDays: number }>('results', 'rebuildRollups', {}, 'kill-rebuild-1')
  expect(rebuilt).toMatchObject({ ok: true, data: { changedDays: 0 } })
}, 120_000)
