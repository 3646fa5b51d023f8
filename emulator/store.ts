/**
 * The emulator's document store: one SQLite file (one row per document, canonical EJSON body) and an
 * in-memory cache per collection, with MongoDB semantics from mingo.
 *
 * Why a cache: better-sqlite3 is synchronous and this process is the only writer of the file, so the
 * cache can be kept exact by updating it after each committed SQLite transaction; reads then never
 * re-parse JSON. Two processes opening the same file at once is NOT supported (each would cache).
 *
 * Every write request is one SQLite transaction (all documents of a multi-update or a batch insert, or
 * all writes of a committed database transaction), so a crash never leaves half a request applied.
 *
 * Transactions are optimistic (see StoreTx): reads inside see committed state plus their own writes;
 * commit re-checks the revision of every document read and fails with DATABASE_TRANSACTION_CONFLICT
 * if any changed, which the SDK's runTransaction retries.
 */
import Database from 'better-sqlite3'
import { randomBytes } from 'crypto'
import { Aggregator, Query, ProcessingMode, update as mingoUpdate } from 'mingo'
import { clone, parseEJSON, stringifyEJSON, type Doc, type Json } from './ejson'

export class StoreError extends Error {
  constructor(
    readonly code: 'DATABASE_COLLECTION_NOT_EXIST' | 'DATABASE_REQUEST_FAILED' | 'DATABASE_TRANSACTION_CONFLICT' | 'INVALID_PARAM',
    message: string,
  ) {
    super(message)
  }
}

export interface FindOptions {
  query?: Json
  sort?: Record<string, number>
  skip?: number
  limit?: number
  projection?: Json
}

export interface UpdateOptions {
  multi: boolean
  upsert: boolean
  /** true: `data` replaces the whole document (doc().set()); false: `data` holds update operators. */
  replace: boolean
}

export interface UpdateResult {
  updated: number
  upsertedId?: string
  /** The document after the update (first one), for modifyAndReturnDoc. */
  doc?: Doc
}

export interface StoreStats {
  /** Database requests served (one per SDK request: get, count, add, update, remove, aggregate, commit…). */
  requests: number
  /** Documents returned to callers (query results, aggregation outputs, counted documents are not included). */
  docsRead: number
  /** Documents examined to answer queries (after the teamId/_id index narrowed the candidates). */
  docsScanned: number
  /** Documents inserted, changed or removed. */
  docsWritten: number
}

interface Entry {
  doc: Doc
  rev: number
}

interface CollCache {
  docs: Map<string, Entry>
  /** teamId → ids: most queries are scoped by team, this spares scanning other teams' documents. */
  byTeam: Map<string, Set<string>>
}

interface Change {
  coll: string
  id: string
  doc: Doc | null // null = delete
}

/** An optimistic transaction: what it read (with revisions) and what it will write. */
export class StoreTx {
  readonly reads = new Map<string, number>()
  readonly writes = new Map<string, Change>()
  done = false
  constructor(readonly id: string) {}
}

const key = (coll: string, id: string) => `${coll}\u0000${id}`

/** CloudBase-like document id: 32 hex characters. */
export function newDocId(): string {
  return randomBytes(16).toString('hex')
}

export class Store {
  private readonly db: Database.Database
  private readonly cache = new Map<string, CollCache>()
  private readonly collections = new Set<string>()
  private seq: number
  private counters: StoreStats = { requests: 0, docsRead: 0, docsScanned: 0, docsWritten: 0 }
  private readonly stmt: {
    load: Database.Statement
    upsert: Database.Statement
    remove: Database.Statement
    addColl: Database.Statement
  }

  /** `file` is a path or ':memory:'. */
  constructor(readonly file: string) {
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

  stats(): StoreStats {
    return { ...this.counters }
  }

  resetStats(): void {
    this.counters = { requests: 0, docsRead: 0, docsScanned: 0, docsWritten: 0 }
  }

  // ---- collections ---------------------------------------------------------------------------

  hasCollection(name: string): boolean {
    return this.collections.has(name)
  }

  listCollections(): string[] {
    return [...this.collections].sort()
  }

  /** Returns false when it already existed. */
  createCollection(name: string): boolean {
    this.counters.requests++
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) throw new StoreError('INVALID_PARAM', `invalid collection name: ${name}`)
    if (this.collections.has(name)) return false
    this.stmt.addColl.run(name)
    this.collections.add(name)
    return true
  }

