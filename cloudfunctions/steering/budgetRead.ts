// The budget view of one year: the plan (one document), its latest revisions, the year's spend entries in
// force and, for the unit costs, the year-to-date daily rollups and published videos. 7 requests
// (member, team, then these five in parallel) whatever the history; the rollups are one request by id.
import { VIDEO_FORMAT } from '../../core/analytics/kpiDef'
import {
  actualByCategory,
  BUDGET_CATEGORIES,
  BUDGET_CATEGORY_GROUP,
  BUDGET_CATEGORY_LABELS,
  BUDGET_GROUP_LABELS,
  budgetCategoryLabel,
  burnRate,
  paceDays,
  monthLines,
  planTotal,
  spendCategoryOf,
  unitCosts,
  yearEndForecast,
  yearProgress,
  type MonthPlan,
} from '../../core/steering/budget'
import type { BudgetRevisionView, BudgetSpendView, BudgetView } from '../../core/steering/budgetSchemas'
import { addDays, dayKey, daysBetween, startOfDay, type DayKey } from '../../core/time/china'
import type { MemberCtx } from '../common/context'
import { BUDGET_PLANS, BUDGET_REVISIONS, ITEMS, ROLLUPS, SPEND } from '../common/db/collections'
import type { ItemRecord } from '../common/db/content'
import { rollupId, type RollupRecord } from '../common/db/results'
import { budgetPlanId, type BudgetPlanRecord, type BudgetRevisionRecord } from '../common/db/steering'
import { inForce, SPEND_FIELDS, type SpendEntry } from '../common/spendFacts'

/** Revisions the page lists. */
const HISTORY_SHOWN = 20
/** Spend entries the page lists. */
const RECENT_SHOWN = 12
/** A year's entries: ten categories every day with corrections stays under it (read page by page). */
const SPEND_CAP = 10_000
/** Published items in a year: ten a day. */
const ITEMS_CAP = 4000

export async function budgetView(ctx: MemberCtx, year: number): Promise<BudgetView> {
  const today = dayKey(ctx.now)
  const { elapsed, days } = yearProgress(year, today)
  const first = `${year}-01-01`
  const through: DayKey | null = elapsed === 0 ? null : addDays(first, elapsed - 1)
  const _ = ctx.db.command
  const [plan, revisions, spend, rollups, videos] = await Promise.all([
    ctx.repo<BudgetPlanRecord>(BUDGET_PLANS).get(budgetPlanId(ctx.team._id, year)),
    ctx.repo<BudgetRevisionRecord>(BUDGET_REVISIONS).find({ year }, { orderBy: ['at', 'desc'], limit: HISTORY_SHOWN }),
    ctx.repo<SpendEntry & { teamId: string }>(SPEND).find({ date: _.gte(first).and(_.lte(`${year}-12-31`)) }, { limit: SPEND_CAP, fields: SPEND_FIELDS }),
    through ? readRollups(ctx, first, through) : Promise.resolve([]),
    through ? publishedVideos(ctx, first, through) : Promise.resolve(0),
  ])
  const entries = [...inForce(spend).values()]
  const plans = monthPlans(plan)
  const lines = monthLines(plans, entries)
  const currentMonth = through ? Number(through.slice(5, 7)) : 0
  const ytdActual = lines.reduce((s, l) => s + l.actualFen, 0)
  const ytdPlans = lines.slice(0, currentMonth).map((l) => l.planFen).filter((v): v is number => v !== null)
  const ytdPlan = ytdPlans.length ? ytdPlans.reduce((s, v) => s + v, 0) : null
  const annualPlans = lines.map((l) => l.planFen).filter((v): v is number => v !== null)
  const annualPlanFen = annualPlans.length ? annualPlans.reduce((s, v) => s + v, 0) : null
  // The pace runs from the year's first planned month or spend entry, whichever is first (see paceDays).
  const firstPlanned = lines.find((l) => l.planFen !== null)
  const firstSpent = entries.reduce<DayKey | null>((min, e) => (min === null || e.date < min ? e.date : min), null)
  const firstActive = [firstPlanned ? `${year}-${String(firstPlanned.month).padStart(2, '0')}-01` : null, firstSpent].filter((d): d is DayKey => d !== null).sort()[0] ?? null
  const pace = paceDays(year, today, firstActive)
  const forecastFen = yearEndForecast(ytdActual, pace, days - elapsed)
  const yearActual = actualByCategory(entries)
  const sum = (k: keyof NonNullable<RollupRecord['total']>) => rollups.reduce((s, r) => s + (r.total?.[k] ?? 0), 0)
  const basis = {
    newFollowers: sum('newFollowersOrganic') + sum('newFollowersPaid') + sum('liveNewFollowers'),
    paidFollowers: sum('newFollowersPaid'),
    inquiries: sum('inquiries') + sum('leads'),
    orders: sum('orders') + sum('liveOrders'),
    gmvFen: sum('gmvFen') + sum('liveGmvFen'),
    publishedVideos: videos,
  }
  return {
    year,
    years: [year - 1, year, year + 1].filter((y) => y >= 2020 && y <= 2100),
    categories: BUDGET_CATEGORIES.map((key) => ({ key, label: BUDGET_CATEGORY_LABELS[key], group: BUDGET_CATEGORY_GROUP[key], groupLabel: BUDGET_GROUP_LABELS[BUDGET_CATEGORY_GROUP[key]] })),
    months: lines.map((l) => {
      const monthActual = actualByCategory(entries.filter((e) => Number(e.date.slice(5, 7)) === l.month))
      const monthPlan = plans[l.month] ?? {}
      return {
        ...l,
        label: `${l.month}月`,
        lines: BUDGET_CATEGORIES.filter((c) => monthPlan[c] !== undefined || monthActual[c] > 0).map((category) => ({ category, planFen: monthPlan[category] ?? null, actualFen: monthActual[category] })),
      }
    }),
    annualPlanFen,
    ytd: { through, planFen: ytdPlan, actualFen: ytdActual, over: ytdPlan !== null && ytdActual > ytdPlan },
    burnRateFen: burnRate(ytdActual, pace),
    paceFrom: pace > 0 ? (firstActive && firstActive > first ? firstActive : first) : null,
    forecastFen,
    forecastVsPlanFen: forecastFen !== null && annualPlanFen !== null ? forecastFen - annualPlanFen : null,
    byCategory: BUDGET_CATEGORIES.map((category) => {
      const planned = lines.map((l) => plans[l.month]?.[category]).filter((v): v is number => v !== undefined)
      return { category, planFen: planned.length ? planned.reduce((s, v) => s + v, 0) : null, actualFen: yearActual[category] }
    }),
    unitCosts: unitCosts({ spendFen: ytdActual, adsFen: yearActual.promo_ads, ...basis }),
    basis,
    history: revisions.map(revisionView),
    recentSpend: entries
      .sort((a, b) => b.date.localeCompare(a.date) || new Date(b.loggedAt).getTime() - new Date(a.loggedAt).getTime())
      .slice(0, RECENT_SHOWN)
      .map(spendEntryView),
    planVersion: plan?.version ?? 0,
  }
}

