import type { Sums } from '../results/metrics'
import type { DayRollup } from '../results/rollup'
import type { GateOutcome } from '../review/firstPass'
import type { DayKey } from '../time/china'
import type { PathEntry } from './conversionPath'
import type { Period } from './range'

/**
 * What a KPI is computed from — day rollups, the items published in a range, the livestream sessions (for
 * the per-session 直播转化率), review gates' first outcomes (内容合格率) and the team's conversion path — and
 * the small readings of them the KPI table's formulas share (period sums, the follower total in force, the
 * items published in a period). The formulas themselves are in ./kpiDefs.ts.
 */

/** Where a KPI's numbers come from, for "数据截至": the latest day in the range with such data. */
export type KpiSource = 'posts' | 'followers' | 'leads' | 'live' | 'items' | 'cycle' | 'logs' | 'path' | 'reviews'

/** An item as the dashboard reads it (a projection of the items collection). */
export interface ItemFact {
  id: string
  title: string
  status: string
  layer: string
  /** short_video / livestream / image_text: the plan's video KPIs (output, cycle time) count short videos only. */
  format: string
  /** China-time day it went out (null unless published). */
  publishedDay: DayKey | null
  /** Production cycle time (topic approved → final approved) in seconds; absent without a production. */
  cycleSeconds?: number | null
  /** China-time day of its final approval, when it had a production. */
  finalApprovedDay?: DayKey | null
}

/** A livestream session as 直播转化率 reads it: the version in force (corrections applied), on its China-time day. */
export interface LiveSessionFact {
  id: string
  day: DayKey
  orders: number
  uniqueViewers: number
}

export interface KpiData {
  /** Day rollups covering at least the period (and, for follower totals, the days before it that were read). */
  rollups: readonly DayRollup[]
  items: readonly ItemFact[]
  /** The team's conversion path versions (on the team document; absent where a caller has none). */
  paths?: readonly PathEntry[]
  /**
   * Livestream sessions of the period: a median per session cannot come from additive rollups. Absent when
   * not read: 直播转化率 then has no value.
   */
  sessions?: readonly LiveSessionFact[]
  /** The first outcome of each item's review gate, by China-time day (内容合格率); absent when not read. */
  firstOutcomes?: readonly Pick<GateOutcome, 'day' | 'gateKey' | 'gateName' | 'passed'>[]
}

export interface KpiResult {
  value: number | null
  /** Latest day in the period (or, for a level, on or before its end) with data behind the value. */
  asOf: DayKey | null
}

/** Reads one summed metric of the period (0 when nothing was logged). */
export type SumOf = (k: keyof Sums) => number

/**
 * Whether a day falls in the period, ends included; no day never does.
 *
 * @example
 * inPeriod('2026-11-09', { from: '2026-11-09', to: '2026-11-15' }) //=> true
 * inPeriod(null, { from: '2026-11-09', to: '2026-11-15' })         //=> false
 */
export function inPeriod(day: DayKey | null | undefined, p: Period): boolean {
  return !!day && day >= p.from && day <= p.to
}

/**
 * Sums of the rollups' totals over the period, and the latest day each source has data.
 *
 * @example
 * const { get, latest } = periodSums(rollups, { from: '2026-11-09', to: '2026-11-15' })
 * get('plays') //=> 100
 * latest.posts //=> '2026-11-12'
 */
export function periodSums(rollups: readonly DayRollup[], p: Period): { get: SumOf; latest: Partial<Record<KpiSource, DayKey>> } {
  const sums: Record<string, number> = {}
  const latest: Partial<Record<KpiSource, DayKey>> = {}
  const mark = (s: KpiSource, day: DayKey) => {
    if (!latest[s] || latest[s]! < day) latest[s] = day
  }
  for (const r of rollups) {
    if (!inPeriod(r.day, p)) continue
    for (const [k, v] of Object.entries(r.total)) sums[k] = (sums[k] ?? 0) + (v as number)
    if (r.total.itemsLogged) mark('posts', r.day)
    if (r.total.leads) mark('leads', r.day)
    if (r.total.liveSessions) mark('live', r.day)
    if (r.total.logsTimed) mark('logs', r.day)
    if (r.followers) mark('followers', r.day)
  }
  const get = (k: keyof Sums) => sums[k] ?? 0
  return { get, latest }
}

/**
 * The latest day any of `sources` has data, from `periodSums`' `latest`.
 *
 * @example
 * latestOf({ posts: '2026-11-12', live: '2026-11-14' }, ['posts', 'live']) //=> '2026-11-14'
 * latestOf({}, ['posts'])                                                  //=> null
 */
export function latestOf(latest: Partial<Record<KpiSource, DayKey>>, sources: KpiSource[]): DayKey | null {
  let out: DayKey | null = null
  for (const s of sources) if (latest[s] && (!out || latest[s]! > out)) out = latest[s]!
  return out
}

/**
 * The follower total in force on `onOrBefore`: the latest logged on or before it among the rollups
 * read (and not before `notBefore`, when given); null when none was logged.
 *
 * @example
 * followerTotal(rollups, '2026-11-15') //=> { total: 40_900, day: '2026-11-13' }
 */
export function followerTotal(rollups: readonly DayRollup[], onOrBefore: DayKey, notBefore?: DayKey): { total: number; day: DayKey } | null {
  let best: DayRollup | null = null
  for (const r of rollups) {
    if (!r.followers || r.day > onOrBefore || (notBefore && r.day < notBefore)) continue
    if (!best || r.day > best.day) best = r
  }
  return best ? { total: best.followers!.total, day: best.day } : null
}

/** The items published in the period (by their China-time publish day). */
export function publishedIn(items: readonly ItemFact[], p: Period): ItemFact[] {
  return items.filter((i) => i.status === 'published' && inPeriod(i.publishedDay, p))
}

/**
 * The latest of some days, skipping missing ones; null when there is none.
 *
 * @example
 * latestDay(['2026-11-09', null, '2026-11-12']) //=> '2026-11-12'
 */
export function latestDay(days: (DayKey | null | undefined)[]): DayKey | null {
  let out: DayKey | null = null
  for (const d of days) if (d && (!out || d > out)) out = d
  return out
}

/** The day an item's cycle time counts on: its final approval (older records without it: its publish day). */
export function approvedDay(i: ItemFact): DayKey | null {
  return i.finalApprovedDay ?? i.publishedDay ?? null
}

/**
 * 客单价 in 元 (GMV is stored in fen); null without orders, or without GMV logged for them (not ¥0).
 *
 * @example
 * yuanPerOrder(59_800, 2) //=> 299
 * yuanPerOrder(0, 2)      //=> null
 */
export function yuanPerOrder(gmvFen: number, orders: number): number | null {
  return orders > 0 && gmvFen > 0 ? gmvFen / orders / 100 : null
}
