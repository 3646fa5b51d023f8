import type { ItemDetail } from '../../core/content/schemas'
import type { MonthView } from '../../core/content/calendar'
import type { FlowView, InboxView, ItemCycleView, NotificationPage, ProductionView, RangeCycleView, TimelineEntry, VersionView } from '../../core/review/schemas'
import type { TestCloud } from '../../test/support/cloud'
import { buildWorld, ok, type World, worldEachTest } from '../../test/support/world'
import { ITEMS, PRODUCTIONS, REVIEW_EVENTS } from '../common/db/collections'

let cloud: TestCloud
let w: World
worldEachTest((c, world) => {
  cloud = c
  w = world
})

const HOUR = 3_600_000
let seq = 0
const call = (openid: string, action: string, data: unknown = {}) =>
  cloud.call('review', openid, { action, data, requestId: `r-${Date.now().toString(36)}-${seq++}` })
const review = <T>(openid: string, action: string, data: unknown = {}) => ok<T>(cloud, 'review', openid, action, data)
const op = () => w.openid.operator
const mgr = () => w.openid.manager

/** A planned short video owned by the operator, in production at its topic gate. */
async function started(): Promise<ProductionView> {
  return review<ProductionView>(op(), 'startProduction', { itemId: w.itemId })
}

async function submit(p: ProductionView, text = '脚本初稿', by = op()): Promise<ProductionView> {
  return review<ProductionView>(by, 'submitVersion', { itemId: p.itemId, version: p.version, text })
}

async function approve(p: ProductionView, by = mgr(), comment = '可以'): Promise<ProductionView> {
  return review<ProductionView>(by, 'approve', { itemId: p.itemId, version: p.version, comment })
}

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

describe('flows', () => {
  it('admins edit a flow per format; items already in production keep their snapshot', async () => {
    const p = await submit(await started())
    const flow = await review<FlowView>(w.openid.admin, 'getFlow', { format: 'short_video' })
    expect(flow).toMatchObject({ isDefault: true, version: 0 })
    const gates = [flow.gates[0], { ...flow.gates[4], slaHours: 8 }]
    const saved = await review<FlowView>(w.openid.admin, 'updateFlow', { format: 'short_video', gates, version: 0 })
    expect(saved).toMatchObject({ isDefault: false, version: 1, gates: [{ key: 'topic' }, { key: 'final', slaHours: 8 }] })
    const still = await review<ProductionView>(op(), 'getProduction', { itemId: p.itemId })
    expect(still.gates.map((g) => g.name)).toEqual(['选题', '脚本', '拍摄', '剪辑', '终审'])
    const stale = await call(w.openid.admin, 'updateFlow', { format: 'short_video', gates, version: 0 })
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it('new items start on the edited flow', async () => {
    const reordered = await review<FlowView[]>(w.openid.admin, 'listFlows')
    const sv = reordered.find((f) => f.format === 'short_video')!
    await review(w.openid.admin, 'updateFlow', { format: 'short_video', gates: [sv.gates[0], sv.gates[4]], version: 0 })
    expect((await started()).gates.map((g) => g.name)).toEqual(['选题', '终审'])
  })

  it('named reviewers must be members who may review', async () => {
    const flow = await review<FlowView>(w.openid.admin, 'getFlow', { format: 'image_text' })
    const gates = flow.gates.map((g) => ({ ...g, reviewers: { roles: [], memberIds: [w.memberId.field] } }))
    const res = await call(w.openid.admin, 'updateFlow', { format: 'image_text', gates, version: flow.version })
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'gates.0.reviewers.memberIds.0' }, { path: 'gates.1.reviewers.memberIds.0' }] } })
  })

  it("an 'all' gate waits for every named reviewer", async () => {
    const gate = { key: 'topic', name: '选题', reviewers: { roles: [], memberIds: [w.memberId.manager, w.memberId.admin] }, mode: 'all', slaHours: 24 }
    await review(w.openid.admin, 'updateFlow', { format: 'short_video', gates: [gate], version: 0 })
    let p = await submit(await started())
    p = await approve(p, mgr())
    expect(p).toMatchObject({ status: 'in_production', gateState: 'in_review', approvals: [{ name: '成员manager' }] })
    p = await approve(p, w.openid.admin)
    expect(p.status).toBe('scheduled')
  })
})

