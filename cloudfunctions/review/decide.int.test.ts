// Moving a production through its gates with the review function in the local cloud (decide.ts): a short
// video through five gates to 待发布 and on to published, and no publishing before the final gate; changes
// requested and resubmitted, with the timeline of every version, decision and comment; who may decide (not
// the author, not a member who is not the gate's reviewer, never field staff); and concurrent decisions, of
// which exactly one stands. Flows are flows.int.test.ts, the inbox and cycle times read.int.test.ts; helpers
// are in review.fixtures.ts.
import type { ItemDetail } from '../../core/content/schemas'
import type { MonthView } from '../../core/content/calendar'
import type { ProductionView, TimelineEntry, VersionView } from '../../core/review/schemas'
import type { TestCloud } from '../../test/support/cloud'
import { buildWorld, ok, type World, worldEachTest } from '../../test/support/world'
import { ITEMS, REVIEW_EVENTS } from '../common/db/collections'
import { reviewHelpers } from './review.fixtures'

let cloud: TestCloud
let w: World
const { useWorld, call, review, op, mgr, started, submit, approve } = reviewHelpers()
worldEachTest((c, world) => {
  cloud = c
  w = world
  useWorld(c, world)
})

let seq = 0

describe('the happy path', () => {
  it('moves a short video through five gates to scheduled, and the calendar shows it as 待发布', async () => {
    let p = await started()
    expect(p).toMatchObject({ gateIndex: 0, gateName: '选题', gateState: 'drafting', status: 'in_production', moves: { canSubmit: true } })
    const names: string[] = []
    for (let i = 0; i < 5; i++) {
      names.push(p.gateName)
      p = await submit(p, `第 ${i + 1} 关的版本`)
      expect(p).toMatchObject({ gateState: 'in_review', versionNo: i + 1 })
      p = await approve(p)
    }
    expect(names).toEqual(['选题', '脚本', '拍摄', '剪辑', '终审'])
    expect(p).toMatchObject({ status: 'scheduled', statusLabel: '待发布', moves: { canPublish: true } })
    const item = await ok<ItemDetail>(cloud, 'content', op(), 'getItem', { id: w.itemId })
    expect(item.status).toBe('scheduled')
    // the dashboard's 制作周期 reads the cycle time written onto the item at the final gate: the same as itemCycle says
    const stored = cloud.store.getById(ITEMS, w.itemId) as unknown as { cycleSeconds: number; finalApprovedAt: Date }
    const cycle = await ok<{ productionHours: number }>(cloud, 'review', op(), 'itemCycle', { itemId: w.itemId })
    expect(stored.finalApprovedAt).toBeInstanceOf(Date)
    expect(typeof stored.cycleSeconds).toBe('number')
    expect(stored.cycleSeconds).toBe(Math.round(cycle.productionHours * 3600))
    const month = await ok<MonthView>(cloud, 'content', op(), 'monthView', { month: item.day!.slice(0, 7) })
    const cell = month.days.find((d) => d.day === item.day)!
    expect(cell.items.find((i) => i.id === w.itemId)?.status).toBe('scheduled')
    expect(month.total).toBeGreaterThanOrEqual(1)
  })

  it('publishing through content.markPublished records the real time and link, and closes the production', async () => {
    let p = await started()
    for (let i = 0; i < 5; i++) p = await approve(await submit(p))
    const item = await ok<ItemDetail>(cloud, 'content', op(), 'getItem', { id: w.itemId })
    const published = await ok<ItemDetail>(cloud, 'content', op(), 'markPublished', { id: w.itemId, version: item.version, postUrl: 'https://channels.weixin.qq.com/p/1' })
    expect(published).toMatchObject({ status: 'published', postUrl: 'https://channels.weixin.qq.com/p/1' })
    expect(await review<ProductionView>(op(), 'getProduction', { itemId: w.itemId })).toMatchObject({ status: 'published' })
    const tl = await review<TimelineEntry[]>(op(), 'timeline', { itemId: w.itemId })
    expect(tl[tl.length - 1]).toMatchObject({ kind: 'published', comment: 'https://channels.weixin.qq.com/p/1' })
  })

  it('refuses to publish an item still in review, keeping item and production as they were', async () => {
    await submit(await started())
    const item = await ok<ItemDetail>(cloud, 'content', op(), 'getItem', { id: w.itemId })
    const before = cloud.snapshot(w.teamA)
    const res = await cloud.call('content', op(), { action: 'markPublished', data: { id: w.itemId, version: item.version }, requestId: 'pub-early-1' })
    expect(res).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('终审通过后才能标记发布') } })
    expect(cloud.snapshot(w.teamA).replace(/"requests":.*$/gm, '')).toBe(before.replace(/"requests":.*$/gm, ''))
  })
})

