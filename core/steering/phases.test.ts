import { phasePlanView, type Milestone, type PhasePlan } from './phasePlan'
import { addMonths, defaultPlan, mayClose, milestoneState, offsetDay, phaseProgress, phaseState, staffing, staffingState } from './phases'

describe('staffingState', () => {
  it('is under below the range, within on both ends, over above it', () => {
    expect([4, 5, 8, 9].map((n) => staffingState(n, 5, 8))).toEqual(['under', 'within', 'within', 'over'])
  })
})

describe('staffing', () => {
  const members = (dept: 'marketing' | 'tech' | 'sales' | 'other', n: number) => Array.from({ length: n }, () => ({ department: dept }))

  it('counts each member once by department: 内容创作 ← 市场部, 技术支持 ← 技术部, 运营管理 ← 销售部', () => {
    const s = staffing([...members('marketing', 4), ...members('tech', 3), ...members('sales', 6), ...members('other', 2)])
    expect(s.rows).toEqual([
      { group: 'content', label: '内容创作', min: 5, max: 8, count: 4, state: 'under', stateLabel: '不足', gap: 1 },
      { group: 'tech', label: '技术支持', min: 3, max: 5, count: 3, state: 'within', stateLabel: '符合', gap: 0 },
      { group: 'ops', label: '运营管理', min: 3, max: 5, count: 6, state: 'over', stateLabel: '超出', gap: -1 },
    ])
    expect(s.unassigned).toBe(2)
    expect(s.total).toBe(15)
  })

  it('an empty team is under in every group, by the whole minimum', () => {
    const s = staffing([])
    expect(s.rows.map((r) => [r.count, r.state, r.gap])).toEqual([[0, 'under', 5], [0, 'under', 3], [0, 'under', 3]])
    expect(s).toMatchObject({ unassigned: 0, total: 0 })
  })
})

describe('addMonths and offsetDay', () => {
  it('moves by calendar months, keeping the day', () => {
    expect(addMonths('2026-12-01', 1)).toBe('2027-01-01')
    expect(addMonths('2026-11-15', 14)).toBe('2028-01-15')
  })

  it('clamps to the last day of a shorter month, leap years included', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29')
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30')
  })

  it('adds months first, then days', () => {
    expect(offsetDay('2026-01-31', { months: 1, days: 1 })).toBe('2026-03-01')
    expect(offsetDay('2026-12-01', { days: 14 })).toBe('2026-12-15')
  })
})

describe('defaultPlan', () => {
  const plan = defaultPlan('2026-12-01')

  it('has the four phases, each starting the day after the one before ends', () => {
    expect(plan.map((p) => [p.key, p.startDay, p.endDay])).toEqual([
      ['launch', '2026-12-01', '2027-01-01'],
      ['content', '2027-01-02', '2027-03-01'],
      ['optimize', '2027-03-02', '2027-06-01'],
      ['improve', '2027-06-02', '2027-12-01'],
    ])
  })

  it("keeps the plan's durations: team in 2 weeks, approval in a month, content strategy in two months", () => {
    const due = Object.fromEntries(plan.flatMap((p) => p.milestones.map((m) => [m.title, m.dueDay])))
    expect(due).toMatchObject({ 组建团队: '2026-12-15', 项目立项: '2027-01-01', 内容策略: '2027-02-01', 年度复盘: '2027-12-01' })
    expect(plan.flatMap((p) => p.milestones)).toHaveLength(11)
  })

  it('every milestone falls due inside its phase', () => {
    for (const p of plan) for (const m of p.milestones) expect(m.dueDay >= p.startDay && m.dueDay <= p.endDay).toBe(true)
  })

  it('refuses a start that is not a day', () => {
    expect(() => defaultPlan('2026-02-30')).toThrow(RangeError)
  })
})

