import type { Sums } from '../results/metrics'
import type { DayRollup } from '../results/rollup'
import { addDays, daysBetween, type DayKey } from '../time/china'
import { FORECAST_WINDOW_DAYS, forecastTarget, type FollowerPoint, type Forecast } from './forecast'
import { formatCount, formatDelta } from '../format'
import { rate } from './kpi'

/**
 * Follower growth (PRODUCT.md capability 6) from daily rollups and promotion spend facts.
 *
 * - New followers come from post snapshots (organic / paid, as the data centre splits them) and from
 *   livestreams. The data centre does not split a livestream's new followers by traffic source; they
 *   are counted as organic, so the paid share never overstates what was bought.
 * - Net adds = organic + paid − unfollows.
 * - Totals are what the team logged (`rollup.followers`); a day without a logged total stays null, and
 *   the "total" of a range is the latest total known on or before its last day.
 */
export const DEFAULT_FOLLOWER_TARGET = 100_000

export interface DayGrowth {
  day: DayKey
  total: number | null
  netAdds: number
  organic: number
  paid: number
}

/**
 * One day's growth numbers from its rollup sums.
 *
 * @example
 * dayGrowth('2026-11-01', { newFollowersOrganic: 30, newFollowersPaid: 70, liveNewFollowers: 10, unfollows: 5 }, 5000)
 * //=> { day: '2026-11-01', total: 5000, netAdds: 105, organic: 40, paid: 70 }
 */
export function dayGrowth(day: DayKey, total: Sums | undefined, followers: number | null): DayGrowth {
  const organic = (total?.newFollowersOrganic ?? 0) + (total?.liveNewFollowers ?? 0)
  const paid = total?.newFollowersPaid ?? 0
  return { day, total: followers, netAdds: organic + paid - (total?.unfollows ?? 0), organic, paid }
}

/** A promotion spend entry (投流花费) as `spendByDay` needs it. */
export interface SpendFact {
  id: string
  date: DayKey
  amountFen: number
  supersedes: string | null
  /** When it was logged: breaks a tie between two entries that both claim a day (logged at the same moment). */
  loggedAt: Date | string
}

/**
 * The entry in force per day: the one no other entry supersedes. Two entries logged at once may both
 * supersede the same earlier one; then the later logged (then the greater id) wins, so every reader agrees.
 *
 * @example
 * spendInForce([
 *   { id: 'a', date: '2026-11-01', amountFen: 100, supersedes: null, loggedAt: '2026-11-01T01:00:00Z' },
 *   { id: 'b', date: '2026-11-01', amountFen: 150, supersedes: 'a', loggedAt: '2026-11-01T02:00:00Z' },
 * ]).get('2026-11-01')?.amountFen
 * //=> 150
 */
export function spendInForce<T extends SpendFact>(facts: readonly T[]): Map<DayKey, T> {
  const replaced = new Set(facts.map((f) => f.supersedes).filter((s): s is string => !!s))
  const out = new Map<DayKey, T>()
  for (const f of facts) {
    if (replaced.has(f.id)) continue
    const cur = out.get(f.date)
    if (!cur || later(f, cur)) out.set(f.date, f)
  }
  return out
}

function later(a: SpendFact, b: SpendFact): boolean {
  const ta = new Date(a.loggedAt).getTime()
  const tb = new Date(b.loggedAt).getTime()
  return ta !== tb ? ta > tb : a.id > b.id
}

export interface GrowthSummary {
  series: DayGrowth[]
  total: number | null
  /** The latest total known before the range starts (the base of the growth rate), or null. */
  startTotal: number | null
  netAdds: number
  growthRate: number | null
  organic: number
  paid: number
  paidShare: number | null
  spendFen: number | null
  costPerFollowerFen: number | null
  forecast: Forecast
}

export interface GrowthArgs {
  /** Rollups of at least [from − 28 days, to] (fewer days simply know less). */
  rollups: readonly Pick<DayRollup, 'day' | 'total' | 'followers'>[]
  from: DayKey
  to: DayKey
  /** Spend entries dated in the range (all of them, superseded ones included). */
  spend: readonly SpendFact[]
  target: number
}

