import { createHash } from 'node:crypto'
import { AppError, validationError, type Result } from '../../core/errors'
import { isDuplicateKeyError, type DbLike } from './sdk'

const COLLECTION = 'requests'
/** A claim older than this belongs to a crashed run and may be taken over. */
const STALE_MS = 30_000
const WAIT_STEP_MS = 50
const WAIT_MAX_MS = 5_000

interface RequestRecord {
  _id: string
  status: 'pending' | 'done'
  claimedAt: Date
  fn: string
  action: string
  result?: Result<unknown>
}

export type Claim = { kind: 'run'; key: string } | { kind: 'replay'; result: Result<unknown> }

/**
 * De-duplicates writes by (caller, function, requestId and input): the first request claims the key by
 * inserting a document with that _id (an atomic insert), later ones wait for and replay its result.
 */
export async function claimRequest(
  db: DbLike,
  k: { openid: string; fn: string; action: string; requestKey: string },
  now: () => Date,
): Promise<Claim> {
  const key = createHash('sha256').update(`${k.openid}|${k.fn}|${k.requestKey}`).digest('hex').slice(0, 32)
  const coll = db.collection(COLLECTION)
  const record: RequestRecord = { _id: key, status: 'pending', claimedAt: now(), fn: k.fn, action: k.action }
  try {
    await coll.add({ data: record as unknown as Record<string, unknown> })
    return { kind: 'run', key }
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e
  }
  const deadline = Date.now() + WAIT_MAX_MS
  for (;;) {
    const found = (await coll.where({ _id: key }).limit(1).get()).data[0] as unknown as RequestRecord | undefined
    if (!found) return claimRequest(db, k, now) // the first run failed and released its claim
    if (found.action !== k.action) {
      throw validationError([{ path: 'requestId', message: '请求编号：已被使用' }], '请求编号已用于其他操作')
    }
    if (found.status === 'done' && found.result) return { kind: 'replay', result: found.result }
    if (now().getTime() - new Date(found.claimedAt).getTime() > STALE_MS) {
      const taken = await coll
        .where({ _id: key, status: 'pending', claimedAt: found.claimedAt })
        .update({ data: { claimedAt: now() } })
      if (taken.stats.updated === 1) return { kind: 'run', key }
    }
    if (Date.now() > deadline) throw new AppError('CONFLICT', '相同的请求正在处理中，请稍后刷新查看')
    await new Promise((r) => setTimeout(r, WAIT_STEP_MS))
  }
}

export async function finishRequest(db: DbLike, key: string, result: Result<unknown>): Promise<void> {
  await db.collection(COLLECTION).doc(key).update({ data: { status: 'done', result } })
}

/** A failed write changed nothing, so its key is released and the client may retry. */
export async function releaseRequest(db: DbLike, key: string): Promise<void> {
  await db.collection(COLLECTION).where({ _id: key, status: 'pending' }).remove()
}
