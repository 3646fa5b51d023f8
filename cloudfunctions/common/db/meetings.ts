import type { LayerShares, MeetingDecision, MeetingKind, MeetingStatus, MeetingSummary } from '../../../core/content/meetings'
import type { ComparisonRow, Day7Sums, Outcome, RetroStatus } from '../../../core/content/retrospectives'
import type { Category, Format, Layer } from '../../../core/content/schemas'
import type { TaskSource, TaskStatus } from '../../../core/content/tasks'
import type { DayKey } from '../../../core/time/china'
import type { BaseRecord } from './base'

/** One of the four meetings (四会), written by the content function. */
export interface MeetingRecord extends BaseRecord {
  kind: MeetingKind
  day: DayKey
  status: MeetingStatus
  attendeeIds: string[]
  /** Items and ideas discussed, with the title they had when added (the view shows the current one). */
  agenda: { itemId: string; title: string }[]
  notes: string
  decisions: MeetingDecision[]
  /** Tasks of earlier meetings of the kind that were open when this one opened, or done since the last one ended. */
  carriedTaskIds: string[]
  /** 复盘会 only: next month's layer shares and theme. */
  reviewPlan: { month: string; layerShares: LayerShares; theme: string } | null
  /** Frozen when the meeting ends. */
  summary: MeetingSummary | null
  endedAt: Date | null
}

/** A task (待办) in one member's list; id `decisionTaskId(meetingId, decisionId)` for a meeting decision. */
export interface TaskRecord extends BaseRecord {
  ownerId: string
  title: string
  dueDay: DayKey
  source: TaskSource
  /** `sourceGroup(source)`: what "the open decisions of earlier 选题会" queries. */
  sourceGroup: string
  status: TaskStatus
  doneAt: Date | null
  doneById: string | null
  doneByName: string | null
}

/**
 * An item's retrospective (单条复盘), id `retroId(itemId)`: created by the content function's timer once
 * the item's day 7 is complete, written by its owner (or a manager); written ones with an outcome are the
 * case library. The item's classification is copied so the library filters on one collection.
 */
export interface RetrospectiveRecord extends BaseRecord {
  itemId: string
  ownerId: string
  title: string
  layer: Layer
  category: Category
  format: Format
  publishedDay: DayKey
  /** Day-7 sums: as found when created, refreshed when written (numbers logged late count then). */
  day7: Day7Sums
  status: RetroStatus
  /** The task in the owner's 待办, or null for an item caught up only for the averages. */
  taskId: string | null
  worked: string
  change: string
  tags: string[]
  outcome: Outcome | null
  /** Frozen when written: the comparison the owner wrote against. */
  comparison: ComparisonRow[] | null
  averageNote: string | null
  writtenAt: Date | null
  writtenById: string | null
  writtenByName: string | null
}
