import { FORMAT_LABELS, LAYER_LABELS, type Category, type Format, type Layer } from '../content/schemas'
import { mixOf } from '../content/mix'
import { formatCount, formatKpiTarget, formatKpiValue, formatPercent } from '../format'
import { POST_METRIC_LABELS, type PostMetric } from '../results/metrics'
import type { DayRollup } from '../results/rollup'
import { VERDICT_LABELS, type AlertStatus, type AnalysisEvidence, type WeekEvidence } from './alerts'
import { funnelCounts, funnelResult } from './funnelRollups'
import { inPeriod } from './kpiData'
import { KPI_DEFS } from './kpiDefs'
import { movers, type ItemSeriesFact } from './movers'
import type { KpiKey } from './schemas'
import type { WeekResult } from './weekly'

/** An item as the evidence's mix reads it. */
export interface EvidenceItem {
  id: string
  title: string
  format: Format
  layer: Layer
  category: Category
  publishedDay: string | null
}

/**
 * What a special analysis opens with (PRODUCT.md capability 8): the run's weeks, value vs target; the
 * items that moved the KPI most over those weeks; the funnel's biggest drop-off; and what was published,
 * by format and layer. Frozen when the analysis opens, so the decision is read against the numbers it was
 * taken on.
 *
 * @example
 * buildEvidence('completionRate', weeks, { rollups, items, series }).biggestDrop //=> { text: '最大流失：播放→完播', rateDisplay: '30.0%' }
 */
export function buildEvidence(
  kpi: KpiKey,
  weeks: readonly WeekResult[],
  source: { rollups: readonly DayRollup[]; items: readonly EvidenceItem[]; series: readonly ItemSeriesFact[] },
): AnalysisEvidence {
  const p = { from: weeks[0].from, to: weeks[weeks.length - 1].to }
  const titles = new Map(source.items.map((i) => [i.id, i.title]))
  const top = movers(kpi, source.series, p).map((m) => ({ ...m, title: titles.get(m.itemId) ?? (m.title || '（未在这两周发布的内容）') }))
  const drop = funnelResult(funnelCounts(source.rollups, p.from, p.to, {})).biggestDrop
  const published = source.items.filter((i) => inPeriod(i.publishedDay, p))
  const mix = mixOf(published)
  const lines = [`共发布 ${formatCount(mix.total)} 条`]
  if (mix.total > 0) {
    for (const [k, s] of Object.entries(mix.format)) if (s.count) lines.push(`${FORMAT_LABELS[k as Format]} ${formatCount(s.count)} 条 · ${formatPercent(s.share)}`)
    for (const [k, s] of Object.entries(mix.layer)) if (s.count) lines.push(`${LAYER_LABELS[k as Layer]} ${formatCount(s.count)} 条 · ${formatPercent(s.share)}`)
  }
  const num = KPI_DEFS[kpi].numerator
  const moversBy = num ? num.plus.map((k) => POST_METRIC_LABELS[k as PostMetric]).join(' + ') : null
  return { kpi, label: KPI_DEFS[kpi].label, weeks: weeks.map((w) => weekEvidence(kpi, w)), movers: top, moversBy, biggestDrop: drop, mix: lines }
}

/** A stored week result as people read it. */
export function weekEvidence(kpi: KpiKey, r: WeekResult): WeekEvidence {
  const def = KPI_DEFS[kpi]
  return {
    week: r.week,
    from: r.from,
    to: r.to,
    verdict: r.verdict,
    verdictLabel: VERDICT_LABELS[r.verdict],
    display: formatKpiValue(def, r.value),
    targetDisplay: formatKpiTarget(def, r.target),
  }
}

/**
 * What an alert says on 看板.
 *
 * @example
 * alertText('completionRate', 'recovering') //=> '完播率连续两周未达标，已回到目标，待专项分析结案'
 */
export function alertText(kpi: KpiKey, status: AlertStatus): string {
  const base = `${KPI_DEFS[kpi].label}连续两周未达标`
  if (status === 'recovering') return `${base}，已回到目标，待专项分析结案`
  if (status === 'ended') return `${base}，专项分析已结案`
  return base
}
