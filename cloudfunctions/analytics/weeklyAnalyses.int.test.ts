// The two-week rule through the local cloud (PRODUCT.md capability 8, issue 10 part 4), what an alert leads
// to: two misses open an alert and a special analysis with the evidence, a hit makes it 恢复中, and a
// manager's decision (调整目标, 行动) closes it; who may read and close it and what is refused; who is told
// when it opens and when it is overdue; and a market event (reportEvent) opening an analysis by hand.
// Judging the weeks themselves (runs, defaults, catch-up, reruns, cost) is weeklyVerdicts.int.test.ts.
//
// Numbers go in through the real `results` actions; what comes out is read through `analytics` and
// `review`. The fake clock, the arrangement (完播率 is the only KPI with a target, 45%) and the helpers are
// in weekly.fixtures.ts.
import type { AlertView, AnalysisSummary, AnalysisView } from '../../core/analytics/alerts'
import type { Dashboard } from '../../core/analytics/schemas'
import type { TargetHistoryEntry, TargetView } from '../../core/analytics/targetSchemas'
import type { NotificationPage } from '../../core/review/schemas'
import type { TestCloud } from '../../test/support/cloud'
import { chinaAt as at, worldOnFakeClock } from '../../test/support/clock'
import { ok, type World } from '../../test/support/world'
import type { AlertRecord, AnalysisRecord, KpiWeekRecord } from '../common/db/analytics'
import { ALERTS, ANALYSES, KPI_WEEKS, NOTIFICATIONS } from '../common/db/collections'
import type { NotificationRecord } from '../common/db/review'
import { day, mondayAfter, weeklyHelpers, wk } from './weekly.fixtures'

let cloud: TestCloud
let w: World
const { arrange, call, all, crWeek, missWeek, hitWeek, timer, openAlert } = weeklyHelpers()

// Wednesday of W0: the world's short video went out on Monday, the livestream on Tuesday.
worldOnFakeClock(day(2), async (c, world) => {
  cloud = c
  w = world
  await arrange(c, world)
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
