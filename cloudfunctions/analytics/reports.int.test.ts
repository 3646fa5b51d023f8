// The 日报 through the local cloud (issue 11 part 1): made by the analytics timer from 08:30 China time,
// once per team and day, caught up over 7 days, frozen, regenerated only by an admin (the old revision
// kept), read by every member (field staff get the short version). The clock is jest's fake system time,
// as in weekly.int.test.ts.
import type { Dashboard } from '../../core/analytics/schemas'
import type { ReportPage, ReportView } from '../../core/reports/schemas'
import { addDays, type DayKey } from '../../core/time/china'
import type { TestCloud } from '../../test/support/cloud'
import { ok, type World } from '../../test/support/world'
import { REPORTS } from '../common/db/collections'
import type { ReportRecord } from '../common/db/reports'
import { chinaAt as at, worldOnFakeClock } from '../../test/support/clock'

/** A Monday; the world is built at its noon (its short video went out two days before, unlogged). */
const D0: DayKey = '2031-03-03'
const day = (n: number) => addDays(D0, n)

let cloud: TestCloud
let w: World
let seq = 0

const call = (openid: string, action: string, data: unknown = {}) => cloud.call('analytics', openid, { action, data, requestId: `reports-test-${seq++}` })
const stored = (kind = 'daily') => (cloud.store.find(REPORTS, { query: { teamId: w.teamA, kind } }) as unknown as ReportRecord[]).sort((a, b) => a._id.localeCompare(b._id))
const idOf = (d: DayKey) => `${w.teamA}_daily_${d}`
const cr = (r: ReportView | Dashboard) => ('daily' in r ? r.daily!.cards : r.cards).find((c) => c.kpi === 'completionRate')!

async function timer(d: DayKey, hhmm: string) {
  at(d, hhmm)
  const res = await cloud.timer('analytics', 'weeklyVerdicts')
  if (!res.ok) throw new Error(`timer failed: ${res.error.code} ${res.error.message}`)
}
/** The field staff log the short video's cumulative numbers for `date`, at noon of `when`. */
async function logPlays(date: DayKey, plays: number, completions: number, when = date) {
  at(when)
  await ok(cloud, 'results', w.openid.field, 'logSnapshot', { itemId: w.publishedItemId, date, metrics: { plays, completions } })
}

worldOnFakeClock(day(0), (c, world) => {
  cloud = c
  w = world
})

describe('the timer', () => {
  it('writes yesterday\'s 日报 from 08:30, with the dashboard\'s own cards for that day, and a rerun writes nothing', async () => {
    await logPlays(day(0), 200, 40)
    await timer(day(1), '08:29')
    expect(stored()).toHaveLength(0)

    await timer(day(1), '08:30')
    expect(stored().map((r) => r._id)).toEqual([idOf(day(0))])
    const report = await ok<ReportView>(cloud, 'analytics', w.openid.manager, 'report', { id: idOf(day(0)) })
    expect(report).toMatchObject({ kind: 'daily', period: day(0), revision: 1, audience: 'full', generatedByName: '定时生成', dataAsOfText: '数据截至 03-04 08:30', superseded: false })
    expect(report.definitionsVersion).toBeGreaterThanOrEqual(1)
    const dash = await ok<Dashboard>(cloud, 'analytics', w.openid.manager, 'dashboard', { range: 'custom', from: day(0), to: day(0) })
    expect(report.daily!.cards).toEqual(dash.cards)
    expect(cr(report)).toMatchObject({ value: 0.2, light: 'red' })

    const before = cloud.snapshot(w.teamA)
    await timer(day(1), '08:30')
    await timer(day(1), '09:30')
    await timer(day(1), '23:30')
    expect(cloud.snapshot(w.teamA)).toBe(before)
  })

  it('catches up the last 7 days after a week without runs, none before', async () => {
    await timer(day(10), '09:00')
    expect(stored().map((r) => r.period)).toEqual([3, 4, 5, 6, 7, 8, 9].map(day))
    const page = await ok<ReportPage>(cloud, 'analytics', w.openid.operator, 'reports', { kind: 'daily' })
    expect(page.list.map((r) => r.period)).toEqual([9, 8, 7, 6, 5, 4, 3].map(day))
    expect(page.hasMore).toBe(false)
    expect(page.list[0]).toMatchObject({ kindLabel: '日报', title: '日报 · 03-12（周三）', revision: 1 })
  })

  it('lists overdue reviews and the items still missing numbers with their owners', async () => {
    await timer(day(2), '08:30') // the review went in on day 0 at noon with a 24 h gate
    const r = await ok<ReportView>(cloud, 'analytics', w.openid.admin, 'report', { id: idOf(day(1)) })
    expect(r.daily!.overdueReviews.map((x) => x.itemId)).toEqual([w.reviewItemId])
    expect(r.daily!.overdueReviews[0]).toMatchObject({ gateName: '选题', overdueHours: 20.5 })
    expect(r.daily!.missing.map((m) => m.id)).toContain(w.publishedItemId)
    expect(r.daily!.missing.find((m) => m.id === w.publishedItemId)!.ownerName).toBeTruthy()
    expect(r.daily!.missingCount).toBe(r.daily!.missing.length)
  })
})

