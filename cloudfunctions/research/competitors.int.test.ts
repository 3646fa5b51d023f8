// research: the competitor watch through the local cloud — accounts, weekly logs that supersede, a retried
// log that writes once, refusals that name the field, and the comparison checked by hand on a small history.
import type { CompetitorComparison, CompetitorsPage, CompetitorView, LoggedWeekView } from '../../core/research/competitors'
import { lastCompletedWeek, shiftWeek, weekMonday } from '../../core/time/weeks'
import { addDays } from '../../core/time/china'
import { createTestCloud, type TestCloud } from '../../test/support/cloud'
import { buildWorld, ok, type World } from '../../test/support/world'
import { COMPETITOR_WEEKS, ITEMS, ROLLUPS } from '../common/db/collections'
import { newItemRecord } from '../common/db/content'
import { rollupId } from '../common/db/results'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await createTestCloud()
})
afterAll(() => cloud.close())

let seq = 0
const rid = () => `cw-${Date.now()}-${seq++}`
const call = (who: string, action: string, data: unknown, requestId = rid()) => cloud.call('research', who, { action, data, requestId })
const research = <T>(w: World, action: string, data: unknown, who = w.openid.operator) => ok<T>(cloud, 'research', who, action, data)
const entries = (teamId: string) => cloud.store.find(COMPETITOR_WEEKS, { query: { teamId } })

/** The week a log is about by default, and the ones before it. */
const W = () => lastCompletedWeek(new Date())
const day = (week: string, offset: number) => addDays(weekMonday(week)!, offset)

