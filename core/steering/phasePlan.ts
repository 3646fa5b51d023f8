// The team's phase plan as stored and shown (issue 13 part 3): the inputs of its actions, the stored
// shape (one document per team) and the view the page reads, built from the rules in phases.ts.
import { z } from 'zod'
import { dayKeySchema, idSchema, versionSchema, visibleText } from '../atoms'
import { DEPARTMENT_LABELS, type Department } from '../roles'
import type { DayKey } from '../time/china'
import {
  MILESTONE_STATE_LABELS,
  MILESTONE_STATUSES,
  MILESTONE_STATUS_LABELS,
  PHASE_KEYS,
  PHASE_LABELS,
  PHASE_STATE_LABELS,
  mayClose,
  milestoneState,
  phaseProgress,
  phaseState,
  staffing,
  type MilestoneState,
  type MilestoneStatus,
  type PhaseKey,
  type PhaseState,
  type Staffing,
} from './phases'

/** Milestones in one plan: the defaults are 11; the whole plan stays one small document. */
export const MILESTONES_MAX = 80
/** How far from today a plan may start or a milestone fall due (days). */
export const PLAN_DAYS_RANGE = 2 * 366

// ---- inputs ----

const phaseSchema = z.enum(PHASE_KEYS).describe('阶段')
const milestoneFields = {
  title: visibleText('里程碑', 40),
  /** null: nobody yet. */
  ownerId: idSchema('负责人').nullable().optional(),
  dueDay: dayKeySchema('截止日期'),
  status: z.enum(MILESTONE_STATUSES).describe('状态'),
  note: visibleText('备注', 200, { min: 0 }),
}

export const startPhasePlanInput = z.object({ startDay: dayKeySchema('开始日期') }).strict()

export const updateMilestoneInput = z
  .object({
    id: idSchema('里程碑'),
    version: versionSchema,
    title: milestoneFields.title.optional(),
    ownerId: milestoneFields.ownerId,
    dueDay: milestoneFields.dueDay.optional(),
    status: milestoneFields.status.optional(),
    note: milestoneFields.note.optional(),
  })
  .strict()

export const addMilestoneInput = z
  .object({ phase: phaseSchema, title: milestoneFields.title, ownerId: milestoneFields.ownerId, dueDay: milestoneFields.dueDay, note: milestoneFields.note.optional() })
  .strict()

export const closePhaseInput = z
  .object({ phase: phaseSchema, wentWell: visibleText('做得好的', 300), toChange: visibleText('要改进的', 300) })
  .strict()

export type UpdateMilestoneInput = z.output<typeof updateMilestoneInput>
export type AddMilestoneInput = z.output<typeof addMilestoneInput>
export type ClosePhaseInput = z.output<typeof closePhaseInput>

// ---- stored shape ----

export interface PhaseReview {
  wentWell: string
  toChange: string
  byId: string
  byName: string
  at: Date
}

/** One phase as planned: its span, and the 复盘 it was closed with. */
export interface PhaseSpan {
  key: PhaseKey
  startDay: DayKey
  endDay: DayKey
  /** The 复盘 the phase was closed with; null while open. */
  review: PhaseReview | null
}

export interface Milestone {
  id: string
  phase: PhaseKey
  title: string
  ownerId: string | null
  /** The owner's name when assigned (shown if they have left the team). */
  ownerName: string | null
  dueDay: DayKey
  status: MilestoneStatus
  note: string
  doneAt: Date | null
  /** Each milestone has its own version, so two people editing different milestones never collide. */
  version: number
  updatedAt: Date
  updatedByName: string
}

/** The phase plan as a team keeps it (PhasePlanRecord stores it with its base fields). */
export interface PhasePlan {
  startDay: DayKey
  phases: PhaseSpan[]
  milestones: Milestone[]
}

// ---- views ----

export interface MilestoneView {
  id: string
  phase: PhaseKey
  title: string
  ownerId: string | null
  ownerName: string | null
  dueDay: DayKey
  status: MilestoneStatus
  statusLabel: string
  state: MilestoneState
  stateLabel: string
  note: string
  version: number
}

export interface PhaseView {
  key: PhaseKey
  label: string
  startDay: DayKey
  endDay: DayKey
  state: PhaseState
  stateLabel: string
  done: number
  total: number
  /** done ÷ total; null for a phase without milestones. */
  progress: number | null
  canClose: boolean
  review: { wentWell: string; toChange: string; byName: string; at: string } | null
  milestones: MilestoneView[]
}

export interface PlanMember {
  id: string
  name: string
  department: Department
  departmentLabel: string
}

export interface PhasePlanView {
  /** False until a manager starts the plan; `phases` is then empty. */
  started: boolean
  startDay: DayKey | null
  /** China-time today the states were judged on; the start a new plan is offered. */
  today: DayKey
  phases: PhaseView[]
  staffing: Staffing
  /** Active members, for the owner picker. */
  members: PlanMember[]
  overdue: number
}

/**
 * The page's view of a plan on `today`: each phase with its milestones in due order, their states and the
 * phase's progress; owners named from the active members (or the name kept when assigned).
 */
export function phasePlanView(plan: PhasePlan | null, members: readonly { _id: string; name: string; department: Department }[], today: DayKey): PhasePlanView {
  const names = new Map(members.map((m) => [m._id, m.name]))
  const phases = (plan?.phases ?? []).map((p): PhaseView => {
    const list = (plan?.milestones ?? []).filter((m) => m.phase === p.key).sort((a, b) => a.dueDay.localeCompare(b.dueDay))
    const progress = phaseProgress(list)
    const state = phaseState({ ...p, closed: p.review !== null }, progress, today)
    return {
      key: p.key,
      label: PHASE_LABELS[p.key],
      startDay: p.startDay,
      endDay: p.endDay,
      state,
      stateLabel: PHASE_STATE_LABELS[state],
      done: progress.done,
      total: progress.total,
      progress: progress.ratio,
      canClose: p.review === null && mayClose(progress),
      review: p.review && { wentWell: p.review.wentWell, toChange: p.review.toChange, byName: p.review.byName, at: new Date(p.review.at).toISOString() },
      milestones: list.map((m) => milestoneView(m, names, today)),
    }
  })
  return {
    started: plan !== null,
    startDay: plan?.startDay ?? null,
    today,
    phases,
    staffing: staffing(members),
    members: members.map((m) => ({ id: m._id, name: m.name, department: m.department, departmentLabel: DEPARTMENT_LABELS[m.department] })),
    overdue: phases.reduce((n, p) => n + p.milestones.filter((m) => m.state === 'overdue').length, 0),
  }
}

export function milestoneView(m: Milestone, names: ReadonlyMap<string, string>, today: DayKey): MilestoneView {
  const state = milestoneState(m, today)
  return {
    id: m.id,
    phase: m.phase,
    title: m.title,
    ownerId: m.ownerId,
    ownerName: m.ownerId ? (names.get(m.ownerId) ?? m.ownerName) : null,
    dueDay: m.dueDay,
    status: m.status,
    statusLabel: MILESTONE_STATUS_LABELS[m.status],
    state,
    stateLabel: MILESTONE_STATE_LABELS[state],
    note: m.note,
    version: m.version,
  }
}
