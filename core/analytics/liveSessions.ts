import { formatCount, formatPercent } from '../format'
import type { DayKey } from '../time/china'
import { rate, type Direction } from './kpi'
import { inPeriod, latestDay, type KpiData, type KpiResult, type LiveSessionFact } from './kpiData'
import type { Period } from './range'

/**
 * 直播转化率 per session (PRODUCT.md: "≥ 8% per session … share of sessions at target, and the median"):
 * each session's orders ÷ unique viewers; a range reads as the median of its sessions, with the share of
 * sessions at target beside it. A pooled rate would let one big session hide several weak ones.
 */

/** A stored session as read for supersession: a correction is a new record naming the one it replaces. */
export interface LiveSessionRecord extends LiveSessionFact {
  supersedes: string | null
}

/**
 * The sessions in force whose day lies in one of the spans. A record another one supersedes is left out,
 * so a corrected session counts once, with its corrected numbers and on its corrected day.
 *
 * @example
 * sessionsInForce([{ id: 'a', day: '2026-11-10', orders: 5, uniqueViewers: 100, supersedes: null },
 *   { id: 'b', day: '2026-11-10', orders: 9, uniqueViewers: 100, supersedes: 'a' }], [{ from: '2026-11-09', to: '2026-11-15' }])
 * //=> [{ id: 'b', day: '2026-11-10', orders: 9, uniqueViewers: 100 }]
 */
export function sessionsInForce(records: readonly LiveSessionRecord[], spans: readonly Period[]): LiveSessionFact[] {
  const replaced = new Set(records.map((r) => r.supersedes).filter(Boolean))
  return records
    .filter((r) => !replaced.has(r.id) && spans.some((p) => inPeriod(r.day, p)))
    .map((r) => ({ id: r.id, day: r.day, orders: r.orders, uniqueViewers: r.uniqueViewers }))
    .sort((a, b) => a.day.localeCompare(b.day) || a.id.localeCompare(b.id))
}

export interface SessionRates {
  /** Each counted session's conversion, ascending. */
  rates: number[]
  /** Sessions with no unique viewers: no conversion to count (neither 0% nor a hit), left out and said so. */
  skipped: number
  /** Latest day in the period with a session. */
  asOf: DayKey | null
}

/**
 * The conversions of the period's sessions.
 *
 * @example
 * sessionRates([{ id: 'a', day: '2026-11-10', orders: 9, uniqueViewers: 100 }, { id: 'b', day: '2026-11-11', orders: 0, uniqueViewers: 0 }], { from: '2026-11-09', to: '2026-11-15' })
 * //=> { rates: [0.09], skipped: 1, asOf: '2026-11-11' }
 */
export function sessionRates(sessions: readonly LiveSessionFact[], p: Period): SessionRates {
  const rates: number[] = []
  let skipped = 0
  const days: DayKey[] = []
  for (const s of sessions) {
    if (!inPeriod(s.day, p)) continue
    days.push(s.day)
    const r = rate(s.orders, s.uniqueViewers)
    if (r === null) skipped++
    else rates.push(r)
  }
  return { rates: rates.sort((a, b) => a - b), skipped, asOf: latestDay(days) }
}

/**
 * The middle value (the mean of the two middle ones for an even count); null for none.
 *
 * @example
 * median([0.09, 0.03, 0.05])       //=> 0.05
 * median([0.03, 0.05, 0.07, 0.2])  //=> 0.06
 * median([])                       //=> null
 */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null
  const v = [...values].sort((a, b) => a - b)
  const mid = Math.floor(v.length / 2)
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2
}

/** 直播转化率 over a period: the median of its sessions' conversions; null without a counted session (or sessions not read). */
export function liveConversion(data: KpiData, p: Period): KpiResult {
  if (!data.sessions) return { value: null, asOf: null }
  const r = sessionRates(data.sessions, p)
  return { value: median(r.rates), asOf: r.asOf }
}

/**
 * The card's line under the median: how many sessions met the target in force, and sessions left out
 * for want of viewers; null without sessions.
 *
 * @example
 * // 3 of 5 sessions at or above 8%, one more without viewers
 * sessionsNote(data, week, 0.08, 'higher') //=> '达标场次 3/5（60.0%）；1 场无观看人数未计入'
 */
export function sessionsNote(data: KpiData, p: Period, target: number | null, direction: Direction): string | null {
  if (!data.sessions) return null
  const { rates, skipped } = sessionRates(data.sessions, p)
  const parts: string[] = []
  if (rates.length) {
    if (target === null) parts.push(`共 ${formatCount(rates.length)} 场`)
    else {
      const met = rates.filter((r) => (direction === 'higher' ? r >= target : r <= target)).length
      parts.push(`达标场次 ${formatCount(met)}/${formatCount(rates.length)}（${formatPercent(met / rates.length)}）`)
    }
  }
  if (skipped) parts.push(`${formatCount(skipped)} 场无观看人数未计入`)
  return parts.length ? parts.join('；') : null
}