describe('request changes and resubmit', () => {
  it('sends the item back to the author at the same gate with the comment, then passes on resubmission', async () => {
    let p = await submit(await started())
    const back = await review<ProductionView>(mgr(), 'requestChanges', { itemId: p.itemId, version: p.version, comment: '开头三秒要抓人', versionNo: 1 })
    expect(back).toMatchObject({ gateIndex: 0, gateState: 'changes_requested', moves: { canReview: false } })
    p = await submit(back, '改过的选题')
    expect(p).toMatchObject({ gateIndex: 0, gateState: 'in_review', versionNo: 2 })
    p = await approve(p)
    expect(p).toMatchObject({ gateIndex: 1, gateName: '脚本', gateState: 'drafting' })
    const versions = await review<VersionView[]>(op(), 'versions', { itemId: p.itemId })
    expect(versions.map((v) => [v.no, v.gateName, v.text])).toEqual([
      [1, '选题', '脚本初稿'],
      [2, '选题', '改过的选题'],
    ])
  })

  it('requires a comment to request changes', async () => {
    const p = await submit(await started())
    const res = await call(mgr(), 'requestChanges', { itemId: p.itemId, version: p.version, comment: '  ' })
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'comment' }] } })
  })

  it('the timeline shows every version, decision, comment and stage change with who and when', async () => {
    let p = await submit(await started())
    p = await review<ProductionView>(mgr(), 'requestChanges', { itemId: p.itemId, version: p.version, comment: '换个角度' })
    await review(mgr(), 'addComment', { itemId: p.itemId, comment: '参考上周爆款', versionNo: 1 })
    p = await approve(await submit(p, '第二稿'))
    const tl = await review<TimelineEntry[]>(op(), 'timeline', { itemId: p.itemId })
    expect(tl.map((e) => [e.kind, e.byName, e.versionNo])).toEqual([
      ['started', '成员operator', null],
      ['submitted', '成员operator', 1],
      ['changes_requested', '成员manager', 1],
      ['comment', '成员manager', 1],
      ['submitted', '成员operator', 2],
      ['approved', '成员manager', 2],
      ['stage', '成员manager', 2],
    ])
    expect(tl[1].version).toMatchObject({ no: 1, text: '脚本初稿' })
    expect(tl[2]).toMatchObject({ comment: '换个角度', label: '成员manager 要求修改「选题」 第 1 版' })
    expect(tl[6].label).toBe('进入「脚本」')
    expect(tl.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true)
  })
})

describe('who may decide', () => {
  it('the author cannot approve their own submission, even holding the manager role', async () => {
    const p = await review<ProductionView>(w.openid.owner, 'getProduction', { itemId: w.reviewItemId })
    expect(p.moves).toMatchObject({ canReview: false, reviewBlockedReason: '不能审核自己的提交' })
    const res = await call(w.openid.owner, 'approve', { itemId: w.reviewItemId, version: p.version })
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '不能审核自己的提交' } })
  })

  it('a planner who is not the gate reviewer is refused', async () => {
    const p = await submit(await started())
    const res = await call(w.openid.admin, 'approve', { itemId: p.itemId, version: p.version })
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '你不是「选题」关的审核人，本关由 团队创建人、成员manager 审核' } })
  })

  it('field staff can neither submit nor review', async () => {
    const p = await started()
    for (const action of ['submitVersion', 'approve', 'requestChanges', 'startProduction']) {
      const res = await call(w.openid.field, action, { itemId: p.itemId, version: p.version, text: 'x', comment: 'x' })
      expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
  })

  it('every planner role may approve where the flow names all of them', async () => {
    for (const kind of ['admin', 'manager', 'operator'] as const) {
      const fresh = await buildWorld(cloud)
      const res = await cloud.call('review', fresh.openid[kind], { action: 'approve', data: { itemId: fresh.reviewItemId, version: fresh.reviewVersion }, requestId: `all-${kind}-${seq++}` })
      expect(res).toMatchObject({ ok: true, data: { gateIndex: 1 } })
    }
  })
})

describe('two reviewers at once', () => {
  it('of 20 concurrent approvals exactly one wins; the others get CONFLICT with the current state', async () => {
    const p = await submit(await started())
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        cloud.call('review', i % 2 ? mgr() : w.openid.owner, { action: 'approve', data: { itemId: p.itemId, version: p.version }, requestId: `race-${i}-${seq++}` }),
      ),
    )
    const winners = results.filter((r) => r.ok)
    expect(winners).toHaveLength(1)
    for (const r of results.filter((x) => !x.ok)) {
      expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', current: { gateIndex: 1, gateState: 'drafting' } } })
    }
    const events = cloud.store.find(REVIEW_EVENTS, { query: { itemId: p.itemId, type: 'approved' } })
    expect(events).toHaveLength(1)
  })

  it('an approval racing a request for changes: one decision stands', async () => {
    const p = await submit(await started())
    const [a, b] = await Promise.all([
      call(mgr(), 'approve', { itemId: p.itemId, version: p.version }),
      call(w.openid.owner, 'requestChanges', { itemId: p.itemId, version: p.version, comment: '再想想' }),
    ])
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1)
  })
})
