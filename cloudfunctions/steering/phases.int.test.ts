// steering: the team plan and its phases through the local cloud — who may read and edit it, a start that
// happens once, milestones edited on their own version, a phase closed with its 复盘, and another team's
// manager who can neither see nor touch this team's plan.
import type { MilestoneView, PhasePlanView, PhaseView } from '../../core/steering/phasePlan'
import { addDays, dayKey } from '../../core/time/china'
import { createTestCloud, type TestCloud } from '../../test/support/cloud'
import { buildWorld, ok, type World } from '../../test/support/world'
import { PHASE_PLANS } from '../common/db/collections'
import { phasePlanId, type PhasePlanRecord } from '../common/db/steering'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await createTestCloud()
})
afterAll(() => cloud.close())

let seq = 0
const rid = () => `ph-${Date.now()}-${seq++}`
const call = (who: string, action: string, data: unknown, requestId = rid()) => cloud.call('steering', who, { action, data, requestId })
const steering = <T>(w: World, action: string, data: unknown, who = w.openid.manager) => ok<T>(cloud, 'steering', who, action, data)
const plans = (teamId: string) => cloud.store.find(PHASE_PLANS, { query: { teamId } }) as unknown as PhasePlanRecord[]
const today = () => dayKey(new Date())

describe('the phase plan', () => {
  let w: World
  let plan: PhasePlanView
  beforeAll(async () => {
    w = await buildWorld(cloud)
  })

  it('before it starts: no phases, and the staffing of the members by department', async () => {
    const v = await steering<PhasePlanView>(w, 'phasePlan', {}, w.openid.operator)
    expect(v).toMatchObject({ started: false, startDay: null, phases: [], today: today() })
    // The world: the creator in 市场部, the four role members in 销售部.
    expect(v.staffing.rows.map((r) => [r.label, r.count, r.state])).toEqual([['内容创作', 1, 'under'], ['技术支持', 0, 'under'], ['运营管理', 4, 'within']])
    expect(v.members).toHaveLength(5)
  })

  it('a manager starts it from the defaults: four phases, eleven milestones, all 待开始', async () => {
    const start = addDays(today(), -20)
    plan = await steering<PhasePlanView>(w, 'startPhasePlan', { startDay: start })
    expect(plan.phases.map((p) => [p.label, p.total])).toEqual([['项目启动', 2], ['内容体系建设', 4], ['运营优化', 3], ['持续改进', 2]])
    // 组建团队 was due 14 days after a start 20 days ago: overdue already.
    expect(plan.phases[0].milestones[0]).toMatchObject({ title: '组建团队', dueDay: addDays(start, 14), state: 'overdue', stateLabel: '已逾期', ownerName: null, version: 0 })
    expect(plan).toMatchObject({ started: true, startDay: start, overdue: 1 })
  })

  it('starting again (another request, another day) answers the plan as it is and leaves it alone', async () => {
    const before = JSON.stringify(plans(w.teamA))
    const again = await steering<PhasePlanView>(w, 'startPhasePlan', { startDay: today() }, w.openid.admin)
    expect(again.startDay).toBe(plan.startDay)
    expect(again.phases.flatMap((p) => p.milestones.map((m) => m.id))).toEqual(plan.phases.flatMap((p) => p.milestones.map((m) => m.id)))
    expect(plans(w.teamA)).toHaveLength(1)
    expect(JSON.stringify(plans(w.teamA))).toBe(before)
  })

  it('marks a milestone done with an owner; the stale version is refused with what won', async () => {
    const m = plan.phases[0].milestones[0]
    const done = await steering<MilestoneView>(w, 'updateMilestone', { id: m.id, version: 0, status: 'done', ownerId: w.memberId.operator, note: '五人到岗' })
    expect(done).toMatchObject({ id: m.id, status: 'done', state: 'done', stateLabel: '已完成', ownerId: w.memberId.operator, ownerName: '成员operator', note: '五人到岗', version: 1 })
    const stale = await call(w.openid.admin, 'updateMilestone', { id: m.id, version: 0, status: 'doing' })
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', current: { id: m.id, status: 'done', version: 1 } } })
    const v = await steering<PhasePlanView>(w, 'phasePlan', {}, w.openid.operator)
    expect(v.phases[0]).toMatchObject({ done: 1, total: 2, progress: 0.5 })
    expect(v.overdue).toBe(0)
  })

  it('a retried request writes once', async () => {
    const m = plan.phases[1].milestones[0]
    const requestId = rid()
    const a = await call(w.openid.manager, 'updateMilestone', { id: m.id, version: 0, status: 'doing' }, requestId)
    const before = cloud.snapshot(w.teamA)
    const b = await call(w.openid.manager, 'updateMilestone', { id: m.id, version: 0, status: 'doing' }, requestId)
    expect(b).toEqual(a)
    expect(cloud.snapshot(w.teamA)).toBe(before)
  })

  it('refuses an owner who is not a member and a due day years away, naming the field', async () => {
    const m = plan.phases[0].milestones[1]
    const before = cloud.snapshot()
    expect(await call(w.openid.manager, 'updateMilestone', { id: m.id, version: 0, ownerId: 'nobody' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ path: 'ownerId', message: '负责人：必须是团队的现有成员' }] },
    })
    expect(await call(w.openid.manager, 'addMilestone', { phase: 'launch', title: '远期', dueDay: addDays(today(), 800) })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ path: 'dueDay', message: '截止日期：应在今天前后两年内' }] },
    })
    expect(cloud.snapshot()).toBe(before)
  })

  it('a phase closes only when all its milestones are done, then keeps its 复盘 and refuses edits', async () => {
    const review = { phase: 'launch', wentWell: '团队两周内到位', toChange: '立项材料准备得更早' }
    expect(await call(w.openid.manager, 'closePhase', review)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '「项目启动」还有 1 个里程碑未完成，完成后才能复盘' } })
    const added = await steering<MilestoneView>(w, 'addMilestone', { phase: 'launch', title: '工具与账号就绪', dueDay: today(), ownerId: w.memberId.manager })
    expect(added).toMatchObject({ phase: 'launch', status: 'todo', state: 'pending', ownerName: '成员manager', version: 0 })
    const second = plan.phases[0].milestones[1]
    await steering(w, 'updateMilestone', { id: second.id, version: 0, status: 'done' })
    await steering(w, 'updateMilestone', { id: added.id, version: 0, status: 'done' })
    const closed = await steering<PhaseView>(w, 'closePhase', review)
    expect(closed).toMatchObject({ key: 'launch', state: 'closed', stateLabel: '已复盘', done: 3, total: 3, canClose: false, review: { wentWell: '团队两周内到位', toChange: '立项材料准备得更早', byName: '成员manager' } })
    expect(await call(w.openid.manager, 'updateMilestone', { id: added.id, version: 1, status: 'doing' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '「项目启动」已复盘，不能再修改' } })
    expect(await call(w.openid.admin, 'closePhase', review)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(plans(w.teamA)[0].phases[0].review).toMatchObject({ wentWell: '团队两周内到位', byId: w.memberId.manager, at: expect.any(Date) })
  })

  it('operators read but may not edit; field staff get nothing; nothing is written', async () => {
    const m = plan.phases[2].milestones[0]
    const before = cloud.snapshot()
    for (const action of ['startPhasePlan', 'updateMilestone', 'addMilestone', 'closePhase']) {
      const data = { startPhasePlan: { startDay: today() }, updateMilestone: { id: m.id, version: 0, status: 'done' }, addMilestone: { phase: 'optimize', title: 'x', dueDay: today() }, closePhase: { phase: 'optimize', wentWell: 'a', toChange: 'b' } }[action]
      expect(await call(w.openid.operator, action, data)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      expect(await call(w.openid.field, action, data)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(await call(w.openid.field, 'phasePlan', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(cloud.snapshot()).toBe(before)
  })

  it("another team's manager sees only their own plan and cannot touch this one", async () => {
    const m = plan.phases[2].milestones[0]
    const teamA = cloud.snapshot(w.teamA)
    const theirs = await steering<PhasePlanView>(w, 'phasePlan', {}, w.openid.otherTeam)
    expect(theirs).toMatchObject({ started: false, phases: [] })
    expect(await call(w.openid.otherTeam, 'updateMilestone', { id: m.id, version: 0, status: 'done' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    await steering(w, 'startPhasePlan', { startDay: today() }, w.openid.otherTeam)
    expect(await call(w.openid.otherTeam, 'updateMilestone', { id: m.id, version: 0, status: 'done' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '里程碑不存在' } })
    expect(cloud.store.find(PHASE_PLANS, { query: { _id: phasePlanId(w.teamB) } })).toHaveLength(1)
    expect(cloud.snapshot(w.teamA)).toBe(teamA)
  })
})
