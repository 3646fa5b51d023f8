// steering: the budget through the local cloud — who may see and edit it, a plan's first setting and its
// adjustments with reasons (history), actual spend that supersedes with a reason, a retried log that writes
// once, 投流花费 counted as 广告投放, unit costs from rollups, one team never seeing another's, and the
// migration of spend logged before budgets: per-day totals before equal totals after, twice run or resumed.
import type { BudgetSpendView, BudgetView } from '../../core/steering/budgetSchemas'
import { paceDays, spendInForceByCategory, yearEndForecast, yearProgress } from '../../core/steering/budget'
import { addDays } from '../../core/time/china'
import { createTestCloud, type TestCloud } from '../../test/support/cloud'
import { chinaAt, FAKE_CLOCK } from '../../test/support/clock'
import { buildWorld, ok, type World } from '../../test/support/world'
import { BUDGET_REVISIONS, ROLLUPS, SPEND } from '../common/db/collections'
import { rollupId } from '../common/db/results'
import { database } from '../common/sdk'
import { categorizeAllSpend, categorizeTeamSpend } from './spendMigration'

// A fixed day, China noon: the budget's year, month and pace follow the date, and no spend may be logged
// ahead of it — on the real clock this file failed from 1 to 5 January.
const today = '2026-11-18'
let cloud: TestCloud
beforeAll(async () => {
  jest.useFakeTimers(FAKE_CLOCK as never)
  chinaAt(today)
  cloud = await createTestCloud({ now: () => new Date() })
})
afterAll(() => {
  cloud.close()
  jest.useRealTimers()
})

let seq = 0
const rid = () => `bg-${Date.now()}-${seq++}`
/** Each request a second after the last, as from a phone: history lists revisions by time. */
const later = () => jest.setSystemTime(Date.now() + 1000)
const call = (who: string, action: string, data: unknown, requestId = rid()) => (later(), cloud.call('steering', who, { action, data, requestId }))
const steer = <T>(w: World, action: string, data: unknown, who = w.openid.manager) => (later(), ok<T>(cloud, 'steering', who, action, data))
const spendDocs = (teamId: string) => cloud.store.find(SPEND, { query: { teamId } }) as unknown as { _id: string; date: string; category?: string; amountFen: number; supersedes: string | null; loggedAt: Date; reason?: string | null }[]

const year = Number(today.slice(0, 4))
const month = Number(today.slice(5, 7))
const yesterday = addDays(today, -1)

describe('who may see and edit the budget', () => {
  let w: World
  beforeAll(async () => {
    w = await buildWorld(cloud)
  })

  it.each(['admin', 'manager'] as const)('%s reads the year', async (role) => {
    const view = await steer<BudgetView>(w, 'budget', { year }, w.openid[role])
    expect(view).toMatchObject({ year, annualPlanFen: null, ytd: { actualFen: 0, planFen: null, over: false } })
    expect(view.months).toHaveLength(12)
  })

  it.each(['operator', 'field'] as const)('%s is refused every budget action, and nothing is written', async (role) => {
    const before = cloud.snapshot(w.teamA)
    for (const [action, data] of [
      ['budget', { year }],
      ['setBudgetPlan', { year, month, amounts: { promo_ads: 100 } }],
      ['adjustBudget', { year, month, category: 'promo_ads', amountFen: 5, reason: '试试' }],
      ['logBudgetSpend', { date: today, category: 'promo_ads', amountFen: 5 }],
    ] as const) {
      expect(await call(w.openid[role], action, data)).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) })
    }
    expect(cloud.snapshot(w.teamA)).toBe(before)
  })
})