/** The stored months ('1'–'12') as numbers; a month with an empty plan has none. */
function monthPlans(plan: BudgetPlanRecord | null): Partial<Record<number, MonthPlan>> {
  const out: Partial<Record<number, MonthPlan>> = {}
  for (const [m, p] of Object.entries(plan?.months ?? {})) if (p && planTotal(p) !== null) out[Number(m)] = p
  return out
}

/** The team's daily sums for [from, to] in one request by id (one document per day). */
async function readRollups(ctx: MemberCtx, from: DayKey, to: DayKey): Promise<RollupRecord[]> {
  const ids = daysBetween(from, to).map((d) => rollupId(ctx.team._id, d))
  return ctx.repo<RollupRecord>(ROLLUPS).find({ _id: ctx.db.command.in(ids) }, { limit: ids.length, fields: { _id: true, day: true, total: true } })
}

/** Videos published in [from, to] (China time), as the 视频发布数 KPI counts them. */
async function publishedVideos(ctx: MemberCtx, from: DayKey, to: DayKey): Promise<number> {
  const _ = ctx.db.command
  const list = await ctx
    .repo<Pick<ItemRecord, '_id' | 'format'> & { teamId: string }>(ITEMS)
    .find({ status: 'published', publishedAt: _.gte(startOfDay(from)).and(_.lt(startOfDay(addDays(to, 1)))) }, { orderBy: ['publishedAt', 'desc'], limit: ITEMS_CAP, fields: { _id: true, format: true } })
  return list.filter((i) => i.format === VIDEO_FORMAT).length
}

function revisionView(r: BudgetRevisionRecord): BudgetRevisionView {
  return {
    id: r._id,
    month: r.month,
    category: r.category,
    categoryLabel: budgetCategoryLabel(r.category),
    kind: r.kind,
    beforeFen: r.beforeFen,
    afterFen: r.afterFen,
    reason: r.reason,
    byName: r.byName,
    at: new Date(r.at).toISOString(),
  }
}

export function spendEntryView(e: SpendEntry): BudgetSpendView {
  return {
    id: e._id,
    date: e.date,
    category: spendCategoryOf(e),
    amountFen: e.amountFen,
    supersedes: e.supersedes,
    reason: e.reason ?? null,
    loggedByName: e.loggedByName,
  }
}