/**
 * @example
 * growthSummary({ from: '2026-11-02', to: '2026-11-03', target: 100_000, spend: [],
 *   rollups: [{ day: '2026-11-01', total: {}, followers: { total: 1000, factId: 'f' } },
 *             { day: '2026-11-02', total: { newFollowersPaid: 50 }, followers: null }] }).growthRate
 * //=> 0.05
 */
export function growthSummary(a: GrowthArgs): GrowthSummary {
  const byDay = new Map(a.rollups.map((r) => [r.day, r]))
  const series = daysBetween(a.from, a.to).map((day) => {
    const r = byDay.get(day)
    return dayGrowth(day, r?.total, r?.followers?.total ?? null)
  })
  const known = a.rollups
    .filter((r) => r.followers && r.day <= a.to)
    .map((r) => ({ day: r.day, total: r.followers!.total }))
    .sort((x, y) => x.day.localeCompare(y.day))
  const total = known.length ? known[known.length - 1].total : null
  const before = known.filter((p) => p.day < a.from)
  const startTotal = before.length ? before[before.length - 1].total : null
  const sum = (k: 'netAdds' | 'organic' | 'paid') => series.reduce((s, p) => s + p[k], 0)
  const netAdds = sum('netAdds')
  const organic = sum('organic')
  const paid = sum('paid')
  const inRange = [...spendInForce(a.spend.filter((s) => s.date >= a.from && s.date <= a.to)).values()]
  const spendFen = inRange.length ? inRange.reduce((s, e) => s + e.amountFen, 0) : null
  const perFollower = spendFen === null ? null : rate(spendFen, paid)
  return {
    series,
    total,
    startTotal,
    netAdds,
    growthRate: startTotal === null || startTotal <= 0 ? null : rate(netAdds, startTotal),
    organic,
    paid,
    paidShare: rate(paid, organic + paid),
    spendFen,
    costPerFollowerFen: perFollower === null ? null : Math.round(perFollower),
    forecast: forecastTarget(forecastSeries(known, a.to), a.target),
  }
}

/** The known totals a forecast at `to` fits: the last 4 weeks up to `to`. */
export function forecastSeries(known: readonly FollowerPoint[], to: DayKey): FollowerPoint[] {
  const from = addDays(to, -FORECAST_WINDOW_DAYS)
  return known.filter((p) => p.day >= from && p.day <= to)
}

/**
 * The forecast in words. The fitted pace is a fraction of a follower; it reads as whole followers.
 *
 * @example
 * forecastText({ kind: 'on_pace', day: '2027-03-02', perDay: 155.34, method: '' }, 100_000)
 * //=> '按当前速度预计 2027-03-02 达到 100,000 粉丝（按最近 4 周线性拟合，约每天 +155）'
 * forecastText({ kind: 'on_pace', day: '2027-03-02', perDay: 155.34, method: '' }, 100_000, '2027-02-01')
 * //=> '… 约每天 +155），晚于截止日期 2027-02-01'
 */
export function forecastText(f: Forecast, target: number, deadline?: DayKey | null): string {
  const t = formatCount(target)
  if (f.kind === 'reached') return `已达到目标 ${t} 粉丝（${f.day} 的粉丝总数）`
  const by = deadline ? `截止日期 ${deadline}` : ''
  if (f.kind === 'on_pace') {
    const text = `按当前速度预计 ${f.day} 达到 ${t} 粉丝（按最近 4 周线性拟合，约每天 ${formatDelta(f.perDay)}）`
    return deadline ? `${text}，${f.day <= deadline ? '不晚于' : '晚于'}${by}` : text
  }
  if (f.perDay === null) return `粉丝总数记录不足，无法预测何时达到 ${t} 粉丝（需要最近 4 周内至少两天的粉丝总数）`
  return `按当前速度无法达到目标 ${t} 粉丝（最近 4 周粉丝总数${f.perDay < 0 ? '在下降' : '没有增长'}${deadline ? `；${by}` : ''}）`
}
