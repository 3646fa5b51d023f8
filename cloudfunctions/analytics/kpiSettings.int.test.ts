// A team's KPI settings through the local cloud (PRODUCT.md capability 8, issue 10 part 1 and 4): the
// admin reclassifies a KPI (its periods follow, a plan for the old kind's period is dropped, on record)
// and names its owner (who alone is assigned and told of its special analyses); a manager enters a
// baseline only where history measured none, and the relative target follows it.
import type { AnalysisSummary } from '../../core/analytics/alerts'
import type { Dashboard } from '../../core/analytics/schemas'
import { KPIS } from '../../core/analytics/schemas'
import type { TargetHistoryEntry, TargetView } from '../../core/analytics/targetSchemas'
import type { NotificationPage } from '../../core/review/schemas'
import { addDays, type DayKey } from '../../core/time/china'
import type { TestCloud } from '../../test/support/cloud'
import { ok, type World } from '../../test/support/world'
import { AUDIT, TEAMS } from '../common/db/collections'
import { chinaAt as at, worldOnFakeClock } from '../../test/support/clock'

/** Monday of ISO week 2031-W10. */
const D0: DayKey = '2031-03-03'
const day = (n: number) => addDays(D0, n)

let cloud: TestCloud
let w: World
let seq = 0
const call = (openid: string, action: string, data: unknown = {}) => cloud.call('analytics', openid, { action, data, requestId: `settings-test-${seq++}` })
const targetOf = async (kpi: string) => (await ok<TargetView[]>(cloud, 'analytics', w.openid.operator, 'targets')).find((t) => t.kpi === kpi)!
const setTeam = (set: Record<string, unknown>) => cloud.store.update(TEAMS, { _id: w.teamA }, { $set: set }, { multi: false, upsert: false } as never)
const teamDoc = () => cloud.store.find(TEAMS, { query: { _id: w.teamA } })[0] as Record<string, any>

async function timer(d: DayKey, hhmm = '10:00') {
  at(d, hhmm)
  const res = await cloud.timer('analytics', 'weeklyVerdicts')
  if (!res.ok) throw new Error(`timer failed: ${res.error.code} ${res.error.message}`)
}

worldOnFakeClock(day(2), (c, world) => {
  cloud = c
  w = world
})

test('only the admin classes a KPI and names its owner; the owner must be a manager or admin; nothing is written on a refusal', async () => {
  const input = { kpi: 'completionRate', reviewedEvery: 'quarter', ownerId: w.memberId.manager, reason: '主管陈静负责完播' }
  for (const who of [w.openid.manager, w.openid.operator, w.openid.field]) expect(await call(who, 'setKpiSetting', input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await call(w.openid.admin, 'setKpiSetting', { ...input, ownerId: w.memberId.operator })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'ownerId', message: expect.stringContaining('负责人') }] } })
  expect(await call(w.openid.admin, 'setKpiSetting', { ...input, ownerId: 'no-such-member' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'ownerId' }] } })
  expect(await call(w.openid.admin, 'setKpiSetting', { ...input, reason: ' ' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'reason' }] } })
  expect(teamDoc().kpiSettings).toBeUndefined()

  const saved = await ok<TargetView>(cloud, 'analytics', w.openid.admin, 'setKpiSetting', input)
  expect(saved).toMatchObject({ kpi: 'completionRate', reviewedEvery: 'quarter', ownerId: w.memberId.manager, ownerName: '成员manager' })
  expect(await targetOf('completionRate')).toMatchObject({ ownerName: '成员manager' })
  expect(await targetOf('interactionRate')).toMatchObject({ ownerId: null, ownerName: null })
  // Same class: an owner change only, no target history.
  expect(await ok<TargetHistoryEntry[]>(cloud, 'analytics', w.openid.operator, 'targetHistory', { kpi: 'completionRate' })).toEqual([])
  expect(cloud.store.find(AUDIT, { query: { teamId: w.teamA, subjectId: 'completionRate' } })).toHaveLength(1)
})

