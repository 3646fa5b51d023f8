// The 周报 and 月报 through the local cloud (issue 11 part 1): written by the analytics timer with the
// week's verdicts (Monday from 10:30 China time) and after the month ends, once per team and period,
// frozen, built from the dashboard's own cards for the period. The clock is jest's fake system time.
import type { Dashboard } from '../../core/analytics/schemas'
import cloudSdk = require('wx-server-sdk')
import readXlsx from 'read-excel-file/node'
import type { ReportFile, ReportPage, ReportView } from '../../core/reports/schemas'
import { addDays, type DayKey } from '../../core/time/china'
import type { TestCloud } from '../../test/support/cloud'
import { ok, type World } from '../../test/support/world'
import { KPI_WEEKS, NOTIFICATIONS, REPORTS } from '../common/db/collections'
import type { NotificationRecord } from '../common/db/review'
import type { KpiWeekRecord } from '../common/db/analytics'
import type { ReportRecord } from '../common/db/reports'
import { duePeriods } from './reports'
import { chinaAt as at, worldOnFakeClock } from '../../test/support/clock'

/** A Monday: the world is built at its noon; its week is 2031-W10 (03-03 … 03-09). */
const D0: DayKey = '2031-03-03'
const day = (n: number) => addDays(D0, n)

const storage = cloudSdk as unknown as { downloadFile(o: { fileID: string }): Promise<{ fileContent: Buffer }> }
let cloud: TestCloud
let w: World
let seq = 0

const call = (openid: string, action: string, data: unknown = {}) => cloud.call('analytics', openid, { action, data, requestId: `periodic-test-${seq++}` })
const stored = (kind: string) => (cloud.store.find(REPORTS, { query: { teamId: w.teamA, kind } }) as unknown as ReportRecord[]).map((r) => r._id).sort()

async function timer(d: DayKey, hhmm: string) {
  at(d, hhmm)
  const res = await cloud.timer('analytics', 'weeklyVerdicts')
  if (!res.ok) throw new Error(`timer failed: ${res.error.code} ${res.error.message}`)
}
async function logPlays(date: DayKey, plays: number, completions: number, likes = 0) {
  at(date)
  await ok(cloud, 'results', w.openid.field, 'logSnapshot', { itemId: w.publishedItemId, date, metrics: { plays, completions, likes } })
}

worldOnFakeClock(day(0), (c, world) => {
  cloud = c
  w = world
})

describe('周报', () => {
  it('is written with the week\'s verdicts on Monday from 10:30, holds the dashboard\'s cards for the week, and a rerun writes nothing', async () => {
    await logPlays(day(0), 200, 40, 10)
    await logPlays(day(2), 500, 200, 60)
    await timer(day(7), '08:30')
    expect(stored('weekly')).toEqual([])
    await timer(day(7), '10:30')
    const id = `${w.teamA}_weekly_2031-W10`
    expect(stored('weekly')).toEqual([id])

    const r = await ok<ReportView>(cloud, 'analytics', w.openid.manager, 'report', { id })
    expect(r).toMatchObject({ kind: 'weekly', kindLabel: '周报', title: '周报 · 2031-W10（03-03 至 03-09）', from: day(0), to: day(6), daily: null, monthly: null })
    const dash = await ok<Dashboard>(cloud, 'analytics', w.openid.manager, 'dashboard', { range: 'custom', from: day(0), to: day(6) })
    // The dashboard's cards, without its week marks (the last four weeks as of now; the report lists its own week's verdicts).
    expect(r.weekly!.cards).toEqual(dash.cards.map(({ weeks: _w, ...c }) => c))
    expect(r.weekly!.cards.every((c) => c.weeks === undefined)).toBe(true)

    // The verdicts are the two-week rule's own, frozen for the week.
    const judged = cloud.store.find(KPI_WEEKS, { query: { teamId: w.teamA, week: '2031-W10' } })[0] as unknown as KpiWeekRecord
    const completion = r.weekly!.verdicts.find((v) => v.kpi === 'completionRate')!
    expect(completion.verdict).toBe(judged.results.completionRate!.verdict)
    expect(completion.verdictLabel).not.toBe('未评定')

    // 500 plays and 200 completions in the week: 40.0%; one ranked item is never also the worst.
    const byCompletion = r.weekly!.rankings.find((x) => x.metric === 'completionRate')!
    expect(byCompletion.top.map((i) => [i.itemId, i.display])).toEqual([[w.publishedItemId, '40.0%（播放 500）']])
    expect(byCompletion.bottom).toEqual([])
    expect(r.weekly!.funnel.biggestDrop).toMatch(/^最大流失：/)

    const before = cloud.snapshot(w.teamA)
    await timer(day(7), '11:30')
    expect(cloud.snapshot(w.teamA)).toBe(before)

    const page = await ok<ReportPage>(cloud, 'analytics', w.openid.operator, 'reports', { kind: 'weekly' })
    expect(page.list.map((x) => [x.id, x.headline])).toEqual([[id, expect.stringMatching(/红灯|无红灯/)]])
  })

  it('on demand: only a finished week; any day of it names the week; a second call returns the stored one', async () => {
    at(day(9))
    const current = await call(w.openid.manager, 'generateReport', { kind: 'weekly', day: day(8) })
    expect(current).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'day', message: '日期：只能生成已结束的周的周报' }] } })
    const first = await ok<ReportView>(cloud, 'analytics', w.openid.manager, 'generateReport', { kind: 'weekly', day: day(3) })
    expect(first).toMatchObject({ period: '2031-W10', from: day(0), to: day(6), revision: 1 })
    const again = await ok<ReportView>(cloud, 'analytics', w.openid.admin, 'generateReport', { kind: 'weekly', day: day(6) })
    expect(again).toEqual(first)
    const field = await ok<ReportView>(cloud, 'analytics', w.openid.field, 'report', { id: first.id })
    expect(field.weekly!.cards).toEqual(first.weekly!.cards)
  })
})

