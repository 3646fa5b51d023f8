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
import type { DayRollup } from '../../core/results/rollup'
import type { SeriesPoint } from '../../core/results/views'
import { addDays, dayKey, startOfDay, type DayKey } from '../../core/time/china'
import type { AlertRecord, KpiWeekRecord } from '../common/db/analytics'
import { ALERTS, ITEM_SERIES, ITEMS, KPI_WEEKS } from '../common/db/collections'
import type { ItemRecord } from '../common/db/content'
import type { SeriesRecord } from '../common/db/results'
import { openAnalyses } from './alerts'
import { rangeCards, type ReadCtx } from './dashboard'
import type { ItemLite } from './read'
import { kpiWeekId } from './weekly'

/** Series read for the rankings: the items logged most recently since the period began (a team publishes a few a day). */
const RANK_CANDIDATES = 200
const ALERTS_READ = 100

type Span = { from: DayKey; to: DayKey }

/**
 * Top and bottom items of the span by completion and by interaction: one request for the series logged
 * since the span began, one more for the tags of items the window did not already read (none, usually).
 */
async function rankings(ctx: ReadCtx, span: Span, known: readonly ItemLite[]): Promise<Ranking[]> {
  const series = await ctx
    .repo<SeriesRecord>(ITEM_SERIES)
    .find({ updatedAt: ctx.db.command.gte(startOfDay(span.from)) }, { orderBy: ['updatedAt', 'desc'], limit: RANK_CANDIDATES, fields: { _id: true, itemId: true, points: true } })
  const inSpan = series.filter((s) => (s.points ?? []).some((p) => p.date >= span.from && p.date <= span.to))
  const byId = new Map<string, Pick<ItemRecord, '_id' | 'title' | 'layer' | 'category' | 'format'>>(known.map((i) => [i._id, i as ItemLite & Pick<ItemRecord, 'layer' | 'category' | 'format'>]))
  const unknown = inSpan.map((s) => s.itemId).filter((id) => !byId.has(id))
  if (unknown.length) {
    for (const i of await ctx.repo<ItemRecord>(ITEMS).find({ _id: ctx.db.command.in(unknown) }, { limit: unknown.length, fields: { _id: true, title: true, layer: true, category: true, format: true } })) byId.set(i._id, i)
  }
  const facts: RankedItemFact[] = inSpan.flatMap((s) => {
    const i = byId.get(s.itemId)
    return i ? [{ itemId: i._id, title: i.title, layer: i.layer, category: i.category, format: i.format, points: (s.points ?? []) as SeriesPoint[] }] : []
  })
  return RANKED_METRICS.map((m) => rankItems(m, facts, span))
}

/** Alerts opened and ended within the span (2 requests, one per index: an $or across two date fields serves neither). */
async function alertsIn(ctx: ReadCtx, span: Span): Promise<{ opened: AlertLine[]; ended: AlertLine[] }> {
  const _ = ctx.db.command
  const inSpan = () => _.gte(startOfDay(span.from)).and(_.lt(startOfDay(addDays(span.to, 1))))
  const fields = { _id: true, kpi: true, status: true, analysisId: true, createdAt: true, endedAt: true }
  const repo = ctx.repo<AlertRecord>(ALERTS)
  const [opened, ended] = await Promise.all([
    repo.find({ createdAt: inSpan() }, { orderBy: ['createdAt', 'asc'], limit: ALERTS_READ, fields }),
    repo.find({ endedAt: inSpan() }, { orderBy: ['endedAt', 'asc'], limit: ALERTS_READ, fields }),
  ])
  return {
    opened: opened.map((a) => alertLine(a, dayKey(a.createdAt), '开启')),
    ended: ended.map((a) => alertLine(a, dayKey(a.endedAt!), '结束')),
  }
}

/** The funnel's biggest drop-off in the span and in the span before, from the window's rollups (no request). */
function funnelDrop(rollups: DayRollup[], span: Span, previous: Span): WeeklyContent['funnel'] {
  const now = funnelResult(funnelCounts(rollups, span.from, span.to, {})).biggestDrop
  const before = funnelResult(funnelCounts(rollups, previous.from, previous.to, {})).biggestDrop
  return { biggestDrop: now?.text ?? null, rate: now?.rateDisplay ?? null, previousBiggestDrop: before?.text ?? null, previousRate: before?.rateDisplay ?? null }
}

/** Items published in the span by content layer, from the window's items (no request). */
function publishedMix(items: readonly ItemLite[], span: Span): { published: number; mix: WeeklyContent['mix'] } {
  const published = items.filter((i) => i.status === 'published' && i.day && i.day >= span.from && i.day <= span.to)
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
 * A 周报's content for a completed ISO week, as read at `ctx.now`: the week's cards from the dashboard's
 * own code (5 requests: rollups of this week and the last with the plan's baseline weeks, items, sessions,
 * first outcomes, the last four weeks' verdicts), the week's verdicts (one more only when older than
 * those four), the rankings (1–2) and the alerts (2): 8–10 requests whatever the history. The funnel and
 * the mix are read off the same rollups and items.
 */
export async function buildWeekly(ctx: ReadCtx, w: Week): Promise<WeeklyContent> {
  const span = { from: w.from, to: w.to }
  const previous = { from: addDays(w.from, -7), to: addDays(w.from, -1) }
  const rc = await rangeCards(ctx, { range: 'custom', from: w.from, to: w.to }, { lean: true })
  const [stored, ranked, alerts] = await Promise.all([
    rc.weeks.find((x) => x.week === w.week) ?? ctx.repo<KpiWeekRecord>(KPI_WEEKS).get(kpiWeekId(ctx.team._id, w.week)),
    rankings(ctx, span, rc.items),
    alertsIn(ctx, span),
  ])
  const mix = publishedMix(rc.items, span)
  return {
    week: w.week,
    cards: rc.dash.cards,
    verdicts: verdictRows(rc.dash.cards, stored),
    funnel: funnelDrop(rc.rollups, span, previous),
    rankings: ranked,
    mix: mix.mix,
    published: mix.published,
    alertsOpened: alerts.opened,
    alertsEnded: alerts.ended,
    asOfText: rc.dash.asOf.text,
  }
}

/**
 * A 月报's content for a completed month: auxiliary KPIs over the month and core KPIs over the quarter
 * to the month's end (each KPI judged on its own period, targets scaled to the days shown), the month's
 * best and worst items, published count, alerts and the open special analyses (~15 requests: two windows).
 */
export async function buildMonthly(ctx: ReadCtx, month: string): Promise<MonthlyContent> {
  const span = periodDays(month)
  const quarterFrom = periodDays(periodOf('quarter', span.from)).from
  const [monthly, quarter] = await Promise.all([
    rangeCards(ctx, { range: 'custom', from: span.from, to: span.to }, { lean: true }),
    rangeCards(ctx, { range: 'custom', from: quarterFrom, to: span.to }, { lean: true }),
  ])
  const [ranked, alerts, decisions] = await Promise.all([rankings(ctx, span, quarter.items), alertsIn(ctx, span), openAnalyses(ctx)])
  return {
    month,
    monthCards: monthly.dash.cards.filter((c) => c.reviewedEvery === 'month'),
    quarterCards: quarter.dash.cards.filter((c) => c.reviewedEvery === 'quarter'),
    quarterFrom,
    rankings: ranked,
    published: publishedMix(quarter.items, span).published,
    alertsOpened: alerts.opened,
    alertsEnded: alerts.ended,
    openDecisions: decisions,
    asOfText: monthly.dash.asOf.text,
  }
}