describe('inbox and notifications', () => {
  it('"waiting for me" lists reviews oldest first and marks overdue ones; "my items" says what is asked', async () => {
    const p = await submit(await started())
    const pastDue = new Date(Date.now() - 30 * HOUR)
    cloud.store.update(PRODUCTIONS, { _id: w.reviewItemId }, { $set: { reviewSince: pastDue } } as never, { multi: false, upsert: false } as never)
    const inbox = await review<InboxView>(mgr(), 'inbox')
    expect(inbox.waiting.map((e) => e.itemId)).toEqual([w.reviewItemId, p.itemId])
    expect(inbox.waiting[0]).toMatchObject({ overdue: true, gateName: '选题', submittedByName: '团队创建人' })
    expect(inbox.waiting[0].waitingHours).toBeGreaterThanOrEqual(30)
    expect(inbox.waiting[1]).toMatchObject({ overdue: false, versionNo: 1 })
    expect(inbox).toMatchObject({ waitingTotal: 2, overdueTotal: 1 })
    const mine = await review<InboxView>(op(), 'inbox')
    expect(mine.waiting.map((e) => e.itemId)).toEqual([w.reviewItemId]) // the world's image-text flow names operators too; their own item is never theirs to review
    expect(mine.mine.find((m) => m.itemId === p.itemId)).toMatchObject({ ask: '等待审核「选题」', myTurn: false })
  })

  it('reviewers get an in-app notification and a subscribe message; the author hears back', async () => {
    process.env.REVIEW_TEMPLATE_TODO = 'tpl-todo-123'
    const outboxBefore = cloud.outbox().length
    const p = await submit(await started())
    const list = await review<NotificationPage>(mgr(), 'notifications', { offset: 0 })
    expect(list.items[0]).toMatchObject({ kind: 'review_requested', itemId: p.itemId, read: false, title: '待审核：门店店长的一天' })
    const sent = cloud.outbox().slice(0, cloud.outbox().length - outboxBefore)
    const managerOpenids = [w.openid.manager, w.openid.owner] // the owner holds manager too
    expect(sent.map((s) => (s.params as { touser: string }).touser).sort()).toEqual(managerOpenids.sort())
    expect(sent[0]).toMatchObject({ api: 'subscribeMessage.send', params: { templateId: 'tpl-todo-123', page: `package-content/item/index?id=${p.itemId}` } })
    delete process.env.REVIEW_TEMPLATE_TODO

    await review(mgr(), 'requestChanges', { itemId: p.itemId, version: p.version, comment: '字幕太小' })
    const author = await review<NotificationPage>(op(), 'notifications', { offset: 0 })
    expect(author.items[0]).toMatchObject({ kind: 'changes_requested', body: '成员manager 要求修改「选题」：字幕太小' })
    expect(author.unread).toBe(2) // and, as an image-text reviewer, the world's review request
    expect(await review<{ updated: number }>(op(), 'markRead', { ids: [author.items[0].id] })).toEqual({ updated: 1 })
    expect(await review<{ updated: number }>(op(), 'markRead', { all: true })).toEqual({ updated: 1 })
    expect((await review<NotificationPage>(op(), 'notifications', { offset: 0 })).unread).toBe(0)
  })
})

describe('cycle time', () => {
  afterEach(() => jest.useRealTimers())

  it('per item and per range, from the decision records, match hand-computed hours', async () => {
    const t0 = new Date('2031-03-02T01:00:00Z')
    const at = (h: number) => jest.setSystemTime(new Date(t0.getTime() + h * HOUR))
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'clearImmediate', 'queueMicrotask', 'hrtime', 'performance'] })
    at(0)
    const item = await ok<{ id: string }>(cloud, 'content', op(), 'createItem', { title: '周期测试', format: 'image_text', layer: 'value', category: 'brand', ownerId: w.memberId.operator, plannedAt: new Date(t0.getTime() + 5 * 86400_000).toISOString() })
    await review(w.openid.admin, 'updateFlow', { format: 'image_text', gates: (await review<FlowView[]>(w.openid.admin, 'listFlows')).find((f) => f.format === 'image_text')!.gates.map((g) => ({ ...g, reviewers: { roles: ['manager'], memberIds: [] } })), version: 1 })
    let p = await review<ProductionView>(op(), 'startProduction', { itemId: item.id })
    // Flow 选题 → 终审 (world's image-text flow). Topic: submit 1 h, approved 3 h. Final: submit 5 h, changes 9 h, submit 10 h, approved 12 h.
    at(1)
    p = await submit(p)
    at(3)
    p = await approve(p)
    at(5)
    p = await submit(p)
    at(9)
    p = await review<ProductionView>(mgr(), 'requestChanges', { itemId: p.itemId, version: p.version, comment: '配图换一张' })
    at(10)
    p = await submit(p)
    at(12)
    p = await approve(p)
    expect(p.status).toBe('scheduled')
    at(20)
    const c = await review<ItemCycleView>(op(), 'itemCycle', { itemId: item.id })
    expect(c).toMatchObject({ done: true, productionHours: 9, waitingHours: 6, workingHours: 3 })
    expect(c.stages.map((s) => [s.name, s.hours, s.waitingHours, s.workingHours])).toEqual([
      ['选题', 3, 2, 1],
      ['终审', 9, 6, 3],
    ])
    const range = await review<RangeCycleView>(op(), 'cycleStats', { from: '2031-03-02', to: '2031-03-02' })
    expect(range).toMatchObject({ items: 1, avgProductionHours: 9, medianProductionHours: 9, waitingShare: 6 / 9, targetHours: 24 })
    expect(range.list).toEqual([{ itemId: item.id, title: '周期测试', productionHours: 9, finalApprovedAt: new Date(t0.getTime() + 12 * HOUR).toISOString() }])
  })
})
