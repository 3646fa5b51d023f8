import type { Dashboard, KpiCard, KpiDetail } from '../../core/analytics/schemas'
import type { TargetHistoryEntry, TargetView } from '../../core/analytics/targetSchemas'
import type { SnapshotView } from '../../core/results/views'
import { addMonths } from '../../core/analytics/horizons'
import { addDays, dayKey } from '../../core/time/china'
import type { TestCloud } from '../../test/support/cloud'
import { ok, type World, worldEachTest } from '../../test/support/world'
import { ROLLUPS, TEAMS } from '../common/db/collections'
import type { RollupRecord } from '../common/db/results'

let cloud: TestCloud
let w: World
worldEachTest((c, world) => {
  cloud = c
  w = world
  // A plan that started a year ago: its ramps have ended, so cards judge against the end values. A new
  // team's plan (starting today) is in 'a new team is judged on its ramp'.
  cloud.store.update(TEAMS, { _id: w.teamA }, { $set: { planStartDay: ago(365) } }, { multi: false, upsert: false } as never)
})

const today = () => dayKey(new Date())
const ago = (n: number) => addDays(today(), -n)
let seq = 0
const call = (openid: string, action: string, data: unknown = {}) => cloud.call('analytics', openid, { action, data, requestId: `a-${Date.now()}-${seq++}` })
const cardOf = (d: Dashboard, kpi: string) => d.cards.find((c) => c.kpi === kpi)! as KpiCard
// Taken at each call: a constant would keep yesterday's range if the file ran across midnight.
const last3 = () => ({ range: 'custom', from: ago(2), to: today() })

/** Two days of numbers for the world's short video (published two days ago, layer 基础认知), leads and follower totals. */
async function logSome(): Promise<SnapshotView[]> {
  const f = w.openid.field
  const a = await ok<SnapshotView>(cloud, 'results', f, 'logSnapshot', {
    itemId: w.publishedItemId, date: ago(1),
    metrics: { plays: 100, completions: 35, likes: 10, comments: 3, shares: 1, favorites: 1, newFollowersOrganic: 3, newFollowersPaid: 7, inquiries: 4, orders: 1 },
  })
  const b = await ok<SnapshotView>(cloud, 'results', f, 'logSnapshot', {
    itemId: w.publishedItemId, date: today(),
    metrics: { plays: 200, completions: 80, likes: 30, comments: 6, shares: 2, favorites: 2, newFollowersOrganic: 8, newFollowersPaid: 12, unfollows: 1, inquiries: 10, orders: 2 },
  })
  await ok(cloud, 'results', f, 'logLeads', { date: today(), channel: 'wecom', count: 5 })
  await ok(cloud, 'results', f, 'logFollowers', { date: ago(3), total: 1000 })
  await ok(cloud, 'results', f, 'logFollowers', { date: today(), total: 1019 })
  return [a, b]
}

