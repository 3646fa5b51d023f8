// Publishing an item is one operation whether or not it went through review: content.markPublished
// calls it, and when the item has a production the approval machine decides (only a 'scheduled'
// item may be published) and the item and its production change together in one transaction.
import { PAST_GRACE_MS } from '../../core/content/schemas'
import { AppError, fieldError } from '../../core/errors'
import { transition } from '../../core/review/machine'
import { dayKey } from '../../core/time/china'
import type { ItemRecord } from '../content/records'
import type { EventRecord, ProductionRecord } from '../review/records'
import type { MemberCtx } from './context'
import { isNotFoundError, type TransactionLike } from './sdk'

export const ITEMS_COLLECTION = 'items'
export const PRODUCTIONS_COLLECTION = 'productions'
export const EVENTS_COLLECTION = 'review_events'

export interface PublishInput {
  id: string
  version: number
  publishedAt?: string
  postUrl?: string
}

/** Marks an item published (real time and Channels link); `view` shapes the CONFLICT's current state. */
export async function publishItem(ctx: MemberCtx, input: PublishInput, view: (current: ItemRecord) => unknown): Promise<ItemRecord> {
  const items = ctx.repo<ItemRecord>(ITEMS_COLLECTION)
  const item = await items.get(input.id)
  if (!item) throw new AppError('NOT_FOUND', '内容不存在')
  if (item.status === 'archived') throw new AppError('CONFLICT', '内容已归档，不能修改')
  const publishedAt = input.publishedAt ? new Date(input.publishedAt) : ctx.now
  if (publishedAt.getTime() > ctx.now.getTime() + PAST_GRACE_MS) {
    throw fieldError('publishedAt', '发布时间：不能晚于现在')
  }
  const patch = { status: 'published', publishedAt, day: dayKey(publishedAt), postUrl: input.postUrl ?? null }
  const production = await ctx.repo<ProductionRecord>(PRODUCTIONS_COLLECTION).get(input.id)
  if (!production) return items.updateVersioned(input.id, input.version, patch, ctx.now, view)

  const r = transition({ ...production, ownerId: item.ownerId }, { type: 'markPublished' }, { memberId: ctx.member._id, roles: ctx.member.roles })
  if (!r.ok) throw new AppError(r.refusal === 'actor' ? 'FORBIDDEN' : 'CONFLICT', r.reason, { current: view(item) })
  const event: EventRecord = {
    _id: ctx.newId('published'),
    teamId: ctx.team._id,
    itemId: item._id,
    type: 'published',
    gateIndex: production.gateIndex,
    gateKey: production.gate.key,
    gateName: production.gate.name,
    versionNo: production.versionNo,
    comment: input.postUrl ?? '',
    passed: false,
    at: publishedAt,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    createdBy: ctx.member._id,
    version: 0,
  }
  try {
    await ctx.db.runTransaction(async (tx) => {
      const cur = await docIn<ItemRecord>(tx, ITEMS_COLLECTION, item._id)
      const prod = await docIn<ProductionRecord>(tx, PRODUCTIONS_COLLECTION, item._id)
      if (!cur || cur.version !== input.version || !prod || prod.version !== production.version) throw new AppError('CONFLICT')
      await tx.collection(ITEMS_COLLECTION).doc(item._id).update({ data: { ...patch, updatedAt: ctx.now, version: cur.version + 1 } })
      await tx.collection(PRODUCTIONS_COLLECTION).doc(item._id).update({ data: { status: 'published', publishedAt, updatedAt: ctx.now, version: prod.version + 1 } })
      await tx.collection(EVENTS_COLLECTION).add({ data: event as unknown as Record<string, unknown> })
    })
  } catch (e) {
    if (!isConflict(e)) throw e
    const current = await items.get(item._id)
    throw new AppError('CONFLICT', undefined, { current: current ? view(current) : undefined })
  }
  return (await items.get(item._id))!
}

/** A document read inside a transaction, or null when it does not exist. */
export async function docIn<T>(tx: TransactionLike, collection: string, id: string): Promise<T | null> {
  try {
    return (await tx.collection(collection).doc(id).get()).data as unknown as T
  } catch (e) {
    if (isNotFoundError(e)) return null
    throw e
  }
}

/** Our own CONFLICT thrown inside a transaction, or the database's when a commit lost a race. */
export function isConflict(e: unknown): boolean {
  if (e instanceof AppError) return e.code === 'CONFLICT'
  const code = (e as { code?: string; errCode?: string })?.code ?? (e as { errCode?: string })?.errCode
  return /TRANSACTION_CONFLICT/i.test(String(code ?? '')) || /TRANSACTION_CONFLICT|conflict/i.test(e instanceof Error ? e.message : String(e))
}
