/** One local cloud per data folder (issue 16): a second server is refused, naming the one that runs. */
import fs from 'fs'
import os from 'os'
import path from 'path'
import { spawnSync } from 'child_process'
import { startEmulator } from './main'
import { DataDirLockedError, LOCK_FILE, readLock } from './lock'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-lock-'))
const fixtures = path.join(__dirname, '__fixtures__/functions')
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

it('refuses a second server on the same folder, naming the running one by pid and URL', async () => {
  const dataDir = path.join(tmp, 'two')
  const first = await startEmulator({ dataDir, functionsDir: fixtures, collections: [] })
  try {
    const second = startEmulator({ dataDir, functionsDir: fixtures, collections: [] })
    await expect(second).rejects.toBeInstanceOf(DataDirLockedError)
    await expect(second).rejects.toThrow(`进程 ${process.pid}，${first.url}`)
    expect(readLock(dataDir)).toMatchObject({ pid: process.pid, url: first.url })
  } finally {
    await first.close()
  }
  expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false)
  const again = await startEmulator({ dataDir, functionsDir: fixtures, collections: [] })
  await again.close()
})

it('takes over a lock left by a process that no longer exists (kill -9)', async () => {
  const dataDir = path.join(tmp, 'stale')
  fs.mkdirSync(dataDir, { recursive: true })
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString()
  fs.writeFileSync(path.join(dataDir, LOCK_FILE), JSON.stringify({ pid: Number(dead), role: '本地云服务', url: 'http://127.0.0.1:1/', startedAt: '' }))
  const emu = await startEmulator({ dataDir, functionsDir: fixtures, collections: [] })
  try {
    expect(readLock(dataDir)).toMatchObject({ pid: process.pid, url: emu.url })
  } finally {
    await emu.close()
  }
})

it('keeps no lock for an in-memory database', async () => {
  const a = await startEmulator({ dataDir: ':memory:', functionsDir: fixtures, collections: [] })
  await a.close()
})
