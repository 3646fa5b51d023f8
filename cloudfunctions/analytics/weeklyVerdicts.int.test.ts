// The two-week rule through the local cloud (PRODUCT.md capability 8, issue 10 part 4), its judging: the
// `weeklyVerdicts` timer of `analytics`, fired as the scheduler fires it, on a clock the test moves week by
// week. When a week is judged; one alert per run of misses (a 未录入 week inside the run included); defaults
// the plan does not give; one run catching up several weeks; reruns that write nothing; and what a run costs
// over a long history. What an open alert leads to (its special analysis, closing it, who is told) is
// weeklyAnalyses.int.test.ts.
//
// Numbers go in through the real `results` actions. The fake clock, the arrangement (完播率 is the only KPI
// with a target, 45%) and the helpers are in weekly.fixtures.ts.
import { weekStart, type DayKey } from '../../core/time/china'
import type { TestCloud } from '../../test/support/cloud'
import { worldOnFakeClock } from '../../test/support/clock'
import { writeHistory } from '../../test/support/history'
import { ok, type World } from '../../test/support/world'
import type { AlertRecord, KpiWeekRecord } from '../common/db/analytics'
import { ALERTS, ANALYSES, KPI_WEEKS, NOTIFICATIONS, TEAMS } from '../common/db/collections'
import type { NotificationRecord } from '../common/db/review'
import type { TeamRecord } from '../common/db/team'
import { database } from '../common/sdk'
import { evaluateTeam } from './weekly'
import { D0, day, mondayAfter, weeklyHelpers, wk } from './weekly.fixtures'

let cloud: TestCloud
let w: World
const { arrange, all, counts, crWeek, missWeek, hitWeek, timer, openAlert } = weeklyHelpers()

// Wednesday of W0: the world's short video went out on Monday, the livestream on Tuesday.
worldOnFakeClock(day(2), async (c, world) => {
  cloud = c
  w = world
  await arrange(c, world)
})

test('the clock: D0 is a Monday, weeks are ISO weeks', () => {
  expect(weekStart(D0)).toBe(D0)
  expect([wk(0), wk(1), wk(2)]).toEqual(['2031-W10', '2031-W11', '2031-W12'])
})

describe('idempotence and the streak', () => {
  it('running the timer again writes nothing new', async () => {
    await openAlert()
    const before = counts()
    expect(before).toMatchObject({ kpiWeeks: 8, alerts: 1, analyses: 1 })
    expect(all<NotificationRecord>(NOTIFICATIONS).filter((n) => n.kind === 'analysis_opened')).toHaveLength(2)
    const snap = cloud.snapshot()
    const outbox = cloud.outbox().length
    await timer(mondayAfter(1))
    await timer(mondayAfter(1), '11:00')
    expect(counts()).toEqual(before)
    expect(cloud.snapshot()).toBe(snap)
    expect(cloud.outbox()).toHaveLength(outbox)
  })

  it('miss, miss, miss opens one alert for the run', async () => {
    await missWeek(0)
    await timer(mondayAfter(0))
    expect(all(ALERTS)).toHaveLength(0)
    await missWeek(1)
    await timer(mondayAfter(1))
    await missWeek(2)
    await timer(mondayAfter(2))
    expect(crWeek(wk(2))).toMatchObject({ verdict: 'miss' })
    const alerts = all<AlertRecord>(ALERTS)
    expect(alerts).toHaveLength(1)
    expect(alerts[0]).toMatchObject({ runStart: wk(0), openedWeek: wk(1), status: 'open' })
    expect(all(ANALYSES)).toHaveLength(1)
    expect(all<NotificationRecord>(NOTIFICATIONS).filter((n) => n.kind === 'analysis_opened')).toHaveLength(2)
  })

  it('miss, 未录入, miss opens the alert on the second miss, with the missing week in its evidence', async () => {
    await missWeek(0)
    await timer(mondayAfter(0))
    expect(all<NotificationRecord>(NOTIFICATIONS).filter((n) => n.kind === 'data_missing')).toHaveLength(0)
    // nothing logged in W1
    await timer(mondayAfter(1))
    expect(crWeek(wk(1))).toMatchObject({ verdict: 'missing', value: null })
    expect(all(ALERTS)).toHaveLength(0)
    // 未录入 raises a data-freshness reminder to the people who log (field staff, operators), once
    const reminders = () => all<NotificationRecord>(NOTIFICATIONS).filter((n) => n.kind === 'data_missing')
    const told = reminders().map((n) => n.memberId)
    expect(told).toEqual(expect.arrayContaining([w.memberId.field, w.memberId.operator]))
    expect(told).not.toContain(w.memberId.manager)
    expect(reminders()[0]).toMatchObject({ title: `上周（${day(7).slice(5)} 至 ${day(13).slice(5)}）有 1 项指标未录入`, itemId: wk(1) })
    expect(reminders()[0].body).toContain('完播率没有数据')
    await timer(mondayAfter(1), '11:00')
    expect(reminders()).toHaveLength(told.length)
    await missWeek(2)
    await timer(mondayAfter(2))
    expect(crWeek(wk(2))).toMatchObject({ verdict: 'miss', value: 0.2 })
    const alerts = all<AlertRecord>(ALERTS)
    expect(alerts).toHaveLength(1)
    expect(alerts[0]).toMatchObject({ kpi: 'completionRate', runStart: wk(0), openedWeek: wk(2), status: 'open' })
    expect(alerts[0].weeks.map((x) => [x.week, x.verdict])).toEqual([[wk(0), 'miss'], [wk(1), 'missing'], [wk(2), 'miss']])
  })
})

