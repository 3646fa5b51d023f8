// The 周报 and 月报 as frozen documents (issue 11 part 1). Their numbers come from the dashboard's own
// `dashboardOf` for the period (so a report and the 看板 over the same days agree), plus the lists a
// weekly or monthly look needs: verdicts, funnel drop-off, top and bottom items, mix, alerts, open decisions.
import { VERDICT_LABELS } from '../../core/analytics/alerts'
import { funnelCounts, funnelResult } from '../../core/analytics/funnelRollups'
import { periodDays, periodOf } from '../../core/analytics/periods'
import type { KpiCard } from '../../core/analytics/schemas'
import type { Week } from '../../core/analytics/weekly'
import { LAYERS, LAYER_LABELS } from '../../core/content/schemas'
import { formatPercent } from '../../core/format'
import { alertLine, rankItems, RANKED_METRICS, type AlertLine, type MonthlyContent, type RankedItemFact, type Ranking, type VerdictRow, type WeeklyContent } from '../../core/reports/periodic'
import type { SeriesPoint } from '../../core/results/views'
import { addDays, dayKey, startOfDay, type DayKey } from '../../core/time/china'
import type { AlertRecord, KpiWeekRecord } from '../common/db/analytics'
import { ALERTS, ITEM_SERIES, ITEMS, KPI_WEEKS } from '../common/db/collections'
import type { ItemRecord } from '../common/db/content'
import type { SeriesRecord } from '../common/db/results'
import { openAnalyses } from './alerts'
import { dashboardOf, type ReadCtx } from './dashboard'
import { readDayRollups, teamItems } from './read'
import { kpiWeekId } from './weekly'

/** Series read for the rankings: the items logged most recently since the period began (a team publishes a few a day). */
const RANK_CANDIDATES = 300
const ALERTS_READ = 100

type Span = { from: DayKey; to: DayKey }

/** Top and bottom items of the span by completion and by interaction (2 requests: series, then the items' tags). */
async function rankings(ctx: ReadCtx, span: Span): Promise<Ranking[]> {
  const series = await ctx
    .repo<SeriesRecord>(ITEM_SERIES)
    .find({ updatedAt: ctx.db.command.gte(startOfDay(span.from)) }, { orderBy: ['updatedAt', 'desc'], limit: RANK_CANDIDATES, fields: { _id: true, itemId: true, points: true } })
  const inSpan = series.filter((s) => (s.points ?? []).some((p) => p.date >= span.from && p.date <= span.to))
  const items = inSpan.length
    ? await ctx.repo<ItemRecord>(ITEMS).find({ _id: ctx.db.command.in(inSpan.map((s) => s.itemId)) }, { limit: inSpan.length, fields: { _id: true, title: true, layer: true, category: true, format: true } })
    : []
  const byId = new Map(items.map((i) => [i._id, i]))
  const facts: RankedItemFact[] = inSpan.flatMap((s) => {
    const i = byId.get(s.itemId)
    return i ? [{ itemId: i._id, title: i.title, layer: i.layer, category: i.category, format: i.format, points: (s.points ?? []) as SeriesPoint[] }] : []
  })
  return RANKED_METRICS.map((m) => rankItems(m, facts, span))
}

/** Alerts opened and ended within the span (2 requests). */
async function alertsIn(ctx: ReadCtx, span: Span): Promise<{ opened: AlertLine[]; ended: AlertLine[] }> {
  const _ = ctx.db.command
  const inSpan = _.gte(startOfDay(span.from)).and(_.lt(startOfDay(addDays(span.to, 1))))
  const fields = { _id: true, kpi: true, status: true, analysisId: true, createdAt: true, endedAt: true }
  const repo = ctx.repo<AlertRecord>(ALERTS)
  const [opened, ended] = await Promise.all([
    repo.find({ createdAt: inSpan }, { orderBy: ['createdAt', 'asc'], limit: ALERTS_READ, fields }),
    repo.find({ endedAt: inSpan }, { orderBy: ['endedAt', 'asc'], limit: ALERTS_READ, fields }),
  ])
  return {
    opened: opened.map((a) => alertLine(a, dayKey(a.createdAt), '开启')),
    ended: ended.map((a) => alertLine(a, dayKey(a.endedAt!), '结束')),
  }
}

