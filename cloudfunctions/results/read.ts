// What the results pages read: a work's history, today's still-missing numbers, recent sessions and leads
// (with whether the caller may correct each), and the day rollups, with the admin's rebuild of them from
// the facts (rebuild.ts). Nothing here logs or corrects.
import type { resultsContract } from '../../core/api/results'
import { AppError } from '../../core/errors'
import { dailyIncrements } from '../../core/results/series'
import { addDays, dayKey } from '../../core/time/china'
import type { Handlers } from '../common/action'
import { ITEM_SERIES, ITEMS, LEADS, LIVE_SESSIONS, ROLLUPS, SNAPSHOTS } from '../common/db/collections'
import type { ItemRecord } from '../common/db/content'
import { seriesId, type LeadRecord, type LiveRecord, type RollupRecord, type SeriesRecord, type SnapshotRecord } from '../common/db/results'
import { mayCorrect } from './corrections'
import { ITEM_FIELDS, seriesOf } from './facts'
import { rebuildTeam } from './rebuild'
import { historyEntry, leadView, liveView, rollupView } from './views'

type ReadActions = 'itemHistory' | 'pendingToday' | 'recentLives' | 'recentLeads' | 'rollups' | 'rebuildRollups'

export const readHandlers: Pick<Handlers<typeof resultsContract>, ReadActions> = {
  async itemHistory({ ctx, input }) {
    const item = await ctx.repo<ItemRecord>(ITEMS).get(input.itemId)
    if (!item) throw new AppError('NOT_FOUND', '内容不存在')
    const [records, series] = await Promise.all([
      ctx.repo<SnapshotRecord>(SNAPSHOTS).find({ itemId: item._id }, { orderBy: ['loggedAt', 'desc'], limit: 2000 }),
      ctx.repo<SeriesRecord>(ITEM_SERIES).get(seriesId(ctx.team._id, item._id)),
    ])
    const supersededBy = new Map(records.filter((r) => r.supersedes).map((r) => [r.supersedes!, r._id]))
    const points = series?.points ?? []
    const increments = dailyIncrements(points)
    return {
      item: { id: item._id, title: item.title, publishedDay: item.publishedAt ? dayKey(item.publishedAt) : null },
      entries: records.map((r) => historyEntry(r, supersededBy.get(r._id) ?? null)),
      series: points.map((p) => ({ ...p, increments: (increments.get(p.date) ?? {}) as Record<string, number> })),
    }
  },

  async pendingToday({ ctx, input }) {
    const today = dayKey(ctx.now)
    const _ = ctx.db.command
    const items = await ctx
      .repo<ItemRecord>(ITEMS)
      .find({ status: 'published', day: _.gte(addDays(today, -(input.withinDays - 1))).and(_.lte(today)) }, { orderBy: ['publishedAt', 'desc'], limit: 300, fields: ITEM_FIELDS })
    const series = await seriesOf(ctx, items.map((i) => i._id))
    const pending = items.filter((i) => !series.get(i._id)?.points.some((p) => p.date === today))
    return {
      today,
      items: pending.map((i) => {
        const before = (series.get(i._id)?.points ?? []).filter((p) => p.date < today)
        return { id: i._id, title: i.title, format: i.format, publishedDay: dayKey(i.publishedAt!), last: before[before.length - 1] ?? null }
      }),
      doneCount: items.length - pending.length,
    }
  },

  async recentLives({ ctx, input }) {
    const today = dayKey(ctx.now)
    const _ = ctx.db.command
    const items = await ctx
      .repo<ItemRecord>(ITEMS)
      .find({ format: 'livestream', status: _.neq('archived'), day: _.gte(addDays(today, -(input.withinDays - 1))).and(_.lte(today)) }, { orderBy: ['day', 'desc'], limit: 100, fields: ITEM_FIELDS })
    const records = items.length ? await ctx.repo<LiveRecord>(LIVE_SESSIONS).find({ itemId: _.in(items.map((i) => i._id)) }, { orderBy: ['startAt', 'desc'], limit: 1000 }) : []
    const live = inForce(records)
    return items.map((i) => ({
      id: i._id,
      title: i.title,
      day: i.day ?? '',
      status: i.status,
      sessions: live.filter((r) => r.itemId === i._id).map((r) => ({ ...liveView(r), canCorrect: mayCorrect(ctx, r) })),
    }))
  },

  async recentLeads({ ctx, input }) {
    const today = dayKey(ctx.now)
    const _ = ctx.db.command
    const records = await ctx
      .repo<LeadRecord>(LEADS)
      .find({ date: _.gte(addDays(today, -(input.withinDays - 1))).and(_.lte(today)) }, { orderBy: ['loggedAt', 'desc'], limit: 1000 })
    return inForce(records)
      .slice(0, 200)
      .map((r) => ({ ...leadView(r), canCorrect: mayCorrect(ctx, r) }))
  },

  async rollups({ ctx, input }) {
    const _ = ctx.db.command
    const list = await ctx.repo<RollupRecord>(ROLLUPS).find({ day: _.gte(input.from).and(_.lte(input.to)) }, { orderBy: ['day', 'asc'], limit: 400 })
    return list.map(rollupView)
  },

  async rebuildRollups({ ctx }) {
    const result = await rebuildTeam(ctx.db, ctx.team._id, ctx.now)
    ctx.audit({ detail: { ...result } })
    return result
  },
}

/** Records no other record supersedes. */
function inForce<R extends { _id: string; supersedes: string | null }>(records: R[]): R[] {
  const replaced = new Set(records.map((r) => r.supersedes).filter(Boolean))
  return records.filter((r) => !replaced.has(r._id))
}
