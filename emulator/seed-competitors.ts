// Two watched accounts for the demo team (a 同行 and a 标杆) with 8 weeks of plausible public numbers, so a
// new user opens 竞品对比 on a populated chart. One of the peer's weeks is left unlogged on purpose: the
// comparison shows it as "—", as it would for a week someone forgot.
import { COMPETITORS, COMPETITOR_WEEKS } from '../cloudfunctions/common/db/collections'
import type { CompetitorRecord, CompetitorWeekRecord } from '../cloudfunctions/common/db/research'
import { lastCompletedWeek, shiftWeek, weekMonday } from '../core/time/weeks'
import { addDays } from '../core/time/china'
import type { Store } from './store'

/** The comparison's 8 weeks and the one before them (the first week's growth rate needs it). */
const WEEKS = 9

interface Profile {
  key: string
  name: string
  kind: CompetitorRecord['kind']
  note: string
  start: number
  /** Weekly growth, low and high. */
  growth: [number, number]
  posts: [number, number]
  likes: [number, number]
  /** Weeks back (0 = the last completed) left unlogged. */
  missing: number[]
}

const PROFILES: Profile[] = [
  { key: 'peer', name: '同城净水小王', kind: 'peer', note: '本地同行，主打上门安装和售后', start: 52_000, growth: [0.008, 0.02], posts: [4, 7], likes: [600, 2_400], missing: [3] },
  { key: 'bench', name: '家电头部品牌官方号', kind: 'benchmark', note: '行业标杆，学习选题和直播节奏', start: 860_000, growth: [0.003, 0.007], posts: [10, 14], likes: [18_000, 60_000], missing: [] },
]

export function seedCompetitors(store: Store, teamId: string, loggers: { id: string; name: string }[], now: Date): void {
  let n = 7
  const rand = () => ((n = (n * 16807) % 2147483647) - 1) / 2147483646
  const between = ([lo, hi]: [number, number]) => lo + (hi - lo) * rand()
  const last = lastCompletedWeek(now)
  const competitors: CompetitorRecord[] = []
  const weeks: CompetitorWeekRecord[] = []
  PROFILES.forEach((p, i) => {
    const who = loggers[i % loggers.length]
    const addedAt = new Date(`${weekMonday(shiftWeek(last, -WEEKS))}T10:00:00+08:00`)
    const id = `demo_competitor_${p.key}`
    competitors.push({ _id: id, teamId, name: p.name, kind: p.kind, note: p.note, channelId: '', archived: false, createdAt: addedAt, updatedAt: addedAt, createdBy: who.id, version: 0 })
    let followers = p.start
    for (let back = WEEKS - 1; back >= 0; back--) {
      const week = shiftWeek(last, -back)
      followers = Math.round(followers * (1 + between(p.growth)))
      if (p.missing.includes(back)) continue
      // Logged on the Monday after the week, mid-morning (or now, early on that Monday).
      const monday = new Date(`${addDays(weekMonday(week)!, 7)}T10:${String(10 + i).padStart(2, '0')}:00+08:00`)
      const loggedAt = new Date(Math.min(monday.getTime(), now.getTime()))
      weeks.push({
        _id: `demo_cweek_${p.key}_${week}`,
        teamId,
        competitorId: id,
        week,
        followers,
        posts: Math.round(between(p.posts)),
        bestLikes: Math.round(between(p.likes)),
        supersedes: null,
        loggedByName: who.name,
        loggedAt,
        createdAt: loggedAt,
        updatedAt: loggedAt,
        createdBy: who.id,
        version: 0,
      })
    }
  })
  store.insert(COMPETITORS, competitors as unknown as Record<string, unknown>[])
  store.insert(COMPETITOR_WEEKS, weeks as unknown as Record<string, unknown>[])
}
