import { formatAsOf, formatKpiTarget, formatKpiValue, formatPercentChange } from '../format'
import type { KpiDef } from './kpiDefs'
import { daysBetween } from '../time/china'
import { change, light } from './kpi'
import { KPI_DEFS } from './kpiDefs'
import type { KpiData } from './kpiData'
import { trendBuckets, type Period } from './range'
import type { DetailPoint, KpiCard, KpiKey } from './schemas'
import type { TargetView } from './targetSchemas'
import { HORIZONS, rangeTargetOf, upliftText, type PlanBasis, type RangeTarget } from './horizons'

/**
 * What a KPI card and the KPI detail page show, computed and formatted here so pages only draw it.
 */

export interface CardArgs {
  data: KpiData
  range: Period & { days: number }
  previous: Period
  target: TargetView
  /** The plan's start and measured baselines, for ramps and relative targets. */
  plan: PlanBasis
}

/**
 * One KPI card: value, range target, light, change against the previous equal period, trend and "as of".
 *
 * @example
 * // 35 completions of 100 plays against the default 50%
 * kpiCard('completionRate', { data, range, previous, target }) //=> { display: '35.0%', light: 'red', … }
 */
export function kpiCard(kpi: KpiKey, a: CardArgs): KpiCard {
  const def = KPI_DEFS[kpi]
  const cur = def.compute(a.data, a.range)
  const prev = def.compute(a.data, a.previous)
  const rt = rangeTargetOf(kpi, a.target, a.plan, a.range)
  const target = rt.value
  const c = change(cur.value, prev.value)
  const note = def.note?.(a.data, a.range, target)
  return {
    kpi,
    label: def.label,
    unit: def.unit,
    reviewedEvery: a.target.reviewedEvery,
    value: cur.value,
    display: formatKpiValue(def, cur.value),
    target,
    targetDisplay: formatKpiTarget(def, target),
    horizonText: horizonText(kpi, def, rt),
    ...(note ? { note } : {}),
    direction: def.direction,
    light: target === null ? 'none' : light(cur.value, target, def.direction, a.target.tolerance),
    previous: prev.value,
    change: c,
    changeDisplay: formatPercentChange(c),
    trend: trendBuckets(a.range.from, a.range.to).map((b) => def.compute(a.data, b).value),
    asOf: cur.asOf,
    asOfText: formatAsOf(cur.asOf),
  }
}

/**
 * One value per day of the range, formatted (the detail page's series).
 *
 * @example
 * dailySeries('output', data, { from: '2026-11-09', to: '2026-11-10' })
 * //=> [{ day: '2026-11-09', value: 1, display: '1 条' }, { day: '2026-11-10', value: 0, display: '0 条' }]
 */
export function dailySeries(kpi: KpiKey, data: KpiData, p: Period): DetailPoint[] {
  const def = KPI_DEFS[kpi]
  return daysBetween(p.from, p.to).map((day) => {
    const v = def.compute(data, { from: day, to: day }).value
    return { day, value: v, display: formatKpiValue(def, v) }
  })
}

/**
 * Where a card's 本期目标 comes from, in a few words: a ramp's end and deadline, a relative target's
 * baseline, how a weekly or monthly target was scaled; null for a target that needs no words.
 *
 * @example
 * horizonText('completionRate', KPI_DEFS.completionRate, { value: 0.4, end: 0.5, deadline: '2027-03-01', baseline: 0.35 })
 * //=> '终期 ≥ 50.0% · 2027-03-01 截止'
 */
export function horizonText(kpi: KpiKey, def: KpiDef, t: RangeTarget): string | null {
  const h = HORIZONS[kpi]
  if (h.kind === 'ramp') {
    if (t.end === null) return null
    const end = `终期 ${formatKpiTarget(def, t.end)} · ${t.deadline} 截止`
    return t.baseline === null ? `${end}（缺少起点数据）` : end
  }
  if (h.kind === 'relative') {
    if (t.value === null) return '缺少基线，请设定目标'
    if (t.baseline === null) return h.scale === 'week' ? `按每周 ${formatKpiTarget(def, t.end)}折算` : null
    const perWeek = h.scale === 'week' ? '/周' : ''
    // In the plan's own words: "+200%", "+25%".
    return `基线 ${formatKpiValue(def, t.baseline)}${perWeek} ${upliftText(h.factor)}`
  }
  if (t.end === null) return null
  if (h.scale === 'week') return `按每周 ${formatKpiTarget(def, t.end)}折算`
  if (h.scale === 'compoundMonth') return `每月 ${formatKpiTarget(def, t.end)}，按复利折算`
  return null
}
