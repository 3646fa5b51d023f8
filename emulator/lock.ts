/**
 * One local cloud per data folder. The store caches collections in memory and writes through to SQLite,
 * so two servers on one folder silently lose each other's writes (issue 16). A lock file created with
 * O_EXCL (`wx`) holds the owner's pid and URL; a second server, or a restore, is refused with a message
 * naming the owner. A lock left by a process that no longer exists (kill -9) is stale and taken over.
 *
 * Why a lock file rather than SQLite's locking_mode=EXCLUSIVE: an exclusive SQLite lock would also shut
 * out `npm run backup`, which reads the database from another process while the server runs (WAL
 * readers do not block the writer), and it could not tell the user which process holds the folder.
 */
import fs from 'fs'
import path from 'path'

export const LOCK_FILE = 'server.lock'

export interface LockInfo {
  pid: number
  /** What holds the folder: a server (with its URL once listening) or a maintenance command. */
  role: string
  url?: string
  startedAt: string
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo,
  ) {
    const who = holder.url ? `${holder.role}（进程 ${holder.pid}，${holder.url}）` : `${holder.role}（进程 ${holder.pid}）`
    super(`数据目录 ${dataDir} 正被另一个${who}使用；请先停止它，或用 --data 指定其他目录。`)
  }
}

export interface DataDirLock {
  readonly file: string
  /** Records the URL once the server listens, so a refused second server can name it. */
  update(patch: Partial<Pick<LockInfo, 'url'>>): void
  release(): void
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export function readLock(dataDir: string): LockInfo | undefined {
  return readLockFile(path.join(dataDir, LOCK_FILE))
}

function readLockFile(file: string): LockInfo | undefined {
  try {
    const info = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo
    return Number.isInteger(info.pid) ? info : undefined
  } catch {
    return undefined
  }
}

/** Takes the folder's lock or throws DataDirLockedError naming the live holder. */
export function lockDataDir(dataDir: string, role = '本地云服务'): DataDirLock {
  const file = path.join(dataDir, LOCK_FILE)
  const info: LockInfo = { pid: process.pid, role, startedAt: new Date().toISOString() }
  for (let attempt = 0; ; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(info), { flag: 'wx' })
      break
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      const holder = readLock(dataDir)
      // A holder still writing its file reads as garbage for a moment: give it that moment once.
      if (holder && alive(holder.pid)) throw new DataDirLockedError(dataDir, holder)
      if (!holder && attempt === 0) {
        sleepMs(100)
        continue
      }
      if (attempt > 2) throw e
      // Stale: its process is gone. Remove only the file we judged (rename is atomic) and retry.
      const stale = `${file}.stale-${process.pid}`
      try {
        fs.renameSync(file, stale)
        const moved = readLockFile(stale)
        // Another starter replaced the stale lock between our read and rename: put its lock back.
        if (holder && moved && moved.pid !== holder.pid) fs.linkSync(stale, file)
        fs.rmSync(stale, { force: true })
      } catch {
        // another starter took it over first; the next attempt sees its lock
      }
    }
  }
  let released = false
  const onExit = () => lock.release()
  const lock: DataDirLock = {
    file,
    update(patch) {
      if (released) return
      Object.assign(info, patch)
      const tmp = `${file}.${process.pid}.tmp`
      fs.writeFileSync(tmp, JSON.stringify(info))
      fs.renameSync(tmp, file)
    },
    release() {
      if (released) return
      released = true
      process.off('exit', onExit)
      // Never remove a lock that is no longer ours.
      if (readLock(dataDir)?.pid === process.pid) fs.rmSync(file, { force: true })
    },
  }
  process.on('exit', onExit)
  return lock
}

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}
