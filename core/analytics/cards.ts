import { formatAsOf, formatKpiTarget, formatKpiValue, formatPercentChange } from '../format'
import { daysBetween } from '../time/china'
import { change, light } from './kpi'
import { KPI_DEFS } from './kpiDefs'
import type { KpiData } from './kpiData'
import { trendBuckets, type Period } from './range'
import type { DetailPoint, KpiCard, KpiKey, TargetView } from './schemas'
import { rangeTarget } from './targets'

/**
 * What a KPI card and the KPI detail page show, computed and formatted here so pages only draw it.
 */

export interface CardArgs {
  data: KpiData
  range: Period & { days: number }
  previous: Period
  target: TargetView
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
  const target = rangeTarget(def, a.target.value, a.range.days)
  const c = change(cur.value, prev.value)
  return {
    kpi,
    label: def.label,
    unit: def.unit,
    value: cur.value,
    display: formatKpiValue(def, cur.value),
    target,
    targetDisplay: formatKpiTarget(def, target),
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
