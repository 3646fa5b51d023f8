import { z } from 'zod'
import { idSchema as id } from '../atoms'
import type { Role } from '../roles'
import type { DayKey } from '../time/china'
import { MEETING_KIND_LABELS, type MeetingKind } from './meetings'

/**
 * A task (待办): something one person has to do by a day, from a meeting decision (and later from a
 * retrospective). Each person has one list of them; overdue is judged against China-time today.
 */

/**
 * Where a task comes from. A discriminated union so other sources (retrospectives) join as new kinds
 * without touching the meeting one.
 */
export type TaskSource =
  | { kind: 'meeting'; meetingId: string; decisionId: string; meetingKind: MeetingKind; meetingDay: DayKey }
  | { kind: 'retrospective'; itemId: string; retrospectiveId: string; publishedDay: DayKey }

/** The group of every retrospective task. */
export const RETRO_GROUP = 'retrospective'

export const TASK_STATUSES = ['open', 'done'] as const
export type TaskStatus = (typeof TASK_STATUSES)[number]

export const taskRefInput = z.object({ id: id('待办') }).strict()

/**
 * The task id of a meeting decision: one task per decision, so editing the decision updates the same
 * task and a retried write finds it.
 *
 * @example
 * decisionTaskId('m1', 'd1') //=> 'm1_d1'
 */
export function decisionTaskId(meetingId: string, decisionId: string): string {
  return `${meetingId}_${decisionId}`
}

/**
 * The group a task is listed under for its source: the open tasks of earlier 选题会 are those of group
 * 'meeting:topic'. Stored on the task, so one indexed equality finds them.
 *
 * @example
 * sourceGroup({ kind: 'meeting', meetingId: 'm', decisionId: 'd', meetingKind: 'topic', meetingDay: '2026-12-01' }) //=> 'meeting:topic'
 */
export function sourceGroup(source: TaskSource): string {
  return source.kind === 'meeting' ? meetingGroup(source.meetingKind) : RETRO_GROUP
}

/** The group of the decisions of one kind of meeting. */
export function meetingGroup(kind: MeetingKind): string {
  return `meeting:${kind}`
}

/**
 * Where a task came from, in words.
 *
 * @example
 * sourceLabel({ kind: 'meeting', meetingId: 'm', decisionId: 'd', meetingKind: 'topic', meetingDay: '2026-12-03' }) //=> '选题会 12月3日'
 * sourceLabel({ kind: 'retrospective', itemId: 'i', retrospectiveId: 'r', publishedDay: '2026-11-24' }) //=> '单条复盘 11月24日发布'
 */
export function sourceLabel(source: TaskSource): string {
  const md = (day: DayKey) => {
    const [, m, d] = day.split('-')
    return `${Number(m)}月${Number(d)}日`
  }
  if (source.kind === 'retrospective') return `单条复盘 ${md(source.publishedDay)}发布`
  return `${MEETING_KIND_LABELS[source.meetingKind]} ${md(source.meetingDay)}`
}

/**
 * An open task is overdue once its due day has passed in China time (due today is not overdue).
 *
 * @example
 * isOverdue({ status: 'open', dueDay: '2026-12-01' }, '2026-12-02') //=> true
 * isOverdue({ status: 'open', dueDay: '2026-12-02' }, '2026-12-02') //=> false
 * isOverdue({ status: 'done', dueDay: '2026-11-01' }, '2026-12-02') //=> false
 */
export function isOverdue(task: { status: TaskStatus; dueDay: DayKey }, today: DayKey): boolean {
  return task.status === 'open' && task.dueDay < today
}

/**
 * Who may mark a task done or open it again: its owner, or a manager or admin (who follow the team's tasks).
 *
 * @example
 * mayCloseTask({ memberId: 'a', roles: ['field'] }, 'a') //=> true
 * mayCloseTask({ memberId: 'b', roles: ['operator'] }, 'a') //=> false
 * mayCloseTask({ memberId: 'b', roles: ['manager'] }, 'a') //=> true
 */
export function mayCloseTask(actor: { memberId: string; roles: readonly Role[] }, ownerId: string): boolean {
  return actor.memberId === ownerId || actor.roles.includes('manager') || actor.roles.includes('admin')
}

export interface TaskView {
  id: string
  title: string
  dueDay: DayKey
  status: TaskStatus
  overdue: boolean
  ownerId: string
  ownerName: string
  sourceLabel: string
  /** The meeting to open from the task. */
  meetingId: string | null
  /** The retrospective to write from the task (done by saving it, not by a tap). */
  retrospectiveId: string | null
  doneAt: string | null
  doneByName: string | null
}

export interface MyTasks {
  today: DayKey
  /** Open tasks, earliest due first. */
  open: TaskView[]
  /** The most recently done. */
  done: TaskView[]
  openCount: number
  overdueCount: number
}

/**
 * Open tasks earliest due first (ties by title), so the overdue ones lead.
 *
 * @example
 * byDue([{ dueDay: '2026-12-03', title: 'b' }, { dueDay: '2026-12-01', title: 'a' }]).map((t) => t.title) //=> ['a', 'b']
 */
export function byDue<T extends { dueDay: DayKey; title: string }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => a.dueDay.localeCompare(b.dueDay) || a.title.localeCompare(b.title))
}
