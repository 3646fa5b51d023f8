// The competitor comparison's numbers: each account's weekly follower growth rate, cadence and best
// post, ours from the daily rollups and published items, a competitor's from its weekly logs.
import { dayGrowth } from '../analytics/growth'
import { rate } from '../analytics/kpi'
import type { Sums } from '../results/metrics'
import { addDays, daysBetween, type DayKey } from '../time/china'
import type { WeekNumbers } from './competitors'
import { shiftWeek, weekMonday, type WeekKey } from '../time/weeks'

/** A logged week of a competitor, as `weeksInForce` reads it. */
export interface CompetitorWeekFact {
  id: string
  competitorId: string
  week: WeekKey
  followers: number
  posts: number
  bestLikes: number
  /** The entry in force for the same competitor and week when this one was logged. */
  supersedes: string | null
  loggedAt: Date | string
}

/**
 * The entry in force per competitor and week: the one no other entry supersedes. Two entries logged at
 * once may both supersede the same earlier one; then the later logged (then the greater id) wins, so
 * every reader agrees. Keyed `${competitorId}|${week}`.
 *
 * @example
 * weeksInForce([
 *   { id: 'a', competitorId: 'c', week: '2026-W48', followers: 100, posts: 3, bestLikes: 9, supersedes: null, loggedAt: '2026-11-30T01:00:00Z' },
 *   { id: 'b', competitorId: 'c', week: '2026-W48', followers: 120, posts: 3, bestLikes: 9, supersedes: 'a', loggedAt: '2026-11-30T02:00:00Z' },
 * ]).get('c|2026-W48')?.followers
 * //=> 120
 */
export function weeksInForce<T extends CompetitorWeekFact>(facts: readonly T[]): Map<string, T> {
  const replaced = new Set(facts.map((f) => f.supersedes).filter((s): s is string => !!s))
  const out = new Map<string, T>()
  for (const f of facts) {
    if (replaced.has(f.id)) continue
    const key = `${f.competitorId}|${f.week}`
    const cur = out.get(key)
    if (!cur || later(f, cur)) out.set(key, f)
  }
  return out
}

function later(a: CompetitorWeekFact, b: CompetitorWeekFact): boolean {
  const ta = new Date(a.loggedAt).getTime()
  const tb = new Date(b.loggedAt).getTime()
  return ta !== tb ? ta > tb : a.id > b.id
}

/**
 * A competitor's weeks from its logged entries (in force): growth rate from consecutive follower totals,
 * null when this week or the one before is missing (or the one before had no followers).
 *
 * @example
 * competitorWeeks(['2026-W48', '2026-W49'], new Map([
 *   ['2026-W47', { followers: 1000, posts: 2, bestLikes: 50 }],
 *   ['2026-W48', { followers: 1050, posts: 4, bestLikes: 80 }],
 * ]))
 * //=> [{ week: '2026-W48', followers: 1050, growthRate: 0.05, posts: 4, bestLikes: 80 },
 * //    { week: '2026-W49', followers: null, growthRate: null, posts: null, bestLikes: null }]
 */
export function competitorWeeks(weeks: readonly WeekKey[], logged: ReadonlyMap<WeekKey, Pick<CompetitorWeekFact, 'followers' | 'posts' | 'bestLikes'>>): WeekNumbers[] {
  return weeks.map((week) => {
    const e = logged.get(week)
    if (!e) return { week, followers: null, growthRate: null, posts: null, bestLikes: null }
    const before = logged.get(shiftWeek(week, -1))
    return {
      week,
      followers: e.followers,
      growthRate: before && before.followers > 0 ? rate(e.followers - before.followers, before.followers) : null,
      posts: e.posts,
      bestLikes: e.bestLikes,
    }
  })
}

/** What our side reads: daily rollups (sums and the follower total logged that day) and the posts published. */
export interface OurFacts {
  /** Rollups of [Monday of the first week − `START_LOOKBACK_DAYS`, Sunday of the last week]. */
  rollups: readonly { day: DayKey; total?: Sums; followers?: { total: number } | null }[]
  /** Our items published in the weeks, each with its likes as last logged (null: none logged yet). */
  published: readonly { day: DayKey; likes: number | null }[]
}

/** How far before a week a follower total still counts as the week's starting total. */
export const START_LOOKBACK_DAYS = 28

/**
 * Our weeks: net new followers (organic + paid + livestream − unfollows, as 粉丝增长 counts them) over the
 * latest follower total logged before the week (within 4 weeks); posts published; the best post's likes
 * as last logged. A week with nothing logged at all has no growth rate (null, not 0).
 *
 * @example
 * ourWeeks(['2026-W48'], {
 *   rollups: [{ day: '2026-11-20', followers: { total: 2000 } }, { day: '2026-11-24', total: { newFollowersOrganic: 30, unfollows: 10 } }],
 *   published: [{ day: '2026-11-24', likes: 40 }, { day: '2026-11-26', likes: 75 }],
 * })
 * //=> [{ week: '2026-W48', followers: 2000, growthRate: 0.01, posts: 2, bestLikes: 75 }]
 */
export function ourWeeks(weeks: readonly WeekKey[], facts: OurFacts): WeekNumbers[] {
  const byDay = new Map(facts.rollups.map((r) => [r.day, r]))
  const totals = facts.rollups
    .filter((r) => r.followers)
    .map((r) => ({ day: r.day, total: r.followers!.total }))
    .sort((a, b) => a.day.localeCompare(b.day))
  const latestBy = (day: DayKey, from: DayKey) => [...totals].reverse().find((t) => t.day <= day && t.day >= from)?.total ?? null
  return weeks.map((week) => {
    const monday = weekMonday(week)!
    const sunday = addDays(monday, 6)
    const days = daysBetween(monday, sunday)
    const logged = days.filter((d) => byDay.has(d))
    const netAdds = logged.reduce((s, d) => s + dayGrowth(d, byDay.get(d)!.total, null).netAdds, 0)
    const start = latestBy(addDays(monday, -1), addDays(monday, -START_LOOKBACK_DAYS))
    const posts = facts.published.filter((p) => p.day >= monday && p.day <= sunday)
    const likes = posts.map((p) => p.likes).filter((l): l is number => l !== null)
    return {
      week,
      followers: latestBy(sunday, monday) ?? start,
      growthRate: logged.length && start !== null && start > 0 ? rate(netAdds, start) : null,
      posts: posts.length,
      bestLikes: likes.length ? Math.max(...likes) : null,
    }
  })
}
