import type { analyticsContract } from '../../core/api/analytics'
import { VERDICT_LABELS } from '../../core/analytics/alerts'
import { dailySeries, kpiCard } from '../../core/analytics/cards'
import { baselineWindow } from '../../core/analytics/horizons'
import type { PathEntry } from '../../core/analytics/conversionPath'
import type { KpiData, LiveSessionFact } from '../../core/analytics/kpiData'
import { KPI_DEFS } from '../../core/analytics/kpiDefs'
import { movers } from '../../core/analytics/movers'
import { resolveRange, type Period } from '../../core/analytics/range'
import type { Dashboard, DataAsOf, KpiKey, MissingItem, RangeInput, WeekMark } from '../../core/analytics/schemas'
import { KPIS } from '../../core/analytics/schemas'
import { formatCount } from '../../core/format'
import type { DayRollup } from '../../core/results/rollup'
import type { SeriesPoint } from '../../core/results/views'
import { addDays, dayKey, startOfDay, type DayKey } from '../../core/time/china'
import type { Handlers } from '../common/action'
import type { MemberCtx } from '../common/context'
import { Repo } from '../common/repo'
import type { DbLike } from '../common/sdk'
import type { TeamRecord } from '../common/db/team'
import type { KpiWeekRecord } from '../common/db/analytics'
import { ITEM_SERIES, ITEMS, KPI_WEEKS } from '../common/db/collections'
import type { ItemRecord } from '../common/db/content'
import { seriesId, type SeriesRecord } from '../common/db/results'
import { openAlerts } from './alerts'
import { itemFact, planBasisOf, planStartOf, readDayRollupSpans, targetsOf, teamFirstOutcomes, teamItems, teamLiveSessions, toRollup, type ItemLite } from './read'
import { judgedWeeks, kpiWeekId } from './weekly'

type C = typeof analyticsContract

/**
 * What the dashboard's reads need of a call: the team, the db and the clock. A handler passes its
 * MemberCtx; the report job builds one per team (jobCtx), so a 日报 is computed by this very code.
 */
export type ReadCtx = Pick<MemberCtx, 'db' | 'team' | 'now' | 'repo'>

/** A ReadCtx for a job that runs without a caller, scoped to the team it names. */
export function jobCtx(db: DbLike, team: TeamRecord, now: Date): ReadCtx {
  return { db, team, now, repo: <T extends { _id: string }>(c: Parameters<MemberCtx['repo']>[0], teamId?: string) => new Repo<T>(db, c, teamId ?? team._id) }
}

/** Published items of the last 14 days are checked for missing numbers (DataAsOf). */
const RECENT_DAYS = 14
/** Scheduled items are planned up to this far ahead; reading them lets cycle time count items approved but not yet out. */
const SCHEDULED_AHEAD_DAYS = 30
const MISSING_SHOWN = 20
/** kpiDetail's movers: series of items logged in the range, newest updates first; a phone lists five, 200 candidates is plenty. */
const MOVER_CANDIDATES = 200

/**
 * What the dashboard reads, in at most 4 requests after the wrapper's 2 (member, team — the targets
 * come with the team): (1) day rollups of the range and the period before, and of the 8 weeks around
 * the plan's start for its baselines (≤ 184 + 57 documents); (2) items published or scheduled in that
 * window plus the last 14 days (a projection; grows with publishing cadence, not history); (3) the
 * window's livestream sessions, for the per-session 直播转化率 (a handful a week), and review gates' first
 * outcomes of the window's months (≤ 8 documents); (4) item series of the last 14 days' published items,
 * for "missing numbers". (1)–(3) go out together.
 * No snapshot, lead or decision is ever scanned here.
 */
async function readWindow(ctx: ReadCtx, window: Period) {
  const today = dayKey(ctx.now)
  const recent: Period = { from: addDays(today, -(RECENT_DAYS - 1)), to: addDays(today, SCHEDULED_AHEAD_DAYS) }
  const planStart = planStartOf(ctx.team)
  // The plan's baselines come from the 8 weeks around its start: read in the same request as the range's.
  const rollupsQ = readDayRollupSpans(ctx, [window, baselineWindow(planStart)], { _id: true, day: true, total: true, followers: true })
  const itemsQ = teamItems(ctx.db, ctx.team._id, mergeSpans([window, recent]))
  const [records, items, sessions, firstOutcomes] = await Promise.all([rollupsQ, itemsQ, teamLiveSessions(ctx.db, ctx.team._id, window), teamFirstOutcomes(ctx.db, ctx.team._id, [window])])
  const all = records.map(toRollup)
  const plan = planBasisOf(ctx.team, all)
  const rollups = all.filter((r) => r.day >= window.from && r.day <= window.to)
  return { rollups, items, sessions, firstOutcomes, today, plan }
}