describe('dashboard', () => {
  it('cards match numbers computed by hand from the logged snapshots, with lights, targets and as-of', async () => {
    const [a, b] = await logSome()
    const d = await ok<Dashboard>(cloud, 'analytics', w.openid.operator, 'dashboard', last3())
    expect(d.range).toMatchObject({ kind: 'custom', from: ago(2), to: today(), days: 3 })
    expect(d.previous).toEqual({ from: ago(5), to: ago(3) })
    expect(d.cards.map((c) => c.kpi)).toHaveLength(22)
    // completions 80 / plays 200 (cumulative, differenced: 35 + 45 of 100 + 100)
    expect(cardOf(d, 'completionRate')).toMatchObject({ value: 0.4, display: '40.0%', target: 0.5, light: 'red', asOf: today(), asOfText: `数据截至 ${today().slice(5)}` })
    // (30 + 6 + 2 + 2) / 200
    expect(cardOf(d, 'interactionRate')).toMatchObject({ value: 0.2, display: '20.0%', light: 'red' })
    // paid 12 of 20 new followers
    expect(cardOf(d, 'paidShare')).toMatchObject({ value: 0.6, display: '60.0%', targetDisplay: '≤ 40.0%', light: 'red', direction: 'lower' })
    // 8 + 12 − 1
    expect(cardOf(d, 'netAdds')).toMatchObject({ value: 19, display: '19 人' })
    // organic 8 / 1,000 at the start (logged three days ago)
    expect(cardOf(d, 'organicGrowthRate').value).toBeCloseTo(0.008)
    expect(cardOf(d, 'followers')).toMatchObject({ value: 1019, display: '1,019 人', previous: 1000, changeDisplay: '+1.9%' })
    // 5 leads + 10 post inquiries; nothing was logged in the 4 weeks before the plan started, so there is
    // no baseline to triple: no target and no light, rather than a made-up one
    expect(cardOf(d, 'inquiries')).toMatchObject({ value: 15, display: '15 次', target: null, light: 'none', horizonText: '缺少基线，请设定目标' })
    expect(cardOf(d, 'orderConversion')).toMatchObject({ value: 0.2, light: 'green' })
    // the plan counts videos: the short video (2 days ago), not the livestream (yesterday); 5/week → 2.14 for 3 days
    expect(cardOf(d, 'output')).toMatchObject({ value: 1, display: '1 条', light: 'red', previous: 0 })
    // the format mix: 1 livestream of the 2 published (both 基础认知)
    expect(cardOf(d, 'liveShare')).toMatchObject({ value: 0.5, display: '50.0%', light: 'green' })
    expect(cardOf(d, 'introShare')).toMatchObject({ value: 1, display: '100.0%', light: 'red' })
    expect(cardOf(d, 'liveConversion')).toMatchObject({ value: null, display: '—', light: 'none', asOfText: '暂无数据' })
    // freshness: yesterday's numbers logged today (minutes since midnight), today's on time; mean over the two logs
    const lagMin = Math.floor((new Date(a.loggedAt).getTime() - new Date(`${today()}T00:00:00+08:00`).getTime()) / 60_000)
    expect(cardOf(d, 'freshnessHours').value).toBeCloseTo(lagMin / 2 / 60, 5)
    expect(new Date(b.loggedAt).getTime()).toBeGreaterThan(0)
    expect(cardOf(d, 'completionRate').trend).toEqual([null, 0.35, 0.45])
    // the livestream has no numbers for yesterday or today
    expect(d.asOf).toMatchObject({ latestDay: today(), missingCount: 1, missing: [{ id: w.liveItemId, publishedDay: ago(1), lastDay: null }] })
    expect(d.asOf.text).toContain('1 条已发布作品缺少昨日或今日数据')
    expect(JSON.stringify(d)).not.toMatch(/NaN|Infinity/)
  })

  it('costs at most 9 database requests, reads rollups rather than snapshots (and the few livestream sessions and monthly first-outcome documents)', async () => {
    await logSome()
    cloud.store.resetStats()
    await ok<Dashboard>(cloud, 'analytics', w.openid.field, 'dashboard', { range: 'month' })
    expect(cloud.store.stats().requests).toBeLessThanOrEqual(9)
  })

  it('refuses a custom range over 92 days, naming the field in Chinese', async () => {
    const res = await call(w.openid.manager, 'dashboard', { range: 'custom', from: ago(92), to: today() })
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '结束日期：范围不能超过 92 天', fields: [{ path: 'to', message: '结束日期：范围不能超过 92 天' }] } })
  })

  it('refuses a custom range ending on a day the calendar does not have', async () => {
    const res = await call(w.openid.manager, 'dashboard', { range: 'custom', from: '2024-02-01', to: '2024-02-31' })
    expect(res).toEqual({ ok: false, error: { code: 'VALIDATION', message: '结束日期：没有这一天（2024-02-31）', fields: [{ path: 'to', message: '结束日期：没有这一天（2024-02-31）' }] } })
  })

  it('field staff see the dashboard and targets, not the detail', async () => {
    expect((await call(w.openid.field, 'dashboard', { range: 'today' })).ok).toBe(true)
    expect((await call(w.openid.field, 'targets')).ok).toBe(true)
    expect(await call(w.openid.field, 'kpiDetail', { kpi: 'completionRate', range: { range: 'week' } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await call(w.openid.field, 'setTarget', { kpi: 'completionRate', value: 0.4, tolerance: 0.1, reason: '试试', version: 0 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('plan horizons', () => {
  it('a new team is judged on its ramp: completion 40% is green against 本期目标 35% on the plan\'s first day, with the end and deadline shown', async () => {
    cloud.store.update(TEAMS, { _id: w.teamA }, { $unset: { planStartDay: true } }, { multi: false, upsert: false } as never)
    await ok(cloud, 'results', w.openid.field, 'logSnapshot', { itemId: w.publishedItemId, date: today(), metrics: { plays: 100, completions: 40, inquiries: 2 } })
    const d = await ok<Dashboard>(cloud, 'analytics', w.openid.operator, 'dashboard', last3())
    expect(cardOf(d, 'completionRate')).toMatchObject({ value: 0.4, target: 0.35, light: 'green', horizonText: `终期 ≥ 50.0% · ${addMonths(today(), 3)} 截止` })
    // No inquiries before the plan started: no baseline, so no light rather than a made-up target.
    expect(cardOf(d, 'inquiries')).toMatchObject({ target: null, light: 'none', horizonText: '缺少基线，请设定目标' })
  })

  it('inquiries: 3 × the weekly average of the 4 weeks before the plan started', async () => {
    cloud.store.update(TEAMS, { _id: w.teamA }, { $set: { planStartDay: ago(2) } }, { multi: false, upsert: false } as never)
    await ok(cloud, 'results', w.openid.field, 'logLeads', { date: ago(10), channel: 'wecom', count: 40 })
    await ok(cloud, 'results', w.openid.field, 'logLeads', { date: ago(29), channel: 'offline', count: 20 })
    const d = await ok<Dashboard>(cloud, 'analytics', w.openid.operator, 'dashboard', { range: 'custom', from: ago(6), to: today() })
    // (40 + 20) / 4 weeks = 15 a week; × 3 = 45 a week, for this 7-day range.
    expect(cardOf(d, 'inquiries')).toMatchObject({ target: 45, horizonText: '基线 15 次/周 +200%' })
    // 目标管理 shows the same target in force, not the table's placeholder.
    const listed = await ok<TargetView[]>(cloud, 'analytics', w.openid.manager, 'targets')
    expect(listed.find((t) => t.kpi === 'inquiries')).toMatchObject({ value: 45, version: 0 })
  })
})

describe('targets', () => {
  it('lists every KPI with defaults at version 0', async () => {
    const t = await ok<TargetView[]>(cloud, 'analytics', w.openid.field, 'targets')
    expect(t).toHaveLength(22)
    expect(t.find((x) => x.kpi === 'completionRate')).toMatchObject({ value: 0.5, tolerance: 0.1, direction: 'higher', version: 0, updatedByName: null })
  })

  it('this period\'s target changes only by an admin\'s override: the light changes, history keeps the previous value, who, why and the period; a stale version is a CONFLICT', async () => {
    await logSome()
    const before = await ok<Dashboard>(cloud, 'analytics', w.openid.operator, 'dashboard', last3())
    expect(cardOf(before, 'completionRate').light).toBe('red')
    // A manager changes the next period's target, or this one's through a special analysis, not directly.
    expect(await call(w.openid.manager, 'setTarget', { kpi: 'completionRate', value: 0.4, tolerance: 0.05, reason: '本季度先追平行业均值', version: 0 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const set = await ok<TargetView>(cloud, 'analytics', w.openid.admin, 'setTarget', { kpi: 'completionRate', value: 0.4, tolerance: 0.05, reason: '本季度先追平行业均值', version: 0 })
    expect(set).toMatchObject({ value: 0.4, tolerance: 0.05, version: 1, updatedByName: '成员admin' })
    const after = await ok<Dashboard>(cloud, 'analytics', w.openid.operator, 'dashboard', last3())
    expect(cardOf(after, 'completionRate')).toMatchObject({ target: 0.4, targetDisplay: '≥ 40.0%', light: 'green' })
    expect((await ok<TargetView[]>(cloud, 'analytics', w.openid.field, 'targets')).find((t) => t.kpi === 'completionRate')).toMatchObject({ value: 0.4, version: 1 })

    const stale = await call(w.openid.admin, 'setTarget', { kpi: 'completionRate', value: 0.6, tolerance: 0.1, reason: '我以为还是 50%', version: 0 })
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', current: { kpi: 'completionRate', value: 0.4, version: 1 } } })

    await ok(cloud, 'analytics', w.openid.admin, 'setTarget', { kpi: 'completionRate', value: 0.45, tolerance: 0.1, reason: '追平后再提高', version: 1 })
    const h = await ok<TargetHistoryEntry[]>(cloud, 'analytics', w.openid.operator, 'targetHistory', { kpi: 'completionRate' })
    expect(h).toEqual([
      expect.objectContaining({ value: 0.45, previousValue: 0.4, tolerance: 0.1, previousTolerance: 0.05, reason: '追平后再提高', byName: '成员admin' }),
      expect.objectContaining({ value: 0.4, previousValue: 0.5, tolerance: 0.05, previousTolerance: 0.1, reason: '本季度先追平行业均值', byName: '成员admin', trigger: 'override', triggerLabel: '管理员修改本期目标' }),
    ])
    expect(h[0].periodLabel).toMatch(/^\d{4} 年第 [1-4] 季度$/)
    expect(await ok<TargetHistoryEntry[]>(cloud, 'analytics', w.openid.operator, 'targetHistory', { kpi: 'paidShare' })).toEqual([])
  })

  it('the same request sent twice changes the target once and records one history entry', async () => {
    const body = { action: 'setTarget', data: { kpi: 'output', value: 6, tolerance: 0.1, reason: '节奏提高', version: 0 }, requestId: `twice-${Date.now()}` }
    const [r1, r2] = await Promise.all([cloud.call('analytics', w.openid.admin, body), cloud.call('analytics', w.openid.admin, body)])
    expect(r1.ok && r2.ok).toBe(true)
    const h = await ok<TargetHistoryEntry[]>(cloud, 'analytics', w.openid.manager, 'targetHistory', { kpi: 'output' })
    expect(h).toHaveLength(1)
  })
})

describe('kpiDetail', () => {
  it('gives the card, a daily series, the items that moved it and the formula in words', async () => {
    await logSome()
    const d = await ok<KpiDetail>(cloud, 'analytics', w.openid.operator, 'kpiDetail', { kpi: 'completionRate', range: last3() })
    expect(d.card).toMatchObject({ kpi: 'completionRate', value: 0.4 })
    expect(d.series).toEqual([
      { day: ago(2), value: null, display: '—' },
      { day: ago(1), value: 0.35, display: '35.0%' },
      { day: today(), value: 0.45, display: '45.0%' },
    ])
    expect(d.movers).toEqual([{ itemId: w.publishedItemId, title: w.publishedTitle, amount: 80, display: '+80' }])
    expect(d.formula).toContain('完播率')
    const f = await ok<KpiDetail>(cloud, 'analytics', w.openid.operator, 'kpiDetail', { kpi: 'followers', range: last3() })
    expect(f.movers).toEqual([])
    const bad = await call(w.openid.operator, 'kpiDetail', { kpi: 'completionRate', range: { range: 'custom', from: ago(100), to: today() } })
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'range.to' }] } })
  })
})

test('rollups carry what freshness needs (sanity: the dashboard reads the same sums)', async () => {
  await logSome()
  const r = cloud.store.find(ROLLUPS, { query: { teamId: w.teamA, day: today() } })[0] as unknown as RollupRecord
  expect(r.total.logsTimed).toBe(1)
})
