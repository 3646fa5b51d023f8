// The two-week rule through the local cloud (PRODUCT.md capability 8, issue 10 part 4): the `weeklyVerdicts`
// timer of `analytics`, fired as the scheduler fires it, on a clock the test moves week by week. Numbers
// go in through the real `results` actions; what comes out is read through `analytics` and `review`.
//
// The functions take their time from `new Date()` (defineFunction's default), so the clock is jest's
// fake system time (timers stay real); createTestCloud's `now` follows the same clock for server dates
// and the outbox.
//
// Arrangement: team A's plan started a year before the first week (its ramps have ended, so the targets
// are the values in force) and every KPI but 完播率 has no target (stored value null, 'untargeted'), so
// 完播率 is the only KPI that can miss and every alert, analysis and notification below is its.
import type { AlertView, AnalysisSummary, AnalysisView } from '../../core/analytics/alerts'
import { KPIS, type Dashboard } from '../../core/analytics/schemas'
import { type TargetHistoryEntry, type TargetView } from '../../core/analytics/targetSchemas'
import type { NotificationPage } from '../../core/review/schemas'
import { addDays, isoWeekKey, weekStart, type DayKey } from '../../core/time/china'
import type { TestCloud } from '../../test/support/cloud'
import { writeHistory } from '../../test/support/history'
import { ok, type World } from '../../test/support/world'
import type { AlertRecord, AnalysisRecord, KpiWeekRecord } from '../common/db/analytics'
import { ALERTS, ANALYSES, KPI_WEEKS, NOTIFICATIONS, TEAMS } from '../common/db/collections'
import type { NotificationRecord } from '../common/db/review'
import type { TeamRecord } from '../common/db/team'
import { database } from '../common/sdk'
import { evaluateTeam } from './weekly'
import { chinaAt as at, worldOnFakeClock } from '../../test/support/clock'

/** Monday of the first week the tests log numbers in (ISO week 2031-W10). */
const D0: DayKey = '2031-03-03'
const day = (n: number) => addDays(D0, n)
/** The ISO week key of the i-th week from D0 (0 = D0's week). */
const wk = (i: number) => isoWeekKey(day(7 * i))

/** Sets the clock to `d` at `hhmm` China time. */

let cloud: TestCloud
let w: World
let cum = { plays: 0, completions: 0 }
let seq = 0

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
/** The Monday after week i, when week i is judged. */
const mondayAfter = (i: number) => day(7 * (i + 1))

/** W0 and W1 miss; judged on Monday of W2 at 10:00. Returns the alert (and analysis) id. */
async function openAlert(): Promise<string> {
  await missWeek(0)
  await missWeek(1)
  await timer(mondayAfter(1))
  const alerts = all<AlertRecord>(ALERTS)
  expect(alerts).toHaveLength(1)
  return alerts[0]._id
}

// Wednesday of W0: the world's short video went out on Monday, the livestream on Tuesday.
worldOnFakeClock(day(2), async (c, world) => {
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
})

test('the clock: D0 is a Monday, weeks are ISO weeks', () => {
  expect(weekStart(D0)).toBe(D0)
  expect([wk(0), wk(1), wk(2)]).toEqual(['2031-W10', '2031-W11', '2031-W12'])
})

