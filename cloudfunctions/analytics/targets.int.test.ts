// Rolling revision (PRODUCT.md capability 8, issue 10 part 3) through the local cloud, on a clock the test
// moves (jest's fake system time, as in weekly.int.test.ts): managers set the next period's targets ahead;
// they take effect when the period starts, else the previous target is carried forward, each on record;
// managers are reminded in the last two weeks of a quarter (last week of a month), once.
import type { TargetHistoryEntry, TargetView } from '../../core/analytics/targetSchemas'
import type { DayKey } from '../../core/time/china'
import type { TestCloud } from '../../test/support/cloud'
import { ok, type World } from '../../test/support/world'
import { NOTIFICATIONS, TARGET_HISTORY, TEAMS } from '../common/db/collections'
import type { TeamRecord } from '../common/db/team'
import { database } from '../common/sdk'
import { dailyTeam } from './rhythm'
import type { NotificationRecord } from '../common/db/review'
import { chinaAt as at, worldOnFakeClock } from '../../test/support/clock'


let cloud: TestCloud
let w: World
let seq = 0
const call = (openid: string, action: string, data: unknown = {}) => cloud.call('analytics', openid, { action, data, requestId: `targets-test-${seq++}` })
const targetOf = async (kpi: string) => (await ok<TargetView[]>(cloud, 'analytics', w.openid.operator, 'targets')).find((t) => t.kpi === kpi)!
const historyOf = (kpi: string) => ok<TargetHistoryEntry[]>(cloud, 'analytics', w.openid.operator, 'targetHistory', { kpi })
const notices = () => (cloud.store.find(NOTIFICATIONS, { query: { teamId: w.teamA, kind: 'targets_due' } }) as unknown as NotificationRecord[]).sort((a, b) => a._id.localeCompare(b._id))

async function timer(d: DayKey, hhmm = '10:00') {
  at(d, hhmm)
  const res = await cloud.timer('analytics', 'weeklyVerdicts')
  if (!res.ok) throw new Error(`timer failed: ${res.error.code} ${res.error.message}`)
}

worldOnFakeClock('2031-03-10', (c, world) => {
  cloud = c
  w = world
})

