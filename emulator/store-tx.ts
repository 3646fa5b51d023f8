/**
 * Optimistic transactions: reads inside see committed state plus their own writes; commit re-checks the
 * revision of every document read and fails with DATABASE_TRANSACTION_CONFLICT if any changed, which the
 * SDK's runTransaction retries. Nothing is locked, so a transaction left open never blocks other requests.
 */
import type { Doc } from './ejson'
import type { Change, StoreFile } from './store-file'
import { StoreError } from './store-types'

/** An optimistic transaction: what it read (with revisions) and what it will write. */
export class StoreTx {
  readonly reads = new Map<string, number>()
  readonly writes = new Map<string, Change>()
  done = false
  constructor(readonly id: string) {}
}

const key = (coll: string, id: string) => `${coll}\u0000${id}`

/** The document as the caller sees it; inside a transaction, records the revision read. */
export function current(stored: StoreFile, coll: string, id: string, tx?: StoreTx): Doc | undefined {
  if (tx) {
    const w = tx.writes.get(key(coll, id))
    if (w) return w.doc ?? undefined
    recordRead(stored, tx, coll, id)
  }
  return stored.entry(coll, id)?.doc
}

export function recordRead(stored: StoreFile, tx: StoreTx, coll: string, id: string): void {
  const k = key(coll, id)
  if (!tx.reads.has(k)) tx.reads.set(k, stored.entry(coll, id)?.rev ?? 0)
}

/** Overlays the transaction's own writes to a collection on its committed documents. */
export function withOwnWrites(list: Doc[], coll: string, tx: StoreTx): Doc[] {
  const mine = [...tx.writes.values()].filter((w) => w.coll === coll)
  if (!mine.length) return list
  const byKey = new Map(mine.map((w) => [w.id, w.doc]))
  return list.filter((d) => !byKey.has(d._id)).concat(mine.filter((w) => w.doc).map((w) => w.doc as Doc))
}

/** Holds writes in the transaction until commit; a written document counts as read. */
export function stage(stored: StoreFile, tx: StoreTx, changes: Change[]): void {
  for (const ch of changes) {
    recordRead(stored, tx, ch.coll, ch.id)
    tx.writes.set(key(ch.coll, ch.id), ch)
  }
}

/** Ends the transaction: its writes, once every revision it read is checked to be still current. */
export function checkedWrites(stored: StoreFile, tx: StoreTx): Change[] {
  if (tx.done) throw new StoreError('DATABASE_REQUEST_FAILED', `transaction ${tx.id} already finished`)
  tx.done = true
  for (const [k, rev] of tx.reads) {
    const [coll, id] = k.split('\u0000')
    const now = stored.entry(coll, id)?.rev ?? 0
    if (now !== rev) {
      throw new StoreError('DATABASE_TRANSACTION_CONFLICT', `database transaction conflict on ${coll}/${id}`)
    }
  }
  return [...tx.writes.values()]
}

export function txWrote(tx: StoreTx, coll: string): boolean {
  for (const w of tx.writes.values()) if (w.coll === coll) return true
  return false
}