describe('plan, adjustments and spend', () => {
  let w: World
  beforeAll(async () => {
    w = await buildWorld(cloud)
  })

  it('sets a month\'s first plan per category and shows it as the month\'s plan', async () => {
    const view = await steer<BudgetView>(w, 'setBudgetPlan', { year, month, amounts: { promo_ads: 100_000, people_fixed: 300_000 } })
    expect(view.months[month - 1]).toMatchObject({ month, label: `${month}月`, planFen: 400_000, actualFen: 0, over: false })
    expect(view.annualPlanFen).toBe(400_000)
    expect(view.history.map((h) => [h.category, h.kind, h.beforeFen, h.afterFen, h.reason]).sort()).toEqual([
      ['people_fixed', 'plan', null, 300_000, null],
      ['promo_ads', 'plan', null, 100_000, null],
    ])
  })

  it('refuses to change a planned category without an adjustment, naming the field', async () => {
    const res = await call(w.openid.manager, 'setBudgetPlan', { year, month, amounts: { promo_ads: 999 } })
    expect(res).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION', fields: [{ path: 'amounts.promo_ads', message: expect.stringContaining('修改请用「弹性调整」') }] }) })
  })

  it('an adjustment needs a reason', async () => {
    const res = await call(w.openid.manager, 'adjustBudget', { year, month, category: 'promo_ads', amountFen: 150_000, reason: ' ' })
    expect(res).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION', fields: [expect.objectContaining({ path: 'reason' })] }) })
  })

  it('adjusts with a reason: the plan changes and its history keeps before, after, why and who', async () => {
    const view = await steer<BudgetView>(w, 'adjustBudget', { year, month, category: 'promo_ads', amountFen: 150_000, reason: '双十二加投' }, w.openid.admin)
    expect(view.months[month - 1].planFen).toBe(450_000)
    expect(view.history[0]).toMatchObject({ month, category: 'promo_ads', categoryLabel: '推广费用·广告投放', kind: 'adjust', beforeFen: 100_000, afterFen: 150_000, reason: '双十二加投', byName: '成员admin' })
    expect(cloud.store.find(BUDGET_REVISIONS, { query: { teamId: w.teamA } })).toHaveLength(3)
  })

  it('spend over the plan turns the month over and moves the forecast', async () => {
    const before = await steer<BudgetView>(w, 'budget', { year })
    await steer<BudgetSpendView>(w, 'logBudgetSpend', { date: today, category: 'promo_kol', amountFen: 500_000 })
    const view = await steer<BudgetView>(w, 'budget', { year })
    const { elapsed, days } = yearProgress(year, today)
    expect(view.months[month - 1]).toMatchObject({ planFen: 450_000, actualFen: 500_000, varianceFen: 50_000, over: true })
    // The budget begins this month: its pace is not spread over the months before it.
    const firstOfMonth = `${today.slice(0, 8)}01`
    const pace = paceDays(year, today, firstOfMonth)
    expect(view.paceFrom).toBe(firstOfMonth)
    expect(view.burnRateFen).toBe(Math.round(500_000 / pace))
    expect(view.forecastFen).toBe(yearEndForecast(500_000, pace, days - elapsed))
    expect(view.forecastFen).not.toBe(before.forecastFen)
    expect(view.ytd).toMatchObject({ through: today, actualFen: 500_000, over: true })
  })

  it('a second entry for the day and category needs a reason, then supersedes (both kept)', async () => {
    const refused = await call(w.openid.manager, 'logBudgetSpend', { date: today, category: 'promo_kol', amountFen: 300_000 })
    expect(refused).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION', fields: [{ path: 'reason', message: expect.stringContaining('更正请写明原因') }] }) })
    const first = spendDocs(w.teamA).find((s) => s.category === 'promo_kol')!
    const again = await steer<BudgetSpendView>(w, 'logBudgetSpend', { date: today, category: 'promo_kol', amountFen: 300_000, reason: '发票金额更正' })
    expect(again).toMatchObject({ category: 'promo_kol', amountFen: 300_000, supersedes: first._id, reason: '发票金额更正' })
    const view = await steer<BudgetView>(w, 'budget', { year })
    expect(view.months[month - 1]).toMatchObject({ actualFen: 300_000, over: false })
    expect(spendDocs(w.teamA).filter((s) => s.category === 'promo_kol')).toHaveLength(2)
  })

  it('a retried log writes once and answers what the first wrote', async () => {
    const data = { date: yesterday, category: 'tech_tools', amountFen: 9_900 }
    const requestId = rid()
    const a = await call(w.openid.manager, 'logBudgetSpend', data, requestId)
    const b = await call(w.openid.manager, 'logBudgetSpend', data, requestId)
    expect(b).toEqual(a)
    expect(spendDocs(w.teamA).filter((s) => s.category === 'tech_tools')).toHaveLength(1)
  })

  it('refuses a day still to come', async () => {
    const res = await call(w.openid.manager, 'logBudgetSpend', { date: addDays(today, 2), category: 'reserve', amountFen: 1 })
    expect(res).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION', fields: [expect.objectContaining({ path: 'date' })] }) })
  })

  it('投流花费 from the growth page is the 广告投放 entry of the budget, and growth counts only 广告投放', async () => {
    await ok(cloud, 'analytics', w.openid.operator, 'logSpend', { date: yesterday, amountFen: 20_000 })
    const view = await steer<BudgetView>(w, 'budget', { year })
    expect(view.byCategory.find((c) => c.category === 'promo_ads')!.actualFen).toBe(20_000)
    const growth = await ok<{ spendFen: number | null }>(cloud, 'analytics', w.openid.operator, 'growth', { range: { range: 'custom', from: yesterday, to: today } })
    expect(growth.spendFen).toBe(20_000)
  })

  it('another team sees none of it', async () => {
    const other = await steer<BudgetView>(w, 'budget', { year }, w.openid.otherTeam)
    expect(other).toMatchObject({ annualPlanFen: null, ytd: { actualFen: 0 }, history: [], recentSpend: [] })
  })
})

