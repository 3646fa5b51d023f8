import { fieldError, refuseFields } from '../errors'
import { addDays, dayKey, daysBetween, weekStart, type DayKey } from '../time/china'
import type { RangeInput, ResolvedRange } from './schemas'

/** The longest custom range: a quarter. Reads stay bounded by it (rollups for the range and the one before). */
export const MAX_RANGE_DAYS = 92

export const RANGE_KINDS = ['today', 'week', 'month', 'custom'] as const
export type RangeKind = (typeof RANGE_KINDS)[number]

export interface Period {
  from: DayKey
  to: DayKey
}

/** A resolved range and the equal period immediately before it (what `change` compares against). */
export interface RangeWithPrevious {
  range: ResolvedRange
  previous: Period
}

/**
 * Days of `from..to` inclusive, counted without building the list.
 *
 * @example
 * dayCount('2026-11-01', '2026-11-07') //=> 7
 */
export function dayCount(from: DayKey, to: DayKey): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1
}

/**
 * Resolves a dashboard range in China time:
 * - today: today only;
 * - week: the ISO week containing today, from its Monday up to today (days not yet lived have no data);
 * - month: the calendar month up to today;
 * - custom: from..to as given, at most MAX_RANGE_DAYS (92) days, else VALIDATION naming 结束日期.
 * The previous period is the same number of days immediately before `from`.
 *
 * @example
 * resolveRange({ range: 'week' }, new Date('2026-11-26T04:00:00Z')) // a Thursday in Beijing
 * //=> { range: { kind: 'week', from: '2026-11-23', to: '2026-11-26', days: 4, label: '本周 11-23 至 11-26' },
 * //     previous: { from: '2026-11-19', to: '2026-11-22' } }
 */
export function resolveRange(input: RangeInput, now: Date, path = ''): RangeWithPrevious {
  const today = dayKey(now)
  let from: DayKey
  let to: DayKey = today
  switch (input.range) {
    case 'today':
      from = today
      break
    case 'week':
      from = weekStart(today)
      break
    case 'month':
      from = `${today.slice(0, 7)}-01`
      break
    case 'custom': {
      const fields = []
      if (!input.from) fields.push({ path: `${path}from`, message: '开始日期：自定义范围必填' })
      if (!input.to) fields.push({ path: `${path}to`, message: '结束日期：自定义范围必填' })
      refuseFields(fields)
      from = input.from!
      to = input.to!
      if (from > to) throw fieldError(`${path}to`, '结束日期：不能早于开始日期')
      if (dayCount(from, to) > MAX_RANGE_DAYS) throw fieldError(`${path}to`, `结束日期：范围不能超过 ${MAX_RANGE_DAYS} 天`)
      break
    }
  }
  const days = dayCount(from, to)
  const previous = { from: addDays(from, -days), to: addDays(from, -1) }
  return { range: { kind: input.range, from, to, days, label: rangeLabel(input.range, from, to, today) }, previous }
}

/**
 * What a range reads as: "今天 11-26", "本周 11-23 至 11-26", "本月 11-01 至 11-26", "11-01 至 11-20"
 * (full dates when the range is not in the current year).
 */
export function rangeLabel(kind: ResolvedRange['kind'], from: DayKey, to: DayKey, today: DayKey): string {
  const short = from.slice(0, 4) === today.slice(0, 4) && to.slice(0, 4) === today.slice(0, 4)
  const d = (x: DayKey) => (short ? x.slice(5) : x)
  const span = from === to ? d(from) : `${d(from)} 至 ${d(to)}`
  const prefix = { today: '今天', week: '本周', month: '本月', custom: '' }[kind]
  return prefix ? `${prefix} ${span}` : span
}

/** A stretch of days a trend point covers. */
export interface Bucket extends Period {
  /** e.g. '11-23' for a day, '11-23 起' for a week. */
  label: string
}

/** Ranges longer than this are drawn per ISO week. */
export const DAILY_TREND_MAX_DAYS = 31

/**
 * The trend's buckets: one per day, or per ISO week (clipped to the range) when it is longer than 31 days.
 *
 * @example
 * trendBuckets('2026-11-01', '2026-11-03').map((b) => b.from) //=> ['2026-11-01', '2026-11-02', '2026-11-03']
 * trendBuckets('2026-10-01', '2026-11-30').length //=> 10 (Thu 10-01 … Mon 11-30, partial weeks at both ends)
 */
export function trendBuckets(from: DayKey, to: DayKey): Bucket[] {
  if (dayCount(from, to) <= DAILY_TREND_MAX_DAYS) return daysBetween(from, to).map((d) => ({ from: d, to: d, label: d.slice(5) }))
  const out: Bucket[] = []
  for (let start = from; start <= to; ) {
    const end = addDays(weekStart(start), 6)
    const stop = end < to ? end : to
    out.push({ from: start, to: stop, label: `${start.slice(5)} 起` })
    start = addDays(stop, 1)
  }
  return out
}
