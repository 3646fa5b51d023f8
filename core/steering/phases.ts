// The plan's team and phases (issue 13 part 3): the staffing the plan asks for against the members by
// department, the four phases with their default milestones and durations, and the state of each
// milestone and phase on a given day (China time). Pure: `today` is passed in.
import { addDays, isCalendarDay, type DayKey } from '../time/china'
import type { Department } from '../roles'

// ---- staffing ----

export const STAFFING_GROUPS = ['content', 'tech', 'ops'] as const
export type StaffingGroup = (typeof STAFFING_GROUPS)[number]

/**
 * The plan's staffing and which department fills each group. Counted by department, not by role, so each
 * member is counted once and the numbers match the team page: 内容创作 ← 市场部 (marketing owns the content
 * strategy, PRODUCT.md capability 12), 技术支持 ← 技术部, 运营管理 ← 销售部 (sales owns conversion, the
 * operations the plan groups under 运营管理). Members of 其他 belong to no group and are shown apart.
 */
export const STAFFING_PLAN: Record<StaffingGroup, { label: string; min: number; max: number; department: Department }> = {
  content: { label: '内容创作', min: 5, max: 8, department: 'marketing' },
  tech: { label: '技术支持', min: 3, max: 5, department: 'tech' },
  ops: { label: '运营管理', min: 3, max: 5, department: 'sales' },
}

export type StaffingState = 'under' | 'within' | 'over'
export const STAFFING_STATE_LABELS: Record<StaffingState, string> = { under: '不足', within: '符合', over: '超出' }

/**
 * Where a head count stands against a range (both ends inclusive).
 *
 * @example
 * staffingState(4, 5, 8) //=> 'under'
 * staffingState(5, 5, 8) //=> 'within'
 * staffingState(9, 5, 8) //=> 'over'
 */
export function staffingState(count: number, min: number, max: number): StaffingState {
  if (count < min) return 'under'
  return count > max ? 'over' : 'within'
}

export interface StaffingRow {
  group: StaffingGroup
  label: string
  min: number
  max: number
  count: number
  state: StaffingState
  stateLabel: string
  /** Members missing to reach the range (positive) or above it (negative); 0 within it. */
  gap: number
}

export interface Staffing {
  rows: StaffingRow[]
  /** Active members whose department is 其他: in no group of the plan. */
  unassigned: number
  total: number
}

/**
 * The plan's staffing against the active members' departments.
 *
 * @example
 * staffing([{ department: 'marketing' }, { department: 'other' }]).rows[0]
 * //=> { group: 'content', label: '内容创作', min: 5, max: 8, count: 1, state: 'under', stateLabel: '不足', gap: 4 }
 */
export function staffing(members: readonly { department: Department }[]): Staffing {
  const rows = STAFFING_GROUPS.map((group): StaffingRow => {
    const { label, min, max, department } = STAFFING_PLAN[group]
    const count = members.filter((m) => m.department === department).length
    const state = staffingState(count, min, max)
    const gap = state === 'under' ? min - count : state === 'over' ? max - count : 0
    return { group, label, min, max, count, state, stateLabel: STAFFING_STATE_LABELS[state], gap }
  })
  const grouped = new Set(STAFFING_GROUPS.map((g) => STAFFING_PLAN[g].department))
  return { rows, unassigned: members.filter((m) => !grouped.has(m.department)).length, total: members.length }
}

// ---- phases and their default milestones ----

export const PHASE_KEYS = ['launch', 'content', 'optimize', 'improve'] as const
export type PhaseKey = (typeof PHASE_KEYS)[number]
export const PHASE_LABELS: Record<PhaseKey, string> = { launch: '项目启动', content: '内容体系建设', optimize: '运营优化', improve: '持续改进' }

/** An offset from the plan's start: calendar months, then days. */
export interface Offset {
  months?: number
  days?: number
}

/**
 * The plan's timetable as defaults (the table in docs/glossary.md "Phase plan"). The plan's own figures: the team formed within
 * 2 weeks, the project approved within a month, the content strategy in two months; the short-term goals at
 * 3 months and the mid-term ones at 6 (PRODUCT.md "Targets"). The other milestones are our defaults.
 * Each phase ends on its `end` offset; the next starts the day after.
 */
export const DEFAULT_PHASES: readonly { key: PhaseKey; end: Offset; milestones: readonly { title: string; due: Offset }[] }[] = [
  { key: 'launch', end: { months: 1 }, milestones: [{ title: '组建团队', due: { days: 14 } }, { title: '项目立项', due: { months: 1 } }] },
  {
    key: 'content',
    end: { months: 3 },
    milestones: [
      { title: '内容策略', due: { months: 2 } },
      { title: '选题库与内容日历上线', due: { months: 2 } },
      { title: '五级评审流程运行', due: { months: 3 } },
      { title: '稳定每周发布 5 条', due: { months: 3 } },
    ],
  },
  {
    key: 'optimize',
    end: { months: 6 },
    milestones: [
      { title: '数据看板与周报上线', due: { months: 4 } },
      { title: '首轮 A/B 测试结论', due: { months: 5 } },
      { title: '转化路径缩短至 3 步', due: { months: 6 } },
    ],
  },
  {
    key: 'improve',
    end: { months: 12 },
    milestones: [
      { title: '季度目标修订', due: { months: 9 } },
      { title: '年度复盘', due: { months: 12 } },
    ],
  },
]

