// Issue 17 parts 6 and 7 through the local cloud: the function names who reviews the current gate and
// by when, names them when it refuses a non-reviewer, and gives the inbox a preview of each version
// (kept on the production, so the inbox reads no versions) that is enough to decide from the row.
import type { FlowView, InboxView, ProductionView } from '../../core/review/schemas'
import type { TestCloud } from '../../test/support/cloud'
import { ok, type World, worldEachTest } from '../../test/support/world'
import { REVIEW_EVENTS, REVIEW_VERSIONS } from '../common/db/collections'

let cloud: TestCloud
let w: World
worldEachTest((c, world) => {
  cloud = c
  w = world
})

const HOUR = 3_600_000
let seq = 0
const call = (openid: string, action: string, data: unknown = {}, requestId = `rv-${Date.now().toString(36)}-${seq++}`) =>
  cloud.call('review', openid, { action, data, requestId })
const review = <T>(openid: string, action: string, data: unknown = {}) => ok<T>(cloud, 'review', openid, action, data)
const op = () => w.openid.operator

/** The operator's planned short video, started and its topic submitted with a note, a script and a picture. */
async function submitted(): Promise<ProductionView> {
  const p = await review<ProductionView>(op(), 'startProduction', { itemId: w.itemId })
  return review<ProductionView>(op(), 'submitVersion', {
    itemId: w.itemId,
    version: p.version,
    text: '开场：店长拆箱\n\n中段：现场接水试喝\n结尾：引导到店\n彩蛋：滤芯对比',
    note: '按上周爆款的节奏',
    fileIds: ['cloud://env-1/review/x/clip.mp4', 'cloud://env-1/review/x/cover.jpg'],
  })
}

async function setTopicReviewers(reviewers: { roles: string[]; memberIds: string[] }, mode: 'any' | 'all' = 'any') {
  const flow = await review<FlowView>(w.openid.admin, 'getFlow', { format: 'short_video' })
  const gates = flow.gates.map((g, i) => (i === 0 ? { ...g, reviewers, mode } : g))
  await review(w.openid.admin, 'updateFlow', { format: 'short_video', gates, version: flow.version })
}

describe('who reviews the current gate, and by when', () => {
  it('tells the author who will review the version they submitted, and when it is due', async () => {
    const p = await submitted()
    expect(p.reviewerNames).toEqual(['团队创建人', '成员manager'])
    expect(Date.parse(p.dueAt!) - Date.parse(p.reviewSince!)).toBe(24 * HOUR)
  })

  it('names who reviews a drafting gate too, before anything is submitted', async () => {
    const p = await review<ProductionView>(op(), 'startProduction', { itemId: w.itemId })
    expect(p).toMatchObject({ gateState: 'drafting', reviewerNames: ['团队创建人', '成员manager'], reviewSince: null, dueAt: null })
  })

  it('puts a gate’s named reviewer first and leaves out the authors', async () => {
    await setTopicReviewers({ roles: ['operator'], memberIds: [w.memberId.manager] })
    const p = await submitted()
    expect(p.reviewerNames).toEqual(['成员manager', '团队创建人']) // the creator holds every role; the operator is the author
  })

  it('on an all-gate, names only who has still to approve', async () => {
    await setTopicReviewers({ roles: [], memberIds: [w.memberId.manager, w.memberId.admin] }, 'all')
    const p = await submitted()
    const after = await review<ProductionView>(w.openid.manager, 'approve', { itemId: p.itemId, version: p.version })
    expect(after.reviewerNames).toEqual(['成员admin'])
  })

  it('tells a planner who is not the reviewer who is, in the refusal and on the item', async () => {
    await setTopicReviewers({ roles: [], memberIds: [w.memberId.manager] })
    const p = await submitted()
    const res = await call(w.openid.admin, 'approve', { itemId: p.itemId, version: p.version })
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '你不是「选题」关的审核人，本关由 成员manager 审核' } })
    const seen = await review<ProductionView>(w.openid.admin, 'getProduction', { itemId: p.itemId })
    expect(seen.moves).toMatchObject({ canReview: false, reviewBlockedReason: '你不是「选题」关的审核人，本关由 成员manager 审核' })
  })

  it('says so when nobody but the author could review the gate', async () => {
    await setTopicReviewers({ roles: [], memberIds: [w.memberId.operator] })
    const p = await submitted()
    const res = await call(w.openid.manager, 'approve', { itemId: p.itemId, version: p.version })
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '你不是「选题」关的审核人，本关暂无可审核的成员，请管理员在评审流程中指定审核人' } })
  })
})

describe('deciding from the inbox', () => {
  it('gives each waiting row a preview of its version: note, first lines and the cover picture', async () => {
    await submitted()
    const inbox = await review<InboxView>(w.openid.manager, 'inbox')
    expect(inbox.waiting.find((e) => e.itemId === w.itemId)).toMatchObject({
      gateName: '选题',
      versionNo: 1,
      preview: { note: '按上周爆款的节奏', excerpt: '开场：店长拆箱\n中段：现场接水试喝\n结尾：引导到店…', cover: 'cloud://env-1/review/x/cover.jpg', links: 0, files: 2 },
    })
  })

  it('shows the newest version’s preview after a resubmission', async () => {
    const p = await submitted()
    const back = await review<ProductionView>(w.openid.manager, 'requestChanges', { itemId: p.itemId, version: p.version, comment: '开头太慢' })
    await review(op(), 'submitVersion', { itemId: p.itemId, version: back.version, text: '开场：前三秒出水' })
    const inbox = await review<InboxView>(w.openid.manager, 'inbox')
    expect(inbox.waiting.find((e) => e.itemId === w.itemId)?.preview).toEqual({ note: '', excerpt: '开场：前三秒出水', cover: null, links: 0, files: 0 })
  })

  it('reads no version records to answer the inbox', async () => {
    await submitted()
    const read = jest.spyOn(cloud.store, 'find')
    await review<InboxView>(w.openid.manager, 'inbox')
    const collections = read.mock.calls.map((c) => c[0])
    read.mockRestore()
    expect(collections).not.toContain(REVIEW_VERSIONS)
  })

  it('approves with the row’s version; the same tap sent twice decides once, and the row leaves the inbox', async () => {
    await submitted()
    const row = (await review<InboxView>(w.openid.manager, 'inbox')).waiting.find((e) => e.itemId === w.itemId)!
    const input = { itemId: row.itemId, version: row.version, versionNo: row.versionNo }
    const tap = `inbox-tap-${Date.now().toString(36)}`
    const [first, again] = [await call(w.openid.manager, 'approve', input, tap), await call(w.openid.manager, 'approve', input, tap)]
    expect(first).toMatchObject({ ok: true, data: { gateName: '脚本', gateState: 'drafting' } })
    expect(again).toEqual(first)
    expect(cloud.store.find(REVIEW_EVENTS, { query: { itemId: w.itemId, type: 'approved' } })).toHaveLength(1)
    expect((await review<InboxView>(w.openid.manager, 'inbox')).waiting.map((e) => e.itemId)).not.toContain(w.itemId)
  })

  it('refuses a second decision on a row that is out of date', async () => {
    await submitted()
    const row = (await review<InboxView>(w.openid.manager, 'inbox')).waiting.find((e) => e.itemId === w.itemId)!
    await call(w.openid.owner, 'approve', { itemId: row.itemId, version: row.version })
    const late = await call(w.openid.manager, 'requestChanges', { itemId: row.itemId, version: row.version, comment: '换个角度' })
    expect(late).toMatchObject({ ok: false, error: { code: 'CONFLICT', current: { gateName: '脚本' } } })
  })
})