/** Overlapping or adjacent day spans merged, so the items query reads each item once. */
function mergeSpans(spans: Period[]): Period[] {
  const sorted = [...spans].sort((a, b) => a.from.localeCompare(b.from))
  const out: Period[] = []
  for (const s of sorted) {
    const last = out[out.length - 1]
    if (last && s.from <= addDays(last.to, 1)) last.to = s.to > last.to ? s.to : last.to
    else out.push({ ...s })
  }
  return out
}

function data(w: { rollups: DayRollup[]; items: ItemLite[]; sessions: LiveSessionFact[]; firstOutcomes: KpiData['firstOutcomes'] }, paths?: PathEntry[]): KpiData {
  return { rollups: w.rollups, items: w.items.map(itemFact), sessions: w.sessions, firstOutcomes: w.firstOutcomes, paths }
}

/** Published items of the last 14 days without a point for yesterday or today, from their series. */
async function dataAsOf(ctx: ReadCtx, rollups: DayRollup[], items: ItemLite[], today: DayKey, to: DayKey): Promise<DataAsOf> {
  const yesterday = addDays(today, -1)
  const from = addDays(today, -(RECENT_DAYS - 1))
  const recent = items.filter((i) => i.status === 'published' && i.day && i.day >= from && i.day <= today)
  const series = recent.length
    ? await ctx.repo<SeriesRecord>(ITEM_SERIES).find({ _id: ctx.db.command.in(recent.map((i) => seriesId(ctx.team._id, i._id))) }, { limit: recent.length, fields: { _id: true, itemId: true, points: true } })
    : []
  const pointsOf = new Map(series.map((s) => [s.itemId, s.points ?? []]))
  const missing: MissingItem[] = []
  for (const i of recent) {
    const points = pointsOf.get(i._id) ?? []
    if (points.some((p) => p.date === today || p.date === yesterday)) continue
    missing.push({ id: i._id, title: i.title, ownerId: i.ownerId, publishedDay: i.day!, lastDay: points.length ? points[points.length - 1].date : null })
  }
  missing.sort((a, b) => a.publishedDay.localeCompare(b.publishedDay) || a.id.localeCompare(b.id))
  const latestDay = latestLogged(rollups, to)
  const parts = [latestDay ? `作品数据截至 ${latestDay.slice(5)}` : '暂无作品数据']
  if (missing.length) parts.push(`${formatCount(missing.length)} 条已发布作品缺少昨日或今日数据`)
  return { latestDay, missing: missing.slice(0, MISSING_SHOWN), missingCount: missing.length, text: parts.join('；') }
}

/** The latest day up to `to` with post numbers logged. */
function latestLogged(rollups: DayRollup[], to: DayKey): DayKey | null {
  let latestDay: DayKey | null = null
  for (const r of rollups) if (r.total.itemsLogged && r.day <= to && (!latestDay || r.day > latestDay)) latestDay = r.day
  return latestDay
}

/** The freshness line without the missing-numbers list (no request). */
async function latestOnly(rollups: DayRollup[], to: DayKey): Promise<DataAsOf> {
  const latestDay = latestLogged(rollups, to)
  return { latestDay, missing: [], missingCount: 0, text: latestDay ? `作品数据截至 ${latestDay.slice(5)}` : '暂无作品数据' }
}

/** Verdicts shown on a card: the last four judged weeks. */
const MARKED_WEEKS = 4

/** The stored verdicts of the last judged weeks, by id (one request; weeks not yet judged are simply absent). */
async function recentVerdicts(ctx: ReadCtx): Promise<KpiWeekRecord[]> {
  const ids = judgedWeeks(ctx.now, MARKED_WEEKS).map((w) => kpiWeekId(ctx.team._id, w.week))
  const list = await ctx.repo<KpiWeekRecord>(KPI_WEEKS).find({ _id: ctx.db.command.in(ids) }, { limit: ids.length })
  return list.sort((a, b) => a.week.localeCompare(b.week))
}