  // ---- reads ---------------------------------------------------------------------------------

  find(coll: string, opts: FindOptions, tx?: StoreTx): Doc[] {
    this.counters.requests++
    const out = this.select(coll, opts, tx)
    this.counters.docsRead += out.length
    return out
  }

  count(coll: string, query: Json | undefined, tx?: StoreTx): number {
    this.counters.requests++
    return this.matching(coll, query, tx).length
  }

  /** One document by id, committed state (or the transaction's view). Not counted as a request. */
  getById(coll: string, id: string, tx?: StoreTx): Doc | undefined {
    return this.current(coll, id, tx)
  }

  aggregate(coll: string, pipeline: Json[], tx?: StoreTx): Json[] {
    this.counters.requests++
    this.requireCollection(coll)
    const input = this.candidates(coll, undefined, tx)
    this.counters.docsScanned += input.length
    const agg = new Aggregator(pipeline, {
      processingMode: ProcessingMode.CLONE_INPUT,
      collectionResolver: (name: string) => (this.collections.has(name) ? this.candidates(name, undefined, tx) : []),
    })
    const out = agg.run(input) as Json[]
    this.counters.docsRead += out.length
    return out
  }

  // ---- writes --------------------------------------------------------------------------------

  /**
   * Inserts documents (all or none). Unlike CloudBase, a missing collection is created on first insert:
   * locally there is no console to create collections in, and seeding would otherwise need a setup step.
   */
  insert(coll: string, docs: Json[], tx?: StoreTx): string[] {
    this.counters.requests++
    const changes: Change[] = []
    const seen = new Set<string>()
    for (const raw of docs) {
      const given = raw._id
      const id = given === undefined || given === null || given === '' ? newDocId() : String(given)
      const doc = { _id: id, ...clone(raw) } as Doc
      doc._id = id
      if (seen.has(doc._id) || this.current(coll, doc._id, tx)) {
        throw new StoreError(
          'DATABASE_REQUEST_FAILED',
          `E11000 duplicate key error collection: ${coll} index: _id_ dup key: { _id: "${doc._id}" }`,
        )
      }
      seen.add(doc._id)
      changes.push({ coll, id: doc._id, doc })
    }
    this.write(changes, tx)
    return changes.map((c) => c.id)
  }

  update(coll: string, query: Json | undefined, data: Json, opts: UpdateOptions, tx?: StoreTx): UpdateResult {
    this.counters.requests++
    const exists = this.collections.has(coll) || (tx !== undefined && txWrote(tx, coll))
    if (!exists && !opts.upsert) this.requireCollection(coll)
    const matched = exists ? this.matching(coll, query, tx) : []
    const targets = opts.multi ? matched : matched.slice(0, 1)
    const changes: Change[] = []
    for (const doc of targets) {
      const next = opts.replace ? ({ ...clone(data), _id: doc._id } as Doc) : applyOperators(doc, data)
      if (next) changes.push({ coll, id: doc._id, doc: next })
    }
    if (targets.length === 0 && opts.upsert) {
      const id = query && typeof query._id === 'string' ? query._id : newDocId()
      const base = { _id: id } as Doc
      const doc = opts.replace ? ({ ...clone(data), _id: id } as Doc) : (applyOperators(base, data) ?? base)
      this.write([{ coll, id, doc }], tx)
      return { updated: 0, upsertedId: id, doc }
    }
    this.write(changes, tx)
    const first = targets[0] && (changes.find((c) => c.id === targets[0]._id)?.doc ?? targets[0])
    return { updated: changes.length, doc: first ?? undefined }
  }

  remove(coll: string, query: Json | undefined, opts: { multi: boolean }, tx?: StoreTx): number {
    this.counters.requests++
    this.requireCollection(coll)
    const matched = this.matching(coll, query, tx)
    const targets = opts.multi ? matched : matched.slice(0, 1)
    this.write(
      targets.map((d) => ({ coll, id: d._id, doc: null })),
      tx,
    )
    return targets.length
  }