/** The funnel's biggest drop-off in the span and in the span before (1 request). */
async function funnelDrop(ctx: ReadCtx, span: Span, previous: Span): Promise<WeeklyContent['funnel']> {
  const rollups = await readDayRollups(ctx, previous.from, span.to, { day: true, total: true, by: true })
  const now = funnelResult(funnelCounts(rollups, span.from, span.to, {})).biggestDrop
  const before = funnelResult(funnelCounts(rollups, previous.from, previous.to, {})).biggestDrop
  return { biggestDrop: now?.text ?? null, rate: now?.rateDisplay ?? null, previousBiggestDrop: before?.text ?? null, previousRate: before?.rateDisplay ?? null }
}

/** Items published in the span by content layer (1 request). */
async function publishedMix(ctx: ReadCtx, span: Span): Promise<{ published: number; mix: WeeklyContent['mix'] }> {
  const published = (await teamItems(ctx.db, ctx.team._id, [span])).filter((i) => i.status === 'published')
  const n = published.length
  const mix = LAYERS.map((l) => {
    const count = published.filter((i) => i.layer === l).length
    return { label: LAYER_LABELS[l], count, share: n ? formatPercent(count / n) : '—' }
  })
  return { published: n, mix }
}

function verdictRows(cards: KpiCard[], stored: KpiWeekRecord | null): VerdictRow[] {
  return cards.map((c) => {
    const verdict = stored?.results[c.kpi]?.verdict ?? null
    return { kpi: c.kpi, label: c.label, verdict, verdictLabel: verdict ? VERDICT_LABELS[verdict] : '未评定' }
  })
}

/**
 * A 周报's content for a completed ISO week, as read at `ctx.now`: the dashboard for the seven days
 * (9 requests), the week's stored verdicts (1), the funnel of this week and the last (1), the
 * rankings (2), the published mix (1) and the alerts (2) — ~16 requests, whatever the history.
 */
export async function buildWeekly(ctx: ReadCtx, w: Week): Promise<WeeklyContent> {
  const span = { from: w.from, to: w.to }
  const previous = { from: addDays(w.from, -7), to: addDays(w.from, -1) }
  const [dash, stored, funnel, ranked, mix, alerts] = await Promise.all([
    dashboardOf(ctx, { range: 'custom', from: w.from, to: w.to }),
    ctx.repo<KpiWeekRecord>(KPI_WEEKS).get(kpiWeekId(ctx.team._id, w.week)),
    funnelDrop(ctx, span, previous),
    rankings(ctx, span),
    publishedMix(ctx, span),
    alertsIn(ctx, span),
  ])
  return {
    week: w.week,
    cards: dash.cards,
    verdicts: verdictRows(dash.cards, stored),
    funnel,
    rankings: ranked,
    mix: mix.mix,
    published: mix.published,
    alertsOpened: alerts.opened,
    alertsEnded: alerts.ended,
    asOfText: dash.asOf.text,
  }
}

/**
 * A 月报's content for a completed month: auxiliary KPIs over the month and core KPIs over the quarter
 * to the month's end (each KPI judged on its own period, targets scaled to the days shown), the month's
 * best and worst items, published count, alerts and the open special analyses (~17 requests).
 */
export async function buildMonthly(ctx: ReadCtx, month: string): Promise<MonthlyContent> {
  const span = periodDays(month)
  const quarterFrom = periodDays(periodOf('quarter', span.from)).from
  const [monthDash, quarterDash, ranked, mix, alerts, decisions] = await Promise.all([
    dashboardOf(ctx, { range: 'custom', from: span.from, to: span.to }),
    dashboardOf(ctx, { range: 'custom', from: quarterFrom, to: span.to }),
    rankings(ctx, span),
    publishedMix(ctx, span),
    alertsIn(ctx, span),
    openAnalyses(ctx),
  ])
  return {
    month,
    monthCards: monthDash.cards.filter((c) => c.reviewedEvery === 'month'),
    quarterCards: quarterDash.cards.filter((c) => c.reviewedEvery === 'quarter'),
    quarterFrom,
    rankings: ranked,
    published: mix.published,
    alertsOpened: alerts.opened,
    alertsEnded: alerts.ended,
    openDecisions: decisions,
    asOfText: monthDash.asOf.text,
  }
}
