// Logging an item's cumulative numbers (a snapshot) through the `results` function in the local cloud: the
// snapshot stored and its increment added to the day rollup, timed for data freshness; bad numbers and dates
// refused, named in Chinese, with nothing written; late and out-of-order dates; corrections (the logger
// within 24 hours or a manager, the old record kept); the same request or many members at once counted once;
// and rollups a rebuild or the nightly repair finds nothing to change in, down to a property over random
// sequences. The other ways numbers come in are importAndLive.int.test.ts; helpers are in results.fixtures.ts.
import fc from 'fast-check'
import type { ItemHistory, RebuildResult, SnapshotView } from '../../core/results/views'
import { addDays } from '../../core/time/china'
import type { TestCloud } from '../../test/support/cloud'
import { ok, type World, worldEachTest } from '../../test/support/world'
import { ROLLUPS, SNAPSHOTS } from '../common/db/collections'
import type { SnapshotRecord } from '../common/db/results'
import { ago, resultsHelpers, today } from './results.fixtures'

let cloud: TestCloud
let w: World
const { useWorld, call, field, log, logged, stored, rollup, publishedItem, expectRollupsMatchFacts } = resultsHelpers()
worldEachTest((c, world) => {
  cloud = c
  w = world
  useWorld(c, world)
})

describe('logging a snapshot', () => {
  it('stores the snapshot and adds its increment to the day rollup under the item dimensions', async () => {
    const snap = await logged(w.publishedItemId, today(), { plays: 1000, completions: 350, likes: 80, avgWatchSeconds: 12 })
    expect(snap).toMatchObject({ kind: 'log', source: 'form', supersedes: null, loggedByName: '成员field' })
    expect(rollup(today())).toMatchObject({
      total: { plays: 1000, completions: 350, likes: 80, watchSeconds: 12000, itemsLogged: 1 },
      by: { format: { short_video: { plays: 1000 } }, layer: { intro: { plays: 1000 } }, category: { brand: { plays: 1000 } } },
    })
  })

  it('times the log for data freshness: minutes after the end of its metrics day, on that day, total only; a correction adds none', async () => {
    const snap = await logged(w.publishedItemId, ago(2), { plays: 100 })
    const lag = Math.floor((new Date(snap.loggedAt).getTime() - new Date(`${ago(1)}T00:00:00+08:00`).getTime()) / 60_000)
    expect(lag).toBeGreaterThanOrEqual(24 * 60) // exactly 1440 in the first minute after midnight
    expect(rollup(ago(2))!.total).toMatchObject({ logLagMinutes: lag, logsTimed: 1 })
    expect(rollup(ago(2))!.by.layer.intro.logsTimed).toBeUndefined()
    await logged(w.publishedItemId, today(), { plays: 150 })
    expect(rollup(today())!.total).toMatchObject({ logsTimed: 1 })
    expect(rollup(today())!.total.logLagMinutes).toBeUndefined()
    const fixed = await call(w.openid.manager, 'correctSnapshot', { snapshotId: snap.id, metrics: { plays: 90 }, reason: '看错了' })
    expect(fixed.ok).toBe(true)
    expect(rollup(ago(2))!.total).toMatchObject({ logLagMinutes: lag, logsTimed: 1 })
    expectRollupsMatchFacts()
  })

  it('names bad fields in Chinese and writes nothing', async () => {
    const before = cloud.snapshot()
    const res = await log(w.publishedItemId, today(), { plays: 100, completions: 120, likes: -1 })
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(res.ok ? null : res.error.fields).toEqual([{ path: 'metrics.likes', message: '点赞：不能为负数' }, { path: 'metrics.completions', message: '完播：不能大于播放（100）' }])
    const res2 = await log(w.publishedItemId, today(), { plays: 100, completions: 120 })
    expect(res2.ok ? null : res2.error.fields).toEqual([{ path: 'metrics.completions', message: '完播：不能大于播放（100）' }])
    expect(cloud.snapshot()).toBe(before)
  })

  it('refuses a date in the future or before the item was published', async () => {
    const before = cloud.snapshot()
    for (const date of [addDays(today(), 1), ago(3)]) {
      const res = await log(w.publishedItemId, date, { plays: 1 })
      expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'date' }] } })
      expect(res.ok ? null : res.error.message).toMatch(/^数据日期：/)
    }
    expect(cloud.snapshot()).toBe(before)
  })

  it('refuses an item that is not published yet', async () => {
    expect(await log(w.itemId, today(), { plays: 1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'itemId' }] } })
  })

  it('refuses a cumulative value below the previous date, naming the field', async () => {
    await logged(w.publishedItemId, ago(1), { plays: 500, likes: 40 })
    const before = cloud.snapshot()
    const res = await log(w.publishedItemId, today(), { plays: 400, likes: 50 })
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'metrics.plays', message: `播放：不能少于 ${ago(1)} 的累计值 500` }] } })
    expect(cloud.snapshot()).toBe(before)
  })

  it('lets a later reading of the same day replace the earlier one, keeping both', async () => {
    const first = await logged(w.publishedItemId, today(), { plays: 500 })
    const second = await logged(w.publishedItemId, today(), { plays: 800 }, w.openid.operator)
    expect(second.supersedes).toBe(first.id)
    // both readings were logs: each is timed for freshness (same day, so no lag)
    expect(rollup(today())!.total).toEqual({ plays: 800, itemsLogged: 1, logsTimed: 2 })
    expect(stored(SNAPSHOTS)).toHaveLength(2)
  })
})

