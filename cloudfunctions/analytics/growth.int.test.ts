import { addMonths } from '../../core/analytics/horizons'
// analytics.funnel / growth / logSpend through the local cloud: numbers logged with the results
// function, read back from rollups, compared with hand-computed figures.
import type { FunnelView, GrowthView, SpendView } from '../../core/analytics/schemas'
import { addDays, dayKey } from '../../core/time/china'
import { createTestCloud, type TestCloud } from '../../test/support/cloud'
import { buildWorld, ok, type World } from '../../test/support/world'
import { ITEMS, SPEND, TEAMS } from '../common/db/collections'
import { newItemRecord } from '../common/db/content'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await createTestCloud()
})
afterAll(() => cloud.close())

const today = () => dayKey(new Date())
const ago = (n: number) => addDays(today(), -n)
let seq = 0
const rid = () => `g-${Date.now()}-${seq++}`
const call = (_w: World, who: string, action: string, data: unknown, requestId = rid()) => cloud.call('analytics', who, { action, data, requestId })
async function view<T>(w: World, action: string, data: unknown, who = w.openid.operator): Promise<T> {
  const res = await call(w, who, action, data)
  if (!res.ok) throw new Error(JSON.stringify(res.error))
  return res.data as T
}
/** [today − 6, today]; the previous equal period is [today − 13, today − 7]. */
const week = () => ({ range: 'custom', from: ago(6), to: today() })

function publishedItem(w: World, daysAgo: number, dims: { format: 'short_video' | 'image_text'; layer: 'intro' | 'value'; category: 'brand' | 'pain_point' }): string {
  const at = new Date(Date.now() - daysAgo * 86400_000)
  const id = `it_${w.teamA}_${seq++}`
  const item = newItemRecord({ _id: id, teamId: w.teamA, title: `作品${id}`, ...dims, ownerId: w.memberId.operator, plannedAt: at, createdBy: w.memberId.operator, now: at })
  cloud.store.insert(ITEMS, [{ ...item, status: 'published', publishedAt: at, day: dayKey(at) }] as never)
  return id
}

const snapshot = (w: World, itemId: string, date: string, metrics: Record<string, number>) => ok(cloud, 'results', w.openid.field, 'logSnapshot', { itemId, date, metrics })

/** Post A in the previous and the current period, post B in the current one, leads on two channels. */
async function funnelWorld(): Promise<World> {
  const w = await buildWorld(cloud)
  const a = publishedItem(w, 20, { format: 'short_video', layer: 'intro', category: 'brand' })
  const b = publishedItem(w, 5, { format: 'image_text', layer: 'value', category: 'pain_point' })
  await snapshot(w, a, ago(10), { impressions: 1000, plays: 500, completions: 100, likes: 20, comments: 5, shares: 3, favorites: 2, newFollowersOrganic: 10, newFollowersPaid: 5, inquiries: 4, orders: 1 })
  await snapshot(w, a, ago(3), { impressions: 3000, plays: 1400, completions: 400, likes: 80, comments: 20, shares: 10, favorites: 10, newFollowersOrganic: 40, newFollowersPaid: 20, inquiries: 10, orders: 3 })
  await snapshot(w, b, ago(2), { impressions: 1000, plays: 100, completions: 50, likes: 10, newFollowersOrganic: 5, inquiries: 2, orders: 0 })
  await ok(cloud, 'results', w.openid.field, 'logLeads', { date: ago(1), channel: 'wecom', count: 3 })
  await ok(cloud, 'results', w.openid.field, 'logLeads', { date: ago(1), channel: 'community', count: 2 })
  await ok(cloud, 'results', w.openid.field, 'logLeads', { date: ago(8), channel: 'wecom', count: 7 })
  return w
}

const counts = (f: FunnelView) => Object.fromEntries(f.stages.map((s) => [s.step, s.count]))
const rates = (f: FunnelView, key: 'rate' | 'previousRate') => Object.fromEntries(f.stages.map((s) => [s.step, s[key]]))

