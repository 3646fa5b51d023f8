// What the two-week rule's int tests (weeklyVerdicts.int.test.ts, weeklyAnalyses.int.test.ts) share: the
// weeks they run on, the arrangement of team A's targets, and helpers that log a week's numbers, fire the
// `weeklyVerdicts` timer and read what it stored.
//
// The functions take their time from `new Date()` (defineFunction's default), so the clock is jest's
// fake system time (timers stay real); createTestCloud's `now` follows the same clock for server dates
// and the outbox.
//
// Arrangement: team A's plan started a year before the first week (its ramps have ended, so the targets
// are the values in force) and every KPI but 完播率 has no target (stored value null, 'untargeted'), so
// 完播率 is the only KPI that can miss and every alert, analysis and notification in the tests is its.
import { KPIS } from '../../core/analytics/schemas'
import { addDays, isoWeekKey, type DayKey } from '../../core/time/china'
import type { TestCloud } from '../../test/support/cloud'
import { chinaAt as at } from '../../test/support/clock'
import { ok, type World } from '../../test/support/world'
import type { AlertRecord, KpiWeekRecord } from '../common/db/analytics'
import { ALERTS, ANALYSES, KPI_WEEKS, NOTIFICATIONS, TEAMS } from '../common/db/collections'

/** Monday of the first week the tests log numbers in (ISO week 2031-W10). */
export const D0: DayKey = '2031-03-03'
export const day = (n: number) => addDays(D0, n)
/** The ISO week key of the i-th week from D0 (0 = D0's week). */
export const wk = (i: number) => isoWeekKey(day(7 * i))
/** The Monday after week i, when week i is judged. */
export const mondayAfter = (i: number) => day(7 * (i + 1))

/**
 * The helpers, over the cloud and world that `arrange` is given before each test:
 *
 * @example
 * const { arrange, all, timer } = weeklyHelpers()
 * worldOnFakeClock(day(2), async (c, world) => { cloud = c; w = world; await arrange(c, world) })
 */
export function weeklyHelpers() {
  let cloud: TestCloud
  let w: World
  let cum = { plays: 0, completions: 0 }
  let seq = 0

  /** The test's cloud and world, nothing logged yet; team A judged on 完播率 alone (45%), team B on nothing. */
  async function arrange(c: TestCloud, world: World) {
    cloud = c
    w = world
    cum = { plays: 0, completions: 0 }
    const noTarget = { value: null, tolerance: 0.1, version: 1, updatedAt: null, updatedByName: null }
    const targets = Object.fromEntries(KPIS.filter((k) => k !== 'completionRate').map((k) => [k, noTarget]))
    cloud.store.update(TEAMS, { _id: w.teamA }, { $set: { planStartDay: addDays(D0, -365), targets } }, { multi: false, upsert: false } as never)
    // team B (judged from its creation on W0's Wednesday) has no targets at all: it opens nothing
    cloud.store.update(TEAMS, { _id: w.teamB }, { $set: { targets: { ...targets, completionRate: noTarget } } }, { multi: false, upsert: false } as never)
    // The manager sets 完播率 to 45%: 20% weeks miss it (red below 40.5%), 75% weeks hit it.
    await ok(cloud, 'analytics', w.openid.admin, 'setTarget', { kpi: 'completionRate', value: 0.45, tolerance: 0.1, reason: '本季度目标', version: 0 })
  }

  const call = (openid: string, action: string, data: unknown = {}) => cloud.call('analytics', openid, { action, data, requestId: `weekly-test-${seq++}` })
  const all = <T>(coll: string, teamId = w.teamA) => cloud.store.find(coll, { query: { teamId } }) as unknown as T[]
  const counts = () => ({ kpiWeeks: all(KPI_WEEKS).length, alerts: all(ALERTS).length, analyses: all(ANALYSES).length, notifications: all(NOTIFICATIONS).length })
  const crWeek = (week: string) => all<KpiWeekRecord>(KPI_WEEKS).find((r) => r.week === week)?.results.completionRate

  /** Logs, on `d` at noon, `plays` more plays and `completions` more completions of the world's short video (cumulative, as field staff read them). */
  async function logDelta(d: DayKey, plays: number, completions: number) {
    at(d)
    cum = { plays: cum.plays + plays, completions: cum.completions + completions }
    await ok(cloud, 'results', w.openid.field, 'logSnapshot', { itemId: w.publishedItemId, date: d, metrics: { plays: cum.plays, completions: cum.completions } })
  }
  /** A week at 20% completion (misses 45%) or at 75% (hits), logged on its Wednesday. */
  const missWeek = (i: number) => logDelta(day(7 * i + 2), 200, 40)
  const hitWeek = (i: number) => logDelta(day(7 * i + 2), 200, 150)

  /** Fires the timer as the scheduler does, on `d` at `hhmm` China time. */
  async function timer(d: DayKey, hhmm = '10:00') {
    at(d, hhmm)
    const res = await cloud.timer('analytics', 'weeklyVerdicts')
    if (!res.ok) throw new Error(`timer failed: ${res.error.code} ${res.error.message}`)
    return res.data as { teams: number; finished: boolean; overdue: number }
  }

  /** W0 and W1 miss; judged on Monday of W2 at 10:00. Returns the alert (and analysis) id. */
  async function openAlert(): Promise<string> {
    await missWeek(0)
    await missWeek(1)
    await timer(mondayAfter(1))
    const alerts = all<AlertRecord>(ALERTS)
    expect(alerts).toHaveLength(1)
    return alerts[0]._id
  }

  return { arrange, call, all, counts, crWeek, missWeek, hitWeek, timer, openAlert }
}
