/**
 * The emulator's document store: one SQLite file and an in-memory cache per collection (store-file.ts),
 * with MongoDB semantics from mingo (store-query.ts) and optimistic transactions (store-tx.ts). This file
 * holds the requests the SDK adapter makes, their counters, and which documents a query must look at.
 *
 * Every write request is one SQLite transaction (all documents of a multi-update or a batch insert, or
 * all writes of a committed database transaction), so a crash never leaves half a request applied.
 */
import { randomBytes } from 'crypto'
import { Aggregator, ProcessingMode } from 'mingo'
import { clone, type Doc, type Json } from './ejson'
import { StoreFile, type Change } from './store-file'
import { applyFindOptions, applyOperators, isInList, matchQuery } from './store-query'
import { checkedWrites, current, recordRead, stage, StoreTx, txWrote, withOwnWrites } from './store-tx'
import { StoreError, type FindOptions, type StoreStats, type UpdateOptions, type UpdateResult } from './store-types'

export { StoreError, StoreTx }
export type { FindOptions, StoreStats, UpdateOptions, UpdateResult }

/** CloudBase-like document id: 32 hex characters. */
export function newDocId(): string {
  return randomBytes(16).toString('hex')
}

export class Store {
  private readonly stored: StoreFile
  private counters: StoreStats = { requests: 0, docsRead: 0, docsScanned: 0, docsWritten: 0 }

  /** `file` is a path or ':memory:'. */
  constructor(readonly file: string) {
    this.stored = new StoreFile(file)
  }

  close(): void {
    this.stored.close()
  }

  stats(): StoreStats {
    return { ...this.counters }
  }

  resetStats(): void {
    this.counters = { requests: 0, docsRead: 0, docsScanned: 0, docsWritten: 0 }
  }

  // ---- collections ---------------------------------------------------------------------------

  hasCollection(name: string): boolean {
    return this.stored.collections.has(name)
  }

  listCollections(): string[] {
    return [...this.stored.collections].sort()
  }

  /** Returns false when it already existed. */
  createCollection(name: string): boolean {
    this.counters.requests++
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) throw new StoreError('INVALID_PARAM', `invalid collection name: ${name}`)
    if (this.stored.collections.has(name)) return false
    this.stored.addCollection(name)
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
    return current(this.stored, coll, id, tx)
  }

  aggregate(coll: string, pipeline: Json[], tx?: StoreTx): Json[] {
    this.counters.requests++
    this.requireCollection(coll)
    const input = this.candidates(coll, undefined, tx)
    this.counters.docsScanned += input.length
    const agg = new Aggregator(pipeline, {
      processingMode: ProcessingMode.CLONE_INPUT,
      collectionResolver: (name: string) => (this.stored.collections.has(name) ? this.candidates(name, undefined, tx) : []),
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
      if (seen.has(doc._id) || current(this.stored, coll, doc._id, tx)) {
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
    const exists = this.stored.collections.has(coll) || (tx !== undefined && txWrote(tx, coll))
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
    this.apply(checkedWrites(this.stored, tx))
  }

  abort(tx: StoreTx): void {
    tx.done = true
    tx.writes.clear()
  }

  // ---- internals -----------------------------------------------------------------------------

  private requireCollection(coll: string): void {
    if (!this.stored.collections.has(coll)) {
      throw new StoreError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${coll}`)
    }
  }

  /** Candidate documents, narrowed by an _id or teamId equality when the query has one. */
  private candidates(coll: string, query: Json | undefined, tx?: StoreTx): Doc[] {
    const c = this.stored.load(coll)
    const byId = query && typeof query._id === 'string' ? query._id : undefined
    if (byId !== undefined) {
      const d = current(this.stored, coll, byId, tx)
      return d ? [d] : []
    }
    // `_id: _.in([...])` (a known set of ids, e.g. one rollup per day) is answered by lookups, as the
    // database's _id index would, instead of a scan of the team.
    const idList = query && isInList(query._id) ? (query._id as { $in: string[] }).$in : undefined
    if (idList !== undefined) {
      return [...new Set(idList)].map((id) => current(this.stored, coll, id, tx)).filter((d): d is Doc => d !== undefined)
    }
    const team = query && typeof query.teamId === 'string' ? query.teamId : undefined
    let list: Doc[]
    if (team !== undefined && !tx) {
      const ids = c.byTeam.get(team)
      list = ids ? [...ids].map((id) => c.docs.get(id)!.doc) : []
    } else {
      list = [...c.docs.values()].map((e) => e.doc)
    }
    // Overlay the transaction's own writes on the committed state.
    return tx ? withOwnWrites(list, coll, tx) : list
  }

  private matching(coll: string, query: Json | undefined, tx?: StoreTx): Doc[] {
    this.requireCollectionUnlessTxWrote(coll, tx)
    const list = this.candidates(coll, query, tx)
    this.counters.docsScanned += list.length
    const out = matchQuery(list, query)
    if (tx) for (const d of out) recordRead(this.stored, tx, coll, d._id)
    return out
  }

  private requireCollectionUnlessTxWrote(coll: string, tx?: StoreTx): void {
    if (this.stored.collections.has(coll)) return
    if (tx && txWrote(tx, coll)) return
    this.requireCollection(coll)
  }

  private select(coll: string, opts: FindOptions, tx?: StoreTx): Doc[] {
    return applyFindOptions(this.matching(coll, opts.query, tx), opts)
  }

  private write(changes: Change[], tx?: StoreTx): void {
    if (!changes.length) return
    if (tx) return stage(this.stored, tx, changes)
    this.apply(changes)
  }

  private apply(changes: Change[]): void {
    this.stored.apply(changes)
    this.counters.docsWritten += changes.length
  }
}