describe('the KPI table as .xlsx', () => {
  it('holds the report\'s own numbers, row for row; field staff cannot take it out', async () => {
    await logPlays(day(0), 200, 40, 10)
    at(day(8))
    const r = await ok<ReportView>(cloud, 'analytics', w.openid.manager, 'generateReport', { kind: 'weekly', day: day(0) })
    await logPlays(day(1), 900, 800, 10) // after the report: the file must not see it
    at(day(8))
    const file = await ok<ReportFile>(cloud, 'analytics', w.openid.operator, 'exportReport', { id: r.id })
    expect(file).toMatchObject({ fileName: '周报-2031-W10.xlsx', rows: r.weekly!.cards.length, tempFileURL: expect.stringMatching(/^\/files\/reports\//) })
    const bytes = (await storage.downloadFile({ fileID: file.fileID })).fileContent
    const sheet = (await readXlsx(bytes))[0].data
    expect(sheet[0]).toEqual(['指标', '统计范围', '数值', '显示值', '本期目标', '状态', '较上期', '周评定'])
    const body = sheet.slice(1, 1 + r.weekly!.cards.length)
    expect(body.map((row) => [row[0], row[2], row[3], row[4]])).toEqual(r.weekly!.cards.map((c) => [c.label, c.value, c.display, c.targetDisplay]))
    expect(body.find((row) => row[0] === '完播率')![2]).toBe(0.2)
    expect(sheet.flat()).toContain(r.title)
    expect(await call(w.openid.field, 'exportReport', { id: r.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('report ready', () => {
  it('tells managers and operators of the latest report of each kind, once; a catch-up of older periods tells no one', async () => {
    await timer(day(9), '10:30') // Wednesday of the next week: dailies 03-03 … 03-10 and the 周报 of W10
    const ready = () => cloud.store.find(NOTIFICATIONS, { query: { teamId: w.teamA, kind: 'report_ready' } }) as unknown as NotificationRecord[]
    const reports = ready().map((n) => n.itemId)
    expect([...new Set(reports)].sort()).toEqual([`${w.teamA}_daily_${day(8)}`, `${w.teamA}_weekly_2031-W10`])
    const to = new Set(ready().map((n) => n.memberId))
    expect(to).toEqual(new Set([w.memberId.owner, w.memberId.manager, w.memberId.operator])) // the creator holds manager and operator too
    expect(ready().find((n) => n.itemId.includes('weekly'))).toMatchObject({ title: '周报 · 2031-W10（03-03 至 03-09） 已生成', body: expect.stringMatching(/红灯/) })
    const pages = cloud.outbox().map((m) => (m.params as { page: string }).page)
    expect(pages).toContain(`package-analytics/report/index?id=${w.teamA}_weekly_2031-W10`)
    const n = ready().length
    await timer(day(9), '11:30')
    expect(ready()).toHaveLength(n)
  })
})

describe('due periods', () => {
  it('catches up the three months before, one each, across short months', () => {
    const months = duePeriods(new Date('2031-04-02T12:00:00+08:00')).filter((p) => p.kind === 'monthly').map((p) => p.period)
    expect(months).toEqual(['2031-01', '2031-02', '2031-03'])
  })
})

describe('月报', () => {
  it('is written after the month ends: auxiliary KPIs over the month, core KPIs over the quarter to date, open decisions', async () => {
    await logPlays(day(0), 200, 40)
    await timer('2031-04-01', '08:30')
    expect(stored('monthly')).toEqual([])
    await timer('2031-04-01', '10:30')
    const id = `${w.teamA}_monthly_2031-03`
    expect(stored('monthly')).toEqual([id])
    const r = await ok<ReportView>(cloud, 'analytics', w.openid.manager, 'report', { id })
    expect(r).toMatchObject({ title: '月报 · 2031 年 3 月', from: '2031-03-01', to: '2031-03-31' })
    const m = r.monthly!
    expect(m.quarterFrom).toBe('2031-01-01')
    expect(m.monthCards.length).toBeGreaterThan(0)
    expect(m.quarterCards.length).toBeGreaterThan(0)
    expect(m.monthCards.every((c) => c.reviewedEvery === 'month')).toBe(true)
    expect(m.quarterCards.every((c) => c.reviewedEvery === 'quarter')).toBe(true)
    const quarter = await ok<Dashboard>(cloud, 'analytics', w.openid.manager, 'dashboard', { range: 'custom', from: '2031-01-01', to: '2031-03-31' })
    expect(m.quarterCards).toEqual(quarter.cards.filter((c) => c.reviewedEvery === 'quarter').map(({ weeks: _w, ...c }) => c))
    // Every weekly report of the month's judged weeks was written by the same runs (caught up, four back).
    expect(stored('weekly').length).toBeGreaterThanOrEqual(4)
  })

  it('refuses the month still running, with the field named', async () => {
    at('2031-03-20')
    const res = await call(w.openid.manager, 'generateReport', { kind: 'monthly', day: '2031-03-02' })
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'day', message: '日期：只能生成已结束的月的月报' }] } })
    expect(stored('monthly')).toEqual([])
  })
})
