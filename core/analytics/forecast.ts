import { addDays, daysBetween, type DayKey } from '../time/china'

export interface FollowerPoint {
  day: DayKey
  total: number
}

export type Forecast =
  | { kind: 'reached'; day: DayKey; method: string }
  | { kind: 'on_pace'; day: DayKey; perDay: number; method: string }
  | { kind: 'not_on_pace'; perDay: number | null; method: string }

export const FORECAST_WINDOW_DAYS = 28
const METHOD = '按最近 4 周粉丝总数的线性拟合（最小二乘）推算'

/**
 * Least-squares slope of totals against day index: followers gained per day.
 *
 * @example
 * slopePerDay([{ day: '2026-01-01', total: 100 }, { day: '2026-01-03', total: 120 }]) //=> 10
 */
export function slopePerDay(points: readonly FollowerPoint[]): number | null {
  if (points.length < 2) return null
  const first = points[0].day
  const xs = points.map((p) => daysBetween(first, p.day).length - 1)
  const ys = points.map((p) => p.total)
  const n = points.length
  const mx = xs.reduce((a, b) => a + b, 0) / n
  const my = ys.reduce((a, b) => a + b, 0) / n
  let num = 0
  let den = 0
  for (let i = 0; i < n; i++) {
    num += (xs[i] - mx) * (ys[i] - my)
    den += (xs[i] - mx) ** 2
  }
  return den === 0 ? null : num / den
}

/**
 * When the follower target is reached at the current pace: a linear fit of the last 4 weeks of
 * daily totals, projected from the latest total. "Not on pace" when the fit is flat or falling.
 *
 * @example
 * forecastTarget([{ day: '2026-01-01', total: 90_000 }, { day: '2026-01-29', total: 92_800 }], 100_000)
 * //=> { kind: 'on_pace', day: '2026-04-11', perDay: 100, ... }
 */
export function forecastTarget(series: readonly FollowerPoint[], target: number): Forecast {
  const sorted = [...series].sort((a, b) => a.day.localeCompare(b.day))
  const last = sorted[sorted.length - 1]
  if (last && last.total >= target) return { kind: 'reached', day: last.day, method: METHOD }
  if (!last) return { kind: 'not_on_pace', perDay: null, method: METHOD }
  const from = addDays(last.day, -FORECAST_WINDOW_DAYS)
  const perDay = slopePerDay(sorted.filter((p) => p.day >= from))
  if (perDay === null || perDay <= 0) return { kind: 'not_on_pace', perDay, method: METHOD }
  const days = Math.ceil((target - last.total) / perDay)
  return { kind: 'on_pace', day: addDays(last.day, days), perDay, method: METHOD }
}
