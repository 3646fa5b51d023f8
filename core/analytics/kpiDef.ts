import type { Sums } from '../results/metrics'
import { rate, type Direction } from './kpi'
import { latestDay, latestOf, periodSums, publishedIn, type KpiData, type KpiResult, type KpiSource, type SumOf } from './kpiData'
import type { Period } from './range'
import type { KpiKey, KpiPart, KpiUnit } from './schemas'

/**
 * What a row of the KPI table is (`KpiDef`) and the building blocks its formulas share. The rows are in
 * ./kpiDefsCore.ts and ./kpiDefsAuxiliary.ts (by default class), joined in ./kpiDefs.ts.
 */

/** The content layer counted by 基础认知 share ("80% of posts are plain product intros"). */
export const INTRO_LAYER = 'intro'
/** The format the plan's video KPIs count (发布数量, 制作周期). */
export const VIDEO_FORMAT = 'short_video'

/** A format's share of the items published in the period (the plan's format mix: 95% vertical video today). */
export function formatShare(format: string) {
  return (data: KpiData, p: Period): KpiResult => {
    const list = publishedIn(data.items, p)
    return { value: rate(list.filter((i) => i.format === format).length, list.length), asOf: latestDay(list.map((i) => i.publishedDay)) }
  }
}

export interface KpiDef {
  key: KpiKey
  label: string
  unit: KpiUnit
  /** Word after a count ("条", "人", "次"); empty for ratios and hours. */
  unitWord: string
  direction: Direction
  /** Default target for the KPI's natural period (per ISO week for counts); a ramp's end value. How it applies to a range: ./horizons.ts. */
  target: number
  /**
   * The default target is our assumption (the plan gives no number): it lights the card, but a run of
   * misses opens no alert until a manager has set a target of the team's own (version > 0).
   */
  assumed?: boolean
  tolerance: number
  reviewedEvery: 'quarter' | 'month'
  sources: KpiSource[]
  /** How it is computed, in words. */
  formula: string
  /** The post metric(s) an item adds to the numerator (for "the items that moved it"); none for account-level KPIs. */
  numerator?: { plus: (keyof Sums)[]; minus?: (keyof Sums)[] }
  compute(data: KpiData, period: Period): KpiResult
  /** A line the card shows under its value (against the range's target), e.g. 直播转化率's 达标场次; none for most KPIs. */
  note?(data: KpiData, period: Period, target: number | null): string | null
  /** The value split into parts for the detail page (内容合格率: per review gate); most KPIs have none. */
  parts?: { title: string; compute(data: KpiData, period: Period): KpiPart[] }
}

export const HOUR_S = 3600

/** A ratio of rollup sums over the period; null without a denominator (never NaN). */
export function ratioKpi(num: (get: SumOf) => number, den: (get: SumOf) => number, sources: KpiSource[]) {
  return (data: KpiData, p: Period): KpiResult => {
    const { get, latest } = periodSums(data.rollups, p)
    return { value: rate(num(get), den(get)), asOf: latestOf(latest, sources) }
  }
}

/** A count of rollup sums over the period; null when none of its sources has data in the period. */
export function countKpi(count: (get: SumOf) => number, sources: KpiSource[]) {
  return (data: KpiData, p: Period): KpiResult => {
    const { get, latest } = periodSums(data.rollups, p)
    const asOf = latestOf(latest, sources)
    return { value: asOf ? count(get) : null, asOf }
  }
}

/** New followers the data centre calls organic, plus livestream ones (not split by source: counted organic, as the growth page does). */
export const organic = (get: SumOf) => get('newFollowersOrganic') + get('liveNewFollowers')
export const paid = (get: SumOf) => get('newFollowersPaid')
export const interactions = (get: SumOf) => get('likes') + get('comments') + get('shares') + get('favorites')