test('reclassifying 投流占比 to 核心: quarterly from today, the plan for next month dropped and on record, the card moves tier', async () => {
  await timer(day(7)) // 2031-03-10: the team's first run marks its periods
  await ok(cloud, 'analytics', w.openid.manager, 'planTarget', { kpi: 'paidShare', value: 0.35, tolerance: 0.1, reason: '下月继续压投流占比', version: 0 })
  expect(await targetOf('paidShare')).toMatchObject({ reviewedEvery: 'month', period: { current: '2031-03', planned: { value: 0.35 } } })

  at(day(7), '11:00')
  const saved = await ok<TargetView>(cloud, 'analytics', w.openid.admin, 'setKpiSetting', { kpi: 'paidShare', reviewedEvery: 'quarter', ownerId: null, reason: '投流关系到季度预算' })
  expect(saved).toMatchObject({ reviewedEvery: 'quarter', value: 0.4 })
  expect(await targetOf('paidShare')).toMatchObject({ reviewedEvery: 'quarter', value: 0.4, period: { current: '2031-Q1', next: '2031-Q2', planned: null } })
  const history = await ok<TargetHistoryEntry[]>(cloud, 'analytics', w.openid.operator, 'targetHistory', { kpi: 'paidShare' })
  expect(history[0]).toMatchObject({ trigger: 'reclassify', triggerLabel: '管理员调整分类', value: 0.4, previousValue: 0.4, periodLabel: '2031 年第 1 季度', byName: '成员admin' })
  expect(history[0].reason).toContain('投流关系到季度预算')
  const dash = await ok<Dashboard>(cloud, 'analytics', w.openid.operator, 'dashboard', { range: 'week' })
  expect(dash.cards.find((c) => c.kpi === 'paidShare')!.reviewedEvery).toBe('quarter')

  // April 1st starts no new period for it (a quarter runs on), so nothing is carried; Q2 does on its first day.
  await timer('2031-04-01', '01:00')
  const after = await ok<TargetHistoryEntry[]>(cloud, 'analytics', w.openid.operator, 'targetHistory', { kpi: 'paidShare' })
  expect(after[0]).toMatchObject({ trigger: 'carry', periodLabel: '2031 年第 2 季度' })
  // …and the month's reminder no longer names it: it is planned with the quarter's.
  expect(teamDoc().targetPeriods.paidShare).toBe('2031-Q2')
})

test('an owner named for 完播率 is assigned its special analysis and alone is told; other KPIs stay with the managers', async () => {
  await ok(cloud, 'analytics', w.openid.admin, 'setKpiSetting', { kpi: 'completionRate', reviewedEvery: 'quarter', ownerId: w.memberId.admin, reason: '管理员亲自负责完播' })
  const noTarget = { value: null, tolerance: 0.1, version: 1, updatedAt: null, updatedByName: null }
  setTeam({ planStartDay: addDays(D0, -365), targets: { ...Object.fromEntries(KPIS.filter((k) => k !== 'completionRate').map((k) => [k, noTarget])), completionRate: { value: 0.45, tolerance: 0.1, version: 1, updatedAt: null, updatedByName: '成员admin' } } })
  // Two weeks at 20% completion against 45%.
  let cum = 0
  for (const i of [0, 1]) {
    at(day(7 * i + 2))
    cum += 200
    await ok(cloud, 'results', w.openid.field, 'logSnapshot', { itemId: w.publishedItemId, date: day(7 * i + 2), metrics: { plays: cum, completions: cum / 5 } })
  }
  await timer(day(14))
  const [a] = await ok<AnalysisSummary[]>(cloud, 'analytics', w.openid.operator, 'analyses')
  expect(a).toMatchObject({ title: '完播率连续两周未达标', ownerText: '负责人：成员admin' })
  const opened = async (openid: string) => (await ok<NotificationPage>(cloud, 'review', openid, 'notifications', { offset: 0 })).items.filter((n) => n.kind === 'analysis_opened')
  expect(await opened(w.openid.admin)).toHaveLength(1)
  expect(await opened(w.openid.manager)).toHaveLength(0)
  expect(await opened(w.openid.owner)).toHaveLength(0)

  // A market event on an unowned KPI goes to the managers.
  const ev = await ok<AnalysisSummary>(cloud, 'analytics', w.openid.manager, 'reportEvent', { kind: 'platform', description: '平台调整推荐规则', kpis: ['interactionRate'] })
  expect(ev.ownerText).toBe('负责人：主管')
  expect((await opened(w.openid.manager)).filter((n) => n.itemId === ev.id)).toHaveLength(1)
  expect((await opened(w.openid.admin)).filter((n) => n.itemId === ev.id)).toHaveLength(0)
})

