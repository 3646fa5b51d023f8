/**
 * Answers the database requests wx-server-sdk 4.0.2 sends (action name + params as sent over the wire)
 * from the Store, in the answer shapes @cloudbase/database 1.4.3 reads
 * (dist/commonjs/query.js, document.js, collection.js, aggregate.js, transaction/index.js).
 *
 * Observed wire facts (see sdk-boundary.int.test.ts):
 * - `where().get()` sends `limit: 100` when limit() was not called, and caps limit() at 1000 itself;
 *   `doc(id).get()` sends no limit at all (queryType "DOC").
 * - Inside `runTransaction`/`startTransaction`, doc get/update/set/remove and add() are ordinary
 *   getDocument/modifyDocument/removeDocument/insertDocument requests carrying `transactionId`.
 *   (`getInTransaction`/`updateDocInTransaction`/`deleteDocInTransaction` belong to the SDK's older,
 *   unused transaction.js; answered anyway.) `where().update()/remove()` and `count()` never carry it.
 * - A missing document is NOT a server error: the answer is an empty list, and wx-server-sdk itself
 *   throws "document.get:fail document with _id <id> does not exist".
 */
import { randomUUID } from 'crypto'
import { Store, StoreError, StoreTx, type FindOptions } from './store'
import { parseEJSON, stringifyEJSON, type Json } from './ejson'
import { errorAnswer } from './sdk'
import { shapeOf, type QueryShape } from './query-shapes'

type Params = Record<string, unknown>

const MAX_LIMIT = 1000
/**
 * CloudBase returns 20 aggregation results when the pipeline has no $limit stage (observed behaviour,
 * reported by many developers; the docs are silent). Mirrored so code that forgets limit() fails here too.
 */
export const AGGREGATE_DEFAULT_LIMIT = 20
/** Transactions left open are dropped after this long, like CloudBase's transaction timeout. */
const TX_TTL_MS = 60_000

export interface DbHandler {
  (api: string, params: Params | undefined): Promise<unknown>
}

/** Told the shape of every query (not lookups by id inside writes' own bookkeeping), e.g. to check indexes. */
export type QueryObserver = (shape: QueryShape) => void

