/**
 * The store's file and cache: one SQLite file (one row per document, canonical EJSON body) and an
 * in-memory cache per collection, with a teamId index over it.
 *
 * Why a cache: better-sqlite3 is synchronous and this process is the only writer of the file, so the
 * cache can be kept exact by updating it after each committed SQLite transaction; reads then never
 * re-parse JSON. Two processes opening the same file at once is NOT supported (each would cache).
 */
import Database from 'better-sqlite3'
import { parseEJSON, stringifyEJSON, type Doc } from './ejson'

export interface Entry {
  doc: Doc
  rev: number
}

export interface CollCache {
  docs: Map<string, Entry>
  /** teamId → ids: most queries are scoped by team, this spares scanning other teams' documents. */
  byTeam: Map<string, Set<string>>
}

/** One document to write; a change set is applied all or nothing. */
export interface Change {
  coll: string
  id: string
  doc: Doc | null // null = delete
}

export class StoreFile {
  private readonly db: Database.Database
  private readonly cache = new Map<string, CollCache>()
  /** The collections that exist: created, or written to. */
  readonly collections = new Set<string>()
  private seq: number
  private readonly stmt: {
    load: Database.Statement
    upsert: Database.Statement
    remove: Database.Statement
    addColl: Database.Statement
  }

  /** `file` is a path or ':memory:'. */
  constructor(file: string) {
    this.db = new Database(file)
    if (file !== ':memory:') this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = NORMAL')
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS docs(coll TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, rev INTEGER NOT NULL, PRIMARY KEY(coll, id));
      CREATE TABLE IF NOT EXISTS colls(name TEXT PRIMARY KEY);
    `)
    this.stmt = {
      load: this.db.prepare('SELECT id, body, rev FROM docs WHERE coll = ? ORDER BY rowid'),
      // ON CONFLICT … DO UPDATE keeps the rowid, so natural (insertion) order survives updates.
      upsert: this.db.prepare(
        'INSERT INTO docs(coll, id, body, rev) VALUES (?, ?, ?, ?) ON CONFLICT(coll, id) DO UPDATE SET body = excluded.body, rev = excluded.rev',
      ),
      remove: this.db.prepare('DELETE FROM docs WHERE coll = ? AND id = ?'),
      addColl: this.db.prepare('INSERT OR IGNORE INTO colls(name) VALUES (?)'),
    }
    for (const row of this.db.prepare('SELECT name FROM colls').all() as { name: string }[]) this.collections.add(row.name)
    const max = this.db.prepare('SELECT MAX(rev) AS m FROM docs').get() as { m: number | null }
    this.seq = max.m ?? 0
  }

  close(): void {
    if (this.db.open) this.db.close()
  }

  addCollection(name: string): void {
    this.stmt.addColl.run(name)
    this.collections.add(name)
  }

  /** A collection's cache, read from the file the first time it is needed. */
  load(coll: string): CollCache {
    let c = this.cache.get(coll)
    if (!c) {
      c = { docs: new Map(), byTeam: new Map() }
      for (const row of this.stmt.load.all(coll) as { id: string; body: string; rev: number }[]) {
        const doc = parseEJSON(row.body, new Date()) as Doc
        c.docs.set(row.id, { doc, rev: row.rev })
        indexTeam(c, doc, row.id)
      }
      this.cache.set(coll, c)
    }
    return c
  }

  entry(coll: string, id: string): Entry | undefined {
    return this.load(coll).docs.get(id)
  }

  /** One SQLite transaction for the whole change set; the cache is updated only after it committed. */
  apply(changes: Change[]): void {
    if (!changes.length) return
    let seq = this.seq
    const revs: number[] = []
    const run = this.db.transaction(() => {
      for (const ch of changes) {
        if (!this.collections.has(ch.coll)) this.stmt.addColl.run(ch.coll)
        if (ch.doc) {
          const rev = ++seq
          revs.push(rev)
          this.stmt.upsert.run(ch.coll, ch.id, stringifyEJSON(ch.doc), rev)
        } else {
          revs.push(0)
          this.stmt.remove.run(ch.coll, ch.id)
        }
      }
    })
    run()
    this.seq = seq
    changes.forEach((ch, i) => {
      this.collections.add(ch.coll)
      const c = this.load(ch.coll)
      const old = c.docs.get(ch.id)
      if (old) unindexTeam(c, old.doc, ch.id)
      if (ch.doc) {
        c.docs.set(ch.id, { doc: ch.doc, rev: revs[i] })
        indexTeam(c, ch.doc, ch.id)
      } else {
        c.docs.delete(ch.id)
      }
    })
  }
}

function indexTeam(c: CollCache, doc: Doc, id: string): void {
  if (typeof doc.teamId !== 'string') return
  let s = c.byTeam.get(doc.teamId)
  if (!s) c.byTeam.set(doc.teamId, (s = new Set()))
  s.add(id)
}

function unindexTeam(c: CollCache, doc: Doc, id: string): void {
  if (typeof doc.teamId !== 'string') return
  c.byTeam.get(doc.teamId)?.delete(id)
}