test('a manager enters a baseline only where none was measured; the relative target follows it, and measured data wins', async () => {
  expect(await targetOf('inquiries')).toMatchObject({ value: null, baseline: { value: null, source: 'none' } })
  const input = { kpi: 'inquiries', value: 250, reason: '去年同期台账，周均 250 次咨询' }
  for (const who of [w.openid.operator, w.openid.field]) expect(await call(who, 'setBaseline', input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await call(w.openid.manager, 'setBaseline', { ...input, kpi: 'completionRate' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'kpi', message: expect.stringContaining('不按基线计算') }] } })
  expect(await call(w.openid.manager, 'setBaseline', { kpi: 'likeRate', value: 1.5, reason: '台账' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'value' }] } })
  expect(await call(w.openid.manager, 'setBaseline', { ...input, value: -1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'value' }] } })
  expect(teamDoc().kpiSettings).toBeUndefined()

  await ok(cloud, 'analytics', w.openid.manager, 'setBaseline', input)
  const t = await targetOf('inquiries')
  expect(t).toMatchObject({ value: 750, baseline: { value: 250, source: 'entered', note: '成员manager录入：去年同期台账，周均 250 次咨询' } })
  const dash = await ok<Dashboard>(cloud, 'analytics', w.openid.operator, 'dashboard', { range: 'week' })
  // This week so far (Monday to Wednesday): 750 a week scaled to 3 days.
  expect(dash.cards.find((c) => c.kpi === 'inquiries')!.target).toBeCloseTo((750 * 3) / 7)

  // Leads logged in the weeks before a later plan start: measured now, so the entry steps aside and a new one is refused.
  at(day(2))
  await ok(cloud, 'results', w.openid.field, 'logLeads', { date: day(2), channel: 'wecom', count: 40, itemId: w.publishedItemId })
  setTeam({ planStartDay: day(9) })
  expect(await targetOf('inquiries')).toMatchObject({ value: 30, baseline: { value: 10, source: 'measured' } })
  expect(await call(w.openid.manager, 'setBaseline', input)).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'value', message: expect.stringContaining('已有实测基线') }] } })
})

test('the conversion path: staff keep it as ordered steps; 转化路径步数 is its length on a day, so an earlier range keeps the earlier path', async () => {
  expect(await ok(cloud, 'analytics', w.openid.field, 'conversionPath')).toMatchObject({ steps: [], history: [] })
  const eight = ['关注', '浏览主页', '看直播', '进粉丝群', '领优惠券', '私信咨询', '加企业微信', '下单']
  expect(await call(w.openid.field, 'setConversionPath', { steps: eight })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await call(w.openid.operator, 'setConversionPath', { steps: ['关注', ' ', '下单'] })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'steps.1', message: expect.stringContaining('步骤不能为空') }] } })
  expect(await call(w.openid.operator, 'setConversionPath', { steps: ['下单'] })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'steps' }] } })
  expect(teamDoc().conversionPaths).toBeUndefined()

  await ok(cloud, 'analytics', w.openid.operator, 'setConversionPath', { steps: eight })
  at(day(9))
  const saved = await ok<{ steps: string[]; byName: string; history: { day: string; length: number }[] }>(cloud, 'analytics', w.openid.manager, 'setConversionPath', { steps: ['关注', '私信咨询', '加企业微信', '下单'] })
  expect(saved).toMatchObject({ steps: ['关注', '私信咨询', '加企业微信', '下单'], byName: '成员manager', history: [{ day: day(2), length: 8 }] })

  const card = async (range: object) => (await ok<Dashboard>(cloud, 'analytics', w.openid.operator, 'dashboard', range)).cards.find((c) => c.kpi === 'pathSteps')!
  expect(await card({ range: 'week' })).toMatchObject({ value: 4, display: '4 步', target: 3, direction: 'lower', asOf: day(9) })
  expect(await card({ range: 'custom', from: day(0), to: day(6) })).toMatchObject({ value: 8, asOf: day(2) })
  expect(await card({ range: 'custom', from: addDays(D0, -14), to: addDays(D0, -8) })).toMatchObject({ value: null, light: 'none' })
})
