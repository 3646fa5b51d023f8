// steering: the risk register through the local cloud — who may do what, every score change kept with
// who/when/why, signals' suggestions accepted or dismissed (nothing changes silently), review reminders
// sent once, and another team's risks out of reach.
import type { RiskDetail, RiskPage, RiskSuggestionView, SignalCheck } from '../../core/steering/riskSchemas'
import { addDays, dayKey } from '../../core/time/china'
import { createTestCloud, type TestCloud } from '../../test/support/cloud'
import { buildWorld, ok, type World } from '../../test/support/world'
import { ALERTS, NOTIFICATIONS, REPORTS, RISK_CHANGES, RISK_SUGGESTIONS } from '../common/db/collections'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await createTestCloud()
})
afterAll(() => cloud.close())

let seq = 0
const rid = () => `risk-${Date.now()}-${seq++}`
const call = (who: string | null, action: string, data: unknown, requestId = rid()) => cloud.call('steering', who, { action, data, requestId })
const steering = <T>(w: World, action: string, data: unknown, who = w.openid.manager) => ok<T>(cloud, 'steering', who, action, data)
const today = () => dayKey(new Date())
const base = (w: World) => ({ category: 'policy', title: '平台内容审核趋严', likelihood: 2, impact: 4, ownerId: w.memberId.manager, reviewDay: addDays(today(), 7) })
const find = (coll: string, query: Record<string, unknown>) => cloud.store.find(coll, { query }) as unknown as Record<string, unknown>[]

describe('who may do what', () => {
  let w: World
  beforeAll(async () => {
    w = await buildWorld(cloud)
  })

  it('a manager registers a risk: 监控中, scored and levelled, with a 登记 entry in its history', async () => {
    const d = await steering<RiskDetail>(w, 'createRisk', { ...base(w), plan: '发布前合规自查', trigger: '完播率连续两周红', signal: 'kpi', kpi: 'completionRate' })
    expect(d.risk).toMatchObject({ status: 'watching', statusLabel: '监控中', score: 8, level: 'medium', levelLabel: '中', categoryLabel: '政策监管', ownerName: '成员manager', signalLabel: '指标预警：完播率', version: 0 })
    expect(d.changes).toEqual([expect.objectContaining({ kind: 'created', byName: '成员manager', reason: '登记', text: '登记为监控中：可能性 2，影响 4（评分 8，中）' })])
  })

  it('an operator reads the radar and may propose a risk, which waits as 待评估 and is owned by them', async () => {
    const page = await steering<RiskPage>(w, 'risks', {}, w.openid.operator)
    expect(page.risks.length).toBeGreaterThan(0)
    const d = await steering<RiskDetail>(w, 'proposeRisk', { category: 'fatigue', title: '同类选题过多', likelihood: 3, impact: 3, reviewDay: today() }, w.openid.operator)
    expect(d.risk).toMatchObject({ status: 'proposed', statusLabel: '待评估', ownerName: '成员operator' })
    const accepted = await steering<RiskDetail>(w, 'changeRiskStatus', { id: d.risk.id, version: 0, status: 'watching', reason: '评估后纳入监控' })
    expect(accepted.risk.status).toBe('watching')
    expect(accepted.changes[0]).toMatchObject({ kind: 'status', text: '待评估 → 监控中', reason: '评估后纳入监控', byName: '成员manager' })
  })

  it('an operator may not create, edit or re-score a risk', async () => {
    const [r] = (await steering<RiskPage>(w, 'risks', {})).risks
    for (const [action, data] of [
      ['createRisk', base(w)],
      ['updateRisk', { id: r.id, version: r.version, plan: '改' }],
      ['changeRiskScore', { id: r.id, version: r.version, likelihood: 5, impact: 5, reason: '试试' }],
      ['checkRiskSignals', {}],
    ] as const) {
      expect(await call(w.openid.operator, action, data)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
  })

  it('field staff are refused everything, reading included, and nothing is written', async () => {
    const before = cloud.snapshot(w.teamA)
    for (const [action, data] of [['risks', {}], ['risk', { id: 'x' }], ['proposeRisk', { category: 'data', title: 'x', likelihood: 1, impact: 1, reviewDay: today() }]] as const) {
      expect(await call(w.openid.field, action, data)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(cloud.snapshot(w.teamA)).toBe(before)
  })

  it('an owner must be a staff member of the team', async () => {
    expect(await call(w.openid.manager, 'createRisk', { ...base(w), ownerId: w.memberId.field })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ path: 'ownerId', message: '负责人：应为团队中的管理员、主管或运营' }] },
    })
  })
})

