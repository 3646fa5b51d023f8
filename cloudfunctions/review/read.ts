// What members read of productions: one production with its versions and timeline, the inbox,
// notifications (and marking them read), and cycle times. Nothing here decides; see decide.ts.
import type { reviewContract } from '../../core/api/review'
import { itemCycle, rangeCycle, type CycleFact } from '../../core/review/cycle'
import { addDays, startOfDay } from '../../core/time/china'
import { ITEMS, NOTIFICATIONS, PRODUCTIONS, REVIEW_EVENTS, REVIEW_VERSIONS } from '../common/db/collections'
import type { ItemRecord } from '../common/db/content'
import type { EventRecord, NotificationRecord, ProductionRecord, VersionRecord } from '../common/db/review'
import type { Handlers } from '../common/action'
import { inbox, unreadCount } from './inbox'
import { actorOf, cycleFact, requireItem, requireProduction } from './lookup'
import { loadPeople } from './people'
import { itemCycleView, productionView, timelineOf, versionView } from './views'

const NOTICE_PAGE = 20

type ReadActions = 'getProduction' | 'versions' | 'timeline' | 'inbox' | 'notifications' | 'markRead' | 'itemCycle' | 'cycleStats'

export const readHandlers: Pick<Handlers<typeof reviewContract>, ReadActions> = {
  async getProduction({ ctx, input }) {
    const [item, p, people] = await Promise.all([requireItem(ctx, input.itemId, true), requireProduction(ctx, input.itemId), loadPeople(ctx)])
    return productionView(p, item, people, actorOf(ctx), ctx.now)
  },

  async versions({ ctx, input }) {
    await requireProduction(ctx, input.itemId)
    const [list, people] = await Promise.all([ctx.repo<VersionRecord>(REVIEW_VERSIONS).find({ itemId: input.itemId }, { orderBy: ['no', 'asc'] }), loadPeople(ctx)])
    return list.map((v) => versionView(v, people))
  },

  async timeline({ ctx, input }) {
    const p = await requireProduction(ctx, input.itemId)
    const [events, versions, people] = await Promise.all([
      ctx.repo<EventRecord>(REVIEW_EVENTS).find({ itemId: input.itemId }, { orderBy: ['at', 'asc'] }),
      ctx.repo<VersionRecord>(REVIEW_VERSIONS).find({ itemId: input.itemId }, { orderBy: ['no', 'asc'] }),
      loadPeople(ctx),
    ])
    return timelineOf(events, versions, p.flow, people)
  },

  async inbox({ ctx }) {
    return inbox(ctx)
  },

  async notifications({ ctx, input }) {
    const repo = ctx.repo<NotificationRecord>(NOTIFICATIONS)
    const [list, unread] = await Promise.all([
      repo.find({ memberId: ctx.member._id }, { orderBy: ['createdAt', 'desc'], skip: input.offset, limit: NOTICE_PAGE + 1 }),
      unreadCount(ctx),
    ])
    return {
      items: list.slice(0, NOTICE_PAGE).map((n) => ({ id: n._id, kind: n.kind, itemId: n.itemId, title: n.title, body: n.body, read: n.read, at: new Date(n.createdAt).toISOString() })),
      unread,
      hasMore: list.length > NOTICE_PAGE,
      nextOffset: input.offset + Math.min(list.length, NOTICE_PAGE),
    }
  },

  async markRead({ ctx, input }) {
    const _ = ctx.db.command
    const where: Record<string, unknown> = { memberId: ctx.member._id, read: false }
    if (input.ids) where._id = _.in(input.ids)
    const updated = await ctx.repo<NotificationRecord>(NOTIFICATIONS).updateWhere(where, { read: true, updatedAt: ctx.now, version: _.inc(1) })
    return { updated }
  },

  async itemCycle({ ctx, input }) {
    const [item, p] = await Promise.all([requireItem(ctx, input.itemId, true), requireProduction(ctx, input.itemId)])
    const events = await ctx.repo<EventRecord>(REVIEW_EVENTS).find({ itemId: input.itemId }, { orderBy: ['at', 'asc'] })
    return itemCycleView(item._id, item.title, itemCycle(events.map(cycleFact), p.flow, ctx.now))
  },

  async cycleStats({ ctx, input }) {
    const _ = ctx.db.command
    const from = startOfDay(input.from)
    const to = startOfDay(addDays(input.to, 1))
    const done = await ctx.repo<ProductionRecord>(PRODUCTIONS).find(
      { finalApprovedAt: _.gte(from).and(_.lt(to)) },
      { orderBy: ['finalApprovedAt', 'asc'], fields: { _id: true, flow: true } },
    )
    const ids = done.map((p) => p._id)
    const [events, items] = ids.length
      ? await Promise.all([
          ctx.repo<EventRecord>(REVIEW_EVENTS).find({ itemId: _.in(ids), type: _.in(['started', 'submitted', 'approved', 'changes_requested']) }, { orderBy: ['at', 'asc'], limit: 20_000 }),
          ctx.repo<ItemRecord>(ITEMS).find({ _id: _.in(ids) }, { fields: { _id: true, title: true } }),
        ])
      : [[], []]
    const byItem = new Map<string, CycleFact[]>()
    for (const e of events) byItem.set(e.itemId, [...(byItem.get(e.itemId) ?? []), cycleFact(e)])
    const titles = new Map(items.map((i) => [i._id, i.title]))
    const cycles = done.map((p) => ({ id: p._id, c: itemCycle(byItem.get(p._id) ?? [], p.flow, ctx.now) }))
    return {
      from: input.from,
      to: input.to,
      targetHours: 24,
      ...rangeCycle(cycles.map((x) => x.c)),
      list: cycles
        .filter((x) => x.c.done && x.c.productionHours !== null)
        .map((x) => ({ itemId: x.id, title: titles.get(x.id) ?? '', productionHours: x.c.productionHours!, finalApprovedAt: x.c.finalApprovedAt!.toISOString() })),
    }
  },
}
