// Backup and restore (issue 16): a backup taken mid-burst, while the server runs, holds every write
// acknowledged before it started; restore is refused while a server holds the folder, then brings it back.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { DEMO_PEOPLE } from '../../emulator/seed'
import { Store } from '../../emulator/store'
import { startServerProcess, stopServerProcess, type ServerProcess } from '../load/server-process'

const ROOT = resolve(__dirname, '../..')
const FIELD = DEMO_PEOPLE.find((p) => p.role === 'field')!.openid
let tmp: string
let server: ServerProcess | undefined

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'backup-test-'))
})
afterAll(async () => {
  if (server) await stopServerProcess(server).catch(() => undefined)
  rmSync(tmp, { recursive: true, force: true })
})

/** `npm run backup` / `npm run restore` without npm: the same script, as its own process (async: the burst goes on). */
function backupCli(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'emulator/backup.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  proc.stdout.on('data', (b: Buffer) => (stdout += b.toString()))
  proc.stderr.on('data', (b: Buffer) => (stderr += b.toString()))
  return new Promise((ok) => proc.on('close', (status) => ok({ status, stdout, stderr })))
}

async function session(url: string, openid: string) {
  const res = await fetch(`${url}api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) })
  const { token } = (await res.json()) as { token: string }
  return async (data: unknown, requestId: string) => {
    const r = await fetch(`${url}api/fn/results`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ action: 'logLeads', data, requestId }),
    })
    return (await r.json()) as { ok: boolean; data?: { id: string } }
  }
}

const storedLeads = (dataDir: string, ids: string[]) => {
  const store = new Store(join(dataDir, 'cloud.sqlite'))
  const found = new Set(store.find('leads', { query: { _id: { $in: ids } }, limit: ids.length + 1 }).map((d) => d._id))
  store.close()
  return found
}

test('a backup taken mid-burst holds every write acknowledged before it, and restores', async () => {
  const dataDir = join(tmp, 'data')
  const backupFile = join(tmp, 'mid-burst.sqlite')
  server = await startServerProcess(dataDir)
  mkdirSync(join(dataDir, 'files', 'covers'), { recursive: true })
  writeFileSync(join(dataDir, 'files', 'covers', 'a.png'), Buffer.from([1, 2, 3]))
  const logLeads = await session(server.url, FIELD)
  const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
  const acked: string[] = []
  const refused: unknown[] = []
  let stop = false
  const worker = async (w: number) => {
    for (let i = 0; !stop; i++) {
      const res = await logLeads({ date: day, channel: 'wecom', count: 1 }, `backup-${w}-${i}`)
      if (res.ok) acked.push(res.data!.id)
      else refused.push(res)
    }
  }
  const burst = Array.from({ length: 6 }, (_x, w) => worker(w))
  while (acked.length < 30 && refused.length === 0) await new Promise((r) => setTimeout(r, 10))

  const before = [...acked]
  const backup = await backupCli('backup', '--data', dataDir, '--out', backupFile)
  const countAtBackupEnd = acked.length
  stop = true
  await Promise.all(burst)
  expect(refused).toEqual([])
  expect(backup.stderr).toBe('')
  expect(backup.stdout).toMatch(/已备份/)
  expect(countAtBackupEnd).toBeGreaterThan(before.length) // the server kept writing during the backup

  // While the server holds the folder, restore is refused and names it.
  const refusedRestore = await backupCli('restore', backupFile, '--data', dataDir)
  expect(refusedRestore.status).toBe(1)
  expect(refusedRestore.stderr).toContain(`进程 ${server.proc.pid}，${server.url}`)

  expect(await stopServerProcess(server)).toBe(0)
  server = undefined
  const secret = readFileSync(join(dataDir, 'secret'), 'utf8')
  const restored = await backupCli('restore', backupFile, '--data', dataDir)
  expect(restored.stderr).toBe('')
  expect(restored.status).toBe(0)

  const found = storedLeads(dataDir, acked)
  expect(before.filter((id) => !found.has(id))).toEqual([])
  expect(readFileSync(join(dataDir, 'secret'), 'utf8')).toBe(secret)
  expect(readFileSync(join(dataDir, 'files', 'covers', 'a.png'))).toEqual(Buffer.from([1, 2, 3]))
  expect(existsSync(join(dataDir, 'cloud.sqlite-wal'))).toBe(false)

  // The restored folder serves again.
  server = await startServerProcess(dataDir)
  const logAgain = await session(server.url, FIELD)
  expect(await logAgain({ date: day, channel: 'wecom', count: 2 }, 'backup-after-restore')).toMatchObject({ ok: true })
}, 240_000)