describe('score changes keep who, when and why', () => {
  let w: World
  let risk: RiskDetail
  beforeAll(async () => {
    w = await buildWorld(cloud)
    risk = await steering<RiskDetail>(w, 'createRisk', base(w))
  })

  it('raising the likelihood with a reason moves the risk on the heat map and adds a history entry', async () => {
    const d = await steering<RiskDetail>(w, 'changeRiskScore', { id: risk.risk.id, version: 0, likelihood: 4, impact: 4, reason: '完播率连续两周红' })
    expect(d.risk).toMatchObject({ likelihood: 4, score: 16, level: 'high', version: 1 })
    expect(d.changes[0]).toMatchObject({ kind: 'score', text: '可能性 2→4，影响 4→4（评分 8→16，中→高）', reason: '完播率连续两周红', byName: '成员manager', at: expect.any(String) })
    const page = await steering<RiskPage>(w, 'risks', {})
    expect(page.heat[3][3]).toBe(1)
    expect(page.heat[1][3]).toBe(0)
    expect(page.radar.find((r) => r.category === 'policy')!.score).toBe(16)
  })

  it('a reason is required, an unchanged score and a stale version are refused, and nothing is written', async () => {
    const before = cloud.snapshot(w.teamA)
    expect(await call(w.openid.manager, 'changeRiskScore', { id: risk.risk.id, version: 1, likelihood: 5, impact: 4, reason: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'reason', message: expect.stringMatching(/^原因：/) }] } })
    expect(await call(w.openid.manager, 'changeRiskScore', { id: risk.risk.id, version: 1, likelihood: 4, impact: 4, reason: '复查' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'likelihood', message: '可能性：评分没有变化' }] } })
    expect(await call(w.openid.manager, 'changeRiskScore', { id: risk.risk.id, version: 0, likelihood: 5, impact: 5, reason: '复查' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', current: expect.objectContaining({ version: 1 }) } })
    expect(cloud.snapshot(w.teamA)).toBe(before)
  })

  it('a retried request writes one history entry', async () => {
    const data = { id: risk.risk.id, version: 1, likelihood: 3, impact: 4, reason: '新品上线缓解' }
    const requestId = rid()
    const a = await call(w.openid.manager, 'changeRiskScore', data, requestId)
    const b = await call(w.openid.manager, 'changeRiskScore', data, requestId)
    expect(b).toEqual(a)
    expect(find(RISK_CHANGES, { riskId: risk.risk.id })).toHaveLength(3)
  })
})

describe('signals suggest, a person decides', () => {
  let w: World
  let kpiRisk: RiskDetail
  let reviewRisk: RiskDetail
  beforeAll(async () => {
    w = await buildWorld(cloud)
    kpiRisk = await steering<RiskDetail>(w, 'createRisk', { ...base(w), category: 'fatigue', title: '完播下滑', signal: 'kpi', kpi: 'completionRate' })
    reviewRisk = await steering<RiskDetail>(w, 'createRisk', { ...base(w), category: 'production', title: '评审积压', likelihood: 1, signal: 'reviewsOverdue' })
    const now = new Date()
    cloud.store.insert(ALERTS, [{ _id: `${w.teamA}_completionRate_2026-W47`, teamId: w.teamA, kpi: 'completionRate', runStart: '2026-W47', status: 'open', createdAt: now, updatedAt: now }])
    cloud.store.insert(REPORTS, [{ _id: `${w.teamA}_daily_${today()}`, teamId: w.teamA, kind: 'daily', period: today(), from: today(), to: today(), current: true, counts: { red: 0, missing: 0, overdueReviews: 2, alerts: 1 } }])
  })

  it('检查信号 makes one suggestion per linked risk and signal, and changes no risk', async () => {
    const risksBefore = JSON.stringify((await steering<RiskPage>(w, 'risks', {})).risks.map((r) => [r.id, r.likelihood, r.version]))
    expect(await steering<SignalCheck>(w, 'checkRiskSignals', {})).toEqual({ created: 2, reminded: 0 })
    const page = await steering<RiskPage>(w, 'risks', {})
    expect(JSON.stringify(page.risks.map((r) => [r.id, r.likelihood, r.version]))).toBe(risksBefore)
    expect(page.openSuggestions).toBe(2)
    const d = await steering<RiskDetail>(w, 'risk', { id: kpiRisk.risk.id })
    expect(d.suggestions).toEqual([expect.objectContaining({ status: 'open', fromLikelihood: 2, toLikelihood: 3, signalLabel: '指标预警', reason: '「完播率」连续两周未达标（预警中，自 2026-W47 起）' })])
    expect(find(NOTIFICATIONS, { teamId: w.teamA, kind: 'risk_suggestion', memberId: w.memberId.manager })).toHaveLength(2)
  })

  it('checking again, or the hourly timer, adds nothing', async () => {
    expect(await steering<SignalCheck>(w, 'checkRiskSignals', {})).toEqual({ created: 0, reminded: 0 })
    expect(await cloud.timer('steering', 'steeringHourly')).toMatchObject({ ok: true })
    expect(find(RISK_SUGGESTIONS, { teamId: w.teamA })).toHaveLength(2)
  })

  it('accepting raises the likelihood with a history entry naming the suggestion', async () => {
    const [s] = (await steering<RiskDetail>(w, 'risk', { id: kpiRisk.risk.id })).suggestions
    const d = await steering<RiskDetail>(w, 'acceptRiskSuggestion', { id: s.id, riskVersion: 0 })
    expect(d.risk).toMatchObject({ likelihood: 3, score: 12, level: 'high', version: 1, openSuggestions: 0 })
    expect(d.changes[0]).toMatchObject({ kind: 'suggestion', reason: `采纳建议：${s.reason}`, byName: '成员manager', text: '可能性 2→3，影响 4→4（评分 8→12，中→高）' })
    expect(d.suggestions[0]).toMatchObject({ status: 'accepted', statusLabel: '已采纳', decidedByName: '成员manager' })
    expect(await call(w.openid.manager, 'acceptRiskSuggestion', { id: s.id, riskVersion: 1 })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '这条建议已处理过' } })
  })

  it('dismissing leaves the risk as it was', async () => {
    const [s] = (await steering<RiskDetail>(w, 'risk', { id: reviewRisk.risk.id })).suggestions
    expect(s.reason).toBe(`${today()} 日报：2 条评审超时`)
    const v = await steering<RiskSuggestionView>(w, 'dismissRiskSuggestion', { id: s.id, note: '已安排加人' })
    expect(v).toMatchObject({ status: 'dismissed', statusLabel: '已忽略', decidedByName: '成员manager' })
    const d = await steering<RiskDetail>(w, 'risk', { id: reviewRisk.risk.id })
    expect(d.risk).toMatchObject({ likelihood: 1, version: 0 })
    expect(d.changes).toHaveLength(1)
    // The same week's signal does not come back once answered.
    expect(await steering<SignalCheck>(w, 'checkRiskSignals', {})).toEqual({ created: 0, reminded: 0 })
  })
})

