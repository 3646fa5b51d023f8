// The ways numbers reach `results` other than one snapshot at a time, through the local cloud: a
// data-centre export imported (a preview that matches rows and writes nothing, then all rows or none), the
// fast-entry list of published items still lacking today's numbers, and livestream sessions, leads and
// follower totals rolled up by day, channel and format. Logging snapshots one by one (and corrections,
// rebuilds) is snapshots.int.test.ts; helpers are in results.fixtures.ts.
import type { DayRollup } from '../../core/results/rollup'
import type { ImportPreview, ImportResult, PendingToday } from '../../core/results/views'
import type { TestCloud } from '../../test/support/cloud'
import { ok, type World, worldEachTest } from '../../test/support/world'
import { FOLLOWER_TOTALS, IMPORTS, SNAPSHOTS } from '../common/db/collections'
import type { SnapshotRecord } from '../common/db/results'
import { ago, resultsHelpers, today } from './results.fixtures'

let cloud: TestCloud
let w: World
const { useWorld, call, field, logged, stored, publishedItem, expectRollupsMatchFacts } = resultsHelpers()
worldEachTest((c, world) => {
  cloud = c
  w = world
  useWorld(c, world)
})

describe('importing a data-centre export', () => {
  it('preview matches rows by title and publish day, lists refused rows with reasons, and writes nothing', async () => {
    const a = publishedItem(3, { title: '滤芯怎么换？官方演示来了' })
    const publishedAt = `${ago(3).replace(/-/g, '/')} 12:00`
    const before = cloud.snapshot()
    const p = await ok<ImportPreview>(cloud, 'results', field(), 'importPreview', {
      date: today(),
      rows: [
        { title: '滤芯怎么换？ 官方演示来了', publishedAt, plays: 2000, completionRate: 0.35, likes: 120, newFollowers: 8 },
        { title: '没有这条视频', publishedAt, plays: 10 },
        { title: '滤芯怎么换？官方演示来了', publishedAt, plays: 100, completionRate: 1.5 },
      ].map((r, i) => (i === 2 ? { ...r, completionRate: 0.9, likes: 1 } : r)),
    })
    expect(p.rows[0]).toMatchObject({ status: 'ok', itemId: a, metrics: { plays: 2000, completions: 700, likes: 120, newFollowersOrganic: 8 } })
    expect(p.rows[1]).toMatchObject({ status: 'refused', itemId: null, reasons: ['没有唯一匹配的内容，请从候选中手动选择'] })
    expect(p.rows[1].candidates.map((c) => c.id)).toContain(a)
    expect(p.rows[2]).toMatchObject({ status: 'refused', reasons: ['与第1行是同一内容'] })
    expect([p.okCount, p.refusedCount]).toEqual([1, 2])
    expect(cloud.snapshot()).toBe(before)
  })

  it('confirm writes every row in one go, or none when one row is refused', async () => {
    const a = publishedItem(3)
    const b = publishedItem(3)
    await logged(b, today(), { plays: 900 })
    const before = cloud.snapshot()
    const bad = await call(field(), 'importConfirm', { rows: [{ itemId: a, date: today(), metrics: { plays: 100 } }, { itemId: b, date: ago(1), metrics: { plays: 1000 } }] })
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'rows.1.metrics.plays' }] } })
    expect(cloud.snapshot()).toBe(before)
    const good = await ok<ImportResult>(cloud, 'results', field(), 'importConfirm', { fileName: 'export.csv', rows: [{ itemId: a, date: today(), metrics: { plays: 100 } }, { itemId: b, date: ago(1), metrics: { plays: 800 } }] })
    expect(good.rows).toBe(2)
    expect(stored<SnapshotRecord>(SNAPSHOTS).filter((s) => s.importId === good.importId)).toHaveLength(2)
    expect(stored(IMPORTS)).toHaveLength(1)
    expectRollupsMatchFacts()
  })
})

describe('fast entry', () => {
  it("lists recent published items still lacking today's numbers, with the last values", async () => {
    const a = publishedItem(3)
    const b = publishedItem(3)
    await logged(a, ago(1), { plays: 300 })
    await logged(b, today(), { plays: 50 })
    const list = await ok<PendingToday>(cloud, 'results', field(), 'pendingToday', { withinDays: 7 })
    const ids = list.items.map((i) => i.id)
    expect(ids).toContain(a)
    expect(ids).toContain(w.publishedItemId)
    expect(ids).not.toContain(b)
    expect(list.items.find((i) => i.id === a)!.last).toMatchObject({ date: ago(1), metrics: { plays: 300 } })
    expect(list.doneCount).toBe(1)
  })
})

describe('livestreams, leads and followers', () => {
  it('roll up by day, channel and format', async () => {
    const start = new Date(Date.now() - 3 * 3600_000)
    const live = await ok<{ id: string; day: string }>(cloud, 'results', field(), 'logLive', {
      itemId: w.liveItemId, startAt: start.toISOString(), endAt: new Date(start.getTime() + 3600_000).toISOString(),
      uniqueViewers: 500, peakConcurrent: 80, avgWatchSeconds: 60, newFollowers: 20, orders: 40, gmvFen: 400_000,
    })
    await ok(cloud, 'results', field(), 'logLeads', { date: live.day, channel: 'wecom', count: 3, liveId: live.id })
    await ok(cloud, 'results', field(), 'logLeads', { date: live.day, channel: 'offline', count: 2 })
    await ok(cloud, 'results', field(), 'logFollowers', { date: live.day, total: 1000 })
    await ok(cloud, 'results', w.openid.manager, 'logFollowers', { date: live.day, total: 1010 })
    const [r] = await ok<DayRollup[]>(cloud, 'results', field(), 'rollups', { from: live.day, to: live.day })
    expect(r.total).toMatchObject({ liveSessions: 1, liveDurationSeconds: 3600, liveWatchSeconds: 30000, liveOrders: 40, leads: 5 })
    expect(r.by.format.livestream).toMatchObject({ liveSessions: 1 })
    expect(r.by.channel).toEqual({ wecom: { leads: 3 }, offline: { leads: 2 } })
    expect(r.followers?.total).toBe(1010)
    expect(stored(FOLLOWER_TOTALS)).toHaveLength(2)
    expectRollupsMatchFacts()
  })

  it('refuses a livestream that is not a livestream item, naming the field', async () => {
    const res = await call(field(), 'logLive', { itemId: w.publishedItemId, startAt: new Date(Date.now() - 7200_000).toISOString(), endAt: new Date(Date.now() - 3600_000).toISOString(), uniqueViewers: 1, peakConcurrent: 1, newFollowers: 0, orders: 0, gmvFen: 0 })
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'itemId', message: '直播：这条内容不是直播' }] } })
  })
})