describe('accounts and weekly logs', () => {
  let w: World
  let rival: CompetitorView
  beforeAll(async () => {
    w = await buildWorld(cloud)
    rival = await research<CompetitorView>(w, 'addCompetitor', { name: '同城净水小王', kind: 'peer', note: '主打上门安装' })
  })

  it('adds an account, listed with its kind and no weeks yet', async () => {
    expect(rival).toMatchObject({ name: '同城净水小王', kind: 'peer', kindLabel: '同行', note: '主打上门安装', archived: false, version: 0, recent: [] })
    const page = await research<CompetitorsPage>(w, 'competitors', {}, w.openid.manager)
    expect(page.competitors.map((c) => c.name)).toEqual(['同城净水小王'])
    expect(page.defaultWeek).toBe(W())
    expect(page.weeks[1]).toEqual({ week: W(), label: expect.stringMatching(/^第\d+周（\d\d-\d\d 至 \d\d-\d\d）$/) })
  })

  it('logs the last completed week by default and shows it as the latest of the account', async () => {
    const logged = await research<LoggedWeekView>(w, 'logCompetitorWeek', { competitorId: rival.id, followers: 12_000, posts: 5, bestLikes: 320 })
    expect(logged).toMatchObject({ competitorId: rival.id, week: W(), followers: 12_000, posts: 5, bestLikes: 320, supersedes: null, loggedByName: '成员operator' })
    await research(w, 'logCompetitorWeek', { competitorId: rival.id, week: shiftWeek(W(), -1), followers: 11_500, posts: 4, bestLikes: 210 })
    const page = await research<CompetitorsPage>(w, 'competitors', {})
    expect(page.competitors[0].recent.map((r) => [r.week, r.followers])).toEqual([[W(), 12_000], [shiftWeek(W(), -1), 11_500]])
  })

  it('a relog of the same week supersedes the value in force and keeps the old one with who and when', async () => {
    const again = await research<LoggedWeekView>(w, 'logCompetitorWeek', { competitorId: rival.id, week: W(), followers: 12_100, posts: 5, bestLikes: 320 }, w.openid.manager)
    const first = entries(w.teamA).find((e) => e.week === W() && e.followers === 12_000)!
    expect(again).toMatchObject({ followers: 12_100, supersedes: first._id, loggedByName: '成员manager' })
    expect(first).toMatchObject({ loggedByName: '成员operator', loggedAt: expect.any(Date) })
    const page = await research<CompetitorsPage>(w, 'competitors', {})
    expect(page.competitors[0].recent[0]).toMatchObject({ week: W(), followers: 12_100, loggedByName: '成员manager' })
    expect(entries(w.teamA)).toHaveLength(3)
  })

  it('a retried request writes once and answers what the first wrote', async () => {
    const data = { competitorId: rival.id, week: shiftWeek(W(), -2), followers: 11_000, posts: 3, bestLikes: 150 }
    const requestId = rid()
    const a = await call(w.openid.operator, 'logCompetitorWeek', data, requestId)
    const before = cloud.snapshot(w.teamA)
    const b = await call(w.openid.operator, 'logCompetitorWeek', data, requestId)
    expect(b).toEqual(a)
    expect(cloud.snapshot(w.teamA)).toBe(before)
    expect(entries(w.teamA).filter((e) => e.week === data.week)).toHaveLength(1)
  })

  describe('refusals name the field in Chinese and write nothing', () => {
    it.each([
      [{ followers: -5 }, 'followers', '粉丝数：不能为负数'],
      [{ posts: 351 }, 'posts', '当周发布数：不能超过 350（每天 50 条 × 7 天）'],
      [{ bestLikes: 1.5 }, 'bestLikes', '最佳作品点赞：应为整数'],
      [{ posts: 0, bestLikes: 9 }, 'bestLikes', '最佳作品点赞：本周没有发布作品时应为 0'],
      [{ week: '2026-W60' }, 'week', '周：没有这一周（2026-W60）'],
      [{ week: shiftWeek(W(), 2) }, 'week', expect.stringMatching(/^周：第\d+周（.*）还没到，不能提前记录$/)],
    ])('%p → %s', async (patch, path, message) => {
      const before = cloud.snapshot()
      const res = await call(w.openid.operator, 'logCompetitorWeek', { competitorId: rival.id, followers: 1, posts: 1, bestLikes: 1, ...patch })
      expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path, message }] } })
      expect(cloud.snapshot()).toBe(before)
    })

    it('a second active account with the same name', async () => {
      const before = cloud.snapshot()
      const res = await call(w.openid.operator, 'addCompetitor', { name: '同城净水小王', kind: 'benchmark' })
      expect(res).toEqual({ ok: false, error: { code: 'VALIDATION', message: '账号名称：已有同名账号「同城净水小王」', fields: [{ path: 'name', message: '账号名称：已有同名账号「同城净水小王」' }] } })
      expect(cloud.snapshot()).toBe(before)
    })
  })

  it('renames, changes kind, archives (then no logging) and brings back', async () => {
    const bench = await research<CompetitorView>(w, 'addCompetitor', { name: '行业标杆甲', kind: 'benchmark' })
    const renamed = await research<CompetitorView>(w, 'updateCompetitor', { id: bench.id, version: 0, name: '行业标杆乙', kind: 'peer' })
    expect(renamed).toMatchObject({ name: '行业标杆乙', kind: 'peer', kindLabel: '同行', version: 1 })
    const archived = await research<CompetitorView>(w, 'updateCompetitor', { id: bench.id, version: 1, archived: true })
    expect(archived.archived).toBe(true)
    const refused = await call(w.openid.operator, 'logCompetitorWeek', { competitorId: bench.id, followers: 1, posts: 1, bestLikes: 1 })
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '「行业标杆乙」已归档，恢复关注后才能记录' } })
    const stale = await call(w.openid.operator, 'updateCompetitor', { id: bench.id, version: 1, archived: false })
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const back = await research<CompetitorView>(w, 'updateCompetitor', { id: bench.id, version: 2, archived: false })
    expect(back).toMatchObject({ archived: false, version: 3 })
  })

  it('refuses field staff: FORBIDDEN, nothing written', async () => {
    const before = cloud.snapshot()
    for (const [action, data] of [['competitors', {}], ['competitorComparison', {}], ['addCompetitor', { name: '外勤加的', kind: 'peer' }], ['logCompetitorWeek', { competitorId: rival.id, followers: 1, posts: 1, bestLikes: 1 }]] as const) {
      expect(await call(w.openid.field, action, data)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(cloud.snapshot()).toBe(before)
  })
})