describe('late and out-of-order snapshots', () => {
  it('yield the same increments as snapshots logged in order', async () => {
    const item = publishedItem(10)
    await logged(item, ago(2), { plays: 900 })
    await logged(item, ago(6), { plays: 300 })
    await logged(item, ago(4), { plays: 700 })
    expect(rollup(ago(6))!.total.plays).toBe(300)
    expect(rollup(ago(4))!.total.plays).toBe(400)
    expect(rollup(ago(2))!.total.plays).toBe(200)
    expectRollupsMatchFacts()
  })

  it('refuses a late snapshot above the next date already logged', async () => {
    const item = publishedItem(10)
    await logged(item, ago(2), { plays: 900 })
    const res = await log(item, ago(4), { plays: 950 })
    expect(res).toMatchObject({ ok: false, error: { fields: [{ path: 'metrics.plays', message: `播放：不能多于 ${ago(2)} 的累计值 900` }] } })
  })
})

describe('corrections', () => {
  it('the logger may correct within 24 hours; the old record stays and the history says who did what', async () => {
    const item = publishedItem(5)
    await logged(item, ago(2), { plays: 100 })
    const typo = await logged(item, ago(1), { plays: 5000 })
    await logged(item, today(), { plays: 5200 }, w.openid.operator)
    const res = await call(field(), 'correctSnapshot', { snapshotId: typo.id, metrics: { plays: 500 }, reason: '多打了一个 0' })
    expect(res).toMatchObject({ ok: true, data: { kind: 'correction', supersedes: typo.id, reason: '多打了一个 0' } })
    expect(rollup(ago(1))!.total.plays).toBe(400)
    expect(rollup(today())!.total.plays).toBe(4700)
    const h = await ok<ItemHistory>(cloud, 'results', field(), 'itemHistory', { itemId: item })
    expect(h.entries).toHaveLength(4)
    expect(h.entries.find((e) => e.id === typo.id)).toMatchObject({ supersededBy: (res as { data: SnapshotView }).data.id, loggedByName: '成员field' })
    expect(h.series.map((p) => p.increments.plays)).toEqual([100, 400, 4700])
    expectRollupsMatchFacts()
  })

  it("refuses a correction by someone else who is not a manager, or by the logger after 24 hours", async () => {
    const snap = await logged(w.publishedItemId, today(), { plays: 100 })
    const other = await call(w.openid.operator, 'correctSnapshot', { snapshotId: snap.id, metrics: { plays: 90 }, reason: '核对' })
    expect(other).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    cloud.store.update(SNAPSHOTS, { _id: snap.id }, { $set: { loggedAt: new Date(Date.now() - 25 * 3600_000) } }, { multi: false, upsert: false, replace: false })
    const late = await call(field(), 'correctSnapshot', { snapshotId: snap.id, metrics: { plays: 90 }, reason: '核对' })
    expect(late).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await call(w.openid.manager, 'correctSnapshot', { snapshotId: snap.id, metrics: { plays: 90 }, reason: '核对' })).toMatchObject({ ok: true })
  })

  it('only a manager may correct to a value below the previous date', async () => {
    await logged(w.publishedItemId, ago(1), { plays: 500 })
    const snap = await logged(w.publishedItemId, today(), { plays: 600 })
    const mine = await call(field(), 'correctSnapshot', { snapshotId: snap.id, metrics: { plays: 450 }, reason: '数据中心回调' })
    expect(mine).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'metrics.plays' }] } })
    expect(mine.ok ? null : mine.error.message).toContain('只能由主管提交')
    const managers = await call(w.openid.manager, 'correctSnapshot', { snapshotId: snap.id, metrics: { plays: 450 }, reason: '数据中心回调' })
    expect(managers).toMatchObject({ ok: true })
    expect(rollup(today())!.total.plays).toBe(-50)
    expectRollupsMatchFacts()
  })

  it('refuses to correct a record that was already superseded', async () => {
    const a = await logged(w.publishedItemId, today(), { plays: 100 })
    await logged(w.publishedItemId, today(), { plays: 120 })
    expect(await call(field(), 'correctSnapshot', { snapshotId: a.id, metrics: { plays: 90 }, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })
})

describe('never twice', () => {
  it('the same request sent 50 times at once stores one snapshot and counts it once', async () => {
    const data = { itemId: w.publishedItemId, date: today(), metrics: { plays: 777 } }
    const results = await Promise.all(Array.from({ length: 50 }, () => call(field(), 'logSnapshot', data, 'same-request-0001')))
    expect(results.every((r) => r.ok)).toBe(true)
    expect(new Set(results.map((r) => (r as { data: SnapshotView }).data.id)).size).toBe(1)
    expect(stored(SNAPSHOTS)).toHaveLength(1)
    expect(rollup(today())!.total).toEqual({ plays: 777, itemsLogged: 1, logsTimed: 1 })
  })

  it('numbers edited after a timeout and sent under the same requestId are stored, not answered with the old ones', async () => {
    // The first send arrived, but its answer was lost; the field worker corrected a number and tapped again.
    const first = await call(field(), 'logSnapshot', { itemId: w.publishedItemId, date: today(), metrics: { plays: 500 } }, 'edited-after-timeout')
    const second = await call(field(), 'logSnapshot', { itemId: w.publishedItemId, date: today(), metrics: { plays: 650 } }, 'edited-after-timeout')
    expect(first.ok && second.ok).toBe(true)
    const [a, b] = [first, second].map((r) => (r as { data: SnapshotView }).data)
    expect(b.id).not.toBe(a.id)
    expect(b).toMatchObject({ metrics: { plays: 650 }, supersedes: a.id })
    expect(rollup(today())!.total).toMatchObject({ plays: 650, itemsLogged: 1 })
    // A true retry of either is still answered, not stored again.
    const again = await call(field(), 'logSnapshot', { itemId: w.publishedItemId, date: today(), metrics: { plays: 500 } }, 'edited-after-timeout')
    expect((again as { data: SnapshotView }).data.id).toBe(a.id)
    expect(stored(SNAPSHOTS)).toHaveLength(2)
    expectRollupsMatchFacts()
  })

  it('different members logging at once all land, and rollups stay exact', async () => {
    const items = [publishedItem(3), publishedItem(3), publishedItem(3)]
    const who = [w.openid.field, w.openid.operator, w.openid.manager, w.openid.admin]
    await Promise.all(items.flatMap((item, i) => who.map((o, k) => logged(item, ago(k % 3), { plays: 100 * (3 - (k % 3)) + i }, o).catch(() => null))))
    expectRollupsMatchFacts()
  })
})

describe('rebuild and nightly repair', () => {
  it('a rebuild finds nothing to change after incremental writes', async () => {
    await logged(w.publishedItemId, ago(1), { plays: 10 })
    await logged(w.publishedItemId, today(), { plays: 30 })
    const r = await ok<RebuildResult>(cloud, 'results', w.openid.admin, 'rebuildRollups')
    expect(r).toMatchObject({ snapshots: 2, changedDays: 0 })
  })

  it('the timer repairs a damaged rollup', async () => {
    await logged(w.publishedItemId, today(), { plays: 30 })
    const id = rollup(today())!._id
    cloud.store.update(ROLLUPS, { _id: id }, { $set: { 'total.plays': 999 } }, { multi: false, upsert: false, replace: false })
    const anonymous = await cloud.call('results', null, { Type: 'Timer', TriggerName: 'nightlyRollupRepair' } as never)
    expect(anonymous).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(rollup(today())!.total.plays).toBe(999)
    const res = await cloud.timer('results', 'nightlyRollupRepair')
    expect(res).toMatchObject({ ok: true })
    expect(rollup(today())!.total.plays).toBe(30)
  })

  it('property: random late, out-of-order and concurrent snapshots and corrections leave rollups equal to a rebuild', async () => {
    const items = [publishedItem(12, { layer: 'intro' }), publishedItem(12, { layer: 'story' })]
    const who = [w.openid.field, w.openid.operator, w.openid.manager]
    const op = fc.record({ item: fc.nat(1), daysAgo: fc.nat(10), plays: fc.nat(3000), likes: fc.option(fc.nat(300), { nil: undefined }), who: fc.nat(2), correct: fc.boolean() })
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(op, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), async (batches) => {
        for (const batch of batches) {
          await Promise.all(
            batch.map(async (o) => {
              const metrics: Record<string, number> = o.likes === undefined ? { plays: o.plays } : { plays: o.plays, likes: o.likes }
              const existing = stored<SnapshotRecord>(SNAPSHOTS).filter((s) => s.itemId === items[o.item] && s.date === ago(o.daysAgo))
              const inForce = existing.find((s) => !existing.some((x) => x.supersedes === s._id))
              if (o.correct && inForce) return call(w.openid.manager, 'correctSnapshot', { snapshotId: inForce._id, metrics, reason: '随机更正' })
              return log(items[o.item], ago(o.daysAgo), metrics, who[o.who])
            }),
          )
        }
        expectRollupsMatchFacts()
      }),
      { numRuns: 15 },
    )
    expect(await ok<RebuildResult>(cloud, 'results', w.openid.admin, 'rebuildRollups')).toMatchObject({ changedDays: 0 })
  })
})