describe('assumed defaults', () => {
  it('a default the plan does not give (净增粉丝 2,000 a week) is not judged until a manager sets it; then two misses open its alert', async () => {
    cloud.store.update(TEAMS, { _id: w.teamA }, { $unset: { 'targets.netAdds': true } }, { multi: false, upsert: false } as never)
    await missWeek(0)
    await missWeek(1)
    await timer(mondayAfter(1))
    const net = (i: number) => all<KpiWeekRecord>(KPI_WEEKS).find((r) => r.week === wk(i))?.results.netAdds
    // the card's numbers are kept (0 new followers against 2,000), but the week is 无目标 for the rule
    expect(net(1)).toMatchObject({ verdict: 'untargeted', value: 0, target: 2000 })
    expect(all<AlertRecord>(ALERTS).map((a) => a.kpi)).toEqual(['completionRate'])
    await ok(cloud, 'analytics', w.openid.admin, 'setTarget', { kpi: 'netAdds', value: 2000, tolerance: 0.1, reason: '确认每周 2,000 人', version: 0 })
    await missWeek(2)
    await timer(mondayAfter(2))
    expect(net(2)).toMatchObject({ verdict: 'miss' })
    expect(all<AlertRecord>(ALERTS).filter((a) => a.kpi === 'netAdds')).toHaveLength(0)
    await missWeek(3)
    await timer(mondayAfter(3))
    expect(all<AlertRecord>(ALERTS).filter((a) => a.kpi === 'netAdds').map((a) => a.runStart)).toEqual([wk(2)])
  })
})

describe('catch-up', () => {
  it('with the clock 3 weeks on and no timer run in between, one run judges all 3 weeks', async () => {
    await timer(day(2)) // up to date on W0's Wednesday: the 8 weeks before W0
    expect(all(KPI_WEEKS)).toHaveLength(8)
    await missWeek(0)
    await missWeek(1)
    await hitWeek(2)
    const before = new Set(all<KpiWeekRecord>(KPI_WEEKS).map((r) => r.week))
    const res = await timer(mondayAfter(2))
    expect(res).toMatchObject({ finished: true })
    const added = all<KpiWeekRecord>(KPI_WEEKS).filter((r) => !before.has(r.week))
    expect(added.map((r) => [r.week, r.results.completionRate?.verdict]).sort()).toEqual([[wk(0), 'miss'], [wk(1), 'miss'], [wk(2), 'hit']])
    // opened (W1) and back on target (W2) within the one run
    const alerts = all<AlertRecord>(ALERTS)
    expect(alerts).toHaveLength(1)
    expect(alerts[0]).toMatchObject({ runStart: wk(0), openedWeek: wk(1), status: 'recovering', recoveredWeek: wk(2) })
    expect((cloud.store.find(TEAMS, { query: { _id: w.teamA } })[0] as { weeklyThrough?: string }).weeklyThrough).toBe(wk(2))
  })
})