test('a plan for next quarter takes effect when it starts; a KPI without one carries its target forward; both on record, once', async () => {
  await timer('2031-03-10') // the team's first run marks where each KPI stands, and records nothing
  expect(cloud.store.count(TARGET_HISTORY, { teamId: w.teamA })).toBe(0)

  // Managers set the next period's targets; this period's change only by an admin or a special analysis.
  expect(await call(w.openid.operator, 'planTarget', { kpi: 'completionRate', value: 0.55, tolerance: 0.1, reason: '下季度对标行业头部', version: 0 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await call(w.openid.manager, 'setTarget', { kpi: 'completionRate', value: 0.55, tolerance: 0.1, reason: '直接改本期', version: 0 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  const planned = await ok<TargetView>(cloud, 'analytics', w.openid.manager, 'planTarget', { kpi: 'completionRate', value: 0.55, tolerance: 0.1, reason: '下季度对标行业头部', version: 0 })
  expect(planned).toMatchObject({ value: 0.5, version: 0, period: { current: '2031-Q1', currentLabel: '2031 年第 1 季度', next: '2031-Q2', planned: { value: 0.55, version: 1, updatedByName: '成员manager' } } })
  await ok(cloud, 'analytics', w.openid.manager, 'planTarget', { kpi: 'paidShare', value: 0.35, tolerance: 0.1, reason: '下月继续压投流占比', version: 0 })
  // A second plan for the same period must name the version it saw.
  expect(await call(w.openid.manager, 'planTarget', { kpi: 'completionRate', value: 0.6, tolerance: 0.1, reason: '再高一点', version: 0 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  expect(await targetOf('completionRate')).toMatchObject({ value: 0.5, period: { planned: { value: 0.55 } } })
  expect((await historyOf('completionRate'))[0]).toMatchObject({ value: 0.55, previousValue: 0.5, trigger: 'plan', triggerLabel: '设定下期目标', periodLabel: '2031 年第 2 季度' })

  // The first minutes of Q2, before the job has run: the plan already judges.
  at('2031-04-01', '00:05')
  expect(await targetOf('completionRate')).toMatchObject({ value: 0.55, period: { current: '2031-Q2', planned: null } })

  await timer('2031-04-01', '01:00')
  expect((await historyOf('completionRate'))[0]).toMatchObject({ value: 0.55, previousValue: 0.5, trigger: 'start', triggerLabel: '下期目标生效', periodLabel: '2031 年第 2 季度' })
  expect((await historyOf('interactionRate'))[0]).toMatchObject({ value: 0.35, previousValue: 0.35, trigger: 'carry', triggerLabel: '沿用上期目标', periodLabel: '2031 年第 2 季度', byName: '系统' })
  expect((await historyOf('paidShare'))[0]).toMatchObject({ value: 0.35, trigger: 'start', periodLabel: '2031 年 4 月' })
  expect((await historyOf('netAdds'))[0]).toMatchObject({ trigger: 'carry', periodLabel: '2031 年 4 月' })
  expect(await targetOf('completionRate')).toMatchObject({ value: 0.55, period: { current: '2031-Q2', next: '2031-Q3', planned: null } })

  // Rerun the same day, and the next hour: nothing new on record.
  const n = cloud.store.count(TARGET_HISTORY, { teamId: w.teamA })
  await timer('2031-04-01', '02:00')
  await timer('2031-04-02', '02:00')
  expect(cloud.store.count(TARGET_HISTORY, { teamId: w.teamA })).toBe(n)
  // In May only the monthly (auxiliary) KPIs roll: all 15 carried (paidShare included, its plan used up).
  await timer('2031-05-01', '02:00')
  const may = (cloud.store.find(TARGET_HISTORY, { query: { teamId: w.teamA, period: '2031-05' } }) as unknown[]).length
  expect(may).toBe(15)
  expect(cloud.store.count(TARGET_HISTORY, { teamId: w.teamA, period: '2031-Q3' })).toBe(0)
})

test('managers are reminded once in the last two weeks of a quarter and once in the last week of a month', async () => {
  await timer('2031-03-17')
  expect(notices()).toHaveLength(0)
  await timer('2031-03-18') // 14 days left in Q1
  const q = notices()
  expect(q.map((n) => n.title)).toEqual(['请设定2031 年第 2 季度的核心目标', '请设定2031 年第 2 季度的核心目标']) // the world's manager and the team's creator
  expect(q[0].body).toMatch(/^7 项未设定（发布数量、完播率、/)
  expect(cloud.outbox().some((m) => (m.params as { page?: string }).page === 'package-analytics/targets/index')).toBe(true)
  await timer('2031-03-19')
  expect(notices()).toHaveLength(2)
  await timer('2031-03-25') // the last week of March: next month's auxiliary targets
  expect(notices().filter((n) => n.title === '请设定2031 年 4 月的辅助目标')).toHaveLength(2)
  await timer('2031-03-26')
  expect(notices()).toHaveLength(4)
  // The operator was not told.
  expect(notices().every((n) => n.memberId !== w.memberId.operator)).toBe(true)
})

test('the rollover does not clear a plan a manager saved after the job read the team (its write re-reads in a transaction)', async () => {
  await timer('2031-03-10')
  await ok(cloud, 'analytics', w.openid.manager, 'planTarget', { kpi: 'completionRate', value: 0.55, tolerance: 0.1, reason: '下季度对标行业头部', version: 0 })
  at('2031-04-01', '00:30')
  const stale = cloud.store.find(TEAMS, { query: { _id: w.teamA } })[0] as unknown as TeamRecord
  // Between the job's read and its write, a manager plans Q3 (Q2's plan has been applied on read already).
  const q3 = { period: '2031-Q3', value: 0.6, tolerance: 0.1, version: 2, updatedAt: new Date(), updatedByName: '成员manager' }
  cloud.store.update(TEAMS, { _id: w.teamA }, { $set: { 'targetPlans.completionRate': q3 } }, { multi: false, upsert: false } as never)
  const res = await dailyTeam(database(), stale, new Date())
  expect(res.started).toContain('completionRate')
  const team = cloud.store.find(TEAMS, { query: { _id: w.teamA } })[0] as unknown as TeamRecord
  expect(team.targets?.completionRate?.value).toBe(0.55)
  expect(team.targetPlans?.completionRate).toMatchObject({ period: '2031-Q3', value: 0.6 })
})

test('a plan for the next period saved before the rollover has run writes the started plan through first, once', async () => {
  await timer('2031-03-10')
  await ok(cloud, 'analytics', w.openid.manager, 'planTarget', { kpi: 'completionRate', value: 0.55, tolerance: 0.1, reason: '下季度对标行业头部', version: 0 })
  // Q2 has begun; the hourly job has not run yet. A manager already plans Q3.
  at('2031-04-01', '00:05')
  await ok(cloud, 'analytics', w.openid.manager, 'planTarget', { kpi: 'completionRate', value: 0.6, tolerance: 0.1, reason: '第三季度再提高', version: 0 })
  expect(await targetOf('completionRate')).toMatchObject({ value: 0.55, period: { current: '2031-Q2', planned: { value: 0.6 } } })
  await timer('2031-04-01', '01:00')
  expect(await targetOf('completionRate')).toMatchObject({ value: 0.55, period: { current: '2031-Q2', planned: { value: 0.6 } } })
  const history = await historyOf('completionRate')
  expect(history.filter((h) => h.trigger === 'start')).toEqual([expect.objectContaining({ value: 0.55, previousValue: 0.5, periodLabel: '2031 年第 2 季度' })])
  expect(history.filter((h) => h.trigger === 'carry')).toHaveLength(0)
  expect(history.find((h) => h.value === 0.6)).toMatchObject({ trigger: 'plan', periodLabel: '2031 年第 3 季度' })
})