  // ---- transactions --------------------------------------------------------------------------

  begin(): StoreTx {
    return new StoreTx(newDocId())
  }

  /** Verifies every revision the transaction read, then applies all its writes in one SQLite transaction. */
  commit(tx: StoreTx): void {
    this.counters.requests++
    if (tx.done) throw new StoreError('DATABASE_REQUEST_FAILED', `transaction ${tx.id} already finished`)
    tx.done = true
    for (const [k, rev] of tx.reads) {
      const [coll, id] = k.split('\u0000')
      const now = this.entry(coll, id)?.rev ?? 0
      if (now !== rev) {
        throw new StoreError('DATABASE_TRANSACTION_CONFLICT', `database transaction conflict on ${coll}/${id}`)
      }
    }
    this.apply([...tx.writes.values()])
  }

  abort(tx: StoreTx): void {
    tx.done = true
    tx.writes.clear()
  }

  // ---- internals -----------------------------------------------------------------------------

  private requireCollection(coll: string): void {
    if (!this.collections.has(coll)) {
      throw new StoreError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${coll}`)
    }
  }

  private load(coll: string): CollCache {
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

  private entry(coll: string, id: string): Entry | undefined {
    return this.load(coll).docs.get(id)
  }

  /** The document as the caller sees it; inside a transaction, records the revision read. */
  private current(coll: string, id: string, tx?: StoreTx): Doc | undefined {
    if (tx) {
      const w = tx.writes.get(key(coll, id))
      if (w) return w.doc ?? undefined
      this.recordRead(tx, coll, id)
    }
    return this.entry(coll, id)?.doc
  }

  private recordRead(tx: StoreTx, coll: string, id: string): void {
    const k = key(coll, id)
    if (!tx.reads.has(k)) tx.reads.set(k, this.entry(coll, id)?.rev ?? 0)
  }

  /** Candidate documents, narrowed by an _id or teamId equality when the query has one. */
  private candidates(coll: string, query: Json | undefined, tx?: StoreTx): Doc[] {
    const c = this.load(coll)
    const byId = query && typeof query._id === 'string' ? query._id : undefined
    if (byId !== undefined) {
      const d = this.current(coll, byId, tx)
      return d ? [d] : []
    }
    // `_id: _.in([...])` (a known set of ids, e.g. one rollup per day) is answered by lookups, as the
    // database's _id index would, instead of a scan of the team.
    const idList = query && isInList(query._id) ? (query._id as { $in: string[] }).$in : undefined
    if (idList !== undefined) {
      return [...new Set(idList)].map((id) => this.current(coll, id, tx)).filter((d): d is Doc => d !== undefined)
    }
    const team = query && typeof query.teamId === 'string' ? query.teamId : undefined
    let list: Doc[]
    if (team !== undefined && !tx) {
      const ids = c.byTeam.get(team)
      list = ids ? [...ids].map((id) => c.docs.get(id)!.doc) : []
    } else {
      list = [...c.docs.values()].map((e) => e.doc)
    }
    if (tx) {
      // Overlay the transaction's own writes on the committed state.
      const mine = [...tx.writes.values()].filter((w) => w.coll === coll)
      if (mine.length) {
        const byKey = new Map(mine.map((w) => [w.id, w.doc]))
        list = list.filter((d) => !byKey.has(d._id)).concat(mine.filter((w) => w.doc).map((w) => w.doc as Doc))
      }
    }
    return list
  }

  private matching(coll: string, query: Json | undefined, tx?: StoreTx): Doc[] {
    this.requireCollectionUnlessTxWrote(coll, tx)
    const list = this.candidates(coll, query, tx)
    this.counters.docsScanned += list.length
    let out = list
    // A lookup by _id alone is already answered by the candidates: no query to compile.
    const idOnly = query !== undefined && typeof query._id === 'string' && Object.keys(query).length === 1
    if (query && !idOnly && Object.keys(query).length) {
      const q = new Query(query)
      out = list.filter((d) => q.test(d))
    }
    if (tx) for (const d of out) this.recordRead(tx, coll, d._id)
    return out
  }

  private requireCollectionUnlessTxWrote(coll: string, tx?: StoreTx): void {
    if (this.collections.has(coll)) return
    if (tx && txWrote(tx, coll)) return
    this.requireCollection(coll)
  }

  private select(coll: string, opts: FindOptions, tx?: StoreTx): Doc[] {
    const matched = this.matching(coll, opts.query, tx)
    const plain = !(opts.projection && Object.keys(opts.projection).length) && !(opts.sort && Object.keys(opts.sort).length) && !opts.skip
    if (plain && matched.length <= 1 && (opts.limit === undefined || opts.limit >= matched.length)) return matched
    // mingo's cursor gives MongoDB sort order (type brackets, missing fields first) and projection rules.
    let cursor = new Query({}).find<Doc>(matched, opts.projection && Object.keys(opts.projection).length ? opts.projection : undefined)
    if (opts.sort && Object.keys(opts.sort).length) cursor = cursor.sort(opts.sort)
    if (opts.skip) cursor = cursor.skip(opts.skip)
    if (opts.limit !== undefined) cursor = cursor.limit(opts.limit)
    return cursor.all()
  }

  private write(changes: Change[], tx?: StoreTx): void {
    if (!changes.length) return
    if (tx) {
      for (const ch of changes) {
        this.recordRead(tx, ch.coll, ch.id)
        tx.writes.set(key(ch.coll, ch.id), ch)
      }
      return
    }
    this.apply(changes)
  }

  /** One SQLite transaction for the whole change set; the cache is updated only after it committed. */
  private apply(changes: Change[]): void {
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
    this.counters.docsWritten += changes.length
  }
}

/** Applies update operators to a copy; returns undefined when nothing changed (MongoDB's nModified). */
function applyOperators(doc: Doc, data: Json): Doc | undefined {
  const ops = Object.keys(data).some((k) => k.startsWith('$')) ? data : { $set: data }
  checkOperandTypes(doc, ops)
  const copy = clone(doc)
  const changed = mingoUpdate(copy, ops, undefined, undefined, { cloneMode: 'deep' })
  return changed.length ? copy : undefined
}

const NUMERIC_OPS = ['$inc', '$mul']
const ARRAY_OPS = ['$push', '$addToSet', '$pull', '$pullAll', '$pop']

/**
 * mingo silently skips updates MongoDB (and so CloudBase) rejects; reject them here so code that
 * would fail in the cloud fails locally: $inc on a string, $push onto a non-array, a path through a scalar.
 */
function checkOperandTypes(doc: Doc, ops: Json): void {
  for (const [op, fields] of Object.entries(ops)) {
    if (!fields || typeof fields !== 'object') continue
    for (const p of Object.keys(fields as Json)) {
      if (p.includes('$')) continue // positional paths: leave to mingo
      const { value, blocked } = resolvePath(doc, p)
      const fail = (why: string) => {
        throw new StoreError('DATABASE_REQUEST_FAILED', `Cannot apply ${op} to '${p}': ${why}`)
      }
      if (blocked) fail(`'${blocked}' is not an object`)
      if (value === undefined) continue
      if (NUMERIC_OPS.includes(op) && typeof value !== 'number') fail('the value is not a number')
      if (ARRAY_OPS.includes(op) && !Array.isArray(value)) fail('the value is not an array')
    }
  }
}

function resolvePath(doc: Json, p: string): { value: unknown; blocked?: string } {
  let cur: unknown = doc
  const parts = p.split('.')
  for (let i = 0; i < parts.length; i++) {
    if (cur === undefined || cur === null) return { value: undefined }
    if (typeof cur !== 'object' || cur instanceof Date) return { value: undefined, blocked: parts.slice(0, i).join('.') }
    cur = (cur as Json)[parts[i]]
  }
  return { value: cur }
}

function txWrote(tx: StoreTx, coll: string): boolean {
  for (const w of tx.writes.values()) if (w.coll === coll) return true
  return false
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

function isInList(v: unknown): boolean {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false
  const keys = Object.keys(v)
  const list = (v as { $in?: unknown }).$in
  return keys.length === 1 && Array.isArray(list) && list.every((x) => typeof x === 'string')
}
