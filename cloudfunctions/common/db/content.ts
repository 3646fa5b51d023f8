import type { Category, Format, ItemStatus, Layer, ScheduleChange, Source } from '../../../core/content/schemas'
import { dayKey } from '../../../core/time/china'
import type { BaseRecord } from './base'

/** A content item on the calendar or in the topic library (status idea, no date). */
export interface ItemRecord extends BaseRecord {
  title: string
  format: Format
  layer: Layer
  category: Category
  ownerId: string
  /** When it should go out; null for an idea. */
  plannedAt: Date | null
  /** China-time day of plannedAt (or of publishedAt once published): what calendar ranges query. */
  day: string | null
  status: ItemStatus
  notes: string
  tags: string[]
  source: Source | null
  publishedAt: Date | null
  postUrl: string | null
  scheduleHistory: ScheduleChange[]
  /** Set by the review function when the production passes its final gate (absent for items published without one). */
  finalApprovedAt?: Date | null
  /** Production cycle time, topic approved → final approved, in seconds (the dashboard's 制作周期). */
  cycleSeconds?: number | null
}

/** A team's theme for a month (_id `themeId(teamId, month)`). */
export interface ThemeRecord extends BaseRecord {
  month: string
  theme: string
}

export const themeId = (teamId: string, month: string) => `${teamId}_${month}`

/** Fields a new item starts with; the function and the demo seed both build items through this. */
export function newItemRecord(
  fields: Pick<ItemRecord, '_id' | 'teamId' | 'title' | 'format' | 'layer' | 'category' | 'ownerId' | 'plannedAt' | 'createdBy'> &
    Partial<Pick<ItemRecord, 'notes' | 'tags' | 'source'>> & { now: Date },
): ItemRecord {
  return {
    _id: fields._id,
    teamId: fields.teamId,
    title: fields.title,
    format: fields.format,
    layer: fields.layer,
    category: fields.category,
    ownerId: fields.ownerId,
    plannedAt: fields.plannedAt,
    day: fields.plannedAt ? dayKey(fields.plannedAt) : null,
    status: fields.plannedAt ? 'planned' : 'idea',
    notes: fields.notes ?? '',
    tags: fields.tags ?? [],
    source: fields.source ?? null,
    publishedAt: null,
    postUrl: null,
    scheduleHistory: [],
    createdAt: fields.now,
    updatedAt: fields.now,
    createdBy: fields.createdBy,
    version: 0,
  }
}
