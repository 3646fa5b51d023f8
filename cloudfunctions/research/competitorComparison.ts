// 竞品对比: our account against the watched ones over the last weeks. Ours comes from pre-aggregated
// data (daily rollups, the published items of those weeks and their series), never from raw snapshots.
import type { researchContract } from '../../core/api/research'
import { competitorWeeks, ourWeeks, START_LOOKBACK_DAYS } from '../../core/research/comparison'
import { COMPARISON_WEEKS, COMPETITOR_KIND_LABELS, type ComparisonSeries } from '../../core/research/competitors'
import { lastCompletedWeek, shiftWeek, weekLabel, weekMonday, weekShort, weeksEnding, type WeekKey } from '../../core/time/weeks'
import { addDays, daysBetween, dayKey, type DayKey } from '../../core/time/china'
import type { Handlers } from '../common/action'
import type { MemberCtx } from '../common/context'
import { ITEMS, ITEM_SERIES, ROLLUPS } from '../common/db/collections'
import type { ItemRecord } from '../common/db/content'
import { rollupId, seriesId, type RollupRecord, type SeriesRecord } from '../common/db/results'
import { inForce, readCompetitors, readWeekEntries } from './competitors'

type C = typeof researchContract

/** Published items read per request: 26 weeks at 5 a day is 910. */
const ITEMS_CAP = 1000

export const comparisonHandlers: Pick<Handlers<C>, 'competitorComparison'> = {
  /**
   * 7 requests whatever the history: member, team (wrapper); the accounts; their entries for the weeks
   * (and the one before, for the first week's growth); our rollups of the weeks and the 4 weeks before;
   * the items published in the weeks; their series (for likes).
   */
  async competitorComparison({ ctx, input }) {
    const weeks = weeksEnding(lastCompletedWeek(ctx.now), input.weeks ?? COMPARISON_WEEKS)
    const first = weekMonday(weeks[0])!
    const last = addDays(weekMonday(weeks[weeks.length - 1])!, 6)
    const [competitors, entries, rollups, published] = await Promise.all([
      readCompetitors(ctx),
      readWeekEntries(ctx, shiftWeek(weeks[0], -1), weeks[weeks.length - 1]),
      readRollups(ctx, addDays(first, -START_LOOKBACK_DAYS), last),
      readPublished(ctx, first, last),
    ])
    const logged = new Map<string, Map<WeekKey, { followers: number; posts: number; bestLikes: number }>>()
    for (const e of inForce(entries).values()) {
      const byWeek = logged.get(e.competitorId) ?? logged.set(e.competitorId, new Map()).get(e.competitorId)!
      byWeek.set(e.week, e)
    }
    const series: ComparisonSeries[] = [
      { key: 'ours', name: '我们', kind: 'ours', kindLabel: '本账号', weeks: ourWeeks(weeks, { rollups, published }) },
      ...competitors
        .filter((c) => !c.archived)
        .map((c): ComparisonSeries => ({ key: c._id, name: c.name, kind: c.kind, kindLabel: COMPETITOR_KIND_LABELS[c.kind], weeks: competitorWeeks(weeks, logged.get(c._id) ?? new Map()) })),
    ]
    return {
      weeks: weeks.map((week) => ({ week, short: weekShort(week), label: weekLabel(week) })),
      latestWeek: weeks[weeks.length - 1],
      series,
      notes: [
        '我们的粉丝增长率 = 当周净增粉丝（自然 + 投流 + 直播 − 取关）÷ 周初粉丝总数（周一前最近一次填报）',
        '我们的最佳作品点赞：当周发布的作品中点赞最多的一条，按最近一次填报的数据',
        '竞品的增长率按相邻两周记录的粉丝数计算；缺一周记录时显示“—”',
      ],
    }
  },
}

/** The team's day rollups for [from, to] by id (one document per day): the sums and the follower total only. */
async function readRollups(ctx: MemberCtx, from: DayKey, to: DayKey): Promise<RollupRecord[]> {
  const ids = daysBetween(from, to).map((d) => rollupId(ctx.team._id, d))
  return ctx.repo<RollupRecord>(ROLLUPS).find({ _id: ctx.db.command.in(ids) }, { limit: ids.length, fields: { day: true, total: true, followers: true } })
}

/** Our items published in [from, to], each with its likes as last logged (the item's series), in two requests. */
async function readPublished(ctx: MemberCtx, from: DayKey, to: DayKey): Promise<{ day: DayKey; likes: number | null }[]> {
  const _ = ctx.db.command
  const items = await ctx
    .repo<Pick<ItemRecord, '_id' | 'day' | 'publishedAt'> & { teamId: string }>(ITEMS)
    .find({ status: 'published', day: _.gte(from).and(_.lte(to)) }, { orderBy: ['day', 'asc'], limit: ITEMS_CAP, fields: { _id: true, day: true, publishedAt: true } })
  if (!items.length) return []
  const ids = items.map((i) => seriesId(ctx.team._id, i._id))
  // Only the likes of each point: cumulative counts never fall, so the largest is the latest.
  const series = await ctx
    .repo<Pick<SeriesRecord, '_id' | 'itemId' | 'points'>>(ITEM_SERIES)
    .find({ _id: _.in(ids) }, { limit: ids.length, fields: { _id: true, itemId: true, 'points.metrics.likes': true } })
  const likes = new Map(series.map((s) => [s.itemId, maxLikes(s.points)]))
  return items.map((i) => ({ day: i.publishedAt ? dayKey(i.publishedAt) : i.day!, likes: likes.get(i._id) ?? null }))
}

function maxLikes(points: readonly { metrics?: { likes?: number } }[] | undefined): number | null {
  const values = (points ?? []).map((p) => p.metrics?.likes).filter((v): v is number => typeof v === 'number')
  return values.length ? Math.max(...values) : null
}