describe('read bound', () => {
  it('10k snapshots of history: evaluating one new week costs ≤ 10 database requests (plus one notification per manager when an alert opens)', async () => {
    const h = writeHistory(cloud.store, w.teamA, { items: 100, days: 200, endDay: day(20) })
    expect(h.snapshots).toBeGreaterThanOrEqual(10_000)
    // default targets for every KPI (the history's numbers meet some, miss others)
    cloud.store.update(TEAMS, { _id: w.teamA }, { $set: { planStartDay: day(-150), targets: {} } }, { multi: false, upsert: false } as never)
    const db = database()
    const team = () => cloud.store.find(TEAMS, { query: { _id: w.teamA } })[0] as unknown as TeamRecord
    // Requests by collection, to print; the local outbox (subscribe messages, an openapi call) is no database request.
    let log: string[] = []
    for (const m of ['find', 'count', 'getById', 'aggregate', 'insert', 'update', 'remove'] as const) {
      const store = cloud.store as unknown as Record<string, (coll: string, ...rest: unknown[]) => unknown>
      const orig = store[m].bind(cloud.store)
      store[m] = (coll, ...rest) => {
        log.push(`${m} ${coll}`)
        return orig(coll, ...rest)
      }
    }
    const measure = async (monday: DayKey) => {
      const t = team()
      log = []
      cloud.store.resetStats()
      const res = await evaluateTeam(db, t, new Date(`${monday}T12:00:00+08:00`))
      const outbox = log.filter((l) => l.endsWith(' _outbox')).length
      const requests = cloud.store.stats().requests - outbox
      const { docsRead } = cloud.store.stats()
      const notices = log.filter((l) => l === `insert ${NOTIFICATIONS}`).length
      console.log(`evaluateTeam ${monday}, one new week over ${h.snapshots} snapshots (${h.items} items, ${h.rollupDays} days): ${requests} requests, ${docsRead} documents read; opened ${res.opened.join(', ') || 'none'}, recovering ${res.recovering.join(', ') || 'none'}\n  ${log.filter((l) => !l.endsWith(' _outbox')).join('\n  ')}`)
      return { res, requests, docsRead, notices }
    }
    // up to date through W0 (the 8 weeks of catch-up)
    const first = await evaluateTeam(db, team(), new Date(`${day(7)}T12:00:00+08:00`))
    expect(first.weeks).toHaveLength(8)

    // W1: nothing opens. The job's whole cost: stored verdicts, rollups, items, livestream sessions, the new verdict, the team's mark.
    const w1 = await measure(day(14))
    expect(w1.res).toEqual({ weeks: [wk(1)], opened: [], recovering: [] })
    expect(w1.requests).toBeLessThanOrEqual(10)
    expect(w1.docsRead).toBeLessThanOrEqual(400)
    // W2: an alert opens (基础认知占比 misses a second week running). The series and the managers
    // are read once per run; each opening adds its analysis, its alert and one notification per manager
    // (2 here) — writes that grow with the alerts opened, so they are bounded per alert.
    const w2 = await measure(day(21))
    expect(w2.res.weeks).toEqual([wk(2)])
    expect(w2.res.opened.length).toBeGreaterThanOrEqual(1)
    const perAlert = w2.res.opened.length * 2 + w2.notices
    expect(w2.requests - perAlert).toBeLessThanOrEqual(10)
    expect(w2.notices).toBe(w2.res.opened.length * 2)
    expect(w2.docsRead).toBeLessThanOrEqual(400)
    // real verdicts over that history (completion ≈ 35% against the default 50%)
    for (const i of [1, 2]) {
      expect(crWeek(wk(i))).toMatchObject({ verdict: 'miss' })
      expect(crWeek(wk(i))!.value).toBeCloseTo(0.35, 1)
    }
  }, 120_000)
})