describe('milestoneState', () => {
  const today = '2026-12-10'
  it.each([
    ['todo', '2026-12-11', 'pending'],
    ['todo', '2026-12-10', 'pending'],
    ['doing', '2026-12-10', 'active'],
    ['todo', '2026-12-09', 'overdue'],
    ['doing', '2026-12-09', 'overdue'],
    ['done', '2026-12-09', 'done'],
    ['done', '2026-12-31', 'done'],
  ] as const)('%s due %s → %s', (status, dueDay, state) => {
    expect(milestoneState({ status, dueDay }, today)).toBe(state)
  })
})

describe('phaseProgress, mayClose and phaseState', () => {
  const p = { startDay: '2026-12-01', endDay: '2027-01-01', closed: false }

  it('progress is done of total, null (not NaN) without milestones', () => {
    expect(phaseProgress([{ status: 'done' }, { status: 'doing' }, { status: 'todo' }, { status: 'done' }])).toEqual({ done: 2, total: 4, ratio: 0.5 })
    expect(phaseProgress([])).toEqual({ done: 0, total: 0, ratio: null })
  })

  it('a phase may be closed only with milestones, all done', () => {
    expect(mayClose({ done: 2, total: 2 })).toBe(true)
    expect(mayClose({ done: 1, total: 2 })).toBe(false)
    expect(mayClose({ done: 0, total: 0 })).toBe(false)
  })

  it.each([
    ['2026-11-30', { done: 0, total: 2 }, 'upcoming'],
    ['2026-12-01', { done: 1, total: 2 }, 'current'],
    ['2027-01-01', { done: 1, total: 2 }, 'current'],
    ['2027-01-02', { done: 1, total: 2 }, 'late'],
    ['2026-11-30', { done: 2, total: 2 }, 'review'],
  ] as const)('on %s with %p → %s', (today, progress, state) => {
    expect(phaseState(p, progress, today)).toBe(state)
  })

  it('closed wins over everything', () => {
    expect(phaseState({ ...p, closed: true }, { done: 1, total: 2 }, '2027-02-01')).toBe('closed')
  })
})

describe('phasePlanView', () => {
  const at = new Date('2026-12-01T02:00:00Z')
  const ms = (id: string, phase: Milestone['phase'], dueDay: string, status: Milestone['status'], ownerId: string | null = null): Milestone => ({
    id, phase, title: id, ownerId, ownerName: ownerId ? '旧名字' : null, dueDay, status, note: '', doneAt: null, version: 0, updatedAt: at, updatedByName: '陈静',
  })
  const plan: PhasePlan = {
    startDay: '2026-12-01',
    phases: [
      { key: 'launch', startDay: '2026-12-01', endDay: '2027-01-01', review: null },
      { key: 'content', startDay: '2027-01-02', endDay: '2027-03-01', review: null },
    ],
    milestones: [ms('b', 'launch', '2027-01-01', 'todo', 'm1'), ms('a', 'launch', '2026-12-15', 'doing', 'gone'), ms('c', 'content', '2027-02-01', 'done')],
  }
  const members = [{ _id: 'm1', name: '陈静', department: 'marketing' as const }]

  it('lists milestones by due day, names owners from the members or the name kept, counts overdue', () => {
    const v = phasePlanView(plan, members, '2026-12-16')
    expect(v.phases[0].milestones.map((m) => [m.id, m.state, m.ownerName])).toEqual([['a', 'overdue', '旧名字'], ['b', 'pending', '陈静']])
    expect(v.phases[0]).toMatchObject({ label: '项目启动', state: 'current', done: 0, total: 2, progress: 0, canClose: false })
    expect(v.phases[1]).toMatchObject({ state: 'review', stateLabel: '待复盘', progress: 1, canClose: true })
    expect(v).toMatchObject({ started: true, startDay: '2026-12-01', today: '2026-12-16', overdue: 1 })
    expect(v.members).toEqual([{ id: 'm1', name: '陈静', department: 'marketing', departmentLabel: '市场部' }])
  })

  it('a plan not started yet has no phases, still the staffing', () => {
    const v = phasePlanView(null, members, '2026-12-16')
    expect(v).toMatchObject({ started: false, startDay: null, phases: [], overdue: 0 })
    expect(v.staffing.rows[0].count).toBe(1)
  })
})
