/**
 * Backup and restore of a local cloud data folder, as one SQLite file.
 *
 *   npm run backup [-- --data ./.data --out backups/x.sqlite]   (while the server runs, or not)
 *   npm run restore <file> [-- --data ./.data]                   (refused while a server holds the folder)
 *
 * The database is copied with SQLite's online backup API (better-sqlite3 `db.backup()`), which reads a
 * consistent snapshot even while the server writes — a file copy could catch the database file and its
 * WAL at different moments. The small rest of the folder (the session secret, stored files) goes into a
 * `backup_files` table of the copy, so one file holds everything.
 */
import fs from 'fs'
import path from 'path'
import Database from 'better-sqlite3'
import { DataDirLockedError, lockDataDir } from './lock'

const DB_FILE = 'cloud.sqlite'
const FILES_TABLE = 'backup_files'

/** Everything of the folder but the database: the session secret and stored files (relative paths). */
function folderFiles(dataDir: string): string[] {
  const out: string[] = []
  if (fs.existsSync(path.join(dataDir, 'secret'))) out.push('secret')
  const walk = (rel: string) => {
    const full = path.join(dataDir, rel)
    if (!fs.existsSync(full)) return
    for (const e of fs.readdirSync(full, { withFileTypes: true })) {
      const child = path.posix.join(rel, e.name)
      if (e.isDirectory()) walk(child)
      else if (e.isFile()) out.push(child)
    }
  }
  walk('files')
  return out
}

export async function backupDataDir(dataDir: string, outFile: string): Promise<{ file: string; docs: number; files: number }> {
  const source = path.join(dataDir, DB_FILE)
  if (!fs.existsSync(source)) throw new Error(`数据目录 ${dataDir} 中没有数据库文件 ${DB_FILE}`)
  fs.mkdirSync(path.dirname(path.resolve(outFile)), { recursive: true })
  const tmp = `${outFile}.partial`
  fs.rmSync(tmp, { force: true })
  const db = new Database(source, { fileMustExist: true })
  try {
    // A step copies pages inside one read transaction; a write by the server between steps would restart
    // the copy, so after the first step everything left is copied in one step: one consistent snapshot.
    await db.backup(tmp, { progress: () => 1_000_000_000 })
  } finally {
    db.close()
  }
  const copy = new Database(tmp)
  try {
    copy.exec(`CREATE TABLE ${FILES_TABLE}(path TEXT PRIMARY KEY, data BLOB NOT NULL)`)
    const put = copy.prepare(`INSERT INTO ${FILES_TABLE}(path, data) VALUES (?, ?)`)
    const files = folderFiles(dataDir)
    copy.transaction(() => files.forEach((f) => put.run(f, fs.readFileSync(path.join(dataDir, f)))))()
    const docs = (copy.prepare('SELECT COUNT(*) AS n FROM docs').get() as { n: number }).n
    copy.close()
    fs.renameSync(tmp, outFile)
    return { file: outFile, docs, files: files.length }
  } catch (e) {
    if (copy.open) copy.close()
    fs.rmSync(tmp, { force: true })
    throw e
  }
}

/**
 * Replaces the folder's database, secret and files with the backup's. Takes the folder's lock for the
 * whole restore, so it refuses while a server runs (and no server starts meanwhile). What it replaces
 * is kept beside it as `*.before-restore-<time>`.
 */
export async function restoreDataDir(backupFile: string, dataDir: string): Promise<{ docs: number; files: number }> {
  if (!fs.existsSync(backupFile)) throw new Error(`备份文件不存在：${backupFile}`)
  fs.mkdirSync(dataDir, { recursive: true })
  const lock = lockDataDir(dataDir, '恢复任务')
  try {
    const backup = new Database(backupFile, { readonly: true, fileMustExist: true })
    let rows: { path: string; data: Buffer }[]
    try {
      const tables = new Set((backup.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name))
      if (!tables.has('docs') || !tables.has('colls') || !tables.has(FILES_TABLE)) throw new Error(`${backupFile} 不是本地云的备份文件`)
      rows = backup.prepare(`SELECT path, data FROM ${FILES_TABLE}`).all() as { path: string; data: Buffer }[]
      await backup.backup(path.join(dataDir, `${DB_FILE}.restoring`))
    } finally {
      backup.close()
    }
    const restored = new Database(path.join(dataDir, `${DB_FILE}.restoring`))
    restored.exec(`DROP TABLE ${FILES_TABLE}`)
    const docs = (restored.prepare('SELECT COUNT(*) AS n FROM docs').get() as { n: number }).n
    restored.close()

    const aside = `.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`
    // The old WAL and shared-memory files go too: left next to the new database they would be replayed into it.
    for (const name of [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`, 'secret', 'files']) {
      const full = path.join(dataDir, name)
      if (fs.existsSync(full)) fs.renameSync(full, full + aside)
    }
    for (const r of rows) {
      const target = path.resolve(dataDir, r.path)
      if (!target.startsWith(path.resolve(dataDir) + path.sep)) throw new Error(`备份中的文件路径不正确：${r.path}`)
      fs.mkdirSync(path.dirname(target), { recursive: true })
      fs.writeFileSync(target, r.data, r.path === 'secret' ? { mode: 0o600 } : undefined)
    }
    fs.renameSync(path.join(dataDir, `${DB_FILE}.restoring`), path.join(dataDir, DB_FILE))
    return { docs, files: rows.length }
  } finally {
    lock.release()
  }
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)
}

async function cli(argv: string[]): Promise<void> {
  const [command, ...rest] = argv
  const dataDir = path.resolve(option(rest, 'data') ?? process.env.DATA_DIR ?? '.data')
  if (command === 'backup') {
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-')
    const out = path.resolve(option(rest, 'out') ?? path.join('backups', `channels-ops-${stamp}.sqlite`))
    const r = await backupDataDir(dataDir, out)
    console.log(`✓ 已备份 ${dataDir} → ${r.file}（${r.docs} 条记录，${r.files} 个文件）`)
  } else if (command === 'restore') {
    const file = rest.find((a, i) => !a.startsWith('--') && !rest[i - 1]?.startsWith('--'))
    if (!file) throw new Error('用法：npm run restore <备份文件> [-- --data <数据目录>]')
    const r = await restoreDataDir(path.resolve(file), dataDir)
    console.log(`✓ 已从 ${file} 恢复到 ${dataDir}（${r.docs} 条记录，${r.files} 个文件）；原数据已改名为 *.before-restore-*`)
  } else {
    throw new Error('用法：backup.ts backup|restore …')
  }
}

if (require.main === module) {
  cli(process.argv.slice(2)).catch((e) => {
    console.error(`✗ ${e instanceof DataDirLockedError ? `${e.message} 恢复前请先停止它。` : (e as Error).message}`)
    process.exit(1)
  })
}
