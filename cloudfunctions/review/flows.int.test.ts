// The approval flow of each format with the review function in the local cloud (flows.ts): an admin edits
// it while items already in production keep the flow they started with, new items start on the edited one,
// named reviewers must be members who may review, and an 'all' gate waits for every named reviewer.
// Deciding at the gates is decide.int.test.ts; helpers are in review.fixtures.ts.
import type { FlowView, ProductionView } from '../../core/review/schemas'
import { type World, worldEachTest } from '../../test/support/world'
import { reviewHelpers } from './review.fixtures'

let w: World
const { useWorld, call, review, op, mgr, started, submit, approve } = reviewHelpers()
worldEachTest((c, world) => {
  w = world
  useWorld(c, world)
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