describe('funnel', () => {
  let w: World
  beforeAll(async () => {
    w = await funnelWorld()
  })

  it('counts each step from the daily rollups of the range and names the biggest drop', async () => {
    const f = await view<FunnelView>(w, 'funnel', { range: week() })
    // In range: A's increments from ago(10) to ago(3) plus all of B.
    expect(counts(f)).toEqual({ exposure: 3000, play: 1000, completion: 350, interaction: 90 + 10, follow: 45 + 5, inquiry: 8, order: 2 })
    const r = rates(f, 'rate')
    expect(r.exposure).toBeNull()
    expect(r.play).toBeCloseTo(1 / 3)
    expect(r.completion).toBeCloseTo(0.35)
    expect(r.interaction).toBeCloseTo(100 / 350)
    expect(r.follow).toBeCloseTo(0.5)
    expect(r.inquiry).toBeCloseTo(0.16)
    expect(r.order).toBeCloseTo(0.25)
    expect(f.biggestDrop).toEqual({ text: '最大流失：关注→咨询', rateDisplay: '16.0%' })
    expect(f.stages[2]).toMatchObject({ label: '完播', rateDisplay: '35.0%' })
    expect(f.range).toMatchObject({ kind: 'custom', from: ago(6), to: today(), days: 7 })
    expect(f.note).toBeUndefined()
  })

  it('compares with the previous equal period', async () => {
    const f = await view<FunnelView>(w, 'funnel', { range: week() })
    // Previous period: A's first snapshot only (1000, 500, 100, 30, 15, 4, 1).
    const p = rates(f, 'previousRate')
    expect(p.play).toBeCloseTo(0.5)
    expect(p.completion).toBeCloseTo(0.2)
    expect(p.interaction).toBeCloseTo(0.3)
    expect(p.follow).toBeCloseTo(0.5)
    expect(p.inquiry).toBeCloseTo(4 / 15)
    expect(p.order).toBeCloseTo(0.25)
    expect(f.previousBiggestDrop).toEqual({ text: '最大流失：播放→完播', rateDisplay: '20.0%' })
  })

  it('filters by format, layer or category from the rollups by dimension, and lists the values with data', async () => {
    const img = await view<FunnelView>(w, 'funnel', { range: week(), format: 'image_text' })
    expect(counts(img)).toEqual({ exposure: 1000, play: 100, completion: 50, interaction: 10, follow: 5, inquiry: 2, order: 0 })
    expect(img.biggestDrop?.text).toBe('最大流失：咨询→成交')
    expect(img.stages.every((s) => s.previousRate === null)).toBe(true) // no image-text numbers before
    expect(img.filters).toEqual({ format: 'image_text' })
    const intro = await view<FunnelView>(w, 'funnel', { range: week(), layer: 'intro' })
    expect(counts(intro).play).toBe(900)
    const pain = await view<FunnelView>(w, 'funnel', { range: week(), category: 'pain_point' })
    expect(counts(pain).play).toBe(100)
    expect(img.options).toEqual({
      format: [{ value: 'short_video', label: '短视频' }, { value: 'image_text', label: '图文' }],
      layer: [{ value: 'intro', label: '基础认知' }, { value: 'value', label: '深度价值' }],
      category: [{ value: 'pain_point', label: '用户痛点' }, { value: 'brand', label: '品牌动态' }],
      channel: [{ value: 'wecom', label: '企业微信' }, { value: 'community', label: '社群' }],
    })
  })

  it("with a channel: the inquiry step is the channel's leads, unrated, without orders, and a note says why", async () => {
    const f = await view<FunnelView>(w, 'funnel', { range: week(), channel: 'wecom' })
    expect(counts(f)).toEqual({ exposure: 3000, play: 1000, completion: 350, interaction: 100, follow: 50, inquiry: 3 })
    const inquiry = f.stages.find((s) => s.step === 'inquiry')!
    expect([inquiry.rate, inquiry.previousRate]).toEqual([null, null])
    expect(f.biggestDrop).toEqual({ text: '最大流失：完播→互动', rateDisplay: '28.6%' }) // lowest among the post steps
    expect(f.note).toContain('企业微信')
  })

  it('refuses two content dimensions at once, and custom ranges over 92 days, in Chinese naming the field', async () => {
    const two = await call(w, w.openid.operator, 'funnel', { range: week(), format: 'short_video', layer: 'intro' })
    expect(two).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'layer' }] } })
    const long = await call(w, w.openid.operator, 'funnel', { range: { range: 'custom', from: ago(100), to: today() } })
    expect(long).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '结束日期：范围不能超过 92 天' } })
    const missing = await call(w, w.openid.operator, 'growth', { range: { range: 'custom', from: ago(3) } })
    expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'range.to' }] } })
  })

  it('answers in at most 5 database requests (wrapper 2 + one rollups query)', async () => {
    cloud.store.resetStats()
    await view<FunnelView>(w, 'funnel', { range: { range: 'custom', from: ago(91), to: today() }, channel: 'offline' })
    expect(cloud.store.stats().requests).toBeLessThanOrEqual(5)
  })
})

