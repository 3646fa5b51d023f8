import type { analyticsContract } from '../../core/api/analytics'
import { refuseFields } from '../../core/errors'
import { channelNote, contentFilter, funnelCounts, funnelOptions, funnelResult, type FunnelFilters } from '../../core/analytics/funnelRollups'
import { FORECAST_WINDOW_DAYS } from '../../core/analytics/forecast'
import { DEFAULT_FOLLOWER_TARGET, forecastText, growthSummary } from '../../core/analytics/growth'
import { spendCategoryOf } from '../../core/steering/budget'
import { appendSpend, SPEND_FIELDS } from '../common/spendFacts'
import { resolveRange } from '../../core/analytics/range'
import type { FunnelStageView, SpendView } from '../../core/analytics/schemas'
import { dayNotInFutureErrors } from '../../core/results/dates'
import type { DayRollup } from '../../core/results/rollup'
import { addDays, type DayKey } from '../../core/time/china'
import type { Handlers } from '../common/action'
import type { MemberCtx } from '../common/context'
import { SPEND } from '../common/db/collections'
import type { SpendRecord } from '../common/db/analytics'
import { planStartOf, readDayRollups } from './read'
import { deadlineOf } from '../../core/analytics/horizons'

type C = typeof analyticsContract

export const growthHandlers: Pick<Handlers<C>, 'funnel' | 'growth' | 'logSpend'> = {
  /** 3 requests: member, team (wrapper) and one rollups query for [previous.from, to]. */
  async funnel({ ctx, input }) {
    const { range: rangeIn, ...filters } = input
    const content = contentFilter(filters)
    if (content && 'error' in content) refuseFields([content.error])
    const { range, previous } = resolveRange(rangeIn, ctx.now, 'range.')
    const rollups = await readRollups(ctx, previous.from, range.to, { day: true, total: true, by: true })
    const now = funnelResult(funnelCounts(rollups, range.from, range.to, filters))
    const before = funnelResult(funnelCounts(rollups, previous.from, previous.to, filters))
    const stages: FunnelStageView[] = now.stages.map((s) => ({
      ...s,
      previousRate: before.stages.find((p) => p.step === s.step)?.rate ?? null,
    }))
    return {
      range,
      filters: cleanFilters(filters),
      stages,
      biggestDrop: now.biggestDrop,
      previousBiggestDrop: before.biggestDrop,
      options: funnelOptions(rollups, range.from, range.to),
      ...(filters.channel ? { note: channelNote(filters.channel) } : {}),
    }
  },

  /** 4 requests: member, team, one rollups query for [from − 28 days, to] and one spend query for the range. */
  async growth({ ctx, input }) {
    const { range } = resolveRange(input.range, ctx.now, 'range.')
    const _ = ctx.db.command
    const [rollups, spend] = await Promise.all([
      readRollups(ctx, addDays(range.from, -FORECAST_WINDOW_DAYS), range.to, { day: true, total: true, followers: true }),
      ctx
        .repo<SpendRecord>(SPEND)
        .find({ date: _.gte(range.from).and(_.lte(range.to)) }, { limit: 1000, fields: SPEND_FIELDS }),
    ])
    const target = followerTarget(ctx)
    const g = growthSummary({ rollups, from: range.from, to: range.to, target, spend: spend.filter((s) => spendCategoryOf(s) === 'promo_ads').map((s) => ({ ...s, id: s._id })) })
    return {
      range,
      series: g.series,
      total: g.total,
      netAdds: g.netAdds,
      growthRate: g.growthRate,
      organic: g.organic,
      paid: g.paid,
      paidShare: g.paidShare,
      spendFen: g.spendFen,
      costPerFollowerFen: g.costPerFollowerFen,
      target,
      forecast: g.forecast,
      // The 100,000 goal has a deadline (3 months from the plan's start): the forecast says if it is met in time.
      forecastText: forecastText(g.forecast, target, deadlineOf('followers', planStartOf(ctx.team))),
    }
  },

  /** 投流花费: the day's 广告投放 entry of actual spend (common/spendFacts.ts), superseding the one in force. */
  async logSpend({ ctx, input }) {
    refuseFields(dayNotInFutureErrors(input.date, { now: ctx.now }))
    const doc = await appendSpend(ctx, { date: input.date, category: 'promo_ads', amountFen: input.amountFen })
    ctx.audit({ subjectId: doc._id, detail: { date: doc.date, amountFen: doc.amountFen, supersedes: doc.supersedes } })
    return spendView(doc)
  },
}

function spendView(r: SpendRecord): SpendView {
  return { id: r._id, date: r.date, amountFen: r.amountFen, supersedes: r.supersedes }
}

/** The team's follower target: `team.targets.followers.value` when set, else the product default. */
function followerTarget(ctx: MemberCtx): number {
  const v = (ctx.team as { targets?: { followers?: { value?: unknown } } }).targets?.followers?.value
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : DEFAULT_FOLLOWER_TARGET
}

/** One page: [from, to] holds at most 92 + 92 (+ 28) days, under the 1,000-document cap. */
async function readRollups(ctx: MemberCtx, from: DayKey, to: DayKey, fields: Record<string, boolean>): Promise<DayRollup[]> {
  return readDayRollups(ctx, from, to, fields)
}

function cleanFilters(f: FunnelFilters): FunnelFilters {
  const out: FunnelFilters = {}
  for (const k of ['format', 'layer', 'category', 'channel'] as const) if (f[k] !== undefined) (out as Record<string, string>)[k] = f[k]!
  return out
}

