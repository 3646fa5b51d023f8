import { createHash } from 'node:crypto'
import type { Channel } from '../../../core/results/metrics'
import type { DayRollup, ItemDims } from '../../../core/results/rollup'
import type { SnapshotMetrics } from '../../../core/results/schemas'
import type { SeriesPoint, SnapshotSource } from '../../../core/results/views'
import type { BaseRecord, DerivedDoc, StoredDoc } from './base'

/** Who logged a fact and when, kept on the fact itself (names are frozen as they were). */
interface Logged extends BaseRecord {
  loggedByName: string
  loggedAt: Date
}

export interface SnapshotRecord extends Logged {
  itemId: string
  date: string
  metrics: SnapshotMetrics
  kind: 'log' | 'correction'
  source: SnapshotSource
  supersedes: string | null
  reason: string | null
  importId: string | null
  /** The item's classification when its numbers were first logged; rollups count under it. */
  dims: ItemDims
}

export interface LiveRecord extends Logged {
  itemId: string
  day: string
  startAt: Date
  endAt: Date
  durationSeconds: number
  uniqueViewers: number
  peakConcurrent: number
  avgWatchSeconds: number | null
  newFollowers: number
  comments: number | null
  orders: number
  gmvFen: number
  supersedes: string | null
  /** Set on a correction: why, and the request that wrote it (a re-run after a crash finds its own record). */
  reason?: string | null
  requestId?: string
  dims: ItemDims
}

export interface LeadRecord extends Logged {
  date: string
  channel: Channel
  count: number
  itemId: string | null
  liveId: string | null
  supersedes: string | null
  reason?: string | null
  requestId?: string
}

export interface FollowerRecord extends Logged {
  date: string
  total: number
  supersedes: string | null
}

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
