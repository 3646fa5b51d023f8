import { z } from 'zod'
import { dayKeySchema as dayKey, idSchema as id, versionSchema as version, visibleText } from '../atoms'
import { KPIS, type KpiKey } from '../analytics/schemas'
import { addDays, type DayKey } from '../time/china'
import { LAYERS, type ItemStatus, type Layer } from './schemas'

/**
 * The four meetings (四会): 选题会 picks topics, 策划会 plans them, 制作会 follows production, 复盘会
 * (monthly) looks back and sets next month's mix and theme. Each records attendees, an agenda of items
 * and ideas, notes and decisions; every decision becomes a task (待办, ./tasks.ts) for its owner.
 */
export const MEETING_KINDS = ['topic', 'planning', 'production', 'review'] as const
export type MeetingKind = (typeof MEETING_KINDS)[number]
export const MEETING_KIND_LABELS: Record<MeetingKind, string> = { topic: '选题会', planning: '策划会', production: '制作会', review: '复盘会' }

export const MEETING_STATUSES = ['open', 'ended'] as const
export type MeetingStatus = (typeof MEETING_STATUSES)[number]
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = { open: '进行中', ended: '已结束' }

export const AGENDA_MAX = 30
export const ATTENDEES_MAX = 30
export const DECISIONS_MAX = 30
/** Ideas one 选题会 step moves onto the calendar: one transaction, kept small. */
export const SCHEDULE_MAX = 10
export const DECISION_TEXT_MAX = 100

const kind = z.enum(MEETING_KINDS).describe('会议类型')
const monthKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '应为 YYYY-MM 格式的月份').describe('月份')
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '应为 HH:mm 格式的时间').describe('发布时间')
const uniqueIds = (label: string, max: number) =>
  z
    .array(id(label))
    .max(max, `最多 ${max} 个`)
    .refine((a) => new Set(a).size === a.length, '不能重复')
    .describe(label)

export const listMeetingsInput = z.object({ kind: kind.optional() }).strict()
export const openMeetingInput = z.object({ kind, day: dayKey('会议日期') }).strict()
export const meetingRefInput = z.object({ id: id('会议') }).strict()
export const endMeetingInput = z.object({ id: id('会议'), version }).strict()

export const updateMeetingInput = z
  .object({
    id: id('会议'),
    version,
    day: dayKey('会议日期').optional(),
    attendeeIds: uniqueIds('参会人', ATTENDEES_MAX).optional(),
    agendaItemIds: uniqueIds('议程', AGENDA_MAX).optional(),
    notes: z.string().trim().max(2000).describe('会议记录').optional(),
  })
  .strict()

export const saveDecisionInput = z
  .object({
    meetingId: id('会议'),
    /** Absent for a new decision. */
    decisionId: id('决议').optional(),
    text: visibleText('决议内容', DECISION_TEXT_MAX),
    ownerId: id('负责人'),
    dueDay: dayKey('截止日期'),
    /** A 复盘会 decision about an auxiliary target names its KPI: the change itself is made on the targets page. */
    kpi: z.enum(KPIS).describe('指标').optional(),
  })
  .strict()

export const removeDecisionInput = z.object({ meetingId: id('会议'), decisionId: id('决议') }).strict()

export const scheduleIdeasInput = z
  .object({
    meetingId: id('会议'),
    ideas: z
      .array(z.object({ itemId: id('选题'), day: dayKey('发布日期'), time: hhmm.optional() }).strict())
      .min(1, '请至少选择一个选题')
      .max(SCHEDULE_MAX, `一次最多 ${SCHEDULE_MAX} 个`)
      .refine((a) => new Set(a.map((i) => i.itemId)).size === a.length, '选题不能重复')
      .describe('选题'),
  })
  .strict()

const share = z.number().int('应为整数').min(0, '不能为负数').max(100, '不能超过 100')
export const setReviewPlanInput = z
  .object({
    meetingId: id('会议'),
    month: monthKey,
    layerShares: z
      .object({ intro: share.describe('基础认知占比'), value: share.describe('深度价值占比'), story: share.describe('情感共鸣占比') })
      .strict()
      .refine((s) => s.intro + s.value + s.story === 100, '三项合计应为 100%')
      .describe('内容结构'),
    theme: visibleText('月度主题', 30, { min: 0 }),
  })
  .strict()

/** Next month's planned layer shares, in whole percent summing to 100. */
export type LayerShares = Record<Layer, number>