describe('a report is frozen', () => {
  it('keeps its numbers when data for its day changes later; the dashboard moves on', async () => {
    await logPlays(day(0), 200, 40)
    await timer(day(1), '08:30')
    await logPlays(day(0), 400, 300, day(1)) // a late correction of the same day
    const report = await ok<ReportView>(cloud, 'analytics', w.openid.manager, 'report', { id: idOf(day(0)) })
    const dash = await ok<Dashboard>(cloud, 'analytics', w.openid.manager, 'dashboard', { range: 'custom', from: day(0), to: day(0) })
    expect(cr(report).value).toBe(0.2)
    expect(cr(dash).value).toBe(0.75)
  })

  it('on demand: a second call returns the stored one; only an admin regenerates, and the old revision is kept', async () => {
    await logPlays(day(0), 200, 40)
    at(day(1), '07:00')
    const first = await ok<ReportView>(cloud, 'analytics', w.openid.manager, 'generateReport', { kind: 'daily', day: day(0) })
    expect(first).toMatchObject({ revision: 1, generatedByName: expect.stringContaining('手动生成') })
    await logPlays(day(0), 400, 300, day(1))
    const again = await ok<ReportView>(cloud, 'analytics', w.openid.manager, 'generateReport', { kind: 'daily', day: day(0) })
    expect(again).toEqual(first)
    await timer(day(1), '09:30') // the timer finds it and writes nothing
    expect(stored()).toHaveLength(1)

    const refused = await call(w.openid.manager, 'generateReport', { kind: 'daily', day: day(0), regenerate: true })
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const second = await ok<ReportView>(cloud, 'analytics', w.openid.admin, 'generateReport', { kind: 'daily', day: day(0), regenerate: true })
    expect(second.revision).toBe(2)
    expect(cr(second).value).toBe(0.75)

    expect(stored().map((r) => [r._id, r.revision, r.current])).toEqual([[idOf(day(0)), 2, true], [`${idOf(day(0))}_r1`, 1, false]])
    const old = await ok<ReportView>(cloud, 'analytics', w.openid.operator, 'report', { id: `${idOf(day(0))}_r1` })
    expect(old).toMatchObject({ revision: 1, superseded: true })
    // Either version lists both, newest first, so the replaced one stays findable from the current one.
    const versions = [[idOf(day(0)), 2, true], [`${idOf(day(0))}_r1`, 1, false]]
    expect(old.versions!.map((v) => [v.id, v.revision, v.current])).toEqual(versions)
    const now = await ok<ReportView>(cloud, 'analytics', w.openid.operator, 'report', { id: idOf(day(0)) })
    expect(now.versions!.map((v) => [v.id, v.revision, v.current])).toEqual(versions)
    expect(first.versions).toBeUndefined()
    expect(cr(old).value).toBe(0.2)
    const page = await ok<ReportPage>(cloud, 'analytics', w.openid.operator, 'reports', { kind: 'daily' })
    expect(page.list.map((r) => [r.id, r.revision])).toEqual([[idOf(day(0)), 2]])
  })
})

describe('who sees what', () => {
  it('field staff read the short version: only what is left to log', async () => {
    await timer(day(1), '08:30')
    const full = await ok<ReportView>(cloud, 'analytics', w.openid.manager, 'report', { id: idOf(day(0)) })
    const field = await ok<ReportView>(cloud, 'analytics', w.openid.field, 'report', { id: idOf(day(0)) })
    expect(field.audience).toBe('field')
    expect(field.daily!.cards).toEqual([])
    expect(field.daily!.overdueReviews).toEqual([])
    expect(field.daily!.alerts).toEqual([])
    expect(field.daily!.analyses).toEqual([])
    expect(field.daily!.missing).toEqual(full.daily!.missing)
    expect(full.daily!.missingCount).toBeGreaterThan(0)
    const page = await ok<ReportPage>(cloud, 'analytics', w.openid.field, 'reports', { kind: 'daily' })
    expect(page.list[0].headline).toBe(`待录入 ${full.daily!.missingCount} 条`)
  })

  it('only managers and admins generate; bad input names the field; another team\'s report is not found', async () => {
    at(day(1))
    for (const who of [w.openid.operator, w.openid.field]) expect(await call(who, 'generateReport', { kind: 'daily', day: day(0) })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const today = await call(w.openid.manager, 'generateReport', { kind: 'daily', day: day(1) })
    expect(today).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'day', message: expect.stringContaining('日期') }] } })
    const bad = await call(w.openid.manager, 'generateReport', { kind: 'daily', day: '2031-02-30' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'day', message: expect.stringContaining('日期') }] } })
    await ok(cloud, 'analytics', w.openid.manager, 'generateReport', { kind: 'daily', day: day(0) })
    expect(await call(w.openid.outsider, 'report', { id: idOf(day(0)) })).toMatchObject({ ok: false })
  })
})
