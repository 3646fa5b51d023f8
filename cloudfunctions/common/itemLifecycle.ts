// The one place where an item and its production change together, so neither the content nor the
// review function writes the other's collections (content owns items; review owns productions and
// their events):
// - publishing (content.markPublished) is one operation whether or not the item went through review;
//   when it has a production the approval machine decides (only a 'scheduled' item may be published)
//   and the item, its production and a 'published' event commit in one transaction;
// - a final approval (review's decision) schedules the item inside the decision's transaction.
import { PAST_GRACE_MS } from '../../core/content/schemas'
import { AppError, fieldError } from '../../core/errors'
import { transition } from '../../core/review/machine'
import { dayKey } from '../../core/time/china'
import { ITEMS, PRODUCTIONS, REVIEW_EVENTS } from './db/collections'
import type { ItemRecord } from './db/content'
import type { EventRecord, ProductionRecord } from './db/review'
import type { MemberCtx } from './context'
import type { TransactionLike } from './sdk'
import { docIn, isConflict } from './transaction'
import { baseFields } from './records'

export interface PublishInput {
  id: string
  version: number
  publishedAt?: string
  postUrl?: string
}

/** Marks an item published (real time and Channels link); `view` shapes the CONFLICT's current state. */
export async function publishItem(ctx: MemberCtx, input: PublishInput, view: (current: ItemRecord) => unknown): Promise<ItemRecord> {
  const items = ctx.repo<ItemRecord>(ITEMS)
  const item = await items.get(input.id)
  if (!item) throw new AppError('NOT_FOUND', '内容不存在')
  if (item.status === 'archived') throw new AppError('CONFLICT', '内容已归档，不能修改')
  const publishedAt = input.publishedAt ? new Date(input.publishedAt) : ctx.now
  if (publishedAt.getTime() > ctx.now.getTime() + PAST_GRACE_MS) {
    throw fieldError('publishedAt', '发布时间：不能晚于现在')
  }
  const patch = { status: 'published', publishedAt, day: dayKey(publishedAt), postUrl: input.postUrl ?? null }
  const production = await ctx.repo<ProductionRecord>(PRODUCTIONS).get(input.id)
  if (!production) return items.updateVersioned(input.id, input.version, patch, ctx.now, view)

  const r = transition({ ...production, ownerId: item.ownerId }, { type: 'markPublished' }, { memberId: ctx.member._id, roles: ctx.member.roles })
  if (!r.ok) throw new AppError(r.refusal === 'actor' ? 'FORBIDDEN' : 'CONFLICT', r.reason, { current: view(item) })
  const event: EventRecord = {
    ...baseFields(ctx, ctx.newId('published')),
    itemId: item._id,
    type: 'published',
    gateIndex: production.gateIndex,
    gateKey: production.gate.key,
    gateName: production.gate.name,
    versionNo: production.versionNo,
    comment: input.postUrl ?? '',
    passed: false,
    at: publishedAt,
  }
  try {
    await ctx.db.runTransaction(async (tx) => {
      const cur = await docIn<ItemRecord>(tx, ITEMS, item._id)
      const prod = await docIn<ProductionRecord>(tx, PRODUCTIONS, item._id)
      if (!cur || cur.version !== input.version || !prod || prod.version !== production.version) throw new AppError('CONFLICT')
      await tx.collection(ITEMS).doc(item._id).update({ data: { ...patch, updatedAt: ctx.now, version: cur.version + 1 } })
      await tx.collection(PRODUCTIONS).doc(item._id).update({ data: { status: 'published', publishedAt, updatedAt: ctx.now, version: prod.version + 1 } })
      await tx.collection(REVIEW_EVENTS).add({ data: event as unknown as Record<string, unknown> })
    })
  } catch (e) {
    if (!isConflict(e)) throw e
    const current = await items.get(item._id)
    throw new AppError('CONFLICT', undefined, { current: current ? view(current) : undefined })
  }
  return (await items.get(item._id))!
}

/** Inside a final approval's transaction: the item becomes 'scheduled', with its production cycle fields. */
export async function scheduleItemIn(tx: TransactionLike, itemId: string, cycle: Record<string, unknown>, now: Date): Promise<void> {
  const cur = await docIn<ItemRecord>(tx, ITEMS, itemId)
  if (cur) await tx.collection(ITEMS).doc(itemId).update({ data: { status: 'scheduled', ...cycle, updatedAt: now, version: cur.version + 1 } })
}
