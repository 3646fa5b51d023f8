// What logging, correcting and reading results share, kept in one place so every fact is stored and
// stamped alike: a fact committed with its rollup moves, the fields every logged record carries, a live
// session's numbers as stored, and the item fields and series the pages and the import read.
import { PAST_GRACE_MS } from '../../core/content/schemas'
import { refuseFields } from '../../core/errors'
import type { Contribution, ItemDims } from '../../core/results/rollup'
import type { LogLiveInput } from '../../core/results/schemas'
import { dayKey } from '../../core/time/china'
import type { MemberCtx } from '../common/context'
import { ITEM_SERIES, type CollectionName } from '../common/db/collections'
import type { ItemRecord } from '../common/db/content'
import { seriesId, type SeriesRecord } from '../common/db/results'
import { assertNotRebuilding, inTransaction, RollupBatch, txGet, txSet, type Logger } from './tx'

export const ITEM_FIELDS = { _id: true, title: true, status: true, publishedAt: true, format: true, layer: true, category: true, day: true }
export type ItemLite = Pick<ItemRecord, '_id' | 'title' | 'status' | 'publishedAt' | 'format' | 'layer' | 'category' | 'day'>

/**
 * Stores one fact and moves the day rollups by its contributions, in one transaction. When the fact's id is
 * already stored (a retried or re-run request; or, for a correction, an earlier correction of the same
 * record) `onStored` decides the answer and nothing is written.
 */
export async function commitFact<R extends { _id: string }>(ctx: MemberCtx, coll: CollectionName, record: R, contributions: Contribution[], onStored: (stored: R) => R): Promise<R> {
  return inTransaction(ctx.db, async (tx) => {
    await assertNotRebuilding(tx, ctx.team._id, ctx.now)
    const stored = await txGet<R>(tx, coll, record._id)
    if (stored) return onStored({ ...stored, _id: record._id })
    const rollups = new RollupBatch(tx, ctx.team._id)
    await rollups.add(contributions)
    await txSet(tx, coll, record)
    await rollups.flush(ctx.now)
    return record
  })
}

/** A session's times and numbers as stored, shared by logging and correcting it; an end in the future is refused. */
export function sessionOf(ctx: MemberCtx, input: Omit<LogLiveInput, 'itemId'>) {
  const startAt = new Date(input.startAt)
  const endAt = new Date(input.endAt)
  if (endAt.getTime() > ctx.now.getTime() + PAST_GRACE_MS) refuseFields([{ path: 'endAt', message: '下播时间：不能晚于现在' }])
  return {
    day: dayKey(startAt),
    startAt,
    endAt,
    durationSeconds: Math.round((endAt.getTime() - startAt.getTime()) / 1000),
    uniqueViewers: input.uniqueViewers,
    peakConcurrent: input.peakConcurrent,
    avgWatchSeconds: input.avgWatchSeconds ?? null,
    newFollowers: input.newFollowers,
    comments: input.comments ?? null,
    orders: input.orders,
    gmvFen: input.gmvFen,
  }
}

export function logger(ctx: MemberCtx): Logger {
  return { teamId: ctx.team._id, memberId: ctx.member._id, name: ctx.member.name, now: ctx.now }
}

export function dimsOf(i: Pick<ItemRecord, 'format' | 'layer' | 'category'>): ItemDims {
  return { format: i.format, layer: i.layer, category: i.category }
}

export async function seriesOf(ctx: MemberCtx, itemIds: string[]): Promise<Map<string, SeriesRecord>> {
  if (!itemIds.length) return new Map()
  const ids = [...new Set(itemIds)].map((i) => seriesId(ctx.team._id, i))
  const list = await ctx.repo<SeriesRecord>(ITEM_SERIES).find({ _id: ctx.db.command.in(ids) }, { limit: ids.length })
  return new Map(list.map((s) => [s.itemId, s]))
}