/**
 * `day` moved by whole calendar months; a day the target month lacks becomes its last day.
 *
 * @example
 * addMonths('2026-01-31', 1) //=> '2026-02-28'
 * addMonths('2026-11-15', 2) //=> '2027-01-15'
 */
export function addMonths(day: DayKey, n: number): DayKey {
  const [y, m, d] = day.split('-').map(Number)
  const index = y * 12 + (m - 1) + n
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

/** The day an offset from `start` falls on (months first, then days). */
export function offsetDay(start: DayKey, o: Offset): DayKey {
  return addDays(addMonths(start, o.months ?? 0), o.days ?? 0)
}

export interface PlannedPhase {
  key: PhaseKey
  startDay: DayKey
  endDay: DayKey
  milestones: { title: string; dueDay: DayKey }[]
}

/**
 * The default plan from a start day: four consecutive phases and their milestones' due days.
 *
 * @example
 * defaultPlan('2026-12-01')[0]
 * //=> { key: 'launch', startDay: '2026-12-01', endDay: '2027-01-01', milestones: [{ title: '组建团队', dueDay: '2026-12-15' }, { title: '项目立项', dueDay: '2027-01-01' }] }
 */
export function defaultPlan(start: DayKey): PlannedPhase[] {
  if (!isCalendarDay(start)) throw new RangeError(`not a day: ${start}`)
  let from = start
  return DEFAULT_PHASES.map((p) => {
    const endDay = offsetDay(start, p.end)
    const phase = { key: p.key, startDay: from, endDay, milestones: p.milestones.map((m) => ({ title: m.title, dueDay: offsetDay(start, m.due) })) }
    from = addDays(endDay, 1)
    return phase
  })
}

// ---- states ----

export const MILESTONE_STATUSES = ['todo', 'doing', 'done'] as const
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number]
export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, string> = { todo: '未开始', doing: '进行中', done: '已完成' }

export type MilestoneState = 'pending' | 'active' | 'done' | 'overdue'
export const MILESTONE_STATE_LABELS: Record<MilestoneState, string> = { pending: '待开始', active: '进行中', done: '已完成', overdue: '已逾期' }

/**
 * A milestone's state on `today` (China time): done is done whenever it was due; otherwise a due day
 * before today is overdue (the due day itself still counts as on time); otherwise its status says.
 *
 * @example
 * milestoneState({ status: 'doing', dueDay: '2026-12-01' }, '2026-12-01') //=> 'active'
 * milestoneState({ status: 'todo', dueDay: '2026-12-01' }, '2026-12-02')  //=> 'overdue'
 * milestoneState({ status: 'done', dueDay: '2026-11-01' }, '2026-12-02')  //=> 'done'
 */
export function milestoneState(m: { status: MilestoneStatus; dueDay: DayKey }, today: DayKey): MilestoneState {
  if (m.status === 'done') return 'done'
  if (m.dueDay < today) return 'overdue'
  return m.status === 'doing' ? 'active' : 'pending'
}

export type PhaseState = 'upcoming' | 'current' | 'late' | 'review' | 'closed'
export const PHASE_STATE_LABELS: Record<PhaseState, string> = { upcoming: '未开始', current: '进行中', late: '已超期', review: '待复盘', closed: '已复盘' }

/** A phase's milestones done, of all; `ratio` null when it has none (never NaN). */
export function phaseProgress(milestones: readonly { status: MilestoneStatus }[]): { done: number; total: number; ratio: number | null } {
  const done = milestones.filter((m) => m.status === 'done').length
  return { done, total: milestones.length, ratio: milestones.length ? done / milestones.length : null }
}

/**
 * A phase's state on `today`: closed once reviewed; waiting for its review once every milestone is done;
 * otherwise by its dates — not started, running, or past its end with work left.
 *
 * @example
 * phaseState({ startDay: '2026-12-01', endDay: '2027-01-01', closed: false }, { done: 2, total: 2 }, '2026-12-10') //=> 'review'
 * phaseState({ startDay: '2026-12-01', endDay: '2027-01-01', closed: false }, { done: 1, total: 2 }, '2027-01-02') //=> 'late'
 */
export function phaseState(p: { startDay: DayKey; endDay: DayKey; closed: boolean }, progress: { done: number; total: number }, today: DayKey): PhaseState {
  if (p.closed) return 'closed'
  if (mayClose(progress)) return 'review'
  if (today < p.startDay) return 'upcoming'
  return today > p.endDay ? 'late' : 'current'
}

/** A phase may be closed with its review once it has milestones and all are done. */
export function mayClose(progress: { done: number; total: number }): boolean {
  return progress.total > 0 && progress.done === progress.total
}