/** One decision as a meeting holds it; its task (待办) has the id `decisionTaskId(meetingId, id)`. */
export interface MeetingDecision {
  id: string
  text: string
  ownerId: string
  dueDay: DayKey
  kpi?: KpiKey
}

export interface MeetingLine {
  id: string
  kind: MeetingKind
  kindLabel: string
  day: DayKey
  status: MeetingStatus
  attendeeCount: number
  decisionCount: number
  /** Open decisions carried over from earlier meetings of the kind when this one opened. */
  carriedCount: number
}

export interface AgendaEntry {
  itemId: string
  title: string
  status: ItemStatus | null
  day: DayKey | null
}

export interface DecisionView extends MeetingDecision {
  ownerName: string
  taskStatus: 'open' | 'done'
  overdue: boolean
}

/** A decision of an earlier meeting of the kind, with where its task stands now. */
export interface CarriedDecision {
  taskId: string
  title: string
  ownerId: string
  ownerName: string
  dueDay: DayKey
  meetingDay: DayKey
  status: 'open' | 'done'
  overdue: boolean
  doneAt: string | null
}

/** What an ended meeting leaves behind, frozen when it ends. */
export interface MeetingSummary {
  notes: string
  decisions: { text: string; ownerName: string; dueDay: DayKey }[]
  /** Carried-over decisions done by the time the meeting ended. */
  done: { title: string; ownerName: string }[]
  stillOpen: { title: string; ownerName: string; dueDay: DayKey }[]
}

export interface ReviewPlanView {
  month: string
  layerShares: LayerShares
  theme: string
  /** 基础认知占比's target in force on the month's first day, which the calendar's mix check judges by. */
  introTarget: number | null
}

export interface MeetingView {
  id: string
  kind: MeetingKind
  kindLabel: string
  day: DayKey
  status: MeetingStatus
  version: number
  attendees: { id: string; name: string }[]
  agenda: AgendaEntry[]
  notes: string
  decisions: DecisionView[]
  carried: CarriedDecision[]
  reviewPlan: ReviewPlanView | null
  /** Frozen when the meeting ends. */
  summary: MeetingSummary | null
  createdByName: string
  endedAt: string | null
}

/**
 * The summary an ended meeting keeps: its notes, its own decisions, and which carried-over decisions were
 * done and which are still open.
 *
 * @example
 * meetingSummary('定了两条', [{ text: '约拍门店', ownerName: '周航', dueDay: '2026-12-10' }], [{ title: '写脚本', ownerName: '李娜', status: 'done', dueDay: '2026-12-01' }])
 * //=> { notes: '定了两条', decisions: [{ text: '约拍门店', … }], done: [{ title: '写脚本', ownerName: '李娜' }], stillOpen: [] }
 */
export function meetingSummary(
  notes: string,
  decisions: readonly { text: string; ownerName: string; dueDay: DayKey }[],
  carried: readonly { title: string; ownerName: string; status: 'open' | 'done'; dueDay: DayKey }[],
): MeetingSummary {
  return {
    notes,
    decisions: decisions.map(({ text, ownerName, dueDay }) => ({ text, ownerName, dueDay })),
    done: carried.filter((c) => c.status === 'done').map(({ title, ownerName }) => ({ title, ownerName })),
    stillOpen: carried.filter((c) => c.status === 'open').map(({ title, ownerName, dueDay }) => ({ title, ownerName, dueDay })),
  }
}

/**
 * The first `n` days from `from` on that have nothing on the calendar: the default day of each idea a
 * 选题会 schedules, so two ideas do not land on one day unless someone chooses so.
 *
 * @example
 * nextFreeDays('2026-12-01', ['2026-12-01', '2026-12-03'], 2) //=> ['2026-12-02', '2026-12-04']
 */
export function nextFreeDays(from: DayKey, busy: Iterable<DayKey>, n: number): DayKey[] {
  const taken = new Set(busy)
  const out: DayKey[] = []
  // Bounded: a fully booked year still answers (with days after it).
  for (let d = from, guard = 0; out.length < n && guard < 400; d = addDays(d, 1), guard++) {
    if (!taken.has(d)) out.push(d)
  }
  return out
}

/** The layer shares a new 复盘会 starts from: the calendar's default ceiling for intros, the rest split. */
export const DEFAULT_LAYER_SHARES: LayerShares = { intro: 40, value: 40, story: 20 }

/** Layers in table order, for forms. */
export const SHARE_LAYERS: readonly Layer[] = LAYERS