describe('competitorComparison', () => {
  let w: World
  let rival: CompetitorView
  let bench: CompetitorView
  // Weeks A, B, C (C = the last completed one).
  const A = () => shiftWeek(W(), -2)
  const B = () => shiftWeek(W(), -1)
  const C = () => W()

  function published(daysFromMonday: number, week: string): string {
    const at = new Date(`${day(week, daysFromMonday)}T12:00:00+08:00`)
    const id = `it_${w.teamA}_${seq++}`
    const item = newItemRecord({ _id: id, teamId: w.teamA, title: `作品${id}`, format: 'short_video', layer: 'value', category: 'brand', ownerId: w.memberId.operator, plannedAt: at, createdBy: w.memberId.operator, now: at })
    cloud.store.insert(ITEMS, [{ ...item, status: 'published', publishedAt: at, day: day(week, daysFromMonday) }] as never)
    return id
  }
  const snapshot = (itemId: string, date: string, metrics: Record<string, number>) => ok(cloud, 'results', w.openid.field, 'logSnapshot', { itemId, date, metrics })
  const base = { impressions: 1000, plays: 500, completions: 100 }

  beforeAll(async () => {
    w = await buildWorld(cloud)
    // This history is built by hand: the world's own posts (two days and one day ago) would fall in C on a
    // Monday or a Tuesday.
    cloud.store.remove(ITEMS, { _id: { $in: [w.publishedItemId, w.liveItemId] } }, { multi: true })
    // Ours. Totals: 10,000 on the Sunday before A, 10,200 on A's Sunday.
    await ok(cloud, 'results', w.openid.field, 'logFollowers', { date: day(A(), -1), total: 10_000 })
    await ok(cloud, 'results', w.openid.field, 'logFollowers', { date: day(A(), 6), total: 10_200 })
    // Post P (A's Tuesday): +150 organic, +50 paid on Wednesday of A → net 200; likes 300, later 500.
    const p = published(1, A())
    await snapshot(p, day(A(), 2), { ...base, likes: 300, newFollowersOrganic: 150, newFollowersPaid: 50 })
    // In B: P adds 100 organic (cumulative 250) with likes 500; post Q (B's Thursday) adds 2 organic, likes 800.
    await snapshot(p, day(B(), 2), { ...base, likes: 500, newFollowersOrganic: 250, newFollowersPaid: 50 })
    const q = published(3, B())
    await snapshot(q, day(B(), 4), { ...base, likes: 800, newFollowersOrganic: 2 })
    // C: nothing logged, nothing published.

    // Competitors: the peer has the week before A, A and C (B missing); the benchmark only C.
    rival = await research<CompetitorView>(w, 'addCompetitor', { name: '同城净水小王', kind: 'peer' })
    bench = await research<CompetitorView>(w, 'addCompetitor', { name: '行业标杆', kind: 'benchmark' })
    const log = (c: CompetitorView, week: string, followers: number, posts: number, bestLikes: number) =>
      research(w, 'logCompetitorWeek', { competitorId: c.id, week, followers, posts, bestLikes })
    await log(rival, shiftWeek(A(), -1), 20_000, 6, 900)
    await log(rival, A(), 20_500, 7, 1_200)
    await log(rival, C(), 21_000, 5, 700)
    await log(bench, C(), 500_000, 14, 25_000)
    const archived = await research<CompetitorView>(w, 'addCompetitor', { name: '不再关注', kind: 'peer' })
    await research(w, 'updateCompetitor', { id: archived.id, version: 0, archived: true })
  })

  it('gives our growth rate, cadence and best post per week, hand-checked', async () => {
    const v = await research<CompetitorComparison>(w, 'competitorComparison', { weeks: 3 }, w.openid.manager)
    expect(v.weeks.map((x) => x.week)).toEqual([A(), B(), C()])
    expect(v.latestWeek).toBe(C())
    const ours = v.series[0]
    expect(ours).toMatchObject({ key: 'ours', name: '我们', kind: 'ours' })
    expect(ours.weeks).toEqual([
      { week: A(), followers: 10_200, growthRate: 200 / 10_000, posts: 1, bestLikes: 500 },
      { week: B(), followers: 10_200, growthRate: 102 / 10_200, posts: 1, bestLikes: 800 },
      { week: C(), followers: 10_200, growthRate: null, posts: 0, bestLikes: null },
    ])
  })

  it("gives each active competitor's weeks, a missing week as nulls and no growth right after it", async () => {
    const v = await research<CompetitorComparison>(w, 'competitorComparison', { weeks: 3 })
    expect(v.series.map((s) => s.name)).toEqual(['我们', '同城净水小王', '行业标杆'])
    expect(v.series[1].weeks).toEqual([
      { week: A(), followers: 20_500, growthRate: 500 / 20_000, posts: 7, bestLikes: 1_200 },
      { week: B(), followers: null, growthRate: null, posts: null, bestLikes: null },
      { week: C(), followers: 21_000, growthRate: null, posts: 5, bestLikes: 700 },
    ])
    expect(v.series[2]).toMatchObject({ key: bench.id, kind: 'benchmark', kindLabel: '标杆' })
    expect(v.series[2].weeks[2]).toEqual({ week: C(), followers: 500_000, growthRate: null, posts: 14, bestLikes: 25_000 })
    expect(JSON.stringify(v)).not.toContain('NaN')
  })

  it('defaults to 8 weeks ending with the last completed one', async () => {
    const v = await research<CompetitorComparison>(w, 'competitorComparison', {})
    expect(v.weeks).toHaveLength(8)
    expect(v.weeks[7]).toMatchObject({ week: W(), short: W().slice(5) })
    expect(v.series[1].weeks.find((x) => x.week === A())?.growthRate).toBeCloseTo(0.025)
  })

  it('costs 7 database requests whatever the history, and reads only the weeks asked for', async () => {
    // Four years of weekly logs for the peer and a year of daily rollups before the window.
    const old = Array.from({ length: 200 }, (_, i) => shiftWeek(A(), -10 - i))
    cloud.store.insert(COMPETITOR_WEEKS, old.map((week, i) => ({ _id: `old_${w.teamA}_${i}`, teamId: w.teamA, competitorId: rival.id, week, followers: 1000 + i, posts: 1, bestLikes: 1, supersedes: null, loggedByName: '历史', loggedAt: new Date(), createdAt: new Date(), updatedAt: new Date(), createdBy: 'x', version: 0 })) as never)
    const days = Array.from({ length: 365 }, (_, i) => addDays(day(A(), -60), -i))
    cloud.store.insert(ROLLUPS, days.map((d) => ({ _id: rollupId(w.teamA, d), teamId: w.teamA, day: d, total: { newFollowersOrganic: 1 }, by: {}, followers: null, updatedAt: new Date() })) as never)
    cloud.store.resetStats()
    const v = await research<CompetitorComparison>(w, 'competitorComparison', { weeks: 8 })
    const { requests, docsRead } = cloud.store.stats()
    expect(requests).toBeLessThanOrEqual(7)
    // 2 (caller) + 3 accounts + ≤ 9 weeks × 2 accounts' entries + ≤ 84 rollups + items and series of the weeks.
    expect(docsRead).toBeLessThanOrEqual(2 + 3 + 18 + 84 + 4)
    expect(v.series[1].weeks[0].week).toBe(shiftWeek(W(), -7))
  })
})