describe('the full loop', () => {
  it('two misses open one alert and one analysis with the evidence; a hit makes it 恢复中; 调整目标 closes it, links the target revision and ends the alert', async () => {
    await missWeek(0)
    await missWeek(1)

    // Monday 09:59: W1 is not judged yet (Sunday's numbers may still come); W0 and the 7 weeks before it are.
    await timer(mondayAfter(1), '09:59')
    expect(all<KpiWeekRecord>(KPI_WEEKS).map((r) => r.week).sort()).toEqual([-7, -6, -5, -4, -3, -2, -1, 0].map(wk))
    expect(crWeek(wk(0))).toMatchObject({ verdict: 'miss', value: 0.2, target: 0.45 })
    expect(crWeek(wk(-1))).toMatchObject({ verdict: 'missing', value: null })
    expect(all(ALERTS)).toHaveLength(0)

    // 10:00: W1 is judged, the run's second miss.
    await timer(mondayAfter(1))
    expect(crWeek(wk(1))).toMatchObject({ verdict: 'miss', value: 0.2, target: 0.45 })
    const alerts = all<AlertRecord>(ALERTS)
    expect(alerts).toHaveLength(1)
    expect(alerts[0]).toMatchObject({ kpi: 'completionRate', status: 'open', runStart: wk(0), openedWeek: wk(1), analysisId: alerts[0]._id })
    const id = alerts[0]._id
    expect(all<AnalysisRecord>(ANALYSES).map((a) => a._id)).toEqual([id])

    const a = await ok<AnalysisView>(cloud, 'analytics', w.openid.manager, 'analysis', { id })
    expect(a).toMatchObject({ id, title: '完播率连续两周未达标', kpis: ['completionRate'], status: 'open', statusLabel: '待分析', overdue: false, decision: null, version: 0 })
    expect(a.triggerText).toBe(`连续两周未达标（${day(0).slice(5)} 那周起）`)
    // opened on Monday: due 3 working days later, on Thursday
    expect(a.dueDay).toBe(day(17))
    expect(a.evidence).toHaveLength(1)
    expect(a.evidence[0]).toMatchObject({ kpi: 'completionRate', label: '完播率' })
    expect(a.evidence[0].weeks).toEqual([
      { week: wk(0), from: day(0), to: day(6), verdict: 'miss', verdictLabel: '未达标', display: '20.0%', targetDisplay: '≥ 45.0%' },
      { week: wk(1), from: day(7), to: day(13), verdict: 'miss', verdictLabel: '未达标', display: '20.0%', targetDisplay: '≥ 45.0%' },
    ])
    // the world's short video and livestream went out in W0
    expect(a.evidence[0].mix[0]).toBe('共发布 2 条')

    // Manager and operator see it on 看板 and in 预警.
    for (const who of [w.openid.manager, w.openid.operator]) {
      const d = await ok<Dashboard>(cloud, 'analytics', who, 'dashboard', { range: 'week' })
      expect(d.alerts).toEqual([expect.objectContaining({ id, kpi: 'completionRate', status: 'open', statusLabel: '预警中', text: '完播率连续两周未达标', analysisId: id })])
      const list = await ok<AlertView[]>(cloud, 'analytics', who, 'alerts')
      expect(list.map((x) => [x.id, x.status])).toEqual([[id, 'open']])
      expect(list[0].weeks.map((x) => x.display)).toEqual(['20.0%', '20.0%'])
    }

    // W2 back on target: 恢复中 after the next Monday's run.
    await hitWeek(2)
    await timer(mondayAfter(2))
    expect(crWeek(wk(2))).toMatchObject({ verdict: 'hit', value: 0.75 })
    expect(all<AlertRecord>(ALERTS)[0]).toMatchObject({ status: 'recovering', recoveredWeek: wk(2) })
    const recovering = await ok<AlertView[]>(cloud, 'analytics', w.openid.operator, 'alerts')
    expect(recovering).toEqual([expect.objectContaining({ id, status: 'recovering', statusLabel: '恢复中', text: '完播率连续两周未达标，已回到目标，待专项分析结案' })])

    // The manager closes it: 调整目标 to 30%.
    const closed = await ok<AnalysisView>(cloud, 'analytics', w.openid.manager, 'closeAnalysis', {
      id, findings: '新品期完播率偏低，行业均值约 30%', decision: 'adjust', value: 0.3, reason: '对齐行业均值', version: a.version,
    })
    expect(closed).toMatchObject({ status: 'closed', version: 1 })

    const history = await ok<TargetHistoryEntry[]>(cloud, 'analytics', w.openid.operator, 'targetHistory', { kpi: 'completionRate' })
    expect(history).toHaveLength(2)
    expect(history[0]).toMatchObject({ value: 0.3, previousValue: 0.45, analysisId: id, byName: '成员manager' })
    expect(history[0].reason).toContain('对齐行业均值')
    expect(history[1]).toMatchObject({ value: 0.45, analysisId: null })
    const targets = await ok<TargetView[]>(cloud, 'analytics', w.openid.field, 'targets')
    expect(targets.find((t) => t.kpi === 'completionRate')).toMatchObject({ value: 0.3, version: 2 })

    expect(all<AlertRecord>(ALERTS)[0]).toMatchObject({ status: 'ended' })
    expect(await ok<AlertView[]>(cloud, 'analytics', w.openid.manager, 'alerts')).toEqual([])
    expect((await ok<Dashboard>(cloud, 'analytics', w.openid.manager, 'dashboard', { range: 'week' })).alerts).toEqual([])
    const after = await ok<AnalysisView>(cloud, 'analytics', w.openid.operator, 'analysis', { id })
    expect(after).toMatchObject({
      status: 'closed',
      statusLabel: '已结案',
      decisionLabel: '调整目标',
      findings: '新品期完播率偏低，行业均值约 30%',
      closedByName: '成员manager',
      decision: { kind: 'adjust', label: '调整目标', kpi: 'completionRate', valueDisplay: '≥ 30.0%', reason: '对齐行业均值', items: [] },
    })
    // the frozen evidence is what the decision was taken on, not recomputed against the new target
    expect(after.evidence[0].weeks.map((x) => x.targetDisplay)).toEqual(['≥ 45.0%', '≥ 45.0%'])
  })
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

describe('permissions and refusals', () => {
  it('operators read, managers close; field staff see alerts only; conflicts and validation write nothing', async () => {
    const id = await openAlert()
    const snap = cloud.snapshot()

    expect((await call(w.openid.operator, 'analysis', { id })).ok).toBe(true)
    expect((await call(w.openid.operator, 'analyses')).ok).toBe(true)
    expect(await call(w.openid.operator, 'closeAnalysis', { id, findings: '看过了', decision: 'keep', version: 0 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await call(w.openid.field, 'analysis', { id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await call(w.openid.field, 'closeAnalysis', { id, findings: '看过了', decision: 'keep', version: 0 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const fieldAlerts = await call(w.openid.field, 'alerts')
    expect(fieldAlerts).toMatchObject({ ok: true, data: [{ id, status: 'open' }] })
    // another team's manager does not see it
    expect(await call(w.openid.otherTeam, 'analysis', { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })

    const stale = await call(w.openid.manager, 'closeAnalysis', { id, findings: '看过了', decision: 'keep', version: 3 })
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const noValue = await call(w.openid.manager, 'closeAnalysis', { id, findings: '目标偏高', decision: 'adjust', reason: '行业均值', version: 0 })
    expect(noValue).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(JSON.stringify(noValue)).toContain('新目标值')
    const badItem = await call(w.openid.manager, 'closeAnalysis', { id, findings: '要多拍开箱', decision: 'action', itemIds: ['no_such_item'], version: 0 })
    expect(badItem).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'itemIds' }] } })
    const noItems = await call(w.openid.manager, 'closeAnalysis', { id, findings: '要多拍开箱', decision: 'action', version: 0 })
    expect(noItems).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(cloud.snapshot()).toBe(snap)

    // 行动 with a real item closes it; a second close is a CONFLICT and writes nothing.
    const closed = await ok<AnalysisView>(cloud, 'analytics', w.openid.manager, 'closeAnalysis', { id, findings: '要多拍开箱', decision: 'action', itemIds: [w.ideaId], version: 0 })
    expect(closed.decision).toMatchObject({ kind: 'action', label: '行动', items: [{ id: w.ideaId, title: '用户最常问的三个问题' }] })
    const snap2 = cloud.snapshot()
    expect(await call(w.openid.manager, 'closeAnalysis', { id, findings: '再关一次', decision: 'keep', version: 1 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await call(w.openid.admin, 'closeAnalysis', { id, findings: '再关一次', decision: 'keep', version: 0 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(cloud.snapshot()).toBe(snap2)
  })
})

describe('notifications', () => {
  it('managers hear when an alert opens (in-app and a subscribe message to the analysis); admins hear once when it is overdue', async () => {
    const id = await openAlert()
    const page = `package-analytics/analysis/index?id=${id}`
    const notices = (openid: string) => ok<NotificationPage>(cloud, 'review', openid, 'notifications', { offset: 0 })
    const opened = (p: NotificationPage) => p.items.filter((n) => n.kind === 'analysis_opened' && n.itemId === id)
    const overdue = (p: NotificationPage) => p.items.filter((n) => n.kind === 'analysis_overdue' && n.itemId === id)

    // managers: the world's manager and the team's creator (who holds every staff role)
    for (const who of [w.openid.manager, w.openid.owner]) {
      const n = opened(await notices(who))
      expect(n).toHaveLength(1)
      expect(n[0]).toMatchObject({ title: '专项分析：完播率连续两周未达标', read: false })
      expect(n[0].body).toContain(day(17))
    }
    expect(opened(await notices(w.openid.operator))).toHaveLength(0)
    expect(opened(await notices(w.openid.admin))).toHaveLength(0)
    const sent = () => cloud.outbox().filter((m) => (m.params as { page?: string }).page === page)
    expect(sent().map((m) => (m.params as { touser: string }).touser).sort()).toEqual([w.openid.manager, w.openid.owner].sort())
    expect(sent()[0]).toMatchObject({ api: 'subscribeMessage.send', params: { data: { thing1: { value: '完播率连续两周未达标' }, thing2: { value: '待分析' } } } })

    // Due Thursday: not overdue on Thursday's run, overdue on Friday's.
    await timer(day(17), '18:00')
    expect(overdue(await notices(w.openid.admin))).toHaveLength(0)
    const fri = await timer(day(18))
    expect(fri.overdue).toBe(1)
    for (const who of [w.openid.admin, w.openid.owner]) {
      const n = overdue(await notices(who))
      expect(n).toHaveLength(1)
      expect(n[0].title).toBe('专项分析已逾期：完播率连续两周未达标')
    }
    expect(overdue(await notices(w.openid.manager))).toHaveLength(0)
    expect(sent()).toHaveLength(4)
    expect(sent().filter((m) => (m.params as { data: { thing2: { value: string } } }).data.thing2.value === '已逾期').map((m) => (m.params as { touser: string }).touser).sort()).toEqual([w.openid.admin, w.openid.owner].sort())
    const summaries = await ok<AnalysisSummary[]>(cloud, 'analytics', w.openid.operator, 'analyses')
    expect(summaries[0]).toMatchObject({ id, overdue: true, statusLabel: '已逾期' })

    // again: the admins are told once (day 21 judges a week with nothing logged: only its 未录入 reminder is new)
    const analysisNotices = () => all<NotificationRecord>(NOTIFICATIONS).filter((x) => x.kind.startsWith('analysis_')).length
    const n = analysisNotices()
    expect((await timer(day(18), '11:00')).overdue).toBe(0)
    await timer(day(21))
    expect(analysisNotices()).toBe(n)
    expect(sent()).toHaveLength(4)
  })
})

describe('reportEvent', () => {
  it('a manager records a market event: an analysis with evidence for the chosen KPIs; an operator may not', async () => {
    await missWeek(0)
    await missWeek(1)
    at(day(16))
    const snap = cloud.snapshot()
    expect(await call(w.openid.operator, 'reportEvent', { kind: 'competitor', description: '竞品降价 30%', kpis: ['completionRate'] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await call(w.openid.field, 'reportEvent', { kind: 'competitor', description: '竞品降价 30%', kpis: ['completionRate'] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(cloud.snapshot()).toBe(snap)

    const s = await ok<AnalysisSummary>(cloud, 'analytics', w.openid.manager, 'reportEvent', { kind: 'competitor', description: '竞品降价 30%', kpis: ['completionRate', 'interactionRate'] })
    expect(s).toMatchObject({ title: '竞品重大动作：完播率、互动率', kpis: ['completionRate', 'interactionRate'], status: 'open', triggerText: '竞品重大动作：竞品降价 30%', decisionLabel: null })
    const a = await ok<AnalysisView>(cloud, 'analytics', w.openid.operator, 'analysis', { id: s.id })
    expect(a.evidence.map((e) => e.kpi)).toEqual(['completionRate', 'interactionRate'])
    // the last two completed weeks, judged as the weekly job judges them
    expect(a.evidence[0].weeks.map((x) => [x.week, x.verdict, x.display, x.targetDisplay])).toEqual([
      [wk(0), 'miss', '20.0%', '≥ 45.0%'],
      [wk(1), 'miss', '20.0%', '≥ 45.0%'],
    ])
    expect(a.evidence[1].weeks.map((x) => [x.week, x.verdict])).toEqual([[wk(0), 'untargeted'], [wk(1), 'untargeted']])
    expect(all<AnalysisRecord>(ANALYSES).map((x) => x._id)).toEqual([s.id])
    expect(all(ALERTS)).toHaveLength(0)
    const mgr = await ok<NotificationPage>(cloud, 'review', w.openid.manager, 'notifications', { offset: 0 })
    expect(mgr.items.filter((n) => n.kind === 'analysis_opened' && n.itemId === s.id)).toHaveLength(1)
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
