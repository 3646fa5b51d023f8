// 周报 and 月报 (issue 11 part 1): what their frozen documents hold and the pure rules that fill them —
// which items rank top and bottom in a period, titles, the list line. The 日报's own parts stay in schemas.ts.
import type { AlertStatus, AnalysisSummary } from '../analytics/alerts'
import { ALERT_STATUS_LABELS } from '../analytics/alerts'
import { KPI_DEFS } from '../analytics/kpiDefs'
import type { KpiCard, KpiKey } from '../analytics/schemas'
import type { WeekVerdict } from '../analytics/weekly'
import { CATEGORY_LABELS, FORMAT_LABELS, LAYER_LABELS, type Category, type Format, type Layer } from '../content/schemas'
import { formatCount, formatPercent } from '../format'
import { dailyIncrements } from '../results/series'
import type { SeriesPoint } from '../results/views'
import { addDays, type DayKey } from '../time/china'

/** An item needs this many plays in the period to be ranked: a rate over a handful of plays says nothing. */
export const RANK_MIN_PLAYS = 100
/** Items shown at each end of a ranking. */
export const RANK_SHOWN = 3
/** The rankings a 周报 and a 月报 carry. */
export const RANKED_METRICS = ['completionRate', 'interactionRate'] as const
export type RankedMetric = (typeof RANKED_METRICS)[number]

export interface ItemRank {
  itemId: string
  title: string
  /** "深度价值 · 品牌 · 短视频". */
  tags: string
  plays: number
  rate: number
  /** "42.1%（播放 1,234）". */
  display: string
}

export interface Ranking {
  metric: RankedMetric
  label: string
  /** Items with at least RANK_MIN_PLAYS plays in the period. */
  ranked: number
  top: ItemRank[]
  /** Lowest first; never repeats an item of `top` (fewer than 2 × RANK_SHOWN ranked items share them out). */
  bottom: ItemRank[]
}

export interface RankedItemFact {
  itemId: string
  title: string
  layer: Layer
  category: Category
  format: Format
  points: readonly SeriesPoint[]
}

/**
 * Top and bottom items by a post KPI's rate over the period (its numerator ÷ plays, from the daily
 * increments inside the period, as the KPI card counts them). Ties: more plays first, then id.
 *
 * @example
 * rankItems('completionRate', facts, { from: '2026-11-23', to: '2026-11-29' }).top[0].display //=> '48.0%（播放 1,250）'
 */
export function rankItems(metric: RankedMetric, facts: readonly RankedItemFact[], p: { from: DayKey; to: DayKey }): Ranking {
  const num = KPI_DEFS[metric].numerator!
  const rows: ItemRank[] = []
  for (const f of facts) {
    let plays = 0
    let hits = 0
    for (const [day, inc] of dailyIncrements(f.points)) {
      if (day < p.from || day > p.to) continue
      plays += inc.plays ?? 0
      for (const k of num.plus) hits += inc[k] ?? 0
    }
    if (plays < RANK_MIN_PLAYS) continue
    const rate = Math.min(1, Math.max(0, hits / plays))
    rows.push({
      itemId: f.itemId,
      title: f.title,
      tags: [LAYER_LABELS[f.layer], CATEGORY_LABELS[f.category], FORMAT_LABELS[f.format]].join(' · '),
      plays,
      rate,
      display: `${formatPercent(rate)}（播放 ${formatCount(plays)}）`,
    })
  }
  const byRate = (a: ItemRank, b: ItemRank) => b.rate - a.rate || b.plays - a.plays || a.itemId.localeCompare(b.itemId)
  rows.sort(byRate)
  const top = rows.slice(0, RANK_SHOWN)
  const bottom = rows.slice(Math.max(top.length, rows.length - RANK_SHOWN)).reverse()
  return { metric, label: KPI_DEFS[metric].label, ranked: rows.length, top, bottom }
}

/** One KPI's frozen verdict for the report's week (the two-week rule's), or 未评定 when the week was not judged. */
export interface VerdictRow {
  kpi: KpiKey
  label: string
  verdict: WeekVerdict | null
  verdictLabel: string
}

/** An alert opened or ended in the period, as one line. */
export interface AlertLine {
  id: string
  kpi: KpiKey
  label: string
  status: AlertStatus
  statusLabel: string
  analysisId: string
  /** "11-24 开启" / "11-30 结束". */
  when: string
}

export function alertLine(a: { _id: string; kpi: KpiKey; status: AlertStatus; analysisId: string }, at: DayKey, verb: '开启' | '结束'): AlertLine {
  return { id: a._id, kpi: a.kpi, label: KPI_DEFS[a.kpi].label, status: a.status, statusLabel: ALERT_STATUS_LABELS[a.status], analysisId: a.analysisId, when: `${at.slice(5)} ${verb}` }
}

/** What a 周报 holds: the completed week against its targets, then what moved it. */
export interface WeeklyContent {
  week: string
  /** The dashboard's cards for the week; `change` is against the week before. */
  cards: KpiCard[]
  verdicts: VerdictRow[]
  /** "最大流失：播放→完播" this week and the week before (null: no funnel numbers). */
  funnel: { biggestDrop: string | null; rate: string | null; previousBiggestDrop: string | null; previousRate: string | null }
  rankings: Ranking[]
  /** Items published in the week by content layer, e.g. [{ label: '基础认知', count: 2, share: '40.0%' }]. */
  mix: { label: string; count: number; share: string }[]
  published: number
  alertsOpened: AlertLine[]
  alertsEnded: AlertLine[]
  asOfText: string
}

/** What a 月报 holds: attainment by each KPI's own period, the month's best cases, and what the monthly review must decide. */
export interface MonthlyContent {
  month: string
  /** Auxiliary KPIs (reviewed monthly) over the month. */
  monthCards: KpiCard[]
  /** Core KPIs (reviewed quarterly) from the quarter's first day to the month's last. */
  quarterCards: KpiCard[]
  quarterFrom: DayKey
  rankings: Ranking[]
  published: number
  alertsOpened: AlertLine[]
  alertsEnded: AlertLine[]
  /** Open special analyses: the decisions the monthly review meeting has to take. */
  openDecisions: AnalysisSummary[]
  asOfText: string
}

/**
 * The month whose 月报 is due on `day` (China time): the calendar month before it.
 *
 * @example
 * previousMonth('2026-12-01') //=> '2026-11'
 * previousMonth('2027-01-15') //=> '2026-12'
 */
export function previousMonth(day: DayKey): string {
  return addDays(`${day.slice(0, 7)}-01`, -1).slice(0, 7)
}

/** "周报 · 2026-W48（11-23 至 11-29）". */
export function weeklyTitle(week: string, from: DayKey, to: DayKey): string {
  return `周报 · ${week}（${from.slice(5)} 至 ${to.slice(5)}）`
}

/** "月报 · 2026 年 11 月". */
export function monthlyTitle(month: string): string {
  return `月报 · ${month.slice(0, 4)} 年 ${Number(month.slice(5, 7))} 月`
}

/** How many red cards, missed weeks and alerts opened a periodic report has, for its list line. */
export function periodicHeadline(c: { red: number; misses?: number; alerts: number; decisions?: number }): string {
  const parts = [c.red ? `红灯 ${c.red} 项` : '无红灯']
  if (c.misses) parts.push(`周未达标 ${c.misses} 项`)
  parts.push(c.alerts ? `新预警 ${c.alerts} 项` : '无新预警')
  if (c.decisions) parts.push(`待决策 ${c.decisions} 项`)
  return parts.join(' · ')
}