describe('unit costs read the daily rollups', () => {
  it('divides the year\'s spend by the rollups\' follower adds, inquiries, orders and GMV; "—" with no spend', async () => {
    const w = await buildWorld(cloud)
    const d1 = `${year}-01-05`
    const d2 = `${year}-01-06`
    const roll = (day: string, total: Record<string, number>) => ({ _id: rollupId(w.teamA, day), teamId: w.teamA, day, total, by: { format: {}, layer: {}, category: {}, channel: {} }, followers: null, updatedAt: new Date() })
    cloud.store.remove(ROLLUPS, { teamId: w.teamA }, { multi: true })
    cloud.store.insert(ROLLUPS, [
      roll(d1, { newFollowersOrganic: 300, newFollowersPaid: 100, inquiries: 30, orders: 6, gmvFen: 200_000 }),
      roll(d2, { newFollowersPaid: 100, liveNewFollowers: 0, leads: 10, liveOrders: 4, liveGmvFen: 50_000 }),
    ] as never)
    const none = await steer<BudgetView>(w, 'budget', { year })
    expect(none.unitCosts).toEqual({ perFollowerFen: null, perPaidFollowerFen: null, perInquiryFen: null, perOrderFen: null, perVideoFen: null, roi: null })
    await steer(w, 'logBudgetSpend', { date: d1, category: 'promo_ads', amountFen: 60_000 })
    await steer(w, 'logBudgetSpend', { date: d2, category: 'people_fixed', amountFen: 40_000 })
    const view = await steer<BudgetView>(w, 'budget', { year })
    expect(view.basis).toMatchObject({ newFollowers: 500, paidFollowers: 200, inquiries: 40, orders: 10, gmvFen: 250_000 })
    // 100,000 fen spent: ÷ 500 followers, 60,000 of 广告投放 ÷ 200 paid, ÷ 40 inquiries, ÷ 10 orders; 250,000 ÷ 100,000.
    expect(view.unitCosts).toMatchObject({ perFollowerFen: 200, perPaidFollowerFen: 300, perInquiryFen: 2500, perOrderFen: 10_000, roi: 2.5 })
    // The world's short video, published two days ago.
    expect(view.basis.publishedVideos).toBe(1)
    expect(view.unitCosts.perVideoFen).toBe(100_000)
  })
})

