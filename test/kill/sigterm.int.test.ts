// SIGTERM test (issue 16): `kill -TERM` of the `npm start` process stops the server itself — it finishes
// the requests in flight, closes the database and frees the folder — and every write acknowledged before
// the signal is there after a restart. A second server on the same folder is refused meanwhile.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { DEMO_PEOPLE } from '../../emulator/seed'
import { Store } from '../../emulator/store'
import { LOCK_FILE } from '../../emulator/lock'
import { startServerProcess, stopServerProcess } from '../load/server-process'

const ROOT = resolve(__dirname, '../..')
const FIELD = DEMO_PEOPLE.find((p) => p.role === 'field')!.openid
const spawned: ChildProcess[] = []
let dataDir: string

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'sigterm-test-'))
})
afterAll(() => {
  for (const p of spawned) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL')
  rmSync(dataDir, { recursive: true, force: true })
})

/** `npm start` as a user runs it (npm → sh → scripts/start.mjs → server), minus install and build. */
function startLauncher(viaNpm = true): Promise<{ url: string; launcher: ChildProcess }> {
  const args = ['--no-build', '--port', '0', '--data', dataDir, '--no-timers']
  const launcher = spawn(viaNpm ? 'npm' : process.execPath, viaNpm ? ['start', '--', ...args] : ['scripts/start.mjs', ...args], {
    cwd: ROOT,
    env: { ...process.env, SEED: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  spawned.push(launcher)
  let out = ''
  return new Promise((ok, fail) => {
    launcher.stdout!.on('data', (b: Buffer) => {
      out += b.toString()
      const m = out.match(/local cloud: (http:\/\/\S+)/)
      if (m) ok({ url: m[1], launcher })
    })
    launcher.stderr!.on('data', (b: Buffer) => (out += b.toString()))
    launcher.on('exit', (code) => fail(new Error(`launcher exited (${code}) before the server was ready:\n${out}`)))
  })
}

async function session(url: string, openid: string) {
  const res = await fetch(`${url}api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) })
  const { token } = (await res.json()) as { token: string }
  return async (action: string, data: unknown, requestId: string) => {
    const r = await fetch(`${url}api/fn/results`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ action, data, requestId }),
    })
    return (await r.json()) as { ok: boolean; data?: { id: string } }
  }
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`still not true after ${timeoutMs} ms: ${condition.toString()}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

const refusesConnections = (url: string) =>
  fetch(url).then(
    () => false,
    () => true,
  )

test('SIGTERM to the launcher stops the server gracefully and loses no acknowledged write', async () => {
  const { url, launcher } = await startLauncher()

  // While it runs, a second server on the folder is refused and names it.
  const second = startServerProcess(dataDir)
  await expect(second).rejects.toThrow(/正被另一个本地云服务（进程 \d+，http:\/\/127\.0\.0\.1:\d+\/）使用/)

  const call = await session(url, FIELD)
  const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
  const acked: string[] = []
  const refused: unknown[] = []
  let stop = false
  const worker = async (w: number) => {
    for (let i = 0; !stop; i++) {
      try {
        const res = await call('logLeads', { date: day, channel: 'wecom', count: 1 }, `sigterm-${w}-${i}`)
        if (res.ok) acked.push(res.data!.id)
        else if (!stop) refused.push(res)
      } catch {
        break // the server has stopped accepting
      }
    }
  }
  const burst = Array.from({ length: 8 }, (_x, w) => worker(w))
  while (acked.length < 40 && refused.length === 0) await new Promise((r) => setTimeout(r, 10))
  expect(refused).toEqual([])

  const exited = new Promise<number | null>((r) => launcher.once('exit', (code) => r(code)))
  launcher.kill('SIGTERM')
  await exited
  stop = true
  await Promise.all(burst)
  // npm exits at once; the server follows once it has drained, then nothing listens and the folder is free.
  await waitFor(() => refusesConnections(url))
  await waitFor(async () => !existsSync(join(dataDir, LOCK_FILE)))

  const restarted = await startServerProcess(dataDir)
  expect(await stopServerProcess(restarted)).toBe(0)
  const store = new Store(join(dataDir, 'cloud.sqlite'))
  const stored = new Set(store.find('leads', { query: { _id: { $in: acked } }, limit: acked.length + 1 }).map((d) => d._id))
  store.close()
  expect(acked.length).toBeGreaterThanOrEqual(40)
  expect(acked.filter((id) => !stored.has(id))).toEqual([])
}, 180_000)

test('a launcher killed with SIGKILL takes its server down with it (no orphan holding the folder)', async () => {
  const { url, launcher } = await startLauncher(false)
  const exited = new Promise((r) => launcher.once('exit', r))
  launcher.kill('SIGKILL')
  await exited
  await waitFor(() => refusesConnections(url))
  await waitFor(async () => !existsSync(join(dataDir, LOCK_FILE)))
}, 120_000)