export function createDbHandler(store: Store, now: () => Date, observe?: QueryObserver): DbHandler {
  const seen = (collection: string, op: QueryShape['op'], query: Json | undefined, sort?: Record<string, number>) => {
    if (observe) observe(shapeOf(collection, op, query, sort))
  }
  const open = new Map<string, { tx: StoreTx; timer: NodeJS.Timeout }>()

  const txOf = (params: Params): StoreTx | undefined => {
    const id = params.transactionId
    if (id === undefined || id === null || id === '') return undefined
    const entry = open.get(String(id))
    if (!entry) throw new StoreError('DATABASE_REQUEST_FAILED', `transaction ${String(id)} does not exist or has ended`)
    return entry.tx
  }
  const finish = (id: string) => {
    const entry = open.get(id)
    if (entry) clearTimeout(entry.timer)
    open.delete(id)
    return entry?.tx
  }

  const handlers: Record<string, (p: Params, t: Date) => Json> = {
    'database.getDocument'(p, t) {
      const opts: FindOptions = {
        query: parseEJSON(p.query as string, t) as Json | undefined,
        sort: parseEJSON(p.order as string, t) as Record<string, number> | undefined,
        projection: parseEJSON(p.projection as string, t) as Json | undefined,
        skip: Number(p.offset) || 0,
      }
      if (p.limit !== undefined) opts.limit = Math.min(Math.max(Number(p.limit) || 0, 0), MAX_LIMIT)
      seen(coll(p), 'find', opts.query, opts.sort)
      const list = store.find(coll(p), opts, txOf(p)).map(stringifyEJSON)
      return { data: { list, limit: opts.limit ?? list.length, offset: opts.skip } }
    },
    'database.calculateDocument'(p, t) {
      const query = parseEJSON(p.query as string, t) as Json | undefined
      seen(coll(p), 'count', query)
      return { data: { total: store.count(coll(p), query, txOf(p)) } }
    },
    'database.insertDocument'(p, t) {
      const docs = (p.data as string[]).map((s) => parseEJSON(s, t) as Json)
      return { data: { insertedIds: store.insert(coll(p), docs, txOf(p)) } }
    },
    'database.modifyDocument'(p, t) {
      const query = parseEJSON(p.query as string, t) as Json | undefined
      seen(coll(p), 'update', query)
      const res = store.update(
        coll(p),
        query,
        parseEJSON(p.data as string, t) as Json,
        { multi: p.multi === true, upsert: p.upsert === true, replace: p.merge === false },
        txOf(p),
      )
      return { data: { updated: res.updated, upsert_id: res.upsertedId } }
    },
    'database.modifyAndReturnDoc'(p, t) {
      const query = parseEJSON(p.query as string, t) as Json | undefined
      seen(coll(p), 'update', query)
      const res = store.update(coll(p), query, parseEJSON(p.data as string, t) as Json, {
        multi: false,
        upsert: false,
        replace: false,
      }, txOf(p))
      return { data: { updated: res.updated, doc: res.doc ? stringifyEJSON(res.doc) : null } }
    },
    'database.removeDocument'(p, t) {
      const query = parseEJSON(p.query as string, t) as Json | undefined
      seen(coll(p), 'remove', query)
      return { data: { deleted: store.remove(coll(p), query, { multi: p.multi === true }, txOf(p)) } }
    },
    'database.aggregateDocuments'(p, t) {
      const stages = (p.stages as { stageKey: string; stageValue: string }[]).map((s) => ({
        [s.stageKey]: parseEJSON(s.stageValue, t),
      }))
      if (!stages.some((s) => '$limit' in s)) stages.push({ $limit: AGGREGATE_DEFAULT_LIMIT })
      // An index serves an aggregation's leading $match (and a $sort right after it).
      const match = '$match' in stages[0] ? (stages[0].$match as Json) : undefined
      const sort = match && stages[1] && '$sort' in stages[1] ? (stages[1].$sort as Record<string, number>) : undefined
      seen(coll(p), 'aggregate', match, sort)
      return { data: { list: store.aggregate(coll(p), stages as Json[]).map(stringifyEJSON) } }
    },
    'database.addCollection'(p) {
      if (!store.createCollection(coll(p))) {
        throw new StoreError('DATABASE_REQUEST_FAILED', `collection ${coll(p)} already exists`)
      }
      return {}
    },
    'database.startTransaction'() {
      const tx = store.begin()
      const timer = setTimeout(() => open.delete(tx.id), TX_TTL_MS)
      timer.unref()
      open.set(tx.id, { tx, timer })
      return { transactionId: tx.id }
    },
    'database.commitTransaction'(p) {
      const tx = finish(String(p.transactionId))
      if (!tx) throw new StoreError('DATABASE_REQUEST_FAILED', `transaction ${String(p.transactionId)} does not exist or has ended`)
      store.commit(tx)
      return {}
    },
    'database.abortTransaction'(p) {
      // Aborting an unknown or finished transaction is harmless (runTransaction aborts after a failed commit).
      const tx = finish(String(p.transactionId))
      if (tx) store.abort(tx)
      return {}
    },
    // ---- legacy transaction.js actions -------------------------------------------------------
    'database.getInTransaction'(p) {
      const doc = store.getById(coll(p), String(p._id), txOf(p))
      return { data: stringifyEJSON(doc ?? null) }
    },
    'database.updateDocInTransaction'(p, t) {
      const data = parseEJSON(p.data as string, t) as Json
      const res = store.update(coll(p), { _id: String(p._id) }, data, { multi: false, upsert: p.upsert === true, replace: p.upsert === true }, txOf(p))
      return { updated: stringifyEJSON(res.updated), upserted: res.upsertedId ? JSON.stringify([{ _id: res.upsertedId }]) : undefined }
    },
    'database.deleteDocInTransaction'(p) {
      return { deleted: stringifyEJSON(store.remove(coll(p), { _id: String(p._id) }, { multi: false }, txOf(p))) }
    },
  }

  return async (api, params) => {
    const requestId = randomUUID()
    const handler = handlers[api]
    try {
      if (!handler) throw new StoreError('INVALID_PARAM', `local cloud does not implement ${api}`)
      return { ...handler(params ?? {}, now()), requestId }
    } catch (e) {
      if (e instanceof StoreError) return errorAnswer({ code: e.code, message: e.message, requestId })
      // mingo rejects invalid queries/updates (unknown operator, conflicting paths): a request error.
      return errorAnswer({ code: 'DATABASE_REQUEST_FAILED', message: (e as Error).message, requestId })
    }
  }
}

function coll(p: Params): string {
  const name = p.collectionName
  if (typeof name !== 'string' || !name) throw new StoreError('INVALID_PARAM', 'collectionName is required')
  return name
}