describe('migration of spend logged before budgets', () => {
  let w: World
  const legacy = (teamId: string, id: string, date: string, amountFen: number, supersedes: string | null, hour: number) => ({
    _id: id, teamId, date, amountFen, supersedes, loggedByName: '旧数据', loggedAt: new Date(`${date}T0${hour}:00:00Z`), createdAt: new Date(), updatedAt: new Date(), createdBy: 'm', version: 0,
  })
  /** Per day: the sum of the entries in force (every category). */
  const totalsPerDay = (teamId: string) => {
    const m = new Map<string, number>()
    for (const f of spendInForceByCategory(spendDocs(teamId).map((s) => ({ ...s, id: s._id, category: s.category as never })))) m.set(f[1].date, (m.get(f[1].date) ?? 0) + f[1].amountFen)
    return Object.fromEntries([...m].sort())
  }
  const adsOf2025 = async (who: string) => {
    const view = await ok<BudgetView>(cloud, 'steering', who, 'budget', { year: 2025 })
    return view.byCategory.find((c) => c.category === 'promo_ads')!.actualFen
  }

  beforeAll(async () => {
    w = await buildWorld(cloud)
    cloud.store.insert(SPEND, [
      legacy(w.teamA, 'lg1', '2025-06-01', 10_000, null, 1),
      legacy(w.teamA, 'lg2', '2025-06-01', 12_500, 'lg1', 2),
      legacy(w.teamA, 'lg3', '2025-06-02', 7_000, null, 1),
      legacy(w.teamA, 'lg4', '2025-11-30', 33_300, null, 3),
      legacy(w.teamB, 'lgB', '2025-06-01', 999, null, 1),
    ] as never)
  })

  it('stamps 广告投放 on every legacy entry; per-day totals after equal totals before, in both teams', async () => {
    const beforeA = totalsPerDay(w.teamA)
    const beforeB = totalsPerDay(w.teamB)
    const adsBefore = await adsOf2025(w.openid.manager)
    expect(beforeA).toEqual({ '2025-06-01': 12_500, '2025-06-02': 7_000, '2025-11-30': 33_300 })
    const res = await cloud.timer('steering', 'steeringHourly')
    expect(res).toMatchObject({ ok: true, data: { spend: { finished: true } } })
    expect(spendDocs(w.teamA).every((s) => s.category === 'promo_ads')).toBe(true)
    expect(spendDocs(w.teamB).every((s) => s.category === 'promo_ads')).toBe(true)
    expect(totalsPerDay(w.teamA)).toEqual(beforeA)
    expect(totalsPerDay(w.teamB)).toEqual(beforeB)
    expect(await adsOf2025(w.openid.manager)).toBe(adsBefore)
    expect(adsBefore).toBe(52_800)
    // Nothing but the category changed: amounts, days and the supersedes chain are as they were.
    expect(spendDocs(w.teamA).find((s) => s._id === 'lg2')).toMatchObject({ date: '2025-06-01', amountFen: 12_500, supersedes: 'lg1' })
  })

  it('is idempotent: a second run changes nothing', async () => {
    const before = cloud.snapshot()
    const res = await cloud.timer('steering', 'steeringHourly')
    expect(res).toMatchObject({ ok: true, data: { spend: { updated: 0, finished: true } } })
    expect(cloud.snapshot()).toBe(before)
  })

  it('is resumable: a run out of time stops between teams and the next one finishes the rest', async () => {
    cloud.store.insert(SPEND, [legacy(w.teamA, 'lg5', '2025-07-01', 4_000, null, 1), legacy(w.teamB, 'lgB2', '2025-07-01', 5_000, null, 1)] as never)
    const before = totalsPerDay(w.teamA)
    expect(await categorizeAllSpend(database(), { budgetMs: -1 })).toEqual({ teams: 0, updated: 0, finished: false })
    expect(await categorizeTeamSpend(database(), w.teamA)).toBe(1)
    expect(await categorizeAllSpend(database())).toMatchObject({ updated: 1, finished: true })
    expect(totalsPerDay(w.teamA)).toEqual(before)
    expect(spendDocs(w.teamB).every((s) => s.category === 'promo_ads')).toBe(true)
  })
})
