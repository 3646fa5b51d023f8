import type { MeetingDecision, MeetingView, ReviewPlanView } from '../../../core/content/meetings'
import type { ComparisonRow, Day7Sums, RetrospectiveView } from '../../../core/content/retrospectives'
import type { Category, Format, Layer } from '../../../core/content/schemas'
import type { TaskSource, TaskView } from '../../../core/content/tasks'
import type { BaseRecord } from './base'

/**
 * One of the four meetings (四会), written by the content function. Kind, day, status, notes and summary are
 * MeetingView's; attendees, agenda, decisions and carried tasks are stored their own way and resolved for the view.
 */
export interface MeetingRecord extends BaseRecord, Pick<MeetingView, 'kind' | 'day' | 'status' | 'notes' | 'summary'> {
  attendeeIds: string[]
  /** Items and ideas discussed, with the title they had when added (the view shows the current one). */
  agenda: { itemId: string; title: string }[]
  decisions: MeetingDecision[]
  /** Tasks of earlier meetings of the kind that were open when this one opened, or done since the last one ended. */
  carriedTaskIds: string[]
  /** 复盘会 only: next month's layer shares and theme (the view adds the target in force). */
  reviewPlan: Pick<ReviewPlanView, 'month' | 'layerShares' | 'theme'> | null
  endedAt: Date | null
}

/** A task (待办) in one member's list; id `decisionTaskId(meetingId, decisionId)` for a meeting decision. Its shared fields are TaskView's. */
export interface TaskRecord extends BaseRecord, Pick<TaskView, 'ownerId' | 'title' | 'dueDay' | 'status' | 'doneByName'> {
  source: TaskSource
  /** `sourceGroup(source)`: what "the open decisions of earlier 选题会" queries. */
  sourceGroup: string
  doneAt: Date | null
  doneById: string | null
}

/**
 * An item's retrospective (单条复盘), id `retroId(itemId)`: created by the content function's timer once
 * the item's day 7 is complete, written by its owner (or a manager); written ones with an outcome are the
 * case library. The item's classification is copied so the library filters on one collection.
 * What the owner writes, and the item's title, day and status, are RetrospectiveView's fields.
 */
export interface RetrospectiveRecord
  extends BaseRecord,
    Pick<RetrospectiveView, 'itemId' | 'title' | 'publishedDay' | 'status' | 'worked' | 'change' | 'tags' | 'outcome' | 'writtenByName'> {
  ownerId: string
  layer: Layer
  category: Category
  format: Format
  /** Day-7 sums: as found when created, refreshed when written (numbers logged late count then). */
  day7: Day7Sums
  /** The task in the owner's 待办, or null for an item caught up only for the averages. */
  taskId: string | null
  /** Frozen when written: the comparison the owner wrote against. */
  comparison: ComparisonRow[] | null
  averageNote: string | null
  writtenAt: Date | null
  writtenById: string | null
}
