import { formatDelta } from '../format'
import { dailyIncrements } from '../results/series'
import type { SeriesPoint } from '../results/views'
import { KPI_DEFS } from './kpiDefs'
import { inPeriod } from './kpiData'
import type { Period } from './range'
import type { KpiKey, Mover } from './schemas'

/** One item's snapshot series, as `movers` reads it. */
export interface ItemSeriesFact {
  itemId: string
  title: string
  points: readonly SeriesPoint[]
}

/**
 * The items that moved a post KPI's numerator most in the period (largest absolute contribution first,
 * at most `limit`), from each item's daily increments. Account-level KPIs (followers, livestream,
 * freshness, output, mix) have no per-post numerator: [].
 *
 * @example
 * movers('completionRate', [{ itemId: 'a', title: 'A', points }], { from: '2026-11-01', to: '2026-11-07' })
 * //=> [{ itemId: 'a', title: 'A', amount: 120, display: '+120' }]
 */
export function movers(kpi: KpiKey, series: readonly ItemSeriesFact[], p: Period, limit = 5): Mover[] {
  const num = KPI_DEFS[kpi].numerator
  if (!num) return []
  const out: Mover[] = []
  for (const s of series) {
    let amount = 0
    let any = false
    for (const [day, inc] of dailyIncrements(s.points)) {
      if (!inPeriod(day, p)) continue
      any = true
      for (const k of num.plus) amount += inc[k] ?? 0
      for (const k of num.minus ?? []) amount -= inc[k] ?? 0
    }
    if (any && amount !== 0) out.push({ itemId: s.itemId, title: s.title, amount, display: formatDelta(amount) })
  }
  return out.sort((x, y) => Math.abs(y.amount) - Math.abs(x.amount) || x.itemId.localeCompare(y.itemId)).slice(0, limit)
}
