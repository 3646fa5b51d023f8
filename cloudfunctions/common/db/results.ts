import { createHash } from 'node:crypto'
import type { DayRollup, ItemDims } from '../../../core/results/rollup'
import type { FollowerView, LeadView, LiveView, SeriesPoint, SnapshotView } from '../../../core/results/views'
import type { BaseRecord, DerivedDoc, FieldsOfView, StoredDoc } from './base'

/** Who logged a fact and when, kept on the fact itself (names are frozen as they were). */
interface Logged extends BaseRecord {
  loggedByName: string
  loggedAt: Date
}

// Fact records take their fields from the views (FieldsOfView): what differs is said here, once.
export interface SnapshotRecord extends Logged, FieldsOfView<SnapshotView, never, 'loggedById' | 'loggedByName' | 'loggedAt'> {
  importId: string | null
  /** The item's classification when its numbers were first logged; rollups count under it. */
  dims: ItemDims
}

/** Set on a correction: why (absent on facts logged before corrections asked), and the request that wrote it (a re-run after a crash finds its own record). */
interface Corrected {
  reason?: string | null
  requestId?: string
}

export interface LiveRecord extends Logged, Corrected, FieldsOfView<LiveView, 'startAt' | 'endAt', 'reason' | 'loggedByName' | 'loggedAt'> {
  dims: ItemDims
}

export interface LeadRecord extends Logged, Corrected, FieldsOfView<LeadView, never, 'reason' | 'loggedByName' | 'loggedAt'> {}

export interface FollowerRecord extends Logged, FieldsOfView<FollowerView, never, 'loggedByName' | 'loggedAt'> {}

export interface ImportRecord extends Logged {
  fileName: string
  rows: number
  snapshotIds: string[]
}

export interface SeriesRecord extends DerivedDoc {
  itemId: string
  dims: ItemDims
  points: SeriesPoint[]
}

export interface RollupRecord extends DayRollup, DerivedDoc {}

export interface LockRecord extends StoredDoc {
  rebuildingUntil: Date | null
  lastRebuildAt: Date | null
  /** A rebuild running over several calls: where the next call starts. */
  job?: RebuildJob | null
}

export interface RebuildJob {
  startedAt: Date
  /** Posts of items up to and including this id are in the scratch sums. */
  afterItemId: string
  items: number
  snapshots: number
}

/**
 * The id of the record that corrects `targetId`: derived from it, so a record can be corrected once (a second
 * correction finds the first inside its transaction and is refused) and chains stay short.
 */
export const correctionId = (kind: 'live' | 'lead', targetId: string) => `${kind}_fix_${createHash('sha256').update(targetId).digest('hex').slice(0, 24)}`

export const seriesId = (teamId: string, itemId: string) => `${teamId}_${itemId}`
export const rollupId = (teamId: string, day: string) => `${teamId}_${day}`
