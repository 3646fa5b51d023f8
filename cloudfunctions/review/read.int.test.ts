// What members read of productions, with the review function in the local cloud (read.ts): the inbox
// ("waiting for me" oldest first with overdue ones marked, "my items" with what is asked), notifications
// in-app and by subscribe message to reviewers and back to the author, marking them read, and cycle times
// per item and per range from the decision records on a fake clock. Deciding at the gates is
// decide.int.test.ts; helpers are in review.fixtures.ts.
import type { FlowView, InboxView, ItemCycleView, NotificationPage, ProductionView, RangeCycleView } from '../../core/review/schemas'
import type { TestCloud } from '../../test/support/cloud'
import { ok, type World, worldEachTest } from '../../test/support/world'
import { PRODUCTIONS } from '../common/db/collections'
import { reviewHelpers } from './review.fixtures'

let cloud: TestCloud
let w: World
const { useWorld, review, op, mgr, started, submit, approve } = reviewHelpers()
worldEachTest((c, world) => {
  cloud = c
  w = world
  useWorld(c, world)
})

const HOUR = 3_600_000

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