describe('growth and spend', () => {
  let w: World
  beforeAll(async () => {
    w = await funnelWorld() // posts: 45 + 5 new followers in range, 15 + 5 of them paid… see below
    await ok(cloud, 'results', w.openid.field, 'logFollowers', { date: ago(8), total: 10_000 })
    await ok(cloud, 'results', w.openid.field, 'logFollowers', { date: ago(3), total: 10_300 })
    await ok(cloud, 'results', w.openid.field, 'logFollowers', { date: today(), total: 10_500 })
    const hoursAgo = (n: number) => new Date(Date.now() - n * 3600_000).toISOString()
    await ok(cloud, 'results', w.openid.field, 'logLive', { itemId: w.liveItemId, startAt: hoursAgo(3), endAt: hoursAgo(1), uniqueViewers: 800, peakConcurrent: 120, newFollowers: 30, orders: 64, gmvFen: 1_280_000 })
  })

  it('reads follower totals, net adds, growth rate and the organic / paid split', async () => {
    const g = await view<GrowthView>(w, 'growth', { range: week() })
    // In range: A organic 30 + paid 15, B organic 5, live 30 (organic) → organic 65, paid 15, no unfollows.
    expect([g.organic, g.paid, g.netAdds]).toEqual([65, 15, 80])
    expect(g.total).toBe(10_500)
    expect(g.growthRate).toBeCloseTo(80 / 10_000) // base: the total logged before the range
    expect(g.paidShare).toBeCloseTo(15 / 80)
    expect(g.series).toHaveLength(7)
    expect(g.series.map((p) => p.total)).toEqual([null, null, null, 10_300, null, null, 10_500])
    expect(g.series.find((p) => p.day === ago(3))).toMatchObject({ organic: 30, paid: 15, netAdds: 45 })
    expect([g.spendFen, g.costPerFollowerFen]).toEqual([null, null])
    expect(g.target).toBe(100_000)
  })

  it('logs spend as append-only facts: a later entry for a day supersedes the earlier, both kept', async () => {
    const first = await view<SpendView>(w, 'logSpend', { date: ago(2), amountFen: 30_000 })
    expect(first.supersedes).toBeNull()
    const second = await view<SpendView>(w, 'logSpend', { date: ago(2), amountFen: 45_000 })
    expect(second.supersedes).toBe(first.id)
    await view<SpendView>(w, 'logSpend', { date: ago(1), amountFen: 15_000 }, w.openid.manager)
    await view<SpendView>(w, 'logSpend', { date: ago(20), amountFen: 99_999 }, w.openid.admin) // outside the range
    const stored = cloud.store.find(SPEND, { query: { teamId: w.teamA } })
    expect(stored).toHaveLength(4)
    const g = await view<GrowthView>(w, 'growth', { range: week() })
    expect(g.spendFen).toBe(60_000)
    expect(g.costPerFollowerFen).toBe(4_000) // 600 元 ÷ 15 paid followers = 40 元
  })

  it('never writes a retried spend twice', async () => {
    const requestId = rid()
    const a = await call(w, w.openid.operator, 'logSpend', { date: ago(5), amountFen: 1_000 }, requestId)
    const b = await call(w, w.openid.operator, 'logSpend', { date: ago(5), amountFen: 1_000 }, requestId)
    expect(b).toEqual(a)
    expect(cloud.store.find(SPEND, { query: { teamId: w.teamA, date: ago(5) } })).toHaveLength(1)
  })

  it('refuses a spend dated in the future, in Chinese naming the field, writing nothing', async () => {
    const before = cloud.snapshot(w.teamA)
    const res = await call(w, w.openid.operator, 'logSpend', { date: addDays(today(), 1), amountFen: 100 })
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: `日期：不能晚于今天（${today()}）`, fields: [{ path: 'date' }] } })
    expect(cloud.snapshot(w.teamA)).toBe(before)
  })

  it('answers growth in at most 5 database requests (wrapper 2 + rollups + spend)', async () => {
    cloud.store.resetStats()
    await view<GrowthView>(w, 'growth', { range: { range: 'custom', from: ago(91), to: today() } })
    expect(cloud.store.stats().requests).toBeLessThanOrEqual(5)
  })
})