function weekMark(w: KpiWeekRecord, kpi: KpiKey): WeekMark {
  const verdict = w.results[kpi]?.verdict ?? 'untargeted'
  return { week: w.week, verdict, label: VERDICT_LABELS[verdict] }
}


/** A range's cards and the window they were computed from, for reports that read more off the same rollups and items. */
export interface RangeCards {
  dash: Dashboard
  rollups: DayRollup[]
  items: ItemLite[]
  /** The stored verdicts of the last four judged weeks. */
  weeks: KpiWeekRecord[]
}

/**
 * The cards of a range with what they read. `lean` (a 周报 or 月报): no open alerts and no list of items
 * missing numbers (the freshness line then only names the latest logged day), no week marks on the cards:
 * 5 requests instead of 7.
 */
export async function rangeCards(ctx: ReadCtx, input: RangeInput, opts: { lean?: boolean } = {}): Promise<RangeCards> {
  const { range, previous } = resolveRange(input, ctx.now)
  const win = await readWindow(ctx, { from: previous.from, to: range.to })
  const { rollups, items, today, plan } = win
  const d = data(win, ctx.team.conversionPaths)
  const targets = targetsOf(ctx.team, ctx.now)
  const [asOf, alerts, weeks] = await Promise.all([
    opts.lean ? latestOnly(rollups, range.to) : dataAsOf(ctx, rollups, items, today, range.to),
    opts.lean ? Promise.resolve([]) : openAlerts(ctx),
    recentVerdicts(ctx),
  ])
  const dash: Dashboard = {
    range,
    previous,
    // A report's cards carry no week marks: those are the last four weeks as of now, and a report of an
    // older period would show weeks after it (a 周报 lists its own week's verdicts instead).
    cards: KPIS.map((k) => {
      const card = kpiCard(k, { data: d, range, previous, target: targets.get(k)!, plan })
      return opts.lean ? card : { ...card, weeks: weeks.map((w) => weekMark(w, k)) }
    }),
    asOf,
    alerts,
    generatedAt: ctx.now.toISOString(),
  }
  return { dash, rollups, items, weeks }
}

/** The dashboard for a range: KPI cards with lights and verdicts, data freshness, open alerts (9 requests). */
export async function dashboardOf(ctx: ReadCtx, input: RangeInput): Promise<Dashboard> {
  return (await rangeCards(ctx, input)).dash
}

export const dashboardHandlers: Pick<Handlers<C>, 'dashboard' | 'kpiDetail'> = {
  async dashboard({ ctx, input }) {
    return dashboardOf(ctx, input)
  },

  async kpiDetail({ ctx, input }) {
    const { range, previous } = resolveRange(input.range, ctx.now, 'range.')
    const win = await readWindow(ctx, { from: previous.from, to: range.to })
    const { items, plan } = win
    const d = data(win, ctx.team.conversionPaths)
    const def = KPI_DEFS[input.kpi]
    const card = kpiCard(input.kpi, { data: d, range, previous, target: targetsOf(ctx.team, ctx.now).get(input.kpi)!, plan })
    let top: ReturnType<typeof movers> = []
    if (def.numerator) {
      // Items with numbers in the range were logged at or after its first day, so their series changed since then.
      const candidates = await ctx
        .repo<SeriesRecord>(ITEM_SERIES)
        .find({ updatedAt: ctx.db.command.gte(startOfDay(range.from)) }, { orderBy: ['updatedAt', 'desc'], limit: MOVER_CANDIDATES, fields: { _id: true, itemId: true, points: true } })
      const ranked = movers(input.kpi, candidates.map((s) => ({ itemId: s.itemId, title: '', points: (s.points ?? []) as SeriesPoint[] })), range)
      const known = new Map(items.map((i) => [i._id, i.title]))
      const unknown = ranked.filter((m) => !known.has(m.itemId)).map((m) => m.itemId)
      if (unknown.length) {
        for (const i of await ctx.repo<ItemRecord>(ITEMS).find({ _id: ctx.db.command.in(unknown) }, { limit: unknown.length, fields: { _id: true, title: true } })) known.set(i._id, i.title)
      }
      top = ranked.map((m) => ({ ...m, title: known.get(m.itemId) ?? '（已删除的内容）' }))
    }
    const parts = def.parts ? { title: def.parts.title, rows: def.parts.compute(d, range) } : undefined
    return { card, series: dailySeries(input.kpi, d, range), movers: top, formula: def.formula, ...(parts ? { parts } : {}) }
  },
}