describe('review reminders', () => {
  let w: World
  const reminders = (w: World) => find(NOTIFICATIONS, { teamId: w.teamA, kind: 'risk_review_due' })
  beforeAll(async () => {
    w = await buildWorld(cloud)
  })

  it('the owner is told once when the review day comes, again for a new review day', async () => {
    const d = await steering<RiskDetail>(w, 'createRisk', { ...base(w), ownerId: w.memberId.operator, reviewDay: today() })
    await steering<RiskDetail>(w, 'createRisk', { ...base(w), title: '以后再看', reviewDay: addDays(today(), 3) })
    expect(await cloud.timer('steering', 'steeringHourly')).toMatchObject({ ok: true })
    expect(reminders(w)).toEqual([expect.objectContaining({ memberId: w.memberId.operator, itemId: d.risk.id, title: '风险复查到期：平台内容审核趋严', read: false })])
    await cloud.timer('steering', 'steeringHourly')
    expect(await steering<SignalCheck>(w, 'checkRiskSignals', {})).toEqual({ created: 0, reminded: 0 })
    expect(reminders(w)).toHaveLength(1)
    const moved = await steering<RiskDetail>(w, 'updateRisk', { id: d.risk.id, version: 0, reviewDay: addDays(today(), -1) })
    expect(moved.risk).toMatchObject({ reviewOverdue: true, version: 1 })
    expect(await steering<SignalCheck>(w, 'checkRiskSignals', {})).toEqual({ created: 0, reminded: 1 })
    expect(reminders(w)).toHaveLength(2)
  })

  it('an overdue review comes first in the list whatever its score', async () => {
    const page = await steering<RiskPage>(w, 'risks', {})
    expect(page.risks.map((r) => [r.title, r.reviewOverdue])).toEqual([['平台内容审核趋严', true], ['以后再看', false]])
    expect(page.overdue).toBe(1)
  })
})

describe('another team', () => {
  let w: World
  let risk: RiskDetail
  beforeAll(async () => {
    w = await buildWorld(cloud)
    risk = await steering<RiskDetail>(w, 'createRisk', { ...base(w), signal: 'reviewsOverdue' })
  })

  it('cannot read, re-score or close team A\'s risk, nor see it in its list', async () => {
    const before = cloud.snapshot(w.teamA)
    expect(await call(w.openid.otherTeam, 'risk', { id: risk.risk.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await call(w.openid.otherTeam, 'changeRiskScore', { id: risk.risk.id, version: 0, likelihood: 5, impact: 5, reason: '越权' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await call(w.openid.otherTeam, 'changeRiskStatus', { id: risk.risk.id, version: 0, status: 'closed' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await call(w.openid.otherTeam, 'updateRisk', { id: risk.risk.id, version: 0, title: '越权' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect((await steering<RiskPage>(w, 'risks', {}, w.openid.otherTeam)).risks).toEqual([])
    expect(cloud.snapshot(w.teamA)).toBe(before)
  })
})