describe('forecast', () => {
  it('fits the last 4 weeks of logged totals and says when the target is reached', async () => {
    const w = await buildWorld(cloud)
    // 90,000 four weeks ago, +100 a day: 92,800 today, 100,000 in 72 days.
    for (const [n, total] of [[28, 90_000], [21, 90_700], [14, 91_400], [7, 92_100], [0, 92_800]] as const) {
      await ok(cloud, 'results', w.openid.field, 'logFollowers', { date: ago(n), total })
    }
    await ok(cloud, 'results', w.openid.field, 'logFollowers', { date: ago(40), total: 10 }) // older than the window: ignored
    const g = await view<GrowthView>(w, 'growth', { range: { range: 'today' } })
    expect(g.forecast).toMatchObject({ kind: 'on_pace', day: addDays(today(), 72) })
    expect((g.forecast as { perDay: number }).perDay).toBeCloseTo(100)
    // The team's plan starts today: 100,000 is due in 3 months, and 72 days is within it.
    expect(g.forecastText).toBe(`按当前速度预计 ${addDays(today(), 72)} 达到 100,000 粉丝（按最近 4 周线性拟合，约每天 +100），不晚于截止日期 ${addMonths(today(), 3)}`)
    expect(g.total).toBe(92_800)

    // A team target stored on the team doc replaces the default.
    cloud.store.update(TEAMS, { _id: w.teamA }, { $set: { targets: { followers: { value: 92_000 } } } }, { multi: false, upsert: false, replace: false })
    const reached = await view<GrowthView>(w, 'growth', { range: { range: 'today' } })
    expect(reached.target).toBe(92_000)
    expect(reached.forecast.kind).toBe('reached')
    expect(reached.forecastText).toContain('已达到目标 92,000 粉丝')
  })

  it('is not on pace when totals fall', async () => {
    const w = await buildWorld(cloud)
    await ok(cloud, 'results', w.openid.field, 'logFollowers', { date: ago(10), total: 5_000 })
    await ok(cloud, 'results', w.openid.field, 'logFollowers', { date: ago(1), total: 4_900 })
    const g = await view<GrowthView>(w, 'growth', { range: { range: 'week' } })
    expect(g.forecast.kind).toBe('not_on_pace')
    expect(g.forecastText).toBe(`按当前速度无法达到目标 100,000 粉丝（最近 4 周粉丝总数在下降；截止日期 ${addMonths(today(), 3)}）`)
  })
})

test('field staff see neither funnel nor growth, and may not log spend', async () => {
  const w = await buildWorld(cloud)
  for (const [action, data] of [['funnel', { range: week() }], ['growth', { range: week() }], ['logSpend', { date: today(), amountFen: 1 }]] as const) {
    expect(await call(w, w.openid.field, action, data)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  }
})
